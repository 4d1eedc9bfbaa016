import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { connectHttp } from '../support/mcp-clients';
import { startTestApp, TestApp } from '../support/test-app';
import { badTokenCases, decodeJwt, signWithBackendKey } from '../support/tokens';
import { createUserRow } from '../support/user-factory';
import { connectTestDb, rowsOf } from '../support/user-rows';
import { signUp, TestUser } from '../support/users';

// The projects' testTimeout is not applied per project (jest reads it globally): allow for 2 busy cores.
jest.setTimeout(30_000);

const SHOP = 'https://shop.example';
/** Origins outside ALLOWED_ORIGINS, including near misses of SHOP. */
const FOREIGN = [
  'https://evil.example',
  'null', // sandboxed iframes, file: pages
  'https://shop.example.evil.example',
  'http://shop.example', // another scheme
  'https://shop.example:8443', // another port
  'https://evil.example/https://shop.example',
];

interface ProtectedRequest {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  /** The status with a valid token (run in this order on a fresh user). */
  ok: number;
  /** Whether it writes rows owned by the user (so needs the user row to exist). */
  creates: boolean;
}

const CHATKIT_CREATE = {
  type: 'threads.create',
  params: { input: { content: [{ type: 'input_text', text: 'add x' }] } },
};
const MCP_ADD = {
  jsonrpc: '2.0',
  id: 1,
  method: 'tools/call',
  params: { name: 'add_task', arguments: { title: 'planted' } },
};

/** One request of each kind that needs a token; each must answer 401 to a bad one, before doing anything. */
const PROTECTED: ProtectedRequest[] = [
  { name: 'REST tasks list', method: 'GET', path: '/api/tasks', ok: 200, creates: false },
  {
    name: 'REST tasks create',
    method: 'POST',
    path: '/api/tasks',
    body: { title: 'x' },
    ok: 201,
    creates: true,
  },
  { name: 'REST tasks delete', method: 'DELETE', path: '/api/tasks/1', ok: 200, creates: false },
  {
    name: 'REST chat',
    method: 'POST',
    path: '/api/chat',
    body: { message: 'add x' },
    ok: 200,
    creates: true,
  },
  {
    name: 'REST chat stream',
    method: 'POST',
    path: '/api/chat/stream',
    body: { message: 'add x' },
    ok: 200,
    creates: true,
  },
  {
    name: 'REST chat conversations',
    method: 'GET',
    path: '/api/chat/conversations',
    ok: 200,
    creates: false,
  },
  {
    name: 'ChatKit threads.create (stream)',
    method: 'POST',
    path: '/api/chatkit',
    body: CHATKIT_CREATE,
    ok: 200,
    creates: true,
  },
  {
    name: 'ChatKit threads.list (JSON)',
    method: 'POST',
    path: '/api/chatkit',
    body: { type: 'threads.list', params: {} },
    ok: 200,
    creates: false,
  },
  { name: 'MCP tools/call', method: 'POST', path: '/mcp', body: MCP_ADD, ok: 200, creates: true },
];

function send(baseUrl: string, req: ProtectedRequest, token: string | null, origin?: string) {
  return fetch(`${baseUrl}${req.path}`, {
    method: req.method,
    headers: {
      ...(token !== null ? { authorization: `Bearer ${token}` } : {}),
      ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(req.path === '/mcp' ? { accept: 'application/json, text/event-stream' } : {}),
      ...(origin ? { origin } : {}),
    },
    body: req.body === undefined ? undefined : JSON.stringify(req.body),
  });
}

describe('access tokens on every protected surface (REST tasks, REST chat, ChatKit, MCP)', () => {
  let t: TestApp;
  let db: Client;
  let user: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ ALLOWED_ORIGINS: `${SHOP},http://localhost:8080` });
    db = await connectTestDb();
    user = await signUp(t.url, 'Token Owner');
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const cases = badTokenCases(() => ({ app: t.app, baseUrl: t.url, user }));

  it.each(cases)('%s → 401 on all of them, and nothing is written', async (_name, make) => {
    const token = await make();
    const before = await rowsOf(db, user.id);
    for (const req of PROTECTED) {
      const res = await send(t.url, req, token);
      const text = await res.text();
      expect({ route: req.name, status: res.status }).toEqual({ route: req.name, status: 401 });
      if (req.path === '/mcp') {
        // the MCP SDK's bearer middleware: an OAuth challenge pointing at the resource metadata
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
        expect(res.headers.get('www-authenticate')).toContain('/.well-known/oauth-protected-resource/mcp');
      } else {
        expect(res.headers.get('content-type')).toMatch(/^application\/json/); // never a stream
        expect(JSON.parse(text).error.code).toBe('unauthorized');
      }
    }
    expect(await rowsOf(db, user.id)).toEqual(before);
  });

  it('the same token, valid, passes everywhere (the refusals above are not vacuous)', async () => {
    for (const req of PROTECTED) {
      const res = await send(t.url, req, user.jwt);
      await res.text();
      expect({ route: req.name, status: res.status }).toEqual({ route: req.name, status: req.ok });
    }
  });

  it('a token accepted before is refused everywhere once it has expired (verified tokens are remembered only until then)', async () => {
    const { payload } = decodeJwt(user.jwt);
    const exp = Math.floor(Date.now() / 1000) + 2;
    const token = await signWithBackendKey(t.app, { sub: payload.sub, email: payload.email, exp });
    for (const req of PROTECTED) {
      const res = await send(t.url, req, token);
      await res.text();
      // Accepted (the task an earlier case deleted may be gone: 404 is an answer to an accepted token).
      expect({ route: req.name, accepted: [req.ok, 404].includes(res.status) }).toEqual({
        route: req.name,
        accepted: true,
      });
    }
    await new Promise((r) => setTimeout(r, exp * 1000 - Date.now() + 50));
    for (const req of PROTECTED) {
      const res = await send(t.url, req, token);
      await res.text();
      expect({ route: req.name, status: res.status }).toEqual({ route: req.name, status: 401 });
    }
  });

  it('a valid token whose user no longer exists → 401 (not a 500), and MCP tools say so without SQL details', async () => {
    const ghostId = await createUserRow(t.app.get(DataSource));
    const token = await signWithBackendKey(t.app, { sub: ghostId, email: `${ghostId}@factory.test` });
    await db.query('DELETE FROM "user" WHERE id = $1', [ghostId]); // deleted while the token is still valid
    for (const req of PROTECTED.filter((r) => r.path !== '/mcp')) {
      const res = await send(t.url, req, token);
      const body = (await res.json()) as { data?: unknown[]; error?: { code: string; message: string } };
      if (!req.creates)
        expect([200, 404]).toContain(res.status); // reads find nothing, a delete finds no task
      else {
        expect({ route: req.name, status: res.status }).toEqual({ route: req.name, status: 401 });
        expect(body.error).toEqual({
          code: 'unauthorized',
          message: 'The account of this access token no longer exists. Sign in again.',
        });
      }
    }
    const mcp = await connectHttp(t.url, token);
    const result = await mcp.call('add_task', { title: 'orphan' });
    await mcp.close();
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toContain('no longer exists');
    expect(JSON.stringify(result.content)).not.toMatch(/constraint|violates|task_counters/);
    expect(await rowsOf(db, ghostId)).toEqual({
      tasks: [],
      task_counters: [],
      chat_threads: [],
      chat_thread_items: [],
      user_settings: [],
    });
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
  });

  describe('CORS', () => {
    const ROUTES = [
      '/api/tasks',
      '/api/tasks/1/complete',
      '/api/chat',
      '/api/chat/stream',
      '/api/chat/conversations',
      '/api/chatkit',
      '/api/auth/sign-in/email',
      '/api/auth/sign-up/email',
      '/api/auth/token',
      '/api/auth/jwks',
      '/health',
    ];

    it.each(ROUTES)(
      'preflight on %s: granted to an allowed origin with the methods and headers it asks for',
      async (path) => {
        const res = await fetch(`${t.url}${path}`, {
          method: 'OPTIONS',
          headers: {
            origin: SHOP,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization,content-type,mcp-protocol-version',
          },
        });
        expect(res.status).toBe(204);
        expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
        expect(res.headers.get('vary')).toMatch(/origin/i);
        expect(res.headers.get('access-control-allow-methods')?.split(',')).toEqual(
          expect.arrayContaining(['GET', 'POST', 'PATCH', 'DELETE']),
        );
        expect(res.headers.get('access-control-allow-headers')?.toLowerCase().split(',')).toEqual(
          expect.arrayContaining(['authorization', 'content-type', 'mcp-protocol-version']),
        );
        expect(res.headers.get('access-control-allow-credentials')).toBeNull(); // bearer tokens, no cookies
      },
    );

    it.each(ROUTES)('preflight on %s: no grant to any origin outside ALLOWED_ORIGINS', async (path) => {
      for (const origin of FOREIGN) {
        const res = await fetch(`${t.url}${path}`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization,content-type',
          },
        });
        // Refused with the reason: unreadable by the page, but shown in the network panel and to curl.
        expect({ origin, status: res.status, body: await res.json() }).toEqual({
          origin,
          status: 403,
          body: { error: { code: 'origin_not_allowed', message: refusalOf(origin) } },
        });
        for (const h of ['allow-origin', 'allow-methods', 'allow-headers', 'allow-credentials'])
          expect({ origin, header: h, value: res.headers.get(`access-control-${h}`) }).toEqual({
            origin,
            header: h,
            value: null,
          });
      }
    });

    // What browser-based MCP clients (MCP Inspector) call: open to any origin, bearer tokens only, no cookies.
    it.each([
      '/mcp',
      '/.well-known/oauth-protected-resource/mcp',
      '/api/auth/oauth2/token',
      '/api/auth/oauth2/register',
    ])(
      'preflight on %s (an MCP client route): granted to any origin, never with credentials',
      async (path) => {
        for (const origin of [SHOP, ...FOREIGN.filter((o) => o !== 'null')]) {
          const res = await fetch(`${t.url}${path}`, {
            method: 'OPTIONS',
            headers: {
              origin,
              'access-control-request-method': 'POST',
              'access-control-request-headers': 'authorization,content-type,mcp-protocol-version',
            },
          });
          expect({
            origin,
            status: res.status,
            acao: res.headers.get('access-control-allow-origin'),
          }).toEqual({
            origin,
            status: 204,
            acao: origin,
          });
          expect(res.headers.get('access-control-allow-headers')?.toLowerCase().split(',')).toEqual(
            expect.arrayContaining(['authorization', 'content-type', 'mcp-protocol-version']),
          );
          expect(res.headers.get('access-control-allow-credentials')).toBeNull();
        }
      },
    );

    it('actual answers (2xx, SSE, 401, 429 alike) carry the grant only for an allowed origin', async () => {
      const rateLimited = await startTestApp({ ALLOWED_ORIGINS: SHOP, CHAT_RATE_LIMIT_PER_MINUTE: '1' });
      try {
        const u = await signUp(rateLimited.url);
        const chat = PROTECTED.find((r) => r.name === 'REST chat')!;
        await (await send(rateLimited.url, chat, u.jwt, SHOP)).text(); // uses the one allowed turn
        const limited = await send(rateLimited.url, chat, u.jwt, SHOP);
        expect(limited.status).toBe(429);
        expect(limited.headers.get('access-control-allow-origin')).toBe(SHOP);
        expect(limited.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('retry-after');
        const foreignLimited = await send(rateLimited.url, chat, u.jwt, 'https://evil.example');
        expect(foreignLimited.status).toBe(429);
        expect(foreignLimited.headers.get('access-control-allow-origin')).toBeNull();
      } finally {
        await rateLimited.close();
      }
      for (const req of PROTECTED) {
        for (const [origin, token] of [
          [SHOP, user.jwt],
          [SHOP, null],
          ['https://evil.example', user.jwt],
          ['https://evil.example', null],
        ] as const) {
          const res = await send(t.url, req, token, origin);
          await res.text();
          expect({
            route: req.name,
            origin,
            token: !!token,
            acao: res.headers.get('access-control-allow-origin'),
          }).toEqual({
            route: req.name,
            origin,
            token: !!token,
            // /mcp answers any origin (browser MCP clients); a site user's token is refused by its site's rules.
            acao: origin === SHOP || req.name.startsWith('MCP') ? origin : null,
          });
        }
      }
      const signIn = await fetch(`${t.url}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
        body: JSON.stringify({ email: user.email, password: user.password }),
      });
      expect(signIn.headers.get('access-control-allow-origin')).toBeNull(); // a page there cannot read the token
      // better-auth refuses the origin itself too (CSRF), and says which origin and which setting allows it.
      expect({ status: signIn.status, body: await signIn.json() }).toEqual({
        status: 403,
        body: { code: 'INVALID_ORIGIN', message: refusalOf('https://evil.example') },
      });
    });
  });

  describe('GET /api/origin-check: why a page cannot use the backend, readable by that page', () => {
    const check = async (origin?: string) => {
      const res = await fetch(`${t.url}/api/origin-check`, { headers: origin ? { origin } : {} });
      return {
        status: res.status,
        acao: res.headers.get('access-control-allow-origin'),
        cache: res.headers.get('cache-control'),
        body: (await res.json()) as { origin: string | null; allowed: boolean; message: string },
      };
    };

    it.each(FOREIGN)(
      'names a refused origin (%s) and the setting that allows it, readable from anywhere',
      async (origin) => {
        expect(await check(origin)).toEqual({
          status: 200,
          acao: '*', // the one answer a refused page can read: it carries nothing but the verdict on that page
          cache: 'no-store',
          body: { origin, allowed: false, message: refusalOf(origin) },
        });
      },
    );

    it("says yes to an allowed origin and to the backend's own, and has nothing to judge without an Origin", async () => {
      expect((await check(SHOP)).body).toEqual({
        origin: SHOP,
        allowed: true,
        message: `The origin ${SHOP} is allowed.`,
      });
      expect((await check(t.url)).body.allowed).toBe(true);
      expect((await check()).body).toMatchObject({ origin: null, allowed: true });
    });

    it('is what the widget sees after a refused call: the call fails unreadably, the check explains', async () => {
      // As a browser on https://evil.example: the preflight is refused (no grant, so fetch() rejects) …
      const preflight = await fetch(`${t.url}/api/auth/sign-in/email`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      await preflight.text();
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      // … and the check, a simple GET with a grant for any origin, tells the page why.
      const { acao, body } = await check('https://evil.example');
      expect(acao).toBe('*');
      expect(body.message).toBe(refusalOf('https://evil.example'));
    });
  });
});

/** The refusal every surface gives an origin outside ALLOWED_ORIGINS. */
function refusalOf(origin: string): string {
  return origin === 'null'
    ? 'This page\'s origin is "null" (a sandboxed iframe or a file: page), which cannot be allowed. Serve it from an origin listed in ALLOWED_ORIGINS on the backend (or in a site\'s origins).'
    : `The origin ${origin} is not allowed. Add it to ALLOWED_ORIGINS on the backend, or to a site's origins (npm run sites -- update <site> --origin ${origin}).`;
}
