/**
 * The ChatKit wire types the built-in renderer reads and sends (the subset our backend speaks; see the ChatKit
 * protocol reference §2–§4). Snake_case as on the wire; optional keys may be absent, never null.
 */

export interface Page<T> {
  data: T[];
  has_more: boolean;
  after?: string;
}

export interface Thread {
  id: string;
  title?: string;
  created_at: string;
  status: { type: 'active' | 'locked' | 'closed'; reason?: string };
  items: Page<ThreadItem>;
}

export interface OutputText {
  type: 'output_text';
  text: string;
  annotations?: unknown[];
}

export type UserContent = { type: 'input_text'; text: string } | { type: 'input_tag'; text: string };

/** A node of a widget tree (ChatKit widget JSON: `type` plus camelCase props). */
export interface WidgetNode {
  type: string;
  id?: string;
  key?: string;
  children?: WidgetNode[];
  [prop: string]: unknown;
}

export interface ActionConfig {
  type: string;
  payload?: Record<string, unknown>;
  handler?: 'server' | 'client';
  loadingBehavior?: 'auto' | 'none' | 'self' | 'container';
  streaming?: boolean;
}

export interface WorkflowTask {
  type: string;
  title?: string;
  content?: string;
  icon?: string;
  status_indicator?: 'none' | 'loading' | 'complete';
}

interface ItemBase {
  id: string;
  thread_id: string;
  created_at: string;
}

export type ThreadItem =
  | (ItemBase & { type: 'user_message'; content: UserContent[] })
  | (ItemBase & { type: 'assistant_message'; content: OutputText[] })
  | (ItemBase & { type: 'widget'; widget: WidgetNode; copy_text?: string })
  | (ItemBase & { type: 'workflow'; workflow: { type: string; tasks: WorkflowTask[]; expanded?: boolean } })
  | (ItemBase & { type: 'task'; task: WorkflowTask })
  | (ItemBase & { type: 'end_of_turn' })
  | (ItemBase & { type: 'client_tool_call' | 'generated_image' | 'structured_input' });

export type ItemUpdate =
  | { type: 'assistant_message.content_part.added'; content_index: number; content: OutputText }
  | { type: 'assistant_message.content_part.text_delta'; content_index: number; delta: string }
  | { type: 'assistant_message.content_part.done'; content_index: number; content: OutputText }
  | { type: 'widget.root.updated'; widget: WidgetNode }
  | { type: 'widget.component.updated'; component_id: string; component: WidgetNode }
  | { type: 'widget.streaming_text.value_delta'; component_id: string; delta: string; done: boolean }
  | { type: 'workflow.task.added'; task_index: number; task: WorkflowTask }
  | { type: 'workflow.task.updated'; task_index: number; task: WorkflowTask }
  | { type: string };

export type StreamEvent =
  | { type: 'thread.created'; thread: Thread }
  | { type: 'thread.updated'; thread: Thread }
  | { type: 'thread.item.added'; item: ThreadItem }
  | { type: 'thread.item.updated'; item_id: string; update: ItemUpdate }
  | { type: 'thread.item.done'; item: ThreadItem }
  | { type: 'thread.item.removed'; item_id: string }
  | { type: 'thread.item.replaced'; item: ThreadItem }
  | { type: 'stream_options'; stream_options: { allow_cancel: boolean } }
  | { type: 'progress_update'; icon?: string; text: string }
  | { type: 'client_effect'; name: string; data?: Record<string, unknown> }
  | { type: 'error'; code: string; message?: string; allow_retry: boolean }
  | { type: 'notice'; level: 'info' | 'warning' | 'danger'; message: string; title?: string };

export interface UserMessageInput {
  content: UserContent[];
  attachments: string[];
  inference_options: Record<string, never>;
}

/** Requests answered with a stream of events. */
export interface StreamingRequests {
  'threads.create': { input: UserMessageInput };
  'threads.add_user_message': { thread_id: string; input: UserMessageInput };
  'threads.retry_after_item': { thread_id: string; item_id: string };
  'threads.custom_action': {
    thread_id: string;
    item_id?: string;
    action: { type: string; payload?: unknown };
  };
}

/** Requests answered with one JSON document, and what they answer. */
export interface JsonRequests {
  'threads.get_by_id': [{ thread_id: string }, Thread];
  'threads.list': [{ limit?: number; order?: 'asc' | 'desc'; after?: string }, Page<Thread>];
  'threads.update': [{ thread_id: string; title: string }, Thread];
  'threads.delete': [{ thread_id: string }, Record<string, never>];
  'items.list': [
    { thread_id: string; limit?: number; order?: 'asc' | 'desc'; after?: string },
    Page<ThreadItem>,
  ];
  /** Dictation: a recording (base64, its MIME type as recorded) to text. */
  'input.transcribe': [{ audio_base64: string; mime_type: string }, { text: string }];
}
