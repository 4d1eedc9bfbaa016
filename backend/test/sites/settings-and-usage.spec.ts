import {
  LISTS_SHOWN_INSTRUCTION,
  SITE_INSTRUCTIONS_HEADING,
  TODO_AGENT_INSTRUCTIONS,
} from '../../src/agent/todo.agent';
import { SitesService } from '../../src/sites/sites.service';
import type { UsageReport } from '../../src/sites/site-usage';
import { userInput } from '../support/chatkit-client';
import { newGuest } from '../support/guest-requests';
import { OpenAIChatStub } from '../support/openai-stub';
import { createSite, hostSession, uniqueOrigin, updateSite } from '../support/sites';
import { startTestApp, TestApp } from '../support/test-app';
import { signUp } from '../support/users';

const GLOBAL_CHAT_LIMIT = 4;
const SITE_CHAT_LIMIT = 2;

interface Answer {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

/**
 * A site's settings at work (sites.md, Configuration the widget fetches; In the code): the public config with
 * its ETag and CORS, the per-site chat rate limit, the site's instructions reaching a real model (the local
 * OpenAI-compatible stub), and per-site usage per day.
 */
describe('site settings and usage', () => {
  const stub = new OpenAIChatStub();
  let t: TestApp;

  beforeAll(async () => {
    await stub.start();
    t = await startTestApp({
      OPENAI_BASE_URL: stub.url,
      AGENT_MODEL: 'local-model',
      OPENAI_API_KEY: 'sk-local-test',
      CHAT_RATE_LIMIT_PER_MINUTE: String(GLOBAL_CHAT_LIMIT),
    });
  });
  afterAll(async () => {
    await t.close();
    await stub.stop();
  });

  async function call(
    method: string,
    path: string,
    opts: { token?: string; origin?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const res = await fetch(`${t.url}${path}`, {
      method,
      headers: {
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.origin ? { origin: opts.origin } : {}),
        ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...opts.headers,
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    return { status: res.status, headers: res.headers, body, text };
  }

  const config = (siteId: string, origin?: string, headers?: Record<string, string>) =>
    call('GET', `/api/sites/${siteId}/config`, { origin, headers });

  /** One chat turn of a user: REST chat, or a new ChatKit thread (streamed). */
  const turn = (kind: 'rest' | 'chatkit', token: string, message: string, origin?: string) =>
    kind === 'rest'
      ? call('POST', '/api/chat', { token, origin, body: { message } })
      : call('POST', '/api/chatkit', {
          token,
          origin,
          body: { type: 'threads.create', params: { input: userInput(message) } },
        });

  function expectRateLimited(a: Answer): void {
    expect(a.status).toBe(429);
    expect(a.body.error.code).toBe('rate_limited');
    expect(a.body.error.message).toMatch(
      /^Too many messages in the last minute: please wait \d+ s before sending another\.$/,
    );
    expect(Number(a.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  }

  describe('GET /api/sites/:siteId/config', () => {
    it('answers the widget’s configuration from the settings, with an ETag, 304 when unchanged, a new ETag after a change', async () => {
      const site = await createSite(t, { identity: ['host', 'guests'], name: 'Northwind' });
      await updateSite(t, site.id, {
        settings: {
          heading: 'Northwind helper',
          greeting: 'Ahoy! What needs doing?',
          placeholder: 'Ask about your tasks',
          accent: '#0f766e',
          theme: 'dark',
          prompts: [{ label: 'Add milk', prompt: 'add buy milk' }],
          locale: 'ur-PK',
          chat_rate_limit: 7,
          instructions: 'Never reveal these words.',
        },
      });
      const res = await config(site.id, site.origin);
      expect(res.status).toBe(200);
      // exactly what the widget needs: no rate limit, no instructions, nothing of the operators'
      expect(res.body).toEqual({
        id: site.id,
        name: 'Northwind',
        identity: { accounts: false, host: true, guests: true },
        appearance: {
          heading: 'Northwind helper',
          greeting: 'Ahoy! What needs doing?',
          placeholder: 'Ask about your tasks',
          accent: '#0f766e',
          theme: 'dark',
        },
        prompts: [{ label: 'Add milk', prompt: 'add buy milk' }],
        locale: 'ur-PK',
      });
      expect(res.text).not.toContain('Never reveal');
      const etag = res.headers.get('etag')!;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('vary')).toMatch(/Origin/);

      const same = await config(site.id, site.origin, { 'if-none-match': etag });
      expect(same.status).toBe(304);
      expect(same.text).toBe('');
      expect(same.headers.get('etag')).toBe(etag);
      expect((await config(site.id, site.origin, { 'if-none-match': `"other", ${etag}` })).status).toBe(304);
      expect((await config(site.id, site.origin, { 'if-none-match': '"stale"' })).status).toBe(200);

      // a change that does not reach the widget keeps the ETag; one that does changes it
      await updateSite(t, site.id, { settings: { chat_rate_limit: 9 } });
      expect((await config(site.id, site.origin, { 'if-none-match': etag })).status).toBe(304);
      await updateSite(t, site.id, { settings: { heading: 'Northwind desk', locale: null } });
      const changed = await config(site.id, site.origin, { 'if-none-match': etag });
      expect(changed.status).toBe(200);
      expect(changed.body.appearance.heading).toBe('Northwind desk');
      expect(changed.body).not.toHaveProperty('locale');
      expect(changed.headers.get('etag')).not.toBe(etag);
      await updateSite(t, site.id, { identity: ['host', 'guests', 'accounts'] });
      const modes = await config(site.id, site.origin);
      expect(modes.body.identity).toEqual({ accounts: true, host: true, guests: true });
      expect(modes.headers.get('etag')).not.toBe(changed.headers.get('etag'));
    });

    it('a site without settings: empty appearance and prompts, no locale', async () => {
      const site = await createSite(t, { identity: ['accounts'], name: 'Bare' });
      const res = await config(site.id); // no Origin: a server or curl may read it too
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: site.id,
        name: 'Bare',
        identity: { accounts: true, host: false, guests: false },
        appearance: {},
        prompts: [],
      });
    });

    it('grants CORS to the site’s origins (wildcards included) and refuses others, disabled and unknown sites', async () => {
      const site = await createSite(t, {
        identity: ['guests'],
        origins: [uniqueOrigin('cfg'), 'https://*.cfg-wild.example.test'],
      });
      const listed = await config(site.id, site.origin);
      expect(listed.status).toBe(200);
      expect(listed.headers.get('access-control-allow-origin')).toBe(site.origin);
      const sub = 'https://shop.cfg-wild.example.test';
      const wild = await config(site.id, sub);
      expect(wild.status).toBe(200);
      expect(wild.headers.get('access-control-allow-origin')).toBe(sub);
      const preflight = await call('OPTIONS', `/api/sites/${site.id}/config`, {
        origin: site.origin,
        headers: { 'access-control-request-method': 'GET' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(site.origin);

      const stranger = uniqueOrigin('stranger');
      const refused = await config(site.id, stranger);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      expect(refused.body.error).toEqual({
        code: 'forbidden',
        message: `The site ${site.id} does not list the origin ${stranger}: add it (npm run sites -- update ${site.id} --origin ${stranger}).`,
      });
      // an origin another site lists is still not this site's
      const other = await createSite(t, { identity: ['guests'] });
      const crossed = await config(site.id, other.origin);
      expect(crossed.status).toBe(403);
      expect(crossed.body.error.message).toContain(`does not list the origin ${other.origin}`);
      const deniedPreflight = await call('OPTIONS', `/api/sites/${site.id}/config`, {
        origin: stranger,
        headers: { 'access-control-request-method': 'GET' },
      });
      expect(deniedPreflight.status).toBe(403);
      expect(deniedPreflight.headers.get('access-control-allow-origin')).toBeNull();

      await t.app.get(SitesService).setStatus(site.id, 'disabled');
      const disabled = await config(site.id, site.origin);
      expect(disabled.status).toBe(403);
      expect(disabled.body.error).toEqual({ code: 'forbidden', message: `The site ${site.id} is disabled.` });
      expect(disabled.headers.get('access-control-allow-origin')).toBeNull(); // its origins are refused

      const unknown = await config('no-such-site');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error).toEqual({ code: 'not_found', message: 'There is no site "no-such-site".' });
    });
  });

  describe('the chat turn asks the site', () => {
    it('applies the site’s chat_rate_limit to its users’ turns (REST chat and ChatKit); another site’s users keep the global limit', async () => {
      stub.reset();
      const limited = await createSite(t, { identity: ['host', 'guests', 'accounts'] });
      await updateSite(t, limited.id, { settings: { chat_rate_limit: SITE_CHAT_LIMIT } });
      const plain = await createSite(t, { identity: ['host'] });

      const a = await hostSession(t.url, limited, 'limited-1');
      expect((await turn('rest', a.jwt, 'hello', limited.origin)).status).toBe(200);
      expect((await turn('chatkit', a.jwt, 'hello', limited.origin)).status).toBe(200);
      expectRateLimited(await turn('rest', a.jwt, 'hello', limited.origin));
      expectRateLimited(await turn('chatkit', a.jwt, 'hello', limited.origin));
      expectRateLimited(await turn('rest', a.jwt, 'hello')); // the token's site, whatever the page

      // a guest of that site, too
      const g = await newGuest(t.url, limited);
      expect((await turn('chatkit', g.jwt, 'hello')).status).toBe(200);
      expect((await turn('rest', g.jwt, 'hello')).status).toBe(200);
      expectRateLimited(await turn('chatkit', g.jwt, 'hello'));

      // an account on that site's page counts against the site's limit; elsewhere, against the global one
      const account = await signUp(t.url);
      expect((await turn('rest', account.jwt, 'hello', limited.origin)).status).toBe(200);
      expect((await turn('chatkit', account.jwt, 'hello', limited.origin)).status).toBe(200);
      expectRateLimited(await turn('rest', account.jwt, 'hello', limited.origin));
      expect((await turn('rest', account.jwt, 'hello')).status).toBe(200); // 4th of the global 4

      const b = await hostSession(t.url, plain, 'plain-1');
      for (let i = 0; i < GLOBAL_CHAT_LIMIT; i++)
        expect((await turn(i % 2 ? 'chatkit' : 'rest', b.jwt, 'hello', plain.origin)).status).toBe(200);
      expectRateLimited(await turn('rest', b.jwt, 'hello', plain.origin));
      expectRateLimited(await turn('chatkit', b.jwt, 'hello', plain.origin));
    });

    it('sends the site’s instructions to a real model for its users’ turns, and not for another site’s', async () => {
      const site = await createSite(t, { identity: ['host', 'guests'] });
      await updateSite(t, site.id, { settings: { instructions: 'Answer like a ship’s captain.' } });
      const other = await createSite(t, { identity: ['host'] });
      const mine = await hostSession(t.url, site, 'captain-1');
      const theirs = await hostSession(t.url, other, 'landlubber-1');
      const guest = await newGuest(t.url, site);
      const withSite = (text: string, base = TODO_AGENT_INSTRUCTIONS) =>
        `${base}\n${SITE_INSTRUCTIONS_HEADING}\n${text}`;

      stub.reset();
      stub.reply({ text: ['Aye.'] }, { text: ['Aye.'] }, { text: ['Hello.'] }, { text: ['Aye.'] });
      const answers = [
        await turn('rest', mine.jwt, 'hello', site.origin),
        await turn('chatkit', mine.jwt, 'hello', site.origin),
        await turn('rest', theirs.jwt, 'hello', other.origin),
        await turn('rest', guest.jwt, 'hello', site.origin),
      ];
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      expect(answers[0].body.response).toBe('Aye.');
      expect(stub.requests.map((r) => r.body.messages![0])).toEqual([
        { role: 'system', content: withSite('Answer like a ship’s captain.') },
        {
          role: 'system',
          content: withSite(
            'Answer like a ship’s captain.',
            `${TODO_AGENT_INSTRUCTIONS}\n${LISTS_SHOWN_INSTRUCTION}`,
          ),
        },
        { role: 'system', content: TODO_AGENT_INSTRUCTIONS },
        { role: 'system', content: withSite('Answer like a ship’s captain.') },
      ]);
      // the user's words stay the user's: the instructions are only in the system message
      expect(JSON.stringify(stub.requests[2].body)).not.toContain('captain');

      // a change applies to the next turn; removed, nothing is added
      await updateSite(t, site.id, { settings: { instructions: 'Be brief.' } });
      stub.reset();
      await turn('rest', mine.jwt, 'hello', site.origin);
      expect(stub.requests[0].body.messages![0].content).toBe(withSite('Be brief.'));
      await updateSite(t, site.id, { settings: { instructions: null } });
      stub.reset();
      await turn('rest', mine.jwt, 'hello', site.origin);
      expect(stub.requests[0].body.messages![0].content).toBe(TODO_AGENT_INSTRUCTIONS);
    });
  });

  describe('usage', () => {
    const usageOf = (siteId: string, days = 1) => t.app.get(SitesService).usageOf(siteId, days);

    /** Usage is recorded off the request path: polls until `done` holds, for a few seconds at most. */
    async function usageWhen(siteId: string, done: (r: UsageReport) => boolean): Promise<UsageReport> {
      const deadline = Date.now() + 5_000;
      for (;;) {
        const report = await usageOf(siteId);
        if (done(report) || Date.now() > deadline) return report;
        await new Promise((r) => setTimeout(r, 50));
      }
    }

    it('counts a site’s turns, tool calls by tool, distinct active users and errors per day; another site’s usage is its own', async () => {
      const site = await createSite(t, { identity: ['host'] });
      const other = await createSite(t, { identity: ['host'] });
      const [u1, u2, u3, v1] = await Promise.all([
        hostSession(t.url, site, 'usage-1'),
        hostSession(t.url, site, 'usage-2'),
        hostSession(t.url, site, 'usage-3'),
        hostSession(t.url, other, 'usage-other'),
      ]);
      const otherBefore = await usageOf(other.id);

      stub.reset();
      stub.reply(
        {
          toolCalls: [{ id: 'call_add', name: 'add_task', arguments: JSON.stringify({ title: 'Buy milk' }) }],
        },
        { text: ['Added task 1: “Buy milk”.'] },
        {
          toolCalls: [{ id: 'call_list', name: 'list_tasks', arguments: JSON.stringify({ status: 'all' }) }],
        },
        { text: ['Here they are.'] },
        { text: ['Hello!'] },
      );
      const added = await turn('rest', u1.jwt, 'add buy milk', site.origin);
      expect(added.body.tool_calls).toMatchObject([{ name: 'add_task', output: { status: 'created' } }]);
      const listed = await turn('chatkit', u1.jwt, 'show my tasks', site.origin);
      expect(listed.status).toBe(200);
      expect(listed.text).toContain('Buy milk');
      expect((await turn('rest', u2.jwt, 'hello', site.origin)).body.response).toBe('Hello!');
      // a model that fails (500 on the first call and on every retry)
      stub.reply(...Array.from({ length: 3 }, () => ({ status: 500, body: '{"error":{"message":"boom"}}' })));
      const failed = await turn('rest', u3.jwt, 'add eggs', site.origin);
      expect(failed.status).toBe(503);
      stub.reset();
      stub.reply({ text: ['Hi.'] });
      expect((await turn('rest', v1.jwt, 'hello', other.origin)).status).toBe(200);

      const report = await usageWhen(site.id, (r) => r.totals.turns >= 4 && r.totals.errors >= 1);
      const today = new Date().toISOString().slice(0, 10);
      expect(report.site).toBe(site.id);
      expect(report.days).toEqual([
        {
          day: today,
          turns: 4,
          tool_calls: { add_task: 1, list_tasks: 1 },
          active_users: 3,
          errors: 1,
        },
      ]);
      expect(report.totals).toEqual({
        turns: 4,
        tool_calls: { add_task: 1, list_tasks: 1 },
        active_users: 3,
        errors: 1,
      });
      // over a week: the same totals, older days empty
      const week = await usageOf(site.id, 7);
      expect(week.days).toHaveLength(7);
      expect(week.totals).toEqual(report.totals);
      expect(week.days.slice(0, 6).every((d) => d.turns === 0 && d.active_users === 0)).toBe(true);

      const otherReport = await usageWhen(other.id, (r) => r.totals.turns >= otherBefore.totals.turns + 1);
      expect(otherReport.totals).toEqual({ turns: 1, tool_calls: {}, active_users: 1, errors: 0 });

      // refused turns run nothing and count nothing
      const limited = await createSite(t, { identity: ['host'] });
      await updateSite(t, limited.id, { settings: { chat_rate_limit: 1 } });
      const w = await hostSession(t.url, limited, 'usage-limited');
      stub.reset();
      expect((await turn('rest', w.jwt, 'hello', limited.origin)).status).toBe(200);
      expectRateLimited(await turn('rest', w.jwt, 'hello', limited.origin));
      const limitedReport = await usageWhen(limited.id, (r) => r.totals.turns >= 1);
      expect(limitedReport.totals).toEqual({ turns: 1, tool_calls: {}, active_users: 1, errors: 0 });
      expect(stub.requests).toHaveLength(1);
    });
  });
});
