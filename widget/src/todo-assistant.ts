import { msg, str } from '@lit/localize';
import { adoptStyles, html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { readableOn } from './accent.js';
import type { AssistantController, ConversationView, PanelState } from './assistant-controller.js';
import type { GetToken, TokenSource } from './auth/token-source.js';
import { defineOnce } from './define.js';
import { emit, type TaskChange } from './events.js';
import { LiveLink, type Identity } from './live/live-link.js';
import { directionOf, type LocaleChoice } from './locale/choose-locale.js';
import type { SiteConfig } from './site-config.js';
import {
  cannotLoad,
  defaultPrompts,
  defaultWords,
  type Mode,
  type RendererChoice,
  type StartPrompt,
  type Theme,
} from './options.js';
import { svgIcon } from './svg-icon.js';
import { styles } from './todo-assistant.styles.js';

// Everything past the launcher loads on first use, so a page pays only for the launcher until someone opens it.
const loadController = () => import('./assistant-controller.js');

const CHAT_ICON = svg`<path d="M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.9A8 8 0 1 1 21 12Z"/><path d="M8.5 10.5h7M8.5 14h4.5"/>`;
const CLOSE_ICON = svg`<path d="M18 6 6 18M6 6l12 12"/>`;
// A door on the start side, an arrow leaving it.
const SIGN_OUT_ICON = svg`<path d="M9 4H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h3M16 17l5-5-5-5M21 12H9"/>`;
const BELL_ICON = svg`<path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9"/><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0"/>`;

/**
 * The Todo Assistant: a chat that keeps the signed-in user's to-do list. A launcher bubble that opens a panel, or
 * inline in its container. Talks to the Todo Assistant backend at `api-url` through OpenAI's ChatKit web component
 * or its own built-in renderer (same protocol).
 *
 * @summary Embeddable todo-list assistant.
 * @tag todo-assistant
 *
 * @fires todo-assistant-ready - The conversation view is ready (`detail.renderer`: `chatkit` or `builtin`).
 * @fires todo-assistant-open - The panel opened (launcher mode).
 * @fires todo-assistant-close - The panel closed (launcher mode).
 * @fires todo-assistant-tasks-changed - The user's tasks changed (`detail.changes`; `detail.source`: `assistant`
 *   for this page's assistant, `remote` for anywhere else, heard on the live stream).
 * @fires todo-assistant-reminder - A task is due (`detail.task`, `detail.late`, `detail.message`).
 * @fires todo-assistant-auth-change - Someone signed in or out (`detail.signedIn`, `detail.user`).
 * @fires todo-assistant-error - Something failed that the user was told about (`detail.code`, `detail.message`).
 * @fires todo-assistant-thread-change - Another conversation is shown (`detail.threadId`, null for a new one).
 * @fires todo-assistant-response-start - The assistant started answering.
 * @fires todo-assistant-response-end - The assistant finished answering.
 *
 * @csspart launcher - The round button that opens and closes the panel.
 * @csspart panel - The chat window (a dialog in launcher mode).
 * @csspart header - The panel's title bar.
 * @csspart title - The title text.
 * @csspart body - The area below the header that shows sign-in or the conversation.
 * @csspart sign-in-offer - A guest's "Sign in to keep your tasks" line under the header.
 * @csspart reminders - The reminders under the header ("Reminder: “Call mom” is due now").
 * @csspart badge - The count of new reminders on the launcher.
 *
 * @cssprop [--todo-assistant-accent=#4338ca] - Launcher, header, buttons and the user's messages.
 * @cssprop [--todo-assistant-accent-foreground=#ffffff] - Text on the accent colour.
 * @cssprop [--todo-assistant-accent-text=#4338ca] - Links and accent-coloured text on the background.
 * @cssprop [--todo-assistant-background=#ffffff] - Panel background.
 * @cssprop [--todo-assistant-foreground=#1f2937] - Text colour.
 * @cssprop [--todo-assistant-muted=#5b6474] - Secondary text.
 * @cssprop [--todo-assistant-surface=#f1f3f7] - Assistant messages and hovered controls.
 * @cssprop [--todo-assistant-border=#e3e6ec] - Separators.
 * @cssprop [--todo-assistant-border-strong=#b9bfca] - Field borders.
 * @cssprop [--todo-assistant-focus=#4338ca] - Keyboard focus ring.
 * @cssprop [--todo-assistant-success=#12703a] - Done tasks.
 * @cssprop [--todo-assistant-danger=#b42318] - Errors and delete buttons.
 * @cssprop [--todo-assistant-code-background=#e9ecf2] - Code in replies.
 * @cssprop [--todo-assistant-font-family=system-ui] - The widget's font (the host page's font is not inherited). Urdu
 *   and Arabic have stacks of their own (Nastaliq, Naskh), which this replaces.
 * @cssprop [--todo-assistant-font-family-mono=ui-monospace] - Code font.
 * @cssprop [--todo-assistant-font-size=14px] - Base text size.
 * @cssprop [--todo-assistant-radius=16px] - Panel corner radius.
 * @cssprop [--todo-assistant-radius-small=8px] - Buttons, fields and cards.
 * @cssprop [--todo-assistant-shadow=0 12px 40px rgba(15,23,42,.22)] - Launcher and panel shadow.
 * @cssprop [--todo-assistant-width=384px] - Panel width (launcher mode).
 * @cssprop [--todo-assistant-height=600px] - Panel height (launcher mode; inline: 100% of the container).
 * @cssprop [--todo-assistant-offset=20px] - Distance of launcher and panel from the window's corner.
 * @cssprop [--todo-assistant-z-index=2147483000] - Stacking order of launcher and panel.
 */
export class TodoAssistant extends LitElement {
  static override styles = styles;

  static override properties = {
    apiUrl: { attribute: 'api-url' },
    domainKey: { attribute: 'domain-key' },
    mode: { reflect: true },
    renderer: {},
    chatkitSrc: { attribute: 'chatkit-src' },
    chatkitTimeout: { attribute: 'chatkit-timeout', type: Number },
    theme: { reflect: true },
    locale: {},
    placeholder: {},
    heading: {},
    greeting: {},
    storageKey: { attribute: 'storage-key' },
    site: {},
    preview: { type: Boolean },
    open: { type: Boolean, reflect: true },
    prompts: { attribute: false },
    getToken: { attribute: false },
  };

  /** Base URL of the Todo Assistant backend, e.g. `https://todo.example.com`. */
  declare apiUrl: string;
  /** ChatKit domain key from OpenAI's domain allowlist. Needed by the `chatkit` renderer; `auto` uses ChatKit only with one. */
  declare domainKey: string;
  /** `launcher`: a bubble that opens a panel (full screen on narrow screens). `inline`: fills its container. */
  declare mode: Mode;
  /** `auto` (ChatKit when a domain key is set and its script loads, else built-in), `chatkit` or `builtin`. */
  declare renderer: RendererChoice;
  /** URL of ChatKit's script. */
  declare chatkitSrc: string;
  /** How long to wait for ChatKit's script before `auto` falls back to the built-in renderer (ms). */
  declare chatkitTimeout: number;
  /** `light`, `dark`, or `auto` (follows the visitor's system setting). */
  declare theme: Theme;
  /**
   * The widget's language (its words, ChatKit's, dates, Accept-Language), e.g. `ur` or `de-DE`. Default: the site's
   * `locale` setting, else the browser's languages (the first the widget speaks), else English. Changing it switches
   * the open panel's language.
   */
  declare locale: string;
  /** Placeholder of the message field. Default: "Ask me to add, list or finish tasks…" in the widget's language. */
  declare placeholder: string;
  /** Title in the panel's header and the launcher's accessible name. Default: "Todo Assistant" in the widget's language. */
  declare heading: string;
  /** Greeting on the new-conversation screen. Default: "What should we get done today?" in the widget's language. */
  declare greeting: string;
  /** Scopes what this instance remembers (its open conversation) when a page has several. Default: the element's id. */
  declare storageKey: string;
  /**
   * The site this page belongs to (`npm run sites -- create` gives its id). Its settings (heading, greeting,
   * placeholder, prompts, accent, theme, locale) are read when the panel first opens, under the page's own
   * attributes; its identity modes decide who may use the assistant: the site's signed-in users (`getToken`
   * returning a host token), the widget's accounts, or guests, who can write at once.
   */
  declare site: string;
  /**
   * A look at the assistant without a backend conversation (a site owner's console shows its settings this way):
   * the built-in renderer's start screen, nobody signed in, and a message answered with "This is a preview".
   */
  declare preview: boolean;
  /** Whether the panel is open (launcher mode). */
  declare open: boolean;
  /** Starter prompts on the new-conversation screen. Default: three, in the widget's language. */
  declare prompts: StartPrompt[] | undefined;
  /**
   * For hosts that sign their users in themselves: returns a token for the signed-in user, or null when nobody is
   * signed in — on a site, a host token your server signed with the site secret (the widget exchanges it);
   * otherwise a JWT from the backend's `/api/auth/token`. Asked again before the access token expires and with
   * `{ refresh: true }` after the server refused one. Without it the widget shows its own sign-in panel (or, on a
   * site with guests, the chat at once). When your site signs someone in or out, call `authChanged()` (or set
   * another function): the widget starts over.
   */
  declare getToken: GetToken | undefined;

  /** What the panel shows (not an attribute: set by the controller). */
  private panel: PanelState | null = null;

  private controller?: Promise<AssistantController>;
  private panelStyled = false;
  /** The live stream of the user's task events: reminders, and changes made elsewhere. */
  private readonly live = new LiveLink(this);
  /** The token source of the host's getToken, shared by the panel and the live stream (until authChanged()). */
  private hostTokens?: { getToken: GetToken; key: string; tokens: TokenSource };
  /** The attributes the page itself gave (before any reflection): a site's settings never override them. */
  private pageAttributes: ReadonlySet<string> | null = null;
  /** The site's language setting (under the `locale` attribute). @internal */
  siteLocale = '';
  /** The language the panel speaks now (English until the panel's code and catalog have loaded). */
  private language: Pick<LocaleChoice, 'locale' | 'tag'> = { locale: 'en', tag: 'en' };

  constructor() {
    super();
    this.apiUrl = '';
    this.domainKey = '';
    this.mode = 'launcher';
    this.renderer = 'auto';
    this.chatkitSrc = 'https://cdn.platform.openai.com/deployments/chatkit/chatkit.js';
    this.chatkitTimeout = 8000;
    this.theme = 'light';
    this.locale = '';
    this.placeholder = '';
    this.heading = '';
    this.greeting = '';
    this.storageKey = '';
    this.site = '';
    this.preview = false;
    this.open = false;
    this.prompts = undefined;
    this.getToken = undefined;
    // Whether an answer is streaming, known from the first one: the live stream, which may join mid-answer (a
    // guest made by the first message), must hold that answer's echoes.
    this.addEventListener('todo-assistant-response-start', () => (this.answering = true));
    this.addEventListener('todo-assistant-response-end', () => (this.answering = false));
  }

  /** An answer is streaming now. @internal */
  answering = false;

  // ---- public API ----

  /** Opens the panel (launcher mode). */
  show(): void {
    this.open = true;
  }

  /** Closes the panel and gives the keyboard focus back to the launcher. */
  hide(): void {
    if (!this.open) return;
    this.open = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.launcher')?.focus());
  }

  toggle(): void {
    if (this.open) this.hide();
    else this.show();
  }

  /** Sends a message as if the user typed it (opens the panel; waits until someone is signed in). */
  async sendMessage(text: string): Promise<void> {
    if (this.mode !== 'inline') this.show();
    const view = (await (await this.start()).whenReady()) as ConversationView & {
      send?(text: string): Promise<boolean>;
      sendUserMessage?(p: { text: string }): Promise<void>;
    };
    if (view.send) await view.send(text);
    else await view.sendUserMessage?.({ text });
  }

  /**
   * Tells the assistant that the host's signed-in user changed (signed in, signed out, or someone else): it
   * clears what it shows at once and asks `getToken` again. For hosts that pass `getToken`.
   */
  authChanged(): void {
    this.hostTokens = undefined; // its tokens were for the previous user
    if (this.controller) void this.controller.then((c) => c.start());
    else this.live.restart();
  }

  /** Signs out of the widget's own sign-in (a host that passes `getToken` signs its users out itself). */
  async signOut(): Promise<void> {
    const focused = this.matches(':focus-within'); // the Sign out button goes: the focus moves to the form
    await (await this.controller)?.signOut();
    // Only when the focus left with the button: someone already typing in the form keeps their place.
    if (focused)
      void this.updateComplete.then(() => {
        if (!this.matches(':focus-within')) this.focusPanel();
      });
  }

  /** A guest's way to an account: the sign-in form, after which their tasks and conversations are theirs. */
  private async offerSignIn(): Promise<void> {
    (await this.controller)?.offerSignIn();
    this.focusPanel();
  }

  /** @internal The controller's way to change what the panel shows. */
  showPanelState(state: PanelState | null): void {
    const before = this.panel;
    this.panel = state;
    this.requestUpdate('panel', before);
  }

  /**
   * @internal A site's settings, where the page set nothing of its own: an attribute it gave, or a property it
   * changed from the default, wins.
   */
  applySiteConfig(config: SiteConfig): void {
    const own = (attribute: string, changed: boolean) => changed || !!this.pageAttributes?.has(attribute);
    const a = config.appearance;
    if (a.heading && !own('heading', this.heading !== '')) this.heading = a.heading;
    if (a.greeting && !own('greeting', this.greeting !== '')) this.greeting = a.greeting;
    if (a.placeholder && !own('placeholder', this.placeholder !== '')) this.placeholder = a.placeholder;
    if (a.theme && !own('theme', this.theme !== 'light')) this.theme = a.theme;
    this.siteLocale = config.locale ?? ''; // under the locale attribute: see chooseLocale
    if (config.prompts.length && this.prompts === undefined) this.prompts = config.prompts;
    if (a.accent && !getComputedStyle(this).getPropertyValue('--todo-assistant-accent').trim()) {
      this.style.setProperty('--todo-assistant-accent', a.accent);
      this.fitAccentForeground();
    }
  }

  /**
   * @internal The one token source of the host's `getToken` on this API and site (`make` makes it), so the panel
   * and the live stream exchange the host's token once, not each on its own. Without a site there is nothing to
   * exchange or keep (the host keeps its JWTs): each gets its own.
   */
  hostTokenSource(make: () => TokenSource): TokenSource {
    if (!this.site) return make();
    const key = `${this.api()} ${this.site}`;
    const kept = this.hostTokens;
    if (kept && kept.getToken === this.getToken && kept.key === key) return kept.tokens;
    const tokens = make();
    if (this.getToken) this.hostTokens = { getToken: this.getToken, key, tokens };
    return tokens;
  }

  /** @internal The controller says who is signed in (null: nobody): the live stream follows. */
  liveIdentity(identity: Identity | null): void {
    this.live.signedIn(identity);
  }

  /** @internal Tasks changed elsewhere: an open task list (built-in renderer) follows. */
  tasksChangedElsewhere(changes: TaskChange[]): void {
    const view = this.panelView() as { tasksChangedElsewhere?(c: TaskChange[]): void } | undefined;
    view?.tasksChangedElsewhere?.(changes);
  }

  /** @internal The words in effect: the page's, else its site's, else the defaults in the widget's language. */
  words(): { heading: string; greeting: string; placeholder: string; prompts: StartPrompt[] } {
    const d = defaultWords();
    return {
      heading: this.heading || d.heading,
      greeting: this.greeting || d.greeting,
      placeholder: this.placeholder || d.placeholder,
      prompts: this.prompts ?? defaultPrompts(),
    };
  }

  /** @internal The panel speaks this language now (its catalog is in use): its `lang` and direction follow. */
  localeApplied(choice: Pick<LocaleChoice, 'locale' | 'tag'>): void {
    this.language = { locale: choice.locale, tag: choice.tag };
    this.requestUpdate();
  }

  /** @internal The language tag the panel speaks now. */
  languageTag(): string {
    return this.language.tag;
  }

  /** @internal The API base URL without a trailing slash. */
  api(): string {
    return (this.apiUrl || '').replace(/\/+$/, '');
  }

  /** @internal The colour scheme in effect (`auto` follows the system). */
  colorScheme(): 'light' | 'dark' {
    if (this.theme === 'dark') return 'dark';
    return this.theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  // ---- lifecycle ----

  override connectedCallback(): void {
    this.pageAttributes ??= new Set(this.getAttributeNames());
    super.connectedCallback();
    if (this.mode === 'inline' || this.open) void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    void this.controller?.then((c) => c.dispose());
    this.controller = undefined;
    this.showPanelState(null);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('open') && this.open) || (changed.has('mode') && this.mode === 'inline'))
      void this.start();
    if (changed.has('open') && this.open) this.live.seen();
    // The script tag may name the API after the element is on the page: the stream is for that API.
    if ((changed.has('apiUrl') || changed.has('site')) && !this.controller) this.live.restart();
    // Another getToken: another way to know who is signed in, start over with it.
    if (changed.has('getToken')) this.authChanged();
    // Another language: the open panel switches (a panel not yet opened chooses when it opens).
    if (changed.has('locale') && changed.get('locale') !== undefined && this.controller)
      void this.controller.then((c) => c.localize());
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('theme') || (changed.has('open') && this.open)) this.fitAccentForeground();
    if (changed.has('open') && changed.get('open') !== undefined && this.mode !== 'inline') {
      if (this.open) {
        emit(this, 'todo-assistant-open');
        this.focusPanel();
      } else emit(this, 'todo-assistant-close');
    }
    const before = changed.get('panel') as PanelState | null | undefined;
    const view = this.panelView();
    if (changed.has('panel') && view && (!before || !('view' in before) || before.view !== view)) {
      if (this.matches(':focus-within')) this.focusPanel();
    }
  }

  /** The host's accent without a foreground of its own gets a readable one (see accent.ts). */
  private fitAccentForeground(): void {
    const own = getComputedStyle(this);
    const fg =
      own.getPropertyValue('--todo-assistant-accent').trim() &&
      !own.getPropertyValue('--todo-assistant-accent-foreground').trim()
        ? readableOn(this.resolvedColor('var(--todo-assistant-accent)'))
        : null;
    if (fg) this.style.setProperty('--ta-accent-fg', fg);
    else this.style.removeProperty('--ta-accent-fg');
  }

  /** A CSS colour as the browser computes it here (`rgb(…)`), var() and names resolved. */
  private resolvedColor(value: string): string {
    const probe = document.createElement('i');
    probe.style.color = value;
    this.renderRoot.appendChild(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  }

  private panelView(): HTMLElement | undefined {
    return this.panel && 'view' in this.panel ? this.panel.view : undefined;
  }

  private focusPanel(): void {
    void this.updateComplete.then(() => {
      const view = this.panelView();
      if (view && 'focusComposer' in view) void (view as ConversationView).focusComposer();
      else if (view) view.focus();
      else this.renderRoot.querySelector<HTMLElement>('.panel')?.focus();
    });
  }

  private start(): Promise<AssistantController> {
    this.controller ??= loadController().then(
      (m) => {
        // The panel's look arrives with its code; the panel is drawn from now on.
        adoptStyles(this.renderRoot as ShadowRoot, [styles, m.panelStyles]);
        this.panelStyled = true;
        const controller = new m.AssistantController(this);
        void controller.start();
        return controller;
      },
      (err: unknown) => {
        this.controller = undefined;
        this.showPanelState({ status: 'failed', problem: cannotLoad(this.api()) });
        throw err;
      },
    );
    if (!this.panel) this.showPanelState({ status: 'loading' });
    return this.controller;
  }

  private retry(): void {
    if (this.controller) void this.controller.then((c) => c.start());
    else void this.start().catch(() => undefined);
  }

  // ---- rendering ----

  private onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.mode !== 'inline' && this.open) {
      e.stopPropagation();
      this.hide();
    }
  }

  /** Starts fetching the panel's code when the visitor heads for the launcher, so opening feels instant. */
  private prefetch(): void {
    void loadController().catch(() => undefined);
  }

  override render() {
    const inline = this.mode === 'inline';
    const heading = this.heading || defaultWords().heading;
    // The panel stays where the page's direction puts it; what is inside reads in the language's direction.
    const dir = directionOf(this.language.tag);
    const panel =
      this.panelStyled && (inline || this.panel)
        ? html`<section
            id="panel"
            class="panel"
            part="panel"
            lang=${this.language.tag}
            role=${inline ? 'region' : 'dialog'}
            aria-labelledby="title"
            tabindex="-1"
            ?hidden=${!inline && !this.open}
            @keydown=${this.onKeydown}
          >
            <!-- Not a <header>: the host page has its own banner landmark, a widget must not add another. -->
            <div class="header" part="header" dir=${dir}>
              <h2 id="title" part="title">${heading}</h2>
              ${
                this.panel?.status === 'ready' && this.panel.account
                  ? html`<button type="button" class="sign-out" @click=${() => void this.signOut()}>
                      ${svgIcon(SIGN_OUT_ICON)}<span>${msg('Sign out')}</span>
                    </button>`
                  : nothing
              }
              ${
                inline
                  ? nothing
                  : html`<button type="button" aria-label=${msg('Close')} @click=${() => this.hide()}>
                      ${svgIcon(CLOSE_ICON)}
                    </button>`
              }
            </div>
            ${
              this.panel?.status === 'ready' && this.panel.offerSignIn
                ? html`<div class="offer" part="sign-in-offer" dir=${dir}>
                    <button type="button" class="link" @click=${() => void this.offerSignIn()}>
                      ${msg('Sign in to keep your tasks')}
                    </button>
                  </div>`
                : nothing
            }
            ${this.renderReminders(dir)}
            <div class="body" part="body" dir=${dir}>${this.renderBody()}</div>
          </section>`
        : nothing;
    if (inline) return panel;
    const unseen = this.open ? 0 : this.live.unseen;
    return html`${panel}<button
        class="launcher"
        part="launcher"
        type="button"
        lang=${this.language.tag}
        aria-label=${
          unseen === 1
            ? msg(str`${heading} (1 new reminder)`)
            : unseen
              ? msg(str`${heading} (${unseen} new reminders)`)
              : heading
        }
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="panel"
        aria-haspopup="dialog"
        @click=${() => this.toggle()}
        @pointerenter=${this.prefetch}
        @focus=${this.prefetch}
      >
        ${svgIcon(this.open ? CLOSE_ICON : CHAT_ICON)}
        ${unseen ? html`<span class="badge" part="badge" aria-hidden="true">${unseen > 9 ? '9+' : unseen}</span>` : nothing}
      </button>`;
  }

  /** Reminders under the header, each with a way to dismiss it; the offer of notifications while hidden. */
  private renderReminders(dir: 'ltr' | 'rtl') {
    const live = this.live;
    if (!live.reminders.length) return nothing;
    return html`<div class="reminders" part="reminders" aria-live="polite" dir=${dir}>
      <ul aria-label=${msg('Reminders')}>
        ${live.reminders.map(
          (r) =>
            html`<li>
              ${svgIcon(BELL_ICON)}<span dir="auto">${r.message}</span>
              <button
                type="button"
                aria-label=${msg(str`Dismiss: ${r.message}`)}
                @click=${() => this.dismissReminder(r.id)}
              >
                ${svgIcon(CLOSE_ICON)}
              </button>
            </li>`,
        )}
      </ul>
      ${
        live.notifyNote
          ? html`<p>${live.notifyNote}</p>`
          : live.notify === 'offer'
            ? html`<button type="button" class="link" @click=${() => live.enableNotifications()}>
                ${msg('Notify me when the page is hidden')}
              </button>`
            : nothing
      }
    </div>`;
  }

  private dismissReminder(id: string): void {
    const buttons = () => [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.reminders li button')];
    const index = buttons().findIndex((b) => b.matches(':focus'));
    this.live.dismiss(id);
    // The focus stays among the reminders (the next one's button), else goes back into the panel.
    void this.updateComplete.then(() => {
      if (index < 0) return;
      const next = buttons()[Math.min(index, buttons().length - 1)];
      if (next) next.focus();
      else this.focusPanel();
    });
  }

  private renderBody() {
    const panel = this.panel;
    switch (panel?.status) {
      case 'sign-in':
      case 'ready':
        return panel.view;
      case 'host-signed-out':
        return html`<p class="state">${msg('Sign in to this site to use the assistant.')}</p>`;
      case 'failed':
        return html`<div class="state error" role="alert">
          <p>${panel.problem}</p>
          <button type="button" @click=${() => this.retry()}>${msg('Try again')}</button>
        </div>`;
      default:
        return html`<p class="state" role="status">${msg('Loading…')}</p>`;
    }
  }
}

/** Registers `<todo-assistant>` (safe to call again, and a no-op outside the browser). */
export function defineTodoAssistant(): void {
  defineOnce('todo-assistant', TodoAssistant);
}

declare global {
  interface HTMLElementTagNameMap {
    'todo-assistant': TodoAssistant;
  }
}
