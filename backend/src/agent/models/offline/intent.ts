/**
 * What one user message means, whatever the language it was written in: the intents the language rules (en/, ur/) read
 * and the turn planner acts on. References ("it", "the second one") and answers to questions stay unresolved here:
 * the planner resolves them against the conversation.
 */
import type { StatusFilter, TaskRef } from './tool-contract';

export type PriorityWord = 'high' | 'medium' | 'low';
export type DueQuery = 'overdue' | 'today' | 'week' | 'none';

/** Fields of a new task. */
export interface TaskFields {
  priority?: PriorityWord;
  tags?: string[];
  due?: string;
  recurrence?: string;
  /** When to remind, as the tools take it: "30 minutes before", "tomorrow at 9" (the person's words), "none". */
  remind?: string;
}

/** A change to fields of existing tasks; 'none' clears one. */
export interface FieldChange {
  priority?: PriorityWord | 'none';
  addTags?: string[];
  removeTags?: string[];
  due?: string;
  recurrence?: string;
  /** As in TaskFields; "none" turns the reminder off. */
  remind?: string;
}

export interface ListFilter {
  status: StatusFilter;
  priority?: PriorityWord | 'none';
  tags?: string[];
  due?: DueQuery;
  /** The person's words for one day ("Friday", "tomorrow"). */
  dueOn?: string;
  /** Completed today, or in the last 7 days. */
  completedWithin?: 'today' | 'week';
  sort?: 'due' | 'priority';
}

export interface NewTask {
  title: string;
  description?: string;
  /** Priority, tags, due date (the person's words) and repeat, when they gave any. */
  fields?: TaskFields;
}

/** What a question about one task asks: whether it is done, whether it is still to do, when it is due. */
export type StateQuestion = 'done' | 'pending' | 'due';

/** Which task(s) a command is about. */
export type Target =
  | { by: 'ids'; ids: number[] }
  | { by: 'words'; query: string; all?: boolean; loose?: boolean } // all: "both meeting tasks"; loose: a whole clause
  | { by: 'focus' } // it, that, this one
  | { by: 'them' } // them, those, both
  | { by: 'ordinal'; n: number } // 1-based position in the list last shown; -1 = last
  | { by: 'everything' }
  | { by: 'unspecified' }
  // already resolved (answer to a question); alternatives: the other candidates it was picked from
  | { by: 'refs'; tasks: TaskRef[]; alternatives?: TaskRef[] };

export type Action =
  | { verb: 'complete'; completed: boolean }
  | { verb: 'delete' }
  // description '' clears it; askFor: the user wants to change it but has not said to what yet
  | { verb: 'update'; title?: string; description?: string; askFor?: 'description' }
  // ask: the person asked whether it is done ("is the rent paid?"), still to do ("do I still need to…?") or when
  // it is due ("when is the tax return due?")
  | { verb: 'show'; ask?: StateQuestion }
  // priority, tags, due date or repeat: several tasks at once are fine ("move my morning meetings to 2 PM")
  | { verb: 'set'; change: FieldChange };

/**
 * The new value a correction gives, as the language read it: the words themselves (a title, a due date, a repeat
 * "instead" aside), and what else they could be — another task, a day, a priority, a tag, a repeat. The planner
 * picks the reading that fits the action corrected.
 */
export interface CorrectionValue {
  text: string;
  /** Another task: "task 4", "the second one", "the dentist one". */
  target?: Target;
  /** The words name a day or a time ("Saturday", "3pm"). */
  due?: boolean;
  priority?: PriorityWord | 'none';
  tag?: string;
  /** The words name a repeat ("every week"). */
  repeat?: boolean;
}

/**
 * What a correction right after an action says (the planner applies it to that action):
 * - value: a new value for what was just set ("actually make that oat milk", "make it Saturday instead");
 * - either: a new value or another task, whichever fits the action ("no, I meant task 4", "sorry, Thursday");
 * - other: the other candidate of the question just answered ("sorry, the other one");
 * - revert: only that the action was wrong ("not that one", "wrong one", "I still need that one").
 */
export type Correction =
  | { by: 'value'; value: CorrectionValue }
  | { by: 'either'; value: CorrectionValue }
  | { by: 'other' }
  | { by: 'revert' };

/** A bare answer to a question: "the second one", "2", "task 5", "yes", "no", "both". */
export type Choice =
  | { by: 'ordinal'; n: number }
  | { by: 'number'; n: number }
  | { by: 'id'; id: number }
  | { by: 'yes' }
  | { by: 'no' }
  | { by: 'all' };

export type Intent =
  | { kind: 'greet' }
  | { kind: 'thanks' }
  | { kind: 'bye' }
  | { kind: 'help' }
  | { kind: 'add'; tasks: NewTask[] } // no tasks: ask for a title
  | { kind: 'list'; status: StatusFilter; filter?: Omit<ListFilter, 'status'> }
  | { kind: 'first' } // "what should I do first?"
  // allDone: "is everything done?"
  | { kind: 'count'; status: StatusFilter; allDone?: boolean }
  | { kind: 'search'; query: string }
  | { kind: 'act'; action: Action; target: Target }
  | { kind: 'clear_completed' }
  // steps: "undo the last two changes"
  | { kind: 'undo'; steps?: number }
  // fallback: what the words mean when no action was just made (then they are not a correction)
  | { kind: 'correct'; correction: Correction; fallback?: Intent }
  | { kind: 'choice'; choice: Choice }
  | { kind: 'suggest_add'; task: NewTask } // "buy milk": ask before adding
  | { kind: 'sequence'; parts: Intent[] }
  | { kind: 'too_long' }
  | { kind: 'unknown' };

/** Longer messages are not parsed: no command needs it, and some patterns are quadratic in the length. */
export const MAX_MESSAGE_CHARS = 1500;
