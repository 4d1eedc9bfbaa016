import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ChatKitClient, userInput } from '../support/chatkit-client';
import {
  AttackerFixture,
  isolationCases,
  prepareAttacker,
  seedVictim,
  VictimFixture,
} from '../support/isolation';
import { createSite, guestSession, hostSession } from '../support/sites';
import { startTestApp, TestApp } from '../support/test-app';
import { connectTestDb, rowsOf } from '../support/user-rows';
import { api, signUp } from '../support/users';

jest.setTimeout(60_000);

const PRINCIPALS = ['account', 'host user of site A', 'host user of site B (same sub)', 'guest'] as const;
type Principal = (typeof PRINCIPALS)[number];

/**
 * The four kinds of user one backend serves, side by side: an account, a host user of site A, a host user of
 * site B with the very same `sub` (and, on site A, the account's email), and a guest of a guests site. Each owns
 * tasks, ChatKit threads and a REST conversation (the shared matrix of test/support/isolation.ts); each in turn
 * is the victim of the three others, who aim every route of REST tasks, REST chat, ChatKit and every MCP tool at
 * its numbers and ids. Task numbers are disjoint per user, so a number aimed at the victim can only reach the
 * victim's task. No answer may carry the victim's marker and an SQL snapshot of the victim's rows must not move.
 */
describe('sites isolation: host users of two sites with one sub, a guest and an account', () => {
  let t: TestApp;
  let db: Client;
  const victims = {} as Record<Principal, VictimFixture>;
  const attackers = {} as Record<Principal, AttackerFixture>;
  const extraSecrets = {} as Record<Principal, string[]>;

  beforeAll(async () => {
    t = await startTestApp({ CHAT_RATE_LIMIT_PER_MINUTE: '10000', GUEST_RATE_LIMIT_PER_MINUTE: '1000' });
    db = await connectTestDb();
    const [siteA, siteB, siteG] = await Promise.all([
      createSite(t, { identity: ['host'] }),
      createSite(t, { identity: ['host'] }),
      createSite(t, { identity: ['guests'] }),
    ]);
    const account = await signUp(t.url, 'Account Holder');
    const users: Record<Principal, { id: string; jwt: string }> = {
      account,
      // Site A's server names the account's email for its user: information, never an identity.
      'host user of site A': await hostSession(t.url, siteA, 'shared-sub', {
        name: 'Shared Sub',
        email: account.email,
      }),
      'host user of site B (same sub)': await hostSession(t.url, siteB, 'shared-sub', { name: 'Shared Sub' }),
      guest: await guestSession(t.url, siteG),
    };
    expect(new Set(Object.values(users).map((u) => u.id)).size).toBe(4);
    extraSecrets.account = [account.email];
    for (const [i, who] of PRINCIPALS.entries()) {
      // Numbers 101…, 201…, 301…, 401…: a number aimed at one user's task is never another's.
      victims[who] = await seedVictim(t, users[who], `victim-${randomUUID().slice(0, 8)}`, (i + 1) * 100);
      extraSecrets[who] ??= [];
    }
    for (const who of PRINCIPALS) attackers[who] = await prepareAttacker(t, users[who]);
  });
  afterAll(async () => {
    await Promise.all(Object.values(attackers).map((a) => a.mcp.close()));
    await db.end();
    await t.close();
  });

  it('the fixtures are what the matrix needs: disjoint task numbers, two users with one sub on two sites', async () => {
    for (const [i, who] of PRINCIPALS.entries())
      expect(victims[who].taskNumbers).toEqual([1, 2, 3, 4, 5].map((n) => (i + 1) * 100 + n));
    const { rows } = await db.query(
      `SELECT site_id, user_id FROM site_users WHERE subject = 'shared-sub' AND user_id = ANY($1)`,
      [[victims['host user of site A'].user.id, victims['host user of site B (same sub)'].user.id]],
    );
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.site_id)).size).toBe(2);
  });

  it.each(PRINCIPALS)(
    'the %s as victim: the three others, at once, on every route and tool — nothing leaks, no row of theirs moves',
    async (victimName) => {
      const victim = victims[victimName];
      const before = await rowsOf(db, victim.user.id);
      expect(before.tasks).toHaveLength(5);
      expect(before.chat_thread_items.length).toBeGreaterThanOrEqual(10);
      const secrets = [victim.mark, ...extraSecrets[victimName]].map((s) => s.toLowerCase());
      const problems: string[] = [];
      let count = 0;
      await Promise.all(
        PRINCIPALS.filter((who) => who !== victimName).map(async (attackerName) => {
          const cases = isolationCases(
            () => t.url,
            () => attackers[attackerName],
            () => victim,
          );
          for (const [area, request, status, run] of cases) {
            const res = await run();
            count++;
            const where = `${attackerName} → ${area} ${request}`;
            if (res.status !== status) problems.push(`${where}: ${res.status}, expected ${status}`);
            for (const secret of secrets)
              if (res.text.toLowerCase().includes(secret))
                problems.push(`${where}: the answer carries ${secret}`);
          }
        }),
      );
      expect(problems).toEqual([]);
      expect(count).toBeGreaterThanOrEqual(3 * 120);
      expect(await rowsOf(db, victim.user.id)).toEqual(before);
    },
  );

  it.each(PRINCIPALS)('the %s asks the assistant for its tasks: only its own are listed', async (who) => {
    const own = victims[who];
    const others = PRINCIPALS.filter((p) => p !== who).map((p) => victims[p].mark);
    const rest = await api(t.url, own.user.jwt).post('/api/chat', { message: 'show my tasks' });
    expect(rest.status).toBe(200);
    const ck = await new ChatKitClient(t.url, own.user.jwt).stream('threads.create', {
      input: userInput('show my tasks'),
    });
    expect(ck.status).toBe(200);
    for (const answer of [rest.text, JSON.stringify(ck.events)].map((s) => s.toLowerCase())) {
      expect(answer).toContain(own.mark);
      for (const mark of others) expect(answer).not.toContain(mark);
    }
    // The widget lists the user's own task numbers and nobody else's.
    const widget = ck.events.find((e) => e.type === 'thread.item.done' && e.item.type === 'widget')!.item;
    const keys = widget.widget.children.map((row: any) => row.key as string);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(own.taskNumbers.map((n) => `task-${n}`)).toContain(key);
  });
});
