import { Client } from 'pg';
import {
  FuzzCase,
  hostileValues,
  jsonBody,
  pick,
  RAW_BODIES,
  rng,
  stressBody,
  stressFailure,
} from '../support/fuzz';
import { exceedsJsonNesting, JSON_NESTING_MAX } from '../../src/common/json-nesting';
import { startTestApp, testDatabaseUrl, TestApp } from '../support/test-app';
import { signUp, TestUser } from '../support/users';

// The projects' testTimeout is not applied per project (jest reads it globally): allow for 2 busy cores.
jest.setTimeout(30_000);

const JSON_HEADERS = { 'content-type': 'application/json' };
const TITLE_INVALID = (r: () => number): unknown =>
  pick(r, [null, 42, true, [], {}, '', '   ', 'x'.repeat(201 + Math.floor(r() * 20_000)), 'a\u0000b', ['a']]);
const DESCRIPTION_INVALID = (r: () => number): unknown =>
  pick(r, [42, false, {}, ['x'], 'd'.repeat(1001 + Math.floor(r() * 5_000)), 'nul\u0000']);
const BAD_IDS = ['abc', '0', '-1', '1.5', '1e3', '99999999999', '%00', 'null', '1;DROP', ' 1'];
const BAD_QUERIES = [
  'status=done',
  'status=',
  'sort=size',
  'order=up',
  'priority=urgent',
  'due=soon',
  'due_before=whenever',
  'due_after=2026-13-01',
  'tag=a%20b!',
  'tag=' + 'x'.repeat(60),
  'sort=due&cursor=WyJ4IiwxXQ',
  'limit=0',
  'limit=101',
  'limit=-5',
  'limit=abc',
  'cursor=%%%',
  'cursor=' + 'A'.repeat(600),
  'q=' + 'x'.repeat(300),
  'unknown=1',
  'status[]=all',
  'limit=1&limit=2',
];

/** Invalid requests for the REST tasks API: every one must be a 4xx and write nothing. */
function taskCases(r: () => number, n: number): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (let i = 0; i < n; i++) {
    const kind = Math.floor(r() * 8);
    const id = pick(r, BAD_IDS);
    switch (kind) {
      case 0:
        cases.push({
          label: 'POST bad title',
          method: 'POST',
          path: '/api/tasks',
          headers: JSON_HEADERS,
          body: jsonBody({ title: TITLE_INVALID(r), description: 'ok' }),
        });
        break;
      case 1:
        cases.push({
          label: 'POST bad description',
          method: 'POST',
          path: '/api/tasks',
          headers: JSON_HEADERS,
          body: jsonBody({ title: 'ok', description: DESCRIPTION_INVALID(r) }),
        });
        break;
      case 2:
        cases.push({
          label: 'POST unknown field',
          method: 'POST',
          path: '/api/tasks',
          headers: JSON_HEADERS,
          body: jsonBody({
            title: 'ok',
            [pick(r, ['user_id', 'id', 'userId', 'number', 'completed_at', '__proto__x'])]: pick(
              r,
              hostileValues(r),
            ),
          }),
        });
        break;
      case 3:
        cases.push({
          label: 'POST raw body',
          method: 'POST',
          path: '/api/tasks',
          headers: JSON_HEADERS,
          body: pick(r, RAW_BODIES)[1],
        });
        break;
      case 4:
        cases.push({
          label: 'POST wrong content type',
          method: 'POST',
          path: '/api/tasks',
          headers: {
            'content-type': pick(r, [
              'text/plain',
              'application/x-www-form-urlencoded',
              'multipart/form-data; boundary=x',
              'application/xml',
            ]),
          },
          body: Buffer.from('title=hello'),
        });
        break;
      case 5:
        cases.push({
          label: 'bad id',
          method: pick(r, ['GET', 'PUT', 'PATCH', 'DELETE']),
          path: `/api/tasks/${encodeURIComponent(id)}`,
          headers: JSON_HEADERS,
          body: jsonBody({ title: 'ok' }),
        });
        break;
      case 6:
        cases.push({
          label: 'bad query',
          method: 'GET',
          path: `/api/tasks?${pick(r, BAD_QUERIES)}`,
          headers: {},
        });
        break;
      default:
        cases.push({
          label: 'PATCH bad fields',
          method: 'PATCH',
          path: '/api/tasks/1',
          headers: JSON_HEADERS,
          body: jsonBody(
            pick(r, [
              {},
              { completed: pick(r, ['yes', 1, null, []]) },
              { title: TITLE_INVALID(r) },
              { description: DESCRIPTION_INVALID(r) },
              { priority: pick(r, ['urgent', 1, true, 'HIGH']) },
              { tags: pick(r, ['work', [1], ['no spaces!'], Array.from({ length: 11 }, (_, i) => `t${i}`)]) },
              { due_at: pick(r, ['whenever', 20261212, '2026-02-30', 'x'.repeat(101)]) },
              { recurrence: pick(r, ['sometimes', { frequency: 'yearly' }, 7, ['daily']]) },
              [],
              'str',
            ]),
          ),
        });
    }
  }
  return cases;
}

/** Malformed MCP traffic: broken JSON-RPC envelopes (4xx) and tools/call with invalid arguments (isError). */
const MCP_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  'mcp-protocol-version': '2025-06-18',
};

function mcpCases(r: () => number, n: number): Array<FuzzCase & { toolCall: boolean }> {
  const cases: Array<FuzzCase & { toolCall: boolean }> = [];
  for (let i = 0; i < n; i++) {
    const kind = Math.floor(r() * 4);
    if (kind === 0) {
      cases.push({
        label: 'mcp raw',
        method: 'POST',
        path: '/mcp',
        headers: MCP_HEADERS,
        body: pick(r, RAW_BODIES)[1],
        toolCall: false,
      });
    } else if (kind === 1) {
      const envelope = pick(r, [
        { jsonrpc: '1.0', id: 1, method: 'tools/list' },
        { id: 1, method: 'tools/list' },
        { jsonrpc: '2.0', id: {}, method: 'tools/list' },
        { jsonrpc: '2.0', method: 42 },
        { jsonrpc: '2.0', id: 1 },
        { foo: pick(r, hostileValues(r)) },
      ]);
      cases.push({
        label: 'mcp bad envelope',
        method: 'POST',
        path: '/mcp',
        headers: MCP_HEADERS,
        body: jsonBody(envelope),
        toolCall: false,
      });
    } else if (kind === 2) {
      cases.push({
        label: 'mcp wrong content type',
        method: 'POST',
        path: '/mcp',
        headers: { ...MCP_HEADERS, 'content-type': 'text/plain' },
        body: Buffer.from('{}'),
        toolCall: false,
      });
    } else {
      const [name, args] = pick(r, [
        ['add_task', { title: TITLE_INVALID(r) }],
        ['add_task', { title: 'ok', description: DESCRIPTION_INVALID(r) }],
        ['add_task', { title: 'ok', user_id: 'someone' }],
        ['complete_task', { task_id: pick(r, hostileValues(r)) }],
        ['update_task', { task_id: pick(r, ['1', -3, 0, 1.5, null]), title: 'x' }],
        ['delete_task', { task_id: pick(r, ['abc', [], {}, -1, 2 ** 40]) }],
        ['list_tasks', { status: pick(r, hostileValues(r)) }],
      ] as const);
      const body = jsonBody({
        jsonrpc: '2.0',
        id: i,
        method: 'tools/call',
        params: { name, arguments: args },
      });
      cases.push({
        label: `mcp ${name} bad args`,
        method: 'POST',
        path: '/mcp',
        headers: MCP_HEADERS,
        body,
        // Arguments nested past the limit never reach the tool: the body is refused first (a 4xx).
        toolCall: !exceedsJsonNesting(body, JSON_NESTING_MAX),
      });
    }
  }
  return cases;
}

/** Where a hostile value goes in a body of each tasks route (the rest of the body is valid). */
const TASK_SLOTS: Array<[method: string, path: string, slot: string]> = [
  ['POST', '/api/tasks', '{"title":$}'],
  ['POST', '/api/tasks', '{"title":"ok","description":$}'],
  ['POST', '/api/tasks', '{"title":"ok","tags":$}'],
  ['PUT', '/api/tasks/1', '{"title":"ok","completed":$}'],
  ['PATCH', '/api/tasks/1', '{"description":$}'],
  ['PATCH', '/api/tasks/1/complete', '{"completed":$}'],
];

/** Where a hostile value goes in an MCP request: the envelope, a tool's arguments, one argument. */
const MCP_SLOTS = [
  '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"add_task","arguments":$}}',
  '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"add_task","arguments":{"title":$}}}',
  '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"update_task","arguments":{"task_id":1,"description":$}}}',
  '{"jsonrpc":"2.0","id":$,"method":"tools/list"}',
  '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":$}',
];

describe('fuzz: malformed requests to /api/tasks and /mcp', () => {
  let t: TestApp;
  let user: TestUser;
  let db: Client;

  beforeAll(async () => {
    t = await startTestApp();
    user = await signUp(t.url, 'Fuzz');
    db = new Client({ connectionString: testDatabaseUrl() });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const rowsOfUser = async () =>
    Number((await db.query('SELECT count(*) FROM tasks WHERE user_id = $1', [user.id])).rows[0].count);
  const taskRows = async () =>
    (await db.query('SELECT * FROM tasks WHERE user_id = $1 ORDER BY number', [user.id])).rows;
  const parsed = (text: string): { error?: { message?: unknown } } | undefined => {
    try {
      return JSON.parse(text) as { error?: { message?: unknown } };
    } catch {
      return undefined;
    }
  };

  async function send(c: FuzzCase): Promise<{ status: number; text: string }> {
    const res = await fetch(`${t.url}${c.path}`, {
      method: c.method,
      headers: { authorization: `Bearer ${user.jwt}`, ...c.headers },
      body: c.method === 'GET' || c.method === 'HEAD' ? undefined : c.body,
    });
    return { status: res.status, text: await res.text() };
  }

  it('answers 1,000 invalid REST task requests with 4xx and an error body, writing nothing', async () => {
    const before = await rowsOfUser();
    const failures: string[] = [];
    for (const c of taskCases(rng(20261125), 1_000)) {
      const res = await send(c);
      if (res.status < 400 || res.status >= 500)
        failures.push(`${c.label} ${c.method} ${c.path} → ${res.status} ${res.text.slice(0, 120)}`);
      else if (!JSON.parse(res.text).error?.message) failures.push(`${c.label} → no error message`);
    }
    expect(failures).toEqual([]);
    expect(await rowsOfUser()).toBe(before);
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
  });

  it('answers 120 bodies nested too deep, too wide or too long on every tasks route with a 4xx (400 "nested too deeply" past the limit), writing nothing', async () => {
    await send({
      label: 'a task to change',
      method: 'POST',
      path: '/api/tasks',
      headers: JSON_HEADERS,
      body: jsonBody({ title: 'Keep me' }),
    });
    const before = await taskRows();
    const r = rng(3011);
    const failures: string[] = [];
    for (let i = 0; i < 120; i++) {
      const [method, path, slot] = pick(r, TASK_SLOTS);
      const c = stressBody(r, slot);
      const res = await send({
        label: c.label,
        method,
        path: pick(r, [path, path.replace('/api/', `/api/${user.id}/`)]),
        headers: JSON_HEADERS,
        body: c.body,
      });
      const failure = stressFailure(c, res.status, parsed(res.text)?.error?.message);
      if (failure) failures.push(`${method} ${path}: ${failure}`);
    }
    expect(failures).toEqual([]);
    expect(await taskRows()).toEqual(before);
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
  });

  it('answers 120 bodies nested too deep, too wide or too long on /mcp with a JSON-RPC error (400 "nested too deeply" past the limit) or an isError tool result, writing nothing', async () => {
    const before = await taskRows();
    const r = rng(3012);
    const failures: string[] = [];
    for (let i = 0; i < 120; i++) {
      const c = stressBody(r, pick(r, MCP_SLOTS));
      const res = await send({
        label: c.label,
        method: 'POST',
        path: '/mcp',
        headers: MCP_HEADERS,
        body: c.body,
      });
      const body = parsed(res.text) as {
        error?: { code?: number; message?: string };
        result?: { isError?: boolean };
      };
      if (res.status === 200 && !c.tooDeep) {
        // A refusal inside the protocol: a tool error result, or a JSON-RPC error. (Arguments that are not an
        // object get -32603 instead of -32602 from the MCP SDK: modelcontextprotocol/typescript-sdk#2284.)
        if (!body?.result?.isError && typeof body?.error?.message !== 'string')
          failures.push(`${c.label} → 200 ${res.text.slice(0, 120)}`);
        continue;
      }
      const failure = stressFailure(c, res.status, body?.error?.message);
      if (failure) failures.push(failure);
      else if (c.tooDeep && body?.error?.code !== -32700)
        failures.push(`${c.label} → not a JSON-RPC parse error`);
    }
    expect(failures).toEqual([]);
    expect(await taskRows()).toEqual(before);
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
  });

  it('answers 600 malformed MCP requests with 4xx (envelopes) or isError results (arguments), writing nothing', async () => {
    const before = await rowsOfUser();
    const failures: string[] = [];
    for (const c of mcpCases(rng(7), 600)) {
      const res = await send(c);
      if (c.toolCall) {
        const body = res.status === 200 ? (JSON.parse(res.text) as { result?: { isError?: boolean } }) : null;
        if (!body?.result?.isError) failures.push(`${c.label} → ${res.status} ${res.text.slice(0, 160)}`);
      } else if (res.status < 400 || res.status >= 500) {
        failures.push(`${c.label} → ${res.status} ${res.text.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await rowsOfUser()).toBe(before);
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
  });
});
