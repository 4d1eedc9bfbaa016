import { Client } from 'pg';
import { FuzzCase, hostileValues, jsonBody, pick, RAW_BODIES, rng } from '../support/fuzz';
import { startTestApp, testDatabaseUrl, TestApp } from '../support/test-app';
import { signUp, TestUser } from '../support/users';

// The projects' testTimeout is not applied per project (jest reads it globally): allow for 2 busy cores.
jest.setTimeout(30_000);

const TITLE_INVALID = (r: () => number): unknown =>
  pick(r, [null, 42, true, [], {}, '', '   ', 'x'.repeat(201 + Math.floor(r() * 20_000)), 'a\u0000b', ['a']]);
const DESCRIPTION_INVALID = (r: () => number): unknown =>
  pick(r, [42, false, {}, ['x'], 'd'.repeat(1001 + Math.floor(r() * 5_000)), 'nul\u0000']);
const BAD_IDS = ['abc', '0', '-1', '1.5', '1e3', '99999999999', '%00', 'null', '1;DROP', ' 1'];
const BAD_QUERIES = [
  'status=done',
  'status=',
  'sort=priority',
  'order=up',
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
  const json = { 'content-type': 'application/json' };
  for (let i = 0; i < n; i++) {
    const kind = Math.floor(r() * 8);
    const id = pick(r, BAD_IDS);
    switch (kind) {
      case 0:
        cases.push({
          label: 'POST bad title',
          method: 'POST',
          path: '/api/tasks',
          headers: json,
          body: jsonBody({ title: TITLE_INVALID(r), description: 'ok' }),
        });
        break;
      case 1:
        cases.push({
          label: 'POST bad description',
          method: 'POST',
          path: '/api/tasks',
          headers: json,
          body: jsonBody({ title: 'ok', description: DESCRIPTION_INVALID(r) }),
        });
        break;
      case 2:
        cases.push({
          label: 'POST unknown field',
          method: 'POST',
          path: '/api/tasks',
          headers: json,
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
          headers: json,
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
          headers: json,
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
          headers: json,
          body: jsonBody(
            pick(r, [
              {},
              { completed: pick(r, ['yes', 1, null, []]) },
              { title: TITLE_INVALID(r) },
              { description: DESCRIPTION_INVALID(r) },
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
function mcpCases(r: () => number, n: number): Array<FuzzCase & { toolCall: boolean }> {
  const headers = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'mcp-protocol-version': '2025-06-18',
  };
  const cases: Array<FuzzCase & { toolCall: boolean }> = [];
  for (let i = 0; i < n; i++) {
    const kind = Math.floor(r() * 4);
    if (kind === 0) {
      cases.push({
        label: 'mcp raw',
        method: 'POST',
        path: '/mcp',
        headers,
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
        headers,
        body: jsonBody(envelope),
        toolCall: false,
      });
    } else if (kind === 2) {
      cases.push({
        label: 'mcp wrong content type',
        method: 'POST',
        path: '/mcp',
        headers: { ...headers, 'content-type': 'text/plain' },
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
      cases.push({
        label: `mcp ${name} bad args`,
        method: 'POST',
        path: '/mcp',
        headers,
        body: jsonBody({ jsonrpc: '2.0', id: i, method: 'tools/call', params: { name, arguments: args } }),
        toolCall: true,
      });
    }
  }
  return cases;
}

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
