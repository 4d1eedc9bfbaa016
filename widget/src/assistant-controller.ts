import { msg, str } from '@lit/localize';
import { guestFor, type GuestSession } from './auth/guest-session.js';
import { sessionFor, type Session } from './auth/session.js';
import { SignInPanel } from './auth/sign-in-panel.js';
import { originRefusal, WidgetError } from './auth/widget-error.js';
import { authorizedFetch, hostTokenSource, userFromJwt, type TokenSource } from './auth/token-source.js';
import { capabilities } from './capabilities.js';
import { defineOnce } from './define.js';
import { emit, type AuthUser } from './events.js';
import { currentLocale, onLocaleChange, useLocale } from './locale/localization.js';
import { cannotLoad, type ThreadMemory } from './options.js';
import { fetchSiteConfig, type SiteConfig } from './site-config.js';
import type { ChatKitMount } from './chatkit/chatkit-renderer.js';
import type { TodoAssistant } from './todo-assistant.js';

export { panelStyles } from './panel.styles.js';

/**
 * What the panel shows; the element renders it. `ready`: `account` when the widget's own sign-in is in use (it
 * offers Sign out), `offerSignIn` for a guest on a site that also has accounts ("Sign in to keep your tasks").
 */
export type PanelState =
  | { status: 'loading' }
  | { status: 'sign-in'; view: HTMLElement }
  | { status: 'ready'; view: HTMLElement; account?: boolean; offerSignIn?: boolean }
  | { status: 'host-signed-out' }
  | { status: 'failed'; problem: string };

type Who = 'host' | 'account' | 'guest';

/** A conversation view either renderer provides. */
export type ConversationView = HTMLElement & { focusComposer(): void | Promise<void> };

const sessionEnded = () => msg('Your session ended. Please sign in again.');

/** A preview talks to nobody: every request is answered with what a preview is. */
const previewFetch: typeof fetch = () =>
  Promise.resolve(
    new Response(
      JSON.stringify({
        error: { code: 'preview', message: msg('This is a preview: messages are not sent.') },
      }),
      { status: 400, headers: { 'content-type': 'application/json' } },
    ),
  );

function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

/**
 * What happens once the assistant is opened (loaded on first use, with the sign-in code): on a site, its
 * configuration is read; then who is using it — the host's `getToken` (a host token, exchanged, or a backend
 * token), the widget's own account session, or a guest on a site that allows guests (started with the first
 * message) — and which renderer shows the conversation: ChatKit when asked for (or `auto` with a domain key)
 * and its script loads in time, else the built-in renderer.
 */
export class AssistantController {
  private tokens?: TokenSource;
  private session?: Session;
  private guest?: GuestSession;
  private config?: SiteConfig;
  private who: Who = 'account';
  private unsubscribe?: () => void;
  private user: AuthUser | null = null;
  private signingOut = false;
  /** A guest's conversation, kept while the guest looks at the sign-in form. */
  private guestView?: ConversationView;
  private showing: PanelState['status'] = 'loading';
  private ready!: Promise<ConversationView>;
  private markReady!: (view: ConversationView) => void;
  /** ChatKit's options again, in the language now in use (ChatKit only reads them from `setOptions`). */
  private relocalizeChatKit?: () => void;
  private readonly stopFollowingLocale: () => void;

  constructor(private readonly host: TodoAssistant) {
    this.resetReady();
    // One language per page: whichever assistant chose it, this one speaks it too.
    this.stopFollowingLocale = onLocaleChange((choice) => {
      host.localeApplied(choice);
      this.relocalizeChatKit?.();
    });
  }

  /**
   * Chooses the language (the `locale` attribute, the site's setting, the browser's languages, English) and
   * loads its catalog; the panel and the renderer follow (see `onLocaleChange` above).
   */
  async localize(): Promise<void> {
    const host = this.host;
    const choice = await useLocale({
      attribute: host.locale,
      site: host.siteLocale,
      browser: typeof navigator === 'undefined' ? [] : navigator.languages,
    });
    host.localeApplied(choice);
  }

  /** The conversation view, once someone is signed in and the renderer is up. */
  whenReady(): Promise<ConversationView> {
    return this.ready;
  }

  async start(): Promise<void> {
    const host = this.host;
    const apiUrl = host.api();
    // The language is known now unless the site's setting may decide it (read below).
    const localized = host.site && !host.locale ? null : this.localize();
    if (!apiUrl) {
      await localized;
      this.show({
        status: 'failed',
        problem: msg('This assistant is not set up yet: its api-url (data-api-url) is missing.'),
      });
      return;
    }
    this.show({ status: 'loading' });
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.session = undefined;
    this.guest = undefined;
    this.guestView = undefined;
    if (host.preview) {
      this.tokens = undefined;
      await localized;
      await this.mountRenderer();
      return;
    }
    try {
      if (host.site && this.config?.id !== host.site) {
        this.config = await fetchSiteConfig(apiUrl, host.site);
        host.applySiteConfig(this.config);
      }
    } catch (err) {
      await (localized ?? this.localize());
      this.fail(err instanceof WidgetError ? err : new WidgetError('server', String(err)));
      return;
    }
    await (localized ?? this.localize());
    if (host.getToken) {
      this.who = 'host';
      const getToken = host.getToken;
      this.tokens = host.hostTokenSource(() =>
        hostTokenSource(getToken, host.site ? { apiUrl, id: host.site } : undefined),
      );
      let token: string | null = null;
      try {
        token = await this.tokens.token();
      } catch (err) {
        // The site's server or its secret is wrong (a refused host token): its developer must hear why.
        if (err instanceof WidgetError) return this.fail(err);
        token = null;
      }
      this.user = token ? (userFromJwt(token) ?? null) : null;
      this.announceAuth();
      if (token) await this.mountRenderer();
      else this.show({ status: 'host-signed-out' });
      return;
    }
    const identity = this.config?.identity ?? { accounts: true, host: false, guests: false };
    const session = (this.session = sessionFor(apiUrl));
    this.unsubscribe = session.subscribe((user) => void this.onSessionChange(user));
    // (Lapsed: the live stream found the remembered session ended before the panel was opened.)
    const remembered = session.user !== null || session.lapsed;
    if (identity.guests && !(identity.accounts && remembered))
      return this.startGuest(apiUrl, identity.accounts);
    if (!identity.accounts) {
      this.show({ status: 'host-signed-out' });
      return;
    }
    this.who = 'account';
    this.tokens = session;
    if (remembered) {
      // Check the remembered session now (and get the first JWT), rather than fail on the first message.
      try {
        await session.token();
      } catch (err) {
        if (err instanceof WidgetError) this.fail(err);
        else this.show({ status: 'failed', problem: String(err) });
        return;
      }
    } else {
      // A visitor must not fill in the form for nothing: a site the backend refuses is told so now.
      const refusal = await originRefusal(apiUrl);
      if (refusal) {
        this.fail(refusal);
        return;
      }
    }
    this.user = session.user;
    this.announceAuth();
    if (this.user) await this.mountRenderer();
    else this.showSignIn(remembered ? sessionEnded() : '');
  }

  /** "Sign in to keep your tasks": the form, with the guest's session so their tasks come along. */
  offerSignIn(): void {
    if (this.who !== 'guest') return;
    this.showSignIn(msg('Your tasks and conversations come with you.'), this.guest?.sessionToken ?? null);
  }

  /**
   * A visitor without an account: the chat opens at once, and the guest is started by the first message (the
   * guest session's first token). On a site that also has accounts, the panel offers to sign in.
   */
  private async startGuest(apiUrl: string, accounts: boolean): Promise<void> {
    const guest = (this.guest = guestFor(apiUrl, this.host.site));
    this.who = 'guest';
    this.tokens = guest;
    this.user = guest.user;
    const unsubscribeSession = this.unsubscribe;
    const unsubscribeGuest = guest.subscribe((user) => {
      this.user = user;
      this.announceAuth();
      // The first message started the guest: now there is something to keep, and the offer shows.
      if (this.guestView && user && this.showing === 'ready')
        this.show({ status: 'ready', view: this.guestView, offerSignIn: accounts });
    });
    this.unsubscribe = () => {
      unsubscribeSession?.();
      unsubscribeGuest();
    };
    this.announceAuth();
    await this.mountRenderer(accounts);
  }

  /** A failure that stops the assistant: shown in the panel, told to the host page and to its developer. */
  private fail(err: WidgetError): void {
    emit(this.host, 'todo-assistant-error', { code: err.code, message: err.message });
    if (err.code === 'origin_not_allowed') console.warn(`<todo-assistant>: ${err.message}`);
    this.show({ status: 'failed', problem: err.message });
  }

  /** Ends the widget's own session (a host that passes `getToken` signs out on its side). */
  async signOut(): Promise<void> {
    if (!this.session) return;
    this.signingOut = true;
    await this.session.signOut();
  }

  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.stopFollowingLocale();
  }

  private show(state: PanelState): void {
    this.showing = state.status;
    this.host.showPanelState(state);
  }

  private announceAuth(): void {
    emit(this.host, 'todo-assistant-auth-change', {
      signedIn: !!this.user,
      ...(this.user ? { user: this.user, kind: this.who } : {}),
    });
    // The live stream of task events is for whoever is signed in.
    this.host.liveIdentity(this.user && this.tokens ? { tokens: this.tokens, user: this.user } : null);
  }

  private resetReady(): void {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  private async onSessionChange(user: AuthUser | null): Promise<void> {
    if (this.who === 'guest') {
      if (!user) return;
      // The guest signed up or in: the server moved their tasks and conversations; so does what is remembered.
      const open = this.memory().get();
      this.guest?.forget();
      this.guest = undefined;
      this.guestView = undefined;
      this.who = 'account';
      this.tokens = this.session;
      this.user = user;
      if (open) this.memory().set(open);
      this.announceAuth();
      await this.mountRenderer();
      return;
    }
    const was = this.user;
    this.user = user;
    if (user?.id === was?.id) return;
    this.announceAuth();
    if (user) await this.mountRenderer();
    else if (this.config && !this.config.identity.accounts) void this.start();
    else if (this.config?.identity.guests && this.signingOut) void this.start();
    else this.showSignIn(this.signingOut ? '' : sessionEnded());
    this.signingOut = false;
  }

  private showSignIn(notice: string, guestSession: string | null = null): void {
    defineOnce('todo-assistant-sign-in', SignInPanel);
    const panel = document.createElement('todo-assistant-sign-in') as SignInPanel;
    panel.session = this.session!;
    panel.notice = notice;
    panel.guestSession = guestSession;
    panel.addEventListener('cancel', () => {
      if (this.guestView) this.showView(this.guestView, true);
    });
    if (!guestSession) this.resetReady();
    this.show({ status: 'sign-in', view: panel });
  }

  /** No token the server accepts can be had any more: the user must sign in again. */
  private signedOut(): void {
    if (this.session) {
      // Ending the session notifies onSessionChange, which shows the sign-in panel.
      void this.session.signOut();
      return;
    }
    this.user = null;
    this.resetReady();
    this.announceAuth();
    this.show({ status: 'host-signed-out' });
  }

  /** `offerSignIn`: a guest on a site with accounts is offered the sign-in form. */
  private async mountRenderer(offerSignIn = false): Promise<void> {
    const host = this.host;
    this.show({ status: 'loading' });
    this.relocalizeChatKit = undefined;
    const fetchWithToken = host.preview
      ? previewFetch
      : authorizedFetch(this.tokens!, () => this.signedOut());
    const choice = host.preview
      ? 'builtin'
      : host.renderer === 'chatkit' || host.renderer === 'builtin'
        ? host.renderer
        : 'auto';
    // Whether the server takes dictation: asked while the renderer's code loads (a preview offers none).
    const transcription = host.preview ? undefined : capabilities(host.api()).then((c) => c.transcription);
    if (choice === 'chatkit' || (choice === 'auto' && host.domainKey)) {
      try {
        const [chatkit, dictation] = await Promise.all([
          import('./chatkit/chatkit-renderer.js'),
          transcription?.then((t) => t.available) ?? false,
        ]);
        const mount = (): ChatKitMount => ({
          host,
          src: host.chatkitSrc,
          timeoutMs: host.chatkitTimeout,
          apiUrl: host.api(),
          // ChatKit validates that a key is present; on localhost any placeholder is accepted.
          domainKey: host.domainKey || 'domain_pk_localhost_dev',
          fetch: fetchWithToken,
          colorScheme: host.colorScheme(),
          locale: currentLocale().tag,
          ...host.words(),
          memory: this.memory(),
          dictation,
        });
        const el = await chatkit.mountChatKit(mount());
        this.relocalizeChatKit = () => el.setOptions(chatkit.chatKitOptions(mount()));
        this.showView(el, offerSignIn);
        return;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (choice === 'chatkit') {
          emit(host, 'todo-assistant-error', { code: 'chatkit_load_failed', message });
          this.show({ status: 'failed', problem: msg(str`${message} The assistant cannot start here.`) });
          return;
        }
        // auto: ChatKit is unavailable on this page (blocked, offline, refused by its CSP): ours takes over.
      }
    }
    try {
      const builtin = await import('./builtin/builtin-chunk.js');
      const chat = builtin.createBuiltinChat({
        client: new builtin.ChatKitClient({
          apiUrl: host.api(),
          fetch: fetchWithToken,
          locale: () => currentLocale().tag,
          metadata: { timezone: Intl.DateTimeFormat().resolvedOptions().timeZone },
        }),
        memory: this.memory(),
        words: () => host.words(),
        locale: () => currentLocale().tag,
        transcription,
      });
      this.showView(chat, offerSignIn);
      emit(host, 'todo-assistant-ready', { renderer: 'builtin' });
    } catch {
      this.show({ status: 'failed', problem: cannotLoad(host.api()) });
    }
  }

  private showView(view: ConversationView, offerSignIn = false): void {
    if (this.who === 'guest') this.guestView = view;
    // A guest's offer shows once the guest exists: a visitor who has not written yet has nothing to keep.
    this.show({
      status: 'ready',
      view,
      // A preview has nobody signed in: no Sign out in its header.
      account: this.who === 'account' && !this.host.preview,
      offerSignIn: offerSignIn && this.user !== null,
    });
    this.markReady(view);
  }

  /** Remembers this instance's open conversation per API, storage key and user (a site's guest: per site). */
  private memory(): ThreadMemory {
    if (this.host.preview) return { get: () => null, set: () => undefined };
    const scope = this.host.storageKey || this.host.id || 'default';
    const who = this.who === 'guest' ? `guest:${this.host.site}` : (this.user?.id ?? 'anonymous');
    const key = `todo-assistant:thread:${this.host.api()}:${scope}:${who}`;
    return {
      get: () => storage()?.getItem(key) ?? null,
      set: (id) => {
        try {
          if (id) storage()?.setItem(key, id);
          else storage()?.removeItem(key);
        } catch {
          /* storage full or disabled: the conversation is just not remembered */
        }
      },
    };
  }
}
