import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { signHostToken, uniqueOrigin } from '../support/sites';
import { startTestApp, TestApp, testDatabaseUrl } from '../support/test-app';
import { TEST_AUTH_SECRET } from '../support/test-database';
import { connectTestDb } from '../support/user-rows';
import { api } from '../support/users';

const BACKEND = resolve(__dirname, '../..');
const CLI = join(BACKEND, 'dist/src/sites/sites.cli.js');
const REFRESH_MS = 300;
/** How long the running app may take to see a change the CLI made (it polls every REFRESH_MS). */
const PROPAGATION_MS = 5_000;

// Each command is a process of its own (about a second of CPU): allow for busy cores.
jest.setTimeout(60_000);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `npm run sites -- …` (sites.md, Managing sites), the built CLI run as a separate process on the test database
 * with the test app's BETTER_AUTH_SECRET: every command, with --json; errors exit non-zero with one line; what it
 * changes reaches the running app (which polls every SITES_REFRESH_MS) within seconds.
 */
describe('sites CLI', () => {
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build the backend first (npm run build)`);
    t = await startTestApp({ SITES_REFRESH_MS: String(REFRESH_MS) });
    db = await connectTestDb();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  /** Runs the CLI with only the environment it needs (not the test process's). */
  function cli(...args: string[]): Promise<Run> {
    return new Promise((done, fail) => {
      const child = spawn(process.execPath, [CLI, ...args], {
        cwd: BACKEND,
        env: {
          PATH: process.env.PATH ?? '',
          DATABASE_URL: testDatabaseUrl(),
          BETTER_AUTH_SECRET: TEST_AUTH_SECRET,
          PUBLIC_URL: t.url,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
      child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      child.on('error', fail);
      child.on('close', (code) => done({ code, stdout, stderr }));
    });
  }

  /** A command with --json that must succeed: its parsed output. */
  async function json(...args: string[]): Promise<any> {
    const run = await cli(...args, '--json');
    if (run.code !== 0)
      throw new Error(`sites ${args.join(' ')} failed (${run.code}): ${run.stdout}${run.stderr}`);
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout);
  }

  /**
   * A command that must fail: exit code 1 and one line, `error: <message>` on stderr and nothing on stdout; with
   * `json`, the same message as one JSON line on stdout and nothing on stderr.
   */
  async function fails(args: string[], message: string, json = false): Promise<void> {
    const run = await cli(...args, ...(json ? ['--json'] : []));
    expect({ args, code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
      args,
      code: 1,
      stdout: json ? `${JSON.stringify({ error: message })}\n` : '',
      stderr: json ? '' : `error: ${message}\n`,
    });
  }

  /** Retries `check` until it passes or the deadline is reached (then fails with its last error). */
  async function eventually(check: () => Promise<void>, ms = PROPAGATION_MS): Promise<void> {
    const deadline = Date.now() + ms;
    for (;;) {
      try {
        await check();
        return;
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  /** The host session exchange the running app answers for a token signed with `secret`. */
  async function exchange(site: { id: string; origin: string }, secret: string, sub = 'cli-user') {
    const token = await signHostToken(secret, { sub, aud: site.id });
    const res = await fetch(`${t.url}/api/sites/${site.id}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: site.origin },
      body: JSON.stringify({ token }),
    });
    const body = (await res.json()) as any;
    return { status: res.status, message: body.error?.message as string | undefined, body };
  }

  const newId = () => `cli-${randomUUID().slice(0, 8)}`;

  async function createdSite(identity = 'host') {
    const origin = uniqueOrigin('cli');
    const id = newId();
    const out = await json(
      'create',
      '--name',
      'CLI shop',
      '--origin',
      origin,
      '--identity',
      identity,
      '--id',
      id,
    );
    return { id, origin, secret: out.secret as string };
  }

  it('create --json prints {id, secret, snippet}; the secret signs host tokens the running app accepts', async () => {
    const origin = uniqueOrigin('cli');
    const id = newId();
    const out = await json(
      'create',
      '--name',
      'Northwind',
      '--origin',
      origin,
      '--origin',
      'https://*.northwind.example.test',
      '--identity',
      'host,guests',
      '--id',
      id,
    );
    expect(Object.keys(out).sort()).toEqual(['id', 'secret', 'snippet']);
    expect(out.id).toBe(id);
    expect(out.secret).toMatch(/^tas_[A-Za-z0-9_-]{43}$/);
    expect(out.snippet).toContain(`data-site="${id}"`);
    expect(out.snippet).toContain(`data-api-url="${t.url}"`);

    const site = { id, origin };
    await eventually(async () => expect((await exchange(site, out.secret)).status).toBe(200));
    const session = await exchange(site, out.secret, 'north-1');
    expect((await api(t.url, session.body.token).get('/api/tasks', { origin })).status).toBe(200);
    // a wrong secret is still refused: the app really checks the CLI's secret
    expect((await exchange(site, `${out.secret}x`)).status).toBe(401);

    // without --json: the id, the secret once, the snippet; without --id: a generated one
    const text = await cli('create', '--name', 'Plain', '--origin', uniqueOrigin());
    expect(text.code).toBe(0);
    expect(text.stderr).toBe('');
    const generated = /^Created the site (site_[a-z0-9]{8}) \(host\) for https:\/\/\S+\.$/m.exec(text.stdout);
    expect(generated).not.toBeNull();
    expect(text.stdout).toMatch(/^ {2}tas_[A-Za-z0-9_-]{43}$/m);
    expect(text.stdout).toContain(`data-site="${generated![1]}"`);
  });

  it('list and show (--json and text) describe sites without their secrets', async () => {
    const site = await createdSite('accounts,guests');
    const [list, shown, listText, showText] = await Promise.all([
      json('list'),
      json('show', site.id),
      cli('list'),
      cli('show', site.id),
    ]);
    const listed = (list as any[]).find((s) => s.id === site.id);
    expect(listed).toMatchObject({
      id: site.id,
      name: 'CLI shop',
      origins: [site.origin],
      identity: ['accounts', 'guests'],
      status: 'active',
      secrets: { current: true, previous: false, previous_expires_at: null },
    });
    expect((list as any[]).map((s) => s.id)).toContain('default');
    expect(shown).toMatchObject({ ...listed, snippet: expect.stringContaining(`data-site="${site.id}"`) });
    for (const out of [JSON.stringify(list), JSON.stringify(shown), listText.stdout, showText.stdout])
      expect(out).not.toContain(site.secret);
    expect(listText.stdout).toContain(`${site.id}\tactive\taccounts,guests\tCLI shop\t${site.origin}`);
    expect(showText.stdout).toContain(`${site.id}  CLI shop  (active)`);
    expect(showText.stdout).toContain(`  origins:  ${site.origin}`);
  });

  it('update changes origins, identity and settings (key= removes one), and a JWKS only with an issuer', async () => {
    const site = await createdSite('host');
    const other = uniqueOrigin('cli-new');
    const updated = await json(
      'update',
      site.id,
      '--name',
      'Renamed shop',
      '--origin',
      other,
      '--identity',
      'host',
      '--identity',
      'accounts',
      '--setting',
      'heading=Northwind helper',
      '--setting',
      'chat_rate_limit=5',
      '--setting',
      'accent=#0f766e',
      '--setting',
      'prompts=[{"label":"Add","prompt":"add buy milk"}]',
    );
    expect(updated).toMatchObject({
      name: 'Renamed shop',
      origins: [other],
      identity: ['accounts', 'host'],
      settings: {
        heading: 'Northwind helper',
        chat_rate_limit: 5,
        accent: '#0f766e',
        prompts: [{ label: 'Add', prompt: 'add buy milk' }],
      },
    });
    const removed = await json('update', site.id, '--setting', 'heading=', '--setting', 'theme=dark');
    expect(removed.settings).toEqual({
      chat_rate_limit: 5,
      accent: '#0f766e',
      theme: 'dark',
      prompts: [{ label: 'Add', prompt: 'add buy milk' }],
    });
    // the running app serves the new origin and settings
    await eventually(async () => {
      const config = await fetch(`${t.url}/api/sites/${site.id}/config`, { headers: { origin: other } });
      expect(config.status).toBe(200);
      expect(((await config.json()) as any).appearance).toMatchObject({ accent: '#0f766e', theme: 'dark' });
    });
    expect((await exchange(site, site.secret)).status).toBe(403);
    expect((await exchange({ id: site.id, origin: other }, site.secret)).status).toBe(200);

    // refusals (none changes anything), at once
    await Promise.all([
      fails(
        ['update', site.id, '--jwks-url', 'https://idp.example.test/jwks.json'],
        "A site that verifies host tokens with a JWKS needs the identity provider's issuer too (issuer), which every token must name.",
      ),
      fails(
        ['update', site.id, '--setting', 'colour=red'],
        'Unknown setting "colour": the settings are heading, greeting, placeholder, prompts, accent, theme, locale, chat_rate_limit, instructions.',
      ),
      fails(
        ['update', site.id, '--setting', 'chat_rate_limit=lots'],
        'settings.chat_rate_limit: chat_rate_limit must be a number',
      ),
      fails(
        ['update', site.id],
        'update needs something to change: --name, --origin, --identity, --setting, --jwks-url or --issuer.',
      ),
    ]);
    const jwks = await json(
      'update',
      site.id,
      '--jwks-url',
      'https://idp.example.test/jwks.json',
      '--issuer',
      'https://idp.example.test/',
    );
    expect(jwks).toMatchObject({
      jwks_url: 'https://idp.example.test/jwks.json',
      issuer: 'https://idp.example.test/',
      settings: removed.settings, // the refused updates changed nothing
    });
    const cleared = await json('update', site.id, '--jwks-url', '', '--issuer', '');
    expect(cleared).toMatchObject({ jwks_url: null, issuer: null });
  });

  it('rotate-secret: the new secret works and the old one too, until revoke-secret', async () => {
    const site = await createdSite('host');
    await eventually(async () => expect((await exchange(site, site.secret)).status).toBe(200));
    const rotated = await json('rotate-secret', site.id);
    expect(Object.keys(rotated).sort()).toEqual(['previous_expires_at', 'secret']);
    expect(rotated.secret).not.toBe(site.secret);
    const grace = Date.parse(rotated.previous_expires_at) - Date.now();
    expect(grace).toBeGreaterThan(24 * 3600_000 - 60_000);
    await eventually(async () => expect((await exchange(site, rotated.secret)).status).toBe(200));
    expect((await exchange(site, site.secret)).status).toBe(200);

    const revoked = await json('revoke-secret', site.id);
    expect(revoked.secrets).toEqual({ current: true, previous: false, previous_expires_at: null });
    await eventually(async () =>
      expect(await exchange(site, site.secret)).toMatchObject({
        status: 401,
        message: `The host token's signature does not match: sign it with the current secret of the site ${site.id} (or the previous one, for 24 hours after a rotation).`,
      }),
    );
    expect((await exchange(site, rotated.secret)).status).toBe(200);
  });

  it('disable: the running app refuses the site within seconds; enable: it serves it again', async () => {
    const site = await createdSite('host');
    await eventually(async () => expect((await exchange(site, site.secret)).status).toBe(200));
    const user = await exchange(site, site.secret, 'disabled-soon');
    const tasks = () => api(t.url, user.body.token).get('/api/tasks', { origin: site.origin });
    expect((await tasks()).status).toBe(200);

    const started = Date.now();
    expect((await json('disable', site.id)).status).toBe('disabled');
    await eventually(async () =>
      expect(await exchange(site, site.secret)).toMatchObject({
        status: 401,
        message: `The site ${site.id} is disabled.`,
      }),
    );
    expect(Date.now() - started).toBeLessThan(PROPAGATION_MS);
    const refused = await tasks();
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toBe(`The site ${site.id} is disabled: its users cannot be served.`);

    const disabledText = await cli('enable', site.id);
    expect(disabledText).toEqual({ code: 0, stdout: `${site.id} is active.\n`, stderr: '' });
    await eventually(async () => expect((await tasks()).status).toBe(200));
    expect((await exchange(site, site.secret)).status).toBe(200);
  });

  it('delete needs --yes; with it the site goes with its host users and their data', async () => {
    const site = await createdSite('host');
    await eventually(async () => expect((await exchange(site, site.secret)).status).toBe(200));
    const user = await exchange(site, site.secret, 'to-delete');
    const rest = api(t.url, user.body.token);
    expect((await rest.post('/api/tasks', { title: 'Doomed' }, { origin: site.origin })).status).toBe(201);

    await fails(
      ['delete', site.id],
      `delete removes ${site.id} with its host users and guests and all their tasks and conversations: add --yes.`,
    );
    expect((await json('show', site.id)).status).toBe('active');

    expect(await json('delete', site.id, '--yes')).toEqual({ id: site.id, deleted: true });
    // at once, before the app's next poll: the site is gone, said as for any unknown site (not a 500)
    expect(await exchange(site, site.secret, 'newcomer')).toMatchObject({
      status: 401,
      message: `There is no site "${site.id}".`,
    });
    const rows = await db.query('SELECT count(*) FROM "user" WHERE id = $1', [user.body.user.id]);
    expect(rows.rows[0].count).toBe('0');
    const tasks = await db.query('SELECT count(*) FROM tasks WHERE user_id = $1', [user.body.user.id]);
    expect(tasks.rows[0].count).toBe('0');
    await eventually(async () =>
      expect(await exchange(site, site.secret)).toMatchObject({
        status: 401,
        message: `There is no site "${site.id}".`,
      }),
    );
    await fails(['show', site.id], `There is no site "${site.id}".`);
  });

  it('usage --days N reports N days (30 by default) with totals', async () => {
    const site = await createdSite('host');
    const [three, month] = await Promise.all([json('usage', site.id, '--days', '3'), json('usage', site.id)]);
    expect(three.site).toBe(site.id);
    expect(three.days.map((d: any) => d.day)).toHaveLength(3);
    expect(three.days.at(-1)).toEqual({
      day: new Date().toISOString().slice(0, 10),
      turns: 0,
      tool_calls: {},
      active_users: 0,
      errors: 0,
    });
    expect(three.totals).toEqual({ turns: 0, tool_calls: {}, active_users: 0, errors: 0 });
    expect(month.days).toHaveLength(30);
    const text = await cli('usage', site.id, '--days', '2');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Usage of ${site.id}, last 2 days (UTC):`);
    expect(text.stdout).toContain('(no turns)');
    await fails(['usage', site.id, '--days', '0'], 'days must be a whole number from 1 to 366.');
  });

  it('errors exit non-zero with one clear line', async () => {
    await Promise.all([
      fails(['frobnicate', 'x'], 'Unknown command "frobnicate". See: npm run sites -- --help'),
      fails(['show', 'no-such-site'], 'There is no site "no-such-site".'),
      fails(['disable', 'no-such-site'], 'There is no site "no-such-site".', true),
      fails(
        ['create', '--name', 'Bad', '--origin', '*'],
        '"*" cannot be an origin of a site: list each origin (https://shop.example.com).',
        true,
      ),
      fails(['create', '--origin', uniqueOrigin()], 'create needs --name <name>.'),
      fails(['create', '--name', 'No origin'], 'create needs at least one --origin <origin>.'),
      fails(['show'], '"show" needs a site id: npm run sites -- show <id>'),
      fails(['show', 'a', 'b'], 'Unexpected argument "b". See: npm run sites -- --help'),
    ]);
    // an unknown option: node's own message, still one line
    const unknown = await cli('list', '--colour');
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^error: Unknown option '--colour'\.[^\n]*\n$/);
    // a taken id
    await fails(
      ['create', '--name', 'Again', '--origin', uniqueOrigin(), '--id', 'default'],
      'The site id "default" is taken: choose another.',
    );
  });
});
