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
import { clockOverride, TestClock } from '../support/fixed-clock';
import { startTestAppWith } from '../support/test-app-overrides';
import { TestApp } from '../support/test-app';
import { createUserRow } from '../support/user-factory';
import { replyLanguageProblem, urduConversations, urduSingleTurns, type UrduTurn } from './urdu';
import { type GivenTask, OPTIONAL_TASK_FIELDS } from './utterances';

/**
 * The Urdu table (urdu.ts) through the real stack: Agent + Runner of @openai/agents, the offline model, the
 * in-process MCP tools and PostgreSQL — the dates the model passes on in English words are resolved by the real
 * tools. Each case gets a fresh user and a conversation of its own; each turn's changes are one batch (undo).
 */
describe('Urdu and Roman Urdu → tool calls, task state and the reply language (offline model, real MCP + PostgreSQL)', () => {
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

  async function freshUser(given: readonly GivenTask[] = []): Promise<{ userId: string; threadId: string }> {
    const userId = await createUserRow(db);
    for (const g of given) {
      const { completed: _completed, ...fields } = g;
      const task = await tasks.create(userId, fields, { timeZone: 'UTC' });
      if (g.completed) await tasks.setCompleted(userId, task.number, true);
    }
    const threadId = `thr_${randomUUID()}`;
    await db.query('INSERT INTO chat_threads (id, user_id) VALUES ($1, $2)', [threadId, userId]);
    return { userId, threadId };
  }

  async function playTurn(
    user: { userId: string; threadId: string },
    turn: UrduTurn,
    history: ConversationItem[],
  ): Promise<ConversationItem[]> {
    const request: AgentTurnRequest = {
      userId: user.userId,
      input: turn.say,
      history,
      signal: new AbortController().signal,
      conversation: { threadId: user.threadId, changeBatch: randomUUID() },
    };
    const events: AgentTurnEvent[] = [];
    for await (const event of runner.runTurn(request)) events.push(event);
    const calls = events
      .filter((e) => e.type === 'tool_called')
      .map((e) => ({ name: e.name, args: e.arguments }));
    expect({ say: turn.say, calls }).toEqual({ say: turn.say, calls: turn.expectCalls });
    if (turn.expectTasksAfter) {
      const expected = turn.expectTasksAfter;
      const after = (await tasks.all(user.userId)).map((x) => {
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
    for (const part of turn.replyIncludes ?? [])
      expect({ say: turn.say, reply }).toEqual({ say: turn.say, reply: expect.stringContaining(part) });
    for (const part of turn.replyExcludes ?? [])
      expect({ say: turn.say, reply }).toEqual({ say: turn.say, reply: expect.not.stringContaining(part) });
    expect({ say: turn.say, language: replyLanguageProblem(reply, turn.replyIn) }).toEqual({
      say: turn.say,
      language: null,
    });
    return [...history, ...historyOf(turn.say, events)];
  }

  it.each(urduSingleTurns.map((c) => [c.say, c] as const))('%s', async (_say, c) => {
    await playTurn(await freshUser(c.given), c, []);
  });

  it.each(urduConversations.map((c) => [c.name, c] as const))('conversation: %s', async (_name, c) => {
    const user = await freshUser(c.given);
    let history: ConversationItem[] = [];
    for (const turn of c.turns) history = await playTurn(user, turn, history);
  });
});
