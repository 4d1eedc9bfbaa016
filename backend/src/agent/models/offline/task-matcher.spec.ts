import { describe, expect, it } from '@jest/globals';
import { isEmptyQuery, matchTasks, matchTokens, searchTasks } from './task-matcher';

const tasks = [
  { id: 1, title: 'Buy groceries', completed: false },
  { id: 2, title: 'Team meeting', completed: false },
  { id: 3, title: 'Call mom', completed: true },
  { id: 4, title: 'Meeting notes', completed: false },
  { id: 5, title: 'Write quarterly report', completed: false },
  { id: 6, title: 'Dentist appointment', description: 'Dr. Smith at 3pm', completed: false },
  { id: 7, title: 'Buy milk', completed: false },
  { id: 8, title: 'Buy oat milk', completed: false },
];

const ids = (result: ReturnType<typeof matchTasks>): number[] =>
  result.kind === 'one' ? [result.task.id] : result.kind === 'many' ? result.tasks.map((t) => t.id) : [];

describe('matchTasks', () => {
  it.each([
    ['report', [5]],
    ['the quarterly report', [5]],
    ['groceries', [1]],
    ['grocery', [1]],
    ['bought the groceries', [1]],
    ['called mom', [3]],
    ['DENTIST', [6]],
    ['dentsit appointment', [6]], // typo
    ['reprot', [5]], // typo
    ['buy milk', [7]], // exact title beats "Buy oat milk"
    ['oat milk', [8]],
  ])('%s → one match %j', (query, expected) => {
    const result = matchTasks(query, tasks);
    expect(result.kind).toBe('one');
    expect(ids(result)).toEqual(expected);
  });

  it('reports every equally good candidate instead of choosing', () => {
    expect(matchTasks('meeting', tasks)).toMatchObject({ kind: 'many' });
    expect(ids(matchTasks('meeting', tasks))).toEqual([2, 4]);
    expect(ids(matchTasks('milk', tasks))).toEqual([7, 8]);
  });

  it('finds nothing rather than something weak', () => {
    expect(matchTasks('gym', tasks)).toEqual({ kind: 'none' });
    expect(matchTasks('wait', tasks)).toEqual({ kind: 'none' }); // not a typo of "write"
    expect(matchTasks('Smith', tasks)).toEqual({ kind: 'none' }); // description only: too weak to act on
    expect(matchTasks('the task', tasks)).toEqual({ kind: 'none' });
    expect(matchTasks('milk', [])).toEqual({ kind: 'none' });
  });
});

describe('searchTasks and tokens', () => {
  it('also searches descriptions, best first', () => {
    expect(searchTasks('Smith', tasks).map((t) => t.id)).toEqual([6]);
    expect(searchTasks('milk', tasks).map((t) => t.id)).toEqual([7, 8]);
  });

  it('drops words that do not identify a task', () => {
    expect(matchTokens('the dentist one')).toEqual(['dentist']);
    expect(isEmptyQuery('that task')).toBe(true);
    expect(isEmptyQuery('the old task')).toBe(false);
  });
});
