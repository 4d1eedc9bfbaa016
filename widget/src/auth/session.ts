import { msg } from '@lit/localize';
import type { AuthUser } from '../events.js';
import { errorFromResponse, reach, WidgetError } from './widget-error.js';
import { sessionKey, storageGet, storageSet } from './storage.js';
import { jwtClaims, renewAt, type TokenSource } from './token-source.js';

interface StoredSession {
  /** better-auth's session token (bearer plugin); exchanged for short-lived JWTs. */
  token: string;
  user: AuthUser;
}

type Listener = (user: AuthUser | null) => void;

/**
 * The widget's own sign-in against the backend's better-auth: email + password through the bearer plugin, then a
 * JWT from `/api/auth/token` for every API call. The session token is kept in localStorage (per API), the JWT in
 * memory only. One Session per API per page, shared by every `<todo-assistant>` on it.
 */
export class Session implements TokenSource {
  private stored: StoredSession | null;
  private jwt: { value: string; exp: number; lifetime: number } | null = null;
  private pending: Promise<string | null> | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly key: string;
  /**
   * The server ended the remembered session (expired, or signed out elsewhere) since the page loaded, before
   * anyone signed in again here: the panel says so ("Your session ended").
   */
  lapsed = false;

  constructor(private readonly apiUrl: string) {
    this.key = sessionKey(apiUrl);
    this.stored = this.read();
    // Another tab signed in or out: follow it.
    addEventListener('storage', (e) => {
      if (e.key !== this.key) return;
      this.stored = this.read();
      this.jwt = null;
      this.notify();
    });
  }

  get user(): AuthUser | null {
    return this.stored?.user ?? null;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `guestSession`: a guest's session on this site, whose tasks and conversations move into the account. */
  async signIn(email: string, password: string, guestSession?: string): Promise<AuthUser> {
    return this.start('/api/auth/sign-in/email', { email, password }, guestSession);
  }

  async signUp(name: string, email: string, password: string, guestSession?: string): Promise<AuthUser> {
    return this.start('/api/auth/sign-up/email', { name, email, password }, guestSession);
  }

  async signOut(): Promise<void> {
    const token = this.stored?.token;
    this.end();
    if (!token) return;
    // Best effort: the local session is gone whatever the server says.
    await fetch(`${this.apiUrl}/api/auth/sign-out`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    }).catch(() => undefined);
  }

  async token(): Promise<string | null> {
    if (this.jwt && renewAt(this.jwt) > Date.now() / 1000) return this.jwt.value;
    return this.refresh();
  }

  /** A new JWT for the stored session; concurrent callers share one request. */
  refresh(): Promise<string | null> {
    this.pending ??= this.fetchJwt().finally(() => (this.pending = null));
    return this.pending;
  }

  private async fetchJwt(): Promise<string | null> {
    const session = this.stored;
    if (!session) return null;
    const res = await reach(this.apiUrl, () =>
      fetch(`${this.apiUrl}/api/auth/token`, { headers: { authorization: `Bearer ${session.token}` } }),
    );
    if (res.status === 401) {
      this.lapsed = true;
      this.end(); // the session expired or was revoked: sign in again
      return null;
    }
    if (!res.ok) throw await errorFromResponse(res);
    const { token } = (await res.json()) as { token: string };
    const exp = jwtClaims(token).exp ?? 0;
    this.jwt = { value: token, exp, lifetime: Math.max(0, exp - Date.now() / 1000) };
    return token;
  }

  private async start(path: string, body: Record<string, string>, guestSession?: string): Promise<AuthUser> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (guestSession) headers.authorization = `Bearer ${guestSession}`;
    const res = await reach(this.apiUrl, () =>
      fetch(`${this.apiUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }),
    );
    if (!res.ok) throw await authError(res);
    const token = res.headers.get('set-auth-token');
    const { user } = (await res.json()) as { user: AuthUser };
    if (!token) {
      throw new WidgetError(
        'server',
        msg(
          'The server signed you in but sent no token. Its CORS settings must expose the set-auth-token header.',
        ),
      );
    }
    this.stored = { token, user: { id: user.id, email: user.email, name: user.name } };
    this.jwt = null;
    this.lapsed = false;
    storageSet(this.key, JSON.stringify(this.stored));
    this.notify();
    return this.stored.user;
  }

  private end(): void {
    this.stored = null;
    this.jwt = null;
    storageSet(this.key, null);
    this.notify();
  }

  private read(): StoredSession | null {
    try {
      const v = JSON.parse(storageGet(this.key) ?? 'null') as StoredSession | null;
      return v && typeof v.token === 'string' && v.user ? v : null;
    } catch {
      return null;
    }
  }

  private notify(): void {
    for (const l of this.listeners) l(this.user);
  }
}

/** better-auth's sign-in/sign-up refusals in words for the panel. */
async function authError(res: Response): Promise<WidgetError> {
  const err = await errorFromResponse(res.clone());
  if (err.code === 'origin_not_allowed' || err.code === 'rate_limited' || res.status >= 500) return err;
  let code = '';
  try {
    const body = (await res.json()) as { code?: unknown };
    code = typeof body.code === 'string' ? body.code : '';
  } catch {
    /* not JSON */
  }
  const exists = msg('An account with this email already exists. Sign in instead.');
  const messages: Record<string, string> = {
    INVALID_EMAIL_OR_PASSWORD: msg('Wrong email or password.'),
    USER_ALREADY_EXISTS: exists,
    USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: exists,
    INVALID_EMAIL: msg('Enter a valid email address.'),
    PASSWORD_TOO_SHORT: msg('The password is too short: use at least 8 characters.'),
    PASSWORD_TOO_LONG: msg('The password is too long: use at most 128 characters.'),
  };
  return new WidgetError('unauthorized', messages[code] ?? err.message, res.status);
}

const sessions = new Map<string, Session>();

/** The page's Session for an API (one per API, so several widgets share one sign-in). */
export function sessionFor(apiUrl: string): Session {
  let s = sessions.get(apiUrl);
  if (!s) sessions.set(apiUrl, (s = new Session(apiUrl)));
  return s;
}
