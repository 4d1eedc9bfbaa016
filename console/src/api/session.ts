import type { SignedInUser } from './types.js';

/** An answer of the backend that is not a success: its HTTP status and `{ error: { code, message } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const UNREACHABLE = 'The server did not answer. Check your connection and try again.';
/** Refresh the access token this long before it expires. */
const REFRESH_MARGIN_S = 60;

/** The sign-in page of this backend, coming back to the console's current route. */
export function signInUrl(hash: string): string {
  return `/oauth/login?return=${encodeURIComponent(`/console/${hash}`)}`;
}

/** `exp` of a JWT (seconds), without verifying it: only to know when to fetch the next one. */
export function expiryOf(jwt: string): number {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(part)) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp : 0;
  } catch {
    return 0;
  }
}

async function errorOf(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => ({}))) as {
    error?: { code?: string; message?: string };
    message?: string;
  };
  const message =
    body.error?.message ??
    body.message ??
    (res.status === 429
      ? 'Too many requests. Wait a minute and try again.'
      : `The server answered ${res.status}.`);
  return new ApiError(res.status, body.error?.code ?? String(res.status), message);
}

/**
 * The signed-in account of this browser on the backend's origin: better-auth's session cookie, exchanged for a
 * short-lived bearer JWT (`/api/auth/token`) that every API call carries. The admin API takes bearer tokens only,
 * never the cookie, so no other site can make a browser change anything here (CSRF).
 */
export class Session {
  user: SignedInUser | null = null;
  private token: { value: string; exp: number } | null = null;
  private pending: Promise<string> | null = null;

  constructor(
    /** Where to go when nobody is signed in (or the session ended). */
    private readonly toSignIn: () => void = () => location.assign(signInUrl(location.hash)),
  ) {}

  /** Who is signed in (the session cookie), or null. */
  async start(): Promise<SignedInUser | null> {
    let res: Response;
    try {
      res = await fetch('/api/auth/get-session', {
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      });
    } catch {
      throw new ApiError(0, 'unreachable', UNREACHABLE);
    }
    if (!res.ok) throw await errorOf(res);
    const body = (await res.json().catch(() => null)) as { user?: SignedInUser } | null;
    this.user = body?.user ? { id: body.user.id, email: body.user.email, name: body.user.name } : null;
    return this.user;
  }

  /** A bearer token valid for at least a minute more; a new one after a 401 (`refresh`). */
  async bearer(refresh = false): Promise<string> {
    const now = Date.now() / 1000;
    if (!refresh && this.token && this.token.exp - REFRESH_MARGIN_S > now) return this.token.value;
    this.pending ??= this.fetchToken().finally(() => (this.pending = null));
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    let res: Response;
    try {
      res = await fetch('/api/auth/token', {
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      });
    } catch {
      throw new ApiError(0, 'unreachable', UNREACHABLE);
    }
    if (res.status === 401) {
      this.ended();
      throw new ApiError(401, 'unauthorized', 'Your session ended. Sign in again.');
    }
    if (!res.ok) throw await errorOf(res);
    const { token } = (await res.json()) as { token: string };
    this.token = { value: token, exp: expiryOf(token) };
    return token;
  }

  /** A JSON call with the bearer token; once more with a fresh token after a 401. */
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res = await this.send(method, path, body, await this.bearer());
    if (res.status === 401) res = await this.send(method, path, body, await this.bearer(true));
    if (res.status === 401) {
      this.ended();
      throw await errorOf(res);
    }
    if (!res.ok) throw await errorOf(res);
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private async send(method: string, path: string, body: unknown, token: string): Promise<Response> {
    try {
      return await fetch(path, {
        method,
        credentials: 'omit',
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, 'unreachable', UNREACHABLE);
    }
  }

  async signOut(): Promise<void> {
    try {
      await fetch('/api/auth/sign-out', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: '{}',
      });
    } finally {
      this.token = null;
      this.user = null;
      location.assign(signInUrl(''));
    }
  }

  private ended(): void {
    this.token = null;
    this.toSignIn();
  }
}
