import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgentRunnerService } from '../../src/agent/agent-runner.service';
import type { AgentTurnEvent, AgentTurnRequest, ConversationItem } from '../../src/agent/agent-turn';
import { localDue } from '../../src/tasks/schedule/due-dates';
import { describeRecurrence } from '../../src/tasks/schedule/recurrence';
import { priorityOf } from '../../src/tasks/task-fields';
import { dueOf, TasksService } from '../../src/tasks/tasks.service';
import { historyOf, replyOf } from '../support/agent-turns';
import { clockOverride, FIXED_NOW, TestClock } from '../support/fixed-clock';
import { startTestAppWith } from '../support/test-app-overrides';
import { TestApp } from '../support/test-app';
import { createUserRow } from '../support/user-factory';
import { caseName, type ConversationalCase, conversationalCases } from './conversational';
import { type ActualTask, judge } from './conversational-judge';
import { KNOWN_MISSES } from './conversational-misses';
import type { GivenTask } from './utterances';

/**
 * The conversational table (conversational.ts) through the real stack: Agent + Runner of @openai/agents, the
 * offline model, the in-process MCP tools (undo_last_change included) and PostgreSQL. Each case gets a fresh user
 * and a conversation of its own; each turn's changes are one batch, as in a chat turn, so that "undo" reverses
 * what one message did. Every case that is not a known miss must come out right.
 */
describe('conversational English (offline model, real MCP + PostgreSQL)', () => {
  let t: TestApp;
  let runner: AgentRunnerService;
  let tasks: TasksService;
  let db: DataSource;
  const clock = new TestClock();

  beforeAll(async () => {
    t = await startTestAppWith([clockOverride(clock)]);
    runner = t.app.get(AgentRunnerService);
    tasks = t.app.get(TasksService);
    db = t.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(() => t.close());

  async function freshUser(given: readonly GivenTask[]): Promise<string> {
    const userId = await createUserRow(db);
    for (const g of given) {
      const { completed: _completed, completedAt, ...fields } = g;
      const task = await tasks.create(userId, fields, { timeZone: 'UTC' });
      if (completedAt) {
        clock.current = new Date(`${completedAt}Z`);
        await tasks.setCompleted(userId, task.number, true).finally(() => (clock.current = FIXED_NOW));
      } else if (g.completed) await tasks.setCompleted(userId, task.number, true);
    }
    return userId;
  }

  async function turn(
    userId: string,
    threadId: string,
    input: string,
    history: ConversationItem[],
  ): Promise<AgentTurnEvent[]> {
    const request: AgentTurnRequest = {
      userId,
      input,
      history,
      signal: new AbortController().signal,
      conversation: { threadId, changeBatch: randomUUID() },
    };
    const events: AgentTurnEvent[] = [];
    for await (const event of runner.runTurn(request)) events.push(event);
    return events;
  }

  async function taskList(userId: string): Promise<ActualTask[]> {
    return (await tasks.all(userId)).map((x) => {
      const due = dueOf(x);
      return {
        id: x.number,
        title: x.title,
        completed: x.completed,
        description: x.description,
        priority: priorityOf(x.priority),
        tags: x.tags,
        due: due ? localDue(due, 'UTC') : null,
        repeats: x.recurrence ? describeRecurrence(x.recurrence) : null,
      };
    });
  }

  async function play(c: ConversationalCase): Promise<string | null> {
    const userId = await freshUser(c.given ?? []);
    const threadId = `thr_${randomUUID()}`;
    await db.query('INSERT INTO chat_threads (id, user_id) VALUES ($1, $2)', [threadId, userId]);
    let history: ConversationItem[] = [];
    let events: AgentTurnEvent[] = [];
    for (const said of [...(c.before ?? []), c.say]) {
      events = await turn(userId, threadId, said, history);
      history = [...history, ...historyOf(said, events)];
    }
    return judge(c, await taskList(userId), replyOf(events));
  }

  it.each(conversationalCases.map((c) => [caseName(c), c] as const))('%s', async (name, c) => {
    const problem = await play(c);
    if (KNOWN_MISSES.has(name)) return;
    expect({ name, problem }).toEqual({ name, problem: null });
  });
});
