import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgentRunnerService } from '../../src/agent/agent-runner.service';
import { ConversationItem } from '../../src/agent/agent-turn';
import { TasksService } from '../../src/tasks/tasks.service';
import { collectTurn, historyOf, replyOf } from '../support/agent-turns';
import { startTestApp, TestApp } from '../support/test-app';
import { createUserRow } from '../support/user-factory';
import { conversations, GivenTask, singleTurnCases, TurnExpectation } from './utterances';

/**
 * The utterance table through the real stack: Agent + Runner of @openai/agents, the offline model, the
 * in-process MCP tools and PostgreSQL. Each case gets a fresh user.
 */
describe('what people say → tool calls and task state (offline model, real MCP + PostgreSQL)', () => {
  let t: TestApp;
  let runner: AgentRunnerService;
  let tasks: TasksService;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    runner = t.app.get(AgentRunnerService);
    tasks = t.app.get(TasksService);
    db = t.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(() => t.close());

  async function freshUser(given: GivenTask[] = []): Promise<string> {
    const userId = await createUserRow(db);
    for (const g of given) {
      const task = await tasks.create(userId, { title: g.title, description: g.description });
      if (g.completed) await tasks.setCompleted(userId, task.number, true);
    }
    return userId;
  }

  async function playTurn(
    userId: string,
    turn: TurnExpectation,
    history: ConversationItem[],
  ): Promise<ConversationItem[]> {
    const events = await collectTurn(runner, userId, turn.say, history);
    const calls = events
      .filter((e) => e.type === 'tool_called')
      .map((e) => ({ name: e.name, args: e.arguments }));
    expect({ say: turn.say, calls }).toEqual({ say: turn.say, calls: turn.expectCalls });
    if (turn.expectTasksAfter) {
      const expected = turn.expectTasksAfter;
      // description is compared only where the expectation names it
      const after = (await tasks.all(userId)).map((x, i) => ({
        id: x.number,
        title: x.title,
        completed: x.completed,
        ...(expected[i]?.description !== undefined ? { description: x.description } : {}),
      }));
      expect({ say: turn.say, tasks: after }).toEqual({ say: turn.say, tasks: expected });
    }
    const reply = replyOf(events);
    expect(reply.length).toBeGreaterThan(0);
    for (const part of turn.replyIncludes ?? [])
      expect({ say: turn.say, reply }).toEqual({ say: turn.say, reply: expect.stringContaining(part) });
    for (const part of turn.replyExcludes ?? [])
      expect({ say: turn.say, reply }).toEqual({ say: turn.say, reply: expect.not.stringContaining(part) });
    return [...history, ...historyOf(turn.say, events)];
  }

  it(`has a table of at least 120 utterances and 20 conversations`, () => {
    expect(singleTurnCases.length).toBeGreaterThanOrEqual(120);
    expect(conversations.length).toBeGreaterThanOrEqual(20);
  });

  it.each(singleTurnCases.map((c) => [c.say, c] as const))('%s', async (_say, c) => {
    const userId = await freshUser(c.given);
    await playTurn(userId, c, []);
  });

  it.each(conversations.map((c) => [c.name, c] as const))('conversation: %s', async (_name, c) => {
    const userId = await freshUser(c.given);
    let history: ConversationItem[] = [];
    for (const turn of c.turns) history = await playTurn(userId, turn, history);
  });
});
