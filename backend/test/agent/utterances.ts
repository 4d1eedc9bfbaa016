/**
 * What the assistant must do with what people say — as data, so that the same table runs against the
 * offline model with an in-memory MCP server (unit specs) and through the real Agent + Runner + in-process
 * MCP + PostgreSQL (integration suite).
 *
 * "Now" is Wed 9 Dec 2026, 10:00 UTC, and the user's time zone UTC, for both runners (FAKE_NOW, TestClock).
 *
 * Semantics, for any runner of this table:
 * - `given`: tasks that exist before the first turn, created in order, so they are numbered 1, 2, 3…
 *   (a fresh user per case / conversation).
 * - `expectCalls`: the tool calls of the turn, in the order the model emits them, with exact arguments
 *   (never a `user_id`).
 * - `expectTasksAfter`: the user's complete task list after the turn, ordered by number. `description` is
 *   compared only when the expectation names it (`null` = no description).
 * - `replyIncludes` / `replyExcludes`: substrings of the final assistant reply (typographic quotes “ ” and ’).
 * - Several calls in one step (e.g. "add eggs, bread and butter") are emitted together; a runner that
 *   executes tools concurrently against a real database should run them one at a time
 *   (`toolExecution.maxFunctionToolConcurrency: 1`) for task numbers to follow the call order.
 */

export type ToolName =
  'add_task' | 'list_tasks' | 'complete_task' | 'update_task' | 'delete_task' | 'undo_last_change';

export interface GivenTask {
  title: string;
  description?: string;
  completed?: boolean;
  /** Completed at this moment (ISO 8601 in UTC) instead of "now". */
  completedAt?: string;
  priority?: 'high' | 'medium' | 'low';
  tags?: string[];
  /** ISO 8601 in UTC: "2026-12-08" (a date) or "2026-12-10T09:00". */
  due?: string;
  recurrence?: string;
}

export interface ExpectedCall {
  name: ToolName;
  args: Record<string, string | number | boolean | string[]>;
}

/**
 * A task after the turn. `description`, `priority`, `tags`, `due` (local ISO text in UTC, "2026-12-11T15:00" or
 * "2026-12-11") and `repeats` ("every month on the 1st") are compared only when named.
 */
export interface ExpectedTask {
  id: number;
  title: string;
  completed: boolean;
  description?: string | null;
  priority?: 'high' | 'medium' | 'low' | null;
  tags?: string[];
  due?: string | null;
  repeats?: string | null;
}

/** The fields an expectation may name, beyond id, title and completed (compared only when named). */
export const OPTIONAL_TASK_FIELDS = ['description', 'priority', 'tags', 'due', 'repeats'] as const;

export interface TurnExpectation {
  say: string;
  expectCalls: ExpectedCall[];
  expectTasksAfter?: ExpectedTask[];
  replyIncludes?: string[];
  replyExcludes?: string[];
}

export type Tag =
  | 'seed'
  | 'add'
  | 'description'
  | 'multi-add'
  | 'list'
  | 'query'
  | 'complete'
  | 'reopen'
  | 'by-words'
  | 'delete'
  | 'update'
  | 'bulk'
  | 'ambiguous'
  | 'not-found'
  | 'typo'
  | 'casing'
  | 'politeness'
  | 'small-talk'
  | 'unknown'
  | 'reference'
  | 'error'
  | 'compound'
  | 'fields'
  | 'due'
  | 'priority'
  | 'tags'
  | 'recurrence'
  | 'reminder'
  | 'show';

export interface UtteranceCase extends TurnExpectation {
  given?: GivenTask[];
  tags: Tag[];
}

export interface ConversationCase {
  name: string;
  given?: GivenTask[];
  tags: Tag[];
  turns: TurnExpectation[];
}

// ---------------------------------------------------------------------------------------------------------
// Builders

export const add = (title: string, description?: string): ExpectedCall => ({
  name: 'add_task',
  args: description === undefined ? { title } : { title, description },
});
export const list = (status: 'all' | 'pending' | 'completed'): ExpectedCall => ({
  name: 'list_tasks',
  args: { status },
});
export const complete = (id: number): ExpectedCall => ({ name: 'complete_task', args: { task_id: id } });
export const reopen = (id: number): ExpectedCall => ({
  name: 'complete_task',
  args: { task_id: id, completed: false },
});
export const update = (id: number, fields: { title?: string; description?: string }): ExpectedCall => ({
  name: 'update_task',
  args: { task_id: id, ...fields },
});
export const remove = (id: number): ExpectedCall => ({ name: 'delete_task', args: { task_id: id } });
/** undo_last_change: the server reverses the conversation's newest change. */
export const undoLast = (): ExpectedCall => ({ name: 'undo_last_change', args: {} });

type FieldArgs = {
  priority?: string;
  tags?: string[];
  due?: string;
  recurrence?: string;
  remind_at?: string;
};
/** add_task with priority, tags, due (the user's words) or recurrence. */
export const addWith = (title: string, fields: FieldArgs, description?: string): ExpectedCall => ({
  name: 'add_task',
  args: { title, ...(description === undefined ? {} : { description }), ...fields },
});
/** list_tasks narrowed or sorted. */
export const listWith = (
  status: 'all' | 'pending' | 'completed',
  filter: { priority?: string; tags?: string[]; due?: string; sort?: string },
): ExpectedCall => ({ name: 'list_tasks', args: { status, ...filter } });
/** update_task of priority, tags, due date or repeat. */
export const setFields = (
  id: number,
  fields: {
    priority?: string;
    add_tags?: string[];
    remove_tags?: string[];
    due?: string;
    recurrence?: string;
    remind_at?: string;
  },
): ExpectedCall => ({ name: 'update_task', args: { task_id: id, ...fields } });
/** update_task of the reminder: "30 minutes before", the user's words for an instant, or "none". */
export const remindAt = (id: number, remind: string): ExpectedCall => setFields(id, { remind_at: remind });

type Edit =
  | { op: 'add'; title: string; description?: string }
  | { op: 'set'; id: number; patch: Partial<Omit<ExpectedTask, 'id'>> }
  | { op: 'drop'; ids: number[] };

export const added = (title: string, description?: string): Edit => ({ op: 'add', title, description });
export const changed = (id: number, patch: Partial<Omit<ExpectedTask, 'id'>>): Edit => ({
  op: 'set',
  id,
  patch,
});
export const dropped = (...ids: number[]): Edit => ({ op: 'drop', ids });

/** The task list after applying edits to `given` (new tasks take the next number; numbers are never reused). */
export function tasksAfter(given: readonly GivenTask[], ...edits: Edit[]): ExpectedTask[] {
  let tasks: ExpectedTask[] = given.map((t, i) => ({
    id: i + 1,
    title: t.title,
    completed: t.completed ?? t.completedAt !== undefined,
    description: t.description ?? null,
  }));
  let next = given.length + 1;
  for (const edit of edits) {
    if (edit.op === 'add') {
      tasks.push({ id: next++, title: edit.title, completed: false, description: edit.description ?? null });
    } else if (edit.op === 'set') {
      tasks = tasks.map((t) => (t.id === edit.id ? { ...t, ...edit.patch } : t));
    } else {
      tasks = tasks.filter((t) => !edit.ids.includes(t.id));
    }
  }
  return tasks;
}

// ---------------------------------------------------------------------------------------------------------
// Fixtures

export const BASIC: GivenTask[] = [
  { title: 'Buy groceries' }, // 1
  { title: 'Team meeting' }, // 2
  { title: 'Call mom', completed: true }, // 3
  { title: 'Write quarterly report' }, // 4
];

export const TWO_MEETINGS: GivenTask[] = [
  { title: 'Buy groceries' }, // 1
  { title: 'Team meeting' }, // 2
  { title: 'Call mom', completed: true }, // 3
  { title: 'Meeting notes' }, // 4
];

export const ERRANDS: GivenTask[] = [
  { title: 'Buy milk' }, // 1
  { title: 'Dentist appointment', description: 'Dr. Smith at 3pm' }, // 2
  { title: 'Pay rent' }, // 3
];

export const MIXED: GivenTask[] = [
  { title: 'Buy groceries', completed: true }, // 1
  { title: 'Team meeting' }, // 2
  { title: 'Call mom', completed: true }, // 3
  { title: 'Write quarterly report' }, // 4
];

export const ALL_DONE: GivenTask[] = [
  { title: 'Buy groceries', completed: true },
  { title: 'Call mom', completed: true },
];

/** Now is Wed 9 Dec 2026, 10:00 UTC. */
export const SCHEDULED: GivenTask[] = [
  { title: 'Pay rent', priority: 'high', tags: ['home'], due: '2026-12-07' }, // 1: overdue
  { title: 'Team meeting', tags: ['work'], due: '2026-12-10T09:00' }, // 2: Thu morning
  { title: 'Dentist appointment', due: '2026-12-09T15:00' }, // 3: today
  { title: 'Write quarterly report', priority: 'medium', tags: ['work'], due: '2026-12-18' }, // 4: next week
  { title: 'Client meeting', tags: ['work'], due: '2026-12-11T10:30' }, // 5: Fri morning
  { title: 'Buy groceries', priority: 'low' }, // 6: no due date
  { title: 'Call mom', completed: true, due: '2026-12-01' }, // 7: done, so not overdue
];

export const RECURRING: GivenTask[] = [
  { title: 'Pay rent', priority: 'high', tags: ['home'], due: '2026-12-01', recurrence: 'monthly' }, // 1: overdue
  { title: 'Water the plants', due: '2026-12-10', recurrence: 'every monday and thursday' }, // 2
];

const SEED_THREE: GivenTask[] = [{ title: 'Buy groceries' }, { title: 'Pay bills' }, { title: 'Call mom' }];

const done = (id: number): Edit => changed(id, { completed: true });
const undone = (id: number): Edit => changed(id, { completed: false });

// ---------------------------------------------------------------------------------------------------------
// Single turns

export const singleTurnCases: UtteranceCase[] = [
  // The seed's eight commands, verbatim.
  {
    tags: ['seed', 'add'],
    say: 'Add a task to buy groceries',
    expectCalls: [add('Buy groceries')],
    expectTasksAfter: tasksAfter([], added('Buy groceries')),
    replyIncludes: ['Added task 1: “Buy groceries”.'],
  },
  {
    tags: ['seed', 'list'],
    say: 'Show me all my tasks',
    given: BASIC,
    expectCalls: [list('all')],
    expectTasksAfter: tasksAfter(BASIC),
    replyIncludes: [
      '4 tasks',
      '○ 1. Buy groceries',
      '○ 2. Team meeting',
      '✓ 3. Call mom',
      '○ 4. Write quarterly report',
    ],
  },
  {
    tags: ['seed', 'list'],
    say: "What's pending?",
    given: BASIC,
    expectCalls: [list('pending')],
    replyIncludes: ['3 pending tasks', '○ 1. Buy groceries', '○ 4. Write quarterly report'],
    replyExcludes: ['Call mom'],
  },
  {
    tags: ['seed', 'complete'],
    say: 'Mark task 3 as complete',
    given: SEED_THREE,
    expectCalls: [complete(3)],
    expectTasksAfter: tasksAfter(SEED_THREE, done(3)),
    replyIncludes: ['✓ Marked task 3 “Call mom” as complete.'],
  },
  {
    tags: ['seed', 'delete', 'by-words'],
    say: 'Delete the meeting task',
    given: BASIC,
    expectCalls: [list('all'), remove(2)],
    expectTasksAfter: tasksAfter(BASIC, dropped(2)),
    replyIncludes: ['Deleted task 2: “Team meeting”.'],
  },
  {
    tags: ['seed', 'update'],
    say: "Change task 1 to 'Call mom tonight'",
    given: [{ title: 'Call mom' }, { title: 'Buy groceries' }],
    expectCalls: [update(1, { title: 'Call mom tonight' })],
    expectTasksAfter: tasksAfter(
      [{ title: 'Call mom' }, { title: 'Buy groceries' }],
      changed(1, { title: 'Call mom tonight' }),
    ),
    replyIncludes: ['Updated task 1: it’s now “Call mom tonight”.'],
  },
  {
    tags: ['seed', 'add'],
    say: 'I need to remember to pay bills',
    expectCalls: [add('Pay bills')],
    expectTasksAfter: tasksAfter([], added('Pay bills')),
    replyIncludes: ['Added task 1: “Pay bills”.'],
  },
  {
    tags: ['seed', 'list'],
    say: 'What have I completed?',
    given: MIXED,
    expectCalls: [list('completed')],
    replyIncludes: ['completed 2 tasks', '✓ 1. Buy groceries', '✓ 3. Call mom'],
    replyExcludes: ['Team meeting'],
  },

  // Adding: command words and filler stripped, first letter capitalised.
  {
    tags: ['add'],
    say: 'add buy milk',
    expectCalls: [add('Buy milk')],
    replyIncludes: ['Added task 1: “Buy milk”.'],
  },
  {
    tags: ['add'],
    say: 'Add milk',
    given: BASIC,
    expectCalls: [add('Milk')],
    replyIncludes: ['Added task 5: “Milk”.'],
  },
  { tags: ['add'], say: 'add a new task: renew passport', expectCalls: [add('Renew passport')] },
  { tags: ['add'], say: 'create a task called Book flights', expectCalls: [add('Book flights')] },
  { tags: ['add'], say: 'new task: water the plants', expectCalls: [add('Water the plants')] },
  {
    tags: ['add'],
    say: 'Remind me to call the plumber tomorrow',
    expectCalls: [addWith('Call the plumber', { due: 'tomorrow' })],
    replyIncludes: ['Added task 1: “Call the plumber” (due Thu 10 Dec).'],
  },
  { tags: ['add'], say: "Don't let me forget to feed the cat", expectCalls: [add('Feed the cat')] },
  { tags: ['add'], say: 'I need to pay rent', expectCalls: [add('Pay rent')] },
  {
    tags: ['add'],
    say: 'I have to finish the slides by Friday',
    expectCalls: [addWith('Finish the slides', { due: 'Friday' })],
  },
  { tags: ['add'], say: 'add pick up dry cleaning to my list', expectCalls: [add('Pick up dry cleaning')] },
  { tags: ['add'], say: 'put water the plants on my list', expectCalls: [add('Water the plants')] },
  { tags: ['add'], say: 'jot down call the bank', expectCalls: [add('Call the bank')] },
  { tags: ['add'], say: 'todo: fix the bike', expectCalls: [add('Fix the bike')] },
  { tags: ['add'], say: 'note to self: renew gym membership', expectCalls: [add('Renew gym membership')] },
  { tags: ['add'], say: 'Add a reminder to book the dentist', expectCalls: [add('Book the dentist')] },
  { tags: ['add'], say: "Add 'Prepare slides for Monday'", expectCalls: [add('Prepare slides for Monday')] },
  { tags: ['add'], say: 'add buy milk!!!', expectCalls: [add('Buy milk')] },
  { tags: ['add'], say: 'add call mom and dad', expectCalls: [add('Call mom and dad')] },
  { tags: ['add'], say: 'add buy milk, eggs and bread', expectCalls: [add('Buy milk, eggs and bread')] },
  { tags: ['add', 'politeness'], say: "I'd like to add a task: call mom", expectCalls: [add('Call mom')] },
  {
    tags: ['add', 'politeness'],
    say: 'would you mind adding call the vet',
    expectCalls: [add('Call the vet')],
  },
  {
    tags: ['add'],
    say: 'add',
    expectCalls: [],
    expectTasksAfter: [],
    replyIncludes: ['what should the new task say?'],
  },

  // Adding with a description.
  {
    tags: ['add', 'description'],
    say: 'add buy milk: 2 liters, skimmed',
    expectCalls: [add('Buy milk', '2 liters, skimmed')],
    expectTasksAfter: tasksAfter([], added('Buy milk', '2 liters, skimmed')),
    replyIncludes: ['Added task 1: “Buy milk” — 2 liters, skimmed.'],
  },
  {
    tags: ['add', 'description'],
    say: 'add call mom with note ask about the trip',
    expectCalls: [add('Call mom', 'ask about the trip')],
  },
  {
    tags: ['add', 'description'],
    say: 'create a new task called Book flights with description: window seat',
    expectCalls: [add('Book flights', 'window seat')],
  },
  {
    tags: ['add', 'description'],
    say: 'add dentist checkup (Dr. Smith at 3pm)',
    expectCalls: [add('Dentist checkup', 'Dr. Smith at 3pm')],
  },
  {
    tags: ['add', 'description'],
    say: 'add pay rent - before the 5th',
    expectCalls: [addWith('Pay rent', { due: 'the 5th' })],
    expectTasksAfter: [{ id: 1, title: 'Pay rent', completed: false, description: null, due: '2027-01-05' }],
  },
  {
    tags: ['add', 'description'],
    say: 'Add a task to buy groceries with description milk, eggs, bread',
    expectCalls: [add('Buy groceries', 'milk, eggs, bread')],
  },

  // Several tasks at once (emitted together in one step).
  {
    tags: ['add', 'multi-add'],
    say: 'add eggs, bread and butter',
    expectCalls: [add('Eggs'), add('Bread'), add('Butter')],
    expectTasksAfter: tasksAfter([], added('Eggs'), added('Bread'), added('Butter')),
    replyIncludes: ['Added 3 tasks:', '• Task 1: “Eggs”', '• Task 2: “Bread”', '• Task 3: “Butter”'],
  },
  {
    tags: ['add', 'multi-add'],
    say: 'add call mom and pay bills',
    expectCalls: [add('Call mom'), add('Pay bills')],
    replyIncludes: ['Added 2 tasks:'],
  },
  {
    tags: ['add', 'multi-add'],
    say: 'add these tasks: wash the car; clean the garage',
    expectCalls: [add('Wash the car'), add('Clean the garage')],
  },
  {
    tags: ['add', 'multi-add'],
    say: 'add two tasks: email Sam and book a table',
    given: BASIC,
    expectCalls: [add('Email Sam'), add('Book a table')],
    expectTasksAfter: tasksAfter(BASIC, added('Email Sam'), added('Book a table')),
    replyIncludes: ['• Task 5: “Email Sam”', '• Task 6: “Book a table”'],
  },

  // Listing and questions.
  {
    tags: ['list'],
    say: 'show my tasks',
    given: BASIC,
    expectCalls: [list('all')],
    replyIncludes: ['Here are your 4 tasks (3 pending, 1 done):'],
  },
  { tags: ['list'], say: 'list all tasks', given: BASIC, expectCalls: [list('all')] },
  { tags: ['list'], say: 'my tasks', given: BASIC, expectCalls: [list('all')] },
  { tags: ['list'], say: "what's on my list?", given: BASIC, expectCalls: [list('all')] },
  {
    tags: ['list'],
    say: 'show completed',
    given: MIXED,
    expectCalls: [list('completed')],
    replyIncludes: ['✓ 1. Buy groceries'],
  },
  { tags: ['list'], say: 'show me the done tasks', given: MIXED, expectCalls: [list('completed')] },
  { tags: ['list'], say: 'which tasks are done?', given: MIXED, expectCalls: [list('completed')] },
  { tags: ['list'], say: 'what did I finish?', given: MIXED, expectCalls: [list('completed')] },
  {
    tags: ['list'],
    say: 'what do I need to do?',
    given: MIXED,
    expectCalls: [list('pending')],
    replyIncludes: ['2 pending tasks'],
  },
  { tags: ['list'], say: 'anything left?', given: MIXED, expectCalls: [list('pending')] },
  { tags: ['list'], say: "what's next?", given: MIXED, expectCalls: [list('pending')] },
  { tags: ['list'], say: 'pending', given: MIXED, expectCalls: [list('pending')] },
  { tags: ['list', 'politeness'], say: 'Can I see my tasks?', given: BASIC, expectCalls: [list('all')] },
  {
    tags: ['list', 'politeness'],
    say: "can you show me what's left pls",
    given: BASIC,
    expectCalls: [list('pending')],
    replyIncludes: ['3 pending tasks'],
  },
  {
    tags: ['list'],
    say: 'show my tasks',
    expectCalls: [list('all')],
    replyIncludes: ['Your task list is empty.'],
  },
  {
    tags: ['list'],
    say: "What's pending?",
    given: ALL_DONE,
    expectCalls: [list('pending')],
    replyIncludes: ['Nothing pending — you’re all caught up!'],
  },
  {
    tags: ['list'],
    say: 'What have I completed?',
    given: [{ title: 'Buy groceries' }],
    expectCalls: [list('completed')],
    replyIncludes: ['You haven’t completed any tasks yet.'],
  },
  {
    tags: ['query'],
    say: 'how many tasks do I have?',
    given: BASIC,
    expectCalls: [list('all')],
    replyIncludes: ['You have 4 tasks: 3 pending and 1 done.'],
  },
  {
    tags: ['query'],
    say: 'how many are pending?',
    given: BASIC,
    expectCalls: [list('pending')],
    replyIncludes: ['You have 3 pending tasks.'],
  },
  {
    tags: ['query'],
    say: 'do I have anything about the dentist?',
    given: ERRANDS,
    expectCalls: [list('all')],
    replyIncludes: ['Found 1 task matching “the dentist”', '○ 2. Dentist appointment — Dr. Smith at 3pm'],
  },
  {
    tags: ['query'],
    say: 'find rent',
    given: ERRANDS,
    expectCalls: [list('all')],
    replyIncludes: ['○ 3. Pay rent'],
    replyExcludes: ['Buy milk'],
  },
  {
    tags: ['query'],
    say: "what's task 2?",
    given: ERRANDS,
    expectCalls: [list('all')],
    replyIncludes: ['Task 2: “Dentist appointment” — ○ pending.', 'Notes: Dr. Smith at 3pm'],
  },
  {
    tags: ['query', 'not-found'],
    say: 'show task 9',
    given: ERRANDS,
    expectCalls: [list('all')],
    replyIncludes: ['There’s no task 9.', '○ 1. Buy milk'],
  },

  // Completing by number.
  {
    tags: ['complete'],
    say: 'Mark task 2 as done',
    given: BASIC,
    expectCalls: [complete(2)],
    expectTasksAfter: tasksAfter(BASIC, done(2)),
    replyIncludes: ['✓ Marked task 2 “Team meeting” as complete.'],
  },
  { tags: ['complete'], say: 'complete task 2', given: BASIC, expectCalls: [complete(2)] },
  { tags: ['complete'], say: 'task 2 is done', given: BASIC, expectCalls: [complete(2)] },
  { tags: ['complete'], say: '2 done', given: BASIC, expectCalls: [complete(2)] },
  { tags: ['complete'], say: 'check off task 2', given: BASIC, expectCalls: [complete(2)] },
  { tags: ['complete'], say: 'tick off task 4', given: BASIC, expectCalls: [complete(4)] },
  { tags: ['complete'], say: 'finish task two', given: BASIC, expectCalls: [complete(2)] },
  { tags: ['complete'], say: 'mark #4 as finished', given: BASIC, expectCalls: [complete(4)] },
  {
    tags: ['complete'],
    say: 'mark tasks 1 and 2 as done',
    given: BASIC,
    expectCalls: [complete(1), complete(2)],
    expectTasksAfter: tasksAfter(BASIC, done(1), done(2)),
    replyIncludes: ['✓ Marked 2 tasks as complete:', '• Task 1: “Buy groceries”', '• Task 2: “Team meeting”'],
  },
  {
    tags: ['complete', 'error', 'not-found'],
    say: 'complete task 9',
    given: BASIC,
    expectCalls: [complete(9)],
    expectTasksAfter: tasksAfter(BASIC),
    replyIncludes: ['Sorry — Task 9 was not found. Your tasks are numbered 1–4.'],
  },

  // Reopening (completed: false).
  {
    tags: ['reopen'],
    say: 'reopen task 3',
    given: BASIC,
    expectCalls: [reopen(3)],
    expectTasksAfter: tasksAfter(BASIC, undone(3)),
    replyIncludes: ['Reopened task 3 “Call mom” — it’s pending again.'],
  },
  { tags: ['reopen'], say: 'mark task 3 as not done', given: BASIC, expectCalls: [reopen(3)] },
  { tags: ['reopen'], say: 'uncheck 3', given: BASIC, expectCalls: [reopen(3)] },
  { tags: ['reopen'], say: 'mark 3 as incomplete', given: BASIC, expectCalls: [reopen(3)] },
  { tags: ['reopen'], say: 'mark task 3 as pending again', given: BASIC, expectCalls: [reopen(3)] },
  { tags: ['reopen'], say: "task 3 isn't done", given: BASIC, expectCalls: [reopen(3)] },
  { tags: ['reopen'], say: 'undo task 3', given: BASIC, expectCalls: [reopen(3)] },
  {
    tags: ['reopen', 'by-words'],
    say: 'reopen the call task',
    given: BASIC,
    expectCalls: [list('all'), reopen(3)],
    expectTasksAfter: tasksAfter(BASIC, undone(3)),
  },
  {
    tags: ['reopen', 'by-words'],
    say: "I didn't actually finish the groceries",
    given: MIXED,
    expectCalls: [list('all'), reopen(1)],
  },

  // Completing by words: list first, then act on the single match.
  {
    tags: ['complete', 'by-words'],
    say: 'I finished the report',
    given: BASIC,
    expectCalls: [list('all'), complete(4)],
    expectTasksAfter: tasksAfter(BASIC, done(4)),
    replyIncludes: ['✓ Marked task 4 “Write quarterly report” as complete.'],
  },
  {
    tags: ['complete', 'by-words'],
    say: 'I bought the groceries',
    given: BASIC,
    expectCalls: [list('all'), complete(1)],
  },
  {
    tags: ['complete', 'by-words'],
    say: "I'm done with the team meeting",
    given: BASIC,
    expectCalls: [list('all'), complete(2)],
  },
  {
    tags: ['complete', 'by-words'],
    say: 'the report is done',
    given: BASIC,
    expectCalls: [list('all'), complete(4)],
  },
  {
    tags: ['complete', 'by-words'],
    say: 'cross off the groceries',
    given: BASIC,
    expectCalls: [list('all'), complete(1)],
  },
  {
    tags: ['complete', 'by-words'],
    say: "I've written the report",
    given: BASIC,
    expectCalls: [list('all'), complete(4)],
  },
  {
    tags: ['complete', 'by-words'],
    say: 'finish the quarterly report',
    given: BASIC,
    expectCalls: [list('all'), complete(4)],
  },
  {
    tags: ['complete', 'by-words'],
    say: 'mark the grocery task as done',
    given: BASIC,
    expectCalls: [list('all'), complete(1)],
  },
  {
    tags: ['complete', 'by-words'],
    say: 'I paid the rent',
    given: ERRANDS,
    expectCalls: [list('all'), complete(3)],
  },
  {
    tags: ['complete', 'by-words', 'typo'],
    say: 'I finished the reprot',
    given: BASIC,
    expectCalls: [list('all'), complete(4)],
  },
  {
    tags: ['complete', 'by-words', 'casing'],
    say: 'MARK THE MEETING AS DONE',
    given: BASIC,
    expectCalls: [list('all'), complete(2)],
  },
  {
    tags: ['complete', 'by-words'],
    say: 'mark the call task done',
    given: [{ title: 'Call mom', completed: true }, { title: 'Call the bank' }],
    expectCalls: [list('all'), complete(2)],
    replyIncludes: ['“Call the bank”'],
  },
  {
    tags: ['complete', 'by-words'],
    say: 'I called mom',
    given: BASIC,
    expectCalls: [list('all')],
    expectTasksAfter: tasksAfter(BASIC),
    replyIncludes: ['Task 3 “Call mom” is already marked as complete.'],
  },
  {
    tags: ['complete', 'by-words', 'ambiguous'],
    say: 'I finished the meeting',
    given: TWO_MEETINGS,
    expectCalls: [list('all')],
    expectTasksAfter: tasksAfter(TWO_MEETINGS),
    replyIncludes: [
      'I found 2 tasks matching “meeting”',
      '• Task 2: “Team meeting”',
      '• Task 4: “Meeting notes”',
      'Which one should I mark as complete?',
    ],
  },
  {
    tags: ['complete', 'by-words', 'not-found'],
    say: 'I finished the gym session',
    given: BASIC,
    expectCalls: [list('all')],
    expectTasksAfter: tasksAfter(BASIC),
    replyIncludes: ['I couldn’t find a task matching “gym session”', '○ 1. Buy groceries'],
  },

  // Deleting by number.
  {
    tags: ['delete'],
    say: 'delete task 2',
    given: BASIC,
    expectCalls: [remove(2)],
    expectTasksAfter: tasksAfter(BASIC, dropped(2)),
    replyIncludes: ['Deleted task 2: “Team meeting”.'],
  },
  { tags: ['delete'], say: 'remove task 4', given: BASIC, expectCalls: [remove(4)] },
  { tags: ['delete'], say: 'Delete task #2', given: BASIC, expectCalls: [remove(2)] },
  { tags: ['delete'], say: 'get rid of task 1', given: BASIC, expectCalls: [remove(1)] },
  { tags: ['delete'], say: 'cancel task 2', given: BASIC, expectCalls: [remove(2)] },
  {
    tags: ['delete'],
    say: 'delete tasks 2 and 4',
    given: BASIC,
    expectCalls: [remove(2), remove(4)],
    expectTasksAfter: tasksAfter(BASIC, dropped(2, 4)),
    replyIncludes: ['Deleted 2 tasks:'],
  },
  {
    tags: ['delete', 'error', 'not-found'],
    say: 'delete task 7',
    given: BASIC,
    expectCalls: [remove(7)],
    expectTasksAfter: tasksAfter(BASIC),
    replyIncludes: ['Sorry — Task 7 was not found. Your tasks are numbered 1–4.'],
  },

  // Deleting by words.
  {
    tags: ['delete', 'by-words'],
    say: 'remove the dentist one',
    given: ERRANDS,
    expectCalls: [list('all'), remove(2)],
    expectTasksAfter: tasksAfter(ERRANDS, dropped(2)),
    replyIncludes: ['Deleted task 2: “Dentist appointment”.'],
  },
  {
    tags: ['delete', 'by-words'],
    say: 'delete buy milk',
    given: ERRANDS,
    expectCalls: [list('all'), remove(1)],
  },
  {
    tags: ['delete', 'by-words'],
    say: 'get rid of the rent task',
    given: ERRANDS,
    expectCalls: [list('all'), remove(3)],
  },
  {
    tags: ['delete', 'by-words'],
    say: 'trash the milk task',
    given: ERRANDS,
    expectCalls: [list('all'), remove(1)],
  },
  {
    tags: ['delete', 'by-words'],
    say: "I don't need to pay rent anymore",
    given: ERRANDS,
    expectCalls: [list('all'), remove(3)],
  },
  {
    tags: ['delete', 'by-words', 'typo'],
    say: 'delete the dentsit appointment',
    given: ERRANDS,
    expectCalls: [list('all'), remove(2)],
  },
  {
    tags: ['delete', 'by-words', 'ambiguous'],
    say: 'Delete the meeting task',
    given: TWO_MEETINGS,
    expectCalls: [list('all')],
    expectTasksAfter: tasksAfter(TWO_MEETINGS),
    replyIncludes: [
      'I found 2 tasks matching “meeting”',
      '• Task 2: “Team meeting”',
      '• Task 4: “Meeting notes”',
      'Which one should I delete?',
    ],
  },
  {
    tags: ['delete', 'by-words', 'not-found'],
    say: 'delete the gym task',
    given: BASIC,
    expectCalls: [list('all')],
    expectTasksAfter: tasksAfter(BASIC),
    replyIncludes: ['I couldn’t find a task matching “gym”. Here’s what you have:', '○ 2. Team meeting'],
  },
  {
    tags: ['delete', 'by-words', 'not-found'],
    say: 'delete the gym task',
    expectCalls: [list('all')],
    replyIncludes: ['your task list is empty'],
  },

  // Updating.
  {
    tags: ['update'],
    say: 'rename task 2 to Weekly team sync',
    given: BASIC,
    expectCalls: [update(2, { title: 'Weekly team sync' })],
    expectTasksAfter: tasksAfter(BASIC, changed(2, { title: 'Weekly team sync' })),
    replyIncludes: ['Updated task 2: it’s now “Weekly team sync”.'],
  },
  {
    tags: ['update'],
    say: "update task 2's title to Weekly sync",
    given: BASIC,
    expectCalls: [update(2, { title: 'Weekly sync' })],
  },
  {
    tags: ['update'],
    say: 'change the title of task 2 to Sync with team',
    given: BASIC,
    expectCalls: [update(2, { title: 'Sync with team' })],
  },
  {
    tags: ['update'],
    say: 'change task 4 to "Write Q3 report"',
    given: BASIC,
    expectCalls: [update(4, { title: 'Write Q3 report' })],
  },
  {
    tags: ['update', 'by-words'],
    say: 'rename the milk task to buy oat milk',
    given: ERRANDS,
    expectCalls: [list('all'), update(1, { title: 'Buy oat milk' })],
    expectTasksAfter: tasksAfter(ERRANDS, changed(1, { title: 'Buy oat milk' })),
    replyIncludes: ['Updated task 1: it’s now “Buy oat milk”.'],
  },
  {
    tags: ['update', 'by-words'],
    say: 'change buy milk to buy oat milk',
    given: ERRANDS,
    expectCalls: [list('all'), update(1, { title: 'Buy oat milk' })],
  },
  {
    tags: ['update', 'description'],
    say: 'add a note to task 1: organic if possible',
    given: ERRANDS,
    expectCalls: [update(1, { description: 'organic if possible' })],
    expectTasksAfter: tasksAfter(ERRANDS, changed(1, { description: 'organic if possible' })),
    replyIncludes: ['Updated the description of task 1 “Buy milk”: “organic if possible”.'],
  },
  {
    tags: ['update', 'description'],
    say: 'set the description of task 2 to bring insurance card',
    given: ERRANDS,
    expectCalls: [update(2, { description: 'bring insurance card' })],
  },
  {
    tags: ['update', 'description', 'by-words'],
    say: 'change the description of the rent task to before the 5th',
    given: ERRANDS,
    expectCalls: [list('all'), update(3, { description: 'before the 5th' })],
  },
  // Setting, changing and clearing descriptions: the task ends where the new text begins, and the text keeps
  // its commas and other punctuation to the end.
  {
    tags: ['update', 'description'],
    say: 'set the description of task 1 to two liters, skimmed',
    given: ERRANDS,
    expectCalls: [update(1, { description: 'two liters, skimmed' })],
    expectTasksAfter: tasksAfter(ERRANDS, changed(1, { description: 'two liters, skimmed' })),
    replyIncludes: ['Updated the description of task 1 “Buy milk”: “two liters, skimmed”.'],
  },
  {
    tags: ['update', 'description', 'by-words'],
    say: 'Change the notes on the dentist appointment to: insurance card, referral letter, and a pen.',
    given: ERRANDS,
    expectCalls: [list('all'), update(2, { description: 'insurance card, referral letter, and a pen' })],
    expectTasksAfter: tasksAfter(
      ERRANDS,
      changed(2, { description: 'insurance card, referral letter, and a pen' }),
    ),
  },
  {
    tags: ['update', 'description', 'by-words'],
    say: 'set the description of buy milk to 2 l (semi-skimmed!) — or oat milk; whichever is cheaper',
    given: ERRANDS,
    expectCalls: [
      list('all'),
      update(1, { description: '2 l (semi-skimmed!) — or oat milk; whichever is cheaper' }),
    ],
  },
  {
    tags: ['update', 'description'],
    say: 'update task 3’s description to “by transfer, before the 5th”',
    given: ERRANDS,
    expectCalls: [update(3, { description: 'by transfer, before the 5th' })],
    expectTasksAfter: tasksAfter(ERRANDS, changed(3, { description: 'by transfer, before the 5th' })),
  },
  {
    tags: ['update', 'description'],
    say: 'give task 3 the description: standing order, first Monday',
    given: ERRANDS,
    expectCalls: [update(3, { description: 'standing order, first Monday' })],
  },
  {
    tags: ['update', 'description', 'by-words'],
    say: 'the description of the rent task should say: IBAN on file, reference "flat 4"',
    given: ERRANDS,
    expectCalls: [list('all'), update(3, { description: 'IBAN on file, reference "flat 4"' })],
  },
  {
    tags: ['update', 'description', 'compound'],
    say: 'set the notes of task 1 to add cream, then remove the old carton',
    given: ERRANDS,
    expectCalls: [update(1, { description: 'add cream, then remove the old carton' })],
    expectTasksAfter: tasksAfter(
      ERRANDS,
      changed(1, { description: 'add cream, then remove the old carton' }),
    ),
  },
  {
    tags: ['update', 'description', 'by-words'],
    say: 'set the description of "go to the gym" to towel, lock, shampoo',
    given: [{ title: 'Go to the gym' }, { title: 'Buy milk' }],
    expectCalls: [list('all'), update(1, { description: 'towel, lock, shampoo' })],
  },
  {
    tags: ['update', 'description'],
    say: 'clear the description of task 2',
    given: ERRANDS,
    expectCalls: [update(2, { description: '' })],
    expectTasksAfter: tasksAfter(ERRANDS, changed(2, { description: null })),
    replyIncludes: ['Cleared the description of task 2 “Dentist appointment”.'],
    replyExcludes: ['Deleted'],
  },
  {
    tags: ['update', 'description', 'by-words'],
    say: 'remove the notes from the dentist appointment',
    given: ERRANDS,
    expectCalls: [list('all'), update(2, { description: '' })],
    expectTasksAfter: tasksAfter(ERRANDS, changed(2, { description: null })),
  },
  {
    tags: ['update', 'description', 'by-words'],
    say: 'erase the dentist task’s details',
    given: ERRANDS,
    expectCalls: [list('all'), update(2, { description: '' })],
  },
  {
    tags: ['update', 'description'],
    say: "task 2 doesn't need a description any more",
    given: ERRANDS,
    expectCalls: [update(2, { description: '' })],
    expectTasksAfter: tasksAfter(ERRANDS, changed(2, { description: null })),
  },
  {
    tags: ['update', 'description'],
    say: 'set the notes of task 2 to nothing',
    given: ERRANDS,
    expectCalls: [update(2, { description: '' })],
  },
  {
    tags: ['update', 'description', 'by-words', 'ambiguous'],
    say: 'clear the description of the meeting task',
    given: TWO_MEETINGS,
    expectCalls: [list('all')],
    expectTasksAfter: tasksAfter(TWO_MEETINGS),
    replyIncludes: ['Which one should I clear the description of?'],
  },
  {
    tags: ['update', 'description', 'error', 'not-found'],
    say: 'set the description of task 9 to soon, maybe',
    given: ERRANDS,
    expectCalls: [update(9, { description: 'soon, maybe' })],
    replyIncludes: ['Sorry — Task 9 was not found.'],
  },
  {
    tags: ['update', 'description'],
    say: 'change the description of task 2',
    given: ERRANDS,
    expectCalls: [],
    replyIncludes: ['What should the description of task 2 say?'],
  },
  {
    tags: ['update', 'error', 'not-found'],
    say: 'rename task 9 to Something else',
    given: ERRANDS,
    expectCalls: [update(9, { title: 'Something else' })],
    replyIncludes: ['Sorry — Task 9 was not found. Your tasks are numbered 1–3.'],
  },
  {
    tags: ['update'],
    say: 'rename task 2',
    given: ERRANDS,
    expectCalls: [],
    replyIncludes: ['What should task 2', 'Reply with the new title.'],
  },
  {
    tags: ['update', 'by-words', 'ambiguous'],
    say: 'rename the meeting task to Weekly sync',
    given: TWO_MEETINGS,
    expectCalls: [list('all')],
    expectTasksAfter: tasksAfter(TWO_MEETINGS),
    replyIncludes: ['Which one should I rename to “Weekly sync”?'],
  },

  // Bulk operations.
  {
    tags: ['bulk', 'delete'],
    say: 'clear completed',
    given: MIXED,
    expectCalls: [list('completed'), remove(1), remove(3)],
    expectTasksAfter: tasksAfter(MIXED, dropped(1, 3)),
    replyIncludes: ['Cleared 2 completed tasks:', '• Task 1: “Buy groceries”', '• Task 3: “Call mom”'],
  },
  {
    tags: ['bulk', 'delete'],
    say: 'delete all done tasks',
    given: MIXED,
    expectCalls: [list('completed'), remove(1), remove(3)],
  },
  {
    tags: ['bulk', 'delete'],
    say: 'remove finished tasks',
    given: MIXED,
    expectCalls: [list('completed'), remove(1), remove(3)],
  },
  {
    tags: ['bulk', 'delete'],
    say: 'clear completed tasks',
    given: [{ title: 'Buy groceries' }],
    expectCalls: [list('completed')],
    replyIncludes: ['You have no completed tasks to clear.'],
  },
  {
    tags: ['bulk', 'complete'],
    say: 'mark all as done',
    given: MIXED,
    expectCalls: [list('pending'), complete(2), complete(4)],
    expectTasksAfter: tasksAfter(MIXED, done(2), done(4)),
    replyIncludes: ['✓ Marked 2 tasks as complete:'],
  },
  {
    tags: ['bulk', 'delete'],
    say: 'delete everything',
    given: BASIC,
    expectCalls: [list('all')],
    expectTasksAfter: tasksAfter(BASIC),
    replyIncludes: ['This will permanently delete all 4 of your tasks', 'Are you sure?'],
  },
  {
    tags: ['bulk', 'delete'],
    say: 'delete all my tasks',
    given: BASIC,
    expectCalls: [list('all')],
    expectTasksAfter: tasksAfter(BASIC),
  },

  // Typos and casing.
  { tags: ['add', 'typo', 'casing'], say: 'Add tsk Buy Milk', expectCalls: [add('Buy Milk')] },
  { tags: ['add', 'casing'], say: 'ADD BUY NEW SHOES', expectCalls: [add('Buy new shoes')] },
  { tags: ['list', 'casing'], say: 'SHOW MY TASKS', given: BASIC, expectCalls: [list('all')] },
  { tags: ['list', 'typo'], say: 'shwo my tasks', given: BASIC, expectCalls: [list('all')] },
  { tags: ['list', 'typo'], say: 'lsit pending tasks', given: BASIC, expectCalls: [list('pending')] },
  { tags: ['list', 'typo'], say: 'show my pnding tasks', given: BASIC, expectCalls: [list('pending')] },
  { tags: ['delete', 'typo'], say: 'delte task 2', given: BASIC, expectCalls: [remove(2)] },
  { tags: ['delete', 'typo'], say: 'remvoe task 2', given: BASIC, expectCalls: [remove(2)] },
  { tags: ['complete', 'typo'], say: 'mark taks 2 done', given: BASIC, expectCalls: [complete(2)] },
  { tags: ['complete', 'typo'], say: 'compelte task 2', given: BASIC, expectCalls: [complete(2)] },
  { tags: ['complete', 'typo'], say: 'mrak task 2 as dnoe', given: BASIC, expectCalls: [complete(2)] },
  {
    tags: ['update', 'typo'],
    say: 'renmae task 2 to Weekly sync',
    given: BASIC,
    expectCalls: [update(2, { title: 'Weekly sync' })],
  },
  { tags: ['complete', 'casing'], say: 'MARK TASK 2 AS DONE', given: BASIC, expectCalls: [complete(2)] },

  // Politeness.
  { tags: ['add', 'politeness'], say: 'Could you please add buy milk?', expectCalls: [add('Buy milk')] },
  {
    tags: ['add', 'reference'],
    say: 'add it',
    expectCalls: [],
    expectTasksAfter: [],
    replyIncludes: ['what should the new task say?'],
  },
  {
    tags: ['add', 'politeness'],
    say: 'Hey there, could you add pick up dry cleaning to my list please?',
    expectCalls: [add('Pick up dry cleaning')],
  },
  {
    tags: ['complete', 'politeness'],
    say: 'Could you please mark task 2 as done?',
    given: BASIC,
    expectCalls: [complete(2)],
  },
  {
    tags: ['complete', 'politeness'],
    say: 'kindly mark task 2 as complete',
    given: BASIC,
    expectCalls: [complete(2)],
  },
  {
    tags: ['delete', 'politeness', 'typo'],
    say: 'pls delte task 2 thx',
    given: BASIC,
    expectCalls: [remove(2)],
  },
  {
    tags: ['delete', 'politeness', 'casing'],
    say: 'PLEASE DELETE TASK 2',
    given: BASIC,
    expectCalls: [remove(2)],
  },
  {
    tags: ['list', 'politeness'],
    say: 'can you show me my tasks please',
    given: BASIC,
    expectCalls: [list('all')],
  },
  { tags: ['delete', 'politeness'], say: 'I want to delete task 4', given: BASIC, expectCalls: [remove(4)] },

  // Small talk and help.
  { tags: ['small-talk'], say: 'hi', expectCalls: [], replyIncludes: ['Hi! I’m your to-do assistant.'] },
  { tags: ['small-talk'], say: 'Hello!', expectCalls: [], replyIncludes: ['Hi!'] },
  { tags: ['small-talk'], say: 'thanks', expectCalls: [], replyIncludes: ['You’re welcome!'] },
  { tags: ['small-talk'], say: 'thank you so much!', expectCalls: [], replyIncludes: ['You’re welcome!'] },
  { tags: ['small-talk'], say: 'bye', expectCalls: [], replyIncludes: ['Bye for now'] },
  {
    tags: ['small-talk'],
    say: 'help',
    expectCalls: [],
    replyIncludes: [
      'I can manage your to-do list. Try:',
      '“Add a task to buy groceries”',
      '“Mark task 3 as complete”',
    ],
  },
  {
    tags: ['small-talk'],
    say: 'what can you do?',
    expectCalls: [],
    replyIncludes: ['I can manage your to-do list.'],
  },

  // Not understood, or not enough to act on: never a destructive guess.
  {
    tags: ['unknown'],
    say: 'what is the weather like?',
    given: BASIC,
    expectCalls: [],
    expectTasksAfter: tasksAfter(BASIC),
    replyIncludes: ['Sorry, I didn’t understand', '“Add a task to buy groceries”'],
  },
  {
    tags: ['unknown'],
    say: 'asdfgh',
    given: BASIC,
    expectCalls: [],
    replyIncludes: ['Sorry, I didn’t understand “asdfgh”.'],
  },
  {
    tags: ['unknown'],
    say: '42',
    given: BASIC,
    expectCalls: [],
    expectTasksAfter: tasksAfter(BASIC),
    replyIncludes: ['Sorry, I didn’t understand'],
  },
  {
    tags: ['unknown', 'reference'],
    say: 'the second one',
    given: BASIC,
    expectCalls: [],
    expectTasksAfter: tasksAfter(BASIC),
  },
  {
    tags: ['unknown', 'add'],
    say: 'buy milk',
    expectCalls: [],
    expectTasksAfter: [],
    replyIncludes: ['Do you want me to add “Buy milk” as a task?'],
  },
  {
    tags: ['delete', 'reference'],
    say: 'delete it',
    given: BASIC,
    expectCalls: [list('all')],
    expectTasksAfter: tasksAfter(BASIC),
    replyIncludes: ['Which task do you mean?', 'Which one should I delete?'],
  },
  {
    tags: ['delete', 'reference'],
    say: 'delete',
    given: [{ title: 'Buy groceries' }],
    expectCalls: [list('all')],
    expectTasksAfter: tasksAfter([{ title: 'Buy groceries' }]),
    replyIncludes: ['Do you mean task 1 “Buy groceries”?'],
  },
  {
    tags: ['complete', 'reference'],
    say: 'mark it done',
    given: BASIC,
    expectCalls: [list('pending')],
    expectTasksAfter: tasksAfter(BASIC),
    replyIncludes: ['Which one should I mark as complete?'],
  },

  // More phrasings.
  { tags: ['add'], say: 'set a reminder to call grandma', expectCalls: [add('Call grandma')] },
  {
    tags: ['add', 'description'],
    say: "add milk, it's for the cake",
    expectCalls: [add('Milk', "it's for the cake")],
  },
  {
    tags: ['complete', 'by-words'],
    say: 'got the groceries',
    given: BASIC,
    expectCalls: [list('all'), complete(1)],
  },
  { tags: ['complete'], say: 'done: task 2', given: BASIC, expectCalls: [complete(2)] },
  {
    tags: ['complete', 'by-words', 'bulk'],
    say: 'mark both meeting tasks as done',
    given: TWO_MEETINGS,
    expectCalls: [list('all'), complete(2), complete(4)],
    expectTasksAfter: tasksAfter(TWO_MEETINGS, done(2), done(4)),
  },
  {
    tags: ['delete', 'by-words', 'bulk'],
    say: 'delete all meeting tasks',
    given: TWO_MEETINGS,
    expectCalls: [list('all')],
    expectTasksAfter: tasksAfter(TWO_MEETINGS),
    replyIncludes: ['This will permanently delete these 2 tasks'],
  },
  {
    tags: ['delete', 'by-words'],
    say: 'take the rent off my list',
    given: ERRANDS,
    expectCalls: [list('all'), remove(3)],
  },
  {
    tags: ['delete', 'by-words', 'reference'],
    say: "I won't go to the dentist, remove it",
    given: ERRANDS,
    expectCalls: [list('all'), remove(2)],
    expectTasksAfter: tasksAfter(ERRANDS, dropped(2)),
  },
  {
    tags: ['delete', 'by-words', 'reference', 'ambiguous'],
    say: 'the meeting got cancelled, delete it',
    given: TWO_MEETINGS,
    expectCalls: [list('all')],
    expectTasksAfter: tasksAfter(TWO_MEETINGS),
    replyIncludes: ['Which one should I delete?'],
  },
  {
    tags: ['update'],
    say: 'edit task 4: Write the Q3 report',
    given: BASIC,
    expectCalls: [update(4, { title: 'Write the Q3 report' })],
  },
  {
    tags: ['update', 'description'],
    say: 'update task 2 description: bring insurance card',
    given: ERRANDS,
    expectCalls: [update(2, { description: 'bring insurance card' })],
  },
  {
    tags: ['update', 'by-words'],
    say: 'replace team meeting with standup',
    given: BASIC,
    expectCalls: [list('all'), update(2, { title: 'Standup' })],
  },
  {
    tags: ['query'],
    say: 'is the report done?',
    given: BASIC,
    expectCalls: [list('all')],
    expectTasksAfter: tasksAfter(BASIC),
    replyIncludes: ['Task 4: “Write quarterly report” — ○ pending.'],
  },
  {
    tags: ['query'],
    say: 'did I call mom?',
    given: BASIC,
    expectCalls: [list('all')],
    replyIncludes: ['Task 3: “Call mom” — ✓ done.'],
  },
  {
    tags: ['query'],
    say: "what's the status of task 2?",
    given: BASIC,
    expectCalls: [list('all')],
    replyIncludes: ['Task 2: “Team meeting” — ○ pending.'],
  },
  {
    tags: ['list'],
    say: 'did I finish anything today?',
    given: MIXED,
    expectCalls: [{ name: 'list_tasks', args: { status: 'completed', completed_within: 'today' } }],
  },
  { tags: ['unknown'], say: 'buy milk?', expectCalls: [], expectTasksAfter: [] },

  // Two commands in one message.
  {
    tags: ['compound', 'add', 'complete'],
    say: 'add milk and mark task 2 done',
    given: BASIC,
    expectCalls: [add('Milk'), complete(2)],
    expectTasksAfter: tasksAfter(BASIC, added('Milk'), done(2)),
    replyIncludes: ['Added task 5: “Milk”.', '✓ Marked task 2 “Team meeting” as complete.'],
  },
  {
    tags: ['compound', 'add', 'reference'],
    say: 'add walk the dog and mark it done',
    given: BASIC,
    expectCalls: [add('Walk the dog'), complete(5)],
    expectTasksAfter: tasksAfter(BASIC, added('Walk the dog'), done(5)),
  },
  {
    tags: ['compound', 'complete', 'delete'],
    say: 'Mark task 1 as complete and delete task 4',
    given: BASIC,
    expectCalls: [complete(1), remove(4)],
    expectTasksAfter: tasksAfter(BASIC, done(1), dropped(4)),
  },
  {
    tags: ['compound', 'add'],
    say: 'add a task to check email and delete spam',
    expectCalls: [add('Check email and delete spam')],
  },
  // ---------------------------------------------------------------------------------------------------------
  // Priorities, tags, due dates and repeats (issue 13). Now: Wed 9 Dec 2026, 10:00 UTC.
  {
    tags: ['fields', 'add', 'recurrence'],
    say: 'add pay rent every month on the 1st, high priority',
    expectCalls: [addWith('Pay rent', { priority: 'high', recurrence: 'every month on the 1st' })],
    expectTasksAfter: [
      {
        id: 1,
        title: 'Pay rent',
        completed: false,
        priority: 'high',
        due: '2027-01-01',
        repeats: 'every month on the 1st',
      },
    ],
    replyIncludes: [
      'Added task 1: “Pay rent” (due Fri 1 Jan 2027 · high priority · repeats every month on the 1st).',
    ],
  },
  {
    tags: ['fields', 'add', 'due'],
    say: 'add call mom tomorrow',
    expectCalls: [addWith('Call mom', { due: 'tomorrow' })],
    expectTasksAfter: [{ id: 1, title: 'Call mom', completed: false, due: '2026-12-10' }],
    replyIncludes: ['Added task 1: “Call mom” (due Thu 10 Dec).'],
  },
  {
    tags: ['fields', 'add', 'due'],
    say: 'Add dentist appointment on Friday at 3pm',
    expectCalls: [addWith('Dentist appointment', { due: 'on Friday at 3pm' })],
    expectTasksAfter: [{ id: 1, title: 'Dentist appointment', completed: false, due: '2026-12-11T15:00' }],
    replyIncludes: ['(due Fri 11 Dec, 15:00)'],
  },
  {
    tags: ['fields', 'add', 'due'],
    say: 'remind me to submit the report by the end of the month',
    expectCalls: [addWith('Submit the report', { due: 'end of the month' })],
    expectTasksAfter: [{ id: 1, title: 'Submit the report', completed: false, due: '2026-12-31' }],
    replyIncludes: ['due Thu 31 Dec'],
  },
  {
    tags: ['fields', 'add', 'recurrence'],
    say: 'add water the plants every monday',
    expectCalls: [addWith('Water the plants', { recurrence: 'every monday' })],
    expectTasksAfter: [
      { id: 1, title: 'Water the plants', completed: false, due: '2026-12-14', repeats: 'every week on Mon' },
    ],
    replyIncludes: ['due Mon 14 Dec', 'repeats every week on Mon'],
  },
  {
    tags: ['fields', 'add', 'recurrence', 'due'],
    say: 'add stand-up every weekday at 9am',
    expectCalls: [addWith('Stand-up', { due: '9am', recurrence: 'every weekday' })],
    expectTasksAfter: [
      { id: 1, title: 'Stand-up', completed: false, due: '2026-12-10T09:00', repeats: 'every weekday' },
    ],
    replyIncludes: ['due Thu 10 Dec, 09:00', 'repeats every weekday'],
  },
  {
    tags: ['fields', 'add', 'recurrence', 'due'],
    say: 'add team sync every thursday at 4pm',
    expectCalls: [addWith('Team sync', { due: 'thursday at 4pm', recurrence: 'every thursday' })],
    expectTasksAfter: [
      { id: 1, title: 'Team sync', completed: false, due: '2026-12-10T16:00', repeats: 'every week on Thu' },
    ],
  },
  {
    tags: ['fields', 'add', 'tags'],
    say: 'add buy milk #errands',
    expectCalls: [addWith('Buy milk', { tags: ['errands'] })],
    expectTasksAfter: [{ id: 1, title: 'Buy milk', completed: false, tags: ['errands'] }],
    replyIncludes: ['Added task 1: “Buy milk” (#errands).'],
  },
  {
    tags: ['fields', 'add', 'tags'],
    say: 'add prepare slides tagged work',
    expectCalls: [addWith('Prepare slides', { tags: ['work'] })],
    expectTasksAfter: [{ id: 1, title: 'Prepare slides', completed: false, tags: ['work'] }],
  },
  {
    tags: ['fields', 'add', 'tags'],
    say: 'add review the budget with tags finance and work',
    expectCalls: [addWith('Review the budget', { tags: ['finance', 'work'] })],
    expectTasksAfter: [{ id: 1, title: 'Review the budget', completed: false, tags: ['finance', 'work'] }],
  },
  {
    tags: ['fields', 'add', 'priority'],
    say: 'add fix the sink, urgent',
    expectCalls: [addWith('Fix the sink', { priority: 'high' })],
    expectTasksAfter: [{ id: 1, title: 'Fix the sink', completed: false, priority: 'high' }],
    replyIncludes: ['(high priority)'],
  },
  {
    tags: ['fields', 'add', 'priority'],
    say: 'add pay bills (high priority)',
    expectCalls: [addWith('Pay bills', { priority: 'high' })],
  },
  {
    tags: ['fields', 'add', 'priority'],
    say: 'add tidy the garage, low priority',
    expectCalls: [addWith('Tidy the garage', { priority: 'low' })],
    expectTasksAfter: [{ id: 1, title: 'Tidy the garage', completed: false, priority: 'low' }],
  },
  {
    tags: ['fields', 'add', 'due'],
    say: 'add renew passport in 3 days',
    expectCalls: [addWith('Renew passport', { due: 'in 3 days' })],
    expectTasksAfter: [{ id: 1, title: 'Renew passport', completed: false, due: '2026-12-12' }],
    replyIncludes: ['due Sat 12 Dec'],
  },
  {
    tags: ['fields', 'add', 'due', 'priority', 'tags'],
    say: 'add book flights next Tuesday, low priority #travel',
    expectCalls: [addWith('Book flights', { priority: 'low', tags: ['travel'], due: 'next Tuesday' })],
    expectTasksAfter: [
      {
        id: 1,
        title: 'Book flights',
        completed: false,
        priority: 'low',
        tags: ['travel'],
        due: '2026-12-15',
      },
    ],
    replyIncludes: ['due Tue 15 Dec · low priority · #travel'],
  },
  {
    tags: ['fields', 'add', 'recurrence'],
    say: 'add go to the gym daily',
    expectCalls: [addWith('Go to the gym', { recurrence: 'daily' })],
    expectTasksAfter: [
      { id: 1, title: 'Go to the gym', completed: false, due: '2026-12-09', repeats: 'every day' },
    ],
  },
  {
    tags: ['fields', 'add', 'recurrence'],
    say: 'add take out the recycling every other week',
    expectCalls: [addWith('Take out the recycling', { recurrence: 'every other week' })],
    expectTasksAfter: [
      {
        id: 1,
        title: 'Take out the recycling',
        completed: false,
        due: '2026-12-09',
        repeats: 'every 2 weeks',
      },
    ],
  },
  {
    tags: ['fields', 'add', 'due'],
    say: 'I need to call the bank tomorrow at 10am',
    expectCalls: [addWith('Call the bank', { due: 'tomorrow at 10am' })],
    expectTasksAfter: [{ id: 1, title: 'Call the bank', completed: false, due: '2026-12-10T10:00' }],
  },
  {
    tags: ['fields', 'add', 'due'],
    say: 'add call grandma tonight',
    expectCalls: [addWith('Call grandma', { due: 'tonight' })],
    expectTasksAfter: [{ id: 1, title: 'Call grandma', completed: false, due: '2026-12-09' }],
  },
  {
    tags: ['fields', 'add', 'due'],
    say: 'add quarterly taxes due on the 15th',
    expectCalls: [addWith('Quarterly taxes', { due: 'on the 15th' })],
    expectTasksAfter: [{ id: 1, title: 'Quarterly taxes', completed: false, due: '2026-12-15' }],
  },
  {
    tags: ['fields', 'add', 'due'],
    say: 'add book a table for Saturday',
    expectCalls: [addWith('Book a table', { due: 'Saturday' })],
    expectTasksAfter: [{ id: 1, title: 'Book a table', completed: false, due: '2026-12-12' }],
  },
  {
    tags: ['fields', 'add'],
    say: 'add plan the Monday meeting',
    expectCalls: [add('Plan the Monday meeting')],
  },
  {
    tags: ['fields', 'add'],
    say: 'add read chapter 3',
    expectCalls: [add('Read chapter 3')],
  },
  // Time words in a title. A due date is a moment: a day, a weekday or a time ("yesterday", "Friday 3pm"), or a
  // length of time ahead ("in 2 days"). A span counted back from now ("the past three months", "last year"), a
  // bare length ("for 20 minutes"), a date the sentence is about ("from yesterday", "since Monday") or a period
  // the task is for ("for next year") stays in the title, and the task gets no due date.
  {
    // The UX review's case: the whole phrase is the title, not "… escalation from the" due three months ago.
    tags: ['fields', 'add', 'due'],
    say: 'add Write the quarterly report summarising every customer escalation from the past three months',
    expectCalls: [
      add('Write the quarterly report summarising every customer escalation from the past three months'),
    ],
    expectTasksAfter: [
      {
        id: 1,
        title: 'Write the quarterly report summarising every customer escalation from the past three months',
        completed: false,
        due: null,
      },
    ],
    replyExcludes: ['overdue', 'due '],
  },
  {
    // A plain past day is still a due date: the person says the task was due then (it is overdue at once).
    tags: ['fields', 'add', 'due'],
    say: 'add file the taxes yesterday',
    expectCalls: [addWith('File the taxes', { due: 'yesterday' })],
    expectTasksAfter: [{ id: 1, title: 'File the taxes', completed: false, due: '2026-12-08' }],
    replyIncludes: ['overdue, was due Tue 8 Dec'],
  },
  {
    // "in" + a length of time at the end is a deadline, as in "renew passport in 3 days".
    tags: ['fields', 'add', 'due'],
    say: 'add read 3 chapters in 2 days',
    expectCalls: [addWith('Read 3 chapters', { due: 'in 2 days' })],
    expectTasksAfter: [{ id: 1, title: 'Read 3 chapters', completed: false, due: '2026-12-11' }],
  },
  {
    tags: ['fields', 'add', 'due'],
    say: 'add summarise the past week for the team',
    expectCalls: [add('Summarise the past week for the team')],
  },
  {
    // A span back from now at the very end: what the summary covers, not when it was due.
    tags: ['fields', 'add', 'due'],
    say: 'add summarise the past week',
    expectCalls: [add('Summarise the past week')],
    expectTasksAfter: [{ id: 1, title: 'Summarise the past week', completed: false, due: null }],
  },
  {
    tags: ['fields', 'add', 'due'],
    say: 'add review the last quarter’s numbers',
    expectCalls: [add("Review the last quarter's numbers")],
  },
  {
    tags: ['fields', 'add', 'due'],
    say: 'add plan next year’s budget',
    expectCalls: [add("Plan next year's budget")],
  },
  {
    // A period after "for" is what the plan is for (like "book flight for march"), not a day it is due.
    tags: ['fields', 'add', 'due'],
    say: 'add plan the budget for next year',
    expectCalls: [add('Plan the budget for next year')],
    expectTasksAfter: [{ id: 1, title: 'Plan the budget for next year', completed: false, due: null }],
  },
  {
    tags: ['fields', 'add', 'due'],
    say: 'add clean up the notes from last week',
    expectCalls: [add('Clean up the notes from last week')],
  },
  {
    tags: ['fields', 'add', 'due'],
    say: 'add answer the emails from yesterday',
    expectCalls: [add('Answer the emails from yesterday')],
    expectTasksAfter: [{ id: 1, title: 'Answer the emails from yesterday', completed: false, due: null }],
  },
  {
    tags: ['fields', 'add', 'due', 'priority'],
    say: 'add review sales for the past 3 months, high priority',
    expectCalls: [addWith('Review sales for the past 3 months', { priority: 'high' })],
    expectTasksAfter: [
      { id: 1, title: 'Review sales for the past 3 months', completed: false, priority: 'high', due: null },
    ],
  },
  {
    // How long, not when: chrono would read a bare length as "that long from now".
    tags: ['fields', 'add', 'due'],
    say: 'add meditate for 20 minutes',
    expectCalls: [add('Meditate for 20 minutes')],
    expectTasksAfter: [{ id: 1, title: 'Meditate for 20 minutes', completed: false, due: null }],
  },
  {
    tags: ['fields', 'add', 'due'],
    say: 'add write up what changed since Monday',
    expectCalls: [add('Write up what changed since Monday')],
  },
  {
    // "next week" is a day chrono can name (7 days on), and ahead: a due date.
    tags: ['fields', 'add', 'due'],
    say: 'add send the invoices next week',
    expectCalls: [addWith('Send the invoices', { due: 'next week' })],
    expectTasksAfter: [{ id: 1, title: 'Send the invoices', completed: false, due: '2026-12-16' }],
  },
  // Questions about due dates, priorities and tags.
  {
    tags: ['fields', 'query', 'due'],
    say: "What's due this week?",
    given: SCHEDULED,
    expectCalls: [listWith('pending', { due: 'week', sort: 'due' })],
    replyIncludes: [
      'Due in the next 7 days: 3 tasks:',
      '○ 3. Dentist appointment (due Wed 9 Dec, 15:00)',
      '○ 2. Team meeting (due Thu 10 Dec, 09:00 · #work)',
      '○ 5. Client meeting (due Fri 11 Dec, 10:30 · #work)',
    ],
    replyExcludes: ['Pay rent', 'Write quarterly report'],
  },
  {
    tags: ['fields', 'query', 'due'],
    say: "what's overdue?",
    given: SCHEDULED,
    expectCalls: [listWith('pending', { due: 'overdue', sort: 'due' })],
    replyIncludes: [
      'You have 1 overdue task:',
      '⚠ 1. Pay rent (overdue, was due Mon 7 Dec · high priority · #home)',
    ],
    replyExcludes: ['Call mom'],
  },
  {
    tags: ['fields', 'query', 'due'],
    say: 'am I behind on anything?',
    given: SCHEDULED,
    expectCalls: [listWith('pending', { due: 'overdue', sort: 'due' })],
  },
  {
    tags: ['fields', 'query', 'due'],
    say: "what's overdue?",
    given: BASIC,
    expectCalls: [listWith('pending', { due: 'overdue', sort: 'due' })],
    replyIncludes: ['Nothing is overdue'],
  },
  {
    tags: ['fields', 'query', 'due'],
    say: 'anything due today?',
    given: SCHEDULED,
    expectCalls: [listWith('pending', { due: 'today', sort: 'due' })],
    replyIncludes: ['Due today: 1 task:', '○ 3. Dentist appointment (due Wed 9 Dec, 15:00)'],
  },
  {
    tags: ['fields', 'query', 'due'],
    say: 'what is due today',
    given: BASIC,
    expectCalls: [listWith('pending', { due: 'today', sort: 'due' })],
    replyIncludes: ['Nothing is due today.'],
  },
  {
    tags: ['fields', 'query', 'due'],
    say: 'which tasks have no due date?',
    given: SCHEDULED,
    expectCalls: [listWith('pending', { due: 'none' })],
    replyIncludes: ['1 pending task without a due date:', '○ 6. Buy groceries (low priority)'],
  },
  {
    tags: ['fields', 'query', 'tags'],
    say: 'show my work tasks',
    given: SCHEDULED,
    expectCalls: [listWith('all', { tags: ['work'] })],
    replyIncludes: [
      'Tasks tagged #work: 3:',
      '○ 2. Team meeting',
      '○ 4. Write quarterly report',
      '○ 5. Client meeting',
    ],
    replyExcludes: ['Pay rent'],
  },
  {
    tags: ['fields', 'query', 'tags'],
    say: 'list tasks tagged home',
    given: SCHEDULED,
    expectCalls: [listWith('all', { tags: ['home'] })],
    replyIncludes: ['⚠ 1. Pay rent'],
  },
  {
    tags: ['fields', 'query', 'tags'],
    say: 'what are my #travel tasks?',
    given: SCHEDULED,
    expectCalls: [listWith('all', { tags: ['travel'] })],
    replyIncludes: ['No tasks are tagged #travel.'],
  },
  {
    tags: ['fields', 'query', 'priority'],
    say: 'what are my high priority tasks?',
    given: SCHEDULED,
    expectCalls: [listWith('pending', { priority: 'high' })],
    replyIncludes: ['Pending tasks of high priority: 1:', '⚠ 1. Pay rent'],
  },
  {
    tags: ['fields', 'query', 'priority'],
    say: 'is anything urgent?',
    given: SCHEDULED,
    expectCalls: [listWith('pending', { priority: 'high' })],
  },
  {
    tags: ['fields', 'query', 'priority'],
    say: 'show low priority tasks',
    given: SCHEDULED,
    expectCalls: [listWith('pending', { priority: 'low' })],
    replyIncludes: ['○ 6. Buy groceries (low priority)'],
  },
  {
    tags: ['fields', 'query', 'priority'],
    say: 'What should I do first?',
    given: SCHEDULED,
    expectCalls: [listWith('pending', { sort: 'priority' })],
    replyIncludes: [
      'Start with task 1 “Pay rent” — overdue, was due Mon 7 Dec, high priority.',
      '• Task 4: “Write quarterly report” (due Fri 18 Dec · medium priority · #work)',
      '• Task 6: “Buy groceries” (low priority)',
      '• Task 3: “Dentist appointment” (due Wed 9 Dec, 15:00)',
    ],
  },
  {
    tags: ['fields', 'query', 'priority'],
    say: "what's most important?",
    given: SCHEDULED,
    expectCalls: [listWith('pending', { sort: 'priority' })],
    replyIncludes: ['Start with task 1 “Pay rent”'],
  },
  {
    tags: ['fields', 'query', 'priority'],
    say: 'where should I start?',
    given: BASIC,
    expectCalls: [listWith('pending', { sort: 'priority' })],
    replyIncludes: ['Start with task 1 “Buy groceries”.', '• Task 2: “Team meeting”'],
  },
  {
    tags: ['fields', 'query', 'priority'],
    say: 'what should I work on first',
    given: ALL_DONE,
    expectCalls: [listWith('pending', { sort: 'priority' })],
    replyIncludes: ['Nothing pending'],
  },
  {
    tags: ['fields', 'query', 'due'],
    say: 'show my tasks by due date',
    given: SCHEDULED,
    expectCalls: [listWith('all', { sort: 'due' })],
    replyIncludes: ['Your tasks by due date:'],
  },
  {
    tags: ['fields', 'list'],
    say: 'show my tasks',
    given: SCHEDULED,
    expectCalls: [list('all')],
    replyIncludes: [
      '⚠ 1. Pay rent (overdue, was due Mon 7 Dec · high priority · #home)',
      '○ 6. Buy groceries (low priority)',
      '✓ 7. Call mom (due Tue 1 Dec)',
    ],
  },
  {
    tags: ['fields', 'show'],
    say: 'show task 4',
    given: SCHEDULED,
    expectCalls: [list('all')],
    replyIncludes: [
      'Task 4: “Write quarterly report” — ○ pending.\nDue Fri 18 Dec · medium priority · #work.',
    ],
  },
  // Changing priority, tags, due dates and repeats of existing tasks.
  {
    tags: ['fields', 'tags'],
    say: 'tag task 6 as errands',
    given: SCHEDULED,
    expectCalls: [setFields(6, { add_tags: ['errands'] })],
    expectTasksAfter: tasksAfter(SCHEDULED).map((t) => (t.id === 6 ? { ...t, tags: ['errands'] } : t)),
    replyIncludes: ['Tagged task 6 “Buy groceries” with #errands.'],
  },
  {
    tags: ['fields', 'tags'],
    say: 'tag task 4 as work',
    given: BASIC,
    expectCalls: [setFields(4, { add_tags: ['work'] })],
    expectTasksAfter: [
      ...tasksAfter(BASIC).slice(0, 3),
      { id: 4, title: 'Write quarterly report', completed: false, tags: ['work'] },
    ],
  },
  {
    tags: ['fields', 'tags'],
    say: 'add the finance tag to task 4',
    given: SCHEDULED,
    expectCalls: [setFields(4, { add_tags: ['finance'] })],
    replyIncludes: ['Tagged task 4 “Write quarterly report” with #finance.'],
  },
  {
    tags: ['fields', 'tags'],
    say: 'untag work from task 2',
    given: SCHEDULED,
    expectCalls: [setFields(2, { remove_tags: ['work'] })],
    replyIncludes: ['Removed #work from task 2 “Team meeting”.'],
  },
  {
    tags: ['fields', 'tags', 'by-words'],
    say: 'remove the home tag from the rent task',
    given: SCHEDULED,
    expectCalls: [list('all'), setFields(1, { remove_tags: ['home'] })],
  },
  {
    tags: ['fields', 'priority'],
    say: 'make task 2 low priority',
    given: SCHEDULED,
    expectCalls: [setFields(2, { priority: 'low' })],
    expectTasksAfter: tasksAfter(SCHEDULED).map((t) => (t.id === 2 ? { ...t, priority: 'low' } : t)),
    replyIncludes: ['Task 2 “Team meeting” is now low priority.'],
  },
  {
    tags: ['fields', 'priority'],
    say: 'make task 2 low priority',
    given: BASIC,
    expectCalls: [setFields(2, { priority: 'low' })],
  },
  {
    tags: ['fields', 'priority'],
    say: 'mark task 6 as urgent',
    given: SCHEDULED,
    expectCalls: [setFields(6, { priority: 'high' })],
  },
  {
    tags: ['fields', 'priority'],
    say: 'set the priority of task 4 to high',
    given: SCHEDULED,
    expectCalls: [setFields(4, { priority: 'high' })],
  },
  {
    tags: ['fields', 'priority', 'by-words'],
    say: 'prioritize the groceries',
    given: SCHEDULED,
    expectCalls: [list('all'), setFields(6, { priority: 'high' })],
    replyIncludes: ['Task 6 “Buy groceries” is now high priority.'],
  },
  {
    tags: ['fields', 'priority'],
    say: 'remove the priority from task 1',
    given: SCHEDULED,
    expectCalls: [setFields(1, { priority: 'none' })],
    replyIncludes: ['Removed the priority from task 1 “Pay rent”.'],
  },
  {
    tags: ['fields', 'due', 'by-words'],
    say: 'move the dentist to Friday 3pm',
    given: SCHEDULED,
    expectCalls: [list('all'), setFields(3, { due: 'Friday 3pm' })],
    expectTasksAfter: tasksAfter(SCHEDULED).map((t) => (t.id === 3 ? { ...t, due: '2026-12-11T15:00' } : t)),
    replyIncludes: ['Moved task 3 “Dentist appointment” to Fri 11 Dec, 15:00.'],
  },
  {
    tags: ['fields', 'due', 'by-words'],
    say: 'reschedule my morning meetings to 2 PM',
    given: SCHEDULED,
    expectCalls: [list('all'), setFields(2, { due: '2 PM' }), setFields(5, { due: '2 PM' })],
    expectTasksAfter: tasksAfter(SCHEDULED).map((t) =>
      t.id === 2 ? { ...t, due: '2026-12-10T14:00' } : t.id === 5 ? { ...t, due: '2026-12-11T14:00' } : t,
    ),
    replyIncludes: [
      'Moved 2 tasks:',
      '• Task 2: “Team meeting” (due Thu 10 Dec, 14:00 · #work)',
      '• Task 5: “Client meeting” (due Fri 11 Dec, 14:00 · #work)',
    ],
  },
  {
    tags: ['fields', 'due', 'by-words'],
    say: 'move the dentist to Friday',
    given: SCHEDULED,
    expectCalls: [list('all'), setFields(3, { due: 'Friday' })],
    replyIncludes: ['Moved task 3 “Dentist appointment” to Fri 11 Dec, 15:00.'],
  },
  {
    tags: ['fields', 'due'],
    say: 'task 4 is due tomorrow',
    given: SCHEDULED,
    expectCalls: [setFields(4, { due: 'tomorrow' })],
    replyIncludes: ['Moved task 4 “Write quarterly report” to Thu 10 Dec.'],
  },
  {
    tags: ['fields', 'due', 'by-words'],
    say: 'postpone the report to next Monday',
    given: SCHEDULED,
    expectCalls: [list('all'), setFields(4, { due: 'next Monday' })],
    replyIncludes: ['to Mon 14 Dec'],
  },
  {
    tags: ['fields', 'due', 'by-words'],
    say: 'push the client meeting to tomorrow',
    given: SCHEDULED,
    expectCalls: [list('all'), setFields(5, { due: 'tomorrow' })],
    replyIncludes: ['Moved task 5 “Client meeting” to Thu 10 Dec, 10:30.'],
  },
  {
    tags: ['fields', 'due'],
    say: 'change the due date of task 2 to Monday',
    given: SCHEDULED,
    expectCalls: [setFields(2, { due: 'Monday' })],
    replyIncludes: ['to Mon 14 Dec, 09:00'],
  },
  {
    tags: ['fields', 'due', 'by-words'],
    say: 'make the report due on the 20th',
    given: SCHEDULED,
    expectCalls: [list('all'), setFields(4, { due: 'on the 20th' })],
    replyIncludes: ['to Sun 20 Dec'],
  },
  {
    tags: ['fields', 'due'],
    say: 'remove the due date from task 3',
    given: SCHEDULED,
    expectCalls: [setFields(3, { due: 'none' })],
    expectTasksAfter: tasksAfter(SCHEDULED).map((t) => (t.id === 3 ? { ...t, due: null } : t)),
    replyIncludes: ['Removed the due date from task 3 “Dentist appointment”.'],
  },
  {
    tags: ['fields', 'due', 'error'],
    say: 'move task 9 to Friday',
    given: SCHEDULED,
    expectCalls: [setFields(9, { due: 'Friday' })],
    replyIncludes: ['Task 9 was not found.'],
  },
  {
    tags: ['fields', 'due', 'ambiguous'],
    say: 'move the meeting to Monday',
    given: SCHEDULED,
    expectCalls: [list('all')],
    expectTasksAfter: tasksAfter(SCHEDULED),
    replyIncludes: ['I found 2 tasks matching “meeting”', 'Which one should I move?'],
  },
  {
    tags: ['fields', 'recurrence'],
    say: 'make task 6 repeat every week',
    given: SCHEDULED,
    expectCalls: [setFields(6, { recurrence: 'every week' })],
    expectTasksAfter: tasksAfter(SCHEDULED).map((t) =>
      t.id === 6 ? { ...t, due: '2026-12-09', repeats: 'every week' } : t,
    ),
    replyIncludes: ['Task 6 “Buy groceries” now repeats every week, next due Wed 9 Dec.'],
  },
  {
    tags: ['fields', 'recurrence', 'by-words'],
    say: 'stop repeating the rent task',
    given: RECURRING,
    expectCalls: [list('all'), setFields(1, { recurrence: 'none' })],
    replyIncludes: ['Task 1 “Pay rent” no longer repeats.'],
  },
  {
    tags: ['fields', 'recurrence', 'complete'],
    say: 'mark task 1 done',
    given: RECURRING,
    expectCalls: [complete(1)],
    expectTasksAfter: [
      { id: 1, title: 'Pay rent', completed: true, repeats: null },
      { id: 2, title: 'Water the plants', completed: false },
      {
        id: 3,
        title: 'Pay rent',
        completed: false,
        priority: 'high',
        tags: ['home'],
        due: '2027-01-01',
        repeats: 'every month on the 1st',
      },
    ],
    replyIncludes: [
      '✓ Marked task 1 “Pay rent” as complete.',
      'It repeats, so I added the next one: task 3 “Pay rent”, due Fri 1 Jan 2027.',
    ],
  },
  {
    tags: ['fields', 'recurrence', 'complete', 'by-words'],
    say: 'I watered the plants',
    given: RECURRING,
    expectCalls: [list('all'), complete(2)],
    expectTasksAfter: [
      { id: 1, title: 'Pay rent', completed: false },
      { id: 2, title: 'Water the plants', completed: true },
      {
        id: 3,
        title: 'Water the plants',
        completed: false,
        due: '2026-12-14',
        repeats: 'every week on Mon, Thu',
      },
    ],
    replyIncludes: ['task 3 “Water the plants”, due Mon 14 Dec'],
  },
  {
    tags: ['fields', 'list', 'recurrence'],
    say: "what's pending?",
    given: RECURRING,
    expectCalls: [list('pending')],
    replyIncludes: [
      '⚠ 1. Pay rent (overdue, was due Tue 1 Dec · high priority · #home · repeats every month on the 1st)',
      '○ 2. Water the plants (due Thu 10 Dec · repeats every week on Mon, Thu)',
    ],
  },

  // Reminders: a task reminds at its due time by default; these change when, or turn it off.
  {
    tags: ['fields', 'reminder'],
    say: 'remind me 30 minutes before for task 5',
    given: SCHEDULED,
    expectCalls: [remindAt(5, '30 minutes before')],
    replyIncludes: ['I’ll remind you 30 minutes before: Fri 11 Dec, 10:00', 'task 5 “Client meeting”'],
  },
  {
    tags: ['fields', 'reminder', 'by-words'],
    say: 'remind me about the dentist 30 minutes before',
    given: SCHEDULED,
    expectCalls: [list('all'), remindAt(3, '30 minutes before')],
    replyIncludes: ['I’ll remind you 30 minutes before: Wed 9 Dec, 14:30'],
  },
  {
    tags: ['fields', 'reminder', 'by-words'],
    say: 'Remind me an hour before the client meeting',
    given: SCHEDULED,
    expectCalls: [list('all'), remindAt(5, '1 hour before')],
    replyIncludes: ['I’ll remind you 1 hour before: Fri 11 Dec, 09:30'],
  },
  {
    tags: ['fields', 'reminder'],
    say: 'please remind me half an hour early for task 2',
    given: SCHEDULED,
    expectCalls: [remindAt(2, '30 minutes before')],
    replyIncludes: ['30 minutes before: Thu 10 Dec, 08:30'],
  },
  {
    tags: ['fields', 'reminder'],
    say: 'set a reminder for task 4 2 days before',
    given: SCHEDULED,
    expectCalls: [remindAt(4, '2 days before')],
    replyIncludes: ['I’ll remind you 2 days before: Wed 16 Dec, 09:00'],
  },
  {
    tags: ['fields', 'reminder', 'error'],
    say: 'remind me 30 minutes before for task 1',
    given: BASIC,
    expectCalls: [remindAt(1, '30 minutes before')],
    replyIncludes: ['needs a due date'],
  },
  {
    tags: ['fields', 'reminder', 'due'],
    say: 'remind me about task 2 tomorrow at 9',
    given: SCHEDULED,
    expectCalls: [remindAt(2, 'tomorrow at 9')],
    replyIncludes: ['I’ll remind you on Thu 10 Dec, 09:00 (task 2 “Team meeting”).'],
  },
  {
    tags: ['fields', 'reminder', 'due', 'by-words'],
    say: 'remind me of the rent task on Friday at 8am',
    given: SCHEDULED,
    expectCalls: [list('all'), remindAt(1, 'Friday at 8am')],
    replyIncludes: ['I’ll remind you on Fri 11 Dec, 08:00 (task 1 “Pay rent”).'],
  },
  {
    tags: ['fields', 'reminder', 'due'],
    say: 'remind me tomorrow at 8am about task 5',
    given: SCHEDULED,
    expectCalls: [remindAt(5, 'tomorrow at 8am')],
    replyIncludes: ['I’ll remind you on Thu 10 Dec, 08:00'],
  },
  {
    tags: ['fields', 'reminder'],
    say: 'no reminder for task 3',
    given: SCHEDULED,
    expectCalls: [remindAt(3, 'none')],
    replyIncludes: ['Task 3 “Dentist appointment” won’t remind you.'],
  },
  {
    tags: ['fields', 'reminder', 'by-words'],
    say: "don't remind me about the dentist",
    given: SCHEDULED,
    expectCalls: [list('all'), remindAt(3, 'none')],
    replyIncludes: ['Task 3 “Dentist appointment” won’t remind you.'],
  },
  {
    tags: ['fields', 'reminder'],
    say: 'Turn off the reminder for task 4',
    given: SCHEDULED,
    expectCalls: [remindAt(4, 'none')],
    replyIncludes: ['Task 4 “Write quarterly report” won’t remind you.'],
  },
  {
    tags: ['fields', 'reminder', 'add', 'due'],
    say: 'add call the bank tomorrow at 10, remind me 1 hour before',
    given: BASIC,
    expectCalls: [addWith('Call the bank', { due: 'tomorrow at 10', remind_at: '1 hour before' })],
    expectTasksAfter: tasksAfter(BASIC, added('Call the bank')),
    replyIncludes: ['“Call the bank” (due Thu 10 Dec, 10:00 · reminder Thu 10 Dec, 09:00)'],
  },
  {
    tags: ['fields', 'reminder', 'add', 'due'],
    say: 'add pay the electricity bill on Friday with a reminder 1 day before',
    expectCalls: [addWith('Pay the electricity bill', { due: 'on Friday', remind_at: '1 day before' })],
    replyIncludes: ['(due Fri 11 Dec · reminder Thu 10 Dec, 09:00)'],
  },
  {
    tags: ['fields', 'reminder', 'add', 'due'],
    say: 'remind me to call mom tomorrow at 9',
    expectCalls: [addWith('Call mom', { due: 'tomorrow at 9' })],
    replyIncludes: ['Added task 1: “Call mom” (due Thu 10 Dec, 09:00).'],
    replyExcludes: ['reminder'],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Conversations

export const conversations: ConversationCase[] = [
  {
    name: 'the seed commands in one conversation',
    tags: ['seed'],
    turns: [
      {
        say: 'Add a task to buy groceries',
        expectCalls: [add('Buy groceries')],
        replyIncludes: ['Added task 1: “Buy groceries”.'],
      },
      {
        say: 'I need to remember to pay bills',
        expectCalls: [add('Pay bills')],
        replyIncludes: ['Added task 2: “Pay bills”.'],
      },
      { say: 'Add a task to call mom', expectCalls: [add('Call mom')] },
      {
        say: 'Mark task 3 as complete',
        expectCalls: [complete(3)],
        replyIncludes: ['✓ Marked task 3 “Call mom” as complete.'],
      },
      { say: "What's pending?", expectCalls: [list('pending')], replyIncludes: ['2 pending tasks'] },
      { say: 'What have I completed?', expectCalls: [list('completed')], replyIncludes: ['✓ 3. Call mom'] },
      { say: "Change task 1 to 'Call mom tonight'", expectCalls: [update(1, { title: 'Call mom tonight' })] },
      { say: 'Add a task for the team meeting', expectCalls: [add('Team meeting')] },
      {
        say: 'Delete the meeting task',
        expectCalls: [list('all'), remove(4)],
        replyIncludes: ['Deleted task 4: “Team meeting”.'],
      },
      {
        say: 'Show me all my tasks',
        expectCalls: [list('all')],
        expectTasksAfter: [
          { id: 1, title: 'Call mom tonight', completed: false },
          { id: 2, title: 'Pay bills', completed: false },
          { id: 3, title: 'Call mom', completed: true },
        ],
        replyIncludes: ['○ 1. Call mom tonight', '○ 2. Pay bills', '✓ 3. Call mom'],
      },
    ],
  },
  {
    name: '"mark it done" after adding',
    tags: ['reference', 'complete'],
    given: BASIC,
    turns: [
      { say: 'add walk the dog', expectCalls: [add('Walk the dog')] },
      {
        say: 'mark it done',
        expectCalls: [complete(5)],
        expectTasksAfter: tasksAfter(BASIC, added('Walk the dog'), done(5)),
        replyIncludes: ['✓ Marked task 5 “Walk the dog” as complete.'],
      },
    ],
  },
  {
    name: 'renaming "it" right after adding',
    tags: ['reference', 'update'],
    turns: [
      { say: 'buy milk', expectCalls: [], replyIncludes: ['Do you want me to add “Buy milk” as a task?'] },
      { say: 'yes', expectCalls: [add('Buy milk')], replyIncludes: ['Added task 1: “Buy milk”.'] },
      {
        say: 'actually, call it buy oat milk',
        expectCalls: [update(1, { title: 'Buy oat milk' })],
        expectTasksAfter: [{ id: 1, title: 'Buy oat milk', completed: false }],
      },
    ],
  },
  {
    name: 'an offered task accepted with "add it"',
    tags: ['add', 'reference'],
    given: ERRANDS,
    turns: [
      {
        say: 'call the bank',
        expectCalls: [],
        replyIncludes: ['Do you want me to add “Call the bank” as a task?'],
      },
      {
        say: 'add it',
        expectCalls: [add('Call the bank')],
        expectTasksAfter: tasksAfter(ERRANDS, added('Call the bank')),
      },
    ],
  },
  {
    name: 'ambiguous delete answered with "the second one"',
    tags: ['ambiguous', 'reference', 'delete'],
    given: TWO_MEETINGS,
    turns: [
      {
        say: 'Delete the meeting task',
        expectCalls: [list('all')],
        expectTasksAfter: tasksAfter(TWO_MEETINGS),
      },
      {
        say: 'the second one',
        expectCalls: [remove(4)],
        expectTasksAfter: tasksAfter(TWO_MEETINGS, dropped(4)),
        replyIncludes: ['Deleted task 4: “Meeting notes”.'],
      },
    ],
  },
  {
    name: 'ambiguous delete answered with a task number',
    tags: ['ambiguous', 'reference', 'delete'],
    given: TWO_MEETINGS,
    turns: [
      { say: 'remove the meeting one', expectCalls: [list('all')] },
      { say: 'number 2', expectCalls: [remove(2)], expectTasksAfter: tasksAfter(TWO_MEETINGS, dropped(2)) },
    ],
  },
  {
    name: 'ambiguous delete answered with a bare number',
    tags: ['ambiguous', 'reference', 'delete'],
    given: TWO_MEETINGS,
    turns: [
      { say: 'Delete the meeting task', expectCalls: [list('all')] },
      { say: '4', expectCalls: [remove(4)], expectTasksAfter: tasksAfter(TWO_MEETINGS, dropped(4)) },
    ],
  },
  {
    name: 'ambiguous completion answered by words',
    tags: ['ambiguous', 'reference', 'complete', 'by-words'],
    given: TWO_MEETINGS,
    turns: [
      { say: 'I finished the meeting', expectCalls: [list('all')] },
      {
        say: 'the notes one',
        expectCalls: [complete(4)],
        expectTasksAfter: tasksAfter(TWO_MEETINGS, done(4)),
        replyIncludes: ['✓ Marked task 4 “Meeting notes” as complete.'],
      },
    ],
  },
  {
    name: 'ambiguous delete answered with "both"',
    tags: ['ambiguous', 'reference', 'delete'],
    given: TWO_MEETINGS,
    turns: [
      { say: 'Delete the meeting task', expectCalls: [list('all')] },
      {
        say: 'both',
        expectCalls: [remove(2), remove(4)],
        expectTasksAfter: tasksAfter(TWO_MEETINGS, dropped(2, 4)),
      },
    ],
  },
  {
    name: 'ambiguous delete cancelled',
    tags: ['ambiguous', 'delete'],
    given: TWO_MEETINGS,
    turns: [
      { say: 'Delete the meeting task', expectCalls: [list('all')] },
      {
        say: 'never mind',
        expectCalls: [],
        expectTasksAfter: tasksAfter(TWO_MEETINGS),
        replyIncludes: ['Okay, I won’t change anything.'],
      },
      { say: 'the second one', expectCalls: [], expectTasksAfter: tasksAfter(TWO_MEETINGS) },
    ],
  },
  {
    name: 'a new command instead of an answer',
    tags: ['ambiguous', 'list'],
    given: TWO_MEETINGS,
    turns: [
      { say: 'Delete the meeting task', expectCalls: [list('all')] },
      { say: 'show my tasks', expectCalls: [list('all')], expectTasksAfter: tasksAfter(TWO_MEETINGS) },
      {
        say: 'task 2',
        expectCalls: [],
        replyIncludes: ['Task 2 is “Team meeting”. What should I do with it?'],
      },
      { say: 'delete it', expectCalls: [remove(2)], expectTasksAfter: tasksAfter(TWO_MEETINGS, dropped(2)) },
    ],
  },
  {
    name: 'delete everything needs a yes',
    tags: ['bulk', 'delete'],
    given: ERRANDS,
    turns: [
      {
        say: 'delete all my tasks',
        expectCalls: [list('all')],
        expectTasksAfter: tasksAfter(ERRANDS),
        replyIncludes: ['Are you sure?'],
      },
      {
        say: 'yes',
        expectCalls: [remove(1), remove(2), remove(3)],
        expectTasksAfter: [],
        replyIncludes: ['Deleted 3 tasks:'],
      },
    ],
  },
  {
    name: 'delete everything refused',
    tags: ['bulk', 'delete'],
    given: ERRANDS,
    turns: [
      { say: 'delete everything', expectCalls: [list('all')] },
      {
        say: 'no',
        expectCalls: [],
        expectTasksAfter: tasksAfter(ERRANDS),
        replyIncludes: ['Okay, I won’t change anything.'],
      },
    ],
  },
  {
    name: 'asking for a title',
    tags: ['add'],
    turns: [
      { say: 'add a task', expectCalls: [], replyIncludes: ['what should the new task say?'] },
      {
        say: 'Buy a new phone charger',
        expectCalls: [add('Buy a new phone charger')],
        expectTasksAfter: tasksAfter([], added('Buy a new phone charger')),
      },
    ],
  },
  {
    name: 'asking for a new title',
    tags: ['update'],
    given: BASIC,
    turns: [
      { say: 'rename task 2', expectCalls: [], replyIncludes: ['What should task 2'] },
      {
        say: 'Weekly sync',
        expectCalls: [update(2, { title: 'Weekly sync' })],
        expectTasksAfter: tasksAfter(BASIC, changed(2, { title: 'Weekly sync' })),
      },
    ],
  },
  {
    name: 'asking for a new description, answered with commas',
    tags: ['update', 'description', 'by-words'],
    given: ERRANDS,
    turns: [
      {
        say: 'edit the notes of the rent task',
        expectCalls: [list('all')],
        replyIncludes: ['What should the description of task 3 “Pay rent” say?'],
      },
      {
        say: 'standing order, first Monday of the month',
        expectCalls: [update(3, { description: 'standing order, first Monday of the month' })],
        expectTasksAfter: tasksAfter(
          ERRANDS,
          changed(3, { description: 'standing order, first Monday of the month' }),
        ),
      },
    ],
  },
  {
    name: 'asking for a new description, answered with "nothing"',
    tags: ['update', 'description'],
    given: ERRANDS,
    turns: [
      { say: 'change the description of task 2', expectCalls: [], replyIncludes: ['“nothing” to clear it'] },
      {
        say: 'nothing',
        expectCalls: [update(2, { description: '' })],
        expectTasksAfter: tasksAfter(ERRANDS, changed(2, { description: null })),
      },
    ],
  },
  {
    name: 'show a task, then clear its description',
    tags: ['reference', 'update', 'description'],
    given: ERRANDS,
    turns: [
      { say: 'show task 2', expectCalls: [list('all')], replyIncludes: ['Dr. Smith at 3pm'] },
      {
        say: 'clear its description',
        expectCalls: [update(2, { description: '' })],
        expectTasksAfter: tasksAfter(ERRANDS, changed(2, { description: null })),
      },
    ],
  },
  {
    name: 'ordinal after a list',
    tags: ['reference', 'complete', 'list'],
    given: BASIC,
    turns: [
      { say: "What's pending?", expectCalls: [list('pending')] },
      {
        say: 'mark the second one as done',
        expectCalls: [complete(2)],
        expectTasksAfter: tasksAfter(BASIC, done(2)),
        replyIncludes: ['✓ Marked task 2 “Team meeting” as complete.'],
      },
      {
        say: 'delete the last one',
        expectCalls: [remove(4)],
        expectTasksAfter: tasksAfter(BASIC, done(2), dropped(4)),
      },
    ],
  },
  {
    name: 'pronoun without context asks, then the answer acts',
    tags: ['reference', 'complete'],
    given: BASIC,
    turns: [
      {
        say: 'mark it done',
        expectCalls: [list('pending')],
        replyIncludes: ['Which one should I mark as complete?'],
      },
      { say: 'the first one', expectCalls: [complete(1)], expectTasksAfter: tasksAfter(BASIC, done(1)) },
    ],
  },
  {
    name: 'undo a completion',
    tags: ['reference', 'complete', 'reopen'],
    given: BASIC,
    turns: [
      { say: 'mark task 2 as done', expectCalls: [complete(2)] },
      {
        // Undo is the server's: it reverses the completion, and task 2 is pending again.
        say: 'undo',
        expectCalls: [undoLast()],
        expectTasksAfter: tasksAfter(BASIC),
        replyIncludes: ['Reopened task 2 “Team meeting”', 'pending again'],
      },
    ],
  },
  {
    name: '"it\'s not done" after completing',
    tags: ['reference', 'reopen'],
    given: BASIC,
    turns: [
      { say: 'I finished the report', expectCalls: [list('all'), complete(4)] },
      { say: "oh wait, it's not done", expectCalls: [reopen(4)], expectTasksAfter: tasksAfter(BASIC) },
    ],
  },
  {
    name: 'not found, then pick from the list shown',
    tags: ['not-found', 'reference', 'delete'],
    given: ERRANDS,
    turns: [
      {
        say: 'delete the gym task',
        expectCalls: [list('all')],
        replyIncludes: ['I couldn’t find a task matching “gym”'],
      },
      {
        say: 'delete the third one',
        expectCalls: [remove(3)],
        expectTasksAfter: tasksAfter(ERRANDS, dropped(3)),
      },
    ],
  },
  {
    name: 'complete everything just listed',
    tags: ['reference', 'bulk', 'complete'],
    given: MIXED,
    turns: [
      { say: "What's pending?", expectCalls: [list('pending')] },
      {
        say: 'mark them all done',
        expectCalls: [complete(2), complete(4)],
        expectTasksAfter: tasksAfter(MIXED, done(2), done(4)),
        replyIncludes: ['✓ Marked 2 tasks as complete:'],
      },
    ],
  },
  {
    name: 'deleting "them" asks first',
    tags: ['reference', 'bulk', 'delete'],
    given: MIXED,
    turns: [
      { say: 'What have I completed?', expectCalls: [list('completed')] },
      {
        say: 'delete them',
        expectCalls: [],
        expectTasksAfter: tasksAfter(MIXED),
        replyIncludes: ['This will permanently delete these 2 tasks'],
      },
      { say: 'yes', expectCalls: [remove(1), remove(3)], expectTasksAfter: tasksAfter(MIXED, dropped(1, 3)) },
    ],
  },
  {
    name: 'show one task, then act on it',
    tags: ['reference', 'query', 'delete'],
    given: ERRANDS,
    turns: [
      { say: 'show task 2', expectCalls: [list('all')], replyIncludes: ['Task 2: “Dentist appointment”'] },
      { say: 'remove it', expectCalls: [remove(2)], expectTasksAfter: tasksAfter(ERRANDS, dropped(2)) },
    ],
  },
  {
    name: 'search, then complete the single hit',
    tags: ['reference', 'query', 'complete'],
    given: ERRANDS,
    turns: [
      { say: 'do I have anything about rent?', expectCalls: [list('all')] },
      { say: 'mark it as done', expectCalls: [complete(3)], expectTasksAfter: tasksAfter(ERRANDS, done(3)) },
    ],
  },
  {
    name: 'ambiguous completion answered with a task number',
    tags: ['ambiguous', 'reference', 'complete'],
    given: TWO_MEETINGS,
    turns: [
      { say: 'the meeting is done', expectCalls: [list('all')] },
      { say: 'task 2', expectCalls: [complete(2)], expectTasksAfter: tasksAfter(TWO_MEETINGS, done(2)) },
    ],
  },
  {
    name: 'typos across a conversation',
    tags: ['typo', 'add', 'complete', 'delete'],
    turns: [
      { say: 'ad buy bred', expectCalls: [add('Buy bred')] },
      { say: 'Add tsk Buy Milk', expectCalls: [add('Buy Milk')] },
      { say: 'mark taks 1 done', expectCalls: [complete(1)] },
      {
        say: 'delte the milk one',
        expectCalls: [list('all'), remove(2)],
        expectTasksAfter: [{ id: 1, title: 'Buy bred', completed: true }],
      },
    ],
  },
  {
    name: 'clear completed after finishing',
    tags: ['bulk', 'complete', 'delete'],
    given: BASIC,
    turns: [
      { say: 'I bought the groceries', expectCalls: [list('all'), complete(1)] },
      {
        say: 'clear completed',
        expectCalls: [list('completed'), remove(1), remove(3)],
        expectTasksAfter: tasksAfter(BASIC, dropped(1, 3)),
      },
      { say: 'thanks!', expectCalls: [], replyIncludes: ['You’re welcome!'] },
    ],
  },
  {
    name: 'the only completed task is "it"',
    tags: ['reference', 'list', 'delete'],
    given: BASIC,
    turns: [
      { say: 'What have I completed?', expectCalls: [list('completed')] },
      { say: 'delete it', expectCalls: [remove(3)], expectTasksAfter: tasksAfter(BASIC, dropped(3)) },
    ],
  },
  {
    name: 'adds a dated task, moves it and raises its priority',
    tags: ['fields', 'due', 'reference'],
    turns: [
      {
        say: 'add dentist appointment tomorrow at 3pm',
        expectCalls: [addWith('Dentist appointment', { due: 'tomorrow at 3pm' })],
        replyIncludes: ['(due Thu 10 Dec, 15:00)'],
      },
      {
        say: 'move it to Friday',
        expectCalls: [setFields(1, { due: 'Friday' })],
        replyIncludes: ['Moved task 1 “Dentist appointment” to Fri 11 Dec, 15:00.'],
      },
      {
        say: 'make it high priority',
        expectCalls: [setFields(1, { priority: 'high' })],
        expectTasksAfter: [
          {
            id: 1,
            title: 'Dentist appointment',
            completed: false,
            priority: 'high',
            due: '2026-12-11T15:00',
          },
        ],
      },
      {
        say: "what's due this week?",
        expectCalls: [listWith('pending', { due: 'week', sort: 'due' })],
        replyIncludes: ['○ 1. Dentist appointment (due Fri 11 Dec, 15:00 · high priority)'],
      },
    ],
  },
  {
    name: 'tags a task and lists by tag',
    tags: ['fields', 'tags', 'reference'],
    turns: [
      { say: 'add prepare slides', expectCalls: [add('Prepare slides')] },
      {
        say: 'tag it as work',
        expectCalls: [setFields(1, { add_tags: ['work'] })],
        replyIncludes: ['Tagged task 1 “Prepare slides” with #work.'],
      },
      { say: 'add book the venue #work', expectCalls: [addWith('Book the venue', { tags: ['work'] })] },
      { say: 'add buy stamps', expectCalls: [add('Buy stamps')] },
      {
        say: 'show my work tasks',
        expectCalls: [listWith('all', { tags: ['work'] })],
        replyIncludes: [
          'Tasks tagged #work: 2:',
          '○ 1. Prepare slides (#work)',
          '○ 2. Book the venue (#work)',
        ],
        replyExcludes: ['Buy stamps'],
      },
    ],
  },
  {
    name: 'a monthly task comes back when it is done',
    tags: ['fields', 'recurrence', 'complete', 'reference'],
    turns: [
      {
        say: 'add pay rent every month on the 1st, high priority',
        expectCalls: [addWith('Pay rent', { priority: 'high', recurrence: 'every month on the 1st' })],
      },
      {
        say: 'mark it done',
        expectCalls: [complete(1)],
        replyIncludes: ['It repeats, so I added the next one: task 2 “Pay rent”, due Mon 1 Feb 2027.'],
      },
      {
        say: "what's pending?",
        expectCalls: [list('pending')],
        replyIncludes: [
          '○ 2. Pay rent (due Mon 1 Feb 2027 · high priority · repeats every month on the 1st)',
        ],
      },
    ],
  },
  {
    name: 'an overdue task is moved, then the plan for the day',
    tags: ['fields', 'due', 'query', 'reference'],
    given: SCHEDULED,
    turns: [
      { say: "what's overdue?", expectCalls: [listWith('pending', { due: 'overdue', sort: 'due' })] },
      {
        say: 'move it to tomorrow',
        expectCalls: [setFields(1, { due: 'tomorrow' })],
        replyIncludes: ['Moved task 1 “Pay rent” to Thu 10 Dec.'],
      },
      {
        say: 'what should I do first?',
        expectCalls: [listWith('pending', { sort: 'priority' })],
        replyIncludes: ['Start with task 1 “Pay rent” — due Thu 10 Dec, high priority.'],
        replyExcludes: ['overdue'],
      },
    ],
  },
  {
    name: 'which meeting to move: answered by number',
    tags: ['fields', 'due', 'ambiguous'],
    given: SCHEDULED,
    turns: [
      {
        say: 'move the meeting to Monday',
        expectCalls: [list('all')],
        replyIncludes: ['Which one should I move?'],
      },
      {
        say: '5',
        expectCalls: [setFields(5, { due: 'Monday' })],
        replyIncludes: ['Moved task 5 “Client meeting” to Mon 14 Dec, 10:30.'],
      },
    ],
  },
  {
    name: 'morning meetings rescheduled, then the week',
    tags: ['fields', 'due', 'by-words'],
    given: SCHEDULED,
    turns: [
      {
        say: 'reschedule my morning meetings to 2 PM',
        expectCalls: [list('all'), setFields(2, { due: '2 PM' }), setFields(5, { due: '2 PM' })],
      },
      {
        say: 'anything due this week?',
        expectCalls: [listWith('pending', { due: 'week', sort: 'due' })],
        replyIncludes: [
          '○ 2. Team meeting (due Thu 10 Dec, 14:00 · #work)',
          '○ 5. Client meeting (due Fri 11 Dec, 14:00 · #work)',
        ],
      },
    ],
  },
  {
    name: 'a due date set and cleared',
    tags: ['fields', 'due', 'reference'],
    turns: [
      {
        say: 'add renew passport next Tuesday',
        expectCalls: [addWith('Renew passport', { due: 'next Tuesday' })],
        replyIncludes: ['(due Tue 15 Dec)'],
      },
      {
        say: 'remove the due date from it',
        expectCalls: [setFields(1, { due: 'none' })],
        expectTasksAfter: [{ id: 1, title: 'Renew passport', completed: false, due: null }],
      },
      {
        say: 'show my tasks',
        expectCalls: [list('all')],
        replyIncludes: ['○ 1. Renew passport'],
        replyExcludes: ['due'],
      },
    ],
  },
  {
    name: 'a weekly task stops repeating',
    tags: ['fields', 'recurrence', 'reference'],
    turns: [
      {
        say: 'add water the plants every monday',
        expectCalls: [addWith('Water the plants', { recurrence: 'every monday' })],
      },
      {
        say: 'stop repeating it',
        expectCalls: [setFields(1, { recurrence: 'none' })],
        expectTasksAfter: [
          { id: 1, title: 'Water the plants', completed: false, due: '2026-12-14', repeats: null },
        ],
        replyIncludes: ['Task 1 “Water the plants” no longer repeats.'],
      },
    ],
  },
  {
    name: 'tags added together and one taken off',
    tags: ['fields', 'tags', 'reference'],
    turns: [
      {
        say: 'add fix the bike #weekend #errands',
        expectCalls: [addWith('Fix the bike', { tags: ['weekend', 'errands'] })],
      },
      {
        say: 'remove the errands tag from it',
        expectCalls: [setFields(1, { remove_tags: ['errands'] })],
        expectTasksAfter: [{ id: 1, title: 'Fix the bike', completed: false, tags: ['weekend'] }],
      },
    ],
  },
  {
    name: 'today’s plan',
    tags: ['fields', 'due', 'query'],
    turns: [
      {
        say: 'add call the bank today at 4pm',
        expectCalls: [addWith('Call the bank', { due: 'today at 4pm' })],
        replyIncludes: ['(due Wed 9 Dec, 16:00)'],
      },
      { say: 'add buy milk', expectCalls: [add('Buy milk')] },
      {
        say: "what's due today?",
        expectCalls: [listWith('pending', { due: 'today', sort: 'due' })],
        replyIncludes: ['Due today: 1 task:', '○ 1. Call the bank (due Wed 9 Dec, 16:00)'],
        replyExcludes: ['Buy milk'],
      },
    ],
  },
  {
    name: 'priorities change what comes first',
    tags: ['fields', 'priority', 'query'],
    given: BASIC,
    turns: [
      { say: 'make task 4 high priority', expectCalls: [setFields(4, { priority: 'high' })] },
      {
        say: 'what should I do first?',
        expectCalls: [listWith('pending', { sort: 'priority' })],
        replyIncludes: ['Start with task 4 “Write quarterly report” — high priority.'],
      },
      {
        say: 'what are my high priority tasks?',
        expectCalls: [listWith('pending', { priority: 'high' })],
        replyIncludes: ['○ 4. Write quarterly report (high priority)'],
      },
    ],
  },
  {
    name: 'a suggested task keeps its due date',
    tags: ['fields', 'due', 'add'],
    turns: [
      {
        say: 'buy flowers on Saturday',
        expectCalls: [],
        replyIncludes: ['Do you want me to add “Buy flowers” as a task?'],
      },
      {
        say: 'yes',
        expectCalls: [addWith('Buy flowers', { due: 'on Saturday' })],
        expectTasksAfter: [{ id: 1, title: 'Buy flowers', completed: false, due: '2026-12-12' }],
      },
    ],
  },
  {
    name: 'a reminder for the task just added, then turned off',
    tags: ['fields', 'reminder', 'reference'],
    turns: [
      {
        say: 'add call the bank tomorrow at 10',
        expectCalls: [addWith('Call the bank', { due: 'tomorrow at 10' })],
      },
      {
        say: 'remind me 30 minutes before',
        expectCalls: [remindAt(1, '30 minutes before')],
        replyIncludes: ['I’ll remind you 30 minutes before: Thu 10 Dec, 09:30 (task 1 “Call the bank”).'],
      },
      {
        say: 'turn off the reminder for it',
        expectCalls: [remindAt(1, 'none')],
        replyIncludes: ['Task 1 “Call the bank” won’t remind you.'],
      },
    ],
  },
  {
    name: 'a reminder for the task just shown',
    tags: ['fields', 'reminder', 'reference', 'show'],
    given: SCHEDULED,
    turns: [
      { say: 'show task 5', expectCalls: [list('all')] },
      {
        say: 'remind me an hour before it',
        expectCalls: [remindAt(5, '1 hour before')],
        replyIncludes: ['I’ll remind you 1 hour before: Fri 11 Dec, 09:30 (task 5 “Client meeting”).'],
      },
      {
        say: 'what are my tasks?',
        expectCalls: [list('all')],
        replyIncludes: ['5. Client meeting (due Fri 11 Dec, 10:30 · #work · reminder Fri 11 Dec, 09:30)'],
      },
    ],
  },
];
