import { TcpProxy } from '../support/tcp-proxy';
import { startTestApp, testDatabaseUrl, TestApp } from '../support/test-app';

describe('GET /health', () => {
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

  it('is ok with the database up, 503 while it is down, and ok again when it is back', async () => {
    expect((await fetch(`${t.url}/health`)).status).toBe(200);

    proxy.cut();
    const down = await fetch(`${t.url}/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({
      error: { code: 'service_unavailable', message: 'The database is not reachable.' },
    });

    proxy.restore();
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await fetch(`${t.url}/health`)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
  });
});
