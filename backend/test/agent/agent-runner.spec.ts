import { AgentRunnerService } from '../../src/agent/agent-runner.service';
import { AgentTurnError } from '../../src/agent/agent-turn';
import { collectTurn, historyOf, replyOf } from '../support/agent-turns';
import { startTestApp, TestApp } from '../support/test-app';
import { api, signUp, TestUser } from '../support/users';

/** The real Agent + Runner + in-process MCP + PostgreSQL with the offline model (the default configuration). */
describe('agent runner with the offline model', () => {
  let t: TestApp;
  let runner: AgentRunnerService;
  let user: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    runner = t.app.get(AgentRunnerService);
    user = await signUp(t.url);
  });
  afterAll(() => t.close());

  it('streams tool call, tool output, then the reply as several text deltas, in order', async () => {
    const events = await collectTurn(runner, user.id, 'Add a task to buy groceries');
    const kinds = events.map((e) => e.type);
    expect(kinds[0]).toBe('tool_called');
    expect(kinds[1]).toBe('tool_output');
    expect(kinds.at(-1)).toBe('message_done');
    const deltas = events.filter((e) => e.type === 'text_delta');
    expect(deltas.length).toBeGreaterThan(2);
    expect(events.slice(2, -1).every((e) => e.type === 'text_delta')).toBe(true);
    expect(events[0]).toMatchObject({ name: 'add_task', arguments: { title: 'Buy groceries' } });
    expect(events[1]).toMatchObject({
      name: 'add_task',
      isError: false,
      data: { task_id: 1, status: 'created', title: 'Buy groceries' },
    });
    const done = events.at(-1) as { text: string; messageId: string };
    expect(deltas.map((d) => (d as { delta: string }).delta).join('')).toBe(done.text);
    expect(deltas.every((d) => (d as { messageId: string }).messageId === done.messageId)).toBe(true);
    expect(replyOf(events)).toMatch(/Buy groceries/);
    expect((await api(t.url, user.jwt).get('/api/tasks')).body.data).toMatchObject([
      { id: 1, title: 'Buy groceries' },
    ]);
  });

  it('uses the previous turn from history ("mark it done")', async () => {
    const first = await collectTurn(runner, user.id, 'add call the plumber');
    const events = await collectTurn(
      runner,
      user.id,
      'mark it done',
      historyOf('add call the plumber', first),
    );
    expect(events.find((e) => e.type === 'tool_called')).toMatchObject({
      name: 'complete_task',
      arguments: { task_id: 2 },
    });
    expect((await api(t.url, user.jwt).get('/api/tasks/2')).body.completed).toBe(true);
  });

  it('flags tool errors (a missing task) without failing the turn', async () => {
    const events = await collectTurn(runner, user.id, 'mark task 42 as complete');
    expect(events.find((e) => e.type === 'tool_output')).toMatchObject({
      isError: true,
      output: expect.stringContaining('Task 42 was not found'),
    });
    expect(replyOf(events)).toMatch(/42/);
  });

  it('stops at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(collectTurn(runner, user.id, 'add never', [], controller.signal)).rejects.toBeInstanceOf(
      AgentTurnError,
    );
    expect((await api(t.url, user.jwt).get('/api/tasks?q=never')).body.data).toEqual([]);
  });
});
