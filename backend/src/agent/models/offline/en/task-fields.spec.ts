import { fieldCommand, splitTaskFields } from './task-fields';

describe('splitTaskFields', () => {
  it.each([
    [
      'pay rent every month on the 1st, high priority',
      'pay rent',
      { priority: 'high', recurrence: 'every month on the 1st' },
    ],
    ['call mom tomorrow at 5pm #family', 'call mom', { tags: ['family'], due: 'tomorrow at 5pm' }],
    [
      'water plants every monday at 9am',
      'water plants',
      { due: 'monday at 9am', recurrence: 'every monday' },
    ],
    ['stand-up every weekday at 9am', 'stand-up', { due: '9am', recurrence: 'every weekday' }],
    ['submit report by the end of the month', 'submit report', { due: 'end of the month' }],
    ['review budget tagged finance and work', 'review budget', { tags: ['finance', 'work'] }],
    ['fix the sink (urgent)', 'fix the sink', { priority: 'high' }],
    // Moments are due dates, a plain past day included (the task is overdue at once).
    ['file the taxes yesterday', 'file the taxes', { due: 'yesterday' }],
    ['call the plumber last friday', 'call the plumber', { due: 'last friday' }],
    ['read 3 chapters in 2 days', 'read 3 chapters', { due: 'in 2 days' }],
    ['call back 2 weeks from now', 'call back', { due: '2 weeks from now' }],
    ['send the invoices by next week', 'send the invoices', { due: 'next week' }],
    ['submit report by the end of next week', 'submit report', { due: 'end of next week' }],
    ['hand the keys over tomorrow', 'hand the keys over', { due: 'tomorrow' }],
    ['summarise the past week, high priority', 'summarise the past week', { priority: 'high' }],
  ])('%s', (text, rest, fields) => expect(splitTaskFields(text)).toEqual({ text: rest, fields }));

  it.each([
    'plan the Monday meeting',
    'read chapter 3',
    'book flight for march',
    'fix the urgent bug',
    'buy 2 tickets',
    'watch the 6pm news',
    'call may',
    'urgent',
    'tomorrow',
    // Time words that say what the task is about, not when it is due (trailingDueWords).
    'write the report on every escalation from the past three months',
    'summarise the past week',
    'review last year',
    'review sales for the last 3 months',
    'chase the invoice sent 3 days ago',
    'meditate for 20 minutes',
    'plan the week',
    'answer the emails from yesterday',
    'list what changed since monday',
    'clean the garage over the weekend',
    'plan the budget for next year',
  ])('leaves "%s" alone: no field, or nothing would be left of the title', (text) => {
    expect(splitTaskFields(text)).toEqual({ text, fields: {} });
  });
});

describe('fieldCommand', () => {
  it.each([
    ['tag task 4 as work', { target: 'task 4', change: { addTags: ['work'] } }],
    ['make task 2 low priority', { target: 'task 2', change: { priority: 'low' } }],
    ['move the dentist to Friday 3pm', { target: 'the dentist', change: { due: 'Friday 3pm' } }],
    ['reschedule my morning meetings to 2 PM', { target: 'my morning meetings', change: { due: '2 PM' } }],
    ['the report is due on friday', { target: 'the report', change: { due: 'on friday' } }],
    ['stop repeating it', { target: 'it', change: { recurrence: 'none' } }],
    ['make task 1 repeat every week', { target: 'task 1', change: { recurrence: 'every week' } }],
  ])('%s', (text, command) => expect(fieldCommand(text)).toEqual(command));

  it.each([
    "change task 1 to 'Call mom tonight'",
    'change task 2 to buy oat milk',
    'schedule a call with bob for friday',
    'set up the printer for monday',
    "what's due this week",
    'add report due friday',
    'mark task 3 as done',
    'move on',
  ])('is not a field change: %s', (text) => expect(fieldCommand(text)).toBeUndefined());
});
