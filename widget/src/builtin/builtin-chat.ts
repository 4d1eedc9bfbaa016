import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { WidgetError } from '../auth/widget-error.js';
import { controlStyles } from '../controls.styles.js';
import { emit, type TaskChange } from '../events.js';
import type { StartPrompt, ThreadMemory } from '../options.js';
import { chatStyles } from './chat.styles.js';
import type { ChatKitClient } from './chatkit-client.js';
import { icon } from './icons.js';
import { renderMarkdown } from './markdown.js';
import type { ActionConfig, StreamEvent, Thread, ThreadItem, WorkflowTask } from './protocol.js';
import { applyEvent, itemsThrough, textOf } from './thread-state.js';
import { renderWidget, widgetStyles } from './widget-view.js';

const PAGE = 30;
const THREAD_PAGE = 20;
const ANNOUNCE_MAX = 600;

export interface BuiltinChatConfig {
  client: ChatKitClient;
  memory: ThreadMemory;
  placeholder: string;
  greeting: string;
  prompts: StartPrompt[];
  locale?: string;
}

interface Failure {
  message: string;
  retry?: () => void;
}

type Streamer = (signal: AbortSignal) => AsyncGenerator<StreamEvent>;

function input(text: string) {
  return { content: [{ type: 'input_text' as const, text }], attachments: [], inference_options: {} };
}

function message(err: unknown): string {
  return err instanceof WidgetError ? err.message : 'Something went wrong. Please try again.';
}

/**
 * The built-in renderer: our own conversation UI speaking the ChatKit protocol to the same endpoint as
 * `<openai-chatkit>`. Streams replies, shows tool progress and the task-list widget (its buttons act through
 * `threads.custom_action`), lists, renames and deletes conversations, stops and retries responses, and remembers
 * the open conversation.
 * @internal
 */
export class BuiltinChat extends LitElement {
  static override properties = {
    config: { attribute: false },
    view: { state: true },
    thread: { state: true },
    items: { state: true },
    older: { state: true },
    loading: { state: true },
    streaming: { state: true },
    pending: { state: true },
    progress: { state: true },
    failure: { state: true },
    notice: { state: true },
    actingOn: { state: true },
    announcement: { state: true },
    threads: { state: true },
    threadsAfter: { state: true },
    editing: { state: true },
    confirming: { state: true },
  };

  static override styles = [controlStyles, widgetStyles, chatStyles];

  declare config: BuiltinChatConfig;
  declare view: 'chat' | 'threads';
  declare thread: Thread | null;
  declare items: ThreadItem[];
  /** Cursor of the next older page of items, when there is one. */
  declare older: string | undefined;
  declare loading: boolean;
  declare streaming: boolean;
  /** The user's message shown while the server has not confirmed it yet. */
  declare pending: string | null;
  declare progress: string;
  declare failure: Failure | null;
  declare notice: string;
  /** The widget item whose action is running. */
  declare actingOn: string | null;
  declare announcement: string;
  declare threads: Thread[] | null;
  declare threadsAfter: string | undefined;
  declare editing: string | null;
  declare confirming: string | null;

  private abort: AbortController | null = null;
  private stickToBottom = true;
  private restoreScroll: number | null = null;

  constructor() {
    super();
    this.view = 'chat';
    this.thread = null;
    this.items = [];
    this.older = undefined;
    this.loading = false;
    this.streaming = false;
    this.pending = null;
    this.progress = '';
    this.failure = null;
    this.notice = '';
    this.actingOn = null;
    this.announcement = '';
    this.threads = null;
    this.threadsAfter = undefined;
    this.editing = null;
    this.confirming = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.thread && !this.loading) void this.openThread(this.config.memory.get());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  // ---- public: the widget's header and the host page call these ----

  /** Sends a message as if the user typed it. Resolves to whether the server stored it. */
  async send(text: string): Promise<boolean> {
    const trimmed = text.trim();
    if (!trimmed || this.streaming) return false;
    this.view = 'chat';
    this.pending = trimmed;
    this.stickToBottom = true;
    const threadId = this.thread?.id;
    return this.run((signal) =>
      threadId
        ? this.config.client.stream(
            'threads.add_user_message',
            { thread_id: threadId, input: input(trimmed) },
            signal,
          )
        : this.config.client.stream('threads.create', { input: input(trimmed) }, signal),
    );
  }

  /** Opens a stored conversation, or the new-conversation screen for null. */
  async openThread(threadId: string | null): Promise<void> {
    if (this.streaming) this.stop();
    this.view = 'chat';
    this.failure = null;
    this.notice = '';
    this.items = [];
    this.older = undefined;
    this.thread = null;
    if (!threadId) {
      this.remember(null);
      this.focusComposer();
      return;
    }
    this.loading = true;
    try {
      const client = this.config.client;
      const [thread, page] = await Promise.all([
        client.request('threads.get_by_id', { thread_id: threadId }),
        client.request('items.list', { thread_id: threadId, order: 'desc', limit: PAGE }),
      ]);
      this.thread = thread;
      this.items = page.data.slice().reverse();
      this.older = page.has_more ? page.after : undefined;
      this.stickToBottom = true;
      this.remember(thread.id);
    } catch (err) {
      if (err instanceof WidgetError && (err.status === 404 || err.status === 400)) {
        this.remember(null); // deleted elsewhere, or another user's: start afresh
      } else {
        this.failure = { message: message(err), retry: () => void this.openThread(threadId) };
      }
    } finally {
      this.loading = false;
    }
    this.focusComposer();
  }

  async showThreads(): Promise<void> {
    this.view = 'threads';
    this.threads = null;
    this.editing = null;
    this.confirming = null;
    await this.loadThreads();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.threads .open, .threads .bar button')?.focus();
  }

  stop(): void {
    this.abort?.abort();
  }

  focusComposer(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector('textarea')?.focus());
  }

  // ---- streaming ----

  /**
   * Runs one streaming request to its end. Resolves to whether the user's message is stored (true for requests
   * that carry none); a failure after that offers a retry of the response.
   */
  private async run(streamer: Streamer): Promise<boolean> {
    const abort = (this.abort = new AbortController());
    const sending = this.pending !== null;
    this.streaming = true;
    this.failure = null;
    this.notice = '';
    this.progress = '';
    let stored = !sending;
    let lastUser = [...this.items].reverse().find((i) => i.type === 'user_message')?.id;
    emit(this, 'todo-assistant-response-start');
    try {
      for await (const event of streamer(abort.signal)) {
        if (event.type === 'thread.item.done' && event.item.type === 'user_message') {
          stored = true;
          lastUser = event.item.id;
          this.pending = null;
        }
        this.apply(event, lastUser);
      }
      if (abort.signal.aborted) stored = await this.resync(stored);
    } catch (err) {
      if (abort.signal.aborted) stored = await this.resync(stored);
      else {
        const threadId = this.thread?.id;
        const retryId = lastUser;
        this.fail(
          stored || !sending
            ? err
            : new WidgetError(
                err instanceof WidgetError ? err.code : 'network',
                `${message(err)} Your message was not sent.`,
              ),
          stored && threadId && retryId ? () => void this.retry(threadId, retryId) : undefined,
        );
      }
    } finally {
      if (this.abort === abort) this.abort = null;
      this.streaming = false;
      this.pending = null;
      this.progress = '';
      emit(this, 'todo-assistant-response-end');
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
      const page = await this.config.client.request('items.list', {
        thread_id: threadId,
        order: 'desc',
        limit: PAGE,
      });
      this.items = page.data.slice().reverse();
      this.older = page.has_more ? page.after : undefined;
      const lastUser = [...this.items].reverse().find((i) => i.type === 'user_message');
      return lastUser !== undefined && textOf(lastUser) === pending;
    } catch {
      return false;
    }
  }

  private apply(event: StreamEvent, lastUser: string | undefined): void {
    switch (event.type) {
      case 'thread.created':
        this.thread = event.thread;
        this.remember(event.thread.id);
        return;
      case 'thread.updated':
        this.thread = { ...event.thread, items: this.thread?.items ?? event.thread.items };
        return;
      case 'progress_update':
        this.progress = event.text;
        return;
      case 'client_effect':
        if (event.name === 'tasks.changed') {
          const changes = (event.data?.changes ?? []) as TaskChange[];
          emit(this, 'todo-assistant-tasks-changed', { changes });
        }
        return;
      case 'notice':
        this.notice = event.message;
        return;
      case 'error': {
        const threadId = this.thread?.id;
        const retry =
          event.allow_retry && threadId && lastUser ? () => void this.retry(threadId, lastUser) : undefined;
        const text =
          event.code === 'custom' && event.message
            ? event.message
            : 'The assistant could not finish its answer.';
        this.fail(new WidgetError('stream', text), retry);
        return;
      }
      case 'stream_options':
        return;
      default:
        this.items = applyEvent(this.items, event);
        if (event.type === 'thread.item.done' && event.item.type === 'assistant_message') {
          this.progress = '';
          const text = textOf(event.item);
          this.announcement = `Assistant: ${text.length > ANNOUNCE_MAX ? `${text.slice(0, ANNOUNCE_MAX)}…` : text}`;
        }
    }
  }

  private fail(err: unknown, retry?: () => void): void {
    this.failure = { message: message(err), retry };
    const code = err instanceof WidgetError ? err.code : 'stream';
    emit(this, 'todo-assistant-error', { code, message: this.failure.message });
  }

  private async retry(threadId: string, itemId: string): Promise<void> {
    this.items = itemsThrough(this.items, itemId);
    await this.run((signal) =>
      this.config.client.stream('threads.retry_after_item', { thread_id: threadId, item_id: itemId }, signal),
    );
  }

  private async act(itemId: string, action: ActionConfig): Promise<void> {
    const threadId = this.thread?.id;
    if (!threadId || this.streaming || action.handler === 'client') return;
    // The widget is redrawn (and its buttons disabled meanwhile): keep the keyboard where the user was.
    const buttons = () => [
      ...this.renderRoot.querySelectorAll<HTMLButtonElement>(`[data-item="${CSS.escape(itemId)}"] button`),
    ];
    const index = buttons().indexOf(this.shadowRoot?.activeElement as HTMLButtonElement);
    this.actingOn = itemId;
    try {
      await this.run((signal) =>
        this.config.client.stream(
          'threads.custom_action',
          { thread_id: threadId, item_id: itemId, action: { type: action.type, payload: action.payload } },
          signal,
        ),
      );
    } finally {
      this.actingOn = null;
    }
    if (index < 0) return;
    await this.updateComplete;
    const now = buttons();
    (now[Math.min(index, now.length - 1)] ?? this.renderRoot.querySelector('textarea'))?.focus();
  }

  private remember(threadId: string | null): void {
    if (this.config.memory.get() !== threadId) {
      this.config.memory.set(threadId);
      emit(this, 'todo-assistant-thread-change', { threadId });
    }
  }

  // ---- older items and the conversation list ----

  private async loadOlder(): Promise<void> {
    const threadId = this.thread?.id;
    if (!threadId || !this.older) return;
    const log = this.renderRoot.querySelector('.log');
    try {
      const page = await this.config.client.request('items.list', {
        thread_id: threadId,
        order: 'desc',
        limit: PAGE,
        after: this.older,
      });
      this.restoreScroll = log ? log.scrollHeight - log.scrollTop : null;
      this.items = [...page.data.slice().reverse(), ...this.items];
      this.older = page.has_more ? page.after : undefined;
    } catch (err) {
      this.fail(err, () => void this.loadOlder());
    }
  }

  private async loadThreads(more = false): Promise<void> {
    try {
      const page = await this.config.client.request('threads.list', {
        limit: THREAD_PAGE,
        order: 'desc',
        ...(more && this.threadsAfter ? { after: this.threadsAfter } : {}),
      });
      this.threads = more ? [...(this.threads ?? []), ...page.data] : page.data;
      this.threadsAfter = page.has_more ? page.after : undefined;
    } catch (err) {
      this.threads = this.threads ?? [];
      this.fail(err, () => void this.loadThreads(more));
    }
  }

  private async rename(e: SubmitEvent, thread: Thread): Promise<void> {
    e.preventDefault();
    const field = (e.currentTarget as HTMLFormElement).elements.namedItem('title') as HTMLInputElement;
    const title = field.value.trim();
    if (!title) return;
    try {
      const updated = await this.config.client.request('threads.update', { thread_id: thread.id, title });
      this.threads = (this.threads ?? []).map((t) => (t.id === thread.id ? updated : t));
      if (this.thread?.id === thread.id) this.thread = { ...this.thread, title: updated.title };
      this.editing = null;
      this.focusIn(`[data-thread="${thread.id}"] .open`);
    } catch (err) {
      this.fail(err);
    }
  }

  private async deleteThread(thread: Thread): Promise<void> {
    try {
      await this.config.client.request('threads.delete', { thread_id: thread.id });
      this.threads = (this.threads ?? []).filter((t) => t.id !== thread.id);
      this.confirming = null;
      if (this.thread?.id === thread.id) {
        this.thread = null;
        this.items = [];
        this.remember(null);
      }
      this.focusIn('.threads .open, .threads .bar button');
    } catch (err) {
      this.fail(err);
    }
  }

  private focusIn(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  // ---- rendering ----

  protected override updated(changed: PropertyValues<this>): void {
    const log = this.renderRoot.querySelector('.log');
    if (!log) return;
    if (this.restoreScroll !== null) {
      log.scrollTop = log.scrollHeight - this.restoreScroll;
      this.restoreScroll = null;
    } else if (
      this.stickToBottom &&
      (changed.has('items') || changed.has('pending') || changed.has('failure'))
    ) {
      log.scrollTop = log.scrollHeight;
    }
  }

  private onScroll(e: Event): void {
    const log = e.currentTarget as HTMLElement;
    this.stickToBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  }

  override render() {
    return html`
      ${this.view === 'threads' ? this.renderThreads() : this.renderChat()}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  private renderChat() {
    const title = this.thread?.title || (this.thread ? 'Conversation' : 'New conversation');
    const closed = this.thread && this.thread.status.type !== 'active' ? this.thread.status : null;
    return html`
      <div class="toolbar">
        <button class="ghost" type="button" @click=${() => void this.showThreads()}>
          ${icon('notebook')}<span>Conversations</span>
        </button>
        <span class="title" title=${title}>${title}</span>
        <button
          class="ghost"
          type="button"
          @click=${() => void this.openThread(null)}
          ?disabled=${!this.thread && !this.items.length}
        >
          ${icon('plus')}<span>New</span>
        </button>
      </div>
      <div class="log" role="region" aria-label="Conversation" tabindex="0" @scroll=${this.onScroll}>
        ${
          this.older
            ? html`<button class="older" type="button" @click=${() => void this.loadOlder()}>
                Show earlier messages
              </button>`
            : nothing
        }
        ${
          this.loading
            ? html`<p class="muted" role="status">Loading the conversation…</p>`
            : !this.items.length && !this.pending
              ? this.renderStart()
              : nothing
        }
        ${this.items.map((item) => this.renderItem(item))}
        ${this.pending ? html`<div class="msg user pending">${this.pending}</div>` : nothing}
        ${
          this.streaming && !this.hasAnswerInProgress()
            ? this.progress
              ? html`<div class="progress">${this.progress}</div>`
              : html`<div class="typing" aria-hidden="true"><span></span><span></span><span></span></div>`
            : nothing
        }
        ${this.notice ? html`<div class="notice" role="status">${this.notice}</div>` : nothing}
        ${
          this.failure
            ? html`<div class="alert" role="alert">
                <span>${this.failure.message}</span>
                ${
                  this.failure.retry
                    ? html`<button type="button" @click=${this.failure.retry}>
                        ${icon('reload')} Retry
                      </button>`
                    : nothing
                }
              </div>`
            : nothing
        }
      </div>
      ${
        closed
          ? html`<p class="notice">${closed.reason ?? 'This conversation is closed.'}</p>`
          : this.renderComposer()
      }
    `;
  }

  private hasAnswerInProgress(): boolean {
    const last = this.items[this.items.length - 1];
    return last !== undefined && last.type === 'assistant_message' && textOf(last).length > 0;
  }

  private renderStart() {
    return html`<div class="start">
      <h3>${this.config.greeting}</h3>
      <div class="prompts">
        ${this.config.prompts.map(
          (p) => html`<button type="button" @click=${() => void this.send(p.prompt)}>${p.label}</button>`,
        )}
      </div>
    </div>`;
  }

  private renderItem(item: ThreadItem) {
    switch (item.type) {
      case 'user_message':
        return html`<div class="msg user">${textOf(item)}</div>`;
      case 'assistant_message':
        return textOf(item)
          ? html`<div class="msg assistant">${renderMarkdown(textOf(item))}</div>`
          : nothing;
      case 'workflow':
        return item.workflow.tasks.length
          ? html`<ul class="workflow" aria-label="What the assistant did">
              ${item.workflow.tasks.map((t) => this.renderTask(t))}
            </ul>`
          : nothing;
      case 'task':
        return html`<ul class="workflow">
          ${this.renderTask(item.task)}
        </ul>`;
      case 'widget': {
        const busy = this.actingOn === item.id;
        return html`<div class="widget-item" data-item=${item.id} aria-busy=${busy}>
          ${renderWidget(item.widget, {
            busy: busy || this.streaming,
            onAction: (action) => void this.act(item.id, action),
          })}
        </div>`;
      }
      default:
        return nothing;
    }
  }

  private renderTask(task: WorkflowTask) {
    const loading = task.status_indicator === 'loading';
    return html`<li class=${task.status_indicator ?? 'none'}>
      ${loading ? html`<span class="spinner" role="presentation"></span>` : icon(task.icon ?? 'check')}
      <span>
        ${task.title ?? ''} ${task.content ? html`<span class="detail">${task.content}</span>` : nothing}
      </span>
    </li>`;
  }

  private renderComposer() {
    return html`<form class="composer" @submit=${this.onSubmit}>
      <label class="sr-only" for="message">Message</label>
      <textarea
        id="message"
        rows="1"
        maxlength="4000"
        placeholder=${this.config.placeholder}
        @keydown=${this.onKeydown}
      ></textarea>
      ${
        this.streaming
          ? html`<button
              type="button"
              class="primary"
              aria-label="Stop the answer"
              @click=${() => this.stop()}
            >
              ${icon('stop')}
            </button>`
          : html`<button type="submit" class="primary" aria-label="Send">${icon('send')}</button>`
      }
    </form>`;
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      (e.currentTarget as HTMLTextAreaElement).form?.requestSubmit();
    }
  }

  private onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    const field = this.renderRoot.querySelector('textarea');
    if (!field || this.streaming || !field.value.trim()) return;
    const text = field.value;
    field.value = '';
    void this.send(text).then((stored) => {
      // A message the server never stored goes back into the composer: nothing typed is lost.
      if (!stored && !field.value) field.value = text;
    });
  }

  private renderThreads() {
    const threads = this.threads;
    return html`<div class="threads">
      <div class="bar">
        <button class="ghost" type="button" @click=${() => (this.view = 'chat')}>
          ${icon('back')}<span>Back</span>
        </button>
        <button class="ghost" type="button" @click=${() => void this.openThread(null)}>
          ${icon('plus')}<span>New conversation</span>
        </button>
      </div>
      <h3 id="threads-heading">Conversations</h3>
      ${
        threads === null
          ? html`<p class="muted empty" role="status">Loading…</p>`
          : threads.length === 0
            ? html`<p class="muted empty">No conversations yet.</p>`
            : html`<ul aria-labelledby="threads-heading">
                ${threads.map((t) => this.renderThreadRow(t))}
                ${
                  this.threadsAfter
                    ? html`<li>
                        <button type="button" @click=${() => void this.loadThreads(true)}>Show more</button>
                      </li>`
                    : nothing
                }
              </ul>`
      }
      ${this.failure ? html`<p class="alert" role="alert">${this.failure.message}</p>` : nothing}
    </div>`;
  }

  private renderThreadRow(t: Thread) {
    const title = t.title || 'Untitled conversation';
    if (this.editing === t.id) {
      return html`<li data-thread=${t.id}>
        <form @submit=${(e: SubmitEvent) => void this.rename(e, t)}>
          <input
            name="title"
            aria-label="Conversation title"
            .value=${t.title ?? ''}
            maxlength="200"
            required
          />
          <button type="submit" class="primary">Save</button>
          <button type="button" @click=${() => (this.editing = null)}>Cancel</button>
        </form>
      </li>`;
    }
    if (this.confirming === t.id) {
      return html`<li data-thread=${t.id}>
        <div class="confirm" role="group" aria-label=${`Delete “${title}”?`}>
          <span>Delete “${title}”?</span>
          <button type="button" class="danger" @click=${() => void this.deleteThread(t)}>Delete</button>
          <button type="button" @click=${() => (this.confirming = null)}>Cancel</button>
        </div>
      </li>`;
    }
    const when = new Date(t.created_at);
    return html`<li data-thread=${t.id}>
      <button
        class="open"
        type="button"
        aria-current=${this.thread?.id === t.id ? 'true' : 'false'}
        @click=${() => void this.openThread(t.id)}
      >
        <span>${title}</span>
        <small
          >${isNaN(when.getTime()) ? '' : when.toLocaleString(this.config.locale, { dateStyle: 'medium', timeStyle: 'short' })}</small
        >
      </button>
      <button
        class="icon-btn"
        type="button"
        aria-label=${`Rename “${title}”`}
        @click=${() => {
          this.editing = t.id;
          this.focusIn(`[data-thread="${t.id}"] input`);
        }}
      >
        ${icon('write')}
      </button>
      <button
        class="icon-btn danger"
        type="button"
        aria-label=${`Delete “${title}”`}
        @click=${() => {
          this.confirming = t.id;
          this.focusIn(`[data-thread="${t.id}"] .danger`);
        }}
      >
        ${icon('trash')}
      </button>
    </li>`;
  }
}
