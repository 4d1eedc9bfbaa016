import { describe, expect, it } from '@jest/globals';
import type { Intent } from '../intent';
import { parseIntent, parseIntentOnce } from '../intent-parser';
import { extractNewTasks, splitDescription } from './new-tasks';
import { detectStatus } from './questions';
import { parseTarget } from './targets';

const done = { verb: 'complete', completed: true } as const;
const reopen = { verb: 'complete', completed: false } as const;
const del = { verb: 'delete' } as const;

describe('parseIntent', () => {
  it.each<[string, Intent]>([
    ['Add a task to buy groceries', { kind: 'add', tasks: [{ title: 'Buy groceries' }] }],
    ['I need to remember to pay bills', { kind: 'add', tasks: [{ title: 'Pay bills' }] }],
    ['Show me all my tasks', { kind: 'list', status: 'all' }],
    ["What's pending?", { kind: 'list', status: 'pending' }],
    ['What have I completed?', { kind: 'list', status: 'completed' }],
    ['Mark task 3 as complete', { kind: 'act', action: done, target: { by: 'ids', ids: [3] } }],
    ['Delete the meeting task', { kind: 'act', action: del, target: { by: 'words', query: 'meeting' } }],
    [
      "Change task 1 to 'Call mom tonight'",
      { kind: 'act', action: { verb: 'update', title: 'Call mom tonight' }, target: { by: 'ids', ids: [1] } },
    ],
  ])('seed: %s', (text, intent) => {
    expect(parseIntent(text)).toEqual(intent);
  });

  it.each<[string, Intent]>([
    ['reopen task 2', { kind: 'act', action: reopen, target: { by: 'ids', ids: [2] } }],
    ['mark task 2 as not done', { kind: 'act', action: reopen, target: { by: 'ids', ids: [2] } }],
    ['uncheck 2', { kind: 'act', action: reopen, target: { by: 'ids', ids: [2] } }],
    ['I finished the report', { kind: 'act', action: done, target: { by: 'words', query: 'report' } }],
    ['I called mom', { kind: 'act', action: done, target: { by: 'words', query: 'called mom' } }],
    ['remove the dentist one', { kind: 'act', action: del, target: { by: 'words', query: 'dentist' } }],
    ['delete tasks 2 and 4', { kind: 'act', action: del, target: { by: 'ids', ids: [2, 4] } }],
    ['delete it', { kind: 'act', action: del, target: { by: 'focus' } }],
    ['delete the second one', { kind: 'act', action: del, target: { by: 'ordinal', n: 2 } }],
    ['mark them all done', { kind: 'act', action: done, target: { by: 'them' } }],
    ['delete everything', { kind: 'act', action: del, target: { by: 'everything' } }],
    ['clear completed', { kind: 'clear_completed' }],
    ['delete all done tasks', { kind: 'clear_completed' }],
    [
      'rename the milk task to buy oat milk',
      {
        kind: 'act',
        action: { verb: 'update', title: 'Buy oat milk' },
        target: { by: 'words', query: 'milk' },
      },
    ],
    [
      'add a note to task 3: call first',
      { kind: 'act', action: { verb: 'update', description: 'call first' }, target: { by: 'ids', ids: [3] } },
    ],
    ['how many are pending?', { kind: 'count', status: 'pending' }],
    ['find milk', { kind: 'search', query: 'milk' }],
    ['undo', { kind: 'undo' }],
    ['the second one', { kind: 'choice', choice: { by: 'ordinal', n: 2 } }],
    ['number 2', { kind: 'choice', choice: { by: 'number', n: 2 } }],
    ['task 5', { kind: 'choice', choice: { by: 'id', id: 5 } }],
    ['yes please', { kind: 'choice', choice: { by: 'yes' } }],
    ['never mind', { kind: 'choice', choice: { by: 'no' } }],
    ['buy milk', { kind: 'suggest_add', task: { title: 'Buy milk' } }],
    ['hello', { kind: 'greet' }],
    ['thanks!', { kind: 'thanks' }],
    ['help', { kind: 'help' }],
    ['what is the weather', { kind: 'unknown' }],
  ])('%s', (text, intent) => {
    expect(parseIntent(text)).toEqual(intent);
  });

  it('splits two commands, but not a title containing "and"', () => {
    expect(parseIntent('add milk and mark task 2 done')).toEqual({
      kind: 'sequence',
      parts: [
        { kind: 'add', tasks: [{ title: 'Milk' }] },
        { kind: 'act', action: done, target: { by: 'ids', ids: [2] } },
      ],
    });
    expect(parseIntent('add a task to check email and delete spam')).toEqual({
      kind: 'add',
      tasks: [{ title: 'Check email and delete spam' }],
    });
  });

  it('reads "<clause>, <command> it" as a command about the clause', () => {
    expect(parseIntent('task 3, delete it')).toEqual({
      kind: 'act',
      action: del,
      target: { by: 'ids', ids: [3] },
    });
    expect(parseIntent('great, mark it done')).toEqual({
      kind: 'act',
      action: done,
      target: { by: 'focus' },
    });
    expect(parseIntent("I won't go to the dentist, remove it")).toEqual({
      kind: 'act',
      action: del,
      target: { by: 'words', query: "I won't go to the dentist", loose: true },
    });
  });

  it('never reads a question as a completion', () => {
    expect(parseIntent('did I call mom?')).toEqual({
      kind: 'act',
      action: { verb: 'show', ask: 'done' },
      target: { by: 'words', query: 'call mom' },
    });
    expect(parseIntent('I called mom?')).toEqual({ kind: 'unknown' });
    // "I haven't done X" reopens X; a question with it does not.
    expect(parseIntent("is there anything I haven't done yet?")).toEqual({ kind: 'list', status: 'pending' });
  });

  it.each<[string, Intent]>([
    ['is everything done?', { kind: 'count', status: 'pending', allDone: true }],
    ['have I finished all my tasks?', { kind: 'count', status: 'pending', allDone: true }],
    [
      'did I finish anything today?',
      { kind: 'list', status: 'completed', filter: { completedWithin: 'today' } },
    ],
    [
      'have I done anything this week?',
      { kind: 'list', status: 'completed', filter: { completedWithin: 'week' } },
    ],
    ['did I finish anything?', { kind: 'list', status: 'completed' }],
    ["remind me what's on my list", { kind: 'list', status: 'all' }],
    [
      'tell me if the rent is paid',
      { kind: 'act', action: { verb: 'show', ask: 'done' }, target: { by: 'words', query: 'rent paid' } },
    ],
    [
      'do you know when the tax return is due?',
      { kind: 'act', action: { verb: 'show', ask: 'due' }, target: { by: 'words', query: 'tax return' } },
    ],
    [
      'can you tell me if I still need to pay rent?',
      { kind: 'act', action: { verb: 'show', ask: 'pending' }, target: { by: 'words', query: 'pay rent' } },
    ],
  ])('reads the question in: %s', (text, intent) => {
    expect(parseIntent(text)).toEqual(intent);
  });

  it('drops a sentence of chat before the command', () => {
    expect(parseIntent('phew, long day. the report is finally done!')).toEqual({
      kind: 'act',
      action: done,
      target: { by: 'words', query: 'report' },
    });
    expect(parseIntent('so yeah, can you show me what is still open')).toEqual({
      kind: 'list',
      status: 'pending',
    });
    // A first sentence that is itself a command is not chat.
    expect(parseIntent('delete task 1. add buy oat milk.')).toMatchObject({ kind: 'sequence' });
  });

  it('keeps words that may belong to a note or a title, unless set off as chatter', () => {
    expect(parseIntent('add a note to task 1: organic if possible')).toEqual({
      kind: 'act',
      action: { verb: 'update', description: 'organic if possible' },
      target: { by: 'ids', ids: [1] },
    });
    expect(parseIntent('the rent is done, finally')).toEqual({
      kind: 'act',
      action: done,
      target: { by: 'words', query: 'rent' },
    });
  });

  it('never reads a title as a command', () => {
    expect(parseIntent('add a task to delete old emails')).toEqual({
      kind: 'add',
      tasks: [{ title: 'Delete old emails' }],
    });
    expect(parseIntent('remind me to mark the exams')).toEqual({
      kind: 'add',
      tasks: [{ title: 'Mark the exams' }],
    });
    expect(parseIntent('I have to finish the report')).toEqual({
      kind: 'add',
      tasks: [{ title: 'Finish the report' }],
    });
  });
});

describe('new tasks', () => {
  it('separates title and description', () => {
    expect(splitDescription('buy milk: 2 liters, skimmed')).toEqual({
      title: 'buy milk',
      description: '2 liters, skimmed',
    });
    expect(splitDescription('call mom with a note: ask about the trip')).toEqual({
      title: 'call mom',
      description: 'ask about the trip',
    });
    expect(splitDescription('dentist (Dr. Smith)')).toEqual({ title: 'dentist', description: 'Dr. Smith' });
    expect(splitDescription('meeting at 10:30')).toEqual({ title: 'meeting at 10:30' });
  });

  it('splits lists of tasks only when they are lists', () => {
    expect(extractNewTasks('eggs, bread and butter', false)).toEqual([
      { title: 'Eggs' },
      { title: 'Bread' },
      { title: 'Butter' },
    ]);
    expect(extractNewTasks('call mom and pay bills', false)).toEqual([
      { title: 'Call mom' },
      { title: 'Pay bills' },
    ]);
    expect(extractNewTasks('call mom and dad', false)).toEqual([{ title: 'Call mom and dad' }]);
    expect(extractNewTasks('buy milk, eggs and bread', false)).toEqual([
      { title: 'Buy milk, eggs and bread' },
    ]);
    expect(extractNewTasks('two tasks: email Sam and book a table', false)).toEqual([
      { title: 'Email Sam' },
      { title: 'Book a table' },
    ]);
    expect(extractNewTasks('a task', false)).toEqual([]);
  });
});

describe('targets and status words', () => {
  it.each([
    ['task 3', { by: 'ids', ids: [3] }],
    ['#3', { by: 'ids', ids: [3] }],
    ['task three', { by: 'ids', ids: [3] }],
    ['1, 2 and 3', { by: 'ids', ids: [1, 2, 3] }],
    ['that one', { by: 'focus' }],
    ['both of them', { by: 'them' }],
    ['the last one', { by: 'ordinal', n: -1 }],
    ['the 2nd task', { by: 'ordinal', n: 2 }],
    ['the task called Buy milk', { by: 'words', query: 'Buy milk' }],
    ['"team meeting"', { by: 'words', query: 'team meeting' }],
    ['the task', { by: 'unspecified' }],
  ])('%s', (text, target) => {
    expect(parseTarget(text)).toEqual(target);
  });

  it.each([
    ['all my tasks', 'all'],
    ["what's left", 'pending'],
    ['my todo list', 'all'],
    ['done tasks', 'completed'],
    ['tasks that are not done yet', 'pending'],
  ])('%s → %s', (text, status) => {
    expect(detectStatus(text)).toBe(status);
  });
});

describe('parseIntentOnce', () => {
  it('answers what parseIntent answers, the same frozen object for the same text', () => {
    const text = 'add buy milk and call mom, then show my tasks';
    const first = parseIntentOnce(text);
    expect(first).toEqual(parseIntent(text));
    expect(parseIntentOnce(text)).toBe(first);
    // Shared by every later caller: nobody may change it.
    expect(() => {
      (first as { kind: string }).kind = 'unknown';
    }).toThrow(TypeError);
    expect(parseIntentOnce(text)).toEqual(parseIntent(text));
  });
});
