import { describe, expect, it } from '@jest/globals';
import type { AgentInputItem } from '@openai/agents';
import { EMPTY_CONTEXT, applyOutcome, outcomeFromFacts, readConversation } from './conversation-state';

const userText = (text: string): AgentInputItem => ({ role: 'user', content: text });
const assistantText = (text: string): AgentInputItem => ({
  type: 'message',
  role: 'assistant',
  status: 'completed',
  content: [{ type: 'output_text', text }],
});
const call = (callId: string, name: string, args: object): AgentInputItem => ({
  type: 'function_call',
  callId,
  name,
  arguments: JSON.stringify(args),
  status: 'completed',
});
const result = (callId: string, name: string, text: string): AgentInputItem => ({
  type: 'function_call_result',
  callId,
  name,
  status: 'completed',
  output: [{ type: 'input_text', text }],
});

describe('readConversation', () => {
  it('reads a plain string as the only user message', () => {
    expect(readConversation('hello')).toEqual({
      history: [],
      current: { text: 'hello', exchanges: [], answered: false },
    });
  });

  it('splits turns at user messages and pairs calls with results by callId', () => {
    const input: AgentInputItem[] = [
      userText('add eggs and bread'),
      call('a', 'add_task', { title: 'Eggs' }),
      call('b', 'add_task', { title: 'Bread' }),
      result('b', 'add_task', '{"task_id":2,"status":"created","title":"Bread"}'), // out of order
      result('a', 'add_task', '{"task_id":1,"status":"created","title":"Eggs"}'),
      assistantText('Added 2 tasks'),
      { role: 'user', content: [{ type: 'input_text', text: 'delete the eggs' }] },
      call('c', 'list_tasks', { status: 'all' }),
      {
        type: 'function_call_result',
        callId: 'c',
        name: 'list_tasks',
        status: 'completed',
        output: '[{"id":1,"title":"Eggs","completed":false}]',
      },
      call('d', 'get_weather', {}), // not one of ours: ignored
      call('e', 'delete_task', { task_id: 1 }), // no result yet: ignored
    ];
    const conversation = readConversation(input);
    expect(conversation.history).toHaveLength(1);
    expect(conversation.history[0].answered).toBe(true);
    expect(conversation.history[0].exchanges.map((e) => e.result)).toEqual([
      { kind: 'task', taskId: 1, status: 'created', title: 'Eggs' },
      { kind: 'task', taskId: 2, status: 'created', title: 'Bread' },
    ]);
    expect(conversation.current.text).toBe('delete the eggs');
    expect(conversation.current.answered).toBe(false);
    expect(conversation.current.exchanges).toEqual([
      {
        name: 'list_tasks',
        args: { status: 'all' },
        result: { kind: 'list', tasks: [{ id: 1, title: 'Eggs', description: null, completed: false }] },
      },
    ]);
  });

  it('accepts tools whose names carry a server prefix', () => {
    const conversation = readConversation([
      userText('show my tasks'),
      call('a', 'todo_list_tasks', { status: 'all' }),
      result('a', 'todo_list_tasks', '[]'),
    ]);
    expect(conversation.current.exchanges[0]).toMatchObject({
      name: 'list_tasks',
      result: { kind: 'list', tasks: [] },
    });
  });
});

describe('context', () => {
  it('derives focus from what a turn did when it cannot be replayed', () => {
    const { current } = readConversation([
      userText('x'),
      call('a', 'complete_task', { task_id: 3 }),
      result('a', 'complete_task', '{"task_id":3,"status":"completed","title":"Call mom"}'),
    ]);
    expect(outcomeFromFacts(current)).toEqual({
      focus: [{ id: 3, title: 'Call mom', completed: true }],
      lastAction: { verb: 'complete', tasks: [{ id: 3, title: 'Call mom', completed: true }] },
    });
  });

  it('forgets deleted tasks and carries a question for one turn only', () => {
    const shown = [
      { id: 1, title: 'A' },
      { id: 2, title: 'B' },
    ];
    const asked = applyOutcome(EMPTY_CONTEXT, { shown, focus: shown, pending: { kind: 'need_title' } });
    expect(asked.pending).toEqual({ kind: 'need_title' });
    const afterDelete = applyOutcome(asked, {
      focus: [],
      lastAction: { verb: 'delete', tasks: [{ id: 1, title: 'A' }] },
    });
    expect(afterDelete.shown).toEqual([{ id: 2, title: 'B' }]);
    expect(afterDelete.pending).toBeUndefined();
  });
});
