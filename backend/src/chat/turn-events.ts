import type { TaskChangedEvent } from '../common/task-events';
import type { FailureCode } from '../i18n/catalog';
import type { StoredItemOf, StoredThread } from '../conversations/thread-item';
import type { Task } from '../tasks/task.entity';
import { TaskFieldsView, toTaskFieldsView } from '../tasks/task.view';

/**
 * A task change as clients are told about it (snake_case, without the owner): what happened, and the task's
 * state and fields after it (before it, for a deletion). Fields the task does not have are left out, never null
 * (ChatKit's rule for optional keys).
 */
export type TaskChange = {
  action: TaskChangedEvent['action'];
  task_id: number;
  title: string;
  completed: boolean;
  tags: string[];
} & Partial<{ [K in Exclude<keyof TaskFieldsView, 'tags'>]: NonNullable<TaskFieldsView[K]> }>;

export function toTaskChange(e: TaskChangedEvent): TaskChange {
  return taskChange(e.action, e.task);
}

export function taskChange(action: TaskChange['action'], task: Task): TaskChange {
  const fields = Object.entries(toTaskFieldsView(task)).filter(([, v]) => v !== null);
  return {
    action,
    task_id: task.number,
    title: task.title,
    completed: task.completed,
    ...Object.fromEntries(fields),
  } as TaskChange;
}

/**
 * What a chat turn produces, in order, neutral to the protocol that shows it (ChatKit or REST chat).
 * Items in these events are already stored.
 */
export type TurnEvent =
  /** A piece of assistant text; `itemId` is the id the message will be stored under. */
  | { type: 'text_delta'; itemId: string; delta: string }
  | { type: 'assistant_message'; item: StoredItemOf<'assistant_message'> }
  | { type: 'tool_started'; callId: string; name: string; arguments: Record<string, unknown> }
  | {
      type: 'tool_finished';
      callId: string;
      name: string;
      arguments: Record<string, unknown>;
      /** The text the model saw. */
      output: string;
      isError: boolean;
      /** The tool's structured result when it succeeded. */
      data?: unknown;
    }
  /**
   * Tasks of the turn's user changed (by a tool of this turn, or anywhere else meanwhile). `undo`: those that are
   * this turn's own changes, and the batch that undoing them reverses.
   */
  | { type: 'tasks_changed'; changes: TaskChange[]; undo?: { batch: string; changes: TaskChange[] } }
  /** The thread's own fields changed (its title was set from the first message). */
  | { type: 'thread_updated'; thread: StoredThread }
  /**
   * The run failed; what was completed is stored, the user message is kept, a retry may follow. `message` says the
   * cause in the client's language.
   */
  | { type: 'failed'; code: FailureCode; message: string; retryable: boolean }
  /** The client went away: the run stopped and what it had produced is stored. */
  | { type: 'cancelled' };
