/**
 * Reads the model input (the replayed thread plus this run's items) into turns, and defines what one turn
 * leaves behind for the next: the task "it" refers to, the list last shown, a question awaiting an answer.
 * The model keeps no memory of its own — everything is rebuilt from the input on every call, which is what
 * makes it stateless and deterministic.
 */
import type { AgentInputItem } from '@openai/agents';
import type { Action, NewTask } from './intent';
import {
  type TaskRef,
  type ToolName,
  type ToolResult,
  canonicalToolName,
  isRecord,
  parseToolResult,
  readOutput,
} from './tool-contract';

/** A tool call of this model and the result the runner appended for it. */
export interface Exchange {
  name: ToolName;
  args: Record<string, unknown>;
  result: ToolResult;
}

/** One user message and what followed it. */
export interface Turn {
  text: string;
  exchanges: Exchange[];
  /** True once an assistant message closed the turn. */
  answered: boolean;
}

export interface Conversation {
  /** Finished turns, oldest first. */
  history: Turn[];
  /** The turn being answered now (the last user message and the tool results since). */
  current: Turn;
}

export type PendingQuestion =
  | { kind: 'pick'; action: Action; candidates: TaskRef[] }
  | { kind: 'confirm'; action: Action; tasks: TaskRef[] }
  | { kind: 'confirm_add'; tasks: NewTask[] }
  | { kind: 'need_title'; task?: TaskRef }
  | { kind: 'need_description'; task: TaskRef };

export interface LastAction {
  /** `set`: priority, tags, due date or repeat; `undo`: earlier changes were reversed. */
  verb: 'add' | 'complete' | 'reopen' | 'update' | 'set' | 'delete' | 'undo';
  tasks: TaskRef[];
  /** What was done to them, to do it to another task instead ("no, I meant task 4"). */
  action?: Action;
  /** The other candidates the tasks were picked from ("sorry, the other one"). */
  alternatives?: TaskRef[];
}

/** What earlier turns tell the current one. */
export interface ConversationContext {
  /** What "it" / "that one" means: the tasks last acted on or shown. */
  focus: TaskRef[];
  /** The tasks last displayed, in display order ("the second one"). */
  shown: TaskRef[];
  /** A question the previous reply asked. Only ever carried over one turn. */
  pending?: PendingQuestion;
  lastAction?: LastAction;
  /** The action of the previous turn only: what a correction ("actually make that…") corrects. */
  recent?: LastAction;
}

/** What one turn (or one part of it) changes in the context. `undefined` keeps the previous value. */
export interface TurnOutcome {
  focus?: TaskRef[];
  shown?: TaskRef[];
  pending?: PendingQuestion;
  lastAction?: LastAction;
  /** Tasks that no longer exist after the turn (besides those it deleted): an addition undone. */
  removed?: number[];
}

export const EMPTY_CONTEXT: ConversationContext = { focus: [], shown: [] };

export function applyOutcome(context: ConversationContext, outcome: TurnOutcome): ConversationContext {
  // Deleted tasks can no longer be "it" or "the second one".
  const deleted = new Set([
    ...(outcome.lastAction?.verb === 'delete' ? outcome.lastAction.tasks.map((t) => t.id) : []),
    ...(outcome.removed ?? []),
  ]);
  const alive = (tasks: TaskRef[]): TaskRef[] =>
    deleted.size ? tasks.filter((t) => !deleted.has(t.id)) : tasks;
  return {
    focus: alive(outcome.focus ?? context.focus),
    shown: alive(outcome.shown ?? context.shown),
    pending: outcome.pending,
    lastAction: outcome.lastAction ?? context.lastAction,
    recent: outcome.lastAction,
  };
}

/** Later outcome wins field by field (used to chain the parts of a compound command). */
export function mergeOutcomes(a: TurnOutcome, b: TurnOutcome): TurnOutcome {
  return {
    focus: b.focus ?? a.focus,
    shown: b.shown ?? a.shown,
    pending: b.pending ?? a.pending,
    lastAction: b.lastAction ?? a.lastAction,
    ...(a.removed || b.removed ? { removed: [...(a.removed ?? []), ...(b.removed ?? [])] } : {}),
  };
}

/**
 * Context facts readable from a turn's tool results alone — used when a past turn cannot be replayed
 * (e.g. it was answered by another model): the tasks acted on become the focus, a lone list is "shown".
 */
export function outcomeFromFacts(turn: Turn): TurnOutcome {
  const acted: TaskRef[] = [];
  let lastList: TaskRef[] | undefined;
  let verb: LastAction['verb'] | undefined;
  for (const ex of turn.exchanges) {
    if (ex.result.kind === 'list')
      lastList = ex.result.tasks.map((t) => ({ id: t.id, title: t.title, completed: t.completed }));
    if (ex.result.kind !== 'task') continue;
    const status = ex.result.status;
    acted.push({
      id: ex.result.taskId,
      title: ex.result.title,
      completed: status === 'completed' ? true : status === 'pending' ? false : undefined,
    });
    verb =
      ex.name === 'add_task'
        ? 'add'
        : ex.name === 'delete_task'
          ? 'delete'
          : ex.name === 'update_task'
            ? 'update'
            : status === 'pending'
              ? 'reopen'
              : 'complete';
  }
  if (acted.length > 0 && verb)
    return { focus: verb === 'delete' ? [] : acted, lastAction: { verb, tasks: acted } };
  if (lastList) return { focus: lastList, shown: lastList };
  return {};
}

/** Plain text of a user message's content (a string or input_text parts). */
function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) =>
        isRecord(part) &&
        (part.type === 'input_text' || part.type === 'text') &&
        typeof part.text === 'string'
          ? part.text
          : '',
      )
      .filter((s) => s.length > 0)
      .join('\n');
  }
  return '';
}

function parseArgs(raw: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(raw);
    return isRecord(value) ? value : {};
  } catch {
    return {};
  }
}

/**
 * Splits the input into turns. Function calls are paired with their results by `callId` (results may
 * arrive in any order); calls to tools outside the contract and calls still without a result are ignored.
 */
export function readConversation(input: string | readonly AgentInputItem[]): Conversation {
  if (typeof input === 'string')
    return { history: [], current: { text: input, exchanges: [], answered: false } };
  const turns: Array<
    Turn & {
      calls: Array<{ callId: string; name: ToolName; args: Record<string, unknown> }>;
      results: Map<string, ToolResult>;
    }
  > = [];
  for (const entry of input) {
    // Items are read structurally: stored histories may carry extra or missing optional fields.
    const item: unknown = entry;
    if (!isRecord(item)) continue;
    const type = item.type ?? 'message';
    if (type === 'message' && item.role === 'user') {
      turns.push({
        text: messageText(item.content),
        exchanges: [],
        answered: false,
        calls: [],
        results: new Map(),
      });
      continue;
    }
    const turn = turns[turns.length - 1];
    if (!turn) continue;
    if (type === 'message' && item.role === 'assistant') {
      turn.answered = true;
    } else if (type === 'function_call' && typeof item.callId === 'string' && typeof item.name === 'string') {
      const name = canonicalToolName(item.name);
      if (name)
        turn.calls.push({
          callId: item.callId,
          name,
          args: parseArgs(typeof item.arguments === 'string' ? item.arguments : ''),
        });
    } else if (type === 'function_call_result' && typeof item.callId === 'string') {
      const name = canonicalToolName(typeof item.name === 'string' ? item.name : '');
      const call = turn.calls.find((c) => c.callId === item.callId);
      const toolName = call?.name ?? name;
      if (toolName) turn.results.set(item.callId, parseToolResult(toolName, readOutput(item.output)));
    }
  }
  const finished: Turn[] = turns.map((t) => ({
    text: t.text,
    answered: t.answered,
    exchanges: t.calls
      .filter((c) => t.results.has(c.callId))
      .map((c) => ({ name: c.name, args: c.args, result: t.results.get(c.callId) as ToolResult })),
  }));
  const current = finished.pop() ?? { text: '', exchanges: [], answered: false };
  return { history: finished, current };
}
