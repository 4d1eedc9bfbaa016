import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { newGuest } from '../support/guest-requests';
import { hostSession, signHostToken, uniqueOrigin } from '../support/sites';
import { startTestApp, TestApp } from '../support/test-app';
import { connectTestDb, rowsOf } from '../support/user-rows';
import { api, exchangeForJwt, TestUser } from '../support/users';

const ADMINS_ONLY =
  'Only the accounts listed in ADMIN_EMAILS manage sites (or set SITE_CREATION=anyone on the backend).';
const NOT_FOR_SITE_USERS = "Sites are managed by accounts, not by a site's users or guests.";
const ALLOWED_ORIGINS = 'http://localhost:8080'; // testEnv's

/** Signs up an account with this email (the admin's address is known before the app starts). */
async function signUpAs(baseUrl: string, email: string, name = 'Operator'): Promise<TestUser> {
  const password = `pw-${randomUUID()}`;
  const res = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password, name }),
  });
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const sessionToken = res.headers.get('set-auth-token')!;
  const body = (await res.json()) as { user: { id: string } };
  return {
    id: body.user.id,
    email,
    password,
    sessionToken,
    jwt: await exchangeForJwt(baseUrl, sessionToken),
  };
}

const newEmail = (label: string) => `${label}-${randomUUID()}@example.test`;
const newId = (label = 'adm') => `${label}-${randomUUID().slice(0, 8)}`;

/** The host session exchange with a secret, as a site's page does it; the status and error message. */
async function exchange(
  baseUrl: string,
  site: { id: string; origin: string },
  secret: string,
  sub = 'customer-1',
): Promise<{ status: number; message?: string; token?: string }> {
  const token = await signHostToken(secret, { sub, aud: site.id });
  const res = await fetch(`${baseUrl}/api/sites/${site.id}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: site.origin },
    body: JSON.stringify({ token }),
  });
  const body = (await res.json()) as any;
  return { status: res.status, message: body.error?.message, token: body.token };
}

/**
 * `/api/admin/sites…` (sites.md, Managing sites): the operations of `npm run sites` over REST for accounts —
 * ADMIN_EMAILS manage every site; with SITE_CREATION=anyone an account manages only its own; a site's users
 * and guests manage nothing. Exact 400 messages, 404 and 409; the default site follows ALLOWED_ORIGINS.
 */
describe('admin sites API', () => {
  let t: TestApp;
  let db: Client;
  let admin: TestUser;
  let asAdmin: ReturnType<typeof api>;
  const adminEmail = newEmail('admin');

  beforeAll(async () => {
    t = await startTestApp({ ADMIN_EMAILS: `${adminEmail},someone-else@example.test` });
    db = await connectTestDb();
    admin = await signUpAs(t.url, adminEmail, 'Admin');
    asAdmin = api(t.url, admin.jwt);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  /** A site made by the admin over the API (201). */
  async function created(body: Record<string, unknown> = {}) {
    const origin = uniqueOrigin('admin');
    const res = await asAdmin.post('/api/admin/sites', {
      name: 'Northwind',
      origins: [origin],
      identity: ['host', 'guests', 'accounts'],
      id: newId(),
      ...body,
    });
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
    return { ...(res.body as { id: string; secret: string; snippet: string }), origin };
  }

  const badRequest = (message: string) => ({ error: { code: 'invalid_input', message } });

  describe('an admin (ADMIN_EMAILS)', () => {
    it('creates a site: 201 {id, secret, snippet}; the secret signs host tokens; the snippet names the site and the API', async () => {
      const origin = uniqueOrigin('nw');
      const id = newId('northwind');
      const res = await asAdmin.post('/api/admin/sites', {
        name: '  Northwind Studio ',
        origins: [`${origin}/`, 'https://*.nw.example.test'],
        identity: ['guests', 'host'],
        id,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ id, secret: expect.stringMatching(/^tas_[A-Za-z0-9_-]{43}$/) });
      expect(res.body.snippet).toContain(`data-site="${id}"`);
      expect(res.body.snippet).toContain(`data-api-url="${t.url}"`);
      expect(res.body.snippet).toContain(`src="${t.url}/widget/todo-assistant.js"`);
      expect(res.body.snippet).toContain('getToken'); // a host site is shown how to hand over its user
      // the summary beside them shows no secret
      const { secret, snippet: _snippet, id: _id, ...rest } = res.body;
      expect(JSON.stringify(rest)).not.toContain(secret);

      const shown = await asAdmin.get(`/api/admin/sites/${id}`);
      expect(shown.body).toMatchObject({
        id,
        name: 'Northwind Studio',
        origins: [origin, 'https://*.nw.example.test'],
        identity: ['host', 'guests'],
        status: 'active',
        settings: {},
        secrets: { current: true, previous: false, previous_expires_at: null },
        owners: [], // an admin's site belongs to nobody in particular
      });
      expect(await exchange(t.url, { id, origin }, secret)).toMatchObject({ status: 200 });
      expect(
        await exchange(t.url, { id, origin: 'https://app.nw.example.test' }, secret, 'wild-1'),
      ).toMatchObject({ status: 200 });

      // without an id: site_ and 8 characters; the identity defaults to host
      const plain = await asAdmin.post('/api/admin/sites', { name: 'Plain', origins: [uniqueOrigin()] });
      expect(plain.status).toBe(201);
      expect(plain.body.id).toMatch(/^site_[a-z0-9]{8}$/);
      expect((await asAdmin.get(`/api/admin/sites/${plain.body.id}`)).body.identity).toEqual(['host']);
    });

    it('lists every site and shows one with its snippet, never a secret', async () => {
      const site = await created({ identity: ['guests'] });
      const sealed = (await db.query('SELECT secret_current FROM sites WHERE id = $1', [site.id])).rows[0]
        .secret_current as string;
      const list = await asAdmin.get('/api/admin/sites');
      expect(list.status).toBe(200);
      const ids = (list.body as any[]).map((s) => s.id);
      expect(ids).toEqual(expect.arrayContaining(['default', site.id]));
      const shown = await asAdmin.get(`/api/admin/sites/${site.id}`);
      expect(shown.status).toBe(200);
      expect(shown.body.snippet).toContain(`data-site="${site.id}"`);
      expect(shown.body.snippet).not.toContain('getToken'); // guests only: no host token to fetch
      for (const text of [list.text, shown.text]) {
        expect(text).not.toContain(site.secret);
        expect(text).not.toContain(sealed);
        expect(text).not.toMatch(/secret_current|secretCurrent|"secret"/);
      }
      expect(Object.keys(shown.body).sort()).toEqual(
        [
          'created_at',
          'id',
          'identity',
          'issuer',
          'jwks_url',
          'name',
          'origins',
          'owners',
          'secrets',
          'settings',
          'snippet',
          'status',
          'updated_at',
        ].sort(),
      );
    });

    it('patches name, origins and identity, and the running app applies them at once', async () => {
      const site = await created({ identity: ['host'] });
      const user = await hostSession(t.url, { ...site }, 'cust-7');
      const tasks = (origin: string) => api(t.url, user.jwt).get('/api/tasks', { origin });
      expect((await tasks(site.origin)).status).toBe(200);

      const renamed = await asAdmin.patch(`/api/admin/sites/${site.id}`, { name: 'Northwind Two' });
      expect(renamed.status).toBe(200);
      expect(renamed.body.name).toBe('Northwind Two');

      const moved = uniqueOrigin('moved');
      const upper = moved.replace('https://', 'https://WWW.');
      const mixedCase = await asAdmin.patch(`/api/admin/sites/${site.id}`, { origins: [upper] });
      expect(mixedCase.status).toBe(400);
      expect(mixedCase.body.error.message).toBe(
        `"${upper}" is not an origin (scheme, host and port only): did you mean ${upper.toLowerCase()}?`,
      );
      const origins = await asAdmin.patch(`/api/admin/sites/${site.id}`, {
        origins: [`${moved}/`, moved, 'https://*.moved.example.test'],
      });
      expect(origins.status).toBe(200);
      expect(origins.body.origins).toEqual([moved, 'https://*.moved.example.test']);
      const old = await tasks(site.origin);
      expect(old.status).toBe(403);
      expect(old.body.error.message).toBe(
        `This access token belongs to the site ${site.id}, which does not list the origin ${site.origin}.`,
      );
      expect((await tasks(moved)).status).toBe(200);

      const modes = await asAdmin.patch(`/api/admin/sites/${site.id}`, { identity: ['guests', 'accounts'] });
      expect(modes.status).toBe(200);
      expect(modes.body.identity).toEqual(['accounts', 'guests']);
      const refused = await tasks(moved);
      expect(refused.status).toBe(401);
      expect(refused.body.error.message).toBe(`The site ${site.id} no longer accepts host users.`);
    });

    it('merges settings, removes a key given as null, and refuses what is not a setting', async () => {
      const site = await created();
      const path = `/api/admin/sites/${site.id}`;
      const first = await asAdmin.patch(path, {
        settings: { heading: 'Northwind helper', accent: '#0f766e', chat_rate_limit: 20 },
      });
      expect(first.status).toBe(200);
      expect(first.body.settings).toEqual({
        heading: 'Northwind helper',
        accent: '#0f766e',
        chat_rate_limit: 20,
      });
      const second = await asAdmin.patch(path, {
        settings: { greeting: 'Ahoy!', heading: null, prompts: [{ label: 'Add', prompt: 'add buy milk' }] },
      });
      expect(second.status).toBe(200);
      expect(second.body.settings).toEqual({
        accent: '#0f766e',
        chat_rate_limit: 20,
        greeting: 'Ahoy!',
        prompts: [{ label: 'Add', prompt: 'add buy milk' }],
      });

      const unknown = await asAdmin.patch(path, { settings: { colour: 'red' } });
      expect(unknown.status).toBe(400);
      expect(unknown.body).toEqual(
        badRequest(
          'Unknown setting "colour": the settings are heading, greeting, placeholder, prompts, accent, theme, locale, chat_rate_limit, instructions.',
        ),
      );
      const accent = await asAdmin.patch(path, { settings: { accent: 'red' } });
      expect(accent.status).toBe(400);
      expect(accent.body).toEqual(badRequest('settings.accent: accent must be a hex colour such as #0f766e'));
      const theme = await asAdmin.patch(path, { settings: { theme: 'neon' } });
      expect(theme.body).toEqual(badRequest('settings.theme: theme must be light, dark or auto'));
      const limit = await asAdmin.patch(path, { settings: { chat_rate_limit: 0 } });
      expect(limit.body).toEqual(badRequest('settings.chat_rate_limit: chat_rate_limit must be at least 1'));
      // nothing of the refused patches was kept
      expect((await asAdmin.get(path)).body.settings).toEqual(second.body.settings);
    });

    it('sets a JWKS only with an issuer, and clears both', async () => {
      const site = await created();
      const path = `/api/admin/sites/${site.id}`;
      const needsIssuer =
        "A site that verifies host tokens with a JWKS needs the identity provider's issuer too (issuer), which every token must name.";
      const alone = await asAdmin.patch(path, { jwks_url: 'https://idp.example.test/.well-known/jwks.json' });
      expect(alone.status).toBe(400);
      expect(alone.body).toEqual(badRequest(needsIssuer));
      const notText = await asAdmin.patch(path, { jwks_url: 5, issuer: 'x' });
      expect(notText.body).toEqual(badRequest('jwks_url must be a URL or null'));
      const insecure = await asAdmin.patch(path, { jwks_url: 'http://idp.example.test/jwks', issuer: 'x' });
      expect(insecure.body).toEqual(badRequest('jwks_url must be an https URL (http only on localhost).'));

      const both = await asAdmin.patch(path, {
        jwks_url: 'https://idp.example.test/.well-known/jwks.json',
        issuer: 'https://idp.example.test/',
      });
      expect(both.status).toBe(200);
      expect(both.body).toMatchObject({
        jwks_url: 'https://idp.example.test/.well-known/jwks.json',
        issuer: 'https://idp.example.test/',
      });
      const dropIssuer = await asAdmin.patch(path, { issuer: null });
      expect(dropIssuer.body).toEqual(badRequest(needsIssuer));
      const cleared = await asAdmin.patch(path, { jwks_url: null, issuer: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({ jwks_url: null, issuer: null });
    });

    it('disables and enables a site: its sessions are refused, then served again', async () => {
      const site = await created({ identity: ['host'] });
      const path = `/api/admin/sites/${site.id}`;
      const off = await asAdmin.patch(path, { status: 'disabled' });
      expect(off.status).toBe(200);
      expect(off.body.status).toBe('disabled');
      expect(await exchange(t.url, site, site.secret)).toEqual({
        status: 401,
        message: `The site ${site.id} is disabled.`,
        token: undefined,
      });
      expect((await asAdmin.get(path)).body.status).toBe('disabled');
      const on = await asAdmin.patch(path, { status: 'active' });
      expect(on.body.status).toBe('active');
      expect((await exchange(t.url, site, site.secret)).status).toBe(200);
      const bad = await asAdmin.patch(path, { status: 'paused' });
      expect(bad.body).toEqual(badRequest('status must be active or disabled'));
    });

    it('rotates the secret (both work) and revokes the previous one (only the new works)', async () => {
      const site = await created({ identity: ['host'] });
      const path = `/api/admin/sites/${site.id}`;
      const rotated = await asAdmin.post(`${path}/rotate-secret`);
      expect(rotated.status).toBe(200);
      expect(Object.keys(rotated.body).sort()).toEqual(['previous_expires_at', 'secret']);
      expect(rotated.body.secret).toMatch(/^tas_/);
      expect(rotated.body.secret).not.toBe(site.secret);
      const grace = Date.parse(rotated.body.previous_expires_at) - Date.now();
      expect(grace).toBeGreaterThan(24 * 3600_000 - 60_000);
      expect(grace).toBeLessThanOrEqual(24 * 3600_000);
      expect((await asAdmin.get(path)).body.secrets).toEqual({
        current: true,
        previous: true,
        previous_expires_at: rotated.body.previous_expires_at,
      });
      expect((await exchange(t.url, site, rotated.body.secret)).status).toBe(200);
      expect((await exchange(t.url, site, site.secret)).status).toBe(200);

      const revoked = await asAdmin.post(`${path}/revoke-secret`);
      expect(revoked.status).toBe(200);
      expect(revoked.body.secrets).toEqual({ current: true, previous: false, previous_expires_at: null });
      expect(await exchange(t.url, site, site.secret)).toMatchObject({
        status: 401,
        message: `The host token's signature does not match: sign it with the current secret of the site ${site.id} (or the previous one, for 24 hours after a rotation).`,
      });
      expect((await exchange(t.url, site, rotated.body.secret)).status).toBe(200);
    });

    it('reports usage for N days (30 by default) and refuses a bad number of days', async () => {
      const site = await created();
      const week = await asAdmin.get(`/api/admin/sites/${site.id}/usage?days=7`);
      expect(week.status).toBe(200);
      expect(week.body.site).toBe(site.id);
      expect(week.body.days).toHaveLength(7);
      expect(week.body.days.at(-1)).toEqual({
        day: new Date().toISOString().slice(0, 10),
        turns: 0,
        tool_calls: {},
        active_users: 0,
        errors: 0,
      });
      expect(week.body.totals).toEqual({ turns: 0, tool_calls: {}, active_users: 0, errors: 0 });
      expect((await asAdmin.get(`/api/admin/sites/${site.id}/usage`)).body.days).toHaveLength(30);
      for (const days of ['0', '367', 'abc', '1.5']) {
        const bad = await asAdmin.get(`/api/admin/sites/${site.id}/usage?days=${days}`);
        expect(bad.status).toBe(400);
        expect(bad.body).toEqual(badRequest('days must be a whole number from 1 to 366'));
      }
    });

    it('deletes a site (204) with its host users and guests and their data; accounts are untouched', async () => {
      const site = await created({ identity: ['host', 'guests', 'accounts'] });
      const host = await hostSession(t.url, site, 'to-be-erased');
      expect((await api(t.url, host.jwt).post('/api/tasks', { title: 'Host task' })).status).toBe(201);
      const guest = await newGuest(t.url, site);
      expect((await api(t.url, guest.jwt).post('/api/tasks', { title: 'Guest task' })).status).toBe(201);
      const account = await signUpAs(t.url, newEmail('visitor'), 'Visitor');
      const mine = api(t.url, account.jwt);
      expect((await mine.post('/api/tasks', { title: 'Account task' }, { origin: site.origin })).status).toBe(
        201,
      );

      const res = await asAdmin.delete(`/api/admin/sites/${site.id}`);
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      expect((await asAdmin.get(`/api/admin/sites/${site.id}`)).status).toBe(404);
      const users = await db.query('SELECT id FROM "user" WHERE id = ANY($1)', [
        [host.id, guest.id, account.id],
      ]);
      expect(users.rows).toEqual([{ id: account.id }]);
      for (const gone of [host.id, guest.id]) expect((await rowsOf(db, gone)).tasks).toEqual([]);
      expect(
        (await db.query('SELECT count(*) FROM site_users WHERE site_id = $1', [site.id])).rows[0].count,
      ).toBe('0');
      expect((await mine.get('/api/tasks')).body.data.map((x: any) => x.title)).toEqual(['Account task']);
      const stale = await api(t.url, host.jwt).get('/api/tasks');
      expect(stale.status).toBe(401);
      expect(stale.body.error.message).toBe(`The site ${site.id} of this access token no longer exists.`);
      expect((await asAdmin.delete(`/api/admin/sites/${site.id}`)).status).toBe(404);
    });

    it('refuses bad input with exact 400 messages, a taken id with 409 and an unknown site with 404', async () => {
      const create = (body: Record<string, unknown>) =>
        asAdmin.post('/api/admin/sites', { name: 'Bad', origins: [uniqueOrigin()], ...body });
      const cases: Array<[Record<string, unknown>, string]> = [
        [
          { origins: ['*'] },
          '"*" cannot be an origin of a site: list each origin (https://shop.example.com).',
        ],
        [
          { origins: ['https://shop.example.test/checkout'] },
          '"https://shop.example.test/checkout" is not an origin (scheme, host and port only): did you mean https://shop.example.test?',
        ],
        [
          { origins: ['ftp://files.example.test'] },
          '"ftp://files.example.test" is not an http or https origin.',
        ],
        [
          { origins: ['not an origin'] },
          '"not an origin" is not an origin: write it as https://shop.example.com.',
        ],
        [{ origins: [] }, 'A site needs at least one origin (https://shop.example.com).'],
        [{ identity: ['everyone'] }, 'Unknown identity mode "everyone": use any of accounts, host, guests.'],
        [{ identity: [] }, 'A site needs at least one identity mode: accounts, host, guests.'],
        [
          { id: 'Bad Id!' },
          'The site id "Bad Id!" is not valid: use 2-63 lowercase letters, digits, "-" or "_", starting with a letter or digit.',
        ],
        [{ name: '   ' }, 'The name must be 1-100 characters.'],
        [{ origins: 'https://shop.example.test' }, 'origins must be an array of origins'],
        [{ origins: [42] }, 'each origin must be a string'],
        [
          { origins: Array.from({ length: 51 }, (_, i) => `https://o${i}.example.test`) },
          'origins must list at most 50 origins',
        ],
        [{ identity: 'host' }, 'identity must be an array of: accounts, host, guests'],
        [{ id: 7 }, 'id must be a string'],
        [{ name: 7 }, 'name must be a string'],
        [{ secret: 'mine' }, 'property secret should not exist'],
      ];
      for (const [body, message] of cases) {
        const res = await create(body);
        expect({ body, status: res.status, answer: res.body }).toEqual({
          body,
          status: 400,
          answer: badRequest(message),
        });
      }
      // a bad patch says the same and changes nothing
      const site = await created();
      const patched = await asAdmin.patch(`/api/admin/sites/${site.id}`, { origins: ['*'] });
      expect(patched.body).toEqual(
        badRequest('"*" cannot be an origin of a site: list each origin (https://shop.example.com).'),
      );
      expect((await asAdmin.get(`/api/admin/sites/${site.id}`)).body.origins).toEqual([site.origin]);

      const taken = await create({ id: site.id });
      expect(taken.status).toBe(409);
      expect(taken.body).toEqual({
        error: { code: 'conflict', message: `The site id "${site.id}" is taken: choose another.` },
      });

      const missing = 'no-such-site';
      const notFound = { error: { code: 'not_found', message: `There is no site "${missing}".` } };
      for (const res of [
        await asAdmin.get(`/api/admin/sites/${missing}`),
        await asAdmin.patch(`/api/admin/sites/${missing}`, { name: 'x' }),
        await asAdmin.delete(`/api/admin/sites/${missing}`),
        await asAdmin.post(`/api/admin/sites/${missing}/rotate-secret`),
        await asAdmin.post(`/api/admin/sites/${missing}/revoke-secret`),
        await asAdmin.get(`/api/admin/sites/${missing}/usage`),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body).toEqual(notFound);
      }
      // An id PostgreSQL cannot hold names no site either (not an SQL error, a 500).
      for (const path of ['%00', 'a%00b/usage', '%00/owners', '%00/impact'])
        expect((await asAdmin.get(`/api/admin/sites/${path}`)).status).toBe(404);
    });

    it('keeps the default site on ALLOWED_ORIGINS: it exists at start and its origins cannot be changed', async () => {
      const shown = await asAdmin.get('/api/admin/sites/default');
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({ id: 'default', origins: [ALLOWED_ORIGINS], identity: ['accounts'] });
      const res = await asAdmin.patch('/api/admin/sites/default', {
        origins: ['https://other.example.test'],
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        'The origins of the default site come from ALLOWED_ORIGINS: change that setting and restart the backend.',
      );
      expect((await asAdmin.get('/api/admin/sites/default')).body.origins).toEqual([ALLOWED_ORIGINS]);
    });
  });

  describe('who may manage sites', () => {
    it('refuses an account not in ADMIN_EMAILS (403), a host user and a guest (403), and no token (401)', async () => {
      const someone = await signUpAs(t.url, newEmail('someone'), 'Someone');
      const site = await created({ identity: ['host', 'guests'] });
      const host = await hostSession(t.url, site, 'cust-admin');
      const guest = await newGuest(t.url, site);
      const cases: Array<[string, string, string]> = [
        [someone.jwt, ADMINS_ONLY, 'account'],
        [host.jwt, NOT_FOR_SITE_USERS, 'host'],
        [guest.jwt, NOT_FOR_SITE_USERS, 'guest'],
      ];
      for (const [jwt, message, who] of cases) {
        const as = api(t.url, jwt);
        for (const res of [
          await as.post('/api/admin/sites', { name: 'Mine', origins: [uniqueOrigin()] }),
          await as.get('/api/admin/sites'),
          await as.get(`/api/admin/sites/${site.id}`),
          await as.patch(`/api/admin/sites/${site.id}`, { name: 'Taken over' }),
          await as.post(`/api/admin/sites/${site.id}/rotate-secret`),
          await as.delete(`/api/admin/sites/${site.id}`),
        ]) {
          expect({ who, status: res.status, body: res.body }).toEqual({
            who,
            status: 403,
            body: { error: { code: 'forbidden', message } },
          });
        }
      }
      expect((await api(t.url).get('/api/admin/sites')).status).toBe(401);
      const still = await asAdmin.get(`/api/admin/sites/${site.id}`);
      expect(still.body).toMatchObject({ name: 'Northwind', status: 'active' });
      expect((await exchange(t.url, site, site.secret)).status).toBe(200); // not rotated
    });
  });

  describe('SITE_CREATION=anyone', () => {
    let t2: TestApp;
    beforeAll(async () => {
      t2 = await startTestApp({ SITE_CREATION: 'anyone', ADMIN_EMAILS: adminEmail });
    });
    afterAll(() => t2.close());

    it('lets any account create sites and manage only its own; another owner’s site is 404 on every route', async () => {
      const alice = await signUpAs(t2.url, newEmail('alice'), 'Alice');
      const bob = await signUpAs(t2.url, newEmail('bob'), 'Bob');
      const asAlice = api(t2.url, alice.jwt);
      const asBob = api(t2.url, bob.jwt);
      const make = async (as: ReturnType<typeof api>) => {
        const res = await as.post('/api/admin/sites', {
          name: 'Own shop',
          origins: [uniqueOrigin()],
          identity: ['host'],
        });
        expect(res.status).toBe(201);
        return res.body.id as string;
      };
      const aliceSite = await make(asAlice);
      const bobSite = await make(asBob);

      expect((await asAlice.get(`/api/admin/sites/${aliceSite}`)).body.owners).toEqual([alice.id]);
      expect((await asAlice.get('/api/admin/sites')).body.map((s: any) => s.id)).toEqual([aliceSite]);
      expect((await asBob.get('/api/admin/sites')).body.map((s: any) => s.id)).toEqual([bobSite]);

      const notFound = { error: { code: 'not_found', message: `There is no site "${aliceSite}".` } };
      const path = `/api/admin/sites/${aliceSite}`;
      for (const res of [
        await asBob.get(path),
        await asBob.patch(path, { name: 'Mine now' }),
        await asBob.patch(path, { status: 'disabled' }),
        await asBob.post(`${path}/rotate-secret`),
        await asBob.post(`${path}/revoke-secret`),
        await asBob.get(`${path}/usage`),
        await asBob.delete(path),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body).toEqual(notFound);
      }
      // the default site (no owner) is nobody's but the admins'
      expect((await asBob.get('/api/admin/sites/default')).status).toBe(404);
      const intact = await asAlice.get(path);
      expect(intact.body).toMatchObject({ name: 'Own shop', status: 'active', secrets: { previous: false } });

      // Alice manages hers; the admin (same account store) sees both
      expect((await asAlice.patch(path, { name: 'Alice shop' })).body.name).toBe('Alice shop');
      const adminJwt = await exchangeForJwt(t2.url, admin.sessionToken);
      const all = (await api(t2.url, adminJwt).get('/api/admin/sites')).body.map((s: any) => s.id);
      expect(all).toEqual(expect.arrayContaining([aliceSite, bobSite, 'default']));
      expect((await asAlice.delete(path)).status).toBe(204);
      expect((await asBob.get('/api/admin/sites')).body.map((s: any) => s.id)).toEqual([bobSite]);
    });

    it('an owner adds another owner by the email of their account; a site keeps at least one', async () => {
      const alice = await signUpAs(t2.url, newEmail('alice'), 'Alice');
      const carol = await signUpAs(t2.url, newEmail('carol'), 'Carol');
      const mallory = await signUpAs(t2.url, newEmail('mallory'), 'Mallory');
      const asAlice = api(t2.url, alice.jwt);
      const asCarol = api(t2.url, carol.jwt);
      const created = await asAlice.post('/api/admin/sites', { name: 'Shared', origins: [uniqueOrigin()] });
      const path = `/api/admin/sites/${created.body.id}`;
      expect((await asCarol.get(path)).status).toBe(404);
      const unknown = await asAlice.post(`${path}/owners`, { email: 'nobody-here@example.test' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toBe(
        'There is no account with the email nobody-here@example.test: ask them to create one first.',
      );
      const added = await asAlice.post(`${path}/owners`, { email: carol.email.toUpperCase() });
      expect(added.status).toBe(201);
      expect(added.body.map((o: any) => o.email)).toEqual([alice.email, carol.email]);
      // Carol manages it now, and sees it in her list; Mallory still does not.
      expect((await asCarol.get(path)).body.owners).toEqual([alice.id, carol.id]);
      expect((await asCarol.get('/api/admin/sites')).body.map((x: any) => x.id)).toEqual([created.body.id]);
      expect((await api(t2.url, mallory.jwt).post(`${path}/owners`, { email: mallory.email })).status).toBe(
        404,
      );
      // A site keeps at least one owner.
      expect((await asCarol.delete(`${path}/owners/${alice.id}`)).body.map((o: any) => o.id)).toEqual([
        carol.id,
      ]);
      expect((await asAlice.get(path)).status).toBe(404);
      const last = await asCarol.delete(`${path}/owners/${carol.id}`);
      expect(last.status).toBe(400);
      expect(last.body.error.message).toBe(
        `The site ${created.body.id} must keep at least one owner: add another first.`,
      );
      expect((await asCarol.get(`${path}/impact`)).body).toEqual({ host_users: 0, guests: 0, tasks: 0 });
      // The console's list: each site with its turns per day.
      const listed = await asCarol.get('/api/admin/sites?days=7');
      expect(listed.body.map((x: any) => [x.id, x.turns_by_day])).toEqual([
        [created.body.id, [0, 0, 0, 0, 0, 0, 0]],
      ]);
      expect((await asCarol.get('/api/admin/sites?days=0')).status).toBe(400);
    });

    it('still refuses site users there', async () => {
      const owner = await signUpAs(t2.url, newEmail('owner'), 'Owner');
      const res = await api(t2.url, owner.jwt).post('/api/admin/sites', {
        name: 'Guests',
        origins: [uniqueOrigin()],
        identity: ['guests'],
      });
      expect(res.status).toBe(201);
      const guest = await newGuest(t2.url, { id: res.body.id, origin: undefined });
      const refused = await api(t2.url, guest.jwt).post('/api/admin/sites', {
        name: 'Guest site',
        origins: [uniqueOrigin()],
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBe(NOT_FOR_SITE_USERS);
    });
  });
});
