/**
 * The Urdu table (test/agent/urdu.ts) through the real Agent + Runner of @openai/agents, with the offline model and
 * the in-memory MCP server: tool calls with exact arguments, the task list after each turn, the reply's words and the
 * language it is written in. Streaming and non-streaming must agree.
 */
import { describe, expect, it } from '@jest/globals';
import {
  GHAR,
  replyLanguageProblem,
  urduConversations,
  urduSingleTurns,
  urduUtteranceCount,
  type UrduTurn,
} from '../../../../test/agent/urdu';
import { type ExpectedTask, OPTIONAL_TASK_FIELDS } from '../../../../test/agent/utterances';
import { LISTS_SHOWN_INSTRUCTION } from '../../todo.agent';
import type { StoredTask } from './testing/fake-todo-mcp-server';
import { OfflineConversation, TEST_INSTRUCTIONS, type TurnResult } from './testing/offline-harness';

function comparable(actual: readonly StoredTask[], expected: readonly ExpectedTask[]): ExpectedTask[] {
  return actual.map((task) => {
    const out: Record<string, unknown> = { id: task.id, title: task.title, completed: task.completed };
    const want = expected.find((e) => e.id === task.id);
    for (const field of OPTIONAL_TASK_FIELDS) if (want && field in want) out[field] = task[field];
    return out as unknown as ExpectedTask;
  });
}

function checkTurn(result: TurnResult, turn: UrduTurn): void {
  const context = `“${turn.say}” → ${JSON.stringify(result.calls)}\n${result.reply}`;
  expect({ context, calls: result.calls }).toEqual({ context, calls: turn.expectCalls });
  if (turn.expectTasksAfter)
    expect({ context, tasks: comparable(result.tasks, turn.expectTasksAfter) }).toEqual({
      context,
      tasks: turn.expectTasksAfter,
    });
  for (const text of turn.replyIncludes ?? [])
    expect({ context, reply: result.reply }).toEqual({ context, reply: expect.stringContaining(text) });
  for (const text of turn.replyExcludes ?? [])
    expect({ context, reply: result.reply }).toEqual({ context, reply: expect.not.stringContaining(text) });
  expect({ context, language: replyLanguageProblem(result.reply, turn.replyIn) }).toEqual({
    context,
    language: null,
  });
}

describe('Urdu and Roman Urdu (offline model)', () => {
  it('has at least 80 utterances, in both scripts', () => {
    expect(urduUtteranceCount()).toBeGreaterThanOrEqual(80);
    expect(urduSingleTurns.filter((c) => c.script === 'ur').length).toBeGreaterThanOrEqual(30);
    expect(urduSingleTurns.filter((c) => c.script === 'ur-Latn').length).toBeGreaterThanOrEqual(30);
  });

  describe('single turns', () => {
    it.each(urduSingleTurns.map((c) => [`[${c.script}] [${c.tags.join(', ')}] ${c.say}`, c] as const))(
      '%s',
      async (_name, c) => {
        checkTurn(await new OfflineConversation(c.given ?? []).say(c.say), c);
      },
    );
  });

  for (const stream of [false, true]) {
    describe(stream ? 'conversations, streaming' : 'conversations', () => {
      it.each(urduConversations.map((c) => [`${c.name} [${c.tags.join(', ')}]`, c] as const))(
        '%s',
        async (_name, c) => {
          const conversation = new OfflineConversation(c.given ?? []);
          for (const turn of c.turns) checkTurn(await conversation.say(turn.say, { stream }), turn);
        },
      );
    });
  }

  it('streams the same replies it gives without streaming', async () => {
    for (const c of urduSingleTurns) {
      const streamed = await new OfflineConversation(c.given ?? []).say(c.say, { stream: true });
      const plain = await new OfflineConversation(c.given ?? []).say(c.say);
      expect({ say: c.say, reply: streamed.reply }).toEqual({ say: c.say, reply: plain.reply });
      expect(streamed.deltas.join('')).toBe(streamed.reply);
    }
  });

  it('says only the heading of a list the client draws, ended the Urdu way', async () => {
    const conversation = new OfflineConversation(
      GHAR,
      undefined,
      `${TEST_INSTRUCTIONS}\n${LISTS_SHOWN_INSTRUCTION}`,
    );
    const { reply } = await conversation.say('میری لسٹ دکھاؤ');
    expect(reply).toBe('آپ کے 4 کام ہیں (3 باقی، 1 مکمل)۔');
  });
});
