import { request as httpRequest } from 'node:http';
import { randomInt } from 'node:crypto';
import { Client } from 'pg';
import { ChatKitClient, userInput } from '../support/chatkit-client';
import { connectHttp } from '../support/mcp-clients';
import { startTestApp, TestApp } from '../support/test-app';
import { createTokenUser } from '../support/user-factory';
import { connectTestDb } from '../support/user-rows';
import { api } from '../support/users';

// The projects' testTimeout is not applied per project (jest reads it globally): allow for 2 busy cores.
jest.setTimeout(30_000);

const CHAT_LIMIT = 3;
const AUTH_LIMIT = 3;

interface Minted {
  id: string;
  jwt: string;
}

interface Answer {
  status: number;
  retryAfter: string | null;
  contentType: string | null;
  body: any;
}

/**
 * Rate limits: chat turns per user (`CHAT_RATE_LIMIT_PER_MINUTE`) hold under concurrency and for every kind of
 * turn, limit only the user who exceeds them; the auth limit stops password guessing per client address, which
 * no header can change. Users are made by the factory and given minted tokens, so no sign-up counts against
 * the auth limit here; auth attempts come from their own loopback source addresses (127.x.y.z).
 */
describe('rate limits', () => {
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    t = await startTestApp({
      CHAT_RATE_LIMIT_PER_MINUTE: String(CHAT_LIMIT),
      AUTH_RATE_LIMIT_PER_MINUTE: String(AUTH_LIMIT),
    });
    db = await connectTestDb();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const mint = (): Promise<Minted> => createTokenUser(t.app);

  async function post(user: Minted, path: string, body: unknown): Promise<Answer> {
    const res = await fetch(`${t.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.jwt}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    const contentType = res.headers.get('content-type');
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      contentType,
      body: contentType?.startsWith('application/json') ? JSON.parse(text) : text,
    };
  }

  const turnKinds = (user: Minted, i: number): Array<() => Promise<Answer>> => [
    () => post(user, '/api/chat', { message: `add rest ${i}` }),
    () => post(user, '/api/chat/stream', { message: `add stream ${i}` }),
    () => post(user, `/api/${user.id}/chat`, { message: `add own path ${i}` }),
    () => post(user, '/api/chatkit', { type: 'threads.create', params: { input: userInput(`add ck ${i}`) } }),
  ];

  const storedMessages = async (userId: string) =>
    Number(
      (
        await db.query(
          "SELECT count(*) FROM chat_thread_items WHERE user_id = $1 AND type = 'user_message'",
          [userId],
        )
      ).rows[0].count,
    );

  function expectLimited(res: Answer): void {
    expect(res.status).toBe(429);
    expect(res.contentType).toMatch(/^application\/json/); // a refusal, never a stream
    expect(res.body.error.code).toBe('rate_limited');
    expect(Number(res.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(res.retryAfter)).toBeLessThanOrEqual(60);
  }

  it('a burst of concurrent turns of every kind: exactly the limit run, the rest get 429 and store nothing', async () => {
    const user = await mint();
    const burst = Array.from({ length: 12 }, (_, i) => turnKinds(user, i)[i % 4]);
    const answers = await Promise.all(burst.map((send) => send()));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array(CHAT_LIMIT).fill(200), ...Array(12 - CHAT_LIMIT).fill(429)]);
    for (const a of answers.filter((x) => x.status === 429)) expectLimited(a);
    expect(await storedMessages(user.id)).toBe(CHAT_LIMIT);
  });

  it('retries and follow-up messages are turns too: they count, then answer 429', async () => {
    const user = await mint();
    const ck = new ChatKitClient(t.url, user.jwt);
    const created = await ck.stream('threads.create', { input: userInput('add buy milk') });
    const thread = created.events[0].thread.id;
    const item = created.events[1].item.id;
    const retry = () =>
      post(user, '/api/chatkit', {
        type: 'threads.retry_after_item',
        params: { thread_id: thread, item_id: item },
      });
    expect((await retry()).status).toBe(200);
    expect((await retry()).status).toBe(200);
    expectLimited(await retry()); // 1 message + 2 retries = 3 turns
    expectLimited(
      await post(user, '/api/chatkit', {
        type: 'threads.add_user_message',
        params: { thread_id: thread, input: userInput('add eggs') },
      }),
    );
    expectLimited(await post(user, '/api/chat', { message: 'add eggs', conversation_id: thread }));
    expect(await storedMessages(user.id)).toBe(1);
  });

  it('limits only the user who exceeds it: others’ turns and the limited user’s reads go on', async () => {
    const limited = await mint();
    for (const send of turnKinds(limited, 0).slice(0, CHAT_LIMIT)) expect((await send()).status).toBe(200);
    const others = await Promise.all([mint(), mint(), mint()]);
    // the limited user keeps hammering while the others chat, all at once
    const [hammer, ...theirs] = await Promise.all([
      Promise.all(Array.from({ length: 8 }, (_, i) => turnKinds(limited, i)[i % 4]())),
      ...others.map((u) =>
        Promise.all(
          turnKinds(u, 1)
            .slice(1)
            .map((send) => send()),
        ),
      ),
    ]);
    for (const a of hammer) expectLimited(a);
    for (const answers of theirs) expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    for (const u of others) expect(await storedMessages(u.id)).toBe(3);

    const reads = api(t.url, limited.jwt);
    expect((await reads.get('/api/tasks')).status).toBe(200);
    expect((await reads.get('/api/chat/conversations')).status).toBe(200);
    expect((await reads.post('/api/chatkit', { type: 'threads.list', params: {} })).status).toBe(200);
    expect((await reads.post('/api/tasks', { title: 'still allowed' })).status).toBe(201);
    const mcp = await connectHttp(t.url, limited.jwt);
    expect((await mcp.call('list_tasks', {})).isError).toBeFalsy();
    await mcp.close();
  });

  describe('auth endpoints, against password guessing', () => {
    /** A POST to better-auth from a chosen loopback source address (the address it limits by). */
    function authPost(
      from: string,
      path: string,
      body: unknown,
      headers: Record<string, string> = {},
    ): Promise<{ status: number; retryAfter: string | undefined }> {
      return new Promise((resolve, reject) => {
        const req = httpRequest(
          `${t.url}/api/auth${path}`,
          {
            method: 'POST',
            localAddress: from,
            headers: { 'content-type': 'application/json', origin: t.url, ...headers },
          },
          (res) => {
            res.resume();
            res.on('end', () => {
              const h = res.headers['x-retry-after'] ?? res.headers['retry-after'];
              resolve({ status: res.statusCode ?? 0, retryAfter: Array.isArray(h) ? h[0] : h });
            });
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify(body));
      });
    }
    const address = () => `127.${randomInt(1, 250)}.${randomInt(1, 250)}.${randomInt(2, 250)}`;

    it('stops guessing from one address whatever forwarding headers say, and leaves other clients alone', async () => {
      const guesser = address();
      const other = address();
      const email = `guessed-${randomInt(1e9)}@example.test`;
      const password = 'the-right-password-123';
      expect((await authPost(other, '/sign-up/email', { email, password, name: 'Target' })).status).toBe(200);

      const guess = (headers: Record<string, string> = {}, pw = 'wrong-password-000') =>
        authPost(guesser, '/sign-in/email', { email, password: pw }, headers);
      for (let i = 0; i < AUTH_LIMIT; i++) expect((await guess()).status).toBe(401);
      const limited = await guess();
      expect(limited.status).toBe(429);
      expect(Number(limited.retryAfter)).toBeGreaterThan(0);
      const spoofs: Array<Record<string, string>> = [
        { 'x-forwarded-for': other },
        { 'x-forwarded-for': '203.0.113.7, 127.0.0.1' },
        { 'x-real-ip': '198.51.100.9' },
        { 'x-todo-client-ip': other }, // the header our own mount sets: overwritten from the socket
        { forwarded: 'for=192.0.2.60' },
        { 'cf-connecting-ip': '192.0.2.61' },
        { 'true-client-ip': '192.0.2.62' },
      ];
      for (const spoof of spoofs)
        expect({ spoof, status: (await guess(spoof)).status }).toEqual({ spoof, status: 429 });
      expect((await guess({}, password)).status).toBe(429); // even the right password, until the window ends

      expect((await authPost(other, '/sign-in/email', { email, password })).status).toBe(200);
      // sign-up is limited the same way (no account farming from one address)
      const signUps: number[] = [];
      for (let i = 0; i <= AUTH_LIMIT; i++)
        signUps.push(
          (
            await authPost(guesser, '/sign-up/email', {
              email: `farm-${i}-${randomInt(1e9)}@example.test`,
              password,
              name: 'Farm',
            })
          ).status,
        );
      expect(signUps).toEqual([...Array(AUTH_LIMIT).fill(200), 429]);
    });
  });
});
