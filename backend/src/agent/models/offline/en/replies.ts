/**
 * Every sentence the offline assistant says in English. Short, friendly, and always naming task numbers and titles so
 * the person can see exactly what changed. Pure functions: the same facts give the same words.
 */
import { FIELDS } from '../../../../i18n/en';
import type { Action, FieldChange, ListFilter, NewTask, StateQuestion } from '../intent';
import type {
  ChangedTask,
  StatusFilter,
  TaskDetails,
  TaskRef,
  TaskView,
  ToolName,
  UndoneView,
} from '../tool-contract';

export const q = (text: string): string => `“${text}”`;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?…:]$/u.test(t) ? t : `${t}.`;
}

/** "due Fri 12 Dec, 15:00", "high priority", "#home #bills", "repeats every month on the 1st" — what is set. */
export function detailParts(d: TaskDetails | undefined): string[] {
  if (!d) return [];
  const parts: string[] = [];
  if (d.due) parts.push(d.overdue ? `overdue, was due ${d.due}` : `due ${d.due}`);
  if (d.priority) parts.push(`${d.priority} priority`);
  if (d.tags?.length) parts.push(d.tags.map((t) => `#${t}`).join(' '));
  if (d.repeats) parts.push(`repeats ${d.repeats}`);
  if (d.reminder) parts.push(d.reminder === 'off' ? 'no reminder' : `reminder ${d.reminder}`);
  return parts;
}

/** " (due Fri 12 Dec · high priority)", or nothing. */
function detailsSuffix(d: TaskDetails | undefined): string {
  const parts = detailParts(d);
  return parts.length ? ` (${parts.join(' · ')})` : '';
}

/** One line of a task list: "○ 1. Buy milk — 2 liters (due Fri 12 Dec · high priority)" / "✓ 3. Call mom". */
export function taskLine(task: TaskView): string {
  const mark = task.completed ? '✓' : task.details?.overdue ? '⚠' : '○';
  const description = task.description ? ` — ${task.description}` : '';
  return `${mark} ${task.id}. ${task.title}${description}${detailsSuffix(task.details)}`;
}

/** "task 2 “Team meeting”", or just "task 2" when only its number is known yet. */
function named(task: TaskRef): string {
  return task.title ? `task ${task.id} ${q(task.title)}` : `task ${task.id}`;
}

/** A bullet naming a task: "• Task 2: “Team meeting”". */
export function taskBullet(task: TaskRef): string {
  return `• Task ${task.id}: ${q(task.title)}${task.completed ? ' (done)' : ''}`;
}

/** The first line of a list cut to its newest tasks (list_tasks lists at most 100 and says how many exist). */
function cutListHeader(status: StatusFilter, shown: number, total: number): string {
  const which = status === 'pending' ? 'pending task' : status === 'completed' ? 'completed task' : 'task';
  return `You have ${plural(total, which)}; here are the newest ${shown}:`;
}

export function listReply(status: StatusFilter, tasks: readonly TaskView[], total?: number): string {
  if (total !== undefined && total > tasks.length && tasks.length > 0)
    return `${cutListHeader(status, tasks.length, total)}\n${tasks.map(taskLine).join('\n')}`;
  if (tasks.length === 0) {
    if (status === 'pending') return 'Nothing pending — you’re all caught up! 🎉';
    if (status === 'completed') return 'You haven’t completed any tasks yet.';
    return 'Your task list is empty. Try “Add a task to buy groceries”.';
  }
  const lines = tasks.map(taskLine).join('\n');
  if (status === 'pending') return `You have ${plural(tasks.length, 'pending task')}:\n${lines}`;
  if (status === 'completed') return `You’ve completed ${plural(tasks.length, 'task')}:\n${lines}`;
  const done = tasks.filter((t) => t.completed).length;
  const open = tasks.length - done;
  return `Here ${tasks.length === 1 ? 'is your task' : `are your ${tasks.length} tasks`} (${open} pending, ${done} done):\n${lines}`;
}

export function countReply(status: StatusFilter, tasks: readonly TaskView[], total?: number): string {
  if (total !== undefined && total > tasks.length) {
    if (status === 'completed') return `You’ve completed ${plural(total, 'task')}.`;
    return `You have ${plural(total, status === 'pending' ? 'pending task' : 'task')}.`;
  }
  if (status === 'pending')
    return tasks.length === 0
      ? 'You have no pending tasks. 🎉'
      : `You have ${plural(tasks.length, 'pending task')}.`;
  if (status === 'completed') return `You’ve completed ${plural(tasks.length, 'task')}.`;
  const done = tasks.filter((t) => t.completed).length;
  return `You have ${plural(tasks.length, 'task')}: ${tasks.length - done} pending and ${done} done.`;
}

/** "Is everything done?": yes, or no and what is still pending. */
export function allDoneReply(pending: readonly TaskView[], total?: number): string {
  const n = total !== undefined && total > pending.length ? total : pending.length;
  if (n === 0) return 'Yes — everything is done. 🎉';
  const cut = n > pending.length ? ` (the newest ${pending.length} shown)` : '';
  return `Not yet — you have ${plural(n, 'pending task')}${cut}:\n${pending.map(taskLine).join('\n')}`;
}

export function searchReply(query: string, found: readonly TaskView[], total?: number): string {
  // A cut list was searched: say so, since an older task may match too.
  const among = total !== undefined ? ` among your newest tasks (of ${total})` : '';
  if (found.length === 0) return `No tasks match ${q(query)}${among}.`;
  return `Found ${plural(found.length, 'task')} matching ${q(query)}${among}:\n${found.map(taskLine).join('\n')}`;
}

/**
 * "Is the rent task done?" / "do I still need to pay rent?": yes or no, then the task. "When is the tax return
 * due?": its due date (or that it has none).
 */
export function stateAnswerReply(task: TaskView, ask: StateQuestion): string {
  const name = `task ${task.id}`;
  if (ask === 'due') {
    const title = `Task ${task.id} ${q(task.title)}`;
    const due = task.details?.due;
    if (!due) return `${title} has no due date${task.completed ? ', and it’s done. ✓' : '.'}`;
    if (task.completed) return `${title} was due ${due}, and it’s done. ✓`;
    return task.details?.overdue ? `${title} was due ${due} — it’s overdue.` : `${title} is due ${due}.`;
  }
  const answer =
    ask === 'done'
      ? task.completed
        ? `Yes — ${name} is done.`
        : `No — ${name} is not done yet.`
      : task.completed
        ? `No — ${name} is already done.`
        : `Yes — ${name} is still to do.`;
  return `${answer}\n${showReply(task)}`;
}

export function showReply(task: TaskView): string {
  const state = task.completed ? '✓ done' : '○ pending';
  const notes = task.description ? `\nNotes: ${task.description}` : '';
  const details = detailParts(task.details);
  const more = details.length ? `\n${details.join(' · ').replace(/^./, (c) => c.toUpperCase())}.` : '';
  return `Task ${task.id}: ${q(task.title)} — ${state}.${notes}${more}`;
}

export function addedReply(
  created: ReadonlyArray<{ id: number; title: string; description?: string; details?: TaskDetails }>,
): string {
  if (created.length === 1) {
    const t = created[0];
    return `Added task ${t.id}: ${q(t.title)}${t.description ? ` — ${t.description}` : ''}${detailsSuffix(t.details)}.`;
  }
  return `Added ${created.length} tasks:\n${created.map((t) => `• Task ${t.id}: ${q(t.title)}${detailsSuffix(t.details)}`).join('\n')}`;
}

/** Said after completing a repeating task: the occurrence its completion created. */
export function nextOccurrenceReply(next: ChangedTask): string {
  const due = next.details?.due ? `, due ${next.details.due}` : '';
  return `It repeats, so I added the next one: task ${next.taskId} ${q(next.title)}${due}.`;
}

/** After changing priority, tags, due date or repeat of one or more tasks. */
export function fieldsChangedReply(tasks: readonly ChangedTask[], change: FieldChange): string {
  if (tasks.length > 1) {
    const head =
      change.due && change.due !== 'none' ? `Moved ${tasks.length} tasks:` : `Updated ${tasks.length} tasks:`;
    return `${head}\n${tasks.map((t) => `• Task ${t.taskId}: ${q(t.title)}${detailsSuffix(t.details)}`).join('\n')}`;
  }
  const t = tasks[0];
  const name = `task ${t.taskId} ${q(t.title)}`;
  const d = t.details ?? {};
  const said: string[] = [];
  if (change.due === 'none') said.push(`Removed the due date from ${name}.`);
  else if (change.due !== undefined)
    said.push(`Moved ${name} to ${d.due ?? change.due}${d.overdue ? ' (that’s already past)' : ''}.`);
  if (change.priority === 'none') said.push(`Removed the priority from ${name}.`);
  else if (change.priority) said.push(`${cap(name)} is now ${change.priority} priority.`);
  if (change.addTags?.length)
    said.push(`Tagged ${name} with ${change.addTags.map((x) => `#${x}`).join(' ')}.`);
  if (change.removeTags?.length)
    said.push(`Removed ${change.removeTags.map((x) => `#${x}`).join(' ')} from ${name}.`);
  if (change.recurrence === 'none') said.push(`${cap(name)} no longer repeats.`);
  else if (change.recurrence !== undefined)
    said.push(
      `${cap(name)} now repeats ${d.repeats ?? change.recurrence}${d.due ? `, next due ${d.due}` : ''}.`,
    );
  if (change.remind !== undefined) said.push(reminderSentence(t, change.remind));
  return said.join(' ');
}

/** "I’ll remind you 30 minutes before: Fri 11 Dec, 08:30 (task 5 “Client meeting”)." / "Task 3 … won’t remind you." */
function reminderSentence(t: ChangedTask, remind: string): string {
  const name = `task ${t.taskId} ${q(t.title)}`;
  const when = t.details?.reminder;
  if (remind === 'none' || when === 'off') return `${cap(name)} won’t remind you.`;
  if (remind === 'default' || !when)
    return `${cap(name)} will remind you when it’s due${t.details?.due ? `: ${t.details.due}` : ''}.`;
  const relative = /\bbefore$/i.test(remind) ? `${remind}: ` : '';
  return `I’ll remind you ${relative}${relative ? when : `on ${when}`} (${name}).`;
}

/** "friday" → "on Friday"; "tomorrow" stays "tomorrow". */
function dayWords(words: string): string {
  const named = words.replace(
    /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/gi,
    cap,
  );
  return /^(?:today|tomorrow|tonight|the day after tomorrow|this|next)\b/i.test(named)
    ? named
    : `on ${named}`;
}

function cap(text: string): string {
  return text.replace(/^./, (c) => c.toUpperCase());
}

/** "What did I finish this week?" */
function completedWithinReply(
  within: 'today' | 'week',
  tasks: readonly TaskView[],
  n: number,
  cut: string,
): string {
  const when = within === 'today' ? 'today' : 'in the last 7 days';
  if (tasks.length === 0) return `You haven’t completed any tasks ${when}.`;
  return `You’ve completed ${plural(n, 'task')} ${when}${cut}:\n${tasks.map(taskLine).join('\n')}`;
}

const FILTER_EMPTY: Record<string, string> = {
  overdue: 'Nothing is overdue — you’re on top of things! 🎉',
  today: 'Nothing is due today.',
  week: 'Nothing is due in the next 7 days.',
  none: 'Every pending task has a due date.',
};

/** A list narrowed by due date, priority or tag, or sorted: a header saying which. */
export function filteredListReply(
  filter: Omit<ListFilter, 'status'>,
  tasks: readonly TaskView[],
  total?: number,
): string {
  const n = total !== undefined && total > tasks.length ? total : tasks.length;
  const lines = tasks.map(taskLine).join('\n');
  const cut = total !== undefined && total > tasks.length ? ` (the first ${tasks.length} shown)` : '';
  if (filter.completedWithin) return completedWithinReply(filter.completedWithin, tasks, n, cut);
  if (filter.dueOn) {
    if (tasks.length === 0) return `Nothing is due ${dayWords(filter.dueOn)}.`;
    return `Due ${dayWords(filter.dueOn)}: ${plural(n, 'task')}${cut}:\n${lines}`;
  }
  if (filter.due) {
    if (tasks.length === 0) return FILTER_EMPTY[filter.due];
    const head = {
      overdue: `You have ${plural(n, 'overdue task')}`,
      today: `Due today: ${plural(n, 'task')}`,
      week: `Due in the next 7 days: ${plural(n, 'task')}`,
      none: `${plural(n, 'pending task')} without a due date`,
    }[filter.due];
    return `${head}${cut}:\n${lines}`;
  }
  if (filter.priority) {
    const level = filter.priority === 'none' ? 'without a priority' : `of ${filter.priority} priority`;
    if (tasks.length === 0) return `You have no pending tasks ${level}.`;
    return `Pending tasks ${level}: ${n}${cut}:\n${lines}`;
  }
  if (filter.tags?.length) {
    const tags = filter.tags.map((t) => `#${t}`).join(' and ');
    if (tasks.length === 0) return `No tasks are tagged ${tags}.`;
    return `Tasks tagged ${tags}: ${n}${cut}:\n${lines}`;
  }
  if (tasks.length === 0) return listReply('all', tasks);
  return `Your tasks by ${filter.sort === 'priority' ? 'priority' : 'due date'}${cut}:\n${lines}`;
}

/** "What should I do first?": overdue first, then by priority and due date (the order the tool sorted). */
export function firstReply(tasks: readonly TaskView[]): string {
  if (tasks.length === 0) return 'Nothing pending — you’re all caught up! 🎉';
  const ordered = [...tasks.filter((t) => t.details?.overdue), ...tasks.filter((t) => !t.details?.overdue)];
  const [top, ...rest] = ordered;
  const why = detailParts(top.details).filter((p) => !p.startsWith('#') && !p.startsWith('repeats'));
  const head = `Start with task ${top.id} ${q(top.title)}${why.length ? ` — ${why.join(', ')}` : ''}.`;
  if (rest.length === 0) return head;
  const next = rest.slice(0, 3).map((t) => `• Task ${t.id}: ${q(t.title)}${detailsSuffix(t.details)}`);
  const more = rest.length > 3 ? `\n…and ${plural(rest.length - 3, 'more pending task')}.` : '';
  return `${head}\nThen:\n${next.join('\n')}${more}`;
}

export function completedReply(tasks: readonly TaskRef[], completed: boolean): string {
  if (tasks.length === 1) {
    const t = tasks[0];
    return completed
      ? `✓ Marked task ${t.id} ${q(t.title)} as complete.`
      : `Reopened task ${t.id} ${q(t.title)} — it’s pending again.`;
  }
  const bullets = tasks.map((t) => `• Task ${t.id}: ${q(t.title)}`).join('\n');
  return completed
    ? `✓ Marked ${tasks.length} tasks as complete:\n${bullets}`
    : `Reopened ${tasks.length} tasks:\n${bullets}`;
}

export function alreadyReply(task: TaskRef, completed: boolean): string {
  return completed
    ? `Task ${task.id} ${q(task.title)} is already marked as complete.`
    : `Task ${task.id} ${q(task.title)} is already pending.`;
}

export function updatedReply(task: TaskRef, changed: { title?: string; description?: string }): string {
  if (changed.title !== undefined && changed.description !== undefined) {
    return `Updated task ${task.id}: it’s now ${q(task.title)}, with the description ${q(changed.description)}.`;
  }
  if (changed.description === '') return `Cleared the description of task ${task.id} ${q(task.title)}.`;
  if (changed.description !== undefined)
    return `Updated the description of task ${task.id} ${q(task.title)}: ${q(changed.description)}.`;
  return `Updated task ${task.id}: it’s now ${q(task.title)}.`;
}

/** `clearingCompleted`: "clear completed" removed them. */
export function deletedReply(tasks: readonly TaskRef[], clearingCompleted = false): string {
  if (tasks.length === 1) return `Deleted task ${tasks[0].id}: ${q(tasks[0].title)}.`;
  const head = clearingCompleted
    ? `Cleared ${tasks.length} completed tasks`
    : `Deleted ${tasks.length} tasks`;
  return `${head}:\n${tasks.map((t) => `• Task ${t.id}: ${q(t.title)}`).join('\n')}`;
}

/** A failure sentence from a tool, relayed kindly. */
export function toolErrorReply(message: string): string {
  return `Sorry — ${sentence(message.replace(/^error:\s*/i, ''))}`;
}

export function notFoundReply(query: string, tasks: readonly TaskView[]): string {
  if (tasks.length === 0) return `I couldn’t find a task matching ${q(query)} — your task list is empty.`;
  return `I couldn’t find a task matching ${q(query)}. Here’s what you have:\n${tasks.map(taskLine).join('\n')}`;
}

export function noSuchTaskReply(id: number, tasks: readonly TaskView[]): string {
  if (tasks.length === 0) return `There’s no task ${id} — your task list is empty.`;
  return `There’s no task ${id}. Your tasks are:\n${tasks.map(taskLine).join('\n')}`;
}

/** How a question names the action waiting for an answer. */
export function actionPhrase(action: Action): string {
  switch (action.verb) {
    case 'complete':
      return action.completed ? 'mark as complete' : 'reopen';
    case 'delete':
      return 'delete';
    case 'update':
      if (action.title !== undefined) return `rename to ${q(action.title)}`;
      if (action.description === '') return 'clear the description of';
      return action.description !== undefined || action.askFor ? 'change the description of' : 'update';
    case 'show':
      return 'show';
    case 'set':
      return action.change.due !== undefined && action.change.due !== 'none' ? 'move' : 'change';
  }
}

export function whichReply(action: Action, candidates: readonly TaskRef[], query?: string): string {
  const bullets = candidates.map(taskBullet).join('\n');
  if (candidates.length === 1) {
    return `Do you mean task ${candidates[0].id} ${q(candidates[0].title)}? Reply “yes” to ${actionPhrase(action)} it, or “no” to leave it.`;
  }
  const intro = query
    ? `I found ${candidates.length} tasks matching ${q(query)}:`
    : 'Which task do you mean?';
  return `${intro}\n${bullets}\nWhich one should I ${actionPhrase(action)}? Reply with the task number.`;
}

export function pickAgainReply(candidates: readonly TaskRef[]): string {
  return `Sorry, I didn’t catch which one. Please pick one of these:\n${candidates.map(taskBullet).join('\n')}\nReply with the task number, or “cancel”.`;
}

/** Asks before deleting several tasks at once (`all`: the whole list). */
export function confirmDeleteReply(tasks: readonly TaskRef[], all: boolean): string {
  const one = tasks.length === 1;
  const what = all
    ? one
      ? 'your only task'
      : `all ${tasks.length} of your tasks`
    : one
      ? 'this task'
      : `these ${tasks.length} tasks`;
  return `This will permanently delete ${what}:\n${tasks.map(taskBullet).join('\n')}\nAre you sure? Reply “yes” to delete ${one ? 'it' : 'them'}, or “no” to keep ${one ? 'it' : 'them'}.`;
}

export function confirmAddReply(tasks: readonly NewTask[]): string {
  const names = tasks.map((t) => q(t.title)).join(', ');
  return `Do you want me to add ${names} as a task? Reply “yes” to add it.`;
}

export function noneToActOnReply(action: Action): string {
  if (action.verb === 'complete') {
    return action.completed
      ? 'You have no pending tasks to complete. 🎉'
      : 'You have no completed tasks to reopen.';
  }
  return 'Your task list is empty, so there’s nothing to change.';
}

export const CANCELLED = 'Okay, I won’t change anything.';
export const NOTHING_TO_CLEAR = 'You have no completed tasks to clear.';
export const ASK_NEW_TITLE = 'Sure — what should the new task say?';
export const GREETING =
  'Hi! I’m your to-do assistant. Tell me what to add, or ask “What’s pending?”. Say “help” to see everything I can do.';
export const THANKS = 'You’re welcome! Anything else I can do for your list?';
export const BYE = 'Bye for now — your tasks will be here when you come back.';
export const ACK = 'Okay! Anything else I can do for your list?';
export const TOO_LONG =
  'That message is too long for me — please send one request at a time (a task title can be up to 200 characters).';
export const ONLY_ONE_RENAME =
  'I can rename one task at a time — which task should I change? Tell me its number.';

export function askTitleReply(task: TaskRef): string {
  return `What should ${named(task)} say instead? Reply with the new title.`;
}

export function askDescriptionReply(task: TaskRef): string {
  return `What should the description of ${named(task)} say? Reply with the new text, or “nothing” to clear it.`;
}

export const HELP = [
  'I can manage your to-do list. Try:',
  '• “Add a task to buy groceries” (or “add eggs, bread and butter”)',
  '• “Show me all my tasks”, “What’s pending?”, “What have I completed?”',
  '• “Mark task 3 as complete” or “I finished the report”',
  '• “Change task 1 to ‘Call mom tonight’”',
  '• “Delete the meeting task” or “clear completed”',
  '• “Add pay rent every month on the 1st, high priority”, “Move the dentist to Friday 3pm”, “Tag task 4 as work”',
  '• “What’s due this week?”, “What’s overdue?”, “Show my work tasks”, “What should I do first?”',
  '• “Is the rent paid?”, “When is the tax return due?”, “What did I finish this week?”',
  '• “Undo” (or “bring it back”) reverses my last change; “no, I meant task 4” fixes it',
].join('\n');

export function unknownReply(message: string): string {
  const shown = message.trim().length > 60 ? `${message.trim().slice(0, 57)}…` : message.trim();
  return [
    `Sorry, I didn’t understand ${q(shown)}. I can add, list, complete, rename and delete tasks — for example:`,
    '• “Add a task to buy groceries”',
    '• “What’s pending?”',
    '• “Mark task 3 as complete”',
    '• “Delete the meeting task”',
  ].join('\n');
}

export function whatNextReply(task: TaskRef): string {
  return `Task ${task.id} is ${q(task.title)}. What should I do with it? You can say “mark it done”, “delete it” or “rename it to …”.`;
}

export function onlyNReply(n: number, count: number): string {
  return `There ${count === 1 ? 'is only 1 task' : `are only ${count} tasks`} in that list, so I can’t pick number ${n}. Which task do you mean?`;
}

export function unavailableToolReply(tool: string): string {
  return `Sorry — I can’t do that right now because the ${tool} tool isn’t available.`;
}

/** One undone change, as a clause: "brought back task 4 “Book dentist appointment”". */
function undoneClause(c: UndoneView): string {
  const name = `task ${c.taskId} ${q(c.title)}`;
  if (c.status === 'not_restored') return `couldn’t put ${name} back: it was deleted in the meantime`;
  const next = c.nextRemoved
    ? ` and removed task ${c.nextRemoved.taskId}, the next occurrence it had created`
    : '';
  switch (c.undid) {
    case 'created':
      return `removed ${name}`;
    case 'deleted':
      return `brought back ${name}`;
    case 'completed':
      return `reopened ${name}${next}`;
    case 'reopened':
      return `marked ${name} as complete again`;
    case 'updated':
      return `set ${name} back to how it was${changedFields(c.fields)}`;
  }
}

/** " (its title)", " (its due date and priority)": what an undone edit set back, in the catalog's words. */
function changedFields(fields: readonly string[] | undefined): string {
  // Its state (`completed`) goes unnamed here.
  const words = (fields ?? []).filter((f) => f !== 'completed').map((f) => FIELDS[f]);
  const named = [...new Set(words.filter(Boolean))];
  if (named.length === 0) return '';
  const list =
    named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
  return ` (its ${list})`;
}

/** What undo reversed, said plainly (or that there was nothing to undo). */
export function undoReply(changes: readonly UndoneView[]): string {
  if (changes.length === 0)
    return 'There’s nothing to undo — no change made in this conversation is left to reverse.';
  if (changes.length === 1) {
    const c = changes[0];
    const name = `task ${c.taskId} ${q(c.title)}`;
    if (c.status === 'not_restored') return `Sorry — I ${undoneClause(c)}.`;
    switch (c.undid) {
      case 'created':
        return `Undone: I removed ${name}, which had just been added.`;
      case 'deleted':
        return `Undone: ${name} is back, with its number and details.`;
      case 'completed':
        return `Undone: Reopened ${name} — it’s pending again.${c.nextRemoved ? ` I also removed task ${c.nextRemoved.taskId}, the next occurrence it had created.` : ''}`;
      case 'reopened':
        return `Undone: ${name} is marked as complete again.`;
      case 'updated':
        return c.fields?.length === 1 && c.fields[0] === 'title'
          ? `Undone: task ${c.taskId} is ${q(c.title)} again.`
          : `Undone: I ${undoneClause(c)}.`;
    }
  }
  return `Undone — I reversed ${changes.length} changes:\n${changes.map((c) => `• ${cap(undoneClause(c))}`).join('\n')}`;
}

/** The first line of a correction's reply: what was put back before doing it right. */
export function undoneBrief(changes: readonly UndoneView[]): string {
  if (changes.length === 0) return '';
  return `Okay — I ${changes.map(undoneClause).join(', and ')}.`;
}

/** After "not that one": the wrong change is reversed; which task was meant? */
export function whichAfterUndoReply(candidates: readonly TaskRef[]): string {
  if (candidates.length === 0) return 'Which task did you mean? Tell me its number or name.';
  return `Which task did you mean?\n${candidates.map(taskBullet).join('\n')}\nReply with the task number.`;
}

export const NOTHING_TO_CORRECT =
  'I’m not sure what to change — I haven’t just done anything to correct. Tell me what you’d like, e.g. “rename task 2 to …”.';

/** Ends a sentence (a list's heading said on its own). */
export const FULL_STOP = '.';
export const COULD_NOT_READ_TASKS = 'I could not read your tasks.';
export const SOMETHING_WENT_WRONG = 'Something went wrong.';

const FACT_VERBS: Readonly<Record<ToolName, string>> = {
  add_task: 'Added',
  list_tasks: 'Listed',
  complete_task: 'Updated the status of',
  update_task: 'Updated',
  delete_task: 'Deleted',
  undo_last_change: 'Undid a change to',
};

/** One line of a summary of what the tools did: "• Deleted task 3: “Call mom”". */
export function toolFactLine(tool: ToolName, taskId: number, title: string): string {
  return `• ${FACT_VERBS[tool]} task ${taskId}: ${q(title)}`;
}

/** A summary of what the tools did, when the turn cannot be told otherwise. */
export function whatIDidReply(lines: readonly string[]): string {
  return `Here’s what I did:\n${lines.join('\n')}`;
}
