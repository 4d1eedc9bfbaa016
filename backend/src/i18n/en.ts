import type { Messages, UndoneItem } from './catalog';
import { Format } from './format';

// en-GB: lists without the serial comma ("title and due date"; "a, b and c"), as the texts always read.
const f = new Format({ intl: 'en-GB', quotes: ['“', '”'], keepDates: true });

const theTask = (title: string | undefined) => (title ? f.quoteShort(title) : 'the task');
const ref = (id: number | undefined) => (id === undefined ? 'the task' : `task ${f.id(id)}`);
const named = (id: number, title: string) => `task ${f.id(id)} ${f.quote(title)}`;

/** The English words for a task's columns ("due date" for `due_at`): what an undone edit set back. */
export const FIELDS: Readonly<Record<string, string>> = {
  title: 'title',
  description: 'description',
  priority: 'priority',
  tags: 'tags',
  due_at: 'due date',
  recurrence: 'repeat',
  completed: 'state',
};

function undoneSentence(c: UndoneItem): string {
  const task = named(c.taskId, c.title);
  if (!c.restored)
    return c.action === 'created'
      ? `Task ${f.id(c.taskId)} ${f.quote(c.title)} was already gone.`
      : `Could not undo the change to ${task}: it was deleted meanwhile.`;
  switch (c.action) {
    case 'created':
      return `Removed ${task}, which had been added.`;
    case 'deleted':
      return `Restored ${task}, which had been deleted.`;
    case 'completed': {
      const next =
        c.nextRemoved === undefined ? '' : ` and removed its next occurrence, task ${f.id(c.nextRemoved)}`;
      return `Reopened ${task}${next}.`;
    }
    case 'reopened':
      return `Marked ${task} as done again.`;
    case 'updated':
      return `Set the ${f.fields(c.fields, FIELDS, 'details')} of ${task} back.`;
  }
}

const VERB = {
  created: 'Added',
  deleted: 'Deleted',
  completed: 'Completed',
  reopened: 'Reopened',
  updated: 'Changed',
} as const;

const AGAIN = 'Please try again.';

/** English: also the words tools and notes for the model use (undo summaries, conflicts). */
export const en: Messages = {
  adding: (title) => `Adding ${theTask(title)}…`,
  lookingUp: (which) => `Looking up your ${which === 'all' ? '' : `${which} `}tasks…`,
  reopening: (id) => `Reopening ${ref(id)}…`,
  markingDone: (id) => `Marking ${ref(id)} as done…`,
  rescheduling: (id) => `Rescheduling ${ref(id)}…`,
  updating: (id) => `Updating ${ref(id)}…`,
  deleting: (id) => `Deleting ${ref(id)}…`,
  undoing: 'Undoing your last change…',
  running: (tool) => `Running ${tool}…`,

  couldNotAdd: (title) => `Could not add ${theTask(title)}`,
  couldNotList: 'Could not list your tasks',
  couldNotUndo: 'Could not undo your last change',
  couldNotChange: (id) => `Could not change ${ref(id)}`,
  couldNotRun: (tool) => `Could not run ${tool}`,

  added: (title, id, due) =>
    `Added ${theTask(title)}${id === undefined ? '' : ` as task ${f.id(id)}`}${due ? `, due ${due}` : ''}`,
  found: (count) =>
    count === 0 ? 'No tasks found' : f.plural(count, { one: 'Found # task', other: 'Found # tasks' }),
  foundNewest: (total, shown) => `${en.found(total)}, showing the newest ${f.n(shown)}`,
  reopened: (title) => `Reopened ${theTask(title)}`,
  completed: (title, nextDue) => `Completed ${theTask(title)}${nextDue ? ` — next one due ${nextDue}` : ''}`,
  moved: (title, id, due) =>
    `Moved ${id === undefined ? '' : `task ${f.id(id)}: `}${theTask(title)} to ${due}`,
  updated: (title, id) => `Updated ${id === undefined ? '' : `task ${f.id(id)}: `}${theTask(title)}`,
  deleted: (title) => `Deleted ${theTask(title)}`,
  nothingToUndo: 'Nothing to undo',
  ran: (tool) => `Ran ${tool}`,

  listStatus: (done, total, overdue) =>
    `Your tasks · ${f.n(done)} of ${f.n(total)} done${overdue ? ` · ${f.n(overdue)} overdue` : ''}`,
  taskLabel: (id) => `Task ${f.id(id)}`,
  dueLabel: (due) => `Due ${due}`,
  overdueLabel: (due) => `Overdue · was due ${due}`,
  priorityLabel: { high: 'High priority', medium: 'Medium priority', low: 'Low priority' },
  badgeDone: 'Done',
  badgeOverdue: 'Overdue',
  badgeOpen: 'Open',
  doneButton: 'Done',
  reopenButton: 'Reopen',
  deleteButton: 'Delete',
  confirmDelete: (id) => `Delete task ${f.id(id)}? Saying ${f.quote('undo')} brings it back.`,
  yesDelete: 'Yes, delete',
  cancel: 'Cancel',
  noTasksLeft: 'No tasks left in this list.',
  copyDue: (due, overdue) => `${overdue ? 'overdue, was due' : 'due'} ${due}`,
  copyPriority: (priority) => `${priority} priority`,
  copyNoTasks: 'No tasks.',

  undoButton: 'Undo',
  changed: (action, id, title) => `${VERB[action]} ${named(id, title)}`,
  changedMany: (count) => `Changed ${f.n(count)} tasks`,
  undone: (items) => `Undone: ${items.map(undoneSentence).join(' ')}`,
  undoAlreadyDone: 'That change was already undone.',
  undoLaterChange: (ids) =>
    `A later change in this conversation also changed ${ids.length === 1 ? 'task' : 'tasks'} ${ids.map(f.id, f).join(', ')}: undo that one first.`,
  taskGone: (id) => `Task ${f.id(id)} no longer exists.`,

  failure: {
    max_turns: 'That needed more steps than I may take in one answer. Try asking for one thing at a time.',
    model_busy: `The AI model is busy right now (too many requests). Please wait a moment and try again.`,
    model_refused: `The AI model refused this assistant's access (its key, model or quota). Trying again will not help until the assistant's settings are fixed.`,
    model_unreachable: `The AI model could not be reached. ${AGAIN}`,
    model_timeout: `The AI model took too long to answer. ${AGAIN}`,
    model_invalid_response: `The AI model sent an answer that could not be used. ${AGAIN}`,
    model_error: `The assistant could not answer this time. ${AGAIN}`,
    tool_error: `The assistant could not answer this time. ${AGAIN}`,
    internal: `Something went wrong on our side. ${AGAIN}`,
  },
  rateLimited: (seconds) =>
    `Too many messages in the last minute: please wait ${f.n(seconds)} s before sending another.`,
};
