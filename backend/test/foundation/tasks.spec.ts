import { api, signUp, TestUser } from '../support/users';
import { startTestApp, TestApp } from '../support/test-app';

describe('REST tasks API', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let a: ReturnType<typeof api>;
  let b: ReturnType<typeof api>;

  beforeAll(async () => {
    t = await startTestApp();
    [alice, bob] = await Promise.all([signUp(t.url, 'Alice'), signUp(t.url, 'Bob')]);
    a = api(t.url, alice.jwt);
    b = api(t.url, bob.jwt);
  });
  afterAll(() => t.close());

  it('creates, reads, updates, toggles and deletes a task, numbering per user', async () => {
    const created = await a.post('/api/tasks', { title: '  Buy milk ', description: '2 liters' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 1,
      title: 'Buy milk',
      description: '2 liters',
      completed: false,
      completed_at: null,
    });
    expect(new Date(created.body.created_at).toISOString()).toBe(created.body.created_at);

    expect((await b.post('/api/tasks', { title: 'Bob first' })).body.id).toBe(1); // numbers are per user

    expect((await a.get('/api/tasks/1')).body.title).toBe('Buy milk');

    const patched = await a.patch('/api/tasks/1', { title: 'Buy oat milk' });
    expect(patched.body).toMatchObject({ id: 1, title: 'Buy oat milk', description: '2 liters' });
    expect(Date.parse(patched.body.updated_at)).toBeGreaterThanOrEqual(Date.parse(created.body.updated_at));

    const put = await a.put('/api/tasks/1', { title: 'Buy soy milk' });
    expect(put.body).toMatchObject({ title: 'Buy soy milk', description: null, completed: false });

    const toggled = await a.patch('/api/tasks/1/complete');
    expect(toggled.body).toMatchObject({ completed: true });
    expect(toggled.body.completed_at).not.toBeNull();
    expect((await a.patch('/api/tasks/1/complete')).body).toMatchObject({
      completed: false,
      completed_at: null,
    });
    expect((await a.patch('/api/tasks/1/complete', { completed: true })).body.completed).toBe(true);
    expect((await a.patch('/api/tasks/1/complete', { completed: true })).body.completed).toBe(true); // set, not toggle

    const deleted = await a.delete('/api/tasks/1');
    expect(deleted.status).toBe(200);
    expect(deleted.body.title).toBe('Buy soy milk');
    expect((await a.get('/api/tasks/1')).status).toBe(404);

    // numbers are never reused
    expect((await a.post('/api/tasks', { title: 'After delete' })).body.id).toBe(2);
  });

  describe('listing', () => {
    let u: ReturnType<typeof api>;
    beforeAll(async () => {
      const carol = await signUp(t.url, 'Carol');
      u = api(t.url, carol.jwt);
      for (const title of [
        'Walk the dog',
        'buy bread',
        'Call mom',
        'Pay bills',
        'Book dentist 50% off',
        'alpha_beta',
      ]) {
        await u.post('/api/tasks', {
          title,
          description: title === 'Call mom' ? 'about the trip' : undefined,
        });
      }
      await u.patch('/api/tasks/2/complete');
      await u.patch('/api/tasks/4/complete');
      await u.patch('/api/tasks/1', { title: 'Walk the dog twice' }); // most recently updated
    });

    const ids = (res: { body: { data: Array<{ id: number }> } }) => res.body.data.map((x) => x.id);

    it('filters by status', async () => {
      expect(ids(await u.get('/api/tasks'))).toEqual([1, 2, 3, 4, 5, 6]);
      expect(ids(await u.get('/api/tasks?status=all'))).toEqual([1, 2, 3, 4, 5, 6]);
      expect(ids(await u.get('/api/tasks?status=pending'))).toEqual([1, 3, 5, 6]);
      expect(ids(await u.get('/api/tasks?status=completed'))).toEqual([2, 4]);
    });

    it('searches title and description, case-insensitively, treating % and _ literally', async () => {
      expect(ids(await u.get('/api/tasks?q=MOM'))).toEqual([3]);
      expect(ids(await u.get('/api/tasks?q=trip'))).toEqual([3]);
      expect(ids(await u.get('/api/tasks?q=50%25'))).toEqual([5]);
      expect(ids(await u.get('/api/tasks?q=_'))).toEqual([6]);
      expect(ids(await u.get('/api/tasks?q=b&status=completed'))).toEqual([2, 4]);
      expect(ids(await u.get('/api/tasks?q=nothing-like-this'))).toEqual([]);
    });

    it('sorts by created, updated and title in both orders', async () => {
      expect(ids(await u.get('/api/tasks?sort=created&order=desc'))).toEqual([6, 5, 4, 3, 2, 1]);
      expect(ids(await u.get('/api/tasks?sort=updated&order=desc'))[0]).toBe(1);
      expect((await u.get('/api/tasks?sort=title')).body.data.map((x: { title: string }) => x.title)).toEqual(
        ['alpha_beta', 'Book dentist 50% off', 'buy bread', 'Call mom', 'Pay bills', 'Walk the dog twice'],
      );
      expect(ids(await u.get('/api/tasks?sort=title&order=desc'))).toEqual([1, 4, 3, 2, 5, 6]);
    });

    it.each([
      ['created', 'asc'],
      ['created', 'desc'],
      ['updated', 'asc'],
      ['updated', 'desc'],
      ['title', 'asc'],
      ['title', 'desc'],
    ])('paginates with cursors (sort=%s order=%s) without repeating or skipping', async (sort, order) => {
      const all = ids(await u.get(`/api/tasks?sort=${sort}&order=${order}`));
      const seen: number[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const res = await u.get(
          `/api/tasks?sort=${sort}&order=${order}&limit=4${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status).toBe(200);
        expect(res.body.data.length).toBeLessThanOrEqual(4);
        seen.push(...ids(res));
        cursor = res.body.next_cursor;
        expect(Boolean(cursor)).toBe(res.body.has_more);
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(2);
      expect(seen).toEqual(all);
    });
  });

  describe('validation: 400 with a message naming the field', () => {
    it.each([
      ['missing title', {}, 'title'],
      ['empty title', { title: '' }, 'title must be 1-200 characters'],
      ['blank title', { title: '   ' }, 'title must be 1-200 characters'],
      ['title too long', { title: 'x'.repeat(201) }, 'title must be 1-200 characters'],
      ['title of the wrong type', { title: 42 }, 'title must be a string'],
      [
        'description too long',
        { title: 'ok', description: 'x'.repeat(1001) },
        'description must be at most 1000 characters',
      ],
      ['description of the wrong type', { title: 'ok', description: ['x'] }, 'description must be a string'],
      ['unknown field', { title: 'ok', user_id: 'someone-else' }, 'property user_id should not exist'],
    ])('POST with %s', async (_name, body, message) => {
      const res = await a.post('/api/tasks', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
      expect(res.body.error.message).toContain(message);
    });

    it('accepts exactly 200 and 1000 characters', async () => {
      const res = await a.post('/api/tasks', { title: 'x'.repeat(200), description: 'y'.repeat(1000) });
      expect(res.status).toBe(201);
    });

    it.each([
      ['/api/tasks/abc', 'id must be a positive integer'],
      ['/api/tasks/0', 'id must be a positive integer'],
      ['/api/tasks/-1', 'id must be a positive integer'],
      ['/api/tasks/1.5', 'id must be a positive integer'],
      ['/api/tasks/99999999999', 'id must be a positive integer'],
      ['/api/tasks/%201', 'id must be a positive integer'],
      ['/api/tasks/1%00', 'id must be a positive integer'],
      ['/api/tasks?status=done', 'status must be one of: all, pending, completed'],
      ['/api/tasks?sort=size', 'sort must be one of: created, updated, title, due, priority'],
      ['/api/tasks?order=up', 'order must be one of: asc, desc'],
      ['/api/tasks?limit=0', 'limit must be an integer from 1 to 100'],
      ['/api/tasks?limit=101', 'limit must be an integer from 1 to 100'],
      ['/api/tasks?limit=ten', 'limit must be an integer from 1 to 100'],
      ['/api/tasks?cursor=bogus', 'cursor is not valid'],
      ['/api/tasks?extra=1', 'property extra should not exist'],
    ])('GET %s', async (path, message) => {
      const res = await a.get(path);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    });

    it('rejects bad PATCH bodies', async () => {
      await a.post('/api/tasks', { title: 'Patch me' });
      expect((await a.patch('/api/tasks/2', {})).body.error.message).toContain('nothing to change');
      expect((await a.patch('/api/tasks/2', { completed: 'yes' })).body.error.message).toContain(
        'completed must be a boolean',
      );
      expect((await a.patch('/api/tasks/2/complete', { completed: 1 })).body.error.message).toContain(
        'completed must be a boolean',
      );
      expect((await a.patch('/api/tasks/2', { title: '' })).status).toBe(400);
    });

    it('rejects bodies that are not JSON objects', async () => {
      expect((await a.post('/api/tasks', '{"title":')).body.error.message).toBe(
        'The body is not valid JSON.',
      );
      expect((await a.post('/api/tasks', '[1,2]')).status).toBe(400);
      const invalidUtf8 = await fetch(`${t.url}/api/tasks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${alice.jwt}`, 'content-type': 'application/json' },
        body: Buffer.from([
          0x7b, 0x22, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d,
        ]),
      });
      expect(invalidUtf8.status).toBe(400);
      expect(((await invalidUtf8.json()) as any).error.message).toBe('The body is not valid UTF-8.');
      expect((await a.post('/api/tasks', { title: 'a\u0000b' })).body.error.message).toContain(
        'title must not contain NUL characters',
      );
      const text = await fetch(`${t.url}/api/tasks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${alice.jwt}`, 'content-type': 'text/plain' },
        body: 'title=x',
      });
      expect(text.status).toBe(415);
    });
  });

  describe('isolation between users', () => {
    let bobTask: number;
    beforeAll(async () => {
      bobTask = (await b.post('/api/tasks', { title: 'Bob secret' })).body.id;
    });

    it("never shows or changes another user's task (404 on every route)", async () => {
      const aliceTitles = (await a.get('/api/tasks?limit=100')).body.data.map(
        (x: { title: string }) => x.title,
      );
      expect(aliceTitles).not.toContain('Bob secret');
      expect((await a.get('/api/tasks?q=secret')).body.data).toEqual([]);
      const missing = 900_000 + bobTask;
      for (const res of [
        await a.get(`/api/tasks/${missing}`),
        await a.patch(`/api/tasks/${missing}`, { title: 'hacked' }),
        await a.put(`/api/tasks/${missing}`, { title: 'hacked' }),
        await a.patch(`/api/tasks/${missing}/complete`),
        await a.delete(`/api/tasks/${missing}`),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('not_found');
      }
      expect((await b.get(`/api/tasks/${bobTask}`)).body).toMatchObject({
        title: 'Bob secret',
        completed: false,
      });
    });

    it("answers 403 on the seed's /api/{user_id}/tasks URLs for another user, and works for one's own", async () => {
      for (const res of [
        await a.get(`/api/${bob.id}/tasks`),
        await a.post(`/api/${bob.id}/tasks`, { title: 'planted' }),
        await a.get(`/api/${bob.id}/tasks/${bobTask}`),
        await a.put(`/api/${bob.id}/tasks/${bobTask}`, { title: 'hacked' }),
        await a.patch(`/api/${bob.id}/tasks/${bobTask}/complete`),
        await a.delete(`/api/${bob.id}/tasks/${bobTask}`),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('forbidden');
      }
      expect((await b.get(`/api/tasks/${bobTask}`)).body).toMatchObject({
        title: 'Bob secret',
        completed: false,
      });
      expect((await b.get('/api/tasks?q=planted')).body.data).toEqual([]);

      const own = await a.post(`/api/${alice.id}/tasks`, { title: 'Via seed URL' });
      expect(own.status).toBe(201);
      expect((await a.get(`/api/${alice.id}/tasks/${own.body.id}`)).body.title).toBe('Via seed URL');
      expect((await a.patch(`/api/${alice.id}/tasks/${own.body.id}/complete`)).body.completed).toBe(true);
      expect((await a.delete(`/api/${alice.id}/tasks/${own.body.id}`)).status).toBe(200);
    });
  });

  it('gives 50 concurrent creations for one user the distinct numbers 1..50', async () => {
    const dave = await signUp(t.url, 'Dave');
    const d = api(t.url, dave.jwt);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => d.post('/api/tasks', { title: `Task ${i}` })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const numbers = results.map((r) => r.body.id as number).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect((await d.get('/api/tasks?limit=100')).body.data).toHaveLength(50);
  });
});
