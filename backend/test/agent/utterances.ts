/**
 * What the assistant must do with what people say — as data, so that the same table runs against the
 * offline model with an in-memory MCP server (unit specs) and through the real Agent + Runner + in-process
 * MCP + PostgreSQL (integration suite).
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

export type ToolName = 'add_task' | 'list_tasks' | 'complete_task' | 'update_task' | 'delete_task';

export interface GivenTask {
  title: string;
  description?: string;
  completed?: boolean;
}

export interface ExpectedCall {
  name: ToolName;
  args: Record<string, string | number | boolean>;
}

export interface ExpectedTask {
  id: number;
  title: string;
  completed: boolean;
  description?: string | null;
}

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
  | 'compound';

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
    completed: t.completed ?? false,
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
    expectCalls: [add('Call the plumber tomorrow')],
    replyIncludes: ['“Call the plumber tomorrow”'],
  },
  { tags: ['add'], say: "Don't let me forget to feed the cat", expectCalls: [add('Feed the cat')] },
  { tags: ['add'], say: 'I need to pay rent', expectCalls: [add('Pay rent')] },
  {
    tags: ['add'],
    say: 'I have to finish the slides by Friday',
    expectCalls: [add('Finish the slides by Friday')],
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
    expectCalls: [add('Pay rent', 'before the 5th')],
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
  { tags: ['list'], say: 'did I finish anything today?', given: MIXED, expectCalls: [list('completed')] },
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
        say: 'undo',
        expectCalls: [reopen(2)],
        expectTasksAfter: tasksAfter(BASIC),
        replyIncludes: ['Reopened task 2 “Team meeting”'],
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
];
