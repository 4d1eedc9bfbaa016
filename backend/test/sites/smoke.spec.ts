import { ChatKitClient, userInput } from '../support/chatkit-client';
import { createSite, guestSession, hostSession } from '../support/sites';
import { startTestApp, TestApp } from '../support/test-app';
import { api } from '../support/users';

describe('sites smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('host user: exchange, tasks, chat', async () => {
    const site = await createSite(t, { identity: ['host'] });
    const u = await hostSession(t.url, site, 'cust-1', { name: 'Ada', email: 'ada@shop.test' });
    expect(u.body.user).toMatchObject({ name: 'Ada', email: 'ada@shop.test' });
    const rest = api(t.url, u.jwt);
    const created = await rest.post('/api/tasks', { title: 'Buy milk' }, { origin: site.origin });
    expect(created.status).toBe(201);
    const other = await rest.get('/api/tasks', { origin: 'https://elsewhere.example' });
    expect(other.status).toBe(403);
    expect(other.body.error.message).toContain(site.id);
    const ck = new ChatKitClient(t.url, u.jwt);
    const r = await ck.stream('threads.create', { input: userInput('show my tasks') });
    expect(JSON.stringify(r.events)).toContain('Buy milk');
    const again = await hostSession(t.url, site, 'cust-1', { name: 'Ada L.' });
    expect(again.id).toBe(u.id);
  });

  it('guest: create, add, sign up, keep tasks', async () => {
    const site = await createSite(t, { identity: ['guests', 'accounts'] });
    const g = await guestSession(t.url, site);
    const add = await api(t.url, g.jwt).post('/api/tasks', { title: 'Guest task' });
    expect(add.status).toBe(201);
    const email = `g-${Date.now()}@example.test`;
    const res = await fetch(`${t.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: site.origin,
        authorization: `Bearer ${g.session}`,
      },
      body: JSON.stringify({ email, password: 'correct-horse-battery', name: 'Gina' }),
    });
    const body = (await res.json()) as any;
    expect(res.status).toBe(200);
    const session = res.headers.get('set-auth-token')!;
    const tok = await fetch(`${t.url}/api/auth/token`, { headers: { authorization: `Bearer ${session}` } });
    const jwt = ((await tok.json()) as any).token;
    const list = await api(t.url, jwt).get('/api/tasks');
    expect(list.body.data.map((x: any) => x.title)).toEqual(['Guest task']);
    expect(body.user.id).not.toBe(g.id);
  });
});
