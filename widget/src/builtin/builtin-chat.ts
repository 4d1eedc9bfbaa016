import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { controlStyles } from '../controls.styles.js';
import type { StartPrompt, ThreadMemory } from '../options.js';
import { chatStyles } from './chat.styles.js';
import type { ChatKitClient } from './chatkit-client.js';
import { Conversation } from './conversation.js';
import { icon } from './icons.js';
import { renderMarkdown } from './markdown.js';
import type { ActionConfig, Thread, ThreadItem, WorkflowTask } from './protocol.js';
import { textOf } from './thread-state.js';
import { ThreadList } from './thread-list.js';
import { renderWidget, widgetStyles } from './widget-view.js';
import { LiveRows } from './live-rows.js';
import type { TaskChange, TasksChangedDetail } from '../events.js';
import { undoBarOf, type UndoBar } from './undo-bar.js';
import type { Capabilities } from '../capabilities.js';
import { Dictation } from './dictation.js';

export interface BuiltinChatConfig {
  client: ChatKitClient;
  memory: ThreadMemory;
  /** The start screen's and composer's words, in the widget's language now. */
  words: () => { placeholder: string; greeting: string; prompts: StartPrompt[] };
  /** The widget's language tag now (dates, the browser's dictation). */
  locale: () => string;
  /** The server's dictation (`GET /api/capabilities`); none asked (a preview): no microphone. */
  transcription?: Promise<Capabilities['transcription']>;
}

/**
 * The built-in renderer: our own conversation UI speaking the ChatKit protocol to the same endpoint as
 * `<openai-chatkit>`. The conversation (streaming, Stop, Retry, widget actions, earlier messages) and the
 * conversation list are controllers; this element draws them and keeps focus and scrolling where a person
 * expects them.
 * @internal
 */
export class BuiltinChat extends LitElement {
  static override properties = {
    config: { attribute: false },
    view: { state: true },
  };

  static override styles = [controlStyles, widgetStyles, chatStyles];

  declare config: BuiltinChatConfig;
  declare view: 'chat' | 'threads';

  readonly conversation = new Conversation(
    this,
    () => this.config.client,
    () => this.config.memory,
  );
  private readonly threadList = new ThreadList(
    this,
    () => this.config.client,
    (thread, deleted) => this.conversation.threadChanged(thread, deleted),
  );
  /** The composer's microphone. */
  readonly dictation = new Dictation(this, {
    client: () => this.config.client,
    lang: () => this.config.locale(),
    meter: () => this.renderRoot.querySelector<HTMLElement>('.dictation .meter'),
    deliver: (text) => this.insertDictation(text),
  });
  private dictationOffered = false;
  /** Task lists follow changes made elsewhere (see live-rows.ts). */
  private readonly liveRows = new LiveRows(() => this.config.locale());
  /** The newest task list of the conversation, as rendered last: it gets the rows of tasks added elsewhere. */
  private newestList: string | undefined;
  private stickToBottom = true;
  private restoreScroll: number | null = null;
  private rendered: { items: ThreadItem[]; pending: string | null; failure: unknown } | null = null;

  constructor() {
    super();
    this.view = 'chat';
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('todo-assistant-tasks-changed', this.onOwnChanges);
    this.addEventListener('keydown', this.onDictationKeydown);
    if (!this.dictationOffered) {
      this.dictationOffered = true;
      void this.dictation.offer(this.config.transcription);
    }
    const c = this.conversation;
    if (!c.thread && !c.loading) void this.openThread(this.config.memory.get());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('todo-assistant-tasks-changed', this.onOwnChanges);
    this.removeEventListener('keydown', this.onDictationKeydown);
  }

  /** Tasks changed elsewhere (the live stream): open task lists show it. */
  tasksChangedElsewhere(changes: TaskChange[]): void {
    this.liveRows.elsewhere(changes);
    this.requestUpdate();
  }

  private readonly onOwnChanges = (e: CustomEvent<TasksChangedDetail>): void => {
    if (e.detail.source !== 'assistant') return;
    this.liveRows.here(e.detail.changes);
    this.requestUpdate();
  };

  // ---- the widget's header and the host page call these ----

  /** Sends a message as if the user typed it. Resolves to whether the server stored it. */
  send(text: string): Promise<boolean> {
    this.view = 'chat';
    this.stickToBottom = true;
    return this.conversation.send(text);
  }

  /** Opens a stored conversation, or the new-conversation screen for null. */
  async openThread(threadId: string | null): Promise<void> {
    this.view = 'chat';
    this.stickToBottom = true;
    const opening = this.conversation.open(threadId);
    this.focusComposer();
    await opening;
    this.focusComposer();
  }

  async showThreads(): Promise<void> {
    this.view = 'threads';
    await this.threadList.load();
    this.focusIn('.threads .open, .threads .bar button');
  }

  focusComposer(): void {
    this.focusIn('textarea');
  }

  // ---- actions that move the keyboard focus ----

  /** A widget button acts; the widget is redrawn, so the focus goes back to the same place in it. */
  private async act(itemId: string, action: ActionConfig): Promise<void> {
    const buttons = () => [
      ...this.renderRoot.querySelectorAll<HTMLButtonElement>(`[data-item="${CSS.escape(itemId)}"] button`),
    ];
    const index = buttons().indexOf(this.shadowRoot?.activeElement as HTMLButtonElement);
    await this.conversation.act(itemId, action);
    if (index < 0) return;
    await this.updateComplete;
    const now = buttons();
    (now[Math.min(index, now.length - 1)] ?? this.renderRoot.querySelector('textarea'))?.focus();
  }

  private async loadOlder(): Promise<void> {
    const log = this.renderRoot.querySelector('.log');
    const fromBottom = log ? log.scrollHeight - log.scrollTop : null;
    await this.conversation.loadOlder();
    this.restoreScroll = fromBottom; // keep the messages the reader was looking at in place
    this.requestUpdate();
    // The button is gone once the first message is in: the focus stays in the conversation, not on the page.
    if (!this.conversation.older) this.focusIn('.log');
  }

  private backToChat(): void {
    this.view = 'chat';
    this.focusComposer();
  }

  private sendPrompt(prompt: string): void {
    void this.send(prompt);
    this.focusComposer(); // the prompt buttons go with the start screen
  }

  private async showMoreThreads(): Promise<void> {
    const shown = this.threadList.threads?.length ?? 0;
    await this.threadList.load(true);
    this.focusIn(`.threads li:nth-child(${shown + 1}) .open, .threads li:last-child .open`);
  }

  private async rename(e: SubmitEvent, thread: Thread): Promise<void> {
    e.preventDefault();
    const field = (e.currentTarget as HTMLFormElement).elements.namedItem('title') as HTMLInputElement;
    const title = field.value.trim();
    if (title && (await this.threadList.rename(thread, title)))
      this.focusIn(`[data-thread="${thread.id}"] .open`);
  }

  private async deleteThread(thread: Thread): Promise<void> {
    if (await this.threadList.remove(thread)) this.focusIn('.threads .open, .threads .bar button');
  }

  private focusIn(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  // ---- rendering ----

  protected override updated(): void {
    const log = this.renderRoot.querySelector('.log');
    const c = this.conversation;
    const changed =
      !this.rendered ||
      this.rendered.items !== c.items ||
      this.rendered.pending !== c.pending ||
      this.rendered.failure !== c.failure;
    this.rendered = { items: c.items, pending: c.pending, failure: c.failure };
    if (!log) return;
    if (this.restoreScroll !== null) {
      log.scrollTop = log.scrollHeight - this.restoreScroll;
      this.restoreScroll = null;
    } else if (this.stickToBottom && changed) {
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
      <div class="sr-only" role="status" aria-live="polite">${this.conversation.announcement}</div>
    `;
  }

  private renderChat() {
    const c = this.conversation;
    const title = c.thread?.title || (c.thread || c.unloaded ? msg('Conversation') : msg('New conversation'));
    const closed = c.thread && c.thread.status.type !== 'active' ? c.thread.status : null;
    this.newestList = [...c.items]
      .reverse()
      .find((i) => i.type === 'widget' && i.widget.type === 'ListView')?.id;
    return html`
      <div class="toolbar">
        <button class="ghost" type="button" @click=${() => void this.showThreads()}>
          ${icon('notebook')}<span>${msg('Conversations')}</span>
        </button>
        <span class="title" title=${title} dir="auto">${title}</span>
        <button
          class="ghost"
          type="button"
          @click=${() => void this.openThread(null)}
          ?disabled=${!c.thread && !c.items.length}
        >
          ${icon('plus')}<span
            >${msg('New', { desc: 'Starts a new conversation (a short button label).' })}</span
          >
        </button>
      </div>
      <div class="log" role="region" aria-label=${msg('Conversation')} tabindex="0" @scroll=${this.onScroll}>
        ${
          c.older
            ? html`<button class="older" type="button" @click=${() => void this.loadOlder()}>
                ${msg('Show earlier messages')}
              </button>`
            : nothing
        }
        ${
          c.loading
            ? html`<p class="muted" role="status">${msg('Loading the conversation…')}</p>`
            : !c.items.length && !c.pending && !c.unloaded
              ? this.renderStart()
              : nothing
        }
        ${c.items.map((item, i) => this.renderItem(item, c.items[i + 1], c.items[i - 1]))}
        ${c.pending ? html`<div class="msg user pending" dir="auto">${c.pending}</div>` : nothing}
        ${
          c.streaming && !this.hasAnswerInProgress()
            ? c.progress
              ? html`<div class="progress">${c.progress}</div>`
              : html`<div class="typing" aria-hidden="true"><span></span><span></span><span></span></div>`
            : nothing
        }
        ${c.notice ? html`<div class="notice" role="status">${c.notice}</div>` : nothing}
        ${
          c.failure
            ? html`<div class="alert" role="alert">
                <span>${c.failure.message}</span>
                ${
                  c.failure.retry
                    ? html`<button type="button" @click=${c.failure.retry}>
                        ${icon('reload')} ${msg('Retry')}
                      </button>`
                    : nothing
                }
              </div>`
            : nothing
        }
      </div>
      ${
        closed
          ? html`<p class="notice">${closed.reason ?? msg('This conversation is closed.')}</p>`
          : this.renderComposer()
      }
    `;
  }

  private hasAnswerInProgress(): boolean {
    const items = this.conversation.items;
    const last = items[items.length - 1];
    return last !== undefined && last.type === 'assistant_message' && textOf(last).length > 0;
  }

  private renderStart() {
    const words = this.config.words();
    return html`<div class="start">
      <h3>${words.greeting}</h3>
      <div class="prompts">
        ${words.prompts.map(
          (p) => html`<button type="button" @click=${() => this.sendPrompt(p.prompt)}>${p.label}</button>`,
        )}
      </div>
    </div>`;
  }

  private renderItem(item: ThreadItem, next?: ThreadItem, previous?: ThreadItem) {
    const bar = undoBarOf(item);
    // The Undo bar of a turn is drawn on the progress line above it (once pressed: what it reversed).
    if (bar && previous?.type === 'workflow' && previous.workflow.tasks.length) return nothing;
    switch (item.type) {
      case 'user_message':
        // Who said it, for screen readers (the bubbles' sides say it to the eye).
        return html`<span class="sr-only">${msg('You said:')}</span>
          <div class="msg user" dir="auto">${textOf(item)}</div>`;
      case 'assistant_message':
        return textOf(item)
          ? html`<span class="sr-only">${msg('The assistant said:')}</span>
              <div class="msg assistant" dir="auto">${renderMarkdown(textOf(item))}</div>`
          : nothing;
      case 'workflow': {
        const undo = next ? undoBarOf(next) : undefined;
        return item.workflow.tasks.length
          ? html`<ul class="workflow" aria-label=${msg('What the assistant did')}>
              ${item.workflow.tasks.map((t) => this.renderTask(t))}
              ${undo && next ? (undo.undone ? this.renderUndone(undo) : this.renderUndoButton(next.id, undo)) : nothing}
            </ul>`
          : nothing;
      }
      case 'task':
        return html`<ul class="workflow">
          ${this.renderTask(item.task)}
        </ul>`;
      case 'widget': {
        const busy = this.conversation.actingOn === item.id;
        return html`<div
          class="widget-item"
          data-item=${item.id}
          aria-busy=${busy}
          @keydown=${this.onWidgetKeydown}
        >
          ${renderWidget(this.liveRows.apply(item.id, item.widget, item.id === this.newestList), {
            busy: busy || this.conversation.streaming,
            onAction: (action) => void this.act(item.id, action),
          })}
        </div>`;
      }
      default:
        return nothing;
    }
  }

  /** Undo on the progress line: reverses what the turn changed (the server's `task.undo` action). */
  private renderUndoButton(itemId: string, bar: UndoBar) {
    const busy = this.conversation.actingOn === itemId;
    return html`<li class="undo" data-item=${itemId} aria-busy=${busy}>
      <button
        type="button"
        aria-label=${msg(str`Undo: ${bar.summary}`)}
        ?disabled=${busy || this.conversation.streaming}
        @click=${() => void this.act(itemId, bar.action!)}
      >
        ${icon('reload')} ${msg('Undo')}
      </button>
    </li>`;
  }

  private renderUndone(bar: UndoBar) {
    return html`<li class="complete">${icon('reload')}<span dir="auto">${bar.summary}</span></li>`;
  }

  private renderTask(task: WorkflowTask) {
    const loading = task.status_indicator === 'loading';
    return html`<li class=${task.status_indicator ?? 'none'}>
      ${loading ? html`<span class="spinner" role="presentation"></span>` : icon(task.icon ?? 'check')}
      <span dir="auto">
        ${task.title ?? ''} ${task.content ? html`<span class="detail">${task.content}</span>` : nothing}
      </span>
    </li>`;
  }

  private renderComposer() {
    return html`${this.renderDictationStatus()}
      <form class="composer" @submit=${this.onSubmit}>
        <label class="sr-only" for="message">${msg('Message')}</label>
        <textarea
          id="message"
          dir="auto"
          rows="1"
          maxlength="4000"
          placeholder=${this.config.words().placeholder}
          @keydown=${this.onKeydown}
        ></textarea>
        ${this.renderMicrophone()} ${this.renderSendOrStop()}
      </form>`;
  }

  /**
   * The microphone: a toggle, pressed while listening (its name stays the same, as a toggle's should; the status
   * line and the tooltip say how to stop). It stays focusable while the text is on its way, so the focus is not
   * lost, and ignores presses then.
   */
  private renderMicrophone() {
    const d = this.dictation;
    if (!d.source) return nothing;
    const busy = d.phase === 'starting' || d.phase === 'transcribing';
    return html`<button
      type="button"
      class="mic"
      aria-label=${msg('Dictate')}
      aria-pressed=${d.active ? 'true' : 'false'}
      aria-disabled=${busy ? 'true' : 'false'}
      aria-keyshortcuts=${d.active ? 'Escape' : nothing}
      title=${d.active ? msg('Stop dictation (Esc)') : msg('Dictate')}
      @click=${() => d.toggle()}
    >
      ${icon('mic')}
    </button>`;
  }

  /** How dictation is going (a polite live region, always present so changes are announced), or its problem. */
  private renderDictationStatus() {
    const d = this.dictation;
    if (!d.source) return nothing;
    const m = d.message;
    return html`<div class="dictation" ?hidden=${!m}>
      ${
        d.phase === 'listening'
          ? html`<span class="meter" aria-hidden="true"><span></span></span
              ><span class="clock" aria-hidden="true">0:00</span>`
          : nothing
      }
      <p role="status" class=${m && !m.problem ? 'said' : 'sr-only'}>${m && !m.problem ? m.text : ''}</p>
      ${m?.problem ? html`<p class="alert" role="alert">${m.text}</p>` : nothing}
    </div>`;
  }

  /** The text of a dictation goes into the message field (after what is typed there) to be reviewed and sent. */
  private insertDictation(text: string): void {
    const field = this.renderRoot.querySelector('textarea');
    if (!field) return;
    const typed = field.value.trimEnd();
    field.value = typed ? `${typed} ${text}` : text;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }

  /** Escape while listening stops the microphone (and keeps the panel open). */
  private readonly onDictationKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || !this.dictation.active) return;
    e.stopPropagation();
    this.dictation.stop();
  };

  /**
   * One button that is Send, then Stop while the answer streams, then Send again: the same element throughout,
   * so a person who pressed it keeps the focus on it (a button that is replaced drops the focus to the page).
   */
  private renderSendOrStop() {
    const streaming = this.conversation.streaming;
    return html`<button
      type=${streaming ? 'button' : 'submit'}
      class="primary"
      aria-label=${streaming ? msg('Stop the answer') : msg('Send')}
      @click=${this.onSendOrStop}
    >
      ${icon(streaming ? 'stop' : 'send')}
    </button>`;
  }

  private onSendOrStop(e: MouseEvent): void {
    if (!this.conversation.streaming) return; // a submit button: the form sends
    e.preventDefault();
    this.conversation.stop();
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
    if (!field || this.conversation.streaming || !field.value.trim()) return;
    const text = field.value;
    field.value = '';
    this.dictation.clearMessage();
    void this.send(text).then((stored) => {
      // A message the server never stored goes back into the composer: nothing typed is lost.
      if (!stored && !field.value) field.value = text;
    });
  }

  private renderThreads() {
    const list = this.threadList;
    const threads = list.threads;
    return html`<div class="threads" @keydown=${this.onThreadsKeydown}>
      <div class="bar">
        <button class="ghost" type="button" @click=${() => this.backToChat()}>
          <span class="flip">${icon('back')}</span><span>${msg('Back')}</span>
        </button>
        <button class="ghost" type="button" @click=${() => void this.openThread(null)}>
          ${icon('plus')}<span>${msg('New conversation')}</span>
        </button>
      </div>
      <h3 id="threads-heading">${msg('Conversations')}</h3>
      ${
        threads === null
          ? list.failure
            ? html`<div class="alert" role="alert">
                <span>${list.failure}</span>
                <button type="button" @click=${() => void this.showThreads()}>
                  ${icon('reload')} ${msg('Retry')}
                </button>
              </div>`
            : html`<p class="muted empty" role="status">${msg('Loading…')}</p>`
          : threads.length === 0
            ? html`<p class="muted empty">${msg('No conversations yet.')}</p>`
            : html`<ul aria-labelledby="threads-heading">
                ${threads.map((t) => this.renderThreadRow(t))}
                ${
                  list.after
                    ? html`<li>
                        <button type="button" @click=${() => void this.showMoreThreads()}>
                          ${msg('Show more')}
                        </button>
                      </li>`
                    : nothing
                }
              </ul>`
      }
      ${threads !== null && list.failure ? html`<p class="alert" role="alert">${list.failure}</p>` : nothing}
    </div>`;
  }

  /**
   * Escape in a widget that asks something (a row's "Delete task N?") presses its Cancel, as in any dialog: a
   * button whose action keeps things as they are (`data-cancel`, see widget-view.ts), or one labelled Cancel.
   */
  private onWidgetKeydown(e: KeyboardEvent): void {
    if (e.key !== 'Escape') return;
    const cancel = [...(e.currentTarget as HTMLElement).querySelectorAll('button')].find(
      (b) => (b.hasAttribute('data-cancel') || b.textContent?.trim() === 'Cancel') && !b.disabled,
    );
    if (!cancel) return;
    e.stopPropagation();
    cancel.click();
  }

  /** Escape steps back one level (a rename or a confirmation, then the list) instead of closing the panel. */
  private onThreadsKeydown(e: KeyboardEvent): void {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    const list = this.threadList;
    const row = list.editing ?? list.confirming;
    if (row) {
      list.edit(null);
      list.confirm(null);
      this.focusIn(`[data-thread="${CSS.escape(row)}"] .open`);
    } else {
      this.view = 'chat';
      this.focusComposer();
    }
  }

  private renderThreadRow(t: Thread) {
    const title = t.title || msg('Untitled conversation');
    const list = this.threadList;
    if (list.editing === t.id) {
      return html`<li data-thread=${t.id}>
        <form @submit=${(e: SubmitEvent) => void this.rename(e, t)}>
          <input
            name="title"
            aria-label=${msg('Conversation title')}
            .value=${t.title ?? ''}
            maxlength="200"
            required
          />
          <button type="submit" class="primary">${msg('Save')}</button>
          <button type="button" @click=${() => list.edit(null)}>${msg('Cancel')}</button>
        </form>
      </li>`;
    }
    if (list.confirming === t.id) {
      const question = msg(str`Delete “${title}”?`);
      return html`<li data-thread=${t.id}>
        <div class="confirm" role="group" aria-label=${question}>
          <span>${question}</span>
          <button type="button" class="danger" @click=${() => void this.deleteThread(t)}>
            ${msg('Delete')}
          </button>
          <button type="button" @click=${() => list.confirm(null)}>${msg('Cancel')}</button>
        </div>
      </li>`;
    }
    const when = new Date(t.created_at);
    return html`<li data-thread=${t.id}>
      <button
        class="open"
        type="button"
        aria-current=${this.conversation.thread?.id === t.id ? 'true' : 'false'}
        @click=${() => void this.openThread(t.id)}
      >
        <span dir="auto">${title}</span>
        <small
          >${isNaN(when.getTime()) ? '' : when.toLocaleString(this.config.locale(), { dateStyle: 'medium', timeStyle: 'short' })}</small
        >
      </button>
      <button
        class="icon-btn"
        type="button"
        aria-label=${msg(str`Rename “${title}”`)}
        @click=${() => {
          list.edit(t.id);
          this.focusIn(`[data-thread="${t.id}"] input`);
        }}
      >
        ${icon('write')}
      </button>
      <button
        class="icon-btn danger"
        type="button"
        aria-label=${msg(str`Delete “${title}”`)}
        @click=${() => {
          list.confirm(t.id);
          this.focusIn(`[data-thread="${t.id}"] .danger`);
        }}
      >
        ${icon('trash')}
      </button>
    </li>`;
  }
}
