import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { LIST_TASKS_MAX } from '../src/mcp/tools/list-tasks.tool';
import { TasksService } from '../src/tasks/tasks.service';
import { ChatKitClient, userInput } from '../test/support/chatkit-client';
import { connectInProcess, textOf } from '../test/support/mcp-clients';
import { TestUser } from '../test/support/users';
import { benchDatabase, signUp, sqlFloor, startBenchApp, report, Stats, statsOf } from './support';

const LARGE_TASKS = 10_000;
const SMALL_TASKS = 20;
const LARGE_THREAD_ITEMS = 5_000;
const SMALL_THREAD_TURNS = 5; // ~20 items
/** A large figure more than this many times the small one is flagged (the issue's bar). */
const MAX_RATIO = 2;

const WORDS = ['Buy milk', 'Call mom', 'Pay rent', 'Book dentist', 'Water plants'];
const MORE = ['Email report', 'Fix bike', 'Read chapter', 'Walk dog', 'Plan trip'];
const title = (i: number) => `${[...WORDS, ...MORE][i % 10]} ${i}`;
const DAY = 86_400_000;
const PRIORITIES = ['high', 'medium', 'low', null] as const;
/**
 * The new fields spread over the tasks: a priority on 3 in 4, "work" on 1 in 5, "home" on 1 in 7, "rare" on 1 in
 * 500, and due dates on 2 in 3, from 30 days ago to 60 days ahead (so ~1 in 3 overdue, a few due each day).
 */
function fieldsOf(i: number) {
  const tags = [
    ...(i % 5 === 0 ? ['work'] : []),
    ...(i % 7 === 0 ? ['home'] : []),
    ...(i % 500 === 0 ? ['rare'] : []),
  ];
  const due =
    i % 3 === 1 ? null : new Date(Date.now() + (((i * 37) % 90) - 30) * DAY).toISOString().slice(0, 10);
  return { priority: PRIORITIES[i % 4], tags, due };
}

/**
 * One ChatKit streaming request read to the end; throws on a non-200 answer or an `error` event.
 * Resolves with the bytes streamed (a list turn's size is part of what is measured).
 */
async function stream(url: string, token: string, type: string, params: unknown): Promise<number> {
  const res = await fetch(`${url}/api/chatkit`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type, params }),
  });
  if (res.status !== 200) throw new Error(`${type} refused: ${res.status} ${await res.text()}`);
  const text = await res.text();
  if (text.includes('"type":"error"')) throw new Error(`${type} failed: ${text.slice(-300)}`);
  return Buffer.byteLength(text);
}

async function threadOf(url: string, user: TestUser, first: string): Promise<string> {
  const ck = new ChatKitClient(url, user.jwt);
  for await (const e of ck.events('threads.create', { input: userInput(first) }))
    if (e.type === 'thread.created') return e.thread.id as string;
  throw new Error('threads.create sent no thread.created');
}

async function json(ck: ChatKitClient, type: string, params: unknown): Promise<any> {
  const r = await ck.json(type, params);
  if (r.status !== 200) throw new Error(`${type}: ${r.status} ${r.text.slice(0, 300)}`);
  return r.body;
}

async function get(url: string, token: string, path: string): Promise<any> {
  const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

type Pager = (cursor: string | undefined) => Promise<string | undefined>;

/**
 * Walks the large data's pages to the end once, and the small data's again and again meanwhile, a page of
 * each in turn (so a change in the machine's load hits both alike), timing every page. A pager fetches one
 * page from a cursor (undefined: the first) and answers the next cursor (undefined: the end).
 */
async function walkBoth(small: Pager, large: Pager) {
  const latencies = { small: [] as number[], large: [] as number[] };
  const timed = async (which: 'small' | 'large', pager: Pager, cursor: string | undefined) => {
    const t0 = performance.now();
    const next = await pager(cursor);
    latencies[which].push(performance.now() - t0);
    return next;
  };
  const start = performance.now();
  let smallCursor: string | undefined;
  let largeCursor: string | undefined;
  let inWalk = 0;
  let smallWalk: number | undefined; // pages of one small walk
  do {
    smallCursor = await timed('small', small, smallCursor);
    inWalk++;
    if (smallCursor === undefined) {
      smallWalk ??= inWalk;
      inWalk = 0;
    }
    largeCursor = await timed('large', large, largeCursor);
  } while (largeCursor !== undefined);
  const seconds = (performance.now() - start) / 1000;
  return {
    small: statsOf(latencies.small, seconds),
    large: statsOf(latencies.large, seconds),
    pages: { small: smallWalk ?? inWalk, large: latencies.large.length },
  };
}

/**
 * Calls each of `fns` in turn, `n` times after `warmup` rounds, timing each: alternating, a change in the
 * machine's load (it is shared) hits all alike. Stats per function, in order.
 */
async function alternate(n: number, warmup: number, fns: Array<() => Promise<unknown>>): Promise<Stats[]> {
  const latencies = fns.map(() => [] as number[]);
  const start = performance.now();
  for (let i = -warmup; i < n; i++) {
    for (const [k, fn] of fns.entries()) {
      const t0 = performance.now();
      await fn();
      if (i >= 0) latencies[k].push(performance.now() - t0);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  return latencies.map((l) => statsOf(l, seconds));
}

const rows: string[][] = [];

/** Prints small and large side by side with the p50 ratio, flagging ratios over the bar. */
function compare(label: string, small: Stats, large: Stats, note = ''): void {
  const ratio = large.p50 / small.p50;
  const flag = ratio > MAX_RATIO ? `  <-- over ${MAX_RATIO}x` : '';
  const f = (s: Stats) => `p50 ${s.p50.toFixed(2).padStart(7)} p99 ${s.p99.toFixed(2).padStart(7)}`;
  console.log(
    `${label.padEnd(50)} small ${f(small)} | large ${f(large)} ms | ${ratio.toFixed(2)}x${flag}${note ? `  ${note}` : ''}`,
  );
  rows.push([label, small.p50.toFixed(2), large.p50.toFixed(2), `${ratio.toFixed(2)}x`]);
}

/**
 * Small vs large data for one user: 20 vs 10,000 tasks and a short thread vs one of 5,000 items.
 * REST task listing (first pages, sorts, filters, search, cursor paging to the end), MCP list_tasks, ChatKit
 * threads.get_by_id / items.list (first page and paging to the end) and new turns — the large figure should
 * stay within 2x of the small one. Everything is seeded through the real paths (ChatKit turns, TasksService).
 */
/** A date `days` from today (UTC), as a filter bound. */
const dayFrom = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

export async function run(): Promise<void> {
  const db = await benchDatabase();
  const t = await startBenchApp(db, { DB_POOL_MAX: '16' });
  const sql = new Client({ connectionString: db.url });
  await sql.connect();
  try {
    console.log(
      `\n## Large data: ${LARGE_TASKS} tasks and a ${LARGE_THREAD_ITEMS}-item thread (${db.kind} database)`,
    );
    report('bare SQL floor: insert + select', await sqlFloor(db.url));
    const small = await signUp(t.url, 'Small data');
    const large = await signUp(t.url, 'Large data');
    const tasks = t.app.get(TasksService);
    const itemCount = async (threadId: string) =>
      Number(
        (await sql.query('SELECT count(*) AS n FROM chat_thread_items WHERE thread_id = $1', [threadId]))
          .rows[0].n,
      );

    // Threads first: their "add …" turns number tasks like any other.
    let seeded = performance.now();
    const smallThread = await threadOf(t.url, small, 'add the first task');
    for (let i = 0; i < SMALL_THREAD_TURNS - 1; i++)
      await stream(t.url, small.jwt, 'threads.add_user_message', {
        thread_id: smallThread,
        input: userInput(`add ${title(i)}`),
      });
    const largeThread = await threadOf(t.url, large, 'add the first task');
    let turns = 1;
    while ((await itemCount(largeThread)) < LARGE_THREAD_ITEMS) {
      await Promise.all(
        Array.from({ length: 100 }, (_, k) =>
          stream(t.url, large.jwt, 'threads.add_user_message', {
            thread_id: largeThread,
            input: userInput(`add ${title(turns + k)}`),
          }),
        ),
      );
      turns += 100;
    }
    const [smallItems, largeItems] = [await itemCount(smallThread), await itemCount(largeThread)];
    console.log(
      `seeded threads: ${smallItems} and ${largeItems} items (${turns} turns) in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
    );

    // Then the tasks, through TasksService.create (the counter-row numbering path), 8 at a time.
    seeded = performance.now();
    const topUp = async (user: TestUser, total: number) => {
      const have = Number(
        (await sql.query('SELECT count(*) AS n FROM tasks WHERE user_id = $1', [user.id])).rows[0].n,
      );
      let next = have;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < total) {
            const i = next++;
            await tasks.create(user.id, {
              title: title(i),
              description: i % 4 === 0 ? `note ${i}` : null,
              ...fieldsOf(i),
            });
          }
        }),
      );
    };
    await topUp(small, SMALL_TASKS);
    await topUp(large, LARGE_TASKS);
    const mid = await signUp(t.url, 'Cap-sized data');
    await topUp(mid, LIST_TASKS_MAX);
    // Every third task done, so pending/completed filters have both. Then what autovacuum does soon after this
    // many inserts: statistics, and the GIN pending lists of the trigram indexes merged (until then the planner
    // prices them high and keeps scanning the user's tasks for `q=`).
    await sql.query(
      `UPDATE tasks SET completed = true, completed_at = now(), updated_at = now()
       WHERE user_id = ANY($1) AND number % 3 = 0`,
      [[small.id, large.id, mid.id]],
    );
    await sql.query('VACUUM ANALYZE');
    console.log(`seeded tasks in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

    const both = (n: number, fn: (u: TestUser, threadId: string) => Promise<unknown>) =>
      alternate(n, 10, [() => fn(small, smallThread), () => fn(large, largeThread)]);

    console.log('\n### REST /api/tasks (1 client)');
    for (const [label, query] of [
      ['GET /api/tasks first page (50, created asc)', ''],
      ['GET /api/tasks newest first (created desc)', '?order=desc'],
      ['GET /api/tasks?status=pending', '?status=pending'],
      ['GET /api/tasks?sort=title', '?sort=title'],
      ['GET /api/tasks?sort=updated&order=desc', '?sort=updated&order=desc'],
      ['GET /api/tasks?q=dentist (1 in 10 match)', '?q=dentist'],
      ['GET /api/tasks?q=zebra (no match)', '?q=zebra'],
      ['GET /api/tasks?priority=high (1 in 4)', '?priority=high'],
      ['GET /api/tasks?tag=work (1 in 5)', '?tag=work'],
      ['GET /api/tasks?tag=rare (1 in 500)', '?tag=rare'],
      ['GET /api/tasks?tag=work&tag=home (1 in 35)', '?tag=work&tag=home'],
      ['GET /api/tasks?due=overdue (pending, ~1 in 5)', '?due=overdue'],
      ['GET /api/tasks?due=today', '?due=today'],
      ['GET /api/tasks?due=week', '?due=week'],
      ['GET /api/tasks?due=none (1 in 3)', '?due=none'],
      [
        'GET /api/tasks?due_after=…&due_before=… (a fortnight)',
        `?due_after=${dayFrom(10)}&due_before=${dayFrom(24)}`,
      ],
      ['GET /api/tasks?sort=due', '?sort=due'],
      ['GET /api/tasks?sort=priority', '?sort=priority'],
      ['GET /api/tasks?status=pending&due=week&sort=priority', '?status=pending&due=week&sort=priority'],
    ] as const) {
      const [s, l] = await both(200, (u) => get(t.url, u.jwt, `/api/tasks${query}`));
      compare(label, s, l);
    }
    const pager = (u: TestUser, extra: string) => async (cursor: string | undefined) => {
      const page = await get(
        t.url,
        u.jwt,
        `/api/tasks?limit=100${extra}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      return page.has_more ? (page.next_cursor as string) : undefined;
    };
    for (const [label, extra] of [
      ['paging limit=100 to the end, per page (created)', ''],
      ['paging limit=100 to the end, per page (title)', '&sort=title'],
      ['paging limit=100 to the end, per page (pending)', '&status=pending'],
      ['paging limit=100 to the end, per page (sort=due)', '&sort=due'],
      ['paging limit=100 to the end, per page (sort=priority)', '&sort=priority'],
      ['paging limit=100 to the end, per page (tag=work)', '&tag=work'],
    ] as const) {
      const w = await walkBoth(pager(small, extra), pager(large, extra));
      compare(label, w.small, w.large, `(${w.pages.small} vs ${w.pages.large} pages)`);
    }

    console.log('\n### MCP list_tasks, in process (1 client)');
    const mcp = {
      small: await connectInProcess(t.app, small.jwt),
      mid: await connectInProcess(t.app, mid.jwt),
      large: await connectInProcess(t.app, large.jwt),
    };
    for (const args of [
      { status: 'all' },
      { status: 'pending' },
      { status: 'pending', due: 'week', sort: 'due' },
      { status: 'pending', sort: 'priority' },
      { status: 'all', tags: ['work'] },
    ]) {
      const size = async (c: typeof mcp.small) => textOf(await c.call('list_tasks', args)).length;
      const [sBytes, lBytes] = [await size(mcp.small), await size(mcp.large)];
      const [s, m, l] = await alternate(
        100,
        10,
        [mcp.small, mcp.mid, mcp.large].map((c) => () => c.call('list_tasks', args)),
      );
      compare(
        `list_tasks ${JSON.stringify(args)}`,
        s,
        l,
        `(output ${sBytes} vs ${lBytes} chars: at most ${LIST_TASKS_MAX} tasks are listed; ` +
          `${LIST_TASKS_MAX} tasks: p50 ${m.p50.toFixed(2)} ms, ${(l.p50 / m.p50).toFixed(2)}x)`,
      );
    }
    await mcp.small.close();
    await mcp.mid.close();
    await mcp.large.close();

    console.log(`\n### ChatKit, a thread of ${smallItems} vs ${largeItems} items (1 client)`);
    const ck = (u: TestUser) => new ChatKitClient(t.url, u.jwt);
    {
      const [s, l] = await both(200, (u, id) => json(ck(u), 'threads.get_by_id', { thread_id: id }));
      compare('threads.get_by_id', s, l);
    }
    for (const order of ['desc', 'asc'] as const) {
      const [s, l] = await both(200, (u, id) =>
        json(ck(u), 'items.list', { thread_id: id, order, limit: 20 }),
      );
      compare(`items.list first page (20, ${order})`, s, l);
    }
    const itemPager = (u: TestUser, id: string) => async (after: string | undefined) => {
      const page = await json(ck(u), 'items.list', {
        thread_id: id,
        order: 'desc',
        limit: 20,
        ...(after ? { after } : {}),
      });
      return page.has_more ? (page.after as string) : undefined;
    };
    {
      const w = await walkBoth(itemPager(small, smallThread), itemPager(large, largeThread));
      compare(
        'items.list paging desc to the start, per page',
        w.small,
        w.large,
        `(${w.pages.small} vs ${w.pages.large} pages)`,
      );
    }
    {
      // Before the "add …" turns below add tasks; in threads of their own, so list answers stay out of their history.
      const listThreads = {
        small: await threadOf(t.url, small, 'hi'),
        large: await threadOf(t.url, large, 'hi'),
      };
      const bytes = { small: 0, large: 0 };
      const show = (which: 'small' | 'large', u: TestUser) => async () =>
        (bytes[which] = await stream(t.url, u.jwt, 'threads.add_user_message', {
          thread_id: listThreads[which],
          input: userInput('show my pending tasks'),
        }));
      const [s, l] = await alternate(50, 3, [show('small', small), show('large', large)]);
      compare('turn "show my pending tasks"', s, l, `(stream ${bytes.small} vs ${bytes.large} bytes)`);
    }
    {
      const [s, l] = await both(300, (u, id) =>
        stream(t.url, u.jwt, 'threads.add_user_message', { thread_id: id, input: userInput('add one more') }),
      );
      compare('turn "add …" (threads.add_user_message)', s, l);
    }

    console.log(
      `\n| measure (p50, ms) | ${SMALL_TASKS} tasks / ${smallItems} items | ${LARGE_TASKS} tasks / ${largeItems} items | ratio |`,
    );
    console.log('| --- | ---: | ---: | ---: |');
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  } finally {
    await sql.end();
    await t.close();
    await db.dispose();
  }
}
