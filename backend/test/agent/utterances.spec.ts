import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgentRunnerService } from '../../src/agent/agent-runner.service';
import { ConversationItem } from '../../src/agent/agent-turn';
import { TasksService } from '../../src/tasks/tasks.service';
import { collectTurn, historyOf, replyOf } from '../support/agent-turns';
import { dueOf } from '../../src/tasks/tasks.service';
import { localDue } from '../../src/tasks/schedule/due-dates';
import { describeRecurrence } from '../../src/tasks/schedule/recurrence';
import { priorityOf } from '../../src/tasks/task-fields';
import { clockOverride, TestClock } from '../support/fixed-clock';
import { startTestAppWith } from '../support/test-app-overrides';
import { TestApp } from '../support/test-app';
import { createUserRow } from '../support/user-factory';
import {
  conversations,
  GivenTask,
  OPTIONAL_TASK_FIELDS,
  singleTurnCases,
  TurnExpectation,
} from './utterances';

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
    t = await startTestAppWith([clockOverride(new TestClock())]);
    runner = t.app.get(AgentRunnerService);
    tasks = t.app.get(TasksService);
    db = t.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(() => t.close());

  async function freshUser(given: GivenTask[] = []): Promise<string> {
    const userId = await createUserRow(db);
    for (const g of given) {
      const { completed: _completed, ...fields } = g;
      const task = await tasks.create(userId, fields, { timeZone: 'UTC' });
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
      const after = (await tasks.all(userId)).map((x) => {
        const due = dueOf(x);
        const actual: Record<string, unknown> = {
          description: x.description,
          priority: priorityOf(x.priority),
          tags: x.tags,
          due: due ? localDue(due, 'UTC') : null,
          repeats: x.recurrence ? describeRecurrence(x.recurrence) : null,
        };
        const want = expected.find((e) => e.id === x.number);
        const out: Record<string, unknown> = { id: x.number, title: x.title, completed: x.completed };
        for (const field of OPTIONAL_TASK_FIELDS) if (want && field in want) out[field] = actual[field];
        return out;
      });
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

  it(`has a table of at least 270 utterances and 42 conversations`, () => {
    expect(singleTurnCases.length).toBeGreaterThanOrEqual(270);
    expect(conversations.length).toBeGreaterThanOrEqual(42);
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
