import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { Logger } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { isDatabaseUnavailable } from '../database/database-errors';
import { isUnknownUserError, UNKNOWN_USER_MESSAGE } from '../common/unknown-user';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../tasks/schedule/time-zones';
import type { Task } from '../tasks/task.entity';
import type { UndoScope } from '../tasks/task-changes';
import { ChangeOrigin, TaskContext, TasksService } from '../tasks/tasks.service';
import { TaskNotFoundError } from '../tasks/tasks.errors';

/** What every tool gets: the one tasks service. The user comes per call from the verified token. */
export interface ToolDeps {
  tasks: TasksService;
}

/** The caller's user id, from `extra.authInfo` (set by the bearer middleware or the in-process client). */
export function userIdOf(extra: { authInfo?: AuthInfo }): string {
  const userId = extra.authInfo?.extra?.userId;
  if (typeof userId !== 'string' || userId === '')
    throw new Error('Not authenticated: this tool needs a signed-in user.');
  return userId;
}

/**
 * The caller's time zone when the connection carries one (a chat turn); else the user's remembered one is used.
 * And where its changes come from, for undo: the chat turn's conversation (the in-process connection of a turn
 * carries it), else the MCP client of the token.
 */
export function taskContextOf(extra: { authInfo?: AuthInfo }): TaskContext {
  const zone = extra.authInfo?.extra?.timeZone;
  return { ...(isTimeZone(zone) ? { timeZone: zone } : {}), origin: originOf(extra) };
}

function originOf(extra: { authInfo?: AuthInfo }): ChangeOrigin {
  const info = extra.authInfo;
  const threadId = info?.extra?.threadId;
  const batch = info?.extra?.changeBatch;
  if (typeof threadId === 'string' && threadId)
    return { threadId, ...(typeof batch === 'string' && batch ? { batch } : {}) };
  return { clientId: info?.clientId ?? 'unknown' };
}

/** What `undo_last_change` may reverse: the changes of this conversation, or those of this MCP client. */
export function undoScopeOf(extra: { authInfo?: AuthInfo }): UndoScope {
  const origin = originOf(extra);
  return origin.threadId ? { threadId: origin.threadId } : { clientId: origin.clientId ?? 'unknown' };
}

/** The zone to show these tasks' dates in: looked up only when one of them has a due date. */
export async function zoneFor(
  deps: ToolDeps,
  userId: string,
  ctx: TaskContext,
  tasks: Task[],
): Promise<string> {
  return tasks.some((t) => t.dueAt) ? deps.tasks.timeZone(userId, ctx) : DEFAULT_TIME_ZONE;
}

/** A successful result: the JSON as text (what most models read) and as structured content. */
export function jsonResult(text: unknown, structured: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(text) }], structuredContent: structured };
}

function describeNumbers(numbers: number[]): string {
  if (numbers.length === 0) return 'You have no tasks yet.';
  const contiguous = numbers.every((n, i) => i === 0 || n === numbers[i - 1] + 1);
  if (contiguous) {
    return numbers.length === 1
      ? `Your only task is number ${numbers[0]}.`
      : `Your tasks are numbered ${numbers[0]}–${numbers[numbers.length - 1]}.`;
  }
  const shown = numbers.slice(0, 12);
  const rest = numbers.length - shown.length;
  return `Your task numbers are ${shown.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}.`;
}

/**
 * Runs a tool body; expected failures become `isError` results with a sentence a model can act on
 * ("Task 7 was not found. Your tasks are numbered 1–4."), not protocol errors.
 */
const logger = new Logger('McpTools');

export async function toolCall(
  deps: ToolDeps,
  userId: string,
  body: () => Promise<CallToolResult>,
): Promise<CallToolResult> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof TaskNotFoundError) {
      const numbers = await deps.tasks.numbers(userId);
      return {
        content: [{ type: 'text', text: `${err.message} ${describeNumbers(numbers)}` }],
        isError: true,
      };
    }
    if (err instanceof DomainError) return { content: [{ type: 'text', text: err.message }], isError: true };
    // Not the SQL error text (it named tables and constraints): the caller's account is gone.
    if (isUnknownUserError(err))
      return { content: [{ type: 'text', text: UNKNOWN_USER_MESSAGE }], isError: true };
    // Anything else: logged here, and a sentence for the model or client — never driver text naming our tables.
    logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    const text = isDatabaseUnavailable(err)
      ? 'Your task list cannot be reached right now. Please try again in a moment.'
      : 'Something went wrong while working on your tasks. Please try again.';
    return { content: [{ type: 'text', text }], isError: true };
  }
}
