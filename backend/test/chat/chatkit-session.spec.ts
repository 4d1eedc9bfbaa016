import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { startTestApp, TestApp } from '../support/test-app';
import { api, signUp } from '../support/users';

interface Seen {
  method?: string;
  path?: string;
  headers: IncomingHttpHeaders;
  body: any;
}

/** A local stand-in for OpenAI's ChatKit sessions API: records each request, answers what it is told. */
async function sessionsStub(
  answer: () => { status: number; body: unknown },
): Promise<{ url: string; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      seen.push({
        method: req.method,
        path: req.url,
        headers: req.headers,
        body: raw ? JSON.parse(raw) : undefined,
      });
      const { status, body } = answer();
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    seen,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

describe('POST /api/chat/chatkit/session (hosted ChatKit)', () => {
  it('answers 503 naming the missing settings when not configured, and 401 without a token', async () => {
    const t = await startTestApp();
    try {
      const user = await signUp(t.url);
      const res = await api(t.url, user.jwt).post('/api/chat/chatkit/session');
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('service_unavailable');
      expect(res.body.error.message).toContain('set OPENAI_API_KEY and CHATKIT_WORKFLOW_ID');
      expect((await api(t.url).post('/api/chat/chatkit/session')).status).toBe(401);
    } finally {
      await t.close();
    }
  });

  describe('with OPENAI_API_KEY and CHATKIT_WORKFLOW_ID', () => {
    let reply = { status: 200, body: {} as unknown };
    let stub: Awaited<ReturnType<typeof sessionsStub>>;
    let t: TestApp;

    beforeAll(async () => {
      stub = await sessionsStub(() => reply);
      t = await startTestApp({
        OPENAI_API_KEY: 'test-key-not-real',
        OPENAI_BASE_URL: stub.url,
        AGENT_MODEL: 'offline',
        CHATKIT_WORKFLOW_ID: 'wf_test_123',
      });
    });
    afterAll(async () => {
      await t.close();
      await stub.close();
    });

    it("creates a session for the caller through OpenAI's ChatKit sessions API and returns its client secret", async () => {
      reply = {
        status: 200,
        body: {
          id: 'cksess_1',
          object: 'chatkit.session',
          client_secret: 'ek_secret_1',
          expires_at: 1_900_000_000,
          status: 'active',
        },
      };
      const user = await signUp(t.url);
      const res = await api(t.url, user.jwt).post('/api/chat/chatkit/session');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ client_secret: 'ek_secret_1', expires_at: 1_900_000_000 });
      const request = stub.seen.at(-1)!;
      expect(request).toMatchObject({ method: 'POST', path: '/v1/chatkit/sessions' });
      expect(request.headers.authorization).toBe('Bearer test-key-not-real');
      expect(request.headers['openai-beta']).toBe('chatkit_beta=v1');
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.body).toEqual({ workflow: { id: 'wf_test_123' }, user: user.id });
    });

    it('answers 503 (without leaking the upstream body) when OpenAI refuses', async () => {
      reply = { status: 401, body: { error: { message: 'Incorrect API key provided: test-key-not-real' } } };
      const user = await signUp(t.url);
      const res = await api(t.url, user.jwt).post('/api/chat/chatkit/session');
      expect(res.status).toBe(503);
      expect(res.body.error.message).toBe(
        'OpenAI did not create a ChatKit session (HTTP 401). Check OPENAI_API_KEY and CHATKIT_WORKFLOW_ID.',
      );
      reply = { status: 200, body: { no_secret: true } };
      expect((await api(t.url, user.jwt).post('/api/chat/chatkit/session')).status).toBe(503);
    });
  });

  it('names only the missing setting, and 503s when OpenAI cannot be reached', async () => {
    const onlyKey = await startTestApp({ OPENAI_API_KEY: 'test-key-not-real', AGENT_MODEL: 'offline' });
    try {
      const user = await signUp(onlyKey.url);
      const res = await api(onlyKey.url, user.jwt).post('/api/chat/chatkit/session');
      expect(res.status).toBe(503);
      expect(res.body.error.message).toContain('set CHATKIT_WORKFLOW_ID.');
    } finally {
      await onlyKey.close();
    }
    const unreachable = await startTestApp({
      OPENAI_API_KEY: 'test-key-not-real',
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      AGENT_MODEL: 'offline',
      CHATKIT_WORKFLOW_ID: 'wf_test_123',
    });
    try {
      const user = await signUp(unreachable.url);
      const res = await api(unreachable.url, user.jwt).post('/api/chat/chatkit/session');
      expect(res.status).toBe(503);
      expect(res.body.error.message).toContain('could not be reached');
    } finally {
      await unreachable.close();
    }
  });
});
