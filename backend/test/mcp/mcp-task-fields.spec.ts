import { UserTimeZones } from '../../src/tasks/user-time-zones.service';
import { clockOverride, TestClock } from '../support/fixed-clock';
import { connectHttp, connectInProcess, McpConnection, textOf } from '../support/mcp-clients';
import { startTestAppWith } from '../support/test-app-overrides';
import { TestApp } from '../support/test-app';
import { api, signUp, TestUser } from '../support/users';

type Connect = (t: TestApp, user: TestUser) => Promise<McpConnection>;

const json = (res: { content: unknown[] }) => JSON.parse(textOf(res as never));

/**
 * Priority, tags, due dates and recurrence through the MCP tools, over HTTP (the user's remembered time zone)
 * and in process (the zone a chat turn carries). "Now" is Wed 9 Dec 2026, 10:00 UTC.
 */
describe.each<[string, Connect, string]>([
  ['over Streamable HTTP (remembered zone)', (t, u) => connectHttp(t.url, u.jwt), 'Europe/Berlin'],
  ['in process (the turn’s zone)', (t, u) => connectInProcess(t.app, u.jwt, 'Europe/Berlin'), 'UTC'],
])('MCP task fields %s', (_name, connect, remembered) => {
  let t: TestApp;
  let user: TestUser;
  let c: McpConnection;

  beforeAll(async () => {
    t = await startTestAppWith([clockOverride(new TestClock())]);
    user = await signUp(t.url, 'Fields');
    // Over HTTP the remembered zone is Berlin; in process the turn says Berlin while the remembered one is UTC.
    await t.app.get(UserTimeZones).remember(user.id, remembered);
    c = await connect(t, user);
  });
  afterAll(async () => {
    await c?.close();
    await t.close();
  });

  it('describes every new field for LLM clients', async () => {
    const byName = Object.fromEntries((await c.listTools()).map((tool) => [tool.name, tool]));
    expect(Object.keys(byName.add_task.inputSchema.properties!)).toEqual([
      'title',
      'description',
      'priority',
      'tags',
      'due',
      'recurrence',
      'remind_at',
    ]);
    expect(byName.add_task.inputSchema.properties).toMatchObject({
      priority: { enum: ['high', 'medium', 'low'], description: expect.stringContaining('urgent') },
      due: { type: 'string', description: expect.stringContaining("user's time zone") },
      recurrence: { description: expect.stringContaining('every monday and thursday') },
      remind_at: { type: 'string', description: expect.stringContaining('"30 minutes before"') },
    });
    expect(byName.update_task.inputSchema.properties).toMatchObject({
      priority: { description: expect.stringContaining('"none" removes it') },
      add_tags: { type: 'array' },
      remove_tags: { type: 'array' },
      due: { description: expect.stringContaining('A time alone ("2 PM") keeps the day') },
      remind_at: { description: expect.stringContaining('"none" turns its reminder off') },
    });
    expect(byName.list_tasks.inputSchema.properties).toMatchObject({
      due: { enum: ['overdue', 'today', 'week', 'none'] },
      priority: { enum: ['high', 'medium', 'low', 'none'] },
      sort: { enum: ['number', 'due', 'priority'] },
      tags: { type: 'array' },
    });
    for (const tool of Object.values(byName))
      for (const prop of Object.values(tool.inputSchema.properties ?? {}))
        expect((prop as { description?: string }).description).toBeTruthy();
    expect(byName.complete_task.outputSchema?.properties).toHaveProperty('next');
  });

  it('adds with priority, tags, a due date in words and a repeat, answering the resolved date', async () => {
    const added = await c.call('add_task', {
      title: 'Pay rent',
      priority: 'high',
      tags: ['Home', '#bills'],
      due: 'the 1st',
      recurrence: 'monthly',
    });
    expect(added.isError).toBeFalsy();
    expect(json(added)).toEqual({
      task_id: 1,
      status: 'created',
      title: 'Pay rent',
      priority: 'high',
      tags: ['home', 'bills'],
      due: 'Fri 1 Jan 2027',
      due_at: '2027-01-01T22:59:59.999Z', // the end of that day in Berlin
      repeats: 'every month on the 1st',
    });
    expect(added.structuredContent).toEqual(json(added));
    const dentist = json(await c.call('add_task', { title: 'Dentist', due: 'Friday 3pm' }));
    expect(dentist).toMatchObject({
      task_id: 2,
      due: 'Fri 11 Dec, 15:00',
      due_at: '2026-12-11T14:00:00.000Z',
    });
    const rest = (await api(t.url, user.jwt).get('/api/tasks/2')).body;
    expect(rest).toMatchObject({ due_time: '15:00', time_zone: 'Europe/Berlin' });
  });

  it('updates: moves a due date, a time alone keeping the day, tags added and removed, fields cleared', async () => {
    expect(json(await c.call('update_task', { task_id: 2, due: '2 PM' }))).toMatchObject({
      due: 'Fri 11 Dec, 14:00',
    });
    expect(json(await c.call('update_task', { task_id: 2, add_tags: ['Health', 'errands'] })).tags).toEqual([
      'health',
      'errands',
    ]);
    expect(
      json(await c.call('update_task', { task_id: 2, remove_tags: ['errands'], priority: 'low' })),
    ).toMatchObject({
      tags: ['health'],
      priority: 'low',
    });
    const cleared = json(await c.call('update_task', { task_id: 2, priority: 'none', due: 'none' }));
    expect(cleared).toEqual({ task_id: 2, status: 'updated', title: 'Dentist', tags: ['health'] });
  });

  it('completing a repeating task answers its next occurrence', async () => {
    const done = json(await c.call('complete_task', { task_id: 1 }));
    expect(done).toMatchObject({ task_id: 1, status: 'completed', title: 'Pay rent' });
    expect(done).not.toHaveProperty('repeats'); // the series moved on
    expect(done.next).toEqual({
      task_id: 3,
      title: 'Pay rent',
      priority: 'high',
      tags: ['home', 'bills'],
      due: 'Mon 1 Feb 2027',
      due_at: '2027-02-01T22:59:59.999Z',
      repeats: 'every month on the 1st',
    });
  });

  it('lists with filters and sorts, marking overdue tasks', async () => {
    for (const task of [
      { title: 'Late report', priority: 'high', tags: ['work'], due: '2026-12-08' }, // 4
      { title: 'Standup', tags: ['work'], due: 'today at 4pm' }, // 5
      { title: 'Sunday call', priority: 'medium', due: 'Sunday' }, // 6
    ])
      expect((await c.call('add_task', task)).isError).toBeFalsy();
    const ids = async (args: Record<string, unknown>) =>
      (json(await c.call('list_tasks', args)) as Array<{ id: number }>).map((x) => x.id);
    expect(await ids({ due: 'overdue' })).toEqual([4]);
    expect(await ids({ due: 'today' })).toEqual([5]);
    expect(await ids({ status: 'pending', due: 'week' })).toEqual([5, 6]);
    expect(await ids({ due: 'none' })).toEqual([2]);
    expect(await ids({ tags: ['work'] })).toEqual([4, 5]);
    expect(await ids({ priority: 'high' })).toEqual([1, 3, 4]);
    expect(await ids({ due_before: 'Saturday' })).toEqual([4, 5]);
    expect(await ids({ status: 'pending', sort: 'due' })).toEqual([4, 5, 6, 3, 2]);
    expect(await ids({ status: 'pending', sort: 'priority' })).toEqual([4, 3, 6, 5, 2]);
    const [late] = json(await c.call('list_tasks', { due: 'overdue' }));
    expect(late).toMatchObject({ id: 4, overdue: true, due: 'Tue 8 Dec', priority: 'high', tags: ['work'] });
  });

  it('refuses what it cannot understand with a sentence, and changes nothing', async () => {
    const before = (await api(t.url, user.jwt).get('/api/tasks')).body.data;
    for (const [name, args, message] of [
      ['add_task', { title: 'x', due: 'whenever' }, /due: could not understand "whenever" as a date/],
      ['add_task', { title: 'x', recurrence: 'sometimes' }, /recurrence: could not understand "sometimes"/],
      ['add_task', { title: 'x', tags: ['no spaces!'] }, /is not a tag/],
      ['add_task', { title: 'x', priority: 'urgent' }, /priority/],
      ['update_task', { task_id: 2 }, /Give something to change/],
      ['update_task', { task_id: 3, due: 'none' }, /repeating task needs a due date/],
      ['list_tasks', { due: 'soon' }, /due/],
      ['list_tasks', { due_before: 'someday' }, /due_before: could not understand/],
    ] as const) {
      const res = await c.call(name, args);
      expect(res.isError).toBe(true);
      expect(textOf(res)).toMatch(message);
    }
    expect((await api(t.url, user.jwt).get('/api/tasks')).body.data).toEqual(before);
  });

  it('filters never reach another user’s tasks', async () => {
    const bob = await signUp(t.url, 'Bob');
    const b = api(t.url, bob.jwt);
    await b.post('/api/tasks', {
      title: 'Bob overdue work',
      priority: 'high',
      tags: ['work'],
      due_at: '2026-12-01',
    });
    const titles = async (args: Record<string, unknown>) =>
      (json(await c.call('list_tasks', args)) as Array<{ title: string }>).map((x) => x.title);
    for (const args of [{ tags: ['work'] }, { due: 'overdue' }, { priority: 'high' }, { sort: 'due' }])
      expect(await titles(args)).not.toContain('Bob overdue work');
  });
});
