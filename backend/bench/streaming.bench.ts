import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { WORKER_HEAP_FLAGS } from '../src/cluster';
import type { BackendProcess } from '../test/support/backend-process';
import { userInput } from '../test/support/chatkit-client';
import { freePort } from '../test/support/test-app';
import { TestUser } from '../test/support/users';
import { modelTurnMs } from './model-stub';
import type { SdkFloorResult } from './sdk-floor';
import {
  backendCpuMs,
  backendPids,
  benchDatabase,
  benchBackend,
  databaseCpuBetween,
  databaseCpuMs,
  peakRss,
  percentile,
  signUp,
} from './support';

/**
 * Chat turns on a real model's latency (issue 21): a local OpenAI-compatible server streams like a hosted model
 * (FIRST_TOKEN_MS to the first token, then one every TOKEN_MS: about 1 s of the model's own time per "add …" turn,
 * a tool call and a short answer), and N users, each in a ChatKit thread of their own, send "add …" turns back to
 * back for STREAM_SECONDS. The backend runs as `npm start` runs it (dist/src/main.js, default WEB_CONCURRENCY);
 * this process is the clients, the model a process of its own. Per N, in one run: turns/s against the model-bound
 * ideal, the time the backend adds to a turn (p50/p99), errors, backend CPU per turn and RSS per process; beside
 * them, PostgreSQL's CPU per turn (its processes share the machine's cores with the backend's). Last, the floor:
 * the Agents SDK's own CPU per turn on the same stub, without the rest of the backend (sdk-floor.ts). All of it once
 * per API the model is spoken to in (STREAM_API: Chat Completions, as OpenAI-compatible servers are by default, and
 * Responses, as OpenAI is), each with a backend of its own on the same database, users and threads.
 */

const USERS = (process.env.STREAM_USERS ?? '50,200,500').split(',').map(Number);
const APIS = (process.env.STREAM_API ?? 'chat_completions,responses').split(',').map((api) => {
  if (api !== 'chat_completions' && api !== 'responses')
    throw new Error(`STREAM_API: "${api}" is neither chat_completions nor responses`);
  return api;
});
const SECONDS = Number(process.env.STREAM_SECONDS ?? 20);
const ANSWER_WORDS = 14; // the stub's answer: "Added it to your list: done. Anything else I can add for you today?"

/** The targets of issue 21. */
const GOAL_SHARE_AT_200 = 0.9;
const GOAL_ADDED_P99_AT_200_MS = 250;
const GOAL_TURNS_AT_500 = 300;
const GOAL_CPU_MS = 3;
const GOAL_RSS_MB = 250;

async function postJson(url: string, token: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** One "add …" turn in the user's thread, its stream read to the end. */
async function turn(url: string, user: TestUser, threadId: string, text: string): Promise<void> {
  const res = await postJson(`${url}/api/chatkit`, user.jwt, {
    type: 'threads.add_user_message',
    params: { thread_id: threadId, input: userInput(text) },
  });
  if (res.status !== 200) throw new Error(`refused: ${res.status} ${await res.text()}`);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let tail = '';
  let answered = false;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    tail = tail.slice(-200) + decoder.decode(value, { stream: true });
    if (tail.includes('"type":"error"')) throw new Error(`turn failed: ${tail.slice(-200)}`);
    answered ||= tail.includes('"type":"thread.item.done"') && tail.includes('"assistant_message"');
  }
  if (!answered) throw new Error('the turn ended without an answer');
}

async function startStub(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(__dirname, 'model-stub.js')], {
    env: { ...process.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim()));
    child.once('exit', (code) => reject(new Error(`the model stub exited with ${code}`)));
  });
  return { url, child };
}

/**
 * The Agents SDK's own cost of such a turn (sdk-floor.ts), in a process of its own on the same model stub, with the
 * backend workers' heap settings.
 */
async function sdkFloor(stubUrl: string, api: Api, users: number): Promise<SdkFloorResult> {
  const child = spawn(
    process.execPath,
    [...WORKER_HEAP_FLAGS, join(__dirname, 'sdk-floor.js'), stubUrl, api, String(users), String(SECONDS)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the SDK floor exited with ${code}`);
  return JSON.parse(out) as SdkFloorResult;
}

type Api = (typeof APIS)[number];
type Load = { perSecond: number; share: number; p99: number; cpu: number; rss: number };
interface Conversation {
  user: TestUser;
  threadId: string;
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** Signs up `count` users, each with a thread of their own (made by a first turn). */
async function conversations(url: string, count: number): Promise<Conversation[]> {
  const all: Conversation[] = [];
  for (let i = 0; i < count; i += 10) {
    all.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(10, count - i) }, async (_, k) => {
          const user = await signUp(url, `Stream ${i + k}`);
          const res = await postJson(`${url}/api/chatkit`, user.jwt, {
            type: 'threads.create',
            params: { input: userInput('add the first task') },
          });
          const body = await res.text();
          const threadId = /"thread":\{"id":"([^"]+)"/.exec(body)?.[1];
          if (!threadId)
            throw new Error(`threads.create sent no thread: ${res.status} ${body.slice(0, 300)}`);
          return { user, threadId };
        }),
      )),
    );
  }
  return all;
}

/** `n` users sending turns back to back for SECONDS; prints the load's table row. */
async function load(
  backend: BackendProcess,
  dbUrl: string,
  all: Conversation[],
  n: number,
  modelMs: number,
): Promise<Load> {
  await new Promise((r) => setTimeout(r, 2_000)); // the previous load's garbage collected
  const url = backend.url;
  const added: number[] = [];
  let errors = 0;
  let firstError: Error | undefined;
  const cpu = backendCpuMs(backend);
  const dbCpu = await databaseCpuMs(dbUrl);
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  const { mb } = await peakRss(backend, () =>
    Promise.all(
      all.slice(0, n).map(async ({ user, threadId }, k) => {
        for (let i = 0; performance.now() < deadline; i++) {
          const t0 = performance.now();
          try {
            await turn(url, user, threadId, `add errand ${k}-${i}`);
            added.push(performance.now() - t0 - modelMs);
          } catch (err) {
            firstError ??= err instanceof Error ? err : new Error(String(err));
            errors++;
          }
        }
      }),
    ),
  );
  if (firstError) console.error(`${errors} turns failed, the first: ${firstError.message}`);
  const elapsed = (performance.now() - started) / 1000;
  const turns = added.length;
  const sorted = added.sort((a, b) => a - b);
  const perSecond = turns / elapsed;
  const ideal = (n * 1000) / modelMs;
  const cpuPerTurn = (backendCpuMs(backend) - cpu) / Math.max(1, turns);
  const dbCpuPerTurn = databaseCpuBetween(dbCpu, await databaseCpuMs(dbUrl)) / Math.max(1, turns);
  console.log(
    `| ${n} | ${fmt(perSecond)} | ${fmt(ideal)} | ${fmt((100 * perSecond) / ideal, 0)} % | ` +
      `${fmt(percentile(sorted, 50), 0)} / ${fmt(percentile(sorted, 99), 0)} ms | ${errors} | ` +
      `${fmt(cpuPerTurn, 2)} ms | ${mb.map((m) => fmt(m, 0)).join(', ')} MB | ${fmt(dbCpuPerTurn, 2)} ms |`,
  );
  return {
    perSecond,
    share: perSecond / ideal,
    p99: percentile(sorted, 99),
    cpu: cpuPerTurn,
    rss: Math.max(...mb),
  };
}

/** The targets against one API's loads. */
function printTargets(results: Map<number, Load>): void {
  const at200 = results.get(200);
  const at500 = results.get(500);
  const cpuMax = Math.max(...[...results.values()].map((r) => r.cpu));
  const rssMax = Math.max(...[...results.values()].map((r) => r.rss));
  console.log('\n| target | measured | |\n| --- | --- | --- |');
  if (at200) {
    console.log(
      `| 200 users: ≥ ${GOAL_SHARE_AT_200 * 100} % of the ideal | ${fmt(at200.share * 100, 0)} % | ${verdict(at200.share >= GOAL_SHARE_AT_200)} |`,
    );
    console.log(
      `| 200 users: ≤ ${GOAL_ADDED_P99_AT_200_MS} ms added at p99 | ${fmt(at200.p99, 0)} ms | ${verdict(at200.p99 <= GOAL_ADDED_P99_AT_200_MS)} |`,
    );
  }
  if (at500)
    console.log(
      `| 500 users: ≥ ${GOAL_TURNS_AT_500} turns/s | ${fmt(at500.perSecond)} | ${verdict(at500.perSecond >= GOAL_TURNS_AT_500)} |`,
    );
  console.log(
    `| backend CPU per turn ≤ ${GOAL_CPU_MS} ms | ${fmt(cpuMax, 2)} ms | ${verdict(cpuMax <= GOAL_CPU_MS)} |`,
  );
  console.log(
    `| RSS per process ≤ ${GOAL_RSS_MB} MB | ${fmt(rssMax, 0)} MB | ${verdict(rssMax <= GOAL_RSS_MB)} |`,
  );
}

const API_NAMES: Record<Api, string> = { chat_completions: 'Chat Completions', responses: 'Responses API' };

export async function run(): Promise<void> {
  const db = await benchDatabase();
  const stub = await startStub();
  const modelMs = modelTurnMs(ANSWER_WORDS);
  const most = Math.max(...USERS);
  let all: Conversation[] | undefined; // made once, by the first API's backend, and reused by the next
  const port = await freePort(); // one for every backend: the users' tokens are issued for its URL
  try {
    for (const api of APIS) {
      const backend = benchBackend(port, db.url, {
        OPENAI_BASE_URL: stub.url,
        OPENAI_API_KEY: 'sk-bench-local',
        OPENAI_API: api,
        AGENT_MODEL: 'bench-stub',
      });
      try {
        await backend.start();
        const workers = Math.max(1, backendPids(backend).length - 1);
        console.log(
          `\n## Chat turns on a streaming model, ${API_NAMES[api]} (${db.kind} database; model: ` +
            `${process.env.FIRST_TOKEN_MS ?? 250} ms to the first token, then ${process.env.TOKEN_MS ?? 20} ms a ` +
            `token, ${fmt(modelMs, 0)} ms of model time a turn; backend: ${workers} process` +
            `${workers > 1 ? 'es' : ''}; ${SECONDS} s per load)`,
        );
        all ??= await conversations(backend.url, most);
        console.log(
          '\n| users at once | turns/s | model-bound ideal | share | added p50 / p99 | errors | backend CPU per turn | RSS per process | database CPU per turn |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        );
        const results = new Map<number, Load>();
        for (const n of USERS) results.set(n, await load(backend, db.url, all, n, modelMs));
        printTargets(results);
      } finally {
        await backend.stop().catch(() => undefined);
      }
      // The floor under the CPU target: what the SDK alone costs per turn, with no backend running beside it.
      const floorUsers = Math.min(200, most);
      const floor = await sdkFloor(stub.url, api, floorUsers);
      console.log(
        `\nThe Agents SDK alone (bench/sdk-floor.ts: a bare Agent + Runner on the same stub, ${API_NAMES[api]}, one ` +
          `tool that stores nothing; no database, MCP, ChatKit, history or SSE), ${floorUsers} users: ` +
          `${fmt(floor.perSecond)} turns/s, ${fmt(floor.cpuMsPerTurn, 2)} ms CPU per turn, ` +
          `${fmt(floor.rssMb, 0)} MB RSS, ${floor.errors} errors.`,
      );
    }
  } finally {
    stub.child.kill();
    await db.dispose();
  }
}
