import { randomUUID } from 'node:crypto';
import { Client as Db } from 'pg';
import { Auth, AUTH } from '../../src/auth/auth.instance';
import { ChatKitClient } from '../support/chatkit-client';
import { HttpUser, LoopbackRedirect } from '../support/mcp-oauth';
import {
  authorizeApp,
  authorizeUrl,
  codeFor,
  mcpRequest,
  mcpTool,
  navigate,
  pkcePair,
  register,
  registerPublicClient,
  revokeToken,
  signAccessToken,
  tokenRequest,
  toolText,
} from '../support/oauth-clients';
import { createSite, guestSession } from '../support/sites';
import { startTestApp, TestApp } from '../support/test-app';
import { decodeJwt, signWithForeignKey } from '../support/tokens';
import { connectTestDb, rowsOf } from '../support/user-rows';
import { api, signUp, TestUser } from '../support/users';

jest.setTimeout(30_000);

/**
 * The authorization server and /mcp under attack: every refusal answers with the specification's error (status and
 * `error` code), and nothing an attacker sends yields a token, a code at an address the client did not register,
 * or a tool call its scopes do not allow.
 */
describe('OAuth for MCP clients: refusals', () => {
  let t: TestApp;
  let db: Db;
  const loopback = new LoopbackRedirect();
  let alice: TestUser;
  let browser: HttpUser;
  let mcp: string;

  beforeAll(async () => {
    await loopback.start();
    t = await startTestApp();
    db = await connectTestDb();
    mcp = `${t.url}/mcp`;
    alice = await signUp(t.url, 'Alice');
    browser = new HttpUser(t.url, alice.email, alice.password);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
    await loopback.stop();
  });

  const exchange = (clientId: string, code: string, verifier: string | undefined, extra = {}) =>
    tokenRequest(t.url, {
      grant_type: 'authorization_code',
      code,
      ...(verifier === undefined ? {} : { code_verifier: verifier }),
      redirect_uri: loopback.url,
      client_id: clientId,
      resource: mcp,
      ...extra,
    });
  const refresh = (clientId: string, refreshToken: string, extra = {}) =>
    tokenRequest(t.url, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: clientId,
      ...extra,
    });
  const invalidToken = async (token: string) => {
    const res = await mcpRequest(t.url, token, { method: 'tools/list' });
    return { status: res.status, error: res.body?.error, challenge: res.headers.get('www-authenticate') };
  };
  const refused = {
    status: 401,
    error: 'invalid_token',
    challenge: expect.stringMatching(/^Bearer error="invalid_token".*resource_metadata="/),
  };

  describe('resource indicators (RFC 8707): /mcp takes only tokens bound to it', () => {
    it('a token the provider issued for another resource: 401 invalid_token', async () => {
      // A second resource the provider knows, and a client linked to it (as an operator could configure).
      const other = `${t.url}/other-api`;
      const auth = t.app.get<Auth>(AUTH);
      const headers = new Headers({ authorization: `Bearer ${alice.sessionToken}` });
      await auth.api.adminCreateOAuthResource({
        body: { identifier: other, allowedScopes: ['tasks:read', 'tasks:write', 'offline_access'] },
        headers,
      });
      const clientId = await registerPublicClient(t.url, loopback.url);
      await auth.api.adminLinkClientResource({ params: { identifier: other, client_id: clientId }, headers });
      const grant = await authorizeApp(t.url, browser, loopback, {
        clientId,
        resource: other,
        scope: 'tasks:read tasks:write offline_access',
      });
      expect(decodeJwt(grant.tokens.access_token)).toMatchObject({
        header: { typ: 'at+jwt' },
        payload: { aud: other, azp: clientId, sub: alice.id },
      });
      expect(await invalidToken(grant.tokens.access_token)).toEqual(refused);
      // …and its refresh token cannot be turned into one for /mcp.
      expect(grant.tokens.refresh_token).toEqual(expect.any(String));
      const widened = await refresh(clientId, grant.tokens.refresh_token!, { resource: mcp });
      expect({ status: widened.status, error: widened.body.error }).toEqual({
        status: 400,
        error: 'invalid_target',
      });
    });

    it('forged tokens signed with the backend key: another audience, the REST audience, another issuer: 401', async () => {
      const clientId = (await authorizeApp(t.url, browser, loopback)).clientId;
      const claims = { sub: alice.id, azp: clientId, client_id: clientId, scope: 'tasks:read tasks:write' };
      for (const payload of [
        { ...claims, aud: `${t.url}/other` },
        { ...claims, aud: t.url },
        { ...claims, aud: 'https://evil.example/mcp' },
        { ...claims, aud: mcp, iss: 'https://evil.example' },
      ]) {
        const token = await signAccessToken(t.app, payload);
        expect({ payload, ...(await invalidToken(token)) }).toEqual({ payload, ...refused });
      }
      // Right audience, but a client the user never allowed.
      const stranger = await signAccessToken(t.app, { ...claims, aud: mcp, azp: 'a-client-never-allowed' });
      expect(await invalidToken(stranger)).toEqual(refused);
      // A real token's claims under a key the backend never issued.
      const real = (await authorizeApp(t.url, browser, loopback, { clientId })).tokens.access_token;
      expect(await invalidToken(signWithForeignKey(real))).toEqual(refused);
    });

    it('a resource the provider does not know, at authorize: invalid_target back to the client, no code', async () => {
      const clientId = await registerPublicClient(t.url, loopback.url);
      const res = await navigate(
        authorizeUrl(t.url, { clientId, redirectUri: loopback.url, resource: `${t.url}/nope` }),
      );
      expect(res.status).toBe(302);
      expect(res.location?.origin + res.location!.pathname).toBe(loopback.url);
      expect(res.location?.searchParams.get('error')).toBe('invalid_target');
      expect(res.location?.searchParams.get('code')).toBeNull();
    });
  });

  describe('authorization codes', () => {
    it('replayed: the second exchange is invalid_grant and the refresh token of the first is revoked', async () => {
      const clientId = await registerPublicClient(t.url, loopback.url);
      const { code, verifier } = await codeFor(t.url, browser, clientId, loopback.url);
      const first = await exchange(clientId, code, verifier);
      expect(first.status).toBe(200);
      const second = await exchange(clientId, code, verifier);
      expect({ status: second.status, error: second.body.error }).toEqual({
        status: 400,
        error: 'invalid_grant',
      });
      const afterReplay = await refresh(clientId, first.body.refresh_token);
      expect({ status: afterReplay.status, error: afterReplay.body.error }).toEqual({
        status: 400,
        error: 'invalid_grant',
      });
      // The access token of the first exchange is a self-contained JWT: it is not revoked by the replay and lives
      // until it expires (OAUTH_ACCESS_TOKEN_TTL_SECONDS). What the provider can revoke (the refresh token) it does.
      expect((await mcpRequest(t.url, first.body.access_token, { method: 'tools/list' })).status).toBe(200);
    });

    it('stolen by another client, or sent with another redirect URI: invalid_grant, and the code still works for its client', async () => {
      const clientId = await registerPublicClient(t.url, loopback.url);
      const thief = await registerPublicClient(t.url, loopback.url, 'Thief');
      const { code, verifier } = await codeFor(t.url, browser, clientId, loopback.url);
      const stolen = await exchange(thief, code, verifier);
      expect({ status: stolen.status, error: stolen.body.error }).toEqual({
        status: 400,
        error: 'invalid_grant',
      });
      const elsewhere = await exchange(clientId, code, verifier, { redirect_uri: `${loopback.url}/x` });
      expect({ status: elsewhere.status, error: elsewhere.body.error }).toEqual({
        status: 400,
        error: 'invalid_grant',
      });
      expect((await exchange(clientId, code, verifier)).status).toBe(200);
    });

    it('PKCE at the token endpoint: a wrong verifier is invalid_grant, none is invalid_request', async () => {
      const clientId = await registerPublicClient(t.url, loopback.url);
      const { code } = await codeFor(t.url, browser, clientId, loopback.url);
      const wrong = await exchange(clientId, code, pkcePair().verifier);
      expect({ status: wrong.status, error: wrong.body.error }).toEqual({
        status: 400,
        error: 'invalid_grant',
      });
      const none = await exchange(clientId, code, undefined);
      expect({ status: none.status, error: none.body.error }).toEqual({
        status: 400,
        error: 'invalid_request',
      });
      const short = await exchange(clientId, code, 'x');
      expect(short.status).toBe(400);
    });

    it('PKCE at authorize: plain, none, or a challenge without its method — invalid_request to the client, no code', async () => {
      const clientId = await registerPublicClient(t.url, loopback.url);
      const { challenge } = pkcePair();
      for (const [label, pkce] of [
        ['plain', { challenge, method: 'plain' }],
        ['no PKCE', { challenge: null, method: null }],
        ['no method', { challenge, method: null }],
      ] as const) {
        const url = authorizeUrl(t.url, { clientId, redirectUri: loopback.url, state: 's1', ...pkce });
        const res = await navigate(url);
        const q = res.location?.searchParams;
        expect({
          label,
          status: res.status,
          to: res.location?.origin + res.location!.pathname,
          error: q?.get('error'),
          code: q?.get('code'),
          state: q?.get('state'),
          iss: q?.get('iss'),
        }).toEqual({
          label,
          status: 302,
          to: loopback.url,
          error: 'invalid_request',
          code: null,
          state: 's1',
          iss: t.url,
        });
      }
    });
  });

  describe('redirect URIs', () => {
    it('an unregistered one at authorize: the server error page, never a redirect there', async () => {
      const clientId = await registerPublicClient(t.url, loopback.url);
      const port = new URL(loopback.url).port;
      const receivedBefore = loopback.received.length;
      for (const [redirectUri, error] of [
        [`http://127.0.0.1:${port}/evil`, 'invalid_redirect'],
        [`http://127.0.0.1:${port}/callback/../evil`, 'invalid_redirect'],
        [`http://127.0.0.1:${port}/callback?next=https://evil.example`, 'invalid_redirect'],
        [`http://localhost:${port}/callback`, 'invalid_redirect'],
        [`http://user@127.0.0.1:${port}/callback`, 'invalid_redirect'],
        ['https://evil.example/callback', 'invalid_redirect'],
        // Plain http off loopback is refused as insecure before it is even looked up.
        ['http://evil.example/callback', 'invalid_request'],
      ]) {
        const res = await navigate(authorizeUrl(t.url, { clientId, redirectUri }));
        expect({
          redirectUri,
          status: res.status,
          to: res.location && res.location.origin + res.location.pathname,
          error: res.location?.searchParams.get('error'),
          code: res.location?.searchParams.get('code'),
        }).toEqual({ redirectUri, status: 302, to: `${t.url}/api/auth/error`, error, code: null });
      }
      // Even for a signed-in user, whose consent would be skipped: nothing reached any redirect URI.
      await authorizeApp(t.url, browser, loopback, { clientId });
      const signedIn = await browser.authorize(
        authorizeUrl(t.url, { clientId, redirectUri: `http://127.0.0.1:${port}/evil` }),
      );
      expect(signedIn.origin + signedIn.pathname).toBe(`${t.url}/api/auth/error`);
      expect(signedIn.searchParams.get('code')).toBeNull();
      expect(loopback.received.length).toBe(receivedBefore + 1); // the one legitimate authorization
    });

    it('a loopback redirect may change port (RFC 8252 §7.3), nothing else', async () => {
      const clientId = await registerPublicClient(t.url, loopback.url);
      const other = new LoopbackRedirect();
      await other.start();
      try {
        expect(other.url).not.toBe(loopback.url);
        const grant = await authorizeApp(t.url, browser, other, { clientId });
        expect(grant.tokens.access_token).toEqual(expect.any(String));
        expect(other.received.at(-1)?.get('code')).toEqual(expect.any(String));
      } finally {
        await other.stop();
      }
    });

    it('registration (RFC 7591) refuses what a public MCP client may not register', async () => {
      const base = {
        client_name: 'x',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'none',
      };
      for (const [label, metadata, error] of [
        [
          'http on a public host',
          { ...base, redirect_uris: ['http://evil.example/cb'] },
          'invalid_redirect_uri',
        ],
        ['a fragment', { ...base, redirect_uris: [`${loopback.url}#x`] }, 'invalid_redirect_uri'],
        ['credentials', { ...base, redirect_uris: ['http://u:p@127.0.0.1:1/cb'] }, 'invalid_redirect_uri'],
        ['no redirect URI', { ...base, redirect_uris: [] }, 'invalid_redirect_uri'],
        [
          'client_credentials',
          { ...base, redirect_uris: [loopback.url], grant_types: ['client_credentials'], response_types: [] },
          'invalid_client_metadata',
        ],
        [
          'a scope it cannot have',
          { ...base, redirect_uris: [loopback.url], scope: 'admin' },
          'invalid_scope',
        ],
      ] as const) {
        const res = await register(t.url, metadata);
        expect({ label, status: res.status, error: res.body?.error }).toEqual({ label, status: 400, error });
      }
      // Asking to be let off PKCE is ignored: the client is registered, and still refused without PKCE.
      const lax = await register(t.url, { ...base, redirect_uris: [loopback.url], require_pkce: false });
      expect(lax.status).toBe(201);
      const res = await navigate(
        authorizeUrl(t.url, {
          clientId: lax.body.client_id,
          redirectUri: loopback.url,
          challenge: null,
          method: null,
        }),
      );
      expect(res.location?.searchParams.get('error')).toBe('invalid_request');
      expect(res.location?.searchParams.get('code')).toBeNull();
    });
  });

  describe('refresh tokens', () => {
    it('rotated: reused within 30 s it answers the same tokens again; after that the whole family is revoked', async () => {
      const grant = await authorizeApp(t.url, browser, loopback);
      const rotated = await refresh(grant.clientId, grant.tokens.refresh_token!);
      expect(rotated.status).toBe(200);
      expect(rotated.body.refresh_token).not.toBe(grant.tokens.refresh_token);
      // A client that lost the answer retries: the very same answer, no new family member.
      const retried = await refresh(grant.clientId, grant.tokens.refresh_token!);
      expect(retried.status).toBe(200);
      expect(retried.body.access_token).toBe(rotated.body.access_token);
      expect(retried.body.refresh_token).toBe(rotated.body.refresh_token);
      // Past the grace period (made to pass here rather than waited for), a reuse means theft: refused, and the
      // refresh token the rotation gave is revoked with it (RFC 9700 §4.14.2).
      await db.query(
        `UPDATE "oauthRefreshToken" SET "rotationReplayExpiresAt" = now() - interval '1 second'
         WHERE "clientId" = $1 AND "rotatedAt" IS NOT NULL`,
        [grant.clientId],
      );
      const reused = await refresh(grant.clientId, grant.tokens.refresh_token!);
      expect({ status: reused.status, error: reused.body.error }).toEqual({
        status: 400,
        error: 'invalid_grant',
      });
      const heir = await refresh(grant.clientId, rotated.body.refresh_token);
      expect({ status: heir.status, error: heir.body.error }).toEqual({
        status: 400,
        error: 'invalid_grant',
      });
    });

    it('revoked (RFC 7009): refresh is invalid_grant; an access token cannot be revoked (unsupported_token_type)', async () => {
      const grant = await authorizeApp(t.url, browser, loopback);
      const atRevoke = await revokeToken(t.url, grant.clientId, grant.tokens.access_token, 'access_token');
      expect({ status: atRevoke.status, error: atRevoke.body?.error }).toEqual({
        status: 400,
        error: 'unsupported_token_type',
      });
      // Another client cannot revoke it for this one (RFC 7009 §2.1: silently nothing).
      const thief = await registerPublicClient(t.url, loopback.url, 'Thief');
      expect((await revokeToken(t.url, thief, grant.tokens.refresh_token!, 'refresh_token')).status).toBe(
        200,
      );
      expect((await refresh(grant.clientId, grant.tokens.refresh_token!)).status).toBe(200);
      const next = await refresh(grant.clientId, grant.tokens.refresh_token!);
      const current = next.body.refresh_token as string;
      expect((await revokeToken(t.url, grant.clientId, current, 'refresh_token')).status).toBe(200);
      const after = await refresh(grant.clientId, current);
      expect({ status: after.status, error: after.body.error }).toEqual({
        status: 400,
        error: 'invalid_grant',
      });
    });

    it('after the connected app is disconnected: invalid_grant, and its access token is refused at once', async () => {
      const grant = await authorizeApp(t.url, browser, loopback);
      const apps = await api(t.url, alice.jwt).get('/api/connected-apps');
      const app = apps.body.find((a: { client_id: string }) => a.client_id === grant.clientId);
      expect((await api(t.url, alice.jwt).delete(`/api/connected-apps/${app.id}`)).status).toBe(204);
      const res = await refresh(grant.clientId, grant.tokens.refresh_token!);
      expect({ status: res.status, error: res.body.error }).toEqual({ status: 400, error: 'invalid_grant' });
      expect(await invalidToken(grant.tokens.access_token)).toEqual(refused);
    });

    it('never for another client, never for more scopes than were allowed', async () => {
      const grant = await authorizeApp(t.url, browser, loopback, {
        consentScope: 'tasks:read offline_access',
      });
      const thief = await registerPublicClient(t.url, loopback.url, 'Thief');
      const stolen = await refresh(thief, grant.tokens.refresh_token!);
      expect({ status: stolen.status, error: stolen.body.error }).toEqual({
        status: 400,
        error: 'invalid_grant',
      });
      const wider = await refresh(grant.clientId, grant.tokens.refresh_token!, {
        scope: 'tasks:read tasks:write',
      });
      expect({ status: wider.status, error: wider.body.error }).toEqual({
        status: 400,
        error: 'invalid_scope',
      });
    });
  });

  describe('scopes', () => {
    it('a tasks:read grant (narrowed at the consent): list works, every write tool is 403 insufficient_scope', async () => {
      const grant = await authorizeApp(t.url, browser, loopback, {
        consentScope: 'tasks:read offline_access',
      });
      expect(grant.tokens.scope).toBe('tasks:read offline_access');
      const token = grant.tokens.access_token;
      const before = await rowsOf(db, alice.id);

      const listed = await mcpTool(t.url, token, 'list_tasks');
      expect(listed.status).toBe(200);
      expect(listed.body.result.isError).toBeFalsy();
      expect((await mcpRequest(t.url, token, { method: 'tools/list' })).status).toBe(200);

      for (const [name, args] of [
        ['add_task', { title: 'sneaky' }],
        ['update_task', { task_id: 1, title: 'sneaky' }],
        ['complete_task', { task_id: 1 }],
        ['delete_task', { task_id: 1 }],
        ['undo_last_change', {}],
      ] as const) {
        const res = await mcpTool(t.url, token, name, args);
        const challenge = res.headers.get('www-authenticate') ?? '';
        expect({ name, status: res.status, error: res.body?.error }).toEqual({
          name,
          status: 403,
          error: 'insufficient_scope',
        });
        expect(challenge).toMatch(/^Bearer error="insufficient_scope"/);
        expect(challenge).toMatch(/scope="[^"]*\btasks:write\b[^"]*"/);
        expect(challenge).toContain(`resource_metadata="${t.url}/.well-known/oauth-protected-resource/mcp"`);
      }
      // A batch smuggling a write behind a read is refused whole.
      const batch = await fetch(mcp, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
        body: JSON.stringify([
          { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'list_tasks', arguments: {} } },
          {
            jsonrpc: '2.0',
            id: 2,
            method: 'tools/call',
            params: { name: 'add_task', arguments: { title: 'x' } },
          },
        ]),
      });
      expect(batch.status).toBe(403);
      expect(await rowsOf(db, alice.id)).toEqual(before);
    });

    it('a client asking for tasks:read only gets just that; nobody can be granted a scope not asked for', async () => {
      const grant = await authorizeApp(t.url, browser, loopback, { scope: 'tasks:read' });
      expect(grant.tokens.scope).toBe('tasks:read offline_access');
      expect((await mcpTool(t.url, grant.tokens.access_token, 'add_task', { title: 'x' })).status).toBe(403);
      // The consent cannot widen what the client asked for.
      const fresh = new HttpUser(t.url, alice.email, alice.password);
      const clientId = await registerPublicClient(t.url, loopback.url);
      const start = await fetch(
        authorizeUrl(t.url, { clientId, redirectUri: loopback.url, scope: 'tasks:read' }),
      );
      const login = new URL(((await start.json()) as { url: string }).url, t.url);
      const signedIn = await fresh.post('/sign-in/email', {
        email: alice.email,
        password: alice.password,
        oauth_query: login.search.slice(1),
      });
      const consent = new URL(signedIn.body.url as string, t.url);
      expect(consent.pathname).toBe('/oauth/consent');
      const widened = await fresh.post('/oauth2/consent', {
        accept: true,
        scope: 'tasks:read tasks:write offline_access',
        oauth_query: consent.search.slice(1),
      });
      expect({ status: widened.status, error: widened.body.error }).toEqual({
        status: 400,
        error: 'invalid_request',
      });
      // An unknown scope at authorize goes back to the client as invalid_scope.
      const res = await navigate(
        authorizeUrl(t.url, { clientId, redirectUri: loopback.url, scope: 'tasks:read admin' }),
      );
      expect(res.location?.searchParams.get('error')).toBe('invalid_scope');
    });
  });

  it('an OAuth token is refused on REST, REST chat, ChatKit, connected apps and /api/auth/token — before and after /mcp saw it', async () => {
    const token = (await authorizeApp(t.url, browser, loopback)).tokens.access_token;
    const surfaces = async () => {
      const a = api(t.url, token);
      return {
        'GET /api/tasks': (await a.get('/api/tasks')).status,
        'POST /api/tasks': (await a.post('/api/tasks', { title: 'via rest' })).status,
        'POST /api/chat': (await a.post('/api/chat', { message: 'add via chat' })).status,
        'GET /api/chat/conversations': (await a.get('/api/chat/conversations')).status,
        'POST /api/chatkit': (await new ChatKitClient(t.url, token).json('threads.list', { limit: 5 }))
          .status,
        'GET /api/connected-apps': (await a.get('/api/connected-apps')).status,
        'GET /api/auth/token': (await a.get('/api/auth/token')).status,
      };
    };
    const allRefused = {
      'GET /api/tasks': 401,
      'POST /api/tasks': 401,
      'POST /api/chat': 401,
      'GET /api/chat/conversations': 401,
      'POST /api/chatkit': 401,
      'GET /api/connected-apps': 401,
      'GET /api/auth/token': 401,
    };
    const before = await rowsOf(db, alice.id);
    expect(await surfaces()).toEqual(allRefused);
    expect((await mcpTool(t.url, token, 'list_tasks')).status).toBe(200);
    expect(await surfaces()).toEqual(allRefused);
    expect(await rowsOf(db, alice.id)).toEqual(before);
  });

  it('Deny: the client gets access_denied with its state, no code; nothing is connected', async () => {
    const clientId = await registerPublicClient(t.url, loopback.url);
    const url = authorizeUrl(t.url, { clientId, redirectUri: loopback.url, state: 'deny-state' });
    const back = await browser.authorize(url, false);
    expect(back.origin + back.pathname).toBe(loopback.url);
    expect(Object.fromEntries(back.searchParams)).toEqual({
      error: 'access_denied',
      error_description: expect.any(String),
      state: 'deny-state',
      iss: t.url,
    });
    expect(Object.fromEntries(loopback.received.at(-1)!)).toEqual(Object.fromEntries(back.searchParams));
    const apps = await api(t.url, alice.jwt).get('/api/connected-apps');
    expect(apps.body.map((a: { client_id: string }) => a.client_id)).not.toContain(clientId);
  });

  it("the consent cannot be given from another page with the user's cookie (CSRF): 403, no code", async () => {
    const signIn = await fetch(`${t.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: t.url },
      body: JSON.stringify({ email: alice.email, password: alice.password }),
    });
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const clientId = await registerPublicClient(t.url, loopback.url, 'Evil');
    const start = await fetch(authorizeUrl(t.url, { clientId, redirectUri: loopback.url }), {
      headers: { cookie },
    });
    const consent = new URL(((await start.json()) as { url: string }).url, t.url);
    expect(consent.pathname).toBe('/oauth/consent');
    for (const origin of ['https://evil.example', 'null', undefined]) {
      const res = await fetch(`${t.url}/api/auth/oauth2/consent`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...(origin ? { origin } : {}) },
        body: JSON.stringify({ accept: true, oauth_query: consent.search.slice(1) }),
      });
      expect({ origin, status: res.status }).toEqual({ origin, status: 403 });
    }
    // A form post (what a page can send without CORS) is not even read.
    const form = await fetch(`${t.url}/api/auth/oauth2/consent`, {
      method: 'POST',
      headers: {
        cookie,
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
      },
      body: new URLSearchParams({ accept: 'true', oauth_query: consent.search.slice(1) }),
    });
    expect(form.status).toBe(415);
    const apps = await api(t.url, alice.jwt).get('/api/connected-apps');
    expect(apps.body.map((a: { client_id: string }) => a.client_id)).not.toContain(clientId);
  });

  it('a signed-in user sees only the consent (no sign-in page); with a standing consent, straight back to the client', async () => {
    const bea = await signUp(t.url, 'Bea');
    const user = new HttpUser(t.url, bea.email, bea.password);
    const first = await authorizeApp(t.url, user, loopback);
    expect(user.pages).toEqual(['/oauth/login', '/oauth/consent']);
    // Signed in now (the session cookie): another app asks — the consent, no sign-in.
    await authorizeApp(t.url, user, loopback);
    expect(user.pages).toEqual(['/oauth/consent']);
    // The first app again, same scopes: its consent stands, so the code comes back without a page.
    const again = await authorizeApp(t.url, user, loopback, { clientId: first.clientId });
    expect(user.pages).toEqual([]);
    expect(decodeJwt(again.tokens.access_token).payload.sub).toBe(bea.id);
    // Asking for more than was allowed brings the consent back.
    const narrowed = await authorizeApp(t.url, user, loopback, { consentScope: 'tasks:read offline_access' });
    await authorizeApp(t.url, user, loopback, { clientId: narrowed.clientId });
    expect(user.pages).toEqual(['/oauth/consent']);
  });

  it("a site's guest (who has a session) can go through the consent, but its token is refused: only accounts connect apps", async () => {
    const site = await createSite(t, { identity: ['guests'] });
    const guest = await guestSession(t.url, site);
    const clientId = await registerPublicClient(t.url, loopback.url);
    const { verifier, challenge } = pkcePair();
    const bearer = { authorization: `Bearer ${guest.session}` };
    const start = await fetch(authorizeUrl(t.url, { clientId, redirectUri: loopback.url, challenge }), {
      headers: bearer,
    });
    const consent = new URL(((await start.json()) as { url: string }).url, t.url);
    expect(consent.pathname).toBe('/oauth/consent');
    const allowed = await fetch(`${t.url}/api/auth/oauth2/consent`, {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json', origin: t.url },
      body: JSON.stringify({ accept: true, oauth_query: consent.search.slice(1) }),
    });
    const code = new URL(((await allowed.json()) as { url: string }).url).searchParams.get('code')!;
    const tokens = await exchange(clientId, code, verifier);
    expect(tokens.status).toBe(200);
    const before = await rowsOf(db, guest.id);
    expect(await invalidToken(tokens.body.access_token)).toEqual(refused);
    expect(
      (await mcpTool(t.url, tokens.body.access_token, 'add_task', { title: 'escaped the site' })).status,
    ).toBe(401);
    expect(await rowsOf(db, guest.id)).toEqual(before);
    // The guest's own token still works (under its site's rules).
    const own = await mcpTool(t.url, guest.jwt, 'list_tasks');
    expect(own.status).toBe(200);
    expect(toolText(own)).not.toContain('escaped the site');
  });

  it('random strings are not tokens, codes or refresh tokens', async () => {
    const clientId = await registerPublicClient(t.url, loopback.url);
    const code = await exchange(clientId, randomUUID(), pkcePair().verifier);
    expect({ status: code.status, error: code.body.error }).toEqual({ status: 400, error: 'invalid_grant' });
    const rt = await refresh(clientId, randomUUID());
    expect({ status: rt.status, error: rt.body.error }).toEqual({ status: 400, error: 'invalid_grant' });
    const unknownClient = await refresh('no-such-client', randomUUID());
    expect({ status: unknownClient.status, error: unknownClient.body.error }).toEqual({
      status: 400,
      error: 'invalid_client',
    });
    expect(await invalidToken(randomUUID())).toEqual(refused);
  });
});
