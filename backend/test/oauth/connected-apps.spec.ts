import { randomUUID } from 'node:crypto';
import { Client as Db } from 'pg';
import { AttackerFixture, isolationCases, seedVictim, VictimFixture } from '../support/isolation';
import { connectHttp } from '../support/mcp-clients';
import { HttpUser, LoopbackRedirect } from '../support/mcp-oauth';
import { authorizeApp, Grant, mcpRequest, mcpTool, tokenRequest, toolText } from '../support/oauth-clients';
import { startTestApp, TestApp } from '../support/test-app';
import { connectTestDb, rowsOf } from '../support/user-rows';
import { api, signUp, TestUser } from '../support/users';

jest.setTimeout(60_000);

/** Until the wall clock is past `iat + seconds`: a consent given then is later than a token issued at `iat`. */
async function clockPast(iat: number, seconds: number): Promise<void> {
  while (Date.now() / 1000 < iat + seconds) await new Promise((r) => setTimeout(r, 100));
}

/**
 * Connected apps and isolation: an OAuth token acts only for the user who allowed its client, and only while that
 * consent stands; the user sees and disconnects their apps (never another user's), and a disconnected app's tokens
 * stop at once while the user's other apps keep working.
 */
describe('OAuth for MCP clients: connected apps and isolation', () => {
  let t: TestApp;
  let db: Db;
  const loopback = new LoopbackRedirect();
  let alice: TestUser;
  let bob: TestUser;
  let aliceBrowser: HttpUser;
  let bobBrowser: HttpUser;

  beforeAll(async () => {
    await loopback.start();
    t = await startTestApp({ CHAT_RATE_LIMIT_PER_MINUTE: '10000' });
    db = await connectTestDb();
    [alice, bob] = await Promise.all([signUp(t.url, 'Alice'), signUp(t.url, 'Bob')]);
    aliceBrowser = new HttpUser(t.url, alice.email, alice.password);
    bobBrowser = new HttpUser(t.url, bob.email, bob.password);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
    await loopback.stop();
  });

  const works = async (grant: Grant) =>
    (await mcpTool(t.url, grant.tokens.access_token, 'list_tasks')).status;
  const refusal = async (grant: Grant) => {
    const res = await mcpRequest(t.url, grant.tokens.access_token, { method: 'tools/list' });
    return { status: res.status, error: res.body?.error, challenge: res.headers.get('www-authenticate') };
  };
  const REFUSED = {
    status: 401,
    error: 'invalid_token',
    challenge: expect.stringMatching(/^Bearer error="invalid_token"/),
  };
  const appsOf = async (user: TestUser) =>
    (await api(t.url, user.jwt).get('/api/connected-apps')).body as Array<{
      id: string;
      client_id: string;
      name: string | null;
      scopes: string[];
      connected_at: string;
    }>;

  it('the list: each app the user allowed with its name, client id, scopes and when — none of anyone else', async () => {
    const carol = await signUp(t.url, 'Carol');
    const browser = new HttpUser(t.url, carol.email, carol.password);
    const started = Date.now();
    const full = await authorizeApp(t.url, browser, loopback);
    const readOnly = await authorizeApp(t.url, browser, loopback, {
      consentScope: 'tasks:read offline_access',
    });
    await authorizeApp(t.url, bobBrowser, loopback);
    const apps = await appsOf(carol);
    expect(apps).toHaveLength(2);
    expect(apps).toEqual(
      expect.arrayContaining([
        {
          id: expect.any(String),
          client_id: full.clientId,
          name: 'Hand-made MCP client',
          scopes: ['tasks:read', 'tasks:write', 'offline_access'],
          connected_at: expect.any(String),
        },
        expect.objectContaining({ client_id: readOnly.clientId, scopes: ['tasks:read', 'offline_access'] }),
      ]),
    );
    for (const app of apps) {
      expect(new Date(app.connected_at).toISOString()).toBe(app.connected_at);
      expect(Date.parse(app.connected_at)).toBeGreaterThanOrEqual(Math.floor(started / 1000) * 1000);
    }
    // Without a token of the user's own: 401.
    expect((await api(t.url).get('/api/connected-apps')).status).toBe(401);
  });

  it('disconnecting one app: its tokens stop at once (401 invalid_token), the same user’s other app keeps working', async () => {
    const one = await authorizeApp(t.url, aliceBrowser, loopback);
    const other = await authorizeApp(t.url, aliceBrowser, loopback);
    // Both verified (and remembered) before the revocation.
    expect([await works(one), await works(other)]).toEqual([200, 200]);
    const app = (await appsOf(alice)).find((a) => a.client_id === one.clientId)!;
    const res = await api(t.url, alice.jwt).delete(`/api/connected-apps/${app.id}`);
    expect(res.status).toBe(204);
    expect(await refusal(one)).toEqual(REFUSED);
    expect(await works(other)).toBe(200);
    expect((await appsOf(alice)).map((a) => a.client_id)).not.toContain(one.clientId);
    const { rows } = await db.query(
      `SELECT (SELECT count(*) FROM "oauthRefreshToken" WHERE "clientId" = $1 AND "userId" = $2)::int AS refresh,
              (SELECT count(*) FROM "oauthAccessToken" WHERE "clientId" = $1 AND "userId" = $2)::int AS access`,
      [one.clientId, alice.id],
    );
    expect(rows[0]).toEqual({ refresh: 0, access: 0 });
    // Twice: already gone.
    expect((await api(t.url, alice.jwt).delete(`/api/connected-apps/${app.id}`)).status).toBe(404);
  });

  it('connecting the app again does not revive the tokens it held before it was disconnected', async () => {
    const first = await authorizeApp(t.url, aliceBrowser, loopback);
    const iat = Number(
      JSON.parse(Buffer.from(first.tokens.access_token.split('.')[1], 'base64url').toString()).iat,
    );
    const app = (await appsOf(alice)).find((a) => a.client_id === first.clientId)!;
    expect((await api(t.url, alice.jwt).delete(`/api/connected-apps/${app.id}`)).status).toBe(204);
    expect(await refusal(first)).toEqual(REFUSED);
    // The user connects the same app again a moment later (the old token has most of its hour left).
    await clockPast(iat, 2);
    const again = await authorizeApp(t.url, aliceBrowser, loopback, { clientId: first.clientId });
    expect(await works(again)).toBe(200);
    expect(await refusal(first)).toEqual(REFUSED);
    const stale = await tokenRequest(t.url, {
      grant_type: 'refresh_token',
      refresh_token: first.tokens.refresh_token!,
      client_id: first.clientId,
    });
    expect({ status: stale.status, error: stale.body.error }).toEqual({
      status: 400,
      error: 'invalid_grant',
    });
  });

  it("another user's connected app: DELETE answers 404 and it keeps working; better-auth's own delete refuses too", async () => {
    const bobs = await authorizeApp(t.url, bobBrowser, loopback);
    const bobApp = (await appsOf(bob)).find((a) => a.client_id === bobs.clientId)!;
    const res = await api(t.url, alice.jwt).delete(`/api/connected-apps/${bobApp.id}`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    expect(JSON.stringify(res.body)).not.toContain(bobs.clientId);
    const viaProvider = await aliceBrowser.post('/oauth2/delete-consent', { id: bobApp.id });
    expect(viaProvider.status).toBe(401);
    for (const id of [randomUUID(), 'x'.repeat(5000), '%00']) {
      expect(
        (await api(t.url, alice.jwt).delete(`/api/connected-apps/${encodeURIComponent(id)}`)).status,
      ).toBe(404);
    }
    expect(await works(bobs)).toBe(200);
    expect((await appsOf(bob)).map((a) => a.id)).toContain(bobApp.id);
  });

  it("disconnecting through better-auth's own endpoint (delete-consent) stops the app's tokens as well", async () => {
    const grant = await authorizeApp(t.url, aliceBrowser, loopback);
    expect(await works(grant)).toBe(200);
    const app = (await appsOf(alice)).find((a) => a.client_id === grant.clientId)!;
    expect((await aliceBrowser.post('/oauth2/delete-consent', { id: app.id })).status).toBe(200);
    expect(await refusal(grant)).toEqual(REFUSED);
    const res = await tokenRequest(t.url, {
      grant_type: 'refresh_token',
      refresh_token: grant.tokens.refresh_token!,
      client_id: grant.clientId,
    });
    expect(res.body.error).toBe('invalid_grant');
  });

  describe("an OAuth token acts for the user who allowed its client: aimed at another user's tasks on every tool", () => {
    let victim: VictimFixture;
    let attacker: AttackerFixture;
    let grant: Grant;

    beforeAll(async () => {
      const dave = await signUp(t.url, 'Dave');
      // Dave's numbers start after 500: a number aimed at his tasks can never be one of Alice's.
      victim = await seedVictim(t, dave, `victim-${randomUUID().slice(0, 8)}`, 500);
      grant = await authorizeApp(t.url, aliceBrowser, loopback);
      attacker = {
        user: { id: alice.id, jwt: grant.tokens.access_token },
        ownThread: '',
        ownItem: '',
        mcp: await connectHttp(t.url, grant.tokens.access_token),
      };
    });
    afterAll(async () => {
      await attacker.mcp.close();
    });

    it('no tool reads or changes a task of his; nothing of his moves', async () => {
      const before = await rowsOf(db, victim.user.id);
      expect(before.tasks).toHaveLength(5);
      const cases = isolationCases(
        () => t.url,
        () => attacker,
        () => victim,
      ).filter(([area]) => area === 'MCP');
      expect(cases.length).toBeGreaterThanOrEqual(30);
      const problems: string[] = [];
      for (const [, request, status, run] of cases) {
        const res = await run();
        if (res.status !== status) problems.push(`${request}: ${res.status}, expected ${status}`);
        if (res.text.toLowerCase().includes(victim.mark.toLowerCase()))
          problems.push(`${request}: the answer carries the victim's marker`);
      }
      expect(problems).toEqual([]);
      expect(await rowsOf(db, victim.user.id)).toEqual(before);
    });

    it("what the token adds is Alice's (a user_id argument is refused by the matrix above)", async () => {
      const title = `planted-${randomUUID().slice(0, 8)}`;
      const added = await mcpTool(t.url, grant.tokens.access_token, 'add_task', { title });
      expect(added.status).toBe(200);
      expect(added.body.result.isError).toBeFalsy();
      const mine = await api(t.url, alice.jwt).get('/api/tasks?status=all&limit=100');
      const his = await api(t.url, victim.user.jwt).get('/api/tasks?status=all&limit=100');
      expect(JSON.stringify(mine.body)).toContain(title);
      expect(JSON.stringify(his.body)).not.toContain(title);
      expect(toolText(await mcpTool(t.url, grant.tokens.access_token, 'list_tasks'))).not.toContain(
        victim.mark,
      );
    });
  });
});
