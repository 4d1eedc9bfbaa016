import { msg, str } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { somethingWentWrong, WidgetError } from '../auth/widget-error.js';
import { emit, type TaskChange } from '../events.js';
import type { ThreadMemory } from '../options.js';
import type { ChatKitClient } from './chatkit-client.js';
import type { ActionConfig, StreamEvent, Thread, ThreadItem } from './protocol.js';
import { applyEvent, itemsThrough, textOf } from './thread-state.js';

/** Items per page when a conversation opens and when earlier ones are asked for. */
export const ITEMS_PAGE = 40; // about ten turns: a turn is a message, its progress, maybe an Undo bar or a list, the answer
const ANNOUNCE_MAX = 600;

export interface Failure {
  message: string;
  retry?: () => void;
}

type Streamer = (signal: AbortSignal) => AsyncGenerator<StreamEvent>;

export function describe(err: unknown): string {
  return err instanceof WidgetError ? err.message : somethingWentWrong();
}

function input(text: string) {
  return { content: [{ type: 'input_text' as const, text }], attachments: [], inference_options: {} };
}

function lastUserMessage(items: ThreadItem[]): ThreadItem | undefined {
  return [...items].reverse().find((i) => i.type === 'user_message');
}

/**
 * One conversation as the protocol runs it: opening a stored thread (newest page first, earlier pages on demand),
 * sending, streaming the answer into items, Stop, Retry and widget actions. The element that hosts it renders
 * its state and hears its events (`todo-assistant-*`, dispatched from the host).
 */
export class Conversation implements ReactiveController {
  thread: Thread | null = null;
  items: ThreadItem[] = [];
  /** Cursor of the next older page of items, when there is one. */
  older: string | undefined;
  loading = false;
  streaming = false;
  /** The user's message shown while the server has not confirmed it yet. */
  pending: string | null = null;
  progress = '';
  failure: Failure | null = null;
  notice = '';
  /** The widget item whose action is running. */
  actingOn: string | null = null;
  /** The last finished answer, for the polite live region. */
  announcement = '';
  /** A remembered conversation that could not be loaded (offline…): not replaced by a new one meanwhile. */
  unloaded: string | null = null;

  private abort: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly client: () => ChatKitClient,
    private readonly memory: () => ThreadMemory,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisible);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisible);
    this.stop();
  }

  /** Another tab or device may have added to this conversation while the page was hidden: catch up. */
  private readonly onVisible = (): void => {
    if (!document.hidden) void this.refresh();
  };

  /** Shows the conversation's newest items again when the server has newer ones than this view. */
  async refresh(): Promise<void> {
    const threadId = this.thread?.id;
    if (!threadId || this.streaming || this.loading || this.actingOn) return;
    try {
      const page = await this.page(threadId);
      const newest = page.items[page.items.length - 1]?.id;
      if (this.thread?.id !== threadId || this.streaming || newest === this.items[this.items.length - 1]?.id)
        return;
      this.set(page);
    } catch {
      // Not worth an error: the view stays as it was, and the next message works as usual.
    }
  }

  private set(patch: Partial<Conversation>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  /** Opens a stored conversation, or the new-conversation screen for null. */
  async open(threadId: string | null): Promise<void> {
    this.stop();
    this.set({ failure: null, notice: '', items: [], older: undefined, thread: null, unloaded: null });
    if (!threadId) {
      this.remember(null);
      return;
    }
    this.set({ loading: true });
    try {
      const [thread, page] = await Promise.all([
        this.client().request('threads.get_by_id', { thread_id: threadId }),
        this.page(threadId),
      ]);
      this.set({ thread, ...page, unloaded: null });
      this.remember(thread.id);
    } catch (err) {
      if (err instanceof WidgetError && (err.status === 404 || err.status === 400)) {
        this.remember(null); // deleted elsewhere, or another user's: start afresh
      } else {
        this.set({ unloaded: threadId });
        this.fail(err, () => void this.open(threadId));
        // Back online: try again without waiting for the person to press Retry.
        addEventListener('online', () => this.unloaded === threadId && void this.open(threadId), {
          once: true,
        });
      }
    } finally {
      this.set({ loading: false });
    }
  }

  /** Sends a message. Resolves to whether the server stored it (when not, the caller keeps the text). */
  async send(text: string): Promise<boolean> {
    const trimmed = text.trim();
    if (!trimmed || this.streaming) return false;
    // The remembered conversation first: a message must not start a new one because the old did not load.
    if (this.unloaded) await this.open(this.unloaded);
    if (this.unloaded) return false;
    this.set({ pending: trimmed });
    const threadId = this.thread?.id;
    return this.run((signal) =>
      threadId
        ? this.client().stream(
            'threads.add_user_message',
            { thread_id: threadId, input: input(trimmed) },
            signal,
          )
        : this.client().stream('threads.create', { input: input(trimmed) }, signal),
    );
  }

  /** Stops the answer. Said at once; the conversation then shows what the server had already stored. */
  stop(): void {
    if (!this.abort) return;
    this.abort.abort();
    this.set({ notice: msg('Stopped.'), progress: '' });
  }

  /** Runs a widget button's action on the server (the widget is redrawn from the answer). */
  async act(itemId: string, action: ActionConfig): Promise<void> {
    const threadId = this.thread?.id;
    if (!threadId || this.streaming || action.handler === 'client') return;
    this.set({ actingOn: itemId });
    try {
      await this.run(
        (signal) =>
          this.client().stream(
            'threads.custom_action',
            { thread_id: threadId, item_id: itemId, action: { type: action.type, payload: action.payload } },
            signal,
          ),
        () => void this.act(itemId, action), // Retry presses the same button again
      );
    } finally {
      this.set({ actingOn: null });
    }
  }

  /** Prepends the next older page of items. */
  async loadOlder(): Promise<void> {
    const threadId = this.thread?.id;
    if (!threadId || !this.older) return;
    try {
      const page = await this.page(threadId, this.older);
      this.set({ items: [...page.items, ...this.items], older: page.older });
    } catch (err) {
      this.fail(err, () => void this.loadOlder());
    }
  }

  /** The thread was renamed or deleted in the conversation list. */
  threadChanged(thread: Thread, deleted: boolean): void {
    if (this.thread?.id !== thread.id) return;
    if (deleted) {
      this.set({ thread: null, items: [], older: undefined });
      this.remember(null);
    } else this.set({ thread: { ...this.thread, title: thread.title } });
  }

  fail(err: unknown, retry?: () => void): void {
    this.set({ failure: { message: describe(err), retry } });
    const code = err instanceof WidgetError ? err.code : 'stream';
    emit(this.host, 'todo-assistant-error', { code, message: describe(err) });
  }

  /**
   * Runs one streaming request to its end. Resolves to whether the user's message is stored (true for requests
   * that carry none); a failure after that offers a retry: `again` when given (a widget button's action is
   * pressed again), else a retry of the response to the last user message.
   */
  private async run(streamer: Streamer, again?: () => void): Promise<boolean> {
    const abort = (this.abort = new AbortController());
    const sending = this.pending !== null;
    this.set({ streaming: true, failure: null, notice: '', progress: '' });
    let stored = !sending;
    let lastUser = lastUserMessage(this.items)?.id;
    emit(this.host, 'todo-assistant-response-start');
    try {
      for await (const event of streamer(abort.signal)) {
        if (event.type === 'thread.item.done' && event.item.type === 'user_message') {
          stored = true;
          lastUser = event.item.id;
          this.set({ pending: null });
        }
        this.apply(event, again ?? this.retryOf(lastUser));
      }
      if (abort.signal.aborted) stored = await this.resync(stored);
    } catch (err) {
      if (abort.signal.aborted) stored = await this.resync(stored);
      else {
        this.fail(
          stored || !sending
            ? err
            : new WidgetError(
                err instanceof WidgetError ? err.code : 'network',
                msg(str`${describe(err)} Your message was not sent.`),
              ),
          again ?? (stored ? this.retryOf(lastUser) : undefined),
        );
      }
    } finally {
      if (this.abort === abort) this.abort = null;
      this.set({ streaming: false, pending: null, progress: '' });
      emit(this.host, 'todo-assistant-response-end');
    }
    return stored;
  }

  /**
   * After Stop, the server may hold more than the view (it stores the user's message before answering): show
   * the conversation as stored. Resolves to whether the user's message is among it.
   */
  private async resync(stored: boolean): Promise<boolean> {
    const threadId = this.thread?.id;
    const pending = this.pending;
    if (!threadId || stored) return stored;
    try {
      const page = await this.page(threadId);
      this.set(page);
      const last = lastUserMessage(page.items);
      return last !== undefined && textOf(last) === pending;
    } catch {
      return false;
    }
  }

  private apply(event: StreamEvent, again: (() => void) | undefined): void {
    switch (event.type) {
      case 'thread.created':
        this.set({ thread: event.thread });
        this.remember(event.thread.id);
        return;
      case 'thread.updated':
        this.set({ thread: { ...event.thread, items: this.thread?.items ?? event.thread.items } });
        return;
      case 'progress_update':
        this.set({ progress: event.text });
        return;
      case 'client_effect':
        if (event.name === 'tasks.changed') {
          const changes = (event.data?.changes ?? []) as TaskChange[];
          emit(this.host, 'todo-assistant-tasks-changed', { changes, source: 'assistant' });
        }
        return;
      case 'notice':
        this.set({ notice: event.message });
        return;
      case 'error': {
        const retry = event.allow_retry ? again : undefined;
        const text =
          event.code === 'custom' && event.message
            ? event.message
            : msg('The assistant could not finish its answer.');
        this.fail(new WidgetError('stream', text), retry);
        return;
      }
      case 'stream_options':
        return;
      default: {
        const items = applyEvent(this.items, event);
        if (event.type === 'thread.item.done' && event.item.type === 'assistant_message') {
          const text = textOf(event.item);
          const said = text.length > ANNOUNCE_MAX ? `${text.slice(0, ANNOUNCE_MAX)}…` : text;
          this.set({ items, progress: '', announcement: msg(str`Assistant: ${said}`) });
        } else if (items !== this.items) this.set({ items });
      }
    }
  }

  /** A page of the thread's items, oldest first: the newest page, or the one before `after`. */
  private async page(threadId: string, after?: string): Promise<{ items: ThreadItem[]; older?: string }> {
    const page = await this.client().request('items.list', {
      thread_id: threadId,
      order: 'desc',
      limit: ITEMS_PAGE,
      ...(after ? { after } : {}),
    });
    return { items: page.data.slice().reverse(), older: page.has_more ? page.after : undefined };
  }

  /** A retry of the response to this user message, when there is one to retry. */
  private retryOf(userItemId: string | undefined): (() => void) | undefined {
    const threadId = this.thread?.id;
    return threadId && userItemId ? () => void this.retry(threadId, userItemId) : undefined;
  }

  private async retry(threadId: string, itemId: string): Promise<void> {
    this.set({ items: itemsThrough(this.items, itemId) });
    await this.run((signal) =>
      this.client().stream('threads.retry_after_item', { thread_id: threadId, item_id: itemId }, signal),
    );
  }

  private remember(threadId: string | null): void {
    if (this.memory().get() === threadId) return;
    this.memory().set(threadId);
    emit(this.host, 'todo-assistant-thread-change', { threadId });
  }
}
