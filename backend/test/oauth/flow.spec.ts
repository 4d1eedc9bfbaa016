import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { Client as Db } from 'pg';
import { CIMD_FETCH } from '../../src/oauth/oauth-provider.options';
import { textOf } from '../support/mcp-clients';
import { HttpUser, LoopbackRedirect, MemoryOAuthProvider } from '../support/mcp-oauth';
import { CimdHost, mcpRequest } from '../support/oauth-clients';
import { startTestApp, TestApp } from '../support/test-app';
import { startTestAppWith } from '../support/test-app-overrides';
import { decodeJwt } from '../support/tokens';
import { connectTestDb } from '../support/user-rows';
import { api, signUp } from '../support/users';

jest.setTimeout(60_000);

const TOOLS = ['add_task', 'complete_task', 'delete_task', 'list_tasks', 'undo_last_change', 'update_task'];
const CIMD_CLIENT_ID = 'https://cimd-client.test/client.json';

/** Every request the SDK client made (discovery, registration, token, /mcp), in order. */
function recordingFetch(calls: Array<{ method: string; url: string }>): typeof fetch {
  return (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    calls.push({ method: init?.method ?? (input instanceof Request ? input.method : 'GET'), url });
    return fetch(input, init);
  };
}

interface SdkConnection {
  client: Client;
  provider: MemoryOAuthProvider;
  calls: Array<{ method: string; url: string }>;
  /** What the loopback redirect received. */
  back: URLSearchParams;
  user: HttpUser;
}

/**
 * The official SDK client, as a desktop MCP client runs it: connect with no token (a bare 401), discover, register
 * (DCR, or its CIMD client id), send the user's browser to authorize (the user signs in and allows), receive the
 * code on the loopback redirect, finish, connect again.
 */
async function connectWithSdk(
  baseUrl: string,
  loopback: LoopbackRedirect,
  user: HttpUser,
  clientMetadataUrl?: string,
): Promise<SdkConnection> {
  const calls: Array<{ method: string; url: string }> = [];
  const fetchFn = recordingFetch(calls);
  let browser: Promise<URL> | undefined;
  const provider = new MemoryOAuthProvider(
    loopback.url,
    (url) => {
      browser = user.authorize(url);
    },
    clientMetadataUrl,
    clientMetadataUrl ? 'CIMD Test Client' : 'Test MCP client',
  );
  const mcpUrl = new URL(`${baseUrl}/mcp`);
  const redirected = loopback.next();
  const first = new Client({ name: 'sdk-test', version: '1.0.0' });
  await expect(
    first.connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider, fetch: fetchFn })),
  ).rejects.toBeInstanceOf(UnauthorizedError);
  await browser;
  const back = await redirected;
  const code = back.get('code');
  if (!code) throw new Error(`no code on the loopback redirect: ${back.toString()}`);
  await new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider, fetch: fetchFn }).finishAuth(
    code,
  );
  const client = new Client({ name: 'sdk-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider, fetch: fetchFn }));
  return { client, provider, calls, back, user };
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}) {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

/** The row better-auth keeps of a registered client. */
async function clientRow(db: Db, clientId: string) {
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT "clientId", "clientSecret", "clientDiscoveryId", name, "redirectUris", "tokenEndpointAuthMethod",
            "applicationType", "grantTypes", "requirePKCE", "skipConsent"
     FROM "oauthClient" WHERE "clientId" = $1`,
    [clientId],
  );
  return rows[0];
}

describe('OAuth for MCP clients: the official SDK client from a bare 401 to tools', () => {
  let t: TestApp;
  let db: Db;
  const loopback = new LoopbackRedirect();
  const cimd = new CimdHost();
  const open: Client[] = [];

  beforeAll(async () => {
    await Promise.all([loopback.start(), cimd.start()]);
    t = await startTestAppWith([{ provide: CIMD_FETCH, useValue: cimd.fetch }]);
    db = await connectTestDb();
    cimd.serve(CIMD_CLIENT_ID, {
      client_id: CIMD_CLIENT_ID,
      client_name: 'CIMD Test Client',
      redirect_uris: [loopback.url],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    });
  });
  afterAll(async () => {
    await Promise.all(open.map((c) => c.close()));
    await db.end();
    await t.close();
    await Promise.all([loopback.stop(), cimd.stop()]);
  });

  describe('discovery', () => {
    it('RFC 8414 metadata at both addresses clients look for: the same document, issuer PUBLIC_URL', async () => {
      const root = await api(t.url).get('/.well-known/oauth-authorization-server');
      const inserted = await api(t.url).get('/.well-known/oauth-authorization-server/api/auth');
      expect([root.status, inserted.status]).toEqual([200, 200]);
      expect(inserted.body).toEqual(root.body);
      const auth = `${t.url}/api/auth`;
      expect(root.body).toMatchObject({
        issuer: t.url,
        authorization_endpoint: `${auth}/oauth2/authorize`,
        token_endpoint: `${auth}/oauth2/token`,
        registration_endpoint: `${auth}/oauth2/register`,
        revocation_endpoint: `${auth}/oauth2/revoke`,
        jwks_uri: `${auth}/jwks`,
        response_types_supported: ['code'],
        grant_types_supported: ['authorization_code', 'refresh_token'],
        code_challenge_methods_supported: ['S256'],
        client_id_metadata_document_supported: true,
        scopes_supported: ['tasks:read', 'tasks:write', 'offline_access'],
        authorization_response_iss_parameter_supported: true,
      });
      // Public clients (no secret) are what MCP clients are.
      expect(root.body.token_endpoint_auth_methods_supported).toContain('none');
      // An OAuth server for /mcp, not an OpenID provider.
      expect(root.body.scopes_supported).not.toContain('openid');
    });

    it('RFC 9728 metadata at both addresses: /mcp, its scopes, and an authorization server that answers', async () => {
      const expected = {
        resource: `${t.url}/mcp`,
        authorization_servers: [t.url],
        scopes_supported: ['tasks:read', 'tasks:write'],
        bearer_methods_supported: ['header'],
        resource_name: 'Todo Assistant tasks',
        resource_documentation: `${t.url}/api/docs`,
      };
      for (const path of [
        '/.well-known/oauth-protected-resource',
        '/.well-known/oauth-protected-resource/mcp',
      ]) {
        const res = await api(t.url).get(path);
        expect({ path, status: res.status, body: res.body }).toEqual({ path, status: 200, body: expected });
      }
      for (const issuer of expected.authorization_servers) {
        const meta = await fetch(`${issuer}/.well-known/oauth-authorization-server`);
        expect(meta.status).toBe(200);
        // RFC 8414 §3.3: the issuer in the document is the one it was looked up for.
        expect(((await meta.json()) as { issuer: string }).issuer).toBe(issuer);
      }
    });

    it('a bare request to /mcp: 401 naming the resource metadata (where a client starts)', async () => {
      const res = await fetch(`${t.url}/mcp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      });
      expect(res.status).toBe(401);
      const challenge = res.headers.get('www-authenticate') ?? '';
      expect(challenge).toMatch(/^Bearer /);
      expect(challenge).toContain(`resource_metadata="${t.url}/.well-known/oauth-protected-resource/mcp"`);
    });

    it('browser MCP clients may call discovery, registration, token and /mcp from any origin (no credentials); never the consent', async () => {
      const origin = 'https://inspector.example';
      const preflight = (path: string) =>
        fetch(`${t.url}${path}`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
        });
      for (const path of [
        '/.well-known/oauth-authorization-server',
        '/.well-known/oauth-protected-resource/mcp',
        '/api/auth/oauth2/register',
        '/api/auth/oauth2/token',
        '/api/auth/oauth2/revoke',
        '/mcp',
      ]) {
        const res = await preflight(path);
        expect({ path, status: res.status, acao: res.headers.get('access-control-allow-origin') }).toEqual({
          path,
          status: 204,
          acao: origin,
        });
        expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      }
      for (const path of ['/api/auth/oauth2/consent', '/api/auth/sign-in/email', '/api/connected-apps']) {
        const res = await preflight(path);
        expect({ path, status: res.status, acao: res.headers.get('access-control-allow-origin') }).toEqual({
          path,
          status: 403,
          acao: null,
        });
      }
    });
  });

  it('dynamic client registration (RFC 7591): sign-in, consent, loopback code, tokens bound to /mcp, tools', async () => {
    const u = await signUp(t.url, 'Dana');
    const c = await connectWithSdk(t.url, loopback, new HttpUser(t.url, u.email, u.password));
    open.push(c.client);

    // Discovery started from the 401, then one registration (DCR), then the token endpoint.
    const registrations = c.calls.filter((x) => x.method === 'POST' && x.url.endsWith('/oauth2/register'));
    expect(registrations).toHaveLength(1);
    expect(c.calls.map((x) => x.url)).toEqual(
      expect.arrayContaining([
        `${t.url}/.well-known/oauth-protected-resource/mcp`,
        `${t.url}/.well-known/oauth-authorization-server`,
        `${t.url}/api/auth/oauth2/token`,
      ]),
    );
    const clientId = c.provider.client!.client_id;
    expect(await clientRow(db, clientId)).toMatchObject({
      clientSecret: null,
      clientDiscoveryId: null,
      name: 'Test MCP client',
      redirectUris: [loopback.url],
      tokenEndpointAuthMethod: 'none',
      applicationType: 'native',
    });

    // The authorization request: PKCE S256, the /mcp resource, the PRM's scopes (no prompt forced).
    const asked = c.provider.authorizations[0];
    expect(asked.origin + asked.pathname).toBe(`${t.url}/api/auth/oauth2/authorize`);
    expect(Object.fromEntries(asked.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: clientId,
      code_challenge_method: 'S256',
      redirect_uri: loopback.url,
      resource: `${t.url}/mcp`,
      scope: 'tasks:read tasks:write',
    });
    expect(c.user.pages).toEqual(['/oauth/login', '/oauth/consent']);
    // RFC 9207: the redirect names the issuer; the state comes back.
    expect(c.back.get('iss')).toBe(t.url);
    expect(c.back.get('state')).toBe(asked.searchParams.get('state'));

    const tokens = c.provider.savedTokens!;
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect(tokens.scope).toBe('tasks:read tasks:write offline_access');
    const { header, payload } = decodeJwt(tokens.access_token);
    expect(header).toMatchObject({ typ: 'at+jwt', alg: 'ES256' });
    expect(payload).toMatchObject({
      iss: t.url,
      aud: `${t.url}/mcp`,
      sub: u.id,
      azp: clientId,
      client_id: clientId,
      scope: 'tasks:read tasks:write offline_access',
    });
    const jwks = (await (await fetch(`${t.url}/api/auth/jwks`)).json()) as { keys: Array<{ kid: string }> };
    expect(jwks.keys.map((k) => k.kid)).toContain(header.kid);

    expect((await c.client.listTools()).tools.map((tool) => tool.name).sort()).toEqual(TOOLS);
    const added = await call(c.client, 'add_task', { title: 'buy milk via DCR' });
    expect(added.isError).toBeFalsy();
    const listed = await call(c.client, 'list_tasks');
    expect(textOf(listed)).toContain('buy milk via DCR');
    // The task is the user's own: their REST token sees it.
    const rest = await api(t.url, u.jwt).get('/api/tasks');
    expect(rest.body.data.map((task: { title: string }) => task.title)).toContain('buy milk via DCR');
  });

  it('a Client ID Metadata Document: no registration request, the client row made from the document', async () => {
    const u = await signUp(t.url, 'Cyd');
    const fetchedBefore = cimd.fetches.length;
    const c = await connectWithSdk(t.url, loopback, new HttpUser(t.url, u.email, u.password), CIMD_CLIENT_ID);
    open.push(c.client);

    expect(c.calls.filter((x) => x.url.endsWith('/oauth2/register'))).toEqual([]);
    expect(c.provider.client?.client_id).toBe(CIMD_CLIENT_ID);
    expect(c.provider.authorizations[0].searchParams.get('client_id')).toBe(CIMD_CLIENT_ID);
    // The backend fetched the document itself (through CIMD_FETCH) to learn the client.
    expect(cimd.fetches.slice(fetchedBefore)).toContain(CIMD_CLIENT_ID);
    expect(await clientRow(db, CIMD_CLIENT_ID)).toMatchObject({
      clientId: CIMD_CLIENT_ID,
      clientSecret: null,
      clientDiscoveryId: expect.any(String),
      name: 'CIMD Test Client',
      redirectUris: [loopback.url],
      tokenEndpointAuthMethod: 'none',
    });
    expect(c.user.pages).toEqual(['/oauth/login', '/oauth/consent']);
    expect(decodeJwt(c.provider.savedTokens!.access_token).payload).toMatchObject({
      aud: `${t.url}/mcp`,
      azp: CIMD_CLIENT_ID,
      sub: u.id,
    });

    expect((await c.client.listTools()).tools.map((tool) => tool.name).sort()).toEqual(TOOLS);
    expect((await call(c.client, 'add_task', { title: 'water plants via CIMD' })).isError).toBeFalsy();
    expect(textOf(await call(c.client, 'list_tasks'))).toContain('water plants via CIMD');
    const apps = await api(t.url, u.jwt).get('/api/connected-apps');
    expect(apps.body).toEqual([
      expect.objectContaining({ client_id: CIMD_CLIENT_ID, name: 'CIMD Test Client' }),
    ]);
  });

  it('a CIMD client id on a loopback, private or metadata address is refused (400 invalid_client), never fetched', async () => {
    const fetchedBefore = cimd.fetches.length;
    for (const clientId of [
      'https://127.0.0.1/client.json',
      'https://localhost/client.json',
      'https://10.0.0.7/client.json',
      'https://169.254.169.254/latest/meta-data/client.json',
    ]) {
      const url = new URL(`${t.url}/api/auth/oauth2/authorize`);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: clientId,
        redirect_uri: loopback.url,
        code_challenge: 'x'.repeat(43),
        code_challenge_method: 'S256',
        resource: `${t.url}/mcp`,
      }).toString();
      const res = await fetch(url);
      expect({ clientId, status: res.status, body: await res.json() }).toEqual({
        clientId,
        status: 400,
        body: { error: 'invalid_client', error_description: expect.stringContaining('private or reserved') },
      });
    }
    expect(cimd.fetches.slice(fetchedBefore)).toEqual([]);
  });
});

describe('OAuth for MCP clients: an expired access token is refreshed by the SDK client', () => {
  let t: TestApp;
  const loopback = new LoopbackRedirect();
  let client: Client | undefined;

  beforeAll(async () => {
    await loopback.start();
    t = await startTestApp({ OAUTH_ACCESS_TOKEN_TTL_SECONDS: '5' });
  });
  afterAll(async () => {
    await client?.close();
    await t.close();
    await loopback.stop();
  });

  it('after OAUTH_ACCESS_TOKEN_TTL_SECONDS the next call refreshes (rotating the refresh token) and works', async () => {
    const u = await signUp(t.url, 'Remy');
    const c = await connectWithSdk(t.url, loopback, new HttpUser(t.url, u.email, u.password));
    client = c.client;
    expect((await call(c.client, 'add_task', { title: 'before expiry' })).isError).toBeFalsy();
    const old = c.provider.savedTokens!;
    const oldExp = Number(decodeJwt(old.access_token).payload.exp);
    expect(old.expires_in).toBe(5);

    // Wait out the token (the one long wait of these specs: ~5 s).
    while (Date.now() / 1000 <= oldExp + 0.2) await new Promise((r) => setTimeout(r, 250));
    const expired = await mcpRequest(t.url, old.access_token, { method: 'tools/list' });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('error="invalid_token"');

    const tokenCallsBefore = c.calls.filter((x) => x.url === `${t.url}/api/auth/oauth2/token`).length;
    const listed = await call(c.client, 'list_tasks');
    expect(textOf(listed)).toContain('before expiry');
    const fresh = c.provider.savedTokens!;
    expect(fresh.access_token).not.toBe(old.access_token);
    expect(fresh.refresh_token).toEqual(expect.any(String));
    expect(fresh.refresh_token).not.toBe(old.refresh_token);
    expect(Number(decodeJwt(fresh.access_token).payload.exp)).toBeGreaterThan(oldExp);
    expect(c.calls.filter((x) => x.url === `${t.url}/api/auth/oauth2/token`).length).toBe(
      tokenCallsBefore + 1,
    );
    // No second trip through the browser: the refresh token did it.
    expect(c.provider.authorizations).toHaveLength(1);
  });
});
