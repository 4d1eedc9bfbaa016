import { describe, expect, it } from '@jest/globals';
import type { SerializedTool } from '@openai/agents';
import {
  canonicalToolName,
  parseToolResult,
  readOutput,
  readToolOutputText,
  resolveToolName,
} from './tool-contract';

const tool = (name: string): SerializedTool => ({
  type: 'function',
  name,
  description: '',
  parameters: { type: 'object', properties: {}, required: [], additionalProperties: false },
  strict: false,
});

describe('readToolOutputText', () => {
  it('reads every form a function_call_result output takes', () => {
    const json = '{"task_id":5,"status":"created","title":"Buy groceries"}';
    expect(readToolOutputText(json)).toBe(json); // stored histories
    expect(readToolOutputText({ type: 'text', text: json })).toBe(json); // string-returning tools, SDK error function
    expect(readToolOutputText([{ type: 'input_text', text: json }])).toBe(json); // MCP content, as the runner passes it
    expect(
      readToolOutputText([
        { type: 'input_text', text: '[{"id":1,' },
        { type: 'input_text', text: '"title":"A"}]' },
      ]),
    ).toBe('[{"id":1,"title":"A"}]');
    expect(readOutput({ content: [{ type: 'text', text: 'x' }] })).toBe('x'); // a raw MCP result
    expect(readToolOutputText(undefined)).toBe('');
    expect(readToolOutputText([{ type: 'input_image', image: 'data:' }])).toBe('');
  });
});

describe('parseToolResult', () => {
  it('reads the contract JSON of action tools', () => {
    expect(parseToolResult('add_task', '{"task_id":5,"status":"created","title":"Buy groceries"}')).toEqual({
      kind: 'task',
      taskId: 5,
      status: 'created',
      title: 'Buy groceries',
    });
    expect(
      parseToolResult('complete_task', '{"task_id":"3","status":"pending","title":"Call mom"}'),
    ).toMatchObject({ taskId: 3, status: 'pending' });
  });

  it('reads list_tasks as a bare array, a {tasks} wrapper, or rows using "done"', () => {
    const rows = [{ id: 1, title: 'Buy groceries', description: null, completed: false }];
    expect(parseToolResult('list_tasks', JSON.stringify(rows))).toEqual({ kind: 'list', tasks: rows });
    expect(parseToolResult('list_tasks', JSON.stringify({ tasks: rows }))).toEqual({
      kind: 'list',
      tasks: rows,
    });
    expect(parseToolResult('list_tasks', '[{"id":1,"title":"buy milk","done":true}]')).toEqual({
      kind: 'list',
      tasks: [{ id: 1, title: 'buy milk', description: null, completed: true }],
    });
    expect(parseToolResult('list_tasks', '[]')).toEqual({ kind: 'list', tasks: [] });
  });

  it('keeps the total of a list cut to its newest tasks ({tasks, total, note})', () => {
    const rows = [{ id: 250, title: 'Newest', description: null, completed: false }];
    expect(parseToolResult('list_tasks', JSON.stringify({ tasks: rows, total: 250, note: 'cut' }))).toEqual({
      kind: 'list',
      tasks: rows,
      total: 250,
    });
  });

  it('treats plain sentences, error objects and SDK tool errors as messages to relay', () => {
    expect(parseToolResult('delete_task', 'Task 7 was not found. Your tasks are numbered 1–4.')).toEqual({
      kind: 'error',
      message: 'Task 7 was not found. Your tasks are numbered 1–4.',
    });
    expect(
      parseToolResult('add_task', '{"error":{"code":"invalid","message":"title must not be empty"}}'),
    ).toEqual({
      kind: 'error',
      message: 'title must not be empty',
    });
    expect(
      parseToolResult(
        'add_task',
        'An error occurred while running the tool. Please try again. Error: Error: db down',
      ),
    ).toEqual({
      kind: 'error',
      message: 'db down',
    });
    expect(parseToolResult('list_tasks', '{"oops":true}').kind).toBe('error');
    expect(parseToolResult('update_task', '').kind).toBe('error');
  });
});

describe('tool names', () => {
  it('uses exact names first and accepts server-prefixed names', () => {
    expect(resolveToolName([tool('add_task')], 'add_task')).toBe('add_task');
    expect(resolveToolName([tool('todo_add_task')], 'add_task')).toBe('todo_add_task');
    expect(resolveToolName([tool('list_tasks')], 'add_task')).toBeUndefined();
    expect(canonicalToolName('todo_delete_task')).toBe('delete_task');
    expect(canonicalToolName('get_weather')).toBeUndefined();
  });
});
