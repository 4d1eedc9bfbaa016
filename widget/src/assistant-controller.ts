import { sessionFor, type Session } from './auth/session.js';
import { SignInPanel } from './auth/sign-in-panel.js';
import { originRefusal, WidgetError } from './auth/widget-error.js';
import { authorizedFetch, hostTokenSource, userFromJwt, type TokenSource } from './auth/token-source.js';
import { defineOnce } from './define.js';
import { emit, type AuthUser } from './events.js';
import type { ThreadMemory } from './options.js';
import type { TodoAssistant } from './todo-assistant.js';

export { panelStyles } from './panel.styles.js';

/** What the panel shows; the element renders it. */
export type PanelState =
  | { status: 'loading' }
  | { status: 'sign-in' | 'ready'; view: HTMLElement }
  | { status: 'host-signed-out' }
  | { status: 'failed'; problem: string };

/** A conversation view either renderer provides. */
export type ConversationView = HTMLElement & { focusComposer(): void | Promise<void> };

const SESSION_ENDED = 'Your session ended. Please sign in again.';

function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

/**
 * What happens once the assistant is opened (loaded on first use, with the sign-in code): who is signed in —
 * the host's `getToken` or the widget's own session — and which renderer shows the conversation: ChatKit when
 * asked for (or `auto` with a domain key) and its script loads in time, else the built-in renderer.
 */
export class AssistantController {
  private tokens?: TokenSource;
  private session?: Session;
  private unsubscribe?: () => void;
  private user: AuthUser | null = null;
  private signingOut = false;
  private ready!: Promise<ConversationView>;
  private markReady!: (view: ConversationView) => void;

  constructor(private readonly host: TodoAssistant) {
    this.resetReady();
  }

  /** The conversation view, once someone is signed in and the renderer is up. */
  whenReady(): Promise<ConversationView> {
    return this.ready;
  }

  async start(): Promise<void> {
    const host = this.host;
    const apiUrl = host.api();
    if (!apiUrl) {
      this.show({
        status: 'failed',
        problem: 'This assistant is not set up yet: its api-url (data-api-url) is missing.',
      });
      return;
    }
    this.show({ status: 'loading' });
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.session = undefined;
    if (host.getToken) {
      this.tokens = hostTokenSource(host.getToken);
      let token: string | null = null;
      try {
        token = await this.tokens.token();
      } catch {
        token = null;
      }
      this.user = token ? (userFromJwt(token) ?? null) : null;
      this.announceAuth();
      if (token) await this.mountRenderer();
      else this.show({ status: 'host-signed-out' });
      return;
    }
    const session = (this.session = sessionFor(apiUrl));
    this.tokens = session;
    const remembered = session.user !== null;
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
    this.unsubscribe = session.subscribe((user) => void this.onSessionChange(user));
    this.user = session.user;
    this.announceAuth();
    if (this.user) await this.mountRenderer();
    else this.showSignIn(remembered ? SESSION_ENDED : '');
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
  }

  private show(state: PanelState): void {
    this.host.showPanelState(state);
  }

  private announceAuth(): void {
    emit(this.host, 'todo-assistant-auth-change', {
      signedIn: !!this.user,
      ...(this.user ? { user: this.user } : {}),
    });
  }

  private resetReady(): void {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  private async onSessionChange(user: AuthUser | null): Promise<void> {
    const was = this.user;
    this.user = user;
    if (user?.id === was?.id) return;
    this.announceAuth();
    if (user) await this.mountRenderer();
    else this.showSignIn(this.signingOut ? '' : SESSION_ENDED);
    this.signingOut = false;
  }

  private showSignIn(notice: string): void {
    defineOnce('todo-assistant-sign-in', SignInPanel);
    const panel = document.createElement('todo-assistant-sign-in') as SignInPanel;
    panel.session = this.session!;
    panel.notice = notice;
    this.resetReady();
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

  private async mountRenderer(): Promise<void> {
    const host = this.host;
    this.show({ status: 'loading' });
    const fetchWithToken = authorizedFetch(this.tokens!, () => this.signedOut());
    const choice = host.renderer === 'chatkit' || host.renderer === 'builtin' ? host.renderer : 'auto';
    if (choice === 'chatkit' || (choice === 'auto' && host.domainKey)) {
      try {
        const chatkit = await import('./chatkit/chatkit-renderer.js');
        const el = await chatkit.mountChatKit({
          host,
          src: host.chatkitSrc,
          timeoutMs: host.chatkitTimeout,
          apiUrl: host.api(),
          // ChatKit validates that a key is present; on localhost any placeholder is accepted.
          domainKey: host.domainKey || 'domain_pk_localhost_dev',
          fetch: fetchWithToken,
          colorScheme: host.colorScheme(),
          locale: host.locale || undefined,
          placeholder: host.placeholder,
          greeting: host.greeting,
          prompts: host.prompts,
          heading: host.heading,
          memory: this.memory(),
        });
        this.showView(el);
        return;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (choice === 'chatkit') {
          emit(host, 'todo-assistant-error', { code: 'chatkit_load_failed', message });
          this.show({ status: 'failed', problem: `${message} The assistant cannot start here.` });
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
          locale: host.locale || undefined,
          metadata: { timezone: Intl.DateTimeFormat().resolvedOptions().timeZone },
        }),
        memory: this.memory(),
        placeholder: host.placeholder,
        greeting: host.greeting,
        prompts: host.prompts,
        locale: host.locale || undefined,
      });
      this.showView(chat);
      emit(host, 'todo-assistant-ready', { renderer: 'builtin' });
    } catch {
      this.show({
        status: 'failed',
        problem: `Could not load the assistant from ${host.api()}. Check your connection and try again.`,
      });
    }
  }

  private showView(view: ConversationView): void {
    this.show({ status: 'ready', view });
    this.markReady(view);
  }

  /** Remembers this instance's open conversation per API, storage key and user. */
  private memory(): ThreadMemory {
    const scope = this.host.storageKey || this.host.id || 'default';
    const key = `todo-assistant:thread:${this.host.api()}:${scope}:${this.user?.id ?? 'anonymous'}`;
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
