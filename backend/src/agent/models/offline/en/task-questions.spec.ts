import { describe, expect, it } from '@jest/globals';
import type { Intent, StateQuestion, Target } from '../intent';
import { taskQuestion } from './task-questions';

const asks = (ask: StateQuestion, target: Target): Intent => ({
  kind: 'act',
  action: { verb: 'show', ask },
  target,
});
const words = (query: string): Target => ({ by: 'words', query });

describe('taskQuestion', () => {
  it.each<[string, Intent]>([
    ['is the rent task done', asks('done', words('rent'))],
    ['is the laundry done yet', asks('done', words('laundry'))],
    ['are the dishes finished', asks('done', words('dishes'))],
    ['is task 3 complete', asks('done', { by: 'ids', ids: [3] })],
    ['is it done', asks('done', { by: 'focus' })],
    ['is the dentist appointment booked', asks('done', words('dentist appointment booked'))],
    ['has the trash been taken out yet', asks('done', words('trash taken out'))],
    ['have I called mom', asks('done', words('called mom'))],
    ['did I pay the rent', asks('done', words('pay the rent'))],
    ['did we book the flights yet', asks('done', words('book the flights'))],
    ['did you mark the rent as done', asks('done', words('rent'))],
    ['is the rent still pending', asks('pending', words('rent'))],
    ['do I still need to pay rent', asks('pending', words('pay rent'))],
    ['do I have to call the bank', asks('pending', words('call the bank'))],
    ['should I still renew the passport', asks('pending', words('renew the passport'))],
    ['when is the tax return due', asks('due', words('tax return'))],
    ["when's the rent due again", asks('due', words('rent'))],
    ["what's the deadline for the report", asks('due', words('report'))],
    ['when do I need to pay rent by', asks('due', words('pay rent'))],
    ['is task 6 overdue', asks('due', { by: 'ids', ids: [6] })],
    ['did I already add milk', { kind: 'search', query: 'milk' }],
    ['did you add a task to call mom', { kind: 'search', query: 'call mom' }],
    ['is bread on my list', { kind: 'search', query: 'bread' }],
  ])('%s', (text, intent) => expect(taskQuestion(text)).toEqual(intent));

  it.each([
    // About the whole list, or not about a task at all.
    'did I finish anything today',
    'is everything done',
    'is there anything left',
    'are you done',
    'did you get that',
    'do I need to do anything today',
    // Statements and commands.
    'the rent is paid',
    'I called mom',
    'mark the rent as done',
  ])('is not a question about one task: %s', (text) => expect(taskQuestion(text)).toBeUndefined());
});
