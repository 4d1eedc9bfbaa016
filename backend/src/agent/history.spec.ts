import { ConversationItem } from './agent-turn';
import { TOOL_CALL_TURNS, toAgentInput, windowHistory } from './history';

const user = (text: string): ConversationItem => ({ kind: 'user', text });

describe('history window', () => {
  it('keeps the newest items within the item budget, oldest first', () => {
    const items = Array.from({ length: 100 }, (_, i) => user(`message ${i}`));
    const window = windowHistory(items, 10);
    expect(window).toHaveLength(10);
    expect(window[0]).toEqual(user('message 90'));
    expect(window[9]).toEqual(user('message 99'));
  });

  it('keeps within the character budget even when items are few but long', () => {
    const items = [user('a'.repeat(500)), user('b'.repeat(500)), user('c'.repeat(500))];
    expect(windowHistory(items, 40, 1_100).map((i) => (i as { text: string }).text[0])).toEqual(['b', 'c']);
  });

  it('keeps the tool calls of the newest turns only; older turns keep what was said', () => {
    const turns = 10;
    const items = Array.from({ length: turns }, (_, t): ConversationItem[] => [
      user(`add task ${t}`),
      {
        kind: 'tool',
        callId: `c${t}`,
        name: 'add_task',
        arguments: `{"title":"Task ${t}"}`,
        output: `{"task_id":${t}}`,
      },
      { kind: 'assistant', text: `Added task ${t}.` },
    ]).flat();
    const window = windowHistory(items, 40);
    expect(window.filter((i) => i.kind === 'user')).toHaveLength(turns);
    expect(window.filter((i) => i.kind === 'assistant')).toHaveLength(turns);
    const calls = window.filter((i): i is Extract<ConversationItem, { kind: 'tool' }> => i.kind === 'tool');
    expect(calls.map((c) => c.callId)).toEqual(
      Array.from({ length: TOOL_CALL_TURNS }, (_, k) => `c${turns - TOOL_CALL_TURNS + k}`),
    );
    // Each kept call stays right after its own user message.
    const last = window.slice(-3);
    expect(last.map((i) => i.kind)).toEqual(['user', 'tool', 'assistant']);
  });

  it('replays a tool item as a function call followed by its result', () => {
    const input = toAgentInput([
      { kind: 'tool', callId: 'c1', name: 'list_tasks', arguments: '{}', output: '[]' },
    ]);
    expect(input).toEqual([
      { type: 'function_call', callId: 'c1', name: 'list_tasks', arguments: '{}', status: 'completed' },
      {
        type: 'function_call_result',
        callId: 'c1',
        name: 'list_tasks',
        status: 'completed',
        output: { type: 'text', text: '[]' },
      },
    ]);
  });

  it('gives context items the system role, never the user’s', () => {
    expect(toAgentInput([{ kind: 'context', text: 'The user cancelled.' }])).toEqual([
      { type: 'message', role: 'system', content: 'The user cancelled.' },
    ]);
  });
});
