/**
 * Runs every case of the utterance table (test/agent/utterances.ts) through the real Agent + Runner of
 * @openai/agents, with the offline model and the in-memory MCP server: tool calls with exact arguments,
 * the resulting task list and the reply text. Non-streaming and streaming must agree.
 */
import { describe, expect, it } from '@jest/globals';
import {
  conversations,
  type ExpectedTask,
  OPTIONAL_TASK_FIELDS,
  singleTurnCases,
  type TurnExpectation,
} from '../../../../test/agent/utterances';
import type { StoredTask } from './testing/fake-todo-mcp-server';
import { OfflineConversation, type TurnResult } from './testing/offline-harness';

/** The actual tasks in the expectation's shape (optional fields only where the expectation names them). */
function comparable(actual: readonly StoredTask[], expected: readonly ExpectedTask[]): ExpectedTask[] {
  return actual.map((task) => {
    const out: Record<string, unknown> = { id: task.id, title: task.title, completed: task.completed };
    const want = expected.find((e) => e.id === task.id);
    for (const field of OPTIONAL_TASK_FIELDS) if (want && field in want) out[field] = task[field];
    return out as unknown as ExpectedTask;
  });
}

function checkTurn(result: TurnResult, turn: TurnExpectation): void {
  expect(result.calls).toEqual(turn.expectCalls);
  for (const call of result.calls) expect(call.args).not.toHaveProperty('user_id');
  if (turn.expectTasksAfter)
    expect(comparable(result.tasks, turn.expectTasksAfter)).toEqual(turn.expectTasksAfter);
  expect(result.reply.trim().length).toBeGreaterThan(0);
  for (const text of turn.replyIncludes ?? []) expect(result.reply).toContain(text);
  for (const text of turn.replyExcludes ?? []) expect(result.reply).not.toContain(text);
}

const singleTitle = (i: number): string =>
  `#${i + 1} [${singleTurnCases[i].tags.join(', ')}] ${singleTurnCases[i].say}`;

describe('utterance table — single turns', () => {
  it('has enough cases, including the seed commands verbatim', () => {
    expect(singleTurnCases.length).toBeGreaterThanOrEqual(270);
    const seed = singleTurnCases.filter((c) => c.tags.includes('seed')).map((c) => c.say);
    expect(seed).toEqual([
      'Add a task to buy groceries',
      'Show me all my tasks',
      "What's pending?",
      'Mark task 3 as complete',
      'Delete the meeting task',
      "Change task 1 to 'Call mom tonight'",
      'I need to remember to pay bills',
      'What have I completed?',
    ]);
  });

  describe('non-streaming run()', () => {
    singleTurnCases.forEach((testCase, i) => {
      it(singleTitle(i), async () => {
        const conversation = new OfflineConversation(testCase.given ?? []);
        checkTurn(await conversation.say(testCase.say), testCase);
      });
    });
  });

  describe('streaming run({ stream: true }) gives the same result', () => {
    singleTurnCases.forEach((testCase, i) => {
      it(singleTitle(i), async () => {
        const streamed = await new OfflineConversation(testCase.given ?? []).say(testCase.say, {
          stream: true,
        });
        checkTurn(streamed, testCase);
        const plain = await new OfflineConversation(testCase.given ?? []).say(testCase.say);
        expect(streamed.reply).toBe(plain.reply);
        expect(streamed.deltas.join('')).toBe(streamed.reply);
      });
    });
  });
});

describe('utterance table — conversations', () => {
  it('has enough conversations', () => {
    expect(conversations.length).toBeGreaterThanOrEqual(42);
  });

  for (const stream of [false, true]) {
    describe(stream ? 'streaming' : 'non-streaming', () => {
      for (const conversationCase of conversations) {
        it(`${conversationCase.name} [${conversationCase.tags.join(', ')}]`, async () => {
          const conversation = new OfflineConversation(conversationCase.given ?? []);
          for (const [index, turn] of conversationCase.turns.entries()) {
            const result = await conversation.say(turn.say, { stream });
            try {
              checkTurn(result, turn);
            } catch (error) {
              throw new Error(
                `turn ${index + 1} (“${turn.say}”) → ${JSON.stringify(result.calls)}\n${result.reply}\n${String(error)}`,
              );
            }
          }
        });
      }
    });
  }
});

describe('determinism', () => {
  it('gives byte-identical histories (ids included) when every case runs twice', async () => {
    for (const testCase of singleTurnCases) {
      const a = new OfflineConversation(testCase.given ?? []);
      const b = new OfflineConversation(testCase.given ?? []);
      await a.say(testCase.say);
      await b.say(testCase.say);
      expect(JSON.stringify(b.items)).toBe(JSON.stringify(a.items));
    }
  });

  it('gives identical conversations when replayed', async () => {
    for (const conversationCase of conversations) {
      const replies: string[][] = [];
      for (let run = 0; run < 2; run++) {
        const conversation = new OfflineConversation(conversationCase.given ?? []);
        const out: string[] = [];
        for (const turn of conversationCase.turns) out.push((await conversation.say(turn.say)).reply);
        out.push(JSON.stringify(conversation.items));
        replies.push(out);
      }
      expect(replies[1]).toEqual(replies[0]);
    }
  });
});
