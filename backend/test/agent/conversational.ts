/**
 * Conversational English the offline model must understand (issue #24): everyday sentences as a new user types
 * them, none of them from the utterance table (utterances.ts). Six kinds: corrections right after an action,
 * state said by negation, a command inside a chatty or polite sentence, several things at once, questions about
 * the list, and undo.
 *
 * Each case is judged by its outcome, never by the tool calls that led there: the user's whole task list after
 * the last turn (number, title and state of every task, plus the fields a case names) and words the last reply
 * must or must not contain. `before` turns are said first, in the same conversation (a correction needs the
 * action it corrects).
 *
 * "Now" is Wed 9 Dec 2026, 10:00 UTC, in UTC, as in utterances.ts. Both runners use this table: the offline model
 * with the in-memory MCP server (offline-model.conversational.spec.ts, with the pass rate) and the real stack on
 * PostgreSQL (conversational.spec.ts).
 */
import { changed, dropped, type ExpectedTask, type GivenTask, tasksAfter } from './utterances';

export type Kind = 'correction' | 'negation' | 'chatty' | 'several' | 'question' | 'undo';

export interface ConversationalCase {
  kind: Kind;
  given?: GivenTask[];
  /** Said first, in order, in the same conversation. */
  before?: string[];
  say: string;
  /** The user's whole task list after `say`, by number (optional fields compared only when named). */
  tasks: ExpectedTask[];
  replyIncludes?: string[];
  replyExcludes?: string[];
}

// ---------------------------------------------------------------------------------------------------------
// Fixtures (now: Wed 9 Dec 2026, 10:00 UTC)

export const HOME: GivenTask[] = [
  { title: 'Buy milk' }, // 1
  { title: 'Pay rent', due: '2026-12-09' }, // 2: due today
  { title: 'Call mom', completed: true }, // 3
  { title: 'Book dentist appointment' }, // 4
  { title: 'Finish tax return', due: '2026-12-11', priority: 'high' }, // 5: due Friday
  { title: 'Renew passport', due: '2026-12-01' }, // 6: overdue
];

/** HOME and a task done on Monday: this week, not today. */
const HOME_DONE_MONDAY: GivenTask[] = [
  ...HOME,
  { title: 'Water the plants', completedAt: '2026-12-07T18:00' },
];

export const WORK: GivenTask[] = [
  { title: 'Team meeting' }, // 1
  { title: 'Meeting notes' }, // 2
  { title: 'Write quarterly report' }, // 3
  { title: 'Email the client', completed: true }, // 4
];

export const CHORES: GivenTask[] = [
  { title: 'Do the laundry', completed: true }, // 1
  { title: 'Water the plants' }, // 2
  { title: 'Take out the trash', completed: true }, // 3
  { title: 'Clean the kitchen' }, // 4
];

const REPEATING: GivenTask[] = [
  { title: 'Pay rent', due: '2026-12-01', recurrence: 'monthly' }, // 1
  { title: 'Buy milk' }, // 2
];

const done = (...ids: number[]) => ids.map((id) => changed(id, { completed: true }));
const open = (...ids: number[]) => ids.map((id) => changed(id, { completed: false }));
const title = (id: number, t: string) => changed(id, { title: t });
/** A task added after the fixture, numbered `id`. */
const newTask = (id: number, t: string, fields: Partial<ExpectedTask> = {}): ExpectedTask => ({
  id,
  title: t,
  completed: false,
  ...fields,
});
const withTasks = (given: GivenTask[], ...extra: ExpectedTask[]) => [...tasksAfter(given), ...extra];

// ---------------------------------------------------------------------------------------------------------
// Corrections right after an action

const corrections: ConversationalCase[] = [
  {
    kind: 'correction',
    before: ['add buy bread'],
    say: 'actually make that sourdough bread',
    tasks: [newTask(1, 'Sourdough bread')],
    replyIncludes: ['task 1', 'Sourdough bread'],
  },
  {
    kind: 'correction',
    before: ['add milk'],
    say: 'no, I meant oat milk',
    tasks: [newTask(1, 'Oat milk')],
    replyIncludes: ['Oat milk'],
  },
  {
    kind: 'correction',
    given: HOME,
    before: ['mark task 1 done'],
    say: 'sorry, I meant task 4',
    tasks: tasksAfter(HOME, ...done(4)),
    replyIncludes: ['task 4', 'Book dentist appointment'],
  },
  {
    kind: 'correction',
    given: HOME,
    before: ['delete task 4'],
    say: 'no wait, I meant task 5',
    tasks: tasksAfter(HOME, dropped(5)),
    replyIncludes: ['task 5', 'Finish tax return'],
  },
  {
    kind: 'correction',
    given: WORK,
    before: ['delete the meeting task', 'the first one'],
    say: 'sorry, the other one',
    tasks: tasksAfter(WORK, dropped(2)),
    replyIncludes: ['Meeting notes'],
  },
  {
    kind: 'correction',
    given: WORK,
    before: ['complete the meeting', '1'],
    say: 'no, the other one',
    tasks: tasksAfter(WORK, ...done(2)),
    replyIncludes: ['Meeting notes'],
  },
  {
    kind: 'correction',
    given: HOME,
    before: ['remind me to call the plumber tomorrow'],
    say: 'actually make that Friday',
    tasks: withTasks(HOME, newTask(7, 'Call the plumber', { due: '2026-12-11' })),
    replyIncludes: ['Fri 11 Dec'],
  },
  {
    kind: 'correction',
    given: HOME,
    before: ['move the dentist appointment to Friday'],
    say: 'actually make it Saturday',
    tasks: tasksAfter(HOME, changed(4, { due: '2026-12-12' })),
    replyIncludes: ['Sat 12 Dec'],
  },
  {
    kind: 'correction',
    before: ['add call the bank'],
    say: 'oops, I meant call the bakery',
    tasks: [newTask(1, 'Call the bakery')],
    replyIncludes: ['Call the bakery'],
  },
  {
    kind: 'correction',
    given: HOME,
    before: ['rename task 1 to buy oat milk'],
    say: 'actually make that almond milk',
    tasks: tasksAfter(HOME, title(1, 'Almond milk')),
    replyIncludes: ['Almond milk'],
  },
  {
    kind: 'correction',
    given: HOME,
    before: ['mark task 1 done'],
    say: 'wait, not that one',
    tasks: tasksAfter(HOME),
    replyIncludes: ['task 1'],
  },
  {
    kind: 'correction',
    given: HOME,
    before: ['delete task 1'],
    say: 'no no no, not that one!',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Buy milk'],
  },
  {
    kind: 'correction',
    given: HOME,
    before: ['mark task 2 as high priority'],
    say: 'actually make it low',
    tasks: tasksAfter(HOME, changed(2, { priority: 'low' })),
    replyIncludes: ['low priority'],
  },
  {
    kind: 'correction',
    given: CHORES,
    before: ['I watered the plants'],
    say: 'sorry, I meant the kitchen',
    tasks: tasksAfter(CHORES, ...done(4)),
    replyIncludes: ['Clean the kitchen'],
  },
  {
    kind: 'correction',
    before: ['add buy eggs'],
    say: 'make that a dozen eggs',
    tasks: [newTask(1, 'A dozen eggs')],
  },
  {
    kind: 'correction',
    given: WORK,
    before: ['finish task 1'],
    say: 'I meant task 3, sorry',
    tasks: tasksAfter(WORK, ...done(3)),
    replyIncludes: ['task 3'],
  },
  {
    kind: 'correction',
    given: HOME,
    before: ['delete the milk task'],
    say: 'oops, wrong one',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Buy milk'],
  },
  {
    kind: 'correction',
    given: CHORES,
    before: ['reopen task 1'],
    say: 'no, I meant task 3',
    tasks: tasksAfter(CHORES, ...open(3)),
    replyIncludes: ['task 3'],
  },
  {
    kind: 'correction',
    before: ['add renew passport'],
    say: 'actually, call it renew my passport',
    tasks: [newTask(1, 'Renew my passport')],
  },
  {
    kind: 'correction',
    given: HOME,
    before: ['add buy milk'],
    say: 'scratch that',
    tasks: tasksAfter(HOME),
    replyIncludes: ['task 7'],
  },
  {
    kind: 'correction',
    given: HOME,
    before: ['complete task 2'],
    say: 'never mind, undo that',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Pay rent'],
  },
  {
    kind: 'correction',
    given: WORK,
    before: ['rename task 3 to write annual report'],
    say: 'no, I meant task 2',
    tasks: tasksAfter(WORK, title(2, 'Write annual report')),
    replyIncludes: ['task 2', 'Write annual report'],
  },
  {
    kind: 'correction',
    given: HOME,
    before: ['delete task 5'],
    say: 'ugh, I meant 4',
    tasks: tasksAfter(HOME, dropped(4)),
    replyIncludes: ['task 4'],
  },
  {
    kind: 'correction',
    given: HOME,
    before: ['add call the vet tomorrow'],
    say: 'make that next Monday instead',
    tasks: withTasks(HOME, newTask(7, 'Call the vet', { due: '2026-12-14' })),
    replyIncludes: ['Mon 14 Dec'],
  },
  {
    kind: 'correction',
    before: ['add email Sarah'],
    say: 'actually make it email Sara',
    tasks: [newTask(1, 'Email Sara')],
  },
  {
    kind: 'correction',
    given: HOME,
    before: ['mark task 4 as done'],
    say: 'no sorry, I meant the tax return',
    tasks: tasksAfter(HOME, ...done(5)),
    replyIncludes: ['Finish tax return'],
  },
  {
    kind: 'correction',
    before: ['add meeting with Tom on Friday'],
    say: 'sorry, Thursday',
    tasks: [newTask(1, 'Meeting with Tom', { due: '2026-12-10' })],
    replyIncludes: ['Thu 10 Dec'],
  },
  {
    kind: 'correction',
    before: ['add buy milk'],
    say: 'actually add bread too',
    tasks: [newTask(1, 'Buy milk'), newTask(2, 'Bread')],
  },
  {
    kind: 'correction',
    given: HOME,
    before: ['mark task 1 done'],
    say: 'actually, also mark task 4 done',
    tasks: tasksAfter(HOME, ...done(1, 4)),
  },
  {
    kind: 'correction',
    given: WORK,
    before: ['delete task 2'],
    say: 'hmm no, I meant the report',
    tasks: tasksAfter(WORK, dropped(3)),
    replyIncludes: ['Write quarterly report'],
  },
  {
    kind: 'correction',
    given: HOME,
    before: ['move the tax return to Monday'],
    say: 'no, Tuesday',
    tasks: tasksAfter(HOME, changed(5, { due: '2026-12-15' })),
    replyIncludes: ['Tue 15 Dec'],
  },
  {
    kind: 'correction',
    before: ['add pick up dry cleaning'],
    say: 'change that to pick up the suit from the dry cleaner',
    tasks: [newTask(1, 'Pick up the suit from the dry cleaner')],
  },
  {
    kind: 'correction',
    given: CHORES,
    before: ['delete task 4'],
    say: 'wait no! I still need that one',
    tasks: tasksAfter(CHORES),
    replyIncludes: ['Clean the kitchen'],
  },
  {
    kind: 'correction',
    given: HOME,
    before: ['tag task 1 as work'],
    say: 'sorry, I meant as groceries',
    tasks: tasksAfter(HOME, changed(1, { tags: ['groceries'] })),
    replyIncludes: ['#groceries'],
  },
];

// ---------------------------------------------------------------------------------------------------------
// State said by negation

const negations: ConversationalCase[] = [
  {
    kind: 'negation',
    given: CHORES,
    say: "I haven't done the laundry yet",
    tasks: tasksAfter(CHORES, ...open(1)),
    replyIncludes: ['Do the laundry'],
  },
  {
    kind: 'negation',
    given: CHORES,
    say: "the trash hasn't been taken out",
    tasks: tasksAfter(CHORES, ...open(3)),
    replyIncludes: ['Take out the trash'],
  },
  {
    kind: 'negation',
    given: HOME,
    say: "I haven't called mom yet",
    tasks: tasksAfter(HOME, ...open(3)),
    replyIncludes: ['Call mom'],
  },
  {
    kind: 'negation',
    given: HOME,
    say: "I didn't call mom after all",
    tasks: tasksAfter(HOME, ...open(3)),
    replyIncludes: ['Call mom'],
  },
  {
    kind: 'negation',
    given: CHORES,
    say: "the laundry isn't finished",
    tasks: tasksAfter(CHORES, ...open(1)),
  },
  {
    kind: 'negation',
    given: CHORES,
    say: "laundry's not done",
    tasks: tasksAfter(CHORES, ...open(1)),
  },
  {
    kind: 'negation',
    given: HOME,
    say: 'turns out I never called mom',
    tasks: tasksAfter(HOME, ...open(3)),
  },
  {
    kind: 'negation',
    given: WORK,
    say: "I didn't actually email the client",
    tasks: tasksAfter(WORK, ...open(4)),
    replyIncludes: ['Email the client'],
  },
  {
    kind: 'negation',
    given: WORK,
    say: "the client email wasn't sent after all",
    tasks: tasksAfter(WORK, ...open(4)),
  },
  {
    kind: 'negation',
    given: CHORES,
    say: "nope, haven't watered the plants",
    tasks: tasksAfter(CHORES),
    replyIncludes: ['Water the plants', 'pending'],
  },
  {
    kind: 'negation',
    given: HOME,
    say: "I still haven't paid the rent",
    tasks: tasksAfter(HOME),
    replyIncludes: ['Pay rent', 'pending'],
  },
  {
    kind: 'negation',
    given: CHORES,
    say: 'the laundry still needs doing',
    tasks: tasksAfter(CHORES, ...open(1)),
  },
  {
    kind: 'negation',
    given: CHORES,
    say: "oops, I haven't actually taken out the trash",
    tasks: tasksAfter(CHORES, ...open(3)),
  },
  {
    kind: 'negation',
    given: WORK,
    say: "email the client isn't done",
    tasks: tasksAfter(WORK, ...open(4)),
  },
  {
    kind: 'negation',
    given: HOME,
    say: "mom hasn't been called yet",
    tasks: tasksAfter(HOME, ...open(3)),
  },
  {
    kind: 'negation',
    given: CHORES,
    say: 'I never did the laundry',
    tasks: tasksAfter(CHORES, ...open(1)),
  },
  {
    kind: 'negation',
    given: WORK,
    say: "task 4 isn't complete",
    tasks: tasksAfter(WORK, ...open(4)),
    replyIncludes: ['task 4'],
  },
  {
    kind: 'negation',
    given: WORK,
    say: 'number 4 is not finished yet',
    tasks: tasksAfter(WORK, ...open(4)),
  },
  {
    kind: 'negation',
    given: CHORES,
    say: "the kitchen isn't clean yet",
    tasks: tasksAfter(CHORES),
    replyIncludes: ['Clean the kitchen', 'pending'],
  },
  {
    kind: 'negation',
    given: HOME,
    say: "I haven't booked the dentist",
    tasks: tasksAfter(HOME),
    replyIncludes: ['Book dentist appointment', 'pending'],
  },
  {
    kind: 'negation',
    given: WORK,
    say: "I didn't finish emailing the client",
    tasks: tasksAfter(WORK, ...open(4)),
  },
  {
    kind: 'negation',
    given: CHORES,
    say: 'laundry is not done after all',
    tasks: tasksAfter(CHORES, ...open(1)),
  },
  {
    kind: 'negation',
    given: CHORES,
    say: "I forgot to do the laundry, it's not done",
    tasks: tasksAfter(CHORES, ...open(1)),
  },
  {
    kind: 'negation',
    given: HOME,
    say: "uncheck mom, I didn't call her",
    tasks: tasksAfter(HOME, ...open(3)),
  },
  {
    kind: 'negation',
    given: CHORES,
    say: "the trash didn't get taken out",
    tasks: tasksAfter(CHORES, ...open(3)),
  },
  {
    kind: 'negation',
    given: HOME,
    say: "I haven't finished my tax return",
    tasks: tasksAfter(HOME),
    replyIncludes: ['Finish tax return', 'pending'],
  },
  {
    kind: 'negation',
    given: CHORES,
    say: "I haven't done the laundry or the trash",
    tasks: tasksAfter(CHORES, ...open(1, 3)),
  },
  {
    kind: 'negation',
    given: WORK,
    say: "hmm, the client still hasn't been emailed",
    tasks: tasksAfter(WORK, ...open(4)),
  },
  {
    kind: 'negation',
    given: CHORES,
    say: 'Laundry: not done yet, sorry',
    tasks: tasksAfter(CHORES, ...open(1)),
  },
];

// ---------------------------------------------------------------------------------------------------------
// A command inside a long, polite or chatty sentence

const chatty: ConversationalCase[] = [
  {
    kind: 'chatty',
    say: 'could you please be so kind as to add buy flowers to my list, thanks!',
    tasks: [newTask(1, 'Buy flowers')],
  },
  {
    kind: 'chatty',
    given: HOME,
    say: 'ugh, ok, so the dentist thing is done',
    tasks: tasksAfter(HOME, ...done(4)),
    replyIncludes: ['Book dentist appointment'],
  },
  {
    kind: 'chatty',
    say: 'hey there! would you mind adding pick up the dry cleaning for me? thanks so much',
    tasks: [newTask(1, 'Pick up the dry cleaning')],
  },
  {
    kind: 'chatty',
    given: HOME,
    say: 'I was wondering if you could delete task 2 for me',
    tasks: tasksAfter(HOME, dropped(2)),
  },
  {
    kind: 'chatty',
    given: HOME,
    say: "if it's not too much trouble, mark the rent as paid",
    tasks: tasksAfter(HOME, ...done(2)),
  },
  {
    kind: 'chatty',
    say: 'hi! quick one: add renew car insurance',
    tasks: [newTask(1, 'Renew car insurance')],
  },
  {
    kind: 'chatty',
    given: HOME,
    say: 'ok so basically I need you to remove the milk task',
    tasks: tasksAfter(HOME, dropped(1)),
  },
  {
    kind: 'chatty',
    given: HOME,
    say: 'alright, so, the tax return is finally finished!!',
    tasks: tasksAfter(HOME, ...done(5)),
  },
  {
    kind: 'chatty',
    say: 'please please please add call grandma',
    tasks: [newTask(1, 'Call grandma')],
  },
  {
    kind: 'chatty',
    given: HOME,
    say: "so yeah, can you show me what's still open",
    tasks: tasksAfter(HOME),
    replyIncludes: ['Buy milk', 'Renew passport'],
    replyExcludes: ['Call mom'],
  },
  {
    kind: 'chatty',
    say: 'thanks a lot! oh and could you also add buy stamps',
    tasks: [newTask(1, 'Buy stamps')],
  },
  {
    kind: 'chatty',
    say: 'hmm let me think... add book a haircut',
    tasks: [newTask(1, 'Book a haircut')],
  },
  {
    kind: 'chatty',
    given: HOME,
    say: 'would it be possible to rename task 1 to buy almond milk?',
    tasks: tasksAfter(HOME, title(1, 'Buy almond milk')),
  },
  {
    kind: 'chatty',
    given: HOME,
    say: 'can you do me a favour and mark task 4 as done',
    tasks: tasksAfter(HOME, ...done(4)),
  },
  {
    kind: 'chatty',
    say: 'when you get a chance, add water the plants',
    tasks: [newTask(1, 'Water the plants')],
  },
  {
    kind: 'chatty',
    given: HOME,
    say: "lol ok the milk's been bought",
    tasks: tasksAfter(HOME, ...done(1)),
  },
  {
    kind: 'chatty',
    say: "I'd really appreciate it if you could add pay the electricity bill",
    tasks: [newTask(1, 'Pay the electricity bill')],
  },
  {
    kind: 'chatty',
    say: 'Good morning! Could you add a task to call the school please?',
    tasks: [newTask(1, 'Call the school')],
  },
  {
    kind: 'chatty',
    given: HOME,
    say: 'yo, delete the dentist one pls',
    tasks: tasksAfter(HOME, dropped(4)),
  },
  {
    kind: 'chatty',
    given: HOME,
    say: 'just wanted to say I finished the tax return, thanks!',
    tasks: tasksAfter(HOME, ...done(5)),
  },
  {
    kind: 'chatty',
    say: 'right, so, um, add pick up kids from school',
    tasks: [newTask(1, 'Pick up kids from school')],
  },
  {
    kind: 'chatty',
    given: HOME,
    say: 'could you kindly mark task 2 complete? much appreciated',
    tasks: tasksAfter(HOME, ...done(2)),
  },
  {
    kind: 'chatty',
    say: "I think I'd like you to add a reminder to buy a birthday card",
    tasks: [newTask(1, 'Buy a birthday card')],
  },
  {
    kind: 'chatty',
    given: HOME,
    say: 'honestly the rent thing is done, finally',
    tasks: tasksAfter(HOME, ...done(2)),
  },
  {
    kind: 'chatty',
    given: HOME,
    say: 'hey assistant, can you please, please remove task 5',
    tasks: tasksAfter(HOME, dropped(5)),
  },
  {
    kind: 'chatty',
    say: 'ok cool, now add schedule the car service',
    tasks: [newTask(1, 'Schedule the car service')],
  },
  {
    kind: 'chatty',
    say: 'sorry to bother you, but could you add fix the leaky tap?',
    tasks: [newTask(1, 'Fix the leaky tap')],
  },
  {
    kind: 'chatty',
    given: CHORES,
    say: "just a heads up, I've watered the plants",
    tasks: tasksAfter(CHORES, ...done(2)),
  },
  {
    kind: 'chatty',
    given: CHORES,
    say: 'oh by the way the kitchen is clean now',
    tasks: tasksAfter(CHORES, ...done(4)),
  },
  {
    kind: 'chatty',
    say: 'well, I suppose you could add defrost the freezer',
    tasks: [newTask(1, 'Defrost the freezer')],
  },
  {
    kind: 'chatty',
    say: 'Okay!! Add: buy cat food. Thank you!!',
    tasks: [newTask(1, 'Buy cat food')],
  },
  {
    kind: 'chatty',
    given: HOME,
    say: 'could you be a darling and tick off the milk',
    tasks: tasksAfter(HOME, ...done(1)),
  },
  {
    kind: 'chatty',
    given: WORK,
    say: 'phew, long day. the quarterly report is finally done, can you check it off?',
    tasks: tasksAfter(WORK, ...done(3)),
  },
];

// ---------------------------------------------------------------------------------------------------------
// More than one thing at once

const several: ConversationalCase[] = [
  {
    kind: 'several',
    given: HOME,
    say: 'add bread and mark task 4 done',
    tasks: withTasks(HOME, newTask(7, 'Bread')).map((t) => (t.id === 4 ? { ...t, completed: true } : t)),
  },
  { kind: 'several', given: HOME, say: 'delete 1 and 4', tasks: tasksAfter(HOME, dropped(1, 4)) },
  { kind: 'several', given: HOME, say: 'mark 1 and 2 as done', tasks: tasksAfter(HOME, ...done(1, 2)) },
  {
    kind: 'several',
    given: HOME,
    say: 'complete task 1, then delete task 4',
    tasks: tasksAfter(HOME, ...done(1), dropped(4)),
  },
  {
    kind: 'several',
    say: 'add eggs and remind me to call mom tomorrow',
    tasks: [newTask(1, 'Eggs'), newTask(2, 'Call mom', { due: '2026-12-10' })],
  },
  {
    kind: 'several',
    given: HOME,
    say: 'delete the milk task and add oat milk',
    tasks: [...tasksAfter(HOME, dropped(1)), newTask(7, 'Oat milk')],
  },
  {
    kind: 'several',
    given: CHORES,
    say: 'mark the plants done and add repot the cactus',
    tasks: [...tasksAfter(CHORES, ...done(2)), newTask(5, 'Repot the cactus')],
  },
  {
    kind: 'several',
    given: HOME,
    say: 'add buy batteries, then show me my list',
    tasks: withTasks(HOME, newTask(7, 'Buy batteries')),
    replyIncludes: ['Buy batteries', 'Pay rent'],
  },
  { kind: 'several', given: HOME, say: 'finish 1, 2 and 4', tasks: tasksAfter(HOME, ...done(1, 2, 4)) },
  {
    kind: 'several',
    given: HOME,
    say: 'remove tasks 4 and 5 please',
    tasks: tasksAfter(HOME, dropped(4, 5)),
  },
  {
    kind: 'several',
    given: CHORES,
    say: 'reopen 1 and delete 3',
    tasks: tasksAfter(CHORES, ...open(1), dropped(3)),
  },
  {
    kind: 'several',
    given: HOME,
    say: 'mark task 2 done and also add pay the water bill',
    tasks: [...tasksAfter(HOME, ...done(2)), newTask(7, 'Pay the water bill')],
  },
  {
    kind: 'several',
    given: WORK,
    say: 'rename task 3 to write annual report and mark task 1 done',
    tasks: tasksAfter(WORK, title(3, 'Write annual report'), ...done(1)),
  },
  {
    kind: 'several',
    given: HOME,
    say: 'delete task 1. add buy oat milk.',
    tasks: [...tasksAfter(HOME, dropped(1)), newTask(7, 'Buy oat milk')],
  },
  {
    kind: 'several',
    say: 'add call the plumber; add buy paint',
    tasks: [newTask(1, 'Call the plumber'), newTask(2, 'Buy paint')],
  },
  {
    kind: 'several',
    say: 'add book flights and add book a hotel',
    tasks: [newTask(1, 'Book flights'), newTask(2, 'Book a hotel')],
  },
  {
    kind: 'several',
    given: CHORES,
    say: 'I watered the plants and cleaned the kitchen',
    tasks: tasksAfter(CHORES, ...done(2, 4)),
  },
  { kind: 'several', given: HOME, say: 'tick off milk and rent', tasks: tasksAfter(HOME, ...done(1, 2)) },
  {
    kind: 'several',
    given: HOME,
    say: 'delete the milk and the dentist tasks',
    tasks: tasksAfter(HOME, dropped(1, 4)),
  },
  {
    kind: 'several',
    given: WORK,
    say: "mark the report done, then show what's left",
    tasks: tasksAfter(WORK, ...done(3)),
    replyIncludes: ['Team meeting', 'Meeting notes'],
  },
  {
    kind: 'several',
    given: HOME,
    say: 'add buy milk and eggs and mark task 2 done',
    tasks: [...tasksAfter(HOME, ...done(2)), newTask(7, 'Buy milk and eggs')],
  },
  {
    kind: 'several',
    given: HOME,
    say: 'delete task 1 and task 2',
    tasks: tasksAfter(HOME, dropped(1, 2)),
  },
  {
    kind: 'several',
    given: HOME,
    say: 'complete the rent and the tax return',
    tasks: tasksAfter(HOME, ...done(2, 5)),
  },
  {
    kind: 'several',
    given: HOME,
    say: 'add call the bank tomorrow and delete task 4',
    tasks: [...tasksAfter(HOME, dropped(4)), newTask(7, 'Call the bank', { due: '2026-12-10' })],
  },
  {
    kind: 'several',
    say: 'add milk, eggs and bread, and show my list',
    tasks: [newTask(1, 'Milk'), newTask(2, 'Eggs'), newTask(3, 'Bread')],
    replyIncludes: ['Milk', 'Eggs', 'Bread'],
  },
  {
    kind: 'several',
    given: HOME,
    say: 'move the tax return to Monday and make it high priority',
    tasks: tasksAfter(HOME, changed(5, { due: '2026-12-14', priority: 'high' })),
  },
  {
    kind: 'several',
    given: HOME,
    say: 'mark 1 as done and 3 as not done',
    tasks: tasksAfter(HOME, ...done(1), ...open(3)),
  },
  {
    kind: 'several',
    given: CHORES,
    say: 'uncheck the laundry and the trash',
    tasks: tasksAfter(CHORES, ...open(1, 3)),
  },
];

// ---------------------------------------------------------------------------------------------------------
// Questions about the list

const questions: ConversationalCase[] = [
  {
    kind: 'question',
    given: HOME,
    say: 'anything due today?',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Pay rent'],
    replyExcludes: ['Finish tax return', 'Buy milk'],
  },
  {
    kind: 'question',
    given: HOME,
    say: 'what did I finish this week?',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Call mom'],
    replyExcludes: ['Buy milk', 'Pay rent'],
  },
  {
    kind: 'question',
    given: HOME_DONE_MONDAY,
    say: 'did I finish anything today?',
    tasks: tasksAfter(HOME_DONE_MONDAY),
    replyIncludes: ['Call mom'],
    replyExcludes: ['Water the plants', 'Buy milk'],
  },
  {
    kind: 'question',
    given: HOME_DONE_MONDAY,
    say: 'what did I finish this week?',
    tasks: tasksAfter(HOME_DONE_MONDAY),
    replyIncludes: ['Call mom', 'Water the plants'],
    replyExcludes: ['Buy milk'],
  },
  {
    kind: 'question',
    given: HOME,
    say: 'is the rent task done?',
    tasks: tasksAfter(HOME),
    replyIncludes: ['task 2', 'not done'],
  },
  {
    kind: 'question',
    given: HOME,
    say: 'have I called mom?',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Yes', 'task 3'],
  },
  {
    kind: 'question',
    given: HOME,
    say: 'did I pay the rent?',
    tasks: tasksAfter(HOME),
    replyIncludes: ['No', 'Pay rent'],
  },
  {
    kind: 'question',
    given: HOME,
    say: "what's still on my plate?",
    tasks: tasksAfter(HOME),
    replyIncludes: ['Buy milk', 'Renew passport'],
    replyExcludes: ['Call mom'],
  },
  {
    kind: 'question',
    given: HOME,
    say: 'how many things are left?',
    tasks: tasksAfter(HOME),
    replyIncludes: ['5 pending'],
  },
  {
    kind: 'question',
    given: HOME,
    say: 'am I behind on anything?',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Renew passport'],
    replyExcludes: ['Buy milk'],
  },
  {
    kind: 'question',
    given: HOME,
    say: 'when is the tax return due?',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Fri 11 Dec'],
  },
  {
    kind: 'question',
    given: HOME,
    say: 'what do I have coming up this week?',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Pay rent', 'Finish tax return'],
    replyExcludes: ['Buy milk'],
  },
  {
    kind: 'question',
    given: HOME,
    say: 'what have I done today?',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Call mom'],
    replyExcludes: ['Buy milk'],
  },
  {
    kind: 'question',
    given: HOME,
    say: 'which ones are done?',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Call mom'],
    replyExcludes: ['Buy milk'],
  },
  {
    kind: 'question',
    given: HOME,
    say: 'is everything done?',
    tasks: tasksAfter(HOME),
    replyIncludes: ['5 pending'],
  },
  {
    kind: 'question',
    given: HOME,
    say: 'do I have a task about the dentist?',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Book dentist appointment'],
  },
  {
    kind: 'question',
    given: HOME,
    say: "what's task 4 again?",
    tasks: tasksAfter(HOME),
    replyIncludes: ['Book dentist appointment'],
  },
  {
    kind: 'question',
    given: HOME,
    say: "what's the most important thing right now?",
    tasks: tasksAfter(HOME),
    replyIncludes: ['Renew passport'],
  },
  {
    kind: 'question',
    given: HOME,
    say: 'any high priority stuff?',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Finish tax return'],
    replyExcludes: ['Buy milk'],
  },
  {
    kind: 'question',
    given: HOME,
    say: "remind me what's on my list",
    tasks: tasksAfter(HOME),
    replyIncludes: ['Buy milk', 'Call mom'],
  },
  {
    kind: 'question',
    given: HOME,
    say: 'what was I supposed to do today?',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Pay rent'],
    replyExcludes: ['Buy milk'],
  },
  {
    kind: 'question',
    given: HOME,
    say: 'did I already add milk?',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Buy milk'],
  },
  {
    kind: 'question',
    given: HOME,
    say: 'is the dentist appointment booked?',
    tasks: tasksAfter(HOME),
    replyIncludes: ['task 4', 'not done'],
  },
  {
    kind: 'question',
    given: HOME,
    say: 'how many have I ticked off so far?',
    tasks: tasksAfter(HOME),
    replyIncludes: ['1 task'],
  },
  {
    kind: 'question',
    given: HOME,
    say: "what's left to do?",
    tasks: tasksAfter(HOME),
    replyIncludes: ['Buy milk'],
    replyExcludes: ['Call mom'],
  },
  {
    kind: 'question',
    given: HOME,
    say: "is there anything I haven't done yet?",
    tasks: tasksAfter(HOME),
    replyIncludes: ['Buy milk'],
    replyExcludes: ['Call mom'],
  },
  {
    kind: 'question',
    given: HOME,
    say: 'what tasks do I have for Friday?',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Finish tax return'],
    replyExcludes: ['Pay rent', 'Buy milk'],
  },
  {
    kind: 'question',
    given: HOME,
    say: 'tell me what I finished',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Call mom'],
    replyExcludes: ['Buy milk'],
  },
  {
    kind: 'question',
    given: HOME,
    say: "what's the status of my tax return?",
    tasks: tasksAfter(HOME),
    replyIncludes: ['Finish tax return', 'pending'],
  },
  {
    kind: 'question',
    given: CHORES,
    say: 'have I watered the plants?',
    tasks: tasksAfter(CHORES),
    replyIncludes: ['No', 'Water the plants'],
  },
  {
    kind: 'question',
    given: HOME,
    say: 'anything for tomorrow?',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Nothing'],
    replyExcludes: ['Buy milk'],
  },
  {
    kind: 'question',
    given: HOME,
    say: 'do I still need to pay rent?',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Yes', 'Pay rent'],
  },
  {
    kind: 'question',
    given: CHORES,
    say: 'is the laundry done yet?',
    tasks: tasksAfter(CHORES),
    replyIncludes: ['Yes', 'Do the laundry'],
  },
  {
    kind: 'question',
    given: HOME,
    say: "what's due on Friday?",
    tasks: tasksAfter(HOME),
    replyIncludes: ['Finish tax return'],
    replyExcludes: ['Pay rent'],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Undo

const undo: ConversationalCase[] = [
  {
    kind: 'undo',
    given: HOME,
    before: ['delete task 4'],
    say: 'undo',
    tasks: tasksAfter(HOME),
    replyIncludes: ['task 4', 'Book dentist appointment'],
  },
  {
    kind: 'undo',
    given: HOME,
    before: ['delete the milk task'],
    say: 'bring it back',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Buy milk'],
  },
  {
    kind: 'undo',
    given: HOME,
    before: ['add buy bread'],
    say: 'undo that',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Buy bread'],
  },
  {
    kind: 'undo',
    given: HOME,
    before: ['mark task 1 done'],
    say: 'undo',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Buy milk', 'pending'],
  },
  {
    kind: 'undo',
    given: HOME,
    before: ['rename task 1 to buy oat milk'],
    say: 'undo',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Buy milk'],
  },
  {
    kind: 'undo',
    given: HOME,
    before: ['delete task 1', 'delete task 2'],
    say: 'undo',
    tasks: tasksAfter(HOME, dropped(1)),
    replyIncludes: ['Pay rent'],
  },
  {
    kind: 'undo',
    given: HOME,
    before: ['delete task 1', 'delete task 2', 'undo'],
    say: 'undo again',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Buy milk'],
  },
  {
    kind: 'undo',
    given: HOME,
    before: ['add eggs, bread and butter'],
    say: 'undo',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Eggs', 'Bread', 'Butter'],
  },
  {
    kind: 'undo',
    given: HOME,
    before: ['clear completed'],
    say: 'undo',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Call mom'],
  },
  {
    kind: 'undo',
    given: REPEATING,
    before: ['mark the rent as done'],
    say: 'undo',
    tasks: [
      { id: 1, title: 'Pay rent', completed: false, repeats: 'every month on the 1st', due: '2026-12-01' },
      { id: 2, title: 'Buy milk', completed: false },
    ],
    replyIncludes: ['Pay rent'],
  },
  {
    kind: 'undo',
    given: HOME,
    before: ['move the tax return to Monday'],
    say: 'undo',
    tasks: tasksAfter(HOME, changed(5, { due: '2026-12-11' })),
  },
  {
    kind: 'undo',
    given: HOME,
    before: ['make task 1 high priority'],
    say: 'revert that',
    tasks: tasksAfter(HOME, changed(1, { priority: null })),
  },
  {
    kind: 'undo',
    given: HOME,
    say: 'undo',
    tasks: tasksAfter(HOME),
    replyIncludes: ['nothing to undo'],
  },
  {
    kind: 'undo',
    given: HOME,
    before: ['delete task 6'],
    say: 'oops, undo',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Renew passport'],
  },
  {
    kind: 'undo',
    given: HOME,
    before: ['delete task 4'],
    say: 'can you undo that please?',
    tasks: tasksAfter(HOME),
  },
  {
    kind: 'undo',
    given: HOME,
    before: ['delete task 4'],
    say: "I didn't mean to delete that, put it back",
    tasks: tasksAfter(HOME),
  },
  {
    kind: 'undo',
    given: HOME,
    before: ['delete everything', 'yes'],
    say: 'undo!',
    tasks: tasksAfter(HOME),
  },
  {
    kind: 'undo',
    given: HOME,
    before: ['complete 1 and 2'],
    say: 'undo',
    tasks: tasksAfter(HOME),
  },
  {
    kind: 'undo',
    given: HOME,
    before: ['mark task 2 done', 'delete task 1'],
    say: 'undo',
    tasks: tasksAfter(HOME, ...done(2)),
  },
  {
    kind: 'undo',
    given: HOME,
    before: ['delete task 1'],
    say: 'restore task 1',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Buy milk'],
  },
  {
    kind: 'undo',
    given: HOME,
    before: ['delete task 4', 'undo'],
    say: 'undo',
    tasks: tasksAfter(HOME),
    replyIncludes: ['nothing to undo'],
  },
  {
    kind: 'undo',
    given: WORK,
    before: ['delete the meeting task', '2'],
    say: 'put it back',
    tasks: tasksAfter(WORK),
    replyIncludes: ['Meeting notes'],
  },
  {
    kind: 'undo',
    given: HOME,
    before: ['add call the vet tomorrow'],
    say: 'take that back',
    tasks: tasksAfter(HOME),
  },
  {
    kind: 'undo',
    given: HOME,
    before: ['tag task 1 as groceries'],
    say: 'undo',
    tasks: tasksAfter(HOME, changed(1, { tags: [] })),
  },
  {
    kind: 'undo',
    given: CHORES,
    before: ['delete task 2', 'mark task 4 done'],
    say: 'undo the last two changes',
    tasks: tasksAfter(CHORES),
  },
  {
    kind: 'undo',
    given: HOME,
    before: ['delete task 2'],
    say: 'wait, can I get that back?',
    tasks: tasksAfter(HOME),
    replyIncludes: ['Pay rent'],
  },
];

export const conversationalCases: ConversationalCase[] = [
  ...corrections,
  ...negations,
  ...chatty,
  ...several,
  ...questions,
  ...undo,
];

/** The share of the table the offline model must get right, and how many cases the table has at least. */
export const REQUIRED_PASS_RATE = 0.97;
export const MIN_CASES = 150;

/** A stable name for a case: its kind, its place among that kind and what is said. */
export function caseName(c: ConversationalCase): string {
  const ofKind = conversationalCases.filter((x) => x.kind === c.kind);
  return `${c.kind} ${ofKind.indexOf(c) + 1}: ${c.say}`;
}
