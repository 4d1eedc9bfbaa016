import type { INestApplication } from '@nestjs/common';
import { signJWT } from 'better-auth/plugins';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, get, Server } from 'node:http';
import { Auth, AUTH } from '../../src/auth/auth.instance';
import { APP_CONFIG, AppConfig } from '../../src/config/app-config';
import type { CimdFetch } from '../../src/oauth/oauth-provider.options';
import { HttpUser, LoopbackRedirect } from './mcp-oauth';

/**
 * An OAuth client spoken by hand (no SDK): what an attacker, or a client that gets details wrong, sends to the
 * authorization server. Every answer comes back whole (status, body, headers) so specs can assert refusals.
 */

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: res.status, body, headers: res.headers };
}

/**
 * What a browser does with a link: a top-level GET (no Fetch-Metadata `cors` mode, so better-auth answers with a
 * real redirect rather than JSON); resolves with the status and where it sends the browser.
 */
export function navigate(url: URL): Promise<{ status: number; location: URL | null }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { accept: 'text/html' } }, (res) => {
      res.resume();
      const location = res.headers.location;
      resolve({ status: res.statusCode ?? 0, location: location ? new URL(location, url) : null });
    }).on('error', reject);
  });
}

/** A PKCE pair (RFC 7636, S256). */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** RFC 7591 registration of a public client (as MCP clients register), answered whole. */
export async function register(baseUrl: string, metadata: Record<string, unknown>): Promise<Answer> {
  return answer(
    await fetch(`${baseUrl}/api/auth/oauth2/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(metadata),
    }),
  );
}

/** A public client with a loopback redirect, registered by DCR: its client_id. */
export async function registerPublicClient(
  baseUrl: string,
  redirectUri: string,
  name = 'Hand-made MCP client',
): Promise<string> {
  const res = await register(baseUrl, {
    client_name: name,
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
  });
  if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.client_id as string;
}

export interface AuthorizeParams {
  clientId: string;
  redirectUri: string;
  /** The PKCE challenge; `null` sends none. */
  challenge?: string | null;
  method?: string | null;
  scope?: string;
  /** RFC 8707 resource(s); `null` sends none. */
  resource?: string | string[] | null;
  state?: string;
}

/** The authorization request an MCP client sends the browser to. */
export function authorizeUrl(baseUrl: string, p: AuthorizeParams): URL {
  const url = new URL(`${baseUrl}/api/auth/oauth2/authorize`);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', p.clientId);
  url.searchParams.set('redirect_uri', p.redirectUri);
  if (p.challenge !== null) url.searchParams.set('code_challenge', p.challenge ?? pkcePair().challenge);
  if (p.method !== null) url.searchParams.set('code_challenge_method', p.method ?? 'S256');
  url.searchParams.set('scope', p.scope ?? 'tasks:read tasks:write');
  const resources =
    p.resource === undefined ? [`${baseUrl}/mcp`] : p.resource === null ? [] : [p.resource].flat();
  for (const r of resources) url.searchParams.append('resource', r);
  url.searchParams.set('state', p.state ?? `state-${randomBytes(6).toString('hex')}`);
  return url;
}

/** `POST /api/auth/oauth2/token` (form-encoded, as RFC 6749 says), answered whole. */
export async function tokenRequest(
  baseUrl: string,
  params: Record<string, string | string[]>,
): Promise<Answer> {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const value of [v].flat()) form.append(k, value);
  return answer(
    await fetch(`${baseUrl}/api/auth/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form,
    }),
  );
}

/** `POST /api/auth/oauth2/revoke` (RFC 7009) for a public client, answered whole. */
export async function revokeToken(
  baseUrl: string,
  clientId: string,
  token: string,
  hint?: 'access_token' | 'refresh_token',
): Promise<Answer> {
  const form = new URLSearchParams({
    token,
    client_id: clientId,
    ...(hint ? { token_type_hint: hint } : {}),
  });
  return answer(
    await fetch(`${baseUrl}/api/auth/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form,
    }),
  );
}

export interface Tokens {
  access_token: string;
  refresh_token?: string;
  scope: string;
  expires_in: number;
  token_type: string;
}

/** What one completed authorization gave a client: its code's exchange, and what it needs to go on. */
export interface Grant {
  clientId: string;
  redirectUri: string;
  tokens: Tokens;
}

export interface GrantOptions {
  /** An already registered client (else a new one is registered by DCR). */
  clientId?: string;
  scope?: string;
  /** What the user allows at the consent page (the consent page may narrow the scope). */
  consentScope?: string;
  resource?: string | string[] | null;
}

/**
 * The whole authorization code flow, by hand: register (unless given a client), authorize through the user's
 * pages, exchange the code with the PKCE verifier. Throws when any step does not succeed.
 */
export async function authorizeApp(
  baseUrl: string,
  user: HttpUser,
  loopback: LoopbackRedirect,
  options: GrantOptions = {},
): Promise<Grant> {
  const redirectUri = loopback.url;
  const clientId = options.clientId ?? (await registerPublicClient(baseUrl, redirectUri));
  const { verifier, challenge } = pkcePair();
  const url = authorizeUrl(baseUrl, {
    clientId,
    redirectUri,
    challenge,
    scope: options.scope,
    resource: options.resource,
  });
  const back = await user.authorize(url, true, options.consentScope);
  const code = back.searchParams.get('code');
  if (!code) throw new Error(`no code: ${back.toString()}`);
  const res = await tokenRequest(baseUrl, {
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    redirect_uri: redirectUri,
    client_id: clientId,
    ...(options.resource === null ? {} : { resource: options.resource ?? `${baseUrl}/mcp` }),
  });
  if (res.status !== 200) throw new Error(`token exchange failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { clientId, redirectUri, tokens: res.body as Tokens };
}

/** An authorization code the user allowed, not yet exchanged, with the verifier that goes with it. */
export async function codeFor(
  baseUrl: string,
  user: HttpUser,
  clientId: string,
  redirectUri: string,
): Promise<{ code: string; verifier: string }> {
  const { verifier, challenge } = pkcePair();
  const back = await user.authorize(authorizeUrl(baseUrl, { clientId, redirectUri, challenge }));
  const code = back.searchParams.get('code');
  if (!code) throw new Error(`no code: ${back.toString()}`);
  return { code, verifier };
}

/** One JSON-RPC message to `POST /mcp` with a bearer token, answered whole (no SDK: the status is the point). */
export async function mcpRequest(
  baseUrl: string,
  token: string,
  message: Record<string, unknown>,
): Promise<Answer> {
  return answer(
    await fetch(`${baseUrl}/mcp`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, ...message }),
    }),
  );
}

/** `tools/call` of one tool over `POST /mcp`. */
export function mcpTool(baseUrl: string, token: string, name: string, args: Record<string, unknown> = {}) {
  return mcpRequest(baseUrl, token, { method: 'tools/call', params: { name, arguments: args } });
}

/** The text of a `tools/call` answer. */
export function toolText(res: Answer): string {
  const content = (res.body?.result?.content ?? []) as Array<{ type: string; text?: string }>;
  return content.map((c) => c.text ?? '').join('');
}

/**
 * Where Client ID Metadata Documents live in the specs: a local http server standing in for the https hosts
 * the client ids name (`https://<host>/<path>` → `http://127.0.0.1:<port>/<host>/<path>`). `fetch` replaces
 * the backend's CIMD_FETCH; `fetches` counts what the backend fetched.
 */
export class CimdHost {
  private server: Server | null = null;
  private base = '';
  readonly documents = new Map<string, unknown>();
  readonly fetches: string[] = [];

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const doc = this.documents.get(req.url ?? '');
      if (doc === undefined) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(doc));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const addr = this.server.address();
    this.base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  }

  /** Serves `document` at the https `clientId` (which it must name as its client_id). */
  serve(clientId: string, document: Record<string, unknown>): void {
    const url = new URL(clientId);
    this.documents.set(`/${url.host}${url.pathname}`, document);
  }

  /** The CIMD_FETCH of a test app: only https URLs, mapped to this server, no redirects followed. */
  readonly fetch: CimdFetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.protocol !== 'https:') throw new TypeError('CIMD fetch requires https');
    this.fetches.push(url.toString());
    return fetch(`${this.base}/${url.host}${url.pathname}`, { ...init, redirect: 'error' });
  };

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/**
 * An OAuth access token as the provider signs them (`typ: at+jwt`, ES256, the backend's current key) with any
 * claims: what a forger holding the key, or a provider misissuing, would produce.
 */
export async function signAccessToken(
  app: INestApplication,
  payload: Record<string, unknown>,
): Promise<string> {
  const auth = app.get<Auth>(AUTH);
  const config = app.get<AppConfig>(APP_CONFIG);
  const options = {
    jwks: { keyPairConfig: { alg: 'ES256' as const } },
    jwt: { issuer: config.publicUrl, audience: config.publicUrl },
  };
  const now = Math.floor(Date.now() / 1000);
  return signJWT({ context: await auth.$context } as never, {
    options,
    header: { typ: 'at+jwt' },
    payload: { iat: now, exp: now + 600, ...payload },
  });
}
