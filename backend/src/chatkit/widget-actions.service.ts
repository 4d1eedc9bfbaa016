import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { TaskChange, taskChange } from '../chat/turn-events';
import { DomainError } from '../common/domain-error';
import { ConversationStore } from '../conversations/conversation-store.service';
import { StoredItemOf } from '../conversations/thread-item';
import type { Messages } from '../i18n/catalog';
import type { Language } from '../i18n/language';
import { messagesFor } from '../i18n/messages';
import { TaskNotFoundError } from '../tasks/tasks.errors';
import { taskDetails } from '../tasks/task-details';
import {
  UNDONE_AS,
  UndoConflictError,
  undoneItems,
  undoSummary,
  type UndoResult,
} from '../tasks/task-changes';
import { ChangedTask, TasksService } from '../tasks/tasks.service';
import type { CustomActionParams } from './chatkit-request.schema';
import { renderTaskList, taskIdsOf, TaskRow } from './task-list.widget';
import { isChangeBatch, isUndoWidget, renderUndone, UNDO_ACTION } from './undo.widget';

const taskId = z
  .number()
  .int()
  .positive()
  .max(2_147_483_647)
  .describe('The task number the widget row shows');

/** The actions our task-list widget sends; anything else is refused before a response starts. */
const taskActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('task.complete'), payload: z.object({ task_id: taskId }) }),
  z.object({ type: z.literal('task.reopen'), payload: z.object({ task_id: taskId }) }),
  z.object({ type: z.literal('task.confirm_delete'), payload: z.object({ task_id: taskId }) }),
  z.object({ type: z.literal('task.delete'), payload: z.object({ task_id: taskId }) }),
  z.object({ type: z.literal('task.keep'), payload: z.object({ task_id: taskId }) }),
  // The Undo bar's button: the batch of changes it reverses (see undo.widget.ts).
  z.object({
    type: z.literal(UNDO_ACTION),
    payload: z.object({
      batch: z.string().refine(isChangeBatch, 'batch must be the change batch the Undo bar was drawn with'),
    }),
  }),
]);

/** Actions that only redraw the list (the row asks whether to delete, or stops asking): no task changes. */
const ASKING = new Set<TaskAction['type']>(['task.confirm_delete', 'task.keep']);

export type TaskAction = z.infer<typeof taskActionSchema>;

/** An action on one task of the task list. */
type RowAction = Exclude<TaskAction, { type: typeof UNDO_ACTION }>;
type UndoAction = Extract<TaskAction, { type: typeof UNDO_ACTION }>;

/** A custom action that passed its checks, or one whose sender is not a widget (answered with an error event). */
export type PreparedAction =
  | { kind: 'not_widget' }
  | { kind: 'ready'; threadId: string; sender?: StoredItemOf<'widget'>; action: TaskAction };

/** Who is looking: the client's time zone (for due dates; else the user's remembered one) and language. */
export interface ActionView {
  timeZone?: string;
  language?: Language;
}

export interface ActionOutcome {
  /** The sender widget re-rendered from the tasks as they are now (stored). */
  updated?: StoredItemOf<'widget'>;
  /** What changed: the task, and the next occurrence a completed repeating task got. */
  changes: TaskChange[];
  /** Said to the user when the action could not apply (the task was deleted meanwhile). */
  notice?: string;
}

function parseTaskAction(action: CustomActionParams['action']): TaskAction {
  const result = taskActionSchema.safeParse(action);
  if (result.success) return result.data;
  // A known action with a bad payload: say what is wrong with it.
  const known = taskActionSchema.options.some((o) => o.shape.type.value === action.type);
  if (known)
    throw new DomainError(
      'invalid_input',
      `${action.type}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  throw new DomainError(
    'invalid_input',
    'action must be { type: "task.complete" | "task.reopen" | "task.confirm_delete" | "task.delete" | "task.keep", ' +
      `payload: { task_id: <task number> } } or { type: "${UNDO_ACTION}", payload: { batch } }` +
      ` (got type "${action.type}")`,
  );
}

const OUTCOME: Record<TaskChange['action'], string> = {
  created: 'it was created',
  updated: 'it was changed',
  completed: 'it is now done',
  reopened: 'it is open again',
  deleted: 'it was deleted',
};

function contextNote(action: RowAction, change: TaskChange | undefined): string {
  const id = action.payload.task_id;
  if (!change)
    return `The user pressed ${action.type} on task ${id} in the task list, but that task no longer exists.`;
  const result = OUTCOME[change.action];
  return `In the task list widget, the user acted on task ${id} “${change.title}”: ${result}.`;
}

/**
 * Widget actions (`threads.custom_action`, `threads.sync_custom_action`): validate the payload, act through
 * TasksService for the token's user (a task of someone else is simply not found), record the action for the
 * model, and re-render the sender widget from the tasks as they are now — stored, so a reload shows it.
 */
@Injectable()
export class WidgetActionsService {
  constructor(
    private readonly store: ConversationStore,
    private readonly tasks: TasksService,
  ) {}

  /** Checks before any response: the action's shape, the thread's and the sender's ownership. */
  async prepare(userId: string, params: CustomActionParams): Promise<PreparedAction> {
    const action = parseTaskAction(params.action);
    if (params.item_id === undefined) {
      await this.store.getThread(userId, params.thread_id);
      return { kind: 'ready', threadId: params.thread_id, action };
    }
    // The item is looked up within the caller's thread, which proves both belong to the caller.
    const sender = await this.store.getItem(userId, params.thread_id, params.item_id);
    if (sender.type !== 'widget') return { kind: 'not_widget' };
    return { kind: 'ready', threadId: params.thread_id, sender, action };
  }

  /** `view`: the client's time zone and language, for what the redrawn widget and the notices say. */
  async perform(
    userId: string,
    prepared: Extract<PreparedAction, { kind: 'ready' }>,
    view: ActionView = {},
  ): Promise<ActionOutcome> {
    const { action, sender, threadId } = prepared;
    const msg = messagesFor(view.language);
    if (action.type === UNDO_ACTION) return this.undo(userId, threadId, action, sender, msg);
    const id = action.payload.task_id;
    if (ASKING.has(action.type)) return this.ask(userId, action, sender, view.timeZone, msg);
    let change: TaskChange | undefined;
    const changes: TaskChange[] = [];
    try {
      const task: ChangedTask =
        action.type === 'task.delete'
          ? await this.tasks.remove(userId, id, { origin: { threadId } })
          : await this.tasks.setCompleted(userId, id, action.type === 'task.complete', {
              origin: { threadId },
            });
      change = taskChange(
        action.type === 'task.delete' ? 'deleted' : task.completed ? 'completed' : 'reopened',
        task,
      );
      changes.push(change);
      if (task.nextOccurrence) changes.push(taskChange('created', task.nextOccurrence));
    } catch (err) {
      if (!(err instanceof TaskNotFoundError)) throw err;
    }
    await this.store.addItem(userId, threadId, 'hidden_context_item', {
      content: contextNote(action, change),
    });
    const updated = sender ? await this.rerender(userId, sender, view.timeZone, msg) : undefined;
    return { updated, changes, notice: change ? undefined : msg.taskGone(id) };
  }

  /**
   * The Undo bar's button: reverses the changes of its turn (in this conversation only), says what it reversed in
   * the bar, and tells the model. Refused, with the reason as a notice, when they were undone already or a later
   * change touched the same tasks.
   */
  private async undo(
    userId: string,
    threadId: string,
    action: UndoAction,
    sender: StoredItemOf<'widget'> | undefined,
    msg: Messages,
  ): Promise<ActionOutcome> {
    let result: UndoResult;
    try {
      result = await this.tasks.undoBatch(userId, { threadId }, action.payload.batch);
    } catch (err) {
      if (!(err instanceof UndoConflictError)) throw err;
      const notice = err.laterTasks.length ? msg.undoLaterChange(err.laterTasks) : msg.undoAlreadyDone;
      return { changes: [], notice };
    }
    const summary = undoSummary(result);
    const changes = result.changes.flatMap((c) => [
      ...(c.task ? [taskChange(UNDONE_AS[c.action], c.task)] : []),
      ...(c.removedNext ? [taskChange('deleted', c.removedNext)] : []),
    ]);
    await this.store.addItem(userId, threadId, 'hidden_context_item', {
      content: `The user pressed Undo on the changes of an earlier answer. ${summary}`,
    });
    const updated =
      sender && isUndoWidget(sender.payload.widget)
        ? await this.store.replaceItem(userId, sender, renderUndone(msg.undone(undoneItems(result))))
        : undefined;
    return { updated, changes };
  }

  /** Delete asks first: the sender's row becomes the question (or stops being it); nothing else changes. */
  private async ask(
    userId: string,
    action: RowAction,
    sender: StoredItemOf<'widget'> | undefined,
    timeZone: string | undefined,
    msg: Messages,
  ): Promise<ActionOutcome> {
    const id = action.payload.task_id;
    const confirming = action.type === 'task.confirm_delete' ? id : undefined;
    const updated = sender ? await this.rerender(userId, sender, timeZone, msg, confirming) : undefined;
    const shown = updated ? taskIdsOf(updated.payload.widget).includes(id) : true;
    return { updated, changes: [], notice: shown ? undefined : msg.taskGone(id) };
  }

  private async rerender(
    userId: string,
    sender: StoredItemOf<'widget'>,
    timeZone: string | undefined,
    msg: Messages,
    confirming?: number,
  ): Promise<StoredItemOf<'widget'> | undefined> {
    const ids = taskIdsOf(sender.payload.widget);
    if (ids.length === 0) return undefined; // not our task list: nothing to redraw
    const current = new Map((await this.tasks.all(userId)).map((t) => [t.number, t]));
    const shown = ids.flatMap((n) => current.get(n) ?? []);
    const zone = shown.some((t) => t.dueAt) ? await this.tasks.timeZone(userId, { timeZone }) : 'UTC';
    const now = this.tasks.now();
    const rows: TaskRow[] = shown.map((t) => {
      const { due_at: _dueAt, ...details } = taskDetails(t, zone, now);
      return { id: t.number, title: t.title, completed: t.completed, ...details };
    });
    const payload = renderTaskList(rows, confirming, msg);
    // A question is shown, not stored: a reload (or another tab) shows the row as it is, not a question nobody
    // answered.
    if (confirming !== undefined) return { ...sender, payload };
    return this.store.replaceItem(userId, sender, payload);
  }
}
