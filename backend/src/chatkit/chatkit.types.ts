/**
 * ChatKit wire types: what `POST /api/chatkit` sends (chatkit-protocol.md §3–§4). Snake_case keys, optional
 * keys omitted rather than null, timestamps as UTC ISO strings.
 */
import type {
  AssistantMessageContent,
  IconName,
  ItemPayloads,
  ThreadStatus,
  WidgetNode,
  WorkflowTask,
} from '../conversations/thread-item';
import type { VISIBLE_ITEM_TYPES } from '../conversations/thread-item';

export type VisibleItemType = (typeof VISIBLE_ITEM_TYPES)[number];

export interface WirePage<T> {
  data: T[];
  has_more: boolean;
  after?: string;
}

interface WireItemBase<T extends VisibleItemType> {
  id: string;
  thread_id: string;
  created_at: string;
  type: T;
}

/** A thread item as clients see it: the common fields plus the type's payload, flat. */
export type WireItem = { [T in VisibleItemType]: WireItemBase<T> & ItemPayloads[T] }[VisibleItemType];

export interface WireThread {
  id: string;
  title?: string;
  created_at: string;
  status: ThreadStatus;
  /** Always empty: the thread's metadata is private to the server. */
  metadata: Record<string, never>;
  items: WirePage<WireItem>;
}

export type ThreadItemUpdate =
  | { type: 'assistant_message.content_part.added'; content_index: number; content: AssistantMessageContent }
  | { type: 'assistant_message.content_part.text_delta'; content_index: number; delta: string }
  | { type: 'assistant_message.content_part.done'; content_index: number; content: AssistantMessageContent }
  | { type: 'widget.root.updated'; widget: WidgetNode }
  | { type: 'workflow.task.added'; task_index: number; task: WorkflowTask }
  | { type: 'workflow.task.updated'; task_index: number; task: WorkflowTask };

/** Every event a ChatKit stream carries (chatkit-protocol.md §3). */
export type ChatKitEvent =
  | { type: 'thread.created'; thread: WireThread }
  | { type: 'thread.updated'; thread: WireThread }
  | { type: 'thread.item.added'; item: WireItem }
  | { type: 'thread.item.updated'; item_id: string; update: ThreadItemUpdate }
  | { type: 'thread.item.done'; item: WireItem }
  | { type: 'thread.item.removed'; item_id: string }
  | { type: 'thread.item.replaced'; item: WireItem }
  | { type: 'stream_options'; stream_options: { allow_cancel: boolean } }
  | { type: 'progress_update'; icon?: IconName; text: string }
  | { type: 'client_effect'; name: string; data: Record<string, unknown> }
  | { type: 'error'; code: 'stream.error' | 'custom'; message?: string; allow_retry: boolean }
  | { type: 'notice'; level: 'info' | 'warning' | 'danger'; message: string; title?: string };

/** The first event after the request's own items: the UI shows a Stop button (cancellation is supported). */
export const STREAM_OPTIONS: ChatKitEvent = {
  type: 'stream_options',
  stream_options: { allow_cancel: true },
};

/** The answer of `POST /api/chatkit`: one JSON document, or a stream of events. */
export type ChatKitResult =
  { kind: 'json'; body: object } | { kind: 'stream'; events: AsyncIterable<ChatKitEvent> };

/** Client effect sent whenever the user's tasks changed, so the embedding page can refresh its list. */
export const TASKS_CHANGED_EFFECT = 'tasks.changed';
