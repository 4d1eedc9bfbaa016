import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { originRefusal } from '../../src/origins/origin-policy';
import { SiteRegistry } from '../../src/sites/site-registry.service';
import { SitesService } from '../../src/sites/sites.service';
import { BackendBehindBalancer, BackendProcess } from '../support/backend-process';
import {
  createSite,
  guestSession,
  hostSession,
  postSession,
  signHostToken,
  sitesOutsideTheApp,
  uniqueOrigin,
} from '../support/sites';
import { freePort, startTestApp, TestApp, testDatabaseUrl } from '../support/test-app';
import { TEST_AUTH_SECRET } from '../support/test-database';
import { connectTestDb, rowsOf } from '../support/user-rows';
import { api, signUp, TestUser } from '../support/users';

jest.setTimeout(30_000);

interface Surface {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  ok: number;
}

/** One request of each surface a site user's token reaches. */
const SURFACES: Surface[] = [
  { name: 'REST tasks list', method: 'GET', path: '/api/tasks', ok: 200 },
  { name: 'REST tasks create', method: 'POST', path: '/api/tasks', body: { title: 'planted' }, ok: 201 },
  { name: 'REST chat', method: 'POST', path: '/api/chat', body: { message: 'add from chat' }, ok: 200 },
  { name: 'REST chat conversations', method: 'GET', path: '/api/chat/conversations', ok: 200 },
  {
    name: 'ChatKit threads.create (stream)',
    method: 'POST',
    path: '/api/chatkit',
    body: { type: 'threads.create', params: { input: { content: [{ type: 'input_text', text: 'add x' }] } } },
    ok: 200,
  },
  {
    name: 'ChatKit threads.list',
    method: 'POST',
    path: '/api/chatkit',
    body: { type: 'threads.list', params: {} },
    ok: 200,
  },
  {
    name: 'MCP tools/call',
    method: 'POST',
    path: '/mcp',
    body: {
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'add_task', arguments: { title: 'from mcp' } },
    },
    ok: 200,
  },
];

async function send(baseUrl: string, s: Surface, token: string, origin?: string) {
  const res = await fetch(`${baseUrl}${s.path}`, {
    method: s.method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(s.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(s.path === '/mcp' ? { accept: 'application/json, text/event-stream' } : {}),
      ...(origin ? { origin } : {}),
    },
    body: s.body === undefined ? undefined : JSON.stringify(s.body),
  });
  const text = await res.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text, acao: res.headers.get('access-control-allow-origin') };
}

/** What each surface answers to a site user's token from an origin its site does not list. */
function refusedBody(s: Surface, message: string) {
  return s.path === '/mcp'
    ? { jsonrpc: '2.0', error: { code: -32001, message }, id: null }
    : { error: { code: 'forbidden', message } };
}

const wrongOrigin = (site: string, origin: string) =>
  `This access token belongs to the site ${site}, which does not list the origin ${origin}.`;

async function preflight(baseUrl: string, origin: string, path = '/api/tasks') {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type',
    },
  });
  const text = await res.text();
  return { status: res.status, acao: res.headers.get('access-control-allow-origin'), text };
}

/** Polls `check` until it holds; returns how long that took (throws with the last value at the deadline). */
async function within(what: string, timeoutMs: number, check: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  let last: unknown;
  while (Date.now() - started < timeoutMs) {
    last = await check();
    if (last === true) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms (last: ${JSON.stringify(last)})`);
}

/**
 * A site's origins decide where its users' tokens may be used from and which pages get a CORS grant: a token of
 * site A sent from site B's page is refused on every surface (naming both), while servers and MCP clients (no
 * Origin) are not constrained; and a change to a site reaches every instance within seconds.
 */
describe('site origins', () => {
  let t: TestApp;
  let db: Client;
  let a: Awaited<ReturnType<typeof createSite>>;
  let b: Awaited<ReturnType<typeof createSite>>;
  let hostA: { id: string; jwt: string };
  let guestA: { id: string; jwt: string };
  let account: TestUser;

  beforeAll(async () => {
    t = await startTestApp({
      CHAT_RATE_LIMIT_PER_MINUTE: '1000',
      GUEST_RATE_LIMIT_PER_MINUTE: '1000',
      SITES_REFRESH_MS: '200',
    });
    db = await connectTestDb();
    a = await createSite(t, { identity: ['host', 'guests'] });
    b = await createSite(t, { identity: ['host'] });
    hostA = await hostSession(t.url, a, 'origin-user');
    guestA = await guestSession(t.url, a);
    account = await signUp(t.url, 'Account');
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  describe("a site user's token from another origin", () => {
    const foreign = () => [
      b.origin,
      'https://evil.example.test',
      'null',
      a.origin.replace('https:', 'http:'),
    ];

    it.each(SURFACES.map((s) => [s.name, s] as const))(
      '%s: 403 naming the site and the origin, for host users and guests, and nothing is written',
      async (_name, surface) => {
        for (const user of [hostA, guestA]) {
          const before = await rowsOf(db, user.id);
          for (const origin of foreign()) {
            const res = await send(t.url, surface, user.jwt, origin);
            expect({ origin, status: res.status, body: res.body }).toEqual({
              origin,
              status: 403,
              body: refusedBody(surface, wrongOrigin(a.id, origin)),
            });
          }
          expect(await rowsOf(db, user.id)).toEqual(before);
        }
      },
    );

    it.each(SURFACES.map((s) => [s.name, s] as const))(
      "%s: works from the site's own origin (with its CORS grant) and with no Origin (a server, an MCP client)",
      async (_name, surface) => {
        for (const user of [hostA, guestA]) {
          const own = await send(t.url, surface, user.jwt, a.origin);
          expect({ status: own.status, acao: own.acao }).toEqual({ status: surface.ok, acao: a.origin });
          const server = await send(t.url, surface, user.jwt);
          expect({ status: server.status, acao: server.acao }).toEqual({ status: surface.ok, acao: null });
          if (surface.path === '/mcp') expect(own.body.result.isError).toBeFalsy();
        }
      },
    );

    it("an account's token is not tied to a site: the origin rules of sites do not refuse it", async () => {
      for (const surface of SURFACES) {
        const res = await send(t.url, surface, account.jwt, b.origin);
        expect({ name: surface.name, status: res.status }).toEqual({
          name: surface.name,
          status: surface.ok,
        });
      }
    });

    it("the site's own routes refuse a page of another origin too (session, guest, config), naming both", async () => {
      const message = `The site ${a.id} does not list the origin ${b.origin}: add it (npm run sites -- update ${a.id} --origin ${b.origin}).`;
      const token = await signHostToken(a.secret, { sub: 'from-b', aud: a.id });
      const session = await postSession(t.url, a.id, token, b.origin);
      expect({ status: session.status, body: session.body }).toEqual({
        status: 403,
        body: { error: { code: 'forbidden', message } },
      });
      const guest = await fetch(`${t.url}/api/sites/${a.id}/guest`, {
        method: 'POST',
        headers: { origin: b.origin },
      });
      expect({ status: guest.status, body: await guest.json() }).toEqual({
        status: 403,
        body: { error: { code: 'forbidden', message } },
      });
      const config = await fetch(`${t.url}/api/sites/${a.id}/config`, { headers: { origin: b.origin } });
      expect({ status: config.status, body: await config.json() }).toEqual({
        status: 403,
        body: { error: { code: 'forbidden', message } },
      });
      // From its own origin, and from a server, all three work.
      expect((await postSession(t.url, a.id, token, a.origin)).status).toBe(200);
      expect((await postSession(t.url, a.id, token)).status).toBe(200);
      const ownConfig = await fetch(`${t.url}/api/sites/${a.id}/config`, { headers: { origin: a.origin } });
      expect(ownConfig.status).toBe(200);
      expect(ownConfig.headers.get('access-control-allow-origin')).toBe(a.origin);
    });
  });

  describe('wildcard origins', () => {
    const domain = `w${randomUUID().slice(0, 8)}.example.test`;
    let w: Awaited<ReturnType<typeof createSite>>;
    let user: { id: string; jwt: string };
    beforeAll(async () => {
      w = await createSite(t, { origins: [`https://*.${domain}`], identity: ['host'] });
      user = await hostSession(t.url, { id: w.id, secret: w.secret }, 'wild-user');
    });

    it.each([
      [`https://a.${domain}`, true],
      [`https://shop.a.${domain}`, true],
      [`https://${domain}`, false], // the apex is not a subdomain
      [`https://a.${domain}.evil.test`, false],
      [`https://evil${domain}`, false], // no dot boundary
      [`http://a.${domain}`, false], // another scheme
      [`https://a.${domain}:8443`, false], // another port
    ])(
      '%s → allowed: %s (CORS grant, the site user’s token, the session exchange)',
      async (origin, allowed) => {
        const pre = await preflight(t.url, origin);
        expect({ status: pre.status, acao: pre.acao }).toEqual(
          allowed ? { status: 204, acao: origin } : { status: 403, acao: null },
        );
        const res = await api(t.url, user.jwt).get('/api/tasks', { origin });
        expect(res.status).toBe(allowed ? 200 : 403);
        if (!allowed) expect(res.body.error.message).toBe(wrongOrigin(w.id, origin));
        const session = await postSession(
          t.url,
          w.id,
          await signHostToken(w.secret, { sub: 'wild-user', aud: w.id }),
          origin,
        );
        expect(session.status).toBe(allowed ? 200 : 403);
      },
    );

    it('a bare * cannot be an origin of a site', async () => {
      await expect(createSite(t, { origins: ['*'] })).rejects.toThrow(
        '"*" cannot be an origin of a site: list each origin (https://shop.example.com).',
      );
    });
  });

  describe('CORS grants', () => {
    it('an origin no site lists: preflight 403 with the reason, no grant on a preflight or an answer', async () => {
      const origin = uniqueOrigin('unlisted');
      // (/mcp answers every origin: browser MCP clients call it; a site user's token is refused there by origin.)
      for (const path of ['/api/tasks', '/api/chatkit', `/api/sites/${a.id}/session`]) {
        const pre = await preflight(t.url, origin, path);
        expect({ path, status: pre.status, acao: pre.acao, body: JSON.parse(pre.text) }).toEqual({
          path,
          status: 403,
          acao: null,
          body: { error: { code: 'origin_not_allowed', message: originRefusal(origin) } },
        });
      }
      const answer = await api(t.url, account.jwt).get('/api/tasks', { origin });
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    });

    it("a site's origin: preflight granted to that origin on every route; answers carry the grant", async () => {
      for (const path of ['/api/tasks', '/api/chatkit', '/mcp', `/api/sites/${a.id}/session`]) {
        const pre = await preflight(t.url, a.origin, path);
        expect({ path, status: pre.status, acao: pre.acao }).toEqual({ path, status: 204, acao: a.origin });
      }
      const answer = await api(t.url, hostA.jwt).get('/api/tasks', { origin: a.origin });
      expect(answer.headers.get('access-control-allow-origin')).toBe(a.origin);
    });

    it("disabling a site ends its origin's grant and its users' tokens at once; enabling restores both", async () => {
      const site = await createSite(t);
      const user = await hostSession(t.url, site, 'soon-disabled');
      const sites = t.app.get(SitesService);
      await sites.setStatus(site.id, 'disabled');
      expect(await preflight(t.url, site.origin)).toMatchObject({ status: 403, acao: null });
      const refused = await api(t.url, user.jwt).get('/api/tasks', { origin: site.origin });
      expect({ status: refused.status, body: refused.body }).toEqual({
        status: 401,
        body: {
          error: {
            code: 'unauthorized',
            message: `The site ${site.id} is disabled: its users cannot be served.`,
          },
        },
      });
      expect((await api(t.url, user.jwt).get('/api/tasks')).status).toBe(401); // no Origin: refused all the same
      await sites.setStatus(site.id, 'active');
      expect(await preflight(t.url, site.origin)).toMatchObject({ status: 204, acao: site.origin });
      expect((await api(t.url, user.jwt).get('/api/tasks', { origin: site.origin })).status).toBe(200);
    });

    it('two changes in one millisecond are two changes: the second, made elsewhere, still reaches this instance', async () => {
      const origin = uniqueOrigin('twice');
      const outside = sitesOutsideTheApp(t.url);
      try {
        const created = await outside.sites.create({ name: 'Twice', origins: [origin], identity: ['host'] });
        await within(
          'the new site reaches the app',
          5_000,
          async () => (await preflight(t.url, origin)).status === 204,
        );
        // updated_at keeps milliseconds, and two writes close together share one (a PATCH of origins and status
        // is two): the second write here carries the first one's stamp.
        await db.query(`UPDATE sites SET status = 'disabled', updated_at = updated_at WHERE id = $1`, [
          created.id,
        ]);
        await within('the second change reaches the app', 5_000, async () => {
          const pre = await preflight(t.url, origin);
          return pre.status === 403 && pre.acao === null;
        });
      } finally {
        await outside.close();
      }
    });

    it("a change made on this process is in effect when it returns, even while a reload runs (a poll, another request's change)", async () => {
      const site = await createSite(t);
      const registry = t.app.get(SiteRegistry);
      const sites = t.app.get(SitesService);
      const stale: string[] = [];
      for (let i = 0; i < 100; i++) {
        const status = i % 2 === 0 ? 'disabled' : 'active';
        const change = sites.setStatus(site.id, status);
        let done = false;
        void change.finally(() => (done = true));
        // Reloads start all along the change, as the poll (after another instance's change) and other requests'
        // changes start them: one may have read the sites just before this change committed.
        const reloads: Array<Promise<void>> = [];
        while (!done) {
          reloads.push(registry.reload());
          await new Promise((r) => setImmediate(r));
        }
        await change;
        const pre = await preflight(t.url, site.origin);
        if (pre.status !== (status === 'active' ? 204 : 403)) stale.push(`${i}: ${status} but ${pre.status}`);
        await Promise.all(reloads);
      }
      expect(stale).toEqual([]);
    });
  });
});

/**
 * Two backend processes on one database (behind one public URL), each with its in-memory view of the sites: a
 * change made on one — or outside both, as `npm run sites` makes it — is applied by the other within seconds.
 */
describe('site changes reach every instance', () => {
  const REFRESH_MS = 500;
  const ADMIN = `admin-${randomUUID().slice(0, 8)}@example.test`;
  let dataDir: string;
  let p1: BackendProcess;
  let p2: BackendProcess;
  let admin: TestUser;
  let outside: ReturnType<typeof sitesOutsideTheApp>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'todo-sites-origins-'));
    const [port1, port2] = [await freePort(), await freePort()];
    const env = (port: number): Record<string, string> => ({
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port1}`,
      DATABASE_URL: testDatabaseUrl(),
      DB_POOL_MAX: '4',
      BETTER_AUTH_SECRET: TEST_AUTH_SECRET,
      ALLOWED_ORIGINS: 'http://localhost:8080',
      DATA_DIR: dataDir,
      ADMIN_EMAILS: ADMIN,
      SITES_REFRESH_MS: String(REFRESH_MS),
      AUTH_RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'error',
      WEB_CONCURRENCY: '1',
    });
    p1 = new BackendBehindBalancer(env(port1), `http://127.0.0.1:${port1}`);
    p2 = new BackendBehindBalancer(env(port2), `http://127.0.0.1:${port2}`);
    await Promise.all([p1.start(), p2.start()]);
    admin = await signUp(p1.url, 'Admin', ADMIN);
    outside = sitesOutsideTheApp(p1.url);
  }, 120_000);
  afterAll(async () => {
    await p1?.stop();
    await p2?.stop();
    await outside?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const tasksFrom = (p: BackendProcess, jwt: string, origin?: string) =>
    api(p.url, jwt).get('/api/tasks', origin ? { origin } : {});

  it('a site made outside both is served by both; disabled through one, it is refused by the other within seconds', async () => {
    const origin = uniqueOrigin('multi');
    const created = await outside.sites.create({ name: 'Multi', origins: [origin], identity: ['host'] });
    for (const p of [p1, p2])
      await within(
        'the new site reaches a process',
        5_000,
        async () => (await preflight(p.url, origin)).status === 204,
      );
    const user = await hostSession(p2.url, { id: created.id, secret: created.secret, origin }, 'multi-user');
    for (const p of [p1, p2]) expect((await tasksFrom(p, user.jwt, origin)).status).toBe(200);

    const patched = await api(p1.url, admin.jwt).patch(`/api/admin/sites/${created.id}`, {
      status: 'disabled',
    });
    expect({ status: patched.status, site: patched.body.status }).toEqual({ status: 200, site: 'disabled' });
    // The process that made the change applies it at once …
    expect(await preflight(p1.url, origin)).toMatchObject({ status: 403, acao: null });
    expect((await tasksFrom(p1, user.jwt, origin)).status).toBe(401);
    // … and the other one within a few refresh periods: its origin, its users' tokens and its sessions.
    const disabled = `The site ${created.id} is disabled: its users cannot be served.`;
    const elapsed = await within('the other process refuses the disabled site', 10_000, async () => {
      const pre = await preflight(p2.url, origin);
      const res = await tasksFrom(p2, user.jwt, origin);
      const noOrigin = await tasksFrom(p2, user.jwt);
      const session = await postSession(
        p2.url,
        created.id,
        await signHostToken(created.secret, { sub: 'multi-user', aud: created.id }),
      );
      return (
        pre.status === 403 &&
        pre.acao === null &&
        res.status === 401 &&
        res.body.error.message === disabled &&
        noOrigin.status === 401 &&
        session.status === 401 &&
        session.body.error.message === `The site ${created.id} is disabled.`
      );
    });
    expect(elapsed).toBeLessThan(5_000);
  }, 60_000);

  it('enabled outside both, then an origin added through one process: the other grants it within seconds', async () => {
    const [first, second] = [uniqueOrigin('first'), uniqueOrigin('second')];
    const created = await outside.sites.create({ name: 'Growing', origins: [first], identity: ['host'] });
    await outside.sites.setStatus(created.id, 'disabled');
    await outside.sites.setStatus(created.id, 'active');
    for (const p of [p1, p2])
      await within(
        'the site reaches a process',
        5_000,
        async () => (await preflight(p.url, first)).status === 204,
      );
    const user = await hostSession(p1.url, { id: created.id, secret: created.secret }, 'growing-user');
    expect(await preflight(p2.url, second)).toMatchObject({ status: 403, acao: null });
    expect((await tasksFrom(p2, user.jwt, second)).status).toBe(403);

    const patched = await api(p1.url, admin.jwt).patch(`/api/admin/sites/${created.id}`, {
      origins: [first, second],
    });
    expect(patched.status).toBe(200);
    const granted = await within('the other process grants the added origin', 10_000, async () => {
      const pre = await preflight(p2.url, second);
      return (
        pre.status === 204 && pre.acao === second && (await tasksFrom(p2, user.jwt, second)).status === 200
      );
    });
    expect(granted).toBeLessThan(5_000);

    // And taken away again: the first origin is refused there too.
    await api(p1.url, admin.jwt).patch(`/api/admin/sites/${created.id}`, { origins: [second] });
    const removed = await within('the other process refuses the removed origin', 10_000, async () => {
      const res = await tasksFrom(p2, user.jwt, first);
      return (
        (await preflight(p2.url, first)).status === 403 &&
        res.status === 403 &&
        res.body.error.message === wrongOrigin(created.id, first)
      );
    });
    expect(removed).toBeLessThan(5_000);
  }, 60_000);
});
