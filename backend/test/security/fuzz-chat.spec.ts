import { Client } from 'pg';
import { ChatKitClient, userInput } from '../support/chatkit-client';
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
import { startTestApp, TestApp } from '../support/test-app';
import { connectTestDb, rowsOf } from '../support/user-rows';
import { signUp, TestUser } from '../support/users';

// The projects' testTimeout is not applied per project (jest reads it globally): allow for 2 busy cores.
jest.setTimeout(30_000);

const JSON_HEADERS = { 'content-type': 'application/json' };
const WRONG_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'text/event-stream',
];
/** An id of the right shape that belongs to nobody (thread-bound requests then answer 404 and write nothing). */
const NOBODYS = ['thr_0000000000000000', 'thr_ffffffffffffffff', 'msg_0123456789abcdef'];
/** Ids no request may carry: wrong types, empty, too long, NUL, unpaired surrogates. (`null` reads as absent.) */
const BAD_IDS: unknown[] = [
  7,
  true,
  [],
  {},
  ['thr_1'],
  '',
  'x'.repeat(65),
  'thr_\u0000',
  'thr_\ud800',
  '\udc00',
];
/** Message texts that are never accepted. */
const badText = (r: () => number): unknown =>
  pick(r, [
    '',
    '   ',
    '\n\t ',
    'x'.repeat(4001 + Math.floor(r() * 20_000)),
    'add a\u0000b',
    'add \ud800 lone',
    'add \udfff lone',
    42,
    null,
    ['add x'],
    { text: 'add x' },
  ]);
const badContent = (r: () => number): unknown =>
  pick(r, [
    [],
    'add x',
    null,
    [{ type: 'input_text', text: badText(r) }],
    [{ type: 'input_text' }],
    [{ type: 'output_text', text: 'add x' }],
    [{ type: pick(r, hostileValues(r)), text: 'add x' }],
    Array.from({ length: 21 + Math.floor(r() * 50) }, () => ({ type: 'input_text', text: 'a' })),
    [
      { type: 'input_text', text: 'add x' },
      { type: 'input_tag', id: 't', text: 'tag', data: { nested: { too: 'deep' } } },
    ],
    [
      { type: 'input_text', text: 'add x' },
      { type: 'input_tag', id: 'a\u0000', text: 't', data: {} },
    ],
    [null],
  ]);
const BAD_LIMITS: unknown[] = [0, -1, 101, 1.5, '10', true, [], {}, 1e300, Number.MAX_SAFE_INTEGER + 2];

/** Every request type with params that are wrong in one generated way (none can be valid). */
function chatKitParams(r: () => number, thread: string): [string, unknown] {
  const nobody = pick(r, NOBODYS);
  const badId = pick(r, BAD_IDS);
  const input = userInput('add planted task');
  switch (Math.floor(r() * 14)) {
    case 0:
      return ['threads.create', { input: { ...input, content: badContent(r) } }];
    case 1:
      return ['threads.add_user_message', { thread_id: thread, input: { ...input, content: badContent(r) } }];
    case 2:
      return ['threads.add_user_message', { thread_id: pick(r, [badId, nobody]), input }];
    case 3:
      return [
        'threads.add_client_tool_output',
        pick(r, [
          { thread_id: badId, result: 1 },
          { thread_id: thread },
          { thread_id: nobody, result: { ok: true } },
          { thread_id: thread, result: 'a\u0000' },
          { thread_id: thread, result: { ok: true } }, // 409: no client tool call is pending
        ]),
      ];
    case 4:
      return [
        'threads.add_structured_input',
        { thread_id: pick(r, [badId, nobody]), item_id: pick(r, [badId, nobody]), input: {} },
      ];
    case 5:
      return ['threads.retry_after_item', { thread_id: pick(r, [badId, nobody]), item_id: badId }];
    case 6:
      return [
        pick(r, ['threads.custom_action', 'threads.sync_custom_action']),
        {
          thread_id: pick(r, [badId, nobody]),
          item_id: null,
          action: pick(r, [null, 'task.complete', { type: 'task.complete', payload: { task_id: 1 } }]),
        },
      ];
    case 7:
      return [pick(r, ['threads.get_by_id', 'threads.delete', 'items.list']), { thread_id: badId }];
    case 8:
      return [
        'threads.list',
        pick(r, [{ limit: pick(r, BAD_LIMITS) }, { order: 'sideways' }, { after: badId }]),
      ];
    case 9:
      return [
        'items.list',
        { thread_id: thread, limit: pick(r, BAD_LIMITS), after: pick(r, [undefined, '']) },
      ];
    case 10:
      return [
        'threads.update',
        { thread_id: thread, title: pick(r, ['', '   ', 't'.repeat(201), 5, null, 'a\u0000b', 'x\ud800']) },
      ];
    case 11:
      return [
        'items.feedback',
        pick(r, [
          { thread_id: thread, item_ids: [], kind: 'positive' },
          { thread_id: thread, item_ids: Array(101).fill(nobody), kind: 'positive' },
          { thread_id: thread, item_ids: [nobody], kind: pick(r, ['love', '', 1, null]) },
          { thread_id: thread, item_ids: [badId], kind: 'negative' },
        ]),
      ];
    case 12:
      return [
        pick(r, ['attachments.create', 'attachments.delete', 'input.transcribe']),
        pick(r, [{}, { name: 'a.txt', size: 1, mime_type: 'text/plain' }, { attachment_id: nobody }]),
      ];
    default:
      return [
        pick(r, ['threads.create', 'threads.add_user_message', 'threads.update', 'items.feedback']),
        pick(r, [null, 'x', 1, [], true]),
      ];
  }
}

/** Malformed ChatKit traffic: broken bodies, wrong content types, bad discriminators, bad params. */
function chatKitCases(r: () => number, n: number, thread: string): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const add = (label: string, body: Buffer, headers: Record<string, string> = JSON_HEADERS) =>
    cases.push({ label, method: 'POST', path: '/api/chatkit', headers, body });
  for (let i = 0; i < n; i++) {
    const kind = Math.floor(r() * 10);
    if (kind === 0) {
      const [label, body] = pick(r, RAW_BODIES);
      add(`chatkit raw ${label}`, body);
    } else if (kind === 1) {
      add('chatkit wrong content type', jsonBody({ type: 'threads.list', params: {} }), {
        'content-type': pick(r, WRONG_TYPES),
      });
    } else if (kind === 2) {
      add('chatkit bad type', jsonBody({ type: pick(r, hostileValues(r)), params: {} }));
    } else if (kind === 3) {
      // invalid UTF-8 inside an otherwise valid message
      add(
        'chatkit invalid utf-8',
        Buffer.concat([
          Buffer.from(
            '{"type":"threads.create","params":{"input":{"content":[{"type":"input_text","text":"add ',
          ),
          Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff]),
          Buffer.from('"}]}}}'),
        ]),
      );
    } else if (kind === 4) {
      // deep JSON where the protocol allows arbitrary JSON
      const depth = 17 + Math.floor(r() * 3000);
      add(
        'chatkit deep result',
        Buffer.from(
          `{"type":"threads.add_client_tool_output","params":{"thread_id":"${thread}","result":${'['.repeat(depth)}${']'.repeat(depth)}}}`,
        ),
      );
    } else {
      const [type, params] = chatKitParams(r, thread);
      add(`chatkit ${type}`, jsonBody({ type, params }));
    }
  }
  return cases;
}

/** Malformed REST chat traffic: every route, bad bodies, bad ids, bad queries, other users' paths. */
function restChatCases(
  r: () => number,
  n: number,
  user: TestUser,
  thread: string,
  other: string,
): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (let i = 0; i < n; i++) {
    const post = pick(r, [
      '/api/chat',
      '/api/chat/stream',
      `/api/${user.id}/chat`,
      `/api/${user.id}/chat/stream`,
    ]);
    const kind = Math.floor(r() * 10);
    const push = (label: string, method: string, path: string, body?: Buffer, headers = JSON_HEADERS) =>
      cases.push({ label, method, path, headers, body });
    switch (kind) {
      case 0:
        push('chat bad message', 'POST', post, jsonBody({ message: badText(r) }));
        break;
      case 1:
        push(
          'chat bad conversation_id',
          'POST',
          post,
          jsonBody({
            message: 'add planted',
            conversation_id: pick(r, [...BAD_IDS, 'thr_1; DROP TABLE x', '../x']),
          }),
        );
        break;
      case 2:
        push(
          'chat unknown conversation',
          'POST',
          post,
          jsonBody({ message: 'add planted', conversation_id: pick(r, NOBODYS) }),
        );
        break;
      case 3:
        push(
          'chat extra field',
          'POST',
          post,
          jsonBody({
            message: 'add planted',
            [pick(r, ['user_id', 'userId', 'role', 'tool_calls', 'model'])]: pick(r, hostileValues(r)),
          }),
        );
        break;
      case 4:
        push(`chat raw ${i}`, 'POST', post, pick(r, RAW_BODIES)[1]);
        break;
      case 5:
        push('chat wrong content type', 'POST', post, Buffer.from('message=add+planted'), {
          'content-type': pick(r, WRONG_TYPES),
        });
        break;
      case 6:
        push(
          "another user's path",
          pick(r, ['POST', 'GET', 'DELETE']),
          pick(r, [
            `/api/${other}/chat`,
            `/api/${other}/chat/stream`,
            `/api/${other}/chat/conversations`,
            `/api/${other}/chat/conversations/${thread}`,
          ]),
          jsonBody({ message: 'add planted' }),
        );
        break;
      case 7:
        push(
          'conversations bad query',
          'GET',
          `/api/chat/conversations?${pick(r, [
            `limit=${encodeURIComponent(String(pick(r, BAD_LIMITS)))}`,
            'limit=abc',
            'cursor=',
            'cursor=%00',
            'cursor=%F0%9F%98%80',
            `cursor=${'c'.repeat(65)}`,
            'cursor=thr_0000000000000000',
            'cursor=a&cursor=b',
            'extra=1',
            'limit[]=1',
          ])}`,
        );
        break;
      case 8:
        push(
          'messages bad query',
          'GET',
          `/api/chat/conversations/${thread}/messages?${pick(r, [
            'order=sideways',
            'order=',
            'limit=0',
            'limit=101',
            'cursor=msg_0000000000000000',
            'cursor=%00',
            'user_id=x',
          ])}`,
        );
        break;
      default:
        push(
          'bad conversation id in the path',
          pick(r, ['GET', 'DELETE']),
          `/api/chat/conversations/${pick(r, [
            '%00',
            'a%00b',
            '%F0%9F%98%80',
            'x'.repeat(300),
            '%E0%A4%A',
            '..%2F..%2Fhealth',
            'thr_0000000000000000',
            "thr'or'1'='1",
          ])}${pick(r, ['/messages', ''])}`,
        );
    }
  }
  return cases;
}

/** Where a hostile value goes in a ChatKit request (`THREAD` is replaced by a real thread of the user). */
const CHATKIT_SLOTS = [
  '{"type":"threads.create","params":{"input":{"content":$}}}',
  '{"type":"threads.create","params":{"input":{"content":[{"type":"input_text","text":"add x"}],"inference_options":{"model":$}}}}',
  '{"type":"threads.add_user_message","params":{"thread_id":"THREAD","input":$}}',
  '{"type":"threads.add_client_tool_output","params":{"thread_id":"THREAD","result":$}}',
  '{"type":"threads.custom_action","params":{"thread_id":"THREAD","action":{"type":"task.complete","payload":$}}}',
  '{"type":"items.feedback","params":{"thread_id":"THREAD","item_ids":$,"kind":"positive"}}',
  '{"type":"threads.list","params":{"limit":$}}',
  '{"type":$,"params":{}}',
];

/** Where a hostile value goes in a REST chat request. */
const CHAT_SLOTS = [
  '{"message":$}',
  '{"message":"add x","conversation_id":$}',
  '{"message":"add x","extra":$}',
];

/**
 * Generated malformed requests to the chat endpoints (the REST tasks and MCP fuzz is fuzz-rest-mcp.spec.ts,
 * 1,840 cases; with these 1,200 and fuzz-auth.spec.ts the API gets over 3,100): only 4xx with an error body,
 * never a 5xx, the server stays healthy, and the user's rows are exactly as before. Seeded, so a failure
 * reproduces.
 */
describe('fuzz: malformed requests to /api/chatkit and /api/chat…', () => {
  let t: TestApp;
  let db: Client;
  let user: TestUser;
  let other: TestUser;
  let thread: string;

  beforeAll(async () => {
    // A limit no fuzz case reaches: the cases must exercise validation and ownership, not the turn limit.
    t = await startTestApp({ CHAT_RATE_LIMIT_PER_MINUTE: '100000' });
    db = await connectTestDb();
    [user, other] = await Promise.all([signUp(t.url, 'Fuzz'), signUp(t.url, 'Other')]);
    const created = await new ChatKitClient(t.url, user.jwt).stream('threads.create', {
      input: userInput('add buy milk'),
    });
    thread = created.events[0].thread.id;
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  async function run(cases: FuzzCase[]): Promise<{ failures: string[]; statuses: Map<number, number> }> {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < cases.length; i += 10) {
      await Promise.all(
        cases.slice(i, i + 10).map(async (c) => {
          const res = await fetch(`${t.url}${c.path}`, {
            method: c.method,
            headers: { authorization: `Bearer ${user.jwt}`, ...c.headers },
            body: c.method === 'GET' ? undefined : c.body,
          });
          const text = await res.text();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          let body: { error?: { code?: unknown; message?: unknown } } | undefined;
          try {
            body = JSON.parse(text) as typeof body;
          } catch {
            body = undefined;
          }
          const ok =
            res.status >= 400 &&
            res.status < 500 &&
            res.status !== 401 && // the token is valid: a 401 would be a wrong status
            res.headers.get('content-type')?.startsWith('application/json') &&
            typeof body?.error?.code === 'string' &&
            typeof body?.error?.message === 'string';
          if (!ok)
            failures.push(
              `${c.label} ${c.method} ${c.path.slice(0, 80)} → ${res.status} ${text.slice(0, 160)}`,
            );
        }),
      );
    }
    return { failures, statuses };
  }

  it('answers 600 malformed ChatKit requests with 4xx JSON errors, writing nothing', async () => {
    const before = await rowsOf(db, user.id);
    const cases = chatKitCases(rng(20261126), 600, thread);
    const { failures, statuses } = await run(cases);
    expect(failures).toEqual([]);
    expect([...statuses.keys()].sort()).toEqual([400, 404, 409, 413, 415]); // every refusal path was reached
    expect(await rowsOf(db, user.id)).toEqual(before);
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
  });

  it('answers 400 malformed REST chat requests with 4xx JSON errors, writing nothing', async () => {
    const before = await rowsOf(db, user.id);
    const otherBefore = await rowsOf(db, other.id);
    const cases = restChatCases(rng(1126), 400, user, thread, other.id);
    const { failures, statuses } = await run(cases);
    expect(failures).toEqual([]);
    expect([...statuses.keys()].sort()).toEqual([400, 403, 404, 413, 415]);
    expect(await rowsOf(db, user.id)).toEqual(before);
    expect(await rowsOf(db, other.id)).toEqual(otherBefore);
  });

  /** Sends stress bodies; each must be refused as `stressFailure` says, in the API's JSON error shape. */
  async function stress(
    n: number,
    seed: number,
    target: () => [path: string, slot: string],
  ): Promise<string[]> {
    const r = rng(seed);
    const failures: string[] = [];
    for (let i = 0; i < n; i++) {
      const [path, slot] = target();
      const c = stressBody(r, slot.split('THREAD').join(thread));
      const res = await fetch(`${t.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${user.jwt}`, ...JSON_HEADERS },
        body: c.body,
      });
      const text = await res.text();
      let message: unknown;
      try {
        message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
      } catch {
        message = undefined;
      }
      const failure = stressFailure(c, res.status, message);
      if (failure) failures.push(`${path}: ${failure}`);
    }
    return failures;
  }

  it('answers 120 ChatKit bodies nested too deep, too wide or too long with a 4xx (400 "nested too deeply" past the limit), writing nothing', async () => {
    const before = await rowsOf(db, user.id);
    const r = rng(3013);
    expect(await stress(120, 3014, () => ['/api/chatkit', pick(r, CHATKIT_SLOTS)])).toEqual([]);
    expect(await rowsOf(db, user.id)).toEqual(before);
  });

  it('answers 80 REST chat bodies nested too deep, too wide or too long with a 4xx (400 "nested too deeply" past the limit), writing nothing', async () => {
    const before = await rowsOf(db, user.id);
    const r = rng(3015);
    const paths = ['/api/chat', '/api/chat/stream', `/api/${user.id}/chat`, `/api/${user.id}/chat/stream`];
    expect(await stress(80, 3016, () => [pick(r, paths), pick(r, CHAT_SLOTS)])).toEqual([]);
    expect(await rowsOf(db, user.id)).toEqual(before);
  });

  it('is still healthy and serving turns afterwards', async () => {
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
    const after = await new ChatKitClient(t.url, user.jwt).stream('threads.add_user_message', {
      thread_id: thread,
      input: userInput('show my tasks'),
    });
    expect(after.status).toBe(200);
    expect(after.events.some((e) => e.type === 'thread.item.done' && e.item.type === 'widget')).toBe(true);
  });
});
