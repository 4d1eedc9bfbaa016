/**
 * The stored model of a conversation. Items keep the ChatKit thread-item shapes (chatkit-protocol.md §4.3):
 * ChatKit is the richest client, so its item model is the store's, and REST chat reads text out of it.
 * One internal type, `server_tool_call`, records our own tool calls for the model; it is never shown.
 */

/** Any JSON value (what a jsonb column holds). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type ThreadStatus =
  { type: 'active' } | { type: 'locked'; reason?: string } | { type: 'closed'; reason?: string };

export interface StoredThread {
  id: string;
  userId: string;
  title: string | null;
  status: ThreadStatus;
  createdAt: Date;
  updatedAt: Date;
}

export type UserMessageContent =
  | { type: 'input_text'; text: string }
  | {
      type: 'input_tag';
      id: string;
      text: string;
      data: Record<string, JsonValue>;
      group?: string;
      interactive?: boolean;
    };

export interface InferenceOptions {
  tool_choice?: { id: string };
  model?: string;
}

export interface Annotation {
  type: 'annotation';
  source: Record<string, JsonValue>;
  index?: number;
}

export interface AssistantMessageContent {
  type: 'output_text';
  text: string;
  annotations: Annotation[];
}

/** A node of a widget tree: `type` plus camelCase props; `children` nest (chatkit-protocol.md §6.1). */
export interface WidgetNode {
  type: string;
  id?: string;
  key?: string;
  children?: WidgetNode[];
  [prop: string]: JsonValue | WidgetNode[] | undefined;
}

export type IconName = string;

export interface WorkflowTask {
  type: 'custom';
  title?: string;
  icon?: IconName;
  content?: string;
  status_indicator: 'none' | 'loading' | 'complete';
}

export interface Workflow {
  type: 'custom' | 'reasoning';
  tasks: WorkflowTask[];
  summary?: { title: string; icon?: IconName } | { duration: number };
  expanded: boolean;
}

export interface StructuredAnswer {
  values: string[];
  skipped: boolean;
}

export type StructuredInput =
  | {
      type: 'multiple_choice';
      id: string;
      question: string;
      answer?: StructuredAnswer;
      options: { value: string }[];
      multiple: boolean;
    }
  | { type: 'freeform'; id: string; question: string; answer?: StructuredAnswer; description?: string };

/** The jsonb payload of each item type: the ChatKit item minus `id`, `thread_id`, `created_at`, `type`. */
export interface ItemPayloads {
  user_message: {
    content: UserMessageContent[];
    attachments: [];
    quoted_text?: string;
    inference_options: InferenceOptions;
  };
  assistant_message: { content: AssistantMessageContent[] };
  widget: { widget: WidgetNode; copy_text?: string };
  workflow: { workflow: Workflow };
  task: { task: WorkflowTask };
  client_tool_call: {
    status: 'pending' | 'completed';
    call_id: string;
    name: string;
    arguments: Record<string, JsonValue>;
    output?: JsonValue;
  };
  structured_input: { status: 'pending' | 'answered' | 'skipped'; inputs: StructuredInput[] };
  end_of_turn: Record<string, never>;
  hidden_context_item: { content: JsonValue };
  sdk_hidden_context: { content: string };
  /** Internal: one call of our server-side tools and what it returned (`output` = the text the model saw). */
  server_tool_call: {
    call_id: string;
    name: string;
    arguments: Record<string, JsonValue>;
    output: string;
    is_error: boolean;
  };
}

export type ItemType = keyof ItemPayloads;

export interface StoredItemOf<T extends ItemType> {
  id: string;
  threadId: string;
  createdAt: Date;
  type: T;
  payload: ItemPayloads[T];
}

/** One stored item; narrowing on `type` narrows `payload`. */
export type StoredItem = { [T in ItemType]: StoredItemOf<T> }[ItemType];

/** Model-only items: stored and replayed to the model, never sent to any client. */
export const HIDDEN_ITEM_TYPES = [
  'hidden_context_item',
  'sdk_hidden_context',
  'server_tool_call',
] as const satisfies readonly ItemType[];

/** Everything a client may see (ChatKit item lists, feedback, widget actions). */
export const VISIBLE_ITEM_TYPES = [
  'user_message',
  'assistant_message',
  'widget',
  'workflow',
  'task',
  'client_tool_call',
  'structured_input',
  'end_of_turn',
] as const satisfies readonly ItemType[];

/**
 * What the model is shown on the next turn. Widgets and workflows are left out: they only present tool
 * results the model already has as `server_tool_call` items, and would spend the history window twice.
 */
export const MODEL_ITEM_TYPES = [
  'user_message',
  'assistant_message',
  'server_tool_call',
  'client_tool_call',
  'structured_input',
  'hidden_context_item',
  'sdk_hidden_context',
] as const satisfies readonly ItemType[];

/** The plain text of a user message: text parts, tags as `@name` (what the model reads). */
export function userMessageText(payload: ItemPayloads['user_message']): string {
  return payload.content
    .map((part) => (part.type === 'input_text' ? part.text : `@${part.text}`))
    .join('')
    .trim();
}

/** The text of an assistant message, all parts joined. */
export function assistantMessageText(payload: ItemPayloads['assistant_message']): string {
  return payload.content.map((part) => part.text).join('');
}
