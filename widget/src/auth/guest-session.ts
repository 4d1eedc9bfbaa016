import type { AuthUser } from '../events.js';
import { guestKey, storageGet, storageSet } from './storage.js';
import { jwtClaims, renewAt, type TokenSource } from './token-source.js';
import { errorFromResponse, reach } from './widget-error.js';

interface StoredGuest {
  /** The guest's session token (better-auth's anonymous session): exchanged for short-lived JWTs. */
  session: string;
  user: AuthUser;
}

type Listener = (user: AuthUser | null) => void;

/**
 * A visitor without an account on a site that allows guests. Nothing is asked of the server until the first
 * request that needs a token (the visitor's first message): then `POST /api/sites/:site/guest` starts a guest,
 * whose session is kept in localStorage (per API and site) and refreshed like an account's. A guest the server
 * no longer knows (deleted after GUEST_RETENTION_DAYS idle) is started afresh. One per API and site per page.
 */
export class GuestSession implements TokenSource {
  private stored: StoredGuest | null;
  private jwt: { value: string; exp: number; lifetime: number } | null = null;
  private pending: Promise<string | null> | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly key: string;

  constructor(
    private readonly apiUrl: string,
    private readonly site: string,
  ) {
    this.key = guestKey(apiUrl, site);
    this.stored = this.read();
  }

  /** The guest, once started (null before the first message). */
  get user(): AuthUser | null {
    return this.stored?.user ?? null;
  }

  /** The session to sign up or in with, so the guest's tasks move into the account. */
  get sessionToken(): string | null {
    return this.stored?.session ?? null;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  token(): Promise<string | null> {
    if (this.jwt && renewAt(this.jwt) > Date.now() / 1000) return Promise.resolve(this.jwt.value);
    return this.refresh();
  }

  refresh(): Promise<string | null> {
    this.pending ??= this.obtain().finally(() => (this.pending = null));
    return this.pending;
  }

  /** The guest became an account (or is gone): forget it here and in other tabs. */
  forget(): void {
    this.stored = null;
    this.jwt = null;
    storageSet(this.key, null);
    this.notify();
  }

  private async obtain(): Promise<string | null> {
    const stored = this.stored;
    if (stored) {
      const res = await reach(this.apiUrl, () =>
        fetch(`${this.apiUrl}/api/auth/token`, { headers: { authorization: `Bearer ${stored.session}` } }),
      );
      if (res.ok) return this.keep((await res.json()) as { token: string });
      if (res.status !== 401) throw await errorFromResponse(res);
      this.forget(); // deleted after being idle too long: a new guest below
    }
    const res = await reach(this.apiUrl, () =>
      fetch(`${this.apiUrl}/api/sites/${encodeURIComponent(this.site)}/guest`, { method: 'POST' }),
    );
    if (!res.ok) throw await errorFromResponse(res);
    const body = (await res.json()) as { session: string; token: string; user: { id: string; name: string } };
    this.stored = { session: body.session, user: { id: body.user.id, name: body.user.name, email: '' } };
    storageSet(this.key, JSON.stringify(this.stored));
    this.notify();
    return this.keep(body);
  }

  private keep({ token }: { token: string }): string {
    const exp = jwtClaims(token).exp ?? 0;
    this.jwt = { value: token, exp, lifetime: Math.max(0, exp - Date.now() / 1000) };
    return token;
  }

  private read(): StoredGuest | null {
    try {
      const v = JSON.parse(storageGet(this.key) ?? 'null') as StoredGuest | null;
      return v && typeof v.session === 'string' && v.user ? v : null;
    } catch {
      return null;
    }
  }

  private notify(): void {
    for (const l of this.listeners) l(this.user);
  }
}

const guests = new Map<string, GuestSession>();

/** The page's guest for an API and site (shared by every `<todo-assistant>` of that site on the page). */
export function guestFor(apiUrl: string, site: string): GuestSession {
  const key = `${apiUrl} ${site}`;
  let g = guests.get(key);
  if (!g) guests.set(key, (g = new GuestSession(apiUrl, site)));
  return g;
}
