/**
 * Decides the model's next step for a conversation: more tool calls, or the final reply.
 *
 * The planner is a pure function of (message, context, tool results so far in this turn). Each model call
 * replays it from the start of the turn, so a turn is a small state machine driven by the results the
 * runner appends: e.g. "delete the meeting task" → list_tasks → (one match) delete_task → reply.
 * Past turns are replayed the same way to recover what they left behind (the focus, a pending question),
 * which is how "mark it done" and "the second one" are understood without any server-side memory.
 *
 * Safety rules: words are only ever resolved against a list_tasks result; several matches, or a pronoun
 * without a clear referent, produce a question instead of an action; deleting more than one task by
 * pronoun or "everything" asks for confirmation first.
 *
 * Each message is read in the language it is written in (languages.ts: a message without clear signs of one, such as
 * "2", keeps the language of the message before), and the reply is said in that language's words.
 *
 * Undo is the server's (undo_last_change reverses the conversation's newest changes exactly); a correction right
 * after an action ("no, I meant task 4", "sorry, the other one") undoes that action and does it to the task meant,
 * while a new value ("actually make that oat milk", "make it Saturday") simply sets it again.
 */
import {
  type Conversation,
  type ConversationContext,
  EMPTY_CONTEXT,
  type Exchange,
  type LastAction,
  type PendingQuestion,
  type Turn,
  type TurnOutcome,
  applyOutcome,
  mergeOutcomes,
  outcomeFromFacts,
} from './conversation-state';
import type {
  Action,
  Choice,
  Correction,
  FieldChange,
  Intent,
  ListFilter,
  NewTask,
  StateQuestion,
  Target,
} from './intent';
import { type Reading, readMessage } from './intent-parser';
import type { LanguageRules, Replies } from './language';
import { DEFAULT_LANGUAGE } from './languages';
import { matchTasks, matchTokens, searchTasks } from './task-matcher';
import type {
  AddTaskArgs,
  ChangedTask,
  ListTasksArgs,
  PlannedCall,
  StatusFilter,
  TaskRef,
  TaskView,
  ToolName,
  ToolResult,
  UndoneView,
  UpdateTaskArgs,
} from './tool-contract';

/** The next step, and the language of the message it answers (the model speaks it). */
export type Step = (
  { kind: 'calls'; calls: PlannedCall[] } | { kind: 'reply'; text: string; outcome: TurnOutcome }
) & { language: LanguageRules };

/**
 * The language of the turn being planned: its rules read the answers and names in the message, its replies are what
 * the model says. Bound by `inLanguage` for exactly one turn (planning is synchronous, so nothing else sees it).
 */
let lang: LanguageRules = DEFAULT_LANGUAGE;
let say: Replies = lang.replies;

function inLanguage<T>(language: LanguageRules, plan: () => T): T {
  const outer = lang;
  lang = language;
  say = language.replies;
  try {
    return plan();
  } finally {
    lang = outer;
    say = outer.replies;
  }
}

type Handled =
  | { type: 'calls'; calls: PlannedCall[] }
  /** `headline`: the reply without the list it spells out, for clients that show the list themselves. */
  | { type: 'done'; consumed: number; text: string; outcome: TurnOutcome; headline?: string };

/** How the client shows the turn: `listsShown` when it draws every list_tasks result as a task list (ChatKit). */
export interface PlanOptions {
  listsShown?: boolean;
}

/** Intents that only exist once the conversation is taken into account. */
type PlannerIntent =
  | Intent
  | { kind: 'cancelled' }
  | { kind: 'reask'; pending: PendingQuestion }
  | { kind: 'ack' }
  | { kind: 'what_next'; task: TaskRef };

/** Thrown when a replayed turn's tool results do not follow this planner's script (another model wrote it). */
class Diverged extends Error {}

/** The next step for the conversation's current turn. */
export function decide(conversation: Conversation, options: PlanOptions = {}): Step {
  let context = EMPTY_CONTEXT;
  // Each message is read in its own language; one without clear signs of any ("2", "ok") in the one before.
  let spoken = DEFAULT_LANGUAGE;
  for (const turn of conversation.history) {
    const reading = readMessage(turn.text, spoken);
    context = applyOutcome(context, outcomeOfPastTurn(turn, reading, context));
    spoken = reading.language;
  }
  return planTurn(conversation.current, context, options, spoken);
}

/** `spoken`: the language of the previous message. */
export function planTurn(
  turn: Turn,
  context: ConversationContext,
  options: PlanOptions = {},
  spoken: LanguageRules = DEFAULT_LANGUAGE,
): Step {
  const reading = readMessage(turn.text, spoken);
  const { language } = reading;
  const handled = inLanguage(language, (): Handled => {
    try {
      return runTurn(reading, turn.text, context, turn.exchanges);
    } catch (error) {
      if (!(error instanceof Diverged)) throw error;
      return done(turn.exchanges.length, summarizeFacts(turn.exchanges), outcomeFromFacts(turn));
    }
  });
  if (handled.type === 'calls') return { kind: 'calls', calls: handled.calls, language };
  const text = options.listsShown && handled.headline ? handled.headline : handled.text;
  return { kind: 'reply', text, outcome: handled.outcome, language };
}

/** "Here are your 3 tasks (2 pending, 1 done):\n…" → "Here are your 3 tasks (2 pending, 1 done)." */
function headlineOf(reply: string): string {
  const [first] = reply.split('\n');
  return first.replace(/:$/, say.FULL_STOP);
}

function outcomeOfPastTurn(turn: Turn, reading: Reading, context: ConversationContext): TurnOutcome {
  if (!turn.answered) return outcomeFromFacts(turn);
  try {
    const handled = inLanguage(reading.language, () => runTurn(reading, turn.text, context, turn.exchanges));
    if (handled.type === 'done' && handled.consumed === turn.exchanges.length) return handled.outcome;
  } catch (error) {
    if (!(error instanceof Diverged)) throw error;
  }
  return outcomeFromFacts(turn);
}

function runTurn(
  reading: Reading,
  text: string,
  context: ConversationContext,
  exchanges: readonly Exchange[],
): Handled {
  return handle(interpret(reading.intent, text, context), context, exchanges, text);
}

const done = (consumed: number, text: string, outcome: TurnOutcome = {}, headline?: string): Handled => ({
  type: 'done',
  consumed,
  text,
  outcome,
  ...(headline !== undefined ? { headline } : {}),
});
const calls = (...list: PlannedCall[]): Handled => ({ type: 'calls', calls: list });

// ---------------------------------------------------------------------------------------------------------
// Interpretation in context

function interpret(parsed: Intent, text: string, context: ConversationContext): PlannerIntent {
  if (context.pending) {
    const answer = answerPending(context.pending, parsed, text);
    if (answer) return answer;
  }
  if (parsed.kind !== 'choice') return parsed;
  return choiceWithoutQuestion(parsed.choice, context);
}

/** A bare "2" / "the second one" / "yes" when nothing was asked. */
function choiceWithoutQuestion(choice: Choice, context: ConversationContext): PlannerIntent {
  const shown = context.shown;
  switch (choice.by) {
    case 'yes':
    case 'no':
      return { kind: 'ack' };
    case 'all':
      return { kind: 'unknown' };
    case 'ordinal': {
      const task = shown[choice.n === -1 ? shown.length - 1 : choice.n - 1];
      return task ? { kind: 'what_next', task } : { kind: 'unknown' };
    }
    case 'number':
    case 'id': {
      const id = choice.by === 'id' ? choice.id : choice.n;
      const task = shown.find((t) => t.id === id) ?? context.focus.find((t) => t.id === id);
      if (task) return { kind: 'what_next', task };
      return choice.by === 'id'
        ? { kind: 'act', action: { verb: 'show' }, target: { by: 'ids', ids: [id] } }
        : { kind: 'unknown' };
    }
  }
}

/** Anything but a bare answer or unrecognised words replaces the question (which is then dropped). */
function isNewCommand(intent: Intent): boolean {
  return !['choice', 'unknown', 'suggest_add'].includes(intent.kind);
}

function resolved(action: Action, tasks: TaskRef[], alternatives?: TaskRef[]): PlannerIntent {
  const others = alternatives?.filter((a) => !tasks.some((t) => t.id === a.id));
  return {
    kind: 'act',
    action,
    target: { by: 'refs', tasks, ...(others?.length ? { alternatives: others } : {}) },
  };
}

/** Reads the message as an answer to the previous question, when it is one. */
function answerPending(pending: PendingQuestion, parsed: Intent, text: string): PlannerIntent | undefined {
  const choice = parsed.kind === 'choice' ? parsed.choice : undefined;
  switch (pending.kind) {
    case 'pick': {
      const { candidates, action } = pending;
      if (choice) {
        switch (choice.by) {
          case 'no':
            return { kind: 'cancelled' };
          case 'yes':
            return candidates.length === 1 ? resolved(action, candidates) : { kind: 'reask', pending };
          case 'all':
            return resolved(action, candidates);
          case 'ordinal': {
            const task = candidates[choice.n === -1 ? candidates.length - 1 : choice.n - 1];
            return task ? resolved(action, [task], candidates) : { kind: 'reask', pending };
          }
          case 'id': {
            const task = candidates.find((t) => t.id === choice.id);
            return task
              ? resolved(action, [task], candidates)
              : { kind: 'act', action, target: { by: 'ids', ids: [choice.id] } };
          }
          case 'number': {
            const task = candidates.find((t) => t.id === choice.n) ?? candidates[choice.n - 1];
            if (task) return resolved(action, [task], candidates);
            // Nothing was listed to choose from (after "not that one"): the number is the task's.
            return candidates.length === 0
              ? { kind: 'act', action, target: { by: 'ids', ids: [choice.n] } }
              : { kind: 'reask', pending };
          }
        }
      }
      if (isNewCommand(parsed)) return undefined;
      // "the notes one", "team meeting": words narrowing the candidates.
      const target = lang.parseTarget(lang.stripPoliteness(text));
      // Nothing was listed to choose from (after "not that one"): the words name the task.
      if (candidates.length === 0 && target && (target.by === 'words' || target.by === 'ids'))
        return { kind: 'act', action, target };
      if (target?.by === 'words') {
        const match = matchTasks(target.query, candidates);
        if (match.kind === 'one') return resolved(action, [match.task], candidates);
        if (match.kind === 'many')
          return { kind: 'reask', pending: { kind: 'pick', action, candidates: match.tasks } };
      }
      return parsed.kind === 'suggest_add' ? undefined : { kind: 'reask', pending };
    }
    case 'confirm':
      if (choice?.by === 'yes' || choice?.by === 'all') return resolved(pending.action, pending.tasks);
      if (choice?.by === 'no') return { kind: 'cancelled' };
      return isNewCommand(parsed) ? undefined : { kind: 'reask', pending };
    case 'confirm_add':
      if (choice?.by === 'yes' || (parsed.kind === 'add' && parsed.tasks.length === 0))
        return { kind: 'add', tasks: pending.tasks };
      if (choice?.by === 'no') return { kind: 'cancelled' };
      return undefined;
    case 'need_title': {
      if (choice?.by === 'no') return { kind: 'cancelled' };
      if (isNewCommand(parsed)) return undefined;
      const raw = lang.stripPoliteness(text);
      if (!pending.task)
        return { kind: 'add', tasks: lang.extractNewTasks(raw, lang.isShouting(text), false) };
      const split = lang.splitDescription(raw);
      const action: Action = { verb: 'update', title: lang.toTitle(split.title, lang.isShouting(text)) };
      if (split.description) action.description = split.description;
      return resolved(action, [pending.task]);
    }
    case 'need_description': {
      if (choice?.by === 'no') return { kind: 'cancelled' };
      if (isNewCommand(parsed)) return undefined;
      const description = lang.descriptionText(lang.stripPoliteness(text));
      return description === undefined
        ? { kind: 'reask', pending }
        : resolved({ verb: 'update', description }, [pending.task]);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Handlers

function handle(
  intent: PlannerIntent,
  context: ConversationContext,
  ex: readonly Exchange[],
  text: string,
): Handled {
  switch (intent.kind) {
    case 'greet':
      return done(0, say.GREETING);
    case 'thanks':
      return done(0, say.THANKS);
    case 'bye':
      return done(0, say.BYE);
    case 'help':
      return done(0, say.HELP);
    case 'ack':
      return done(0, say.ACK);
    case 'cancelled':
      return done(0, say.CANCELLED);
    case 'unknown':
    case 'choice':
      return done(0, say.unknownReply(text));
    case 'too_long':
      return done(0, say.TOO_LONG);
    case 'reask':
      return done(0, reaskText(intent.pending), { pending: intent.pending });
    case 'what_next':
      return done(0, say.whatNextReply(intent.task), { focus: [intent.task] });
    case 'suggest_add':
      return done(0, say.confirmAddReply([intent.task]), {
        pending: { kind: 'confirm_add', tasks: [intent.task] },
      });
    case 'add':
      return handleAdd(intent.tasks, ex);
    case 'list':
      return handleList(intent.status, ex, intent.filter);
    case 'first':
      return handleFirst(ex);
    case 'count':
      return handleCount(intent.status, ex, intent.allDone);
    case 'search':
      return handleSearch(intent.query, ex);
    case 'clear_completed':
      return handleClearCompleted(ex);
    case 'undo':
      return handleUndo(intent.steps ?? 1, ex);
    case 'correct':
      return handleCorrect(intent.correction, intent.fallback, context, ex, text);
    case 'act':
      return handleAct(intent.action, intent.target, context, ex);
    case 'sequence':
      return handleSequence(intent.parts, context, ex, text);
  }
}

function reaskText(pending: PendingQuestion): string {
  switch (pending.kind) {
    case 'pick':
      return say.pickAgainReply(pending.candidates);
    case 'confirm':
      return say.confirmDeleteReply(pending.tasks, false);
    case 'confirm_add':
      return say.confirmAddReply(pending.tasks);
    case 'need_title':
      return pending.task ? say.askTitleReply(pending.task) : say.ASK_NEW_TITLE;
    case 'need_description':
      return say.askDescriptionReply(pending.task);
  }
}

function handleSequence(
  parts: Intent[],
  context: ConversationContext,
  ex: readonly Exchange[],
  text: string,
): Handled {
  let consumed = 0;
  let outcome: TurnOutcome = {};
  let ctx: ConversationContext = { ...context, pending: undefined };
  const texts: string[] = [];
  for (const part of parts) {
    const r = handle(part, ctx, ex.slice(consumed), text);
    if (r.type === 'calls') return r;
    consumed += r.consumed;
    texts.push(r.text);
    outcome = mergeOutcomes(outcome, r.outcome);
    ctx = { ...applyOutcome(ctx, r.outcome), pending: undefined };
  }
  return done(consumed, texts.join('\n\n'), outcome);
}

/** The exchange at `index`, checked to be a call of `name`. */
function expect(ex: readonly Exchange[], index: number, name: ToolName): Exchange {
  const exchange = ex[index];
  if (!exchange || exchange.name !== name) throw new Diverged(`expected ${name} at ${index}`);
  return exchange;
}

function ref(task: TaskView): TaskRef {
  return { id: task.id, title: task.title, completed: task.completed };
}

function byStatus(tasks: readonly TaskView[], status: StatusFilter): TaskView[] {
  return status === 'all' ? [...tasks] : tasks.filter((t) => t.completed === (status === 'completed'));
}

type ListRead = { type: 'list'; tasks: TaskView[]; total?: number } | Handled;

/** The list_tasks result at `index`, or the call to make first, or the error reply. */
function readList(
  ex: readonly Exchange[],
  index: number,
  status: StatusFilter,
  filter: Omit<ListFilter, 'status'> = {},
): ListRead {
  if (ex.length <= index) return calls({ name: 'list_tasks', args: listArgs(status, filter) });
  const result = expect(ex, index, 'list_tasks').result;
  if (result.kind === 'list')
    return { type: 'list', tasks: byStatus(result.tasks, status), total: result.total };
  return done(
    index + 1,
    say.toolErrorReply(result.kind === 'error' ? result.message : say.COULD_NOT_READ_TASKS),
  );
}

/** list_tasks's arguments for a status and filter. */
function listArgs(status: StatusFilter, filter: Omit<ListFilter, 'status'>): ListTasksArgs {
  const { dueOn, completedWithin, ...rest } = filter;
  return {
    status,
    ...rest,
    ...(dueOn !== undefined ? { due_on: dueOn } : {}),
    ...(completedWithin !== undefined ? { completed_within: completedWithin } : {}),
  };
}

function handleAdd(tasks: readonly NewTask[], ex: readonly Exchange[]): Handled {
  if (tasks.length === 0) return done(0, say.ASK_NEW_TITLE, { pending: { kind: 'need_title' } });
  if (ex.length < tasks.length) {
    return calls(...tasks.map((t): PlannedCall => ({ name: 'add_task', args: addArgs(t) })));
  }
  const created: Array<{
    id: number;
    title: string;
    description?: string;
    details?: ChangedTask['details'];
  }> = [];
  const errors: string[] = [];
  tasks.forEach((task, i) => {
    const result = expect(ex, i, 'add_task').result;
    if (result.kind === 'task')
      created.push({
        id: result.taskId,
        title: result.title || task.title,
        description: task.description,
        details: result.details,
      });
    else errors.push(errorText(result));
  });
  const refs = created.map((c) => ({ id: c.id, title: c.title, completed: false }));
  const text = [created.length > 0 ? say.addedReply(created) : '', ...errors.map(say.toolErrorReply)]
    .filter(Boolean)
    .join('\n');
  return done(
    tasks.length,
    text,
    refs.length > 0 ? { focus: refs, lastAction: { verb: 'add', tasks: refs } } : {},
  );
}

/** add_task's arguments: only what the person gave. */
function addArgs(task: NewTask): AddTaskArgs {
  const args: AddTaskArgs = { title: task.title };
  if (task.description) args.description = task.description;
  const f = task.fields;
  if (f?.priority) args.priority = f.priority;
  if (f?.tags?.length) args.tags = f.tags;
  if (f?.due) args.due = f.due;
  if (f?.recurrence) args.recurrence = f.recurrence;
  if (f?.remind) args.remind_at = f.remind;
  return args;
}

function handleList(
  status: StatusFilter,
  ex: readonly Exchange[],
  filter?: Omit<ListFilter, 'status'>,
): Handled {
  const list = readList(ex, 0, status, filter);
  if (list.type !== 'list') return list;
  const refs = list.tasks.map(ref);
  const text =
    filter && Object.keys(filter).length > 0
      ? say.filteredListReply(filter, list.tasks, list.total)
      : say.listReply(status, list.tasks, list.total);
  return done(1, text, { shown: refs, focus: refs }, headlineOf(text));
}

/** "What should I do first?": the pending tasks by priority and due date; the reply puts overdue ones first. */
function handleFirst(ex: readonly Exchange[]): Handled {
  const list = readList(ex, 0, 'pending', { sort: 'priority' });
  if (list.type !== 'list') return list;
  const overdue = list.tasks.filter((t) => t.details?.overdue);
  const refs = [...overdue, ...list.tasks.filter((t) => !t.details?.overdue)].map(ref);
  return done(1, say.firstReply(list.tasks), { shown: refs, focus: refs.slice(0, 1) });
}

function handleCount(status: StatusFilter, ex: readonly Exchange[], allDone = false): Handled {
  const list = readList(ex, 0, status);
  if (list.type !== 'list') return list;
  if (allDone) {
    // "Is everything done?": no, and here is what is left (shown, so "the first one" means one of them).
    const text = say.allDoneReply(list.tasks, list.total);
    const refs = list.tasks.map(ref);
    return done(1, text, refs.length ? { shown: refs, focus: refs } : {}, headlineOf(text));
  }
  return done(1, say.countReply(status, list.tasks, list.total));
}

function handleSearch(query: string, ex: readonly Exchange[]): Handled {
  const list = readList(ex, 0, 'all');
  if (list.type !== 'list') return list;
  const found = searchTasks(query, list.tasks);
  const refs = found.map(ref);
  const text = say.searchReply(query, found, list.total);
  return done(1, text, found.length > 0 ? { shown: refs, focus: refs } : {}, headlineOf(text));
}

function handleClearCompleted(ex: readonly Exchange[]): Handled {
  const list = readList(ex, 0, 'completed');
  if (list.type !== 'list') return list;
  if (list.tasks.length === 0) return done(1, say.NOTHING_TO_CLEAR);
  return runDeletes(list.tasks.map(ref), ex, 1, true);
}

const UNDO_CALL: PlannedCall = { name: 'undo_last_change', args: {} };

/** The changes `steps` undo_last_change calls from `index` reversed, or the call to make, or the error reply. */
function readUndo(
  ex: readonly Exchange[],
  index: number,
  steps = 1,
): { type: 'undone'; changes: UndoneView[] } | Handled {
  if (ex.length < index + steps) return calls(...Array.from({ length: steps }, () => UNDO_CALL));
  const changes: UndoneView[] = [];
  for (let i = 0; i < steps; i++) {
    const result = expect(ex, index + i, 'undo_last_change').result;
    if (result.kind === 'error') return done(index + i + 1, say.toolErrorReply(result.message));
    if (result.kind === 'undo') changes.push(...result.changes);
  }
  return { type: 'undone', changes };
}

/** What an undo leaves behind: the tasks it put back are "it"; those it removed are gone. */
function undoOutcome(changes: readonly UndoneView[]): TurnOutcome {
  const back = changes
    .filter((c) => c.status !== 'deleted' && c.status !== 'not_restored')
    .map((c): TaskRef => ({
      id: c.taskId,
      title: c.title,
      completed: c.status === 'completed' ? true : undefined,
    }));
  const removed = changes.flatMap((c) => [
    ...(c.status === 'deleted' ? [c.taskId] : []),
    ...(c.nextRemoved ? [c.nextRemoved.taskId] : []),
  ]);
  return {
    ...(back.length ? { focus: back } : {}),
    lastAction: { verb: 'undo', tasks: back },
    ...(removed.length ? { removed } : {}),
  };
}

/** "undo", "bring it back", "undo the last two changes": the server reverses this conversation's newest changes. */
function handleUndo(steps: number, ex: readonly Exchange[]): Handled {
  const undone = readUndo(ex, 0, steps);
  if (undone.type !== 'undone') return undone;
  return done(steps, say.undoReply(undone.changes), undoOutcome(undone.changes));
}

/** Runs `then` on the exchanges after the first `n`, counting them in what it consumed. */
function after(n: number, handled: Handled): Handled {
  return handled.type === 'done' ? { ...handled, consumed: handled.consumed + n } : handled;
}

/** An undo, then `then` on the exchanges after it (the action done right): one reply saying both. */
function undoThen(ex: readonly Exchange[], then: (rest: readonly Exchange[]) => Handled): Handled {
  const undone = readUndo(ex, 0);
  if (undone.type !== 'undone') return undone;
  const next = after(1, then(ex.slice(1)));
  if (next.type !== 'done') return next;
  return {
    ...next,
    text: [say.undoneBrief(undone.changes), next.text].filter(Boolean).join('\n'),
    outcome: mergeOutcomes(undoOutcome(undone.changes), next.outcome),
  };
}

/** The action a logged verb stands for, to do it again to another task. */
function actionOf(last: LastAction): Action | undefined {
  if (last.action) return last.action;
  switch (last.verb) {
    case 'complete':
      return { verb: 'complete', completed: true };
    case 'reopen':
      return { verb: 'complete', completed: false };
    case 'delete':
      return { verb: 'delete' };
    default:
      return undefined;
  }
}

/**
 * A correction of the previous turn's action. A new value is set again; another task gets the action instead, once
 * the wrong one was put back (undo); "not that one" puts it back and asks which task was meant.
 */
function handleCorrect(
  correction: Correction,
  fallback: Intent | undefined,
  context: ConversationContext,
  ex: readonly Exchange[],
  text: string,
): Handled {
  const last = context.recent;
  if (!last || last.verb === 'undo' || last.tasks.length === 0)
    return fallback ? handle(fallback, context, ex, text) : done(0, say.NOTHING_TO_CORRECT);
  const action = actionOf(last);
  const again = (target: Target, act: Action | undefined = action): Handled =>
    act
      ? undoThen(ex, (rest) => handleAct(act, target, { ...context, focus: [], recent: undefined }, rest))
      : done(0, say.NOTHING_TO_CORRECT);
  const askWhich = (candidates: TaskRef[]) =>
    undoThen(ex, () =>
      done(0, say.whichAfterUndoReply(candidates), action ? { pending: pick(action, candidates) } : {}),
    );

  if (correction.by === 'revert') return askWhich(last.alternatives ?? []);
  if (correction.by === 'other') {
    const others = last.alternatives ?? [];
    return others.length === 1 ? again({ by: 'refs', tasks: others }) : askWhich(others);
  }
  const { value } = correction;
  const { target } = value;
  const named = target?.by === 'ids' || target?.by === 'ordinal';
  switch (last.verb) {
    case 'add':
    case 'update': {
      // "no, I meant task 2" after a rename: rename that one instead.
      if (last.verb === 'update' && named && correction.by === 'either') return again(target);
      const task = last.tasks[last.tasks.length - 1];
      if (value.due) return runSet([task], { due: value.text }, ex, 0);
      const split = lang.splitDescription(value.text);
      const update: Extract<Action, { verb: 'update' }> = {
        verb: 'update',
        title: lang.toTitle(split.title, lang.isShouting(text)),
      };
      if (split.description) update.description = split.description;
      return runUpdate([task], update, ex, 0);
    }
    case 'set': {
      const change = last.action?.verb === 'set' ? last.action.change : {};
      const tasks = last.tasks;
      if (change.due !== undefined && value.due) return runSet(tasks, { due: value.text }, ex, 0);
      if (change.priority !== undefined && value.priority)
        return runSet(tasks, { priority: value.priority }, ex, 0);
      const tag = value.tag;
      if (change.addTags?.length && tag && !named)
        return runSet(tasks, { addTags: [tag], removeTags: change.addTags.filter((t) => t !== tag) }, ex, 0);
      if (change.recurrence !== undefined && value.repeat)
        return runSet(tasks, { recurrence: value.text }, ex, 0);
      return target ? again(target) : done(0, say.NOTHING_TO_CORRECT);
    }
    default:
      return target ? again(target) : done(0, say.NOTHING_TO_CORRECT);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Acting on tasks

type Resolution =
  | Handled
  | { type: 'tasks'; consumed: number; tasks: TaskRef[]; views?: TaskView[]; alternatives?: TaskRef[] };

function pick(action: Action, tasks: readonly TaskRef[]): PendingQuestion {
  return { kind: 'pick', action, candidates: tasks.map((t) => ({ ...t })) };
}

/** The list a pronoun or a missing target must choose from. */
function statusFor(action: Action): StatusFilter {
  if (action.verb === 'complete') return action.completed ? 'pending' : 'completed';
  return 'all';
}

/** Lists the tasks and asks which one is meant — used when nothing in the conversation says. */
function askFromList(action: Action, ex: readonly Exchange[]): Resolution {
  const list = readList(ex, 0, statusFor(action));
  if (list.type !== 'list') return list;
  if (list.tasks.length === 0) return done(1, say.noneToActOnReply(action));
  const refs = list.tasks.map(ref);
  return done(1, say.whichReply(action, refs), { pending: pick(action, refs), shown: refs });
}

function resolve(
  target: Target,
  action: Action,
  context: ConversationContext,
  ex: readonly Exchange[],
): Resolution {
  switch (target.by) {
    case 'refs':
      return { type: 'tasks', consumed: 0, tasks: target.tasks };
    case 'ids':
      return { type: 'tasks', consumed: 0, tasks: target.ids.map((id) => knownRef(id, context)) };
    case 'focus': {
      if (context.focus.length === 1) return { type: 'tasks', consumed: 0, tasks: context.focus };
      if (context.focus.length > 1) {
        return done(0, say.whichReply(action, context.focus), { pending: pick(action, context.focus) });
      }
      return askFromList(action, ex);
    }
    case 'them': {
      const set = context.shown.length > 0 ? context.shown : context.focus;
      if (set.length === 0) return askFromList(action, ex);
      if (action.verb === 'update' && set.length > 1) return done(0, say.ONLY_ONE_RENAME);
      if (action.verb === 'delete' && set.length > 1) {
        return done(0, say.confirmDeleteReply(set, false), {
          pending: { kind: 'confirm', action, tasks: set },
        });
      }
      return { type: 'tasks', consumed: 0, tasks: set };
    }
    case 'ordinal': {
      const source = context.pending?.kind === 'pick' ? context.pending.candidates : context.shown;
      if (source.length > 0) {
        const task = source[target.n === -1 ? source.length - 1 : target.n - 1];
        if (task) return { type: 'tasks', consumed: 0, tasks: [task] };
        return done(0, say.onlyNReply(target.n, source.length), { pending: pick(action, source) });
      }
      const list = readList(ex, 0, 'all');
      if (list.type !== 'list') return list;
      const task = list.tasks[target.n === -1 ? list.tasks.length - 1 : target.n - 1];
      if (!task) {
        const refs = list.tasks.map(ref);
        return list.tasks.length === 0
          ? done(1, say.noneToActOnReply(action))
          : done(1, say.onlyNReply(target.n, list.tasks.length), {
              pending: pick(action, refs),
              shown: refs,
            });
      }
      return { type: 'tasks', consumed: 1, tasks: [ref(task)], views: [task] };
    }
    case 'everything': {
      const list = readList(ex, 0, statusFor(action));
      if (list.type !== 'list') return list;
      if (list.tasks.length === 0) return done(1, say.noneToActOnReply(action));
      const refs = list.tasks.map(ref);
      if (action.verb === 'delete') {
        return done(1, say.confirmDeleteReply(refs, true), {
          pending: { kind: 'confirm', action, tasks: refs },
          shown: refs,
        });
      }
      if (action.verb === 'update') return done(1, say.ONLY_ONE_RENAME);
      return { type: 'tasks', consumed: 1, tasks: refs, views: list.tasks };
    }
    case 'unspecified':
      return askFromList(action, ex);
    case 'words': {
      const list = readList(ex, 0, 'all');
      if (list.type !== 'list') return list;
      // "the milk and the dentist tasks": each part names one task.
      const each = eachNamed(target.query, list.tasks);
      if (each) return { type: 'tasks', consumed: 1, tasks: each.map(ref), views: each };
      // "my morning meetings": the part of the day narrows by due time; the rest of the words by title.
      const { query, pool } = partOfDay(target.query, list.tasks);
      const match: ReturnType<typeof matchTasks<TaskView>> =
        query === '' ? manyOrOne(pool) : matchTasks(query, pool, { loose: target.loose });
      if (match.kind === 'none') {
        const refs = list.tasks.map(ref);
        return done(1, say.notFoundReply(target.query, list.tasks), { shown: refs });
      }
      if (match.kind === 'one')
        return { type: 'tasks', consumed: 1, tasks: [ref(match.task)], views: [match.task] };
      // "is the meeting done?": looking changes nothing, so a few candidates are all shown (and answered for).
      if (action.verb === 'show' && match.tasks.length <= MAX_SHOWN_MATCHES)
        return { type: 'tasks', consumed: 1, tasks: match.tasks.map(ref), views: match.tasks };
      // "move my meetings to Friday": a plural names every match when scheduling.
      if (target.all || (action.verb === 'set' && lang.isPluralName(target.query))) {
        // "both meeting tasks": every match, but deleting several still asks first.
        const refs = match.tasks.map(ref);
        if (action.verb === 'delete') {
          return done(1, say.confirmDeleteReply(refs, false), {
            pending: { kind: 'confirm', action, tasks: refs },
            shown: refs,
          });
        }
        if (action.verb === 'update') return done(1, say.ONLY_ONE_RENAME);
        return { type: 'tasks', consumed: 1, tasks: refs, views: match.tasks };
      }
      // Completing: a single still-open candidate is the one meant (and the reverse for reopening).
      if (action.verb === 'complete') {
        const open = match.tasks.filter((t) => t.completed !== action.completed);
        if (open.length === 1)
          return {
            type: 'tasks',
            consumed: 1,
            tasks: [ref(open[0])],
            views: [open[0]],
            alternatives: match.tasks.filter((t) => t !== open[0]).map(ref),
          };
      }
      const refs = match.tasks.map(ref);
      return done(1, say.whichReply(action, refs, target.query), {
        pending: pick(action, refs),
        shown: refs,
      });
    }
  }
}

/** How many tasks matching a question's words are shown at once (more: the person is asked which). */
const MAX_SHOWN_MATCHES = 3;

/**
 * "milk and rent", "the laundry or the trash", "watered the plants and cleaned the kitchen": tasks named one by one,
 * when every part names exactly one task (and the words together are not one task's title).
 */
function eachNamed(words: string, tasks: readonly TaskView[]): TaskView[] | undefined {
  const parts = lang.splitNames(words);
  // A title with "and" in it ("Call mom and dad") is one task.
  const whole = matchTokens(words).sort().join(' ');
  if (parts.length < 2 || tasks.some((t) => matchTokens(t.title).sort().join(' ') === whole))
    return undefined;
  const found: TaskView[] = [];
  for (const part of parts) {
    const match = matchTasks(part, tasks);
    if (match.kind !== 'one' || found.includes(match.task)) return undefined;
    found.push(match.task);
  }
  return found;
}

/** Tasks due in the part of the day the words name (by their due time), and the words without it. */
function partOfDay(words: string, tasks: TaskView[]): { query: string; pool: TaskView[] } {
  const part = lang.partOfDayIn(words);
  if (!part) return { query: words, pool: tasks };
  const pool = tasks.filter((t) => {
    const time = /, (\d{2}):\d{2}$/.exec(t.details?.due ?? '');
    return time !== null && Number(time[1]) >= part.from && Number(time[1]) < part.to;
  });
  // No task has a due time then: the word is part of a title ("Morning run").
  if (pool.length === 0) return { query: words, pool: tasks };
  return { query: part.rest, pool };
}

function manyOrOne(tasks: TaskView[]): ReturnType<typeof matchTasks<TaskView>> {
  if (tasks.length === 0) return { kind: 'none' };
  return tasks.length === 1 ? { kind: 'one', task: tasks[0] } : { kind: 'many', tasks };
}

/** A task number the person gave, with whatever the conversation already knows about it. */
function knownRef(id: number, context: ConversationContext): TaskRef {
  const known = context.focus.find((t) => t.id === id) ?? context.shown.find((t) => t.id === id);
  return known ? { id, title: known.title } : { id, title: '' };
}

function handleAct(
  action: Action,
  target: Target,
  context: ConversationContext,
  ex: readonly Exchange[],
): Handled {
  // "restore task 1", "bring back the milk task" right after deleting it: the deletion is undone (a task that
  // exists is reopened, as ever).
  if (action.verb === 'complete' && !action.completed && isJustDeleted(target, context.lastAction))
    return handleUndo(1, ex);
  const resolution = resolve(target, action, context, ex);
  if (resolution.type !== 'tasks') return resolution;
  const { consumed, tasks } = resolution;
  const handled = ((): Handled => {
    switch (action.verb) {
      case 'show':
        return runShow(tasks, resolution.views, ex, consumed, action.ask);
      case 'delete':
        return runDeletes(tasks, ex, consumed);
      case 'complete':
        return runCompletes(tasks, action.completed, ex, consumed);
      case 'update':
        return runUpdate(tasks, action, ex, consumed);
      case 'set':
        return runSet(tasks, action.change, ex, consumed);
    }
  })();
  // What was done, and to which of the candidates: a correction may do it to another one.
  if (handled.type !== 'done' || !handled.outcome.lastAction) return handled;
  const alternatives = resolution.alternatives ?? (target.by === 'refs' ? target.alternatives : undefined);
  const lastAction: LastAction = {
    ...handled.outcome.lastAction,
    action,
    ...(alternatives?.length ? { alternatives } : {}),
  };
  return { ...handled, outcome: { ...handled.outcome, lastAction } };
}

/** The target names tasks the last action deleted. */
function isJustDeleted(target: Target, last: LastAction | undefined): boolean {
  if (last?.verb !== 'delete') return false;
  if (target.by === 'ids') return target.ids.every((id) => last.tasks.some((t) => t.id === id));
  if (target.by === 'words') return matchTasks(target.query, last.tasks).kind === 'one';
  return false;
}

/** update_task's arguments for a change of fields. */
function setArgs(taskId: number, change: FieldChange): UpdateTaskArgs {
  const args: UpdateTaskArgs = { task_id: taskId };
  if (change.priority) args.priority = change.priority;
  if (change.addTags?.length) args.add_tags = change.addTags;
  if (change.removeTags?.length) args.remove_tags = change.removeTags;
  if (change.due !== undefined) args.due = change.due;
  if (change.recurrence !== undefined) args.recurrence = change.recurrence;
  if (change.remind !== undefined) args.remind_at = change.remind;
  return args;
}

/** Priority, tags, due date or repeat of one or more tasks: one update_task each. */
function runSet(
  tasks: readonly TaskRef[],
  change: FieldChange,
  ex: readonly Exchange[],
  consumed: number,
): Handled {
  if (ex.length < consumed + tasks.length)
    return calls(...tasks.map((t): PlannedCall => ({ name: 'update_task', args: setArgs(t.id, change) })));
  const changed: ChangedTask[] = [];
  const errors: string[] = [];
  tasks.forEach((task, i) => {
    const result = expect(ex, consumed + i, 'update_task').result;
    if (result.kind === 'task')
      changed.push({ taskId: result.taskId, title: result.title || task.title, details: result.details });
    else errors.push(errorText(result));
  });
  const refs: TaskRef[] = changed.map((c) => ({ id: c.taskId, title: c.title }));
  const text = [
    changed.length ? say.fieldsChangedReply(changed, change) : '',
    ...errors.map(say.toolErrorReply),
  ]
    .filter(Boolean)
    .join('\n');
  return done(
    consumed + tasks.length,
    text,
    refs.length ? { focus: refs, lastAction: { verb: 'set', tasks: refs } } : {},
  );
}

function runShow(
  tasks: readonly TaskRef[],
  views: TaskView[] | undefined,
  ex: readonly Exchange[],
  consumed: number,
  ask?: StateQuestion,
): Handled {
  // "is the rent task done?": the answer first, then the task.
  const answer = (view: TaskView) => (ask ? say.stateAnswerReply(view, ask) : say.showReply(view));
  // Several answers to one question: a blank line between them.
  const joined = (shown: TaskView[]) => shown.map(answer).join(ask && shown.length > 1 ? '\n\n' : '\n');
  if (views && views.length === tasks.length) {
    return done(consumed, joined(views), { focus: views.map(ref) });
  }
  const list = readList(ex, consumed, 'all');
  if (list.type !== 'list') return list;
  const found = tasks.map((t) => list.tasks.find((v) => v.id === t.id));
  const missing = tasks.find((_, i) => !found[i]);
  if (missing) return done(consumed + 1, say.noSuchTaskReply(missing.id, list.tasks));
  const shown = found.filter((v): v is TaskView => v !== undefined);
  return done(consumed + 1, joined(shown), { focus: shown.map(ref) });
}

function errorText(result: ToolResult): string {
  return result.kind === 'error' ? result.message : say.SOMETHING_WENT_WRONG;
}

function runDeletes(
  tasks: readonly TaskRef[],
  ex: readonly Exchange[],
  consumed: number,
  clearingCompleted = false,
): Handled {
  if (ex.length < consumed + tasks.length) {
    return calls(...tasks.map((t): PlannedCall => ({ name: 'delete_task', args: { task_id: t.id } })));
  }
  const deleted: TaskRef[] = [];
  const errors: string[] = [];
  tasks.forEach((task, i) => {
    const result = expect(ex, consumed + i, 'delete_task').result;
    if (result.kind === 'task') deleted.push({ id: result.taskId, title: result.title || task.title });
    else errors.push(errorText(result));
  });
  const head = deleted.length === 0 ? '' : say.deletedReply(deleted, clearingCompleted);
  const text = [head, ...errors.map(say.toolErrorReply)].filter(Boolean).join('\n');
  return done(
    consumed + tasks.length,
    text,
    deleted.length > 0 ? { focus: [], lastAction: { verb: 'delete', tasks: deleted } } : {},
  );
}

function runCompletes(
  tasks: readonly TaskRef[],
  completed: boolean,
  ex: readonly Exchange[],
  consumed: number,
): Handled {
  // Only skip a task when a list in this turn (or the question's candidates) showed its state.
  const already = tasks.filter((t) => t.completed === completed);
  const todo = tasks.filter((t) => t.completed !== completed);
  const alreadyText = already.map((t) => say.alreadyReply(t, completed));
  if (todo.length === 0) return done(consumed, alreadyText.join('\n'), { focus: [...tasks] });
  if (ex.length < consumed + todo.length) {
    return calls(
      ...todo.map((t): PlannedCall => ({
        name: 'complete_task',
        args: completed ? { task_id: t.id } : { task_id: t.id, completed: false },
      })),
    );
  }
  const changed: TaskRef[] = [];
  const nexts: ChangedTask[] = [];
  const errors: string[] = [];
  todo.forEach((task, i) => {
    const result = expect(ex, consumed + i, 'complete_task').result;
    if (result.kind === 'task') {
      changed.push({
        id: result.taskId,
        title: result.title || task.title,
        completed: result.status !== 'pending',
      });
      if (result.next) nexts.push(result.next);
    } else errors.push(errorText(result));
  });
  const text = [
    changed.length > 0 ? say.completedReply(changed, completed) : '',
    ...nexts.map(say.nextOccurrenceReply),
    ...errors.map(say.toolErrorReply),
    ...alreadyText,
  ]
    .filter(Boolean)
    .join('\n');
  const outcome: TurnOutcome =
    changed.length > 0
      ? { focus: changed, lastAction: { verb: completed ? 'complete' : 'reopen', tasks: changed } }
      : {};
  return done(consumed + todo.length, text, outcome);
}

function runUpdate(
  tasks: readonly TaskRef[],
  action: Extract<Action, { verb: 'update' }>,
  ex: readonly Exchange[],
  consumed: number,
): Handled {
  if (tasks.length !== 1) return done(consumed, say.ONLY_ONE_RENAME);
  const task = tasks[0];
  if (action.title === undefined && action.description === undefined) {
    return action.askFor === 'description'
      ? done(consumed, say.askDescriptionReply(task), {
          pending: { kind: 'need_description', task },
          focus: [task],
        })
      : done(consumed, say.askTitleReply(task), { pending: { kind: 'need_title', task }, focus: [task] });
  }
  if (ex.length <= consumed) {
    const args: UpdateTaskArgs = { task_id: task.id };
    if (action.title !== undefined) args.title = action.title;
    if (action.description !== undefined) args.description = action.description;
    return calls({ name: 'update_task', args });
  }
  const result = expect(ex, consumed, 'update_task').result;
  if (result.kind !== 'task') return done(consumed + 1, say.toolErrorReply(errorText(result)));
  const updated: TaskRef = { id: result.taskId, title: result.title || action.title || task.title };
  return done(consumed + 1, say.updatedReply(updated, action), {
    focus: [updated],
    lastAction: { verb: 'update', tasks: [updated] },
  });
}

/** A neutral summary when a turn's tool results cannot be explained by the plan (should not happen). */
function summarizeFacts(ex: readonly Exchange[]): string {
  const lines = ex.map((e) => {
    const r = e.result;
    if (r.kind === 'task') return say.toolFactLine(e.name, r.taskId, r.title);
    if (r.kind === 'list') return say.listReply('all', r.tasks);
    if (r.kind === 'undo') return say.undoReply(r.changes);
    return say.toolErrorReply(r.message);
  });
  return lines.length > 0 ? say.whatIDidReply(lines) : say.ACK;
}
