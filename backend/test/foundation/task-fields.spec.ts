import { UserTimeZones } from '../../src/tasks/user-time-zones.service';
import { clockOverride, TestClock } from '../support/fixed-clock';
import { startTestAppWith } from '../support/test-app-overrides';
import { TestApp } from '../support/test-app';
import { api, signUp, TestUser } from '../support/users';

type Client = ReturnType<typeof api>;
const ids = (res: { body: { data: Array<{ id: number }> } }) => res.body.data.map((x) => x.id);

/**
 * Priority, tags, due dates and recurring tasks on the REST API, with "now" fixed at Wed 9 Dec 2026 10:00 UTC.
 */
describe('REST tasks: priority, tags, due dates, recurrence', () => {
  let t: TestApp;
  const clock = new TestClock();

  beforeAll(async () => {
    t = await startTestAppWith([clockOverride(clock)]);
  });
  afterAll(() => t.close());

  async function user(timeZone?: string): Promise<{ u: TestUser; c: Client }> {
    const u = await signUp(t.url, 'Fields');
    if (timeZone) await t.app.get(UserTimeZones).remember(u.id, timeZone);
    return { u, c: api(t.url, u.jwt) };
  }

  it('creates a task with every field, normalised, due in the user’s time zone', async () => {
    const { c } = await user('Europe/Berlin');
    const res = await c.post('/api/tasks', {
      title: 'Pay rent',
      priority: 'high',
      tags: ['#Home', 'home', ' Bills ', 'side project'],
      due_at: '2027-01-01T09:00',
      recurrence: 'monthly',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: 1,
      title: 'Pay rent',
      priority: 'high',
      tags: ['home', 'bills', 'side-project'],
      due_at: '2027-01-01T08:00:00.000Z',
      due_date: '2027-01-01',
      due_time: '09:00',
      time_zone: 'Europe/Berlin',
      recurrence: { frequency: 'monthly', interval: 1, month_day: 1 },
    });
    expect((await c.get('/api/tasks/1')).body).toEqual(res.body);
  });

  it('a task created without the new fields has none of them (existing clients keep working)', async () => {
    const { c } = await user();
    const res = await c.post('/api/tasks', { title: 'Plain' });
    expect(res.body).toMatchObject({
      priority: null,
      tags: [],
      due_at: null,
      due_date: null,
      due_time: null,
      time_zone: null,
      recurrence: null,
    });
  });

  it('resolves words in the user’s zone and states a date without a time as that date', async () => {
    const { c } = await user('America/New_York'); // 05:00 on Wed 9 Dec there
    const tomorrow = await c.post('/api/tasks', { title: 'Dentist', due_at: 'tomorrow 9am' });
    expect(tomorrow.body).toMatchObject({
      due_at: '2026-12-10T14:00:00.000Z',
      due_date: '2026-12-10',
      due_time: '09:00',
    });
    const friday = await c.post('/api/tasks', { title: 'Report', due_at: 'Friday' });
    expect(friday.body).toMatchObject({
      due_date: '2026-12-11',
      due_time: null,
      due_at: '2026-12-12T04:59:59.999Z',
    });
    const utc = await user(); // never sent a zone: UTC
    expect((await utc.c.post('/api/tasks', { title: 'x', due_at: '2026-12-12T15:00' })).body.due_at).toBe(
      '2026-12-12T15:00:00.000Z',
    );
  });

  it('PATCH changes, replaces and clears each field; a time alone keeps the day', async () => {
    const { c } = await user('Europe/Berlin');
    await c.post('/api/tasks', {
      title: 'Team meeting',
      priority: 'low',
      tags: ['work'],
      due_at: '2026-12-10T09:00',
    });
    expect((await c.patch('/api/tasks/1', { priority: 'medium' })).body).toMatchObject({
      priority: 'medium',
      tags: ['work'],
    });
    expect((await c.patch('/api/tasks/1', { tags: ['Work', 'Meetings'] })).body.tags).toEqual([
      'work',
      'meetings',
    ]);
    expect((await c.patch('/api/tasks/1', { due_at: '2 PM' })).body).toMatchObject({
      due_date: '2026-12-10',
      due_time: '14:00',
    });
    const cleared = await c.patch('/api/tasks/1', { priority: null, tags: null, due_at: null });
    expect(cleared.body).toMatchObject({
      priority: null,
      tags: [],
      due_at: null,
      due_time: null,
      title: 'Team meeting',
    });
  });

  it('PUT from a client that knows only title and description keeps the other fields', async () => {
    const { c } = await user();
    await c.post('/api/tasks', { title: 'Old', priority: 'high', tags: ['a'], due_at: '2026-12-20' });
    const put = await c.put('/api/tasks/1', { title: 'New' });
    expect(put.body).toMatchObject({
      title: 'New',
      description: null,
      priority: 'high',
      tags: ['a'],
      due_date: '2026-12-20',
    });
  });

  describe('recurring tasks', () => {
    it('completing one creates the next occurrence in the same change, once', async () => {
      const { c } = await user('Europe/Berlin');
      await c.post('/api/tasks', {
        title: 'Water plants',
        description: 'balcony too',
        priority: 'low',
        tags: ['home'],
        due_at: '2026-12-09',
        recurrence: 'every monday and thursday',
      });
      const done = await c.patch('/api/tasks/1/complete');
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ id: 1, completed: true, recurrence: null });
      expect(done.body.next_occurrence).toMatchObject({
        id: 2,
        title: 'Water plants',
        description: 'balcony too',
        priority: 'low',
        tags: ['home'],
        completed: false,
        due_date: '2026-12-10',
        due_time: null,
        recurrence: { frequency: 'weekly', interval: 1, weekdays: ['mon', 'thu'] },
      });
      // Reopening and completing the old one again creates nothing more.
      expect((await c.patch('/api/tasks/1/complete')).body.completed).toBe(false);
      const again = await c.patch('/api/tasks/1/complete', { completed: true });
      expect(again.body.next_occurrence).toBeUndefined();
      expect(ids(await c.get('/api/tasks'))).toEqual([1, 2]);
      // The series goes on from the new one, through PATCH too.
      const next = await c.patch('/api/tasks/2', { completed: true });
      expect(next.body.next_occurrence).toMatchObject({ id: 3, due_date: '2026-12-14' });
    });

    it('a daily task finished late comes back due today, not overdue', async () => {
      const { c } = await user();
      await c.post('/api/tasks', { title: 'Stretch', due_at: '2026-12-01T07:30', recurrence: 'daily' });
      const done = await c.patch('/api/tasks/1/complete', { completed: true });
      expect(done.body.next_occurrence).toMatchObject({ due_date: '2026-12-10', due_time: '07:30' });
    });

    it('a repeat without a due date starts on its first day; its due date cannot be cleared while it repeats', async () => {
      const { c } = await user();
      const res = await c.post('/api/tasks', { title: 'Rent', recurrence: 'every month on the 1st' });
      expect(res.body).toMatchObject({
        due_date: '2027-01-01',
        recurrence: { frequency: 'monthly', month_day: 1 },
      });
      const refused = await c.patch('/api/tasks/1', { due_at: null });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain('repeating task needs a due date');
      const stopped = await c.patch('/api/tasks/1', { recurrence: null, due_at: null });
      expect(stopped.body).toMatchObject({ recurrence: null, due_at: null });
    });
  });

  describe('filters and sorts', () => {
    let c: Client;
    beforeAll(async () => {
      ({ c } = await user('Europe/Berlin')); // now: Wed 9 Dec, 11:00 in Berlin
      const tasks = [
        { title: 'Overdue high', priority: 'high', tags: ['work'], due_at: '2026-12-08' }, // 1
        { title: 'Today 15:00', priority: 'low', tags: ['work', 'urgent'], due_at: '2026-12-09T15:00' }, // 2
        { title: 'Earlier today', due_at: '2026-12-09T08:00' }, // 3: past, so overdue as well as today
        { title: 'Sunday', priority: 'medium', tags: ['home'], due_at: '2026-12-13' }, // 4
        { title: 'Next week', priority: 'high', due_at: '2026-12-16' }, // 5
        { title: 'No due', priority: 'medium', tags: ['home', 'work'] }, // 6
        { title: 'Done late', due_at: '2026-12-01' }, // 7: completed below, so not overdue
      ];
      for (const task of tasks) expect((await c.post('/api/tasks', task)).status).toBe(201);
      await c.patch('/api/tasks/7/complete');
    });

    it.each([
      ['priority=high', [1, 5]],
      ['priority=none', [3, 7]],
      ['tag=work', [1, 2, 6]],
      ['tag=WORK&tag=urgent', [2]],
      ['due=overdue', [1, 3]],
      ['due=today', [2, 3]],
      ['due=week', [2, 3, 4]],
      ['due=none', [6]],
      ['due_before=2026-12-09', [1, 7]],
      ['due_after=2026-12-13', [4, 5]],
      ['due_after=today&due_before=2026-12-14', [2, 3, 4]],
      ['due=week&tag=home', [4]],
      ['status=pending&priority=high&due=overdue', [1]],
    ])('%s', async (query, expected) => {
      const res = await c.get(`/api/tasks?${query}`);
      expect(res.status).toBe(200);
      expect(ids(res)).toEqual(expected);
    });

    it('sorts by due date (none last) and by priority (then due date)', async () => {
      expect(ids(await c.get('/api/tasks?sort=due'))).toEqual([7, 1, 3, 2, 4, 5, 6]);
      expect(ids(await c.get('/api/tasks?sort=due&order=desc'))).toEqual([6, 5, 4, 2, 3, 1, 7]);
      expect(ids(await c.get('/api/tasks?sort=priority'))).toEqual([1, 5, 4, 6, 2, 7, 3]);
    });

    it.each(['due', 'priority'])(
      'pages through sort=%s with cursors, in both orders, without repeats or gaps',
      async (sort) => {
        for (const order of ['asc', 'desc']) {
          const all = ids(await c.get(`/api/tasks?sort=${sort}&order=${order}`));
          const seen: number[] = [];
          let cursor: string | undefined;
          do {
            const res = await c.get(
              `/api/tasks?sort=${sort}&order=${order}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
            );
            seen.push(...ids(res));
            cursor = res.body.next_cursor;
          } while (cursor);
          expect(seen).toEqual(all);
        }
      },
    );
  });

  describe('bad input gets a 400 naming what is wrong', () => {
    let c: Client;
    beforeAll(async () => {
      ({ c } = await user());
      await c.post('/api/tasks', { title: 'Target' });
    });

    it.each([
      [{ title: 'x', priority: 'urgent' }, 'priority must be one of: high, medium, low'],
      [{ title: 'x', tags: 'work' }, 'tags must be a list of strings'],
      [{ title: 'x', tags: [1] }, 'tags must be a list of strings'],
      [{ title: 'x', tags: ['no spaces!'] }, 'is not a tag'],
      [{ title: 'x', tags: ['x'.repeat(31)] }, 'is not a tag'],
      [{ title: 'x', tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, 'at most 10 tags'],
      [{ title: 'x', due_at: 'whenever' }, 'due: could not understand "whenever" as a date'],
      [{ title: 'x', due_at: '2026-02-30' }, 'due: "2026-02-30" is not a date'],
      [{ title: 'x', due_at: 20261212 }, 'due_at must be a string'],
      [{ title: 'x', recurrence: 'sometimes' }, 'recurrence: could not understand "sometimes" as a repeat'],
      [
        { title: 'x', recurrence: { frequency: 'yearly' } },
        'recurrence: frequency must be one of: daily, weekly, monthly',
      ],
      [
        { title: 'x', recurrence: { frequency: 'daily', interval: 0 } },
        'recurrence: the repeat interval must be',
      ],
    ])('POST %j', async (body, message) => {
      const res = await c.post('/api/tasks', body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
      expect(ids(await c.get('/api/tasks'))).toEqual([1]); // nothing was stored
    });

    it.each([
      ['priority=urgent', 'priority must be one of: high, medium, low, none'],
      ['due=soon', 'due must be one of: overdue, today, week, none'],
      ['due_before=whenever', 'due_before: could not understand'],
      ['due_after=2026-13-01', 'due_after:'],
      ['tag=a%20b!', 'is not a tag'],
      ['sort=due&cursor=WyJ4IiwxXQ', 'cursor is not valid'],
    ])('GET ?%s', async (query, message) => {
      const res = await c.get(`/api/tasks?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    });
  });
});
