import type { AgentErrorCode } from '../agent/agent-turn';
import type { TaskChangedEvent } from '../common/task-events';

/** What a task change did (what an Undo bar lists). */
export type ChangeKind = TaskChangedEvent['action'];

/** How a failed chat turn is told to the user: one text per cause. */
export type FailureCode = Exclude<AgentErrorCode, 'aborted'> | 'internal';

export type Priority = 'high' | 'medium' | 'low';

/** One change an undo reversed, as words need it. */
export interface UndoneItem {
  /** What the reversed change had done. */
  action: ChangeKind;
  taskId: number;
  title: string;
  /** False when the task could not be put back (it was deleted meanwhile, or was already gone). */
  restored: boolean;
  /** For an edit undone: the fields set back (`title`, `due_at`…). */
  fields: readonly string[];
  /** The next occurrence of a repeating task that the undo removed. */
  nextRemoved?: number;
}

/**
 * Every text the server itself writes for people, in one language (backend/src/i18n/<language>.ts): tool
 * progress, the task-list and Undo widgets, notices and errors. Not what the model answers, and never the user's
 * own task text, which is only quoted. Titles come unquoted (the catalog quotes them); `undefined` when a tool gave
 * none. Due dates come as the tools word them ("Fri 12 Dec, 15:00") and each catalog puts them in its language.
 */
export interface Messages {
  // — tool progress, while the tool runs —
  adding(title: string | undefined): string;
  lookingUp(which: 'all' | 'open' | 'completed'): string;
  reopening(id: number | undefined): string;
  markingDone(id: number | undefined): string;
  rescheduling(id: number | undefined): string;
  updating(id: number | undefined): string;
  deleting(id: number | undefined): string;
  undoing: string;
  /** A tool we have no words for, by its name. */
  running(tool: string): string;

  // — tool progress, a tool that failed —
  couldNotAdd(title: string | undefined): string;
  couldNotList: string;
  couldNotUndo: string;
  couldNotChange(id: number | undefined): string;
  couldNotRun(tool: string): string;

  // — tool progress, what a tool did —
  added(title: string | undefined, id: number | undefined, due: string | undefined): string;
  /** Tasks a list found: "No tasks found", "Found 3 tasks". */
  found(count: number): string;
  /** A list cut to the newest `shown` of `total`. */
  foundNewest(total: number, shown: number): string;
  reopened(title: string | undefined): string;
  completed(title: string | undefined, nextDue: string | undefined): string;
  moved(title: string | undefined, id: number | undefined, due: string): string;
  updated(title: string | undefined, id: number | undefined): string;
  deleted(title: string | undefined): string;
  nothingToUndo: string;
  ran(tool: string): string;

  // — the task-list widget —
  /** The list's header: how many are done, and how many overdue (0: not said). */
  listStatus(done: number, total: number, overdue: number): string;
  /** The row's first caption starts with it: "Task 3". */
  taskLabel(id: number): string;
  dueLabel(due: string): string;
  overdueLabel(due: string): string;
  priorityLabel: Readonly<Record<Priority, string>>;
  badgeDone: string;
  badgeOverdue: string;
  badgeOpen: string;
  doneButton: string;
  reopenButton: string;
  deleteButton: string;
  /** The row asking before a delete, and its buttons. */
  confirmDelete(id: number): string;
  yesDelete: string;
  cancel: string;
  noTasksLeft: string;
  /** The list as copied text: details after a title, and an empty list. */
  copyDue(due: string, overdue: boolean): string;
  copyPriority(priority: Priority): string;
  copyNoTasks: string;

  // — the Undo bar, notices of widget actions —
  undoButton: string;
  /** One change a turn made: "Added task 2 “Team meeting”". */
  changed(action: ChangeKind, id: number, title: string): string;
  /** More changes than a bar lists. */
  changedMany(count: number): string;
  /** What an undo reversed, in a sentence per change. */
  undone(items: readonly UndoneItem[]): string;
  undoAlreadyDone: string;
  /** An undo refused: a later change touched these tasks. */
  undoLaterChange(ids: readonly number[]): string;
  taskGone(id: number): string;

  // — errors shown in the chat —
  failure: Readonly<Record<FailureCode, string>>;
  rateLimited(seconds: number): string;
}
