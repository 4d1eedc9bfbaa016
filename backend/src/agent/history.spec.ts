import { ConversationItem } from './agent-turn';
import { toAgentInput, windowHistory } from './history';

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
