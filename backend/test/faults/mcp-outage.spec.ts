import { connectInProcess, textOf } from '../support/mcp-clients';
import { TcpProxy } from '../support/tcp-proxy';
import { startTestApp, testDatabaseUrl, TestApp } from '../support/test-app';
import { signUp } from '../support/users';

describe('MCP tools while the database is away', () => {
  let proxy: TcpProxy;
  let t: TestApp;

  beforeAll(async () => {
    proxy = TcpProxy.forUrl(testDatabaseUrl());
    await proxy.start();
    t = await startTestApp({ DATABASE_URL: proxy.rewrite(testDatabaseUrl()) });
  });
  afterAll(async () => {
    await t.close();
    await proxy.stop();
  });

  it('answers a tool call with a retryable sentence, not the driver error, and works again afterwards', async () => {
    const user = await signUp(t.url);
    const conn = await connectInProcess(t.app, user.jwt);
    proxy.cut();
    const res = await conn.call('add_task', { title: 'During the outage' });
    expect(res.isError).toBe(true);
    expect(textOf(res)).toBe('Your task list cannot be reached right now. Please try again in a moment.');
    proxy.restore();
    let again = await conn.call('add_task', { title: 'After the outage' });
    for (let i = 0; i < 20 && again.isError; i++) {
      await new Promise((r) => setTimeout(r, 100));
      again = await conn.call('add_task', { title: 'After the outage' });
    }
    expect(again.isError).toBeFalsy();
    expect(JSON.parse(textOf(again))).toMatchObject({ status: 'created', title: 'After the outage' });
    await conn.close();
  });
});
