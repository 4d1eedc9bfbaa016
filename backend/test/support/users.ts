import { randomUUID } from 'node:crypto';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  sessionToken: string;
  jwt: string;
}

/**
 * Signs a new user up through better-auth and exchanges the session for a JWT, as a client would. The email is
 * unique unless given (an address in ADMIN_EMAILS, an address a site's host token also names).
 */
export async function signUp(
  baseUrl: string,
  name = 'Test User',
  email = `user-${randomUUID()}@example.test`,
): Promise<TestUser> {
  const password = `pw-${randomUUID()}`;
  const res = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: 'POST',
    // Node's fetch sends Fetch-Metadata headers, so better-auth's CSRF check wants an Origin, as a browser sends.
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password, name }),
  });
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const sessionToken = res.headers.get('set-auth-token');
  const body = (await res.json()) as { user: { id: string } };
  if (!sessionToken) throw new Error('sign-up returned no set-auth-token header');
  const jwt = await exchangeForJwt(baseUrl, sessionToken);
  return { id: body.user.id, email, password, sessionToken, jwt };
}

export async function exchangeForJwt(baseUrl: string, sessionToken: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/token`, {
    headers: { authorization: `Bearer ${sessionToken}` },
  });
  if (res.status !== 200) throw new Error(`token failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** A small JSON client bound to one base URL and token. */
export function api(baseUrl: string, token?: string) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }

    return { status: res.status, headers: res.headers, text, body: json as any };
  };
  return {
    get: (path: string, headers?: Record<string, string>) => call('GET', path, undefined, headers),
    post: (path: string, body?: unknown, headers?: Record<string, string>) =>
      call('POST', path, body, headers),
    put: (path: string, body?: unknown) => call('PUT', path, body),
    patch: (path: string, body?: unknown) => call('PATCH', path, body),
    delete: (path: string) => call('DELETE', path),
  };
}
