import type { AuthUser } from '../events.js';
import { errorFromResponse, reach } from './widget-error.js';

/**
 * What the host page may hand over instead of the widget's own sign-in: a function returning a token for its
 * signed-in user (or null when nobody is signed in). On a site (`site` attribute) that is a host token its server
 * signed, which the widget exchanges for an access token; otherwise a JWT from the backend's `/api/auth/token`.
 * `refresh: true` means the last token was refused or has expired: return a new one.
 */
export type GetToken = (options: { refresh: boolean }) => Promise<string | null> | string | null;

/** Where the widget gets the bearer token for API calls. */
export interface TokenSource {
  /** A token to send now, or null when nobody is signed in. */
  token(): Promise<string | null>;
  /** A new token after the server refused the last one (401), or null when the user must sign in again. */
  refresh(): Promise<string | null>;
}

/** An access token is renewed when this little of its life is left (a fifth of it, at most a minute). */
export function renewAt(token: { exp: number; lifetime: number }): number {
  return token.exp - Math.min(60, token.lifetime / 5);
}

/** A host token names the site as its audience; the backend's own tokens name the backend. */
export function isHostToken(token: string, site: string): boolean {
  const { aud } = jwtClaims(token) as { aud?: unknown };
  return aud === site || (Array.isArray(aud) && aud.includes(site));
}

/**
 * The host page's `getToken`. On a site, a host token is exchanged (`POST /api/sites/:site/session`) and the
 * access token kept until shortly before it expires; then, and after a 401, `getToken` is asked again. A host
 * token refused as stale is asked for once more with `refresh: true`.
 */
export function hostTokenSource(getToken: GetToken, site?: { apiUrl: string; id: string }): TokenSource {
  let current: { value: string; exp: number; lifetime: number } | null = null;
  let pending: Promise<string | null> | null = null;

  const exchange = async (hostToken: string): Promise<Response> =>
    reach(site!.apiUrl, () =>
      fetch(`${site!.apiUrl}/api/sites/${encodeURIComponent(site!.id)}/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: hostToken }),
      }),
    );

  const obtain = async (refresh: boolean): Promise<string | null> => {
    const given = (await getToken({ refresh })) || null;
    if (!given || !site || !isHostToken(given, site.id)) return given;
    const res = await exchange(given);
    if (res.status === 401 && !refresh) return obtain(true);
    if (!res.ok) throw await errorFromResponse(res);
    const { token, expires_in } = (await res.json()) as { token: string; expires_in: number };
    current = { value: token, exp: Date.now() / 1000 + expires_in, lifetime: expires_in };
    return token;
  };
  const shared = (refresh: boolean) => {
    pending ??= obtain(refresh).finally(() => (pending = null));
    return pending;
  };

  return {
    token: async () => (current && renewAt(current) > Date.now() / 1000 ? current.value : shared(false)),
    refresh: async () => {
      current = null;
      return shared(true);
    },
  };
}

interface JwtClaims {
  sub?: string;
  exp?: number;
  email?: string;
  name?: string;
}

/** The claims of a JWT, read without verifying it: only to show who is signed in and when to refresh. */
export function jwtClaims(jwt: string): JwtClaims {
  try {
    const part = jwt.split('.')[1] ?? '';
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as JwtClaims;
  } catch {
    return {};
  }
}

export function userFromJwt(jwt: string): AuthUser | undefined {
  const c = jwtClaims(jwt);
  return c.sub ? { id: c.sub, email: c.email ?? '', name: c.name ?? '' } : undefined;
}

/**
 * `fetch` with the bearer token: on a 401 it asks the source for a new token and retries once.
 * `onSignedOut` runs when no token can be had (the session ended).
 */
export function authorizedFetch(source: TokenSource, onSignedOut: () => void): typeof fetch {
  return async (input, init) => {
    // A Request's body can be read once: keep a copy for the retry.
    const retryInput = input instanceof Request ? input.clone() : input;
    const send = (target: RequestInfo | URL, token: string | null) => {
      const headers = new Headers(init?.headers ?? (target instanceof Request ? target.headers : undefined));
      if (token) headers.set('authorization', `Bearer ${token}`);
      return fetch(target, { ...init, headers });
    };
    const res = await send(input, await source.token());
    if (res.status !== 401) return res;
    const fresh = await source.refresh();
    if (!fresh) {
      onSignedOut();
      return res;
    }
    const retried = await send(retryInput, fresh);
    if (retried.status === 401) onSignedOut();
    return retried;
  };
}
