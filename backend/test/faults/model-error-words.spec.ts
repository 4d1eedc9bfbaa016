import { Client } from 'pg';
import { CATALOGS } from '../../src/i18n/messages';
import type { FailureCode } from '../../src/i18n/catalog';
import { ChatKitClient, Ev, streamProblems, userInput } from '../support/chatkit-client';
import { OpenAIChatStub, StubReply } from '../support/openai-stub';
import { readNamedEvents } from '../support/sse-events';
import { TcpProxy } from '../support/tcp-proxy';
import { startTestApp, TestApp } from '../support/test-app';
import { api, signUp } from '../support/users';
import { directDb, eventually, failingModelEnv, storedItems } from './fault-support';

const MAX_TURNS = 3;
/**
 * Short, so a silent model fails fast; longer than the openai client's own retries of a refused connection (two,
 * about 1.5 s) and of a 429 (kept short by `retry-after-ms`), which the silence timer counts too.
 */
const MODEL_TIMEOUT_MS = 3_000;

const n = <T>(count: number, reply: T): T[] => Array<T>(count).fill(reply);
/** The openai client retries a 429 twice on its own; `retry-after-ms` keeps its waits short. */
const busy: StubReply = {
  status: 429,
  body: '{"error":{"message":"Rate limit reached","type":"requests"}}',
  headers: { 'retry-after-ms': '5' },
};
/** OpenAI's answer to a wrong key: the openai client does not retry a 401. */
const badKey: StubReply = {
  status: 401,
  body: '{"error":{"message":"Incorrect API key provided: sk-test","type":"invalid_request_error","code":"invalid_api_key"}}',
};
/** OpenAI's answer to an account out of credit: a 429 like a rate limit (so the client retries it twice), but its code says why. */
const noQuota: StubReply = {
  status: 429,
  body: '{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","code":"insufficient_quota"}}',
  headers: { 'retry-after-ms': '5' },
};
/** A server that answers something that is not Chat Completions (a proxy's error page). */
const garbage: StubReply = { raw: '<html><body>502 Bad Gateway</body></html>', contentType: 'text/html' };

/** `closed`: the model's port is closed for the turn (connections refused); `retry`: whether trying again can help. */
type Cause = { cause: FailureCode; replies: StubReply[]; closed?: true; retry?: false };
const CAUSES: Record<string, Cause> = {
  'answers HTTP 429 (rate-limited)': { cause: 'model_busy', replies: n(3, busy) },
  'refuses its key (HTTP 401)': { cause: 'model_refused', replies: [badKey], retry: false },
  'says the account is out of quota (HTTP 429 insufficient_quota)': {
    cause: 'model_refused',
    replies: n(3, noQuota),
    retry: false,
  },
  'is unreachable (a closed port)': { cause: 'model_unreachable', replies: [], closed: true },
  'hangs past AGENT_MODEL_TIMEOUT_MS': { cause: 'model_timeout', replies: [{ hang: true }] },
  'answers garbage': { cause: 'model_invalid_response', replies: n(MAX_TURNS, garbage) },
  'calls tools without end (AGENT_MAX_TURNS)': {
    cause: 'max_turns',
    replies: n(MAX_TURNS, { toolCalls: [{ id: 'call_loop', name: 'list_tasks', arguments: '{}' }] }),
  },
};

/** Words each cause must use, written here (not read from the catalogs): the test knows what the user reads. */
const SAYS: Record<'en' | 'ur' | 'de', Record<string, RegExp>> = {
  en: {
    model_busy: /busy.*too many requests/,
    model_refused: /refused this assistant's access.*will not help until/,
    model_unreachable: /could not be reached/,
    model_timeout: /took too long/,
    model_invalid_response: /answer that could not be used/,
    max_turns: /more steps than I may take/,
  },
  ur: {
    model_busy: /مصروف/,
    model_refused: /رسائی رد کر دی.*ترتیبات/,
    model_unreachable: /رابطہ نہیں ہو سکا/,
    model_timeout: /بہت دیر لگا دی/,
    model_invalid_response: /استعمال نہیں ہو سکا/,
    max_turns: /ایک وقت میں ایک بات/,
  },
  de: {
    model_busy: /ausgelastet/,
    model_refused: /abgelehnt.*hilft erst/,
    model_unreachable: /nicht erreichbar/,
    model_timeout: /zu lange/,
    model_invalid_response: /unbrauchbare Antwort/,
    max_turns: /mehr Schritte/,
  },
};

const HEADERS = { en: undefined, ur: 'ur-PK,ur;q=0.9,en;q=0.8', de: 'de-DE,de;q=0.9' } as const;

/**
 * When the model fails, the ChatKit `error` event says what happened in words of its own — busy, unreachable, too
 * slow, nonsense, too many steps, or refused settings — in the client's language, offering a retry where one can help
 * (never for refused settings: only whoever runs the backend can mend them); the user's message stays stored.
 * The REST endpoints carry the same words and a code per cause. The real openai and Agents SDK code runs against a
 * local Chat Completions stub, or a closed port.
 */
describe('the model failing, said in words', () => {
  const stub = new OpenAIChatStub();
  /** In front of the stub: stopped, the model's port is closed. */
  let proxy: TcpProxy;
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    await stub.start();
    proxy = TcpProxy.forUrl(stub.url);
    await proxy.start();
    t = await startTestApp(failingModelEnv(proxy.rewrite(stub.url), MAX_TURNS, MODEL_TIMEOUT_MS));
    db = await directDb();
  });
  afterAll(async () => {
    await t.close();
    await proxy.stop();
    await stub.stop();
    await db.end();
  });

  /** A REST chat message sent with an Accept-Language. */
  const chat = (path: string, jwt: string, message: string, acceptLanguage: string) =>
    fetch(`${t.url}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${jwt}`,
        'content-type': 'application/json',
        'accept-language': acceptLanguage,
      },
      body: JSON.stringify({ message }),
    });

  /** Runs `turn` with the model's port closed when the cause asks for it, and opens it again after. */
  async function during<T>(c: Cause, turn: () => Promise<T>): Promise<T> {
    if (!c.closed) return turn();
    const port = proxy.port;
    await proxy.stop();
    try {
      return await turn();
    } finally {
      await proxy.start(port);
      proxy.restore();
    }
  }

  describe.each(Object.entries(CAUSES))('when the model %s', (_name, c) => {
    it.each(['en', 'ur', 'de'] as const)(
      'ChatKit (%s): the error event says so, offers a retry if it can help; the message is stored',
      async (language) => {
        stub.reset();
        stub.reply(...c.replies);
        const user = await signUp(t.url, `Model ${c.cause} ${language}`);
        const header = HEADERS[language];
        const res = await during(c, () =>
          new ChatKitClient(t.url, user.jwt).stream(
            'threads.create',
            { input: userInput('add buy milk') },
            {},
            header ? { 'accept-language': header } : {},
          ),
        );
        expect([res.status, res.error]).toEqual([200, undefined]);
        expect(streamProblems(res.events)).toEqual([]);

        const errors = res.events.filter((e) => e.type === 'error');
        expect(errors).toEqual([
          {
            type: 'error',
            code: 'custom',
            message: CATALOGS[language].failure[c.cause],
            allow_retry: c.retry ?? true,
          },
        ]);
        expect(errors[0].message).toMatch(SAYS[language][c.cause]);
        // Nothing technical reaches the user.
        expect(errors[0].message).not.toMatch(/HTTP|ECONN|Error|sk-test|stub|127\.0\.0\.1|\d{3}\b/);
        expect(res.events.slice(res.events.indexOf(errors[0]) + 1).map((e: Ev) => e.type)).toEqual([
          'thread.updated',
        ]);

        const threadId = res.events[0].thread.id as string;
        const stored = await storedItems(db, threadId);
        expect(stored[0]).toMatchObject({
          type: 'user_message',
          payload: { content: [{ text: 'add buy milk' }] },
        });
        expect(stored.some((i) => i.type === 'assistant_message')).toBe(false);
        await eventually('the model calls to be closed', () => stub.inFlight === 0);
      },
    );
  });

  it('REST: POST /api/chat answers 503 with the cause as code and its words, in the language asked', async () => {
    stub.reset();
    stub.reply(...n(3, busy), ...n(3, busy));
    const user = await signUp(t.url, 'Model REST');
    const english = await api(t.url, user.jwt).post('/api/chat', { message: 'add walk the dog' });
    expect(english.status).toBe(503);
    expect(english.body).toEqual({ error: { code: 'model_busy', message: CATALOGS.en.failure.model_busy } });

    const german = await chat('/api/chat', user.jwt, 'add walk the dog', HEADERS.de);
    expect(german.status).toBe(503);
    const body = (await german.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('model_busy');
    expect(body.error.message).toMatch(SAYS.de.model_busy);
    await eventually('the model calls to be closed', () => stub.inFlight === 0);
  });

  it('REST: refused settings answer 503 model_refused, and the stream says a retry will not help', async () => {
    stub.reset();
    stub.reply(badKey, badKey);
    const user = await signUp(t.url, 'Model REST refused');
    const plain = await api(t.url, user.jwt).post('/api/chat', { message: 'add walk the dog' });
    expect(plain.status).toBe(503);
    expect(plain.body).toEqual({
      error: { code: 'model_refused', message: CATALOGS.en.failure.model_refused },
    });

    const events = await readNamedEvents(await chat('/api/chat/stream', user.jwt, 'add walk the dog', 'en'));
    expect(events.map((e) => e.event)).toEqual(['conversation', 'error']);
    expect(events[1].data).toEqual({
      code: 'model_refused',
      message: CATALOGS.en.failure.model_refused,
      retryable: false,
    });
    expect(stub.requests).toHaveLength(2);
    await eventually('the model calls to be closed', () => stub.inFlight === 0);
  });

  it('REST: the stream ends with an error event whose code and words say the cause (Urdu)', async () => {
    stub.reset();
    stub.reply({ hang: true });
    const user = await signUp(t.url, 'Model REST stream');
    const events = await readNamedEvents(
      await chat('/api/chat/stream', user.jwt, 'add water the plants', HEADERS.ur),
    );
    expect(events.map((e) => e.event)).toEqual(['conversation', 'error']);
    expect(events[1].data).toEqual({
      code: 'model_timeout',
      message: CATALOGS.ur.failure.model_timeout,
      retryable: true,
    });
    expect(events[1].data.message).toMatch(SAYS.ur.model_timeout);
    await eventually('the model call to be closed', () => stub.inFlight === 0);
  });
});
