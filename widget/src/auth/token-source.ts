import type { AuthUser } from '../events.js';

/**
 * What the host page may hand over instead of the widget's own sign-in: a function returning a JWT from the
 * backend's `/api/auth/token` (or null when nobody is signed in). `refresh: true` means the last token was refused
 * (HTTP 401): return a new one.
 */
export type GetToken = (options: { refresh: boolean }) => Promise<string | null> | string | null;

/** Where the widget gets the bearer token for API calls. */
export interface TokenSource {
  /** A token to send now, or null when nobody is signed in. */
  token(): Promise<string | null>;
  /** A new token after the server refused the last one (401), or null when the user must sign in again. */
  refresh(): Promise<string | null>;
}

export function hostTokenSource(getToken: GetToken): TokenSource {
  return {
    token: async () => (await getToken({ refresh: false })) || null,
    refresh: async () => (await getToken({ refresh: true })) || null,
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
