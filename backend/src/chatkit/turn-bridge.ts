import type { TaskChange, TurnEvent } from '../chat/turn-events';
import { ConversationStore, NewItem, newItemId } from '../conversations/conversation-store.service';
import type { AssistantMessageContent, ItemPayloads, WorkflowTask } from '../conversations/thread-item';
import type { FailureCode, Messages } from '../i18n/catalog';
import { messagesFor } from '../i18n/messages';
import { serializeItem, serializeThread } from './chatkit.serializer';
import { ChatKitEvent, TASKS_CHANGED_EFFECT, WireItem } from './chatkit.types';
import { renderTaskList, TaskRow, toTaskRow } from './task-list.widget';
import { listedTasks, toolFinishedTask, toolStartedTask } from './tool-progress';
import { renderUndoBar } from './undo.widget';

interface ActiveWorkflow {
  id: string;
  createdAt: string;
  startedAt: number;
  tasks: WorkflowTask[];
  indexByCall: Map<string, number>;
}

function emptyText(): AssistantMessageContent {
  return { type: 'output_text', text: '', annotations: [] };
}

/**
 * Failures whose cause the user is told in words of ours (`custom`); the others (a bug, a tool that threw, a
 * model error we cannot name) stay `stream.error`, which the ChatKit client words itself (golden 5.8).
 */
const TOLD: ReadonlySet<FailureCode> = new Set<FailureCode>([
  'max_turns',
  'model_busy',
  'model_refused',
  'model_unreachable',
  'model_timeout',
  'model_invalid_response',
]);

function isListTasks(name: string): boolean {
  return name === 'list_tasks' || name.endsWith('_list_tasks') || name.endsWith('.list_tasks');
}

/**
 * Shows one chat turn as ChatKit events (chatkit-protocol.md §3.2, §8.2):
 * - tool work as a workflow item whose tasks go from "Adding “Buy milk”…" (loading) to "Added … as task 1";
 *   the workflow closes (done, persisted, with its duration) when the answer starts;
 * - after `list_tasks`, a task-list widget item (persisted) with buttons that act through custom actions;
 * - assistant text as added → content_part.added → text_delta… → content_part.done → done;
 * - after the tool progress of changes the turn made, an Undo bar (a widget whose button reverses them, stored);
 * - `client_effect` `tasks.changed` whenever the user's tasks changed; `thread.updated` when it got a title;
 * - a failed run as an `error` event that says its cause; nothing after the client left.
 * Every text of ours is in the client's language (`msg`).
 * Widgets and workflows are ChatKit's presentation, so this bridge stores them itself; the turn's own items
 * (messages, tool calls) are stored by ChatTurnService.
 */
export class TurnEventBridge {
  private workflow?: ActiveWorkflow;
  private streamingMessageId?: string;
  /** The turn's own changes not offered for undo yet, and their batch. */
  private undoable?: { batch: string; changes: TaskChange[] };

  constructor(
    private readonly store: ConversationStore,
    private readonly userId: string,
    private readonly threadId: string,
    private readonly msg: Messages = messagesFor('en'),
  ) {}

  async *translate(events: AsyncIterable<TurnEvent>): AsyncGenerator<ChatKitEvent> {
    let settled = true;
    for await (const ev of events) {
      if (ev.type === 'failed' || ev.type === 'cancelled') settled = false;
      // The title comes after the run's outcome: close the workflow first so `thread.updated` stays last (§3.2.5).
      if (ev.type === 'thread_updated' && settled) yield* this.closeWorkflow();
      yield* this.on(ev);
    }
    // A failed or cancelled run leaves its workflow pending: it is not stored (as the reference does).
    if (settled) yield* this.closeWorkflow();
  }

  private async *on(ev: TurnEvent): AsyncGenerator<ChatKitEvent> {
    switch (ev.type) {
      case 'tool_started':
        yield* this.startTask(ev.callId, toolStartedTask(ev.name, ev.arguments, this.msg));
        return;
      case 'tool_finished': {
        const task = toolFinishedTask(ev.name, ev.arguments, ev, this.msg);
        const index = this.workflow?.indexByCall.get(ev.callId);
        if (this.workflow && index !== undefined) {
          this.workflow.tasks[index] = task;
          yield {
            type: 'thread.item.updated',
            item_id: this.workflow.id,
            update: { type: 'workflow.task.updated', task_index: index, task },
          };
        } else {
          yield* this.startTask(ev.callId, task); // no start was seen: show the result directly
        }
        if (!ev.isError && isListTasks(ev.name)) yield* this.taskListWidget(ev.data, ev.output);
        return;
      }
      case 'tasks_changed':
        yield { type: 'client_effect', name: TASKS_CHANGED_EFFECT, data: { changes: ev.changes } };
        if (ev.undo)
          this.undoable = {
            batch: ev.undo.batch,
            changes: [...(this.undoable?.changes ?? []), ...ev.undo.changes],
          };
        return;
      case 'text_delta':
        if (this.streamingMessageId !== ev.itemId) {
          yield* this.closeWorkflow();
          this.streamingMessageId = ev.itemId;
          yield {
            type: 'thread.item.added',
            item: {
              id: ev.itemId,
              thread_id: this.threadId,
              created_at: new Date().toISOString(),
              type: 'assistant_message',
              content: [],
            },
          };
          yield {
            type: 'thread.item.updated',
            item_id: ev.itemId,
            update: {
              type: 'assistant_message.content_part.added',
              content_index: 0,
              content: emptyText(),
            },
          };
        }
        yield {
          type: 'thread.item.updated',
          item_id: ev.itemId,
          update: { type: 'assistant_message.content_part.text_delta', content_index: 0, delta: ev.delta },
        };
        return;
      case 'assistant_message': {
        const { item } = ev;
        if (this.streamingMessageId === item.id) {
          this.streamingMessageId = undefined;
          yield {
            type: 'thread.item.updated',
            item_id: item.id,
            update: {
              type: 'assistant_message.content_part.done',
              content_index: 0,
              content: item.payload.content[0] ?? emptyText(),
            },
          };
        } else {
          yield* this.closeWorkflow();
        }
        yield { type: 'thread.item.done', item: serializeItem(item) };
        return;
      }
      case 'thread_updated':
        yield { type: 'thread.updated', thread: serializeThread(ev.thread) };
        return;
      case 'failed':
        // `custom` shows our message; `stream.error` lets the client show its own localized one.
        yield TOLD.has(ev.code)
          ? { type: 'error', code: 'custom', message: ev.message, allow_retry: ev.retryable }
          : { type: 'error', code: 'stream.error', allow_retry: ev.retryable };
        return;
      case 'cancelled':
        return;
    }
  }

  private async *startTask(callId: string, task: WorkflowTask): AsyncGenerator<ChatKitEvent> {
    const wf = this.workflow;
    if (wf) {
      wf.indexByCall.set(callId, wf.tasks.push(task) - 1);
      yield {
        type: 'thread.item.updated',
        item_id: wf.id,
        update: { type: 'workflow.task.added', task_index: wf.tasks.length - 1, task },
      };
      return;
    }
    const started: ActiveWorkflow = {
      id: newItemId('workflow'),
      createdAt: new Date().toISOString(),
      startedAt: Date.now(),
      tasks: [task],
      indexByCall: new Map([[callId, 0]]),
    };
    this.workflow = started;
    yield {
      type: 'thread.item.added',
      item: this.workflowItem(started, this.workflowPayload(started, false)),
    };
  }

  /**
   * Ends the active workflow: stored with its duration, collapsed, and sent as done; then the Undo bar of the
   * changes it showed. Both are stored in one statement (one round trip, not two, before the answer streams).
   */
  private async *closeWorkflow(): AsyncGenerator<ChatKitEvent> {
    const wf = this.workflow;
    const undoable = this.undoable;
    if (!wf && !undoable) return;
    this.workflow = undefined;
    this.undoable = undefined;
    const items: NewItem[] = [];
    if (wf) items.push({ type: 'workflow', payload: this.workflowPayload(wf, true), id: wf.id });
    if (undoable)
      items.push({ type: 'widget', payload: renderUndoBar(undoable.batch, undoable.changes, this.msg) });
    for (const stored of await this.store.addItems(this.userId, this.threadId, items))
      yield { type: 'thread.item.done', item: serializeItem(stored) };
  }

  private async *taskListWidget(data: unknown, output: string): AsyncGenerator<ChatKitEvent> {
    const rows = (listedTasks(data, output) ?? [])
      .map(toTaskRow)
      .filter((r): r is TaskRow => r !== undefined);
    if (rows.length === 0) return; // the answer says there is nothing; an empty list adds nothing
    yield* this.closeWorkflow();
    const stored = await this.store.addItem(
      this.userId,
      this.threadId,
      'widget',
      renderTaskList(rows, undefined, this.msg),
    );
    yield { type: 'thread.item.done', item: serializeItem(stored) };
  }

  private workflowPayload(wf: ActiveWorkflow, done: boolean): ItemPayloads['workflow'] {
    return {
      workflow: {
        type: 'custom',
        tasks: [...wf.tasks],
        ...(done ? { summary: { duration: Math.round((Date.now() - wf.startedAt) / 1000) } } : {}),
        expanded: false,
      },
    };
  }

  private workflowItem(wf: ActiveWorkflow, payload: ItemPayloads['workflow']): WireItem {
    return { id: wf.id, thread_id: this.threadId, created_at: wf.createdAt, type: 'workflow', ...payload };
  }
}
