import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ChatKitClient, Ev, userInput } from '../support/chatkit-client';
import {
  AttackerFixture,
  isolationCases,
  prepareAttacker,
  seedVictim,
  VictimFixture,
} from '../support/isolation';
import { readNamedEvents } from '../support/sse-events';
import { startTestApp, TestApp } from '../support/test-app';
import { connectTestDb, rowsOf, UserRows } from '../support/user-rows';
import { api, signUp, TestUser } from '../support/users';

// The projects' testTimeout is not applied per project (jest reads it globally): allow for 2 busy cores.
jest.setTimeout(30_000);

/**
 * The isolation matrix: an attacker holding a valid token of their own aims every route of REST tasks, REST
 * chat, ChatKit (each request type) and every MCP tool at a victim's task numbers, thread ids and item ids.
 * No answer may carry any of the victim's data, and an SQL snapshot of every row the victim owns (tasks,
 * task_counters, chat_threads, chat_thread_items, all columns) must be identical after the run.
 * (test/chatkit/isolation.spec.ts checks the ChatKit error shapes in detail; this is the whole surface at once.)
 */
describe('isolation matrix: every route, tool and request type against another user’s data', () => {
  // Every piece of the victim's content carries this marker: finding it in an answer to the attacker is a leak.
  const MARK = `victim-${randomUUID().slice(0, 8)}`;
  let t: TestApp;
  let db: Client;
  let victim: TestUser;
  let attacker: TestUser;
  let v: VictimFixture;
  let a: AttackerFixture;
  let before: UserRows;

  beforeAll(async () => {
    t = await startTestApp();
    db = await connectTestDb();
    [victim, attacker] = await Promise.all([signUp(t.url, 'Victim'), signUp(t.url, 'Attacker')]);
    v = await seedVictim(t, victim, MARK);
    a = await prepareAttacker(t, attacker);
    before = await rowsOf(db, victim.id);
    expect(v.taskNumbers).toEqual([1, 2, 3, 4, 5]);
    expect(before.tasks).toHaveLength(5);
    expect(before.user_settings).toEqual([expect.objectContaining({ time_zone: 'Pacific/Auckland' })]);
    expect(before.chat_thread_items.length).toBeGreaterThanOrEqual(10);
  });
  afterAll(async () => {
    await a.mcp.close();
    await db.end();
    await t.close();
  });

  // The victim has tasks 1-5 (checked above); the cases also aim at 6.
  const matrix = isolationCases(
    () => t.url,
    () => a,
    () => v,
    [1, 2, 3, 4, 5],
  );

  it.each(matrix)('%s: %s → %i, nothing of the victim in the answer', async (_area, _name, status, run) => {
    const res = await run();
    expect(res.status).toBe(status);
    expect(res.text.toLowerCase()).not.toContain(MARK); // the model capitalises titles
    expect(res.text).not.toContain(victim.email);
  });

  it("leaves every row of the victim's exactly as it was (SQL snapshot of all five tables)", async () => {
    expect(matrix.length).toBeGreaterThanOrEqual(90);
    expect(await rowsOf(db, victim.id)).toEqual(before);
    // and the attacker's lists hold only the attacker's own conversations (no tasks were created for them)
    const own = await rowsOf(db, attacker.id);
    expect(own.tasks).toEqual([]);
    expect(own.chat_threads.map((r: any) => r.user_id)).toEqual(own.chat_threads.map(() => attacker.id));
  });

  it("never streams one user's task changes to another user's turn running at the same time", async () => {
    const victimRest = api(t.url, victim.jwt);
    const attackerCk = new ChatKitClient(t.url, attacker.jwt);
    const attackerStream = async (i: number) => {
      const res = await fetch(`${t.url}/api/chat/stream`, {
        method: 'POST',
        headers: { authorization: `Bearer ${attacker.jwt}`, 'content-type': 'application/json' },
        body: JSON.stringify({ message: `add own errand ${i}` }),
      });
      return JSON.stringify(await readNamedEvents(res));
    };
    const [victimWrites, ckStreams, restStreams] = await Promise.all([
      Promise.all(
        Array.from({ length: 12 }, (_, i) => victimRest.post('/api/tasks', { title: `${MARK} burst ${i}` })),
      ),
      Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          attackerCk.stream('threads.create', { input: userInput(`add own chore ${i}`) }),
        ),
      ),
      Promise.all(Array.from({ length: 6 }, (_, i) => attackerStream(i))),
    ]);
    expect(victimWrites.map((r) => r.status)).toEqual(Array(12).fill(201));
    const effects = ckStreams.flatMap((s) => s.events.filter((e: Ev) => e.type === 'client_effect'));
    // A turn reports every change of its own user while it runs (their other turns' too), never another's.
    expect(effects.length).toBeGreaterThanOrEqual(6);
    for (const e of effects)
      for (const change of e.data.changes) expect(change.title).toMatch(/^Own (chore|errand) \d$/);
    for (const s of ckStreams) expect(JSON.stringify(s.events).toLowerCase()).not.toContain(MARK);
    for (const s of restStreams) {
      expect(s).toContain('"tasks_changed"');
      expect(s.toLowerCase()).not.toContain(MARK);
    }
  });
});
