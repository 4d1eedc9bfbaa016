import { describe, expect, it } from '@jest/globals';
import { listQuery } from './list-filters';

describe('listQuery', () => {
  it.each([
    ["what's due this week?", { status: 'pending', due: 'week', sort: 'due' }],
    ['anything overdue', { status: 'pending', due: 'overdue', sort: 'due' }],
    ['show my work tasks', { status: 'all', tags: ['work'] }],
    ['what are my high priority tasks', { status: 'pending', priority: 'high' }],
    ['what should I do first?', 'first'],
  ])('%s', (text, query) => expect(listQuery(text)).toEqual(query));

  it.each([
    "what's the most important thing",
    "what's my top priority?",
    'what should I focus on first',
    'what are my priorities',
  ])('asks what comes first: %s', (text) => expect(listQuery(text)).toBe('first'));

  it.each([
    ['what did I finish this week?', 'week'],
    ['what have I completed this week', 'week'],
    ['show me what I did this week', 'week'],
    ['what did I get done today?', 'today'],
    ['which tasks did I complete today', 'today'],
    ['anything finished today?', 'today'],
  ])('asks what was finished: %s', (text, within) =>
    expect(listQuery(text)).toEqual({ status: 'completed', completedWithin: within }),
  );

  it.each([
    ["what's due on Friday?", 'Friday'],
    ['what tasks do I have for Friday?', 'Friday'],
    ['anything for tomorrow?', 'tomorrow'],
    ['anything due Monday', 'Monday'],
    ["what's happening on the 15th", 'the 15th'],
    ['what am I doing tomorrow', 'tomorrow'],
    ["show me tomorrow's tasks", 'tomorrow'],
  ])('asks what is due on a day: %s', (text, day) =>
    expect(listQuery(text)).toEqual({ status: 'pending', dueOn: day, sort: 'due' }),
  );

  it.each(['what was I supposed to do today?', "what's left for today", 'what do I need to do today'])(
    'asks what is due today: %s',
    (text) => expect(listQuery(text)).toEqual({ status: 'pending', due: 'today', sort: 'due' }),
  );

  it.each([
    'show my pending tasks',
    "what's next?",
    'show my tasks',
    'show all tasks',
    'buy flowers for today',
    // A task named in the question: not a question about the whole list.
    'what about the dentist appointment on Friday',
    'anything else for me now',
    'what do I have this weekend',
    'what did I finish?',
  ])('leaves "%s" to the other rules', (text) => expect(listQuery(text)).toBeUndefined());
});
