import { randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { exportJWK, exportSPKI, generateKeyPair, type JWK, SignJWT } from 'jose';
import { Client } from 'pg';
import { ChatKitClient } from '../support/chatkit-client';
import { connectHttp } from '../support/mcp-clients';
import { createSite, postSession, signHostToken, updateSite } from '../support/sites';
import { freePort, startTestApp, TestApp } from '../support/test-app';
import { decodeJwt } from '../support/tokens';
import { connectTestDb, rowsOf } from '../support/user-rows';
import { api, signUp, TestUser } from '../support/users';
import { SitesService } from '../../src/sites/sites.service';

jest.setTimeout(30_000);

type Key = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

const ISSUER = 'https://idp.example.test/';
const now = () => Math.floor(Date.now() / 1000);
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** A site's identity provider: its JWKS on a loopback port, counting the requests per path. */
class JwksServer {
  private server: Server | undefined;
  readonly hits = new Map<string, number>();
  url = '';

  constructor(private readonly keys: JWK[]) {}

  async start(): Promise<void> {
    const port = await freePort();
    this.server = createServer((req, res) => {
      this.hits.set(req.url ?? '', (this.hits.get(req.url ?? '') ?? 0) + 1);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: this.keys }));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** What the identity provider signs (RS256 or ES256, with a kid), with any claims. */
function idpToken(
  key: Key,
  alg: 'RS256' | 'ES256',
  kid: string | undefined,
  claims: Record<string, unknown>,
  extraHeader: Record<string, unknown> = {},
): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({
    alg,
    typ: 'JWT',
    ...(kid ? { kid } : {}),
    ...extraHeader,
  });
  if (claims.exp === undefined) jwt.setExpirationTime('10m');
  return jwt.sign(key);
}

/** HS256 over any bytes as the key (the site secret, or a public key in a confusion attack). */
function hs256(secret: string, claims: Record<string, unknown>, header: Record<string, unknown> = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', ...header })
    .sign(new TextEncoder().encode(secret));
}

/**
 * `POST /api/sites/:siteId/session`, attacked: every way a host token can be wrong is a 401 whose message says
 * which, before any user is made; a good one answers the backend's own short-lived access token for the site's
 * user, who is a user of that site only (never an account, whatever email the host names).
 */
describe('host tokens: POST /api/sites/:siteId/session', () => {
  let t: TestApp;
  let db: Client;
  let jwks: JwksServer;
  let rsa: { privateKey: Key; publicKey: Key };
  let ec: { privateKey: Key; publicKey: Key };
  let rsaPem: string;
  let rsaJwk: JWK;
  let account: TestUser;
  const ADMIN = `admin-${randomUUID().slice(0, 8)}@example.test`;
  // Sites: a (HS256), b (another), j (with a JWKS), guests-only, disabled, deleted.
  const s = {} as Record<'a' | 'b' | 'j' | 'guests' | 'disabled' | 'deleted', { id: string; secret: string }>;

  beforeAll(async () => {
    [rsa, ec] = await Promise.all([generateKeyPair('RS256'), generateKeyPair('ES256')]);
    rsaPem = await exportSPKI(rsa.publicKey);
    rsaJwk = { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' };
    const ecJwk = { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' };
    jwks = new JwksServer([rsaJwk, ecJwk]);
    await jwks.start();
    t = await startTestApp({ ADMIN_EMAILS: ADMIN, SITES_REFRESH_MS: '200' });
    db = await connectTestDb();
    account = await signUp(t.url, 'Real Owner');
    s.a = await createSite(t);
    s.b = await createSite(t);
    s.j = await createSite(t);
    await updateSite(t, s.j.id, { jwksUrl: `${jwks.url}/jwks`, issuer: ISSUER });
    s.guests = await createSite(t, { identity: ['guests'] });
    s.disabled = await createSite(t);
    await t.app.get(SitesService).setStatus(s.disabled.id, 'disabled');
    s.deleted = await createSite(t);
    await t.app.get(SitesService).delete(s.deleted.id);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
    await jwks.stop();
  });

  const signature = (site: string) =>
    `The host token's signature does not match: sign it with the current secret of the site ${site} (or the previous one, for 24 hours after a rotation).`;

  /** [case, site, token, the exact message]. Each token names a sub of its own, which must never become a user. */
  type Refusal = [string, keyof typeof s, (sub: string) => Promise<string>, () => string];
  const expiredAt = now() - 120;
  const refusals: Refusal[] = [
    [
      'a wrong secret',
      'a',
      (sub) => signHostToken('tas_not-the-secret', { sub, aud: s.a.id }),
      () => signature(s.a.id),
    ],
    [
      'alg: none',
      'a',
      async (sub) => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub, aud: s.a.id, exp: now() + 600 })}.`,
      () => 'The host token is unsigned (alg "none"): sign it with HS256 and the site secret.',
    ],
    [
      'alg: NONE with a signature part',
      'a',
      async (sub) =>
        `${b64({ alg: 'NONE', typ: 'JWT' })}.${b64({ sub, aud: s.a.id, exp: now() + 600 })}.c2lnbmF0dXJl`,
      () => 'The host token is unsigned (alg "none"): sign it with HS256 and the site secret.',
    ],
    [
      'another HMAC algorithm (HS512, with the right secret)',
      'a',
      (sub) =>
        new SignJWT({ sub, aud: s.a.id })
          .setProtectedHeader({ alg: 'HS512' })
          .setExpirationTime('10m')
          .sign(new TextEncoder().encode(s.a.secret)),
      () => "The host token's algorithm HS512 is not accepted: sign with HS256 and the site secret.",
    ],
    [
      'an expired token',
      'a',
      (sub) => hs256(s.a.secret, { sub, aud: s.a.id, exp: expiredAt, iat: expiredAt - 600 }),
      () =>
        `The host token expired at ${new Date(expiredAt * 1000).toISOString()}: the page should ask its server for a fresh one.`,
    ],
    [
      'exp more than 24 h ahead',
      'a',
      (sub) => hs256(s.a.secret, { sub, aud: s.a.id, exp: now() + 25 * 3600 }),
      () =>
        'The host token expires more than 24 hours ahead: sign short-lived tokens (10 minutes is plenty; the widget asks for a new one).',
    ],
    [
      'no exp',
      'a',
      (sub) => hs256(s.a.secret, { sub, aud: s.a.id, iat: now() }),
      () => 'The host token has no exp: give it an expiry (at most 24 hours ahead).',
    ],
    [
      'an exp that is not a number',
      'a',
      (sub) => hs256(s.a.secret, { sub, aud: s.a.id, exp: 'tomorrow' }),
      () =>
        "The host token's exp is not a number: give it in seconds since the epoch (at most 24 hours ahead).",
    ],
    [
      'no aud',
      'a',
      (sub) => hs256(s.a.secret, { sub, exp: now() + 600 }),
      () => `The host token has no aud: set it to the site id "${s.a.id}".`,
    ],
    [
      "another site's aud (signed with this site's secret)",
      'a',
      (sub) => signHostToken(s.a.secret, { sub, aud: s.b.id }),
      () => `The host token is for audience "${s.b.id}", not this site: set aud to "${s.a.id}".`,
    ],
    [
      "a token for another site, sent to this one (signed with that site's secret)",
      'a',
      (sub) => signHostToken(s.b.secret, { sub, aud: s.b.id }),
      () => signature(s.a.id),
    ],
    [
      'no sub',
      'a',
      () => signHostToken(s.a.secret, { aud: s.a.id, name: 'Nobody' }),
      () => "The host token has no sub: put your user's id in it.",
    ],
    [
      'an empty sub',
      'a',
      () => signHostToken(s.a.secret, { sub: '', aud: s.a.id }),
      () => "The host token has no sub: put your user's id in it.",
    ],
    [
      'a sub that is not a string',
      'a',
      () => signHostToken(s.a.secret, { sub: 42, aud: s.a.id }),
      () => "The host token's sub is not a string: put your user's id in it as one.",
    ],
    [
      'a 300-character sub',
      'a',
      (sub) => signHostToken(s.a.secret, { sub: sub.padEnd(300, 'x'), aud: s.a.id }),
      () => "The host token's sub is 300 characters long; at most 255 are allowed.",
    ],
    [
      'a disabled site',
      'disabled',
      (sub) => signHostToken(s.disabled.secret, { sub, aud: s.disabled.id }),
      () => `The site ${s.disabled.id} is disabled.`,
    ],
    [
      'a deleted site',
      'deleted',
      (sub) => signHostToken(s.deleted.secret, { sub, aud: s.deleted.id }),
      () => `There is no site "${s.deleted.id}".`,
    ],
    [
      'a site without the host identity',
      'guests',
      (sub) => signHostToken(s.guests.secret, { sub, aud: s.guests.id }),
      () => `The site ${s.guests.id} does not accept host tokens (its identity modes: guests).`,
    ],
    [
      'garbage',
      'a',
      async () => 'x'.repeat(300),
      () => 'The host token is not a JWT (three base64url parts separated by dots).',
    ],
    [
      'three parts of garbage',
      'a',
      async () => 'not.a.jwt',
      () => 'The host token is not a JWT: its header is not base64url-encoded JSON.',
    ],
    [
      'a backend access token (from /api/auth/token)',
      'a',
      async () => account.jwt,
      () =>
        `The host token is signed with ES256, but the site ${s.a.id} has no JWKS URL: sign with HS256 and the site secret, or set the site's jwks_url.`,
    ],
    [
      'a backend access token, on a site with a JWKS',
      'j',
      async () => account.jwt,
      () => "No key of the site's JWKS matches the host token (its kid and algorithm).",
    ],
    [
      'HS256 keyed with the JWKS public key as PEM (algorithm confusion)',
      'j',
      (sub) => hs256(rsaPem, { sub, aud: s.j.id, iss: ISSUER, exp: now() + 600 }, { kid: 'rsa-1' }),
      () => signature(s.j.id),
    ],
    [
      'HS256 keyed with the JWKS public key as JWK JSON (algorithm confusion)',
      'j',
      (sub) =>
        hs256(JSON.stringify(rsaJwk), { sub, aud: s.j.id, iss: ISSUER, exp: now() + 600 }, { kid: 'rsa-1' }),
      () => signature(s.j.id),
    ],
    [
      'RS256 on a site without a JWKS',
      'a',
      (sub) => idpToken(rsa.privateKey, 'RS256', 'rsa-1', { sub, aud: s.a.id, iss: ISSUER }),
      () =>
        `The host token is signed with RS256, but the site ${s.a.id} has no JWKS URL: sign with HS256 and the site secret, or set the site's jwks_url.`,
    ],
    [
      'RS256 from the JWKS, wrong issuer',
      'j',
      (sub) =>
        idpToken(rsa.privateKey, 'RS256', 'rsa-1', { sub, aud: s.j.id, iss: 'https://evil.example.test/' }),
      () => `The host token's issuer "https://evil.example.test/" is not the site's issuer "${ISSUER}".`,
    ],
    [
      'RS256 from the JWKS, no issuer',
      'j',
      (sub) => idpToken(rsa.privateKey, 'RS256', 'rsa-1', { sub, aud: s.j.id }),
      () => `The host token's issuer null is not the site's issuer "${ISSUER}".`,
    ],
    [
      'RS256 with an unknown kid',
      'j',
      async (sub) =>
        idpToken((await generateKeyPair('RS256')).privateKey, 'RS256', 'rsa-unknown', {
          sub,
          aud: s.j.id,
          iss: ISSUER,
        }),
      () => "No key of the site's JWKS matches the host token (its kid and algorithm).",
    ],
    [
      "RS256 with the JWKS key's kid, signed by another key that the header carries (jwk)",
      'j',
      async (sub) => {
        const other = await generateKeyPair('RS256', { extractable: true });
        return idpToken(
          other.privateKey,
          'RS256',
          'rsa-1',
          { sub, aud: s.j.id, iss: ISSUER },
          { jwk: await exportJWK(other.publicKey) },
        );
      },
      () => "The host token's signature does not match any key of the site's JWKS.",
    ],
    [
      'ES256 from the JWKS, expired',
      'j',
      (sub) => idpToken(ec.privateKey, 'ES256', 'ec-1', { sub, aud: s.j.id, iss: ISSUER, exp: expiredAt }),
      () =>
        `The host token expired at ${new Date(expiredAt * 1000).toISOString()}: the page should ask its server for a fresh one.`,
    ],
  ];

  it.each(refusals)('%s → 401 with a message that says so', async (name, site, make, message) => {
    const sub = `refused-${randomUUID().slice(0, 8)}`;
    const res = await postSession(t.url, s[site].id, await make(sub));
    expect({ status: res.status, body: res.body }).toEqual({
      status: 401,
      body: { error: { code: 'unauthorized', message: message() } },
    });
    const made = await db.query('SELECT 1 FROM site_users WHERE subject LIKE $1', [`${sub}%`]);
    expect(made.rows).toEqual([]);
  });

  it('the refusals say different things; only tokens under an unknown key share the signature message', () => {
    const messages = new Map<string, string[]>();
    for (const [name, , , message] of refusals)
      messages.set(message(), [...(messages.get(message()) ?? []), name]);
    // A key the site does not hold (a wrong secret, another site's secret, a public key used as an HMAC secret)
    // cannot be told apart from another: the message says the signature does not match, and which site's secret.
    const shared = [...messages.values()].filter((names) => names.length > 1).map((names) => names.sort());
    expect(shared.sort()).toEqual(
      [
        [
          "a token for another site, sent to this one (signed with that site's secret)",
          'a wrong secret',
        ].sort(),
        ['alg: NONE with a signature part', 'alg: none'],
        [
          'HS256 keyed with the JWKS public key as JWK JSON (algorithm confusion)',
          'HS256 keyed with the JWKS public key as PEM (algorithm confusion)',
        ],
        ['ES256 from the JWKS, expired', 'an expired token'],
        ['a backend access token, on a site with a JWKS', 'RS256 with an unknown kid'].sort(),
        ['an empty sub', 'no sub'],
      ].sort(),
    );
  });

  it('answers the access token for the site user: site and kind claims, no email, never outliving the host token', async () => {
    const hostExp = now() + 120; // shorter than the access token lifetime (15 minutes)
    const token = await hs256(s.a.secret, {
      sub: 'cust-42',
      aud: s.a.id,
      exp: hostExp,
      name: 'Ada',
      email: 'ada@shop.example.test',
    });
    const res = await postSession(t.url, s.a.id, token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      token: expect.any(String),
      expires_in: expect.any(Number),
      user: { id: expect.any(String), name: 'Ada', email: 'ada@shop.example.test' },
    });
    const { header, payload } = decodeJwt(res.body.token);
    expect(header.alg).toBe('ES256');
    expect(payload).toMatchObject({
      sub: res.body.user.id,
      site: s.a.id,
      kind: 'host',
      name: 'Ada',
      iss: t.url,
      aud: t.url,
      exp: hostExp,
    });
    expect(payload).not.toHaveProperty('email');
    expect(res.body.expires_in).toBeGreaterThanOrEqual(115);
    expect(res.body.expires_in).toBeLessThanOrEqual(120);

    // A host token good for an hour: the access token keeps its own 15 minutes.
    const long = await postSession(
      t.url,
      s.a.id,
      await signHostToken(s.a.secret, { sub: 'cust-42', aud: s.a.id }, { expiresIn: '1h' }),
    );
    const longExp = decodeJwt(long.body.token).payload.exp as number;
    expect(longExp).toBeGreaterThanOrEqual(now() + 895);
    expect(longExp).toBeLessThanOrEqual(now() + 900);
    expect(long.body.expires_in).toBeGreaterThanOrEqual(895);

    // The token is accepted as any access token is.
    const tasks = await api(t.url, res.body.token).get('/api/tasks');
    expect(tasks.status).toBe(200);
    expect(tasks.body.data).toEqual([]);
  });

  it('first sight of a sub makes a user; later sights refresh its name and email; the same sub on another site is another user', async () => {
    const sub = `cust-${randomUUID().slice(0, 8)}`;
    const first = await postSession(
      t.url,
      s.a.id,
      await signHostToken(s.a.secret, { sub, aud: s.a.id, name: 'Grace', email: 'grace@old.example.test' }),
    );
    const id = first.body.user.id as string;
    const row = () =>
      db
        .query(
          `SELECT su.site_id, su.kind, su.subject, su.name, su.email, u.name AS user_name, u.email AS user_email
           FROM site_users su JOIN "user" u ON u.id = su.user_id WHERE su.user_id = $1`,
          [id],
        )
        .then((r) => r.rows);
    expect(await row()).toEqual([
      {
        site_id: s.a.id,
        kind: 'host',
        subject: sub,
        name: 'Grace',
        email: 'grace@old.example.test',
        user_name: 'Grace',
        // The host's word about an email is information, never the user's address.
        user_email: expect.stringMatching(/\.sites\.invalid$/),
      },
    ]);

    const later = await postSession(
      t.url,
      s.a.id,
      await signHostToken(s.a.secret, {
        sub,
        aud: s.a.id,
        name: 'Grace Hopper',
        email: 'grace@new.example.test',
      }),
    );
    expect(later.body.user).toEqual({ id, name: 'Grace Hopper', email: 'grace@new.example.test' });
    expect(decodeJwt(later.body.token).payload.name).toBe('Grace Hopper');
    expect(await row()).toEqual([
      expect.objectContaining({
        name: 'Grace Hopper',
        email: 'grace@new.example.test',
        user_name: 'Grace Hopper',
      }),
    ]);

    const elsewhere = await postSession(
      t.url,
      s.b.id,
      await signHostToken(s.b.secret, { sub, aud: s.b.id, name: 'Grace Hopper' }),
    );
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.user.id).not.toBe(id);
    expect(decodeJwt(elsewhere.body.token).payload.site).toBe(s.b.id);
    const both = await db.query(
      'SELECT site_id, user_id FROM site_users WHERE subject = $1 ORDER BY site_id',
      [sub],
    );
    expect(both.rows).toHaveLength(2);
    expect(new Set(both.rows.map((r) => r.user_id))).toEqual(new Set([id, elsewhere.body.user.id]));

    // One task for the user on site A: the user of site B does not see it.
    await api(t.url, later.body.token).post('/api/tasks', { title: 'Only on A' });
    expect((await api(t.url, elsewhere.body.token).get('/api/tasks')).body.data).toEqual([]);
    expect((await api(t.url, later.body.token).get('/api/tasks')).body.data.map((x: any) => x.title)).toEqual(
      ['Only on A'],
    );
  });

  it("a host token naming an account's email gets a user of its own: no access to the account, nothing of it revealed", async () => {
    const MARK = `owner-${randomUUID().slice(0, 8)}`;
    await api(t.url, account.jwt).post('/api/tasks', { title: `${MARK} private task` });
    await api(t.url, account.jwt).post('/api/chat', { message: `add ${MARK} second` });
    const before = await rowsOf(db, account.id);
    const res = await postSession(
      t.url,
      s.a.id,
      await signHostToken(s.a.secret, {
        sub: 'impostor',
        aud: s.a.id,
        name: 'Impostor',
        email: account.email,
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ id: expect.any(String), name: 'Impostor', email: account.email });
    expect(res.body.user.id).not.toBe(account.id);
    expect(JSON.stringify(res.body)).not.toContain(account.id);
    expect(JSON.stringify(res.body)).not.toContain('Real Owner');
    const claims = decodeJwt(res.body.token).payload;
    expect(claims.sub).toBe(res.body.user.id);
    expect(claims).not.toHaveProperty('email');

    const impostor = res.body.token as string;
    const rest = api(t.url, impostor);
    expect((await rest.get('/api/tasks?status=all')).body.data).toEqual([]);
    expect((await rest.get('/api/tasks/1')).status).toBe(404);
    expect((await rest.get('/api/chat/conversations')).body.data).toEqual([]);
    expect((await rest.get(`/api/${account.id}/tasks`)).status).toBe(403);
    expect((await new ChatKitClient(t.url, impostor).json('threads.list', {})).body.data).toEqual([]);
    const mcp = await connectHttp(t.url, impostor);
    const listed = await mcp.call('list_tasks', { status: 'all' });
    await mcp.close();
    expect(JSON.stringify(listed)).not.toContain(MARK);
    // An email in ADMIN_EMAILS, named by a host token, manages nothing.
    const admin = await postSession(
      t.url,
      s.a.id,
      await signHostToken(s.a.secret, { sub: 'would-be-admin', aud: s.a.id, email: ADMIN }),
    );
    const sites = await api(t.url, admin.body.token).get('/api/admin/sites');
    expect(sites.status).toBe(403);
    expect(sites.body.error.message).toBe("Sites are managed by accounts, not by a site's users or guests.");

    // The account is untouched and still signs in as itself; its address was not taken.
    expect(await rowsOf(db, account.id)).toEqual(before);
    const signIn = await fetch(`${t.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: t.url },
      body: JSON.stringify({ email: account.email, password: account.password }),
    });
    expect(signIn.status).toBe(200);
    expect(((await signIn.json()) as any).user.id).toBe(account.id);
    const emails = await db.query(`SELECT id FROM "user" WHERE lower(email) = lower($1)`, [account.email]);
    expect(emails.rows).toEqual([{ id: account.id }]);
  });

  it('an address a host user was given can still sign up as an account, which is another user', async () => {
    const email = `later-${randomUUID().slice(0, 8)}@example.test`;
    const host = await postSession(
      t.url,
      s.a.id,
      await signHostToken(s.a.secret, { sub: 'early-bird', aud: s.a.id, email }),
    );
    const later = await signUp(t.url, 'Later', email);
    expect(later.id).not.toBe(host.body.user.id);
    await api(t.url, host.body.token).post('/api/tasks', { title: 'host side' });
    expect((await api(t.url, later.jwt).get('/api/tasks')).body.data).toEqual([]);
  });

  it('rotation: the previous secret works until revoke-secret (or until its 24 hours end), the new one throughout', async () => {
    const site = await createSite(t);
    const sites = t.app.get(SitesService);
    const exchange = async (secret: string) =>
      postSession(t.url, site.id, await signHostToken(secret, { sub: 'rotating', aud: site.id }));
    expect((await exchange(site.secret)).status).toBe(200);

    const { secret: second } = await sites.rotateSecret(site.id);
    expect(second).not.toBe(site.secret);
    expect((await exchange(site.secret)).status).toBe(200);
    expect((await exchange(second)).status).toBe(200);

    await sites.revokeSecret(site.id);
    expect(await exchange(site.secret)).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthorized', message: signature(site.id) } },
    });
    expect((await exchange(second)).status).toBe(200);

    // Rotated again, and the grace period over (as if 24 hours had passed): the previous one is refused.
    const { secret: third } = await sites.rotateSecret(site.id);
    expect((await exchange(second)).status).toBe(200);
    await db.query(
      `UPDATE sites SET secret_previous_expires_at = now() - interval '1 second', updated_at = clock_timestamp()
       WHERE id = $1`,
      [site.id],
    );
    const deadline = Date.now() + 5_000;
    let res = await exchange(second);
    while (res.status === 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      res = await exchange(second);
    }
    expect(res).toMatchObject({ status: 401, body: { error: { message: signature(site.id) } } });
    expect((await exchange(third)).status).toBe(200);
  });

  it('a revoke stamped with the same millisecond as the rotation still ends the previous secret', async () => {
    const site = await createSite(t);
    const exchange = async (secret: string) =>
      postSession(t.url, site.id, await signHostToken(secret, { sub: 'same-ms', aud: site.id }));
    const { secret: next } = await t.app.get(SitesService).rotateSecret(site.id);
    expect((await exchange(site.secret)).status).toBe(200); // the keys of this version of the site are now known
    // As `npm run sites -- revoke-secret` run elsewhere right after the rotation: updated_at keeps milliseconds.
    await db.query(
      `UPDATE sites SET secret_previous = NULL, secret_previous_expires_at = NULL, updated_at = updated_at
       WHERE id = $1`,
      [site.id],
    );
    const deadline = Date.now() + 5_000;
    let res = await exchange(site.secret);
    while (res.status === 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      res = await exchange(site.secret);
    }
    expect(res).toMatchObject({ status: 401, body: { error: { message: signature(site.id) } } });
    expect((await exchange(next)).status).toBe(200);
  });

  describe('RS256 and ES256 from the site JWKS', () => {
    it('both verify; the keys are fetched once and then served from the cache', async () => {
      const site = await createSite(t);
      await updateSite(t, site.id, { jwksUrl: `${jwks.url}/jwks-cached`, issuer: ISSUER });
      const claims = { sub: 'idp-user', aud: site.id, iss: ISSUER, name: 'From IdP' };
      const tokens = [
        await idpToken(rsa.privateKey, 'RS256', 'rsa-1', claims),
        await idpToken(ec.privateKey, 'ES256', 'ec-1', claims),
        await idpToken(rsa.privateKey, 'RS256', 'rsa-1', { ...claims, name: 'Again' }),
        await idpToken(ec.privateKey, 'ES256', 'ec-1', { ...claims, email: 'idp@example.test' }),
      ];
      const ids = new Set<string>();
      for (const token of tokens) {
        const res = await postSession(t.url, site.id, token);
        expect(res.status).toBe(200);
        expect(decodeJwt(res.body.token).payload).toMatchObject({ site: site.id, kind: 'host' });
        ids.add(res.body.user.id);
      }
      expect(ids.size).toBe(1);
      const unknown = await postSession(
        t.url,
        site.id,
        await idpToken((await generateKeyPair('ES256')).privateKey, 'ES256', 'ec-2', claims),
      );
      expect(unknown.status).toBe(401);
      expect(jwks.hits.get('/jwks-cached')).toBe(1);
    });

    it('the same JWKS and issuer on two sites: a token for one is refused by the other (aud)', async () => {
      const [one, two] = [await createSite(t), await createSite(t)];
      for (const site of [one, two])
        await updateSite(t, site.id, { jwksUrl: `${jwks.url}/jwks-shared`, issuer: ISSUER });
      const token = await idpToken(rsa.privateKey, 'RS256', 'rsa-1', {
        sub: 'shared',
        aud: one.id,
        iss: ISSUER,
      });
      expect((await postSession(t.url, one.id, token)).status).toBe(200);
      expect(await postSession(t.url, two.id, token)).toMatchObject({
        status: 401,
        body: {
          error: {
            message: `The host token is for audience "${one.id}", not this site: set aud to "${two.id}".`,
          },
        },
      });
    });

    it('a JWKS that cannot be read → 503 naming the site and the address (not a 401: the token may be fine)', async () => {
      const site = await createSite(t);
      const closed = `http://127.0.0.1:${await freePort()}/jwks`;
      await updateSite(t, site.id, { jwksUrl: closed, issuer: ISSUER });
      const res = await postSession(
        t.url,
        site.id,
        await idpToken(rsa.privateKey, 'RS256', 'rsa-1', { sub: 'x', aud: site.id, iss: ISSUER }),
      );
      expect({ status: res.status, body: res.body }).toEqual({
        status: 503,
        body: {
          error: {
            code: 'service_unavailable',
            message: `The JWKS of the site ${site.id} could not be read from ${closed}: try again shortly.`,
          },
        },
      });
    });
  });
});
