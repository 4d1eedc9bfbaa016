import { startTestApp, TestApp } from '../support/test-app';

/** The script-tag widget served at /widget/ to any page, with the caching a CDN-style asset needs. */
describe('GET /widget/*', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const get = (path: string) => fetch(`${t.url}${path}`, { headers: { origin: 'https://any-site.example' } });

  it('serves the entry to any origin with a short cache', async () => {
    const res = await get('/widget/todo-assistant.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await res.text()).toMatch(/\.\/chunks\/embed-mount-[\w-]+\.js/);
  });

  it('serves content-hashed chunks with a long immutable cache, loadable by import() from other origins', async () => {
    const entry = await (await get('/widget/todo-assistant.js')).text();
    const chunk = /\.\/(chunks\/embed-mount-[\w-]+\.js)/.exec(entry)![1];
    const res = await get(`/widget/${chunk}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('answers 404 in the API error shape for anything else', async () => {
    const res = await get('/widget/nope.js');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: expect.any(String) } });
    expect((await get('/widget/../package.json')).status).toBe(404);
  });
});
