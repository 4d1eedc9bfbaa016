import { readdirSync, readFileSync } from 'node:fs';
import { BackendProcess } from '../support/backend-process';
import { freePort, testDatabaseUrl } from '../support/test-app';
import { TEST_AUTH_SECRET } from '../support/test-database';
import { api, signUp } from '../support/users';
import { eventually } from './fault-support';

/** Ids of the live processes whose parent is `pid`. */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) === pid && state !== 'Z') out.push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return out.sort();
}

/** The pids that answered requests, from the request log lines (JSON, one per request). */
function servingPids(output: string, path: string): Set<number> {
  const pids = new Set<number>();
  for (const line of output.split('\n')) {
    if (!line.startsWith('{') || !line.includes(`"path":"${path}"`)) continue;
    pids.add((JSON.parse(line) as { pid: number }).pid);
  }
  return pids;
}

/**
 * `WEB_CONCURRENCY=2`: the built backend as `npm start` and the Docker image run it — a primary and two workers
 * on one port. Both workers serve, a worker that dies is replaced while the others keep serving, and SIGTERM
 * stops them all cleanly.
 */
describe('backend as several processes (WEB_CONCURRENCY)', () => {
  let backend: BackendProcess;

  beforeAll(async () => {
    const port = await freePort();
    backend = new BackendProcess({
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: testDatabaseUrl(),
      DB_POOL_MAX: '4',
      BETTER_AUTH_SECRET: TEST_AUTH_SECRET,
      AUTH_RATE_LIMIT_PER_MINUTE: '0',
      CHAT_RATE_LIMIT_PER_MINUTE: '1000',
      LOG_LEVEL: 'log', // one JSON line per request, with the pid that served it
      WEB_CONCURRENCY: '2',
    });
    await backend.start();
  }, 60_000);
  afterAll(() => backend?.stop('SIGKILL'));

  it('serves from two workers, replaces one that dies, and stops all of them on SIGTERM', async () => {
    const primary = backend.pid!;
    const workers = childrenOf(primary);
    expect(workers).toHaveLength(2);

    const user = await signUp(backend.url, 'Cluster');
    // Fresh connections (no keep-alive) are handed out round-robin: both workers answer.
    const ask = (i: number) =>
      fetch(`${backend.url}/api/chat`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${user.jwt}`,
          'content-type': 'application/json',
          connection: 'close',
        },
        body: JSON.stringify({ message: `add cluster task ${i}` }),
      }).then(async (r) => {
        await r.text();
        return r.status;
      });
    // Ready means one worker listens; the other may still be starting: ask until both have answered.
    let asked = 0;
    await eventually('both workers answered a chat turn', async () => {
      expect(await ask(asked++)).toBe(200);
      return servingPids(backend.output, '/api/chat').size === 2;
    });
    expect([...servingPids(backend.output, '/api/chat')].sort()).toEqual(workers);

    process.kill(workers[0], 'SIGKILL');
    await eventually(
      'a new worker replaced the killed one',
      () => {
        const now = childrenOf(primary);
        return now.length === 2 && !now.includes(workers[0]);
      },
      30_000,
    );
    for (let i = 0; i < 4; i++) expect(await ask(asked++)).toBe(200);
    const tasks = await api(backend.url, user.jwt).get('/api/tasks?limit=100');
    expect(tasks.body.data).toHaveLength(asked);

    const survivors = childrenOf(primary);
    expect(await backend.stop('SIGTERM')).toBe(0);
    expect(survivors.filter(isRunning)).toEqual([]);
  }, 90_000);
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
