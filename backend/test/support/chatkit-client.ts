/**
 * A small ChatKit protocol client for tests: POSTs `{ type, params }` to `/api/chatkit`, reads JSON answers,
 * and parses event streams frame by frame while checking the framing of chatkit-protocol.md §1.3: every
 * frame is exactly `data: <one line of compact JSON object>\n\n` — no `event:`/`id:` lines, no comments.
 */

/** Any ChatKit event, loosely typed for assertions. */
export type Ev = { type: string } & Record<string, any>;

export interface JsonAnswer {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export interface StreamAnswer {
  status: number;
  headers: Headers;
  events: Ev[];
  /** The JSON error body when the answer was not a stream. */
  error?: any;
}

// SSE lines end at CR or LF only: U+2028/U+2029 inside the JSON are data (a `.` would refuse them).
const FRAME = /^data: \{[^\r\n]*\}$/;

/** Checks one frame (without its trailing blank line) and returns its event. */
export function parseFrame(frame: string): Ev {
  if (!FRAME.test(frame)) throw new Error(`not a ChatKit SSE frame: ${JSON.stringify(frame.slice(0, 200))}`);
  const json = frame.slice('data: '.length);
  const event = JSON.parse(json) as Ev;
  if (JSON.stringify(event) !== json) throw new Error(`frame JSON is not compact: ${json.slice(0, 200)}`);
  if (typeof event.type !== 'string') throw new Error(`event without a type: ${json.slice(0, 200)}`);
  return event;
}

/** Every `null` in a JSON value, by path (the protocol omits absent optionals instead). */
export function nullPaths(value: unknown, path = '$'): string[] {
  if (value === null) return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => nullPaths(v, `${path}[${i}]`));
  if (typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => nullPaths(v, `${path}.${k}`));
  return [];
}

export class ChatKitClient {
  constructor(
    readonly baseUrl: string,
    readonly token: string,
  ) {}

  private post(body: unknown, signal?: AbortSignal, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.baseUrl}/api/chatkit`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      signal,
    });
  }

  /** A request whose answer is read whole as JSON (non-streaming types, and every error). */
  async json(type: string, params: unknown = {}, extra: Record<string, unknown> = {}): Promise<JsonAnswer> {
    return this.raw({ type, params, ...extra });
  }

  async raw(body: unknown, headers?: Record<string, string>): Promise<JsonAnswer> {
    const res = await this.post(body, undefined, headers);
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  }

  /**
   * Opens a stream and yields events as they arrive. Throws if the answer is not a 200 event stream
   * (with the JSON error body in the message), or if any frame is malformed.
   */
  async *events(type: string, params: unknown, signal?: AbortSignal): AsyncGenerator<Ev> {
    const res = await this.post({ type, params }, signal);
    if (res.status !== 200 || !res.headers.get('content-type')?.startsWith('text/event-stream')) {
      throw new Error(
        `expected an event stream, got ${res.status} ${res.headers.get('content-type')}: ${await res.text()}`,
      );
    }
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        yield parseFrame(frame);
      }
    }
    if (buffer !== '')
      throw new Error(`stream ended inside a frame: ${JSON.stringify(buffer.slice(0, 200))}`);
  }

  /**
   * A whole stream: status, headers and every event (validated frames); the error body when not 200. `headers`:
   * more request headers (`accept-language`, as ChatKit sends its locale).
   */
  async stream(
    type: string,
    params: unknown,
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<StreamAnswer> {
    const res = await this.post({ type, params, ...extra }, undefined, headers);
    const text = await res.text();
    if (res.status !== 200)
      return { status: res.status, headers: res.headers, events: [], error: JSON.parse(text) };
    if (!res.headers.get('content-type')?.startsWith('text/event-stream'))
      throw new Error(
        `expected an event stream, got ${res.headers.get('content-type')}: ${text.slice(0, 200)}`,
      );
    if (text !== '' && !text.endsWith('\n\n'))
      throw new Error(`stream does not end with a frame: ${text.slice(-200)}`);
    const frames = text === '' ? [] : text.slice(0, -2).split('\n\n');
    return { status: res.status, headers: res.headers, events: frames.map(parseFrame) };
  }
}

/** The `type`s of a stream's events, with the update type for `thread.item.updated` (easy to compare). */
export function shapeOf(events: Ev[]): string[] {
  return events.map((e) => {
    if (e.type === 'thread.item.updated') return `updated:${e.update.type}`;
    if (e.type === 'thread.item.done' || e.type === 'thread.item.added' || e.type === 'thread.item.replaced')
      return `${e.type.slice('thread.item.'.length)}:${e.item.type}`;
    return e.type;
  });
}

/** A user message input as the ChatKit client sends it. */
export function userInput(text: string, extra: Record<string, unknown> = {}) {
  return { content: [{ type: 'input_text', text }], attachments: [], inference_options: {}, ...extra };
}

const WIDGET_ROOTS = new Set(['Card', 'ListView', 'Basic']);
const ACTION_PROPS = ['onClickAction', 'onSubmitAction', 'onChangeAction'];
const HIDDEN_TYPES = new Set(['hidden_context_item', 'sdk_hidden_context', 'server_tool_call']);

function widgetProblems(node: any, path: string): string[] {
  const problems: string[] = [];
  for (const prop of ACTION_PROPS) {
    if (prop in node && (typeof node[prop] !== 'object' || typeof node[prop]?.type !== 'string'))
      problems.push(`${path}.${prop} is not an action object`);
  }
  for (const [i, child] of (node.children ?? []).entries())
    problems.push(...widgetProblems(child, `${path}.children[${i}]`));
  return problems;
}

/** Items as clients see them: timestamps parse, widgets are well formed, nothing hidden leaks. */
export function itemProblems(item: any): string[] {
  const problems: string[] = [];
  if (HIDDEN_TYPES.has(item.type)) problems.push(`hidden item ${item.id} (${item.type}) was sent`);
  if (typeof item.created_at !== 'string' || new Date(item.created_at).toISOString() !== item.created_at)
    problems.push(`item ${item.id} created_at is not a UTC ISO string: ${item.created_at}`);
  if (item.type === 'widget') {
    if (!WIDGET_ROOTS.has(item.widget?.type)) problems.push(`widget root ${item.widget?.type}`);
    problems.push(...widgetProblems(item.widget, 'widget'));
  }
  return problems;
}

/**
 * The conformance checklist's stream rules (chatkit-protocol.md §11, items 2, 4, 8–10, 15, 18, 28) for one
 * stream: returns what is wrong (empty when the stream conforms).
 */
export function streamProblems(events: Ev[]): string[] {
  const problems: string[] = [];
  const options = events.filter((e) => e.type === 'stream_options');
  const loneError = events.length === 1 && events[0].type === 'error';
  if (!loneError && options.length !== 1) problems.push(`${options.length} stream_options events`);
  for (const p of nullPaths(events)) problems.push(`null at ${p}`);
  const open = new Map<string, string>(); // added item id → text so far
  const errorEnded = events.some((e) => e.type === 'error');
  for (const e of events) {
    if (e.item) problems.push(...itemProblems(e.item));
    if (e.thread?.created_at && new Date(e.thread.created_at).toISOString() !== e.thread.created_at)
      problems.push(`thread created_at ${e.thread.created_at}`);
    if (e.type === 'thread.item.added') open.set(e.item.id, '');
    if (e.type === 'thread.item.updated') {
      if (!open.has(e.item_id)) problems.push(`update for ${e.item_id}, which is not streaming`);
      if (e.update.type === 'assistant_message.content_part.text_delta')
        open.set(e.item_id, (open.get(e.item_id) ?? '') + e.update.delta);
      if (
        e.update.type === 'assistant_message.content_part.done' &&
        e.update.content.text !== open.get(e.item_id)
      )
        problems.push(`deltas of ${e.item_id} do not add up to its content_part.done text`);
    }
    if (e.type === 'thread.item.done' && open.has(e.item.id)) {
      const streamed = open.get(e.item.id);
      if (e.item.type === 'assistant_message' && streamed && e.item.content[0]?.text !== streamed)
        problems.push(`deltas of ${e.item.id} do not add up to its done text`);
      open.delete(e.item.id);
    }
    if (e.type === 'error' && !['stream.error', 'custom'].includes(e.code))
      problems.push(`error code ${e.code}`);
  }
  if (open.size && !errorEnded) problems.push(`items added but never done: ${[...open.keys()].join(', ')}`);
  return problems;
}
