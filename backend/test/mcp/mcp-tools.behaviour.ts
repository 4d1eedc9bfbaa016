import { signUp, api, TestUser } from '../support/users';
import { McpConnection, textOf } from '../support/mcp-clients';
import { TestApp } from '../support/test-app';

type Connect = (t: TestApp, user: TestUser) => Promise<McpConnection>;

/** The same behaviour over HTTP and in process: one implementation of the tools behind both. */
export function toolBehaviour(getApp: () => TestApp, connect: Connect): void {
  let alice: TestUser;
  let bob: TestUser;
  let a: McpConnection;
  let b: McpConnection;

  beforeAll(async () => {
    const t = getApp();
    [alice, bob] = await Promise.all([signUp(t.url, 'Alice'), signUp(t.url, 'Bob')]);
    [a, b] = await Promise.all([connect(t, alice), connect(t, bob)]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const restTasks = async (user: TestUser) =>
    (await api(getApp().url, user.jwt).get('/api/tasks?limit=100')).body.data as Array<{
      id: number;
      title: string;
      description: string | null;
      completed: boolean;
    }>;

  it('lists the six tools with titles, descriptions, annotations and schemas without user_id', async () => {
    const tools = await a.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'add_task',
      'complete_task',
      'delete_task',
      'list_tasks',
      'undo_last_change',
      'update_task',
    ]);
    const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
    for (const tool of tools) {
      expect(tool.title).toBeTruthy();
      expect(tool.description!.length).toBeGreaterThan(30);
      expect(tool.inputSchema.properties).not.toHaveProperty('user_id');
      expect(tool.inputSchema.additionalProperties).toBe(false);
      expect(tool.outputSchema).toBeDefined();
      for (const prop of Object.values(tool.inputSchema.properties ?? {}))
        expect((prop as { description?: string }).description).toBeTruthy();
    }
    expect(byName.add_task.inputSchema.required).toEqual(['title']);
    expect(byName.add_task.inputSchema.properties).toMatchObject({
      title: { type: 'string', minLength: 1, maxLength: 200 },
    });
    expect(byName.list_tasks.inputSchema.properties).toMatchObject({
      status: { enum: ['all', 'pending', 'completed'] },
    });
    expect(byName.complete_task.inputSchema.required).toEqual(['task_id']);
    expect(byName.list_tasks.annotations).toMatchObject({ readOnlyHint: true });
    expect(byName.delete_task.annotations).toMatchObject({ destructiveHint: true });
    expect(byName.complete_task.annotations).toMatchObject({ idempotentHint: true });
    expect(byName.update_task.annotations).toMatchObject({ idempotentHint: true });
    expect(byName.undo_last_change.inputSchema.properties ?? {}).toEqual({});
    expect(byName.undo_last_change.annotations).toMatchObject({
      destructiveHint: true,
      idempotentHint: false,
    });
  });

  it('adds, lists, completes, reopens, updates and deletes, visible through GET /api/tasks', async () => {
    const added = await a.call('add_task', { title: 'Buy groceries', description: 'Milk, eggs, bread' });
    expect(added.isError).toBeFalsy();
    expect(JSON.parse(textOf(added))).toEqual({ task_id: 1, status: 'created', title: 'Buy groceries' });
    expect(added.structuredContent).toEqual({ task_id: 1, status: 'created', title: 'Buy groceries' });
    await a.call('add_task', { title: 'Call mom' });
    expect(await restTasks(alice)).toMatchObject([
      { id: 1, title: 'Buy groceries', description: 'Milk, eggs, bread' },
      { id: 2, title: 'Call mom' },
    ]);

    const listed = await a.call('list_tasks', { status: 'pending' });
    expect(JSON.parse(textOf(listed))).toMatchObject([
      { id: 1, title: 'Buy groceries', completed: false },
      { id: 2, title: 'Call mom', completed: false },
    ]);
    expect((listed.structuredContent as { tasks: unknown[] }).tasks).toHaveLength(2);

    expect(JSON.parse(textOf(await a.call('complete_task', { task_id: 2 })))).toEqual({
      task_id: 2,
      status: 'completed',
      title: 'Call mom',
    });
    expect((await restTasks(alice))[1].completed).toBe(true);
    expect(JSON.parse(textOf(await a.call('list_tasks', { status: 'completed' })))).toMatchObject([
      { id: 2 },
    ]);
    expect(JSON.parse(textOf(await a.call('list_tasks', {})))).toHaveLength(2);
    expect(JSON.parse(textOf(await a.call('complete_task', { task_id: 2, completed: false })))).toMatchObject(
      { status: 'pending' },
    );
    expect((await restTasks(alice))[1].completed).toBe(false);

    expect(
      JSON.parse(textOf(await a.call('update_task', { task_id: 2, title: 'Call mom tonight' }))),
    ).toEqual({ task_id: 2, status: 'updated', title: 'Call mom tonight' });
    expect((await restTasks(alice))[1].title).toBe('Call mom tonight');

    expect(JSON.parse(textOf(await a.call('delete_task', { task_id: 1 })))).toEqual({
      task_id: 1,
      status: 'deleted',
      title: 'Buy groceries',
    });
    expect((await restTasks(alice)).map((t) => t.id)).toEqual([2]);
  });

  it('answers a missing task with isError and a sentence the model can act on', async () => {
    const res = await a.call('complete_task', { task_id: 7 });
    expect(res.isError).toBe(true);
    expect(textOf(res)).toBe('Task 7 was not found. Your only task is number 2.');
    await a.call('add_task', { title: 'Third' });
    await a.call('add_task', { title: 'Fourth' });
    expect(textOf(await a.call('delete_task', { task_id: 1 }))).toBe(
      'Task 1 was not found. Your tasks are numbered 2–4.',
    );
  });

  it('rejects invalid arguments with a clear tool error and changes nothing', async () => {
    const before = await restTasks(alice);
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ['complete_task', { task_id: 'abc' }, /task_id must be a number/],
      ['complete_task', { task_id: -1 }, /task_id must be a positive task number/],
      ['delete_task', { task_id: 2.5 }, /task_id must be a whole number/],
      ['delete_task', {}, /task_id/],
      ['add_task', { title: 'x'.repeat(10_000) }, /title must be at most 200 characters/],
      ['add_task', { title: '' }, /title must not be empty/],
      ['add_task', { title: '   ' }, /title must not be empty/],
      [
        'add_task',
        { title: 'ok', description: 'd'.repeat(1001) },
        /description must be at most 1000 characters/,
      ],
      ['update_task', { task_id: 2 }, /Give something to change/],
      ['update_task', { task_id: 2, title: '' }, /title must not be empty/],
      ['list_tasks', { status: 'done' }, /status/],
    ];
    for (const [name, args, message] of cases) {
      const res = await a.call(name, args);
      expect(res.isError).toBe(true);
      expect(textOf(res)).toMatch(message);
    }
    expect(await restTasks(alice)).toEqual(before);
  });

  it("never reaches another user's tasks, whatever task_id or user_id is passed", async () => {
    await b.call('add_task', { title: 'Bob private' });
    const bobBefore = await restTasks(bob);
    const aliceView = JSON.parse(textOf(await a.call('list_tasks', { status: 'all' }))) as Array<{
      title: string;
    }>;
    expect(aliceView.map((t) => t.title)).not.toContain('Bob private');

    for (const task_id of [1, 2, 3, 4, 5, 99]) {
      for (const [name, args] of [
        ['complete_task', { task_id }],
        ['update_task', { task_id, title: 'pwned' }],
        ['delete_task', { task_id }],
      ] as const) {
        const res = await a.call(name, args);
        if (!res.isError) expect(JSON.parse(textOf(res)).title).not.toBe('Bob private');
      }
    }
    for (const [name, args] of [
      ['list_tasks', { user_id: bob.id }],
      ['add_task', { title: 'planted', user_id: bob.id }],
      ['complete_task', { task_id: 1, user_id: bob.id }],
      ['delete_task', { task_id: 1, user_id: bob.id }],
    ] as const) {
      const res = await a.call(name, args);
      expect(res.isError).toBe(true); // the schema rejects the extra key
      expect(textOf(res)).toMatch(/user_id/);
    }
    expect(await restTasks(bob)).toEqual(bobBefore);
  });

  it('lists at most the newest 100 tasks, saying how many there are and what was left out', async () => {
    const carol = await signUp(getApp().url, 'Carol');
    const c = await connect(getApp(), carol);
    try {
      for (let i = 1; i <= 103; i++) await c.call('add_task', { title: `Chore ${i}` });
      for (const task_id of [1, 2, 3]) await c.call('complete_task', { task_id });
      const all = await c.call('list_tasks', { status: 'all' });
      const cut = JSON.parse(textOf(all)) as { tasks: Array<{ id: number }>; total: number; note: string };
      expect(cut.tasks.map((t) => t.id)).toEqual(Array.from({ length: 100 }, (_, i) => i + 4));
      expect(cut.total).toBe(103);
      expect(cut.note).toMatch(/newest 100 of 103 tasks .*ask the user for its number/);
      expect(all.structuredContent).toEqual(cut);
      // Exactly 100 pending: the bare array of the seed contract.
      const pending = JSON.parse(textOf(await c.call('list_tasks', { status: 'pending' }))) as unknown[];
      expect(pending).toHaveLength(100);
      const done = JSON.parse(textOf(await c.call('list_tasks', { status: 'completed' })));
      expect(done.map((t: { id: number }) => t.id)).toEqual([1, 2, 3]);
    } finally {
      await c.close();
    }
  });
}
