import { Inject, Injectable, Logger } from '@nestjs/common';
import { AGENT_TURN_RUNNER, AgentTurnError, AgentTurnEvent, AgentTurnRunner } from '../agent/agent-turn';
import { DomainError } from '../common/domain-error';
import { BackendEventBus, TaskChangedEvent } from '../common/task-events';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { toConversationItems } from '../conversations/conversation-history';
import { ConversationStore, NewItem, newItemId } from '../conversations/conversation-store.service';
import {
  ItemPayloads,
  JsonValue,
  StoredItem,
  StoredItemOf,
  StoredThread,
  userMessageText,
} from '../conversations/thread-item';
import { messagesFor } from '../i18n/messages';
import type { Language } from '../i18n/language';
import type { TurnSite } from '../sites/site-access';
import { randomBatch } from '../tasks/task-changes';
import { TasksService } from '../tasks/tasks.service';
import { overdueNote, toldToday } from './overdue-note';
import { SiteUsage } from '../sites/site-usage';
import { ChatRateLimiter } from './chat-rate-limit';
import { titleFromMessage } from './thread-title';
import { TurnStarts } from './turn-start';
import { toTaskChange, TurnEvent } from './turn-events';

/** Tools that change nothing: a retry runs them again (and shows their widget again) rather than keeping them. */
const READ_ONLY_TOOLS = new Set(['list_tasks']);

/** What the model is told when the user stopped a response (chatkit-protocol.md §7.4). */
export const CANCELLED_CONTEXT = 'The user cancelled the stream. Stop responding to the prior request.';

export interface TurnOptions {
  /** Accept-Language of the client. */
  locale?: string;
  /** The language of the words the server writes itself (errors, tool progress, widgets); English when unset. */
  language?: Language;
  /**
   * The client's IANA time zone (already validated): the turn's dates use it, and a new message remembers it for
   * the user in the statement that stores the message.
   */
  timeZone?: string;
  /** The client draws every list_tasks result as a task list (ChatKit's widget). */
  listsShown?: boolean;
  /** The site the turn counts for: its rate limit and instructions apply, its usage records the turn. */
  site?: TurnSite;
}

/** A turn whose pre-checks passed (and whose user message, if any, is stored); `events()` runs it. */
export interface Turn {
  thread: StoredThread;
  /** Runs the agent. The signal stops it; what was produced so far is then stored. */
  events(signal: AbortSignal): AsyncGenerator<TurnEvent>;
}

/** A turn started by a new user message, which it stored before anything else. */
export type StartedTurn = Turn & { userItem: StoredItemOf<'user_message'> };

interface RunPlan {
  userId: string;
  thread: StoredThread;
  input: string;
  /** Only items stored before this one are history (the turn's own user message is the input). */
  beforeItemId?: string;
  /** The history, when it was read with the user's message (a new thread has none); else it is queried. */
  history?: StoredItem[];
  quotedText?: string;
  /** Text the thread title comes from, when the thread has none yet. */
  titleSource?: string;
  /** The user's time zone, when the statement that started the turn read it (else it is queried if needed). */
  zone?: string;
  /** The client's locale, time zone and how it shows lists, for the agent run. */
  options: TurnOptions;
}

/** An assistant message being streamed: its stored id and the text so far. */
interface PendingMessage {
  itemId: string;
  text: string;
}

function isRecord(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function assistantPayload(text: string): ItemPayloads['assistant_message'] {
  return { content: [{ type: 'output_text', text, annotations: [] }] };
}

/**
 * The one place that orders a chat turn, for ChatKit and REST chat alike:
 * pre-checks (ownership, rate limit) → store the user message (before any model call, so nothing is lost)
 * → load the newest history → run the agent with an AbortSignal → store tool items and assistant messages as
 * they complete → yield neutral turn events. A failed run stores nothing half-done, keeps the user message and
 * ends with a retryable `failed` event; a cancelled run stores the partial answer and a "cancelled" note.
 */
@Injectable()
export class ChatTurnService {
  private readonly logger = new Logger('ChatTurn');

  constructor(
    private readonly store: ConversationStore,
    private readonly starts: TurnStarts,
    private readonly limiter: ChatRateLimiter,
    private readonly bus: BackendEventBus,
    private readonly usage: SiteUsage,
    private readonly tasks: TasksService,
    @Inject(AGENT_TURN_RUNNER) private readonly runner: AgentTurnRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new thread whose first item is the user's message. */
  async startNewThread(
    userId: string,
    message: ItemPayloads['user_message'],
    opts: TurnOptions = {},
  ): Promise<StartedTurn> {
    const { thread, item, timeZone } = await this.starts.newThread(
      userId,
      message,
      this.limiter.limitFor(opts.site),
      opts.timeZone,
    );
    return this.started(thread, item, {
      userId,
      thread,
      input: userMessageText(message),
      history: [],
      quotedText: message.quoted_text,
      titleSource: userMessageText(message),
      zone: timeZone,
      options: opts,
    });
  }

  /** The user's next message in one of their threads (not found otherwise). */
  async startInThread(
    userId: string,
    threadId: string,
    message: ItemPayloads['user_message'],
    opts: TurnOptions = {},
  ): Promise<StartedTurn> {
    const { thread, item, history, timeZone } = await this.starts.inThread(
      userId,
      threadId,
      message,
      this.limiter.limitFor(opts.site),
      opts.timeZone,
    );
    return this.started(thread, item, {
      userId,
      thread,
      input: userMessageText(message),
      history,
      quotedText: message.quoted_text,
      titleSource: userMessageText(message),
      zone: timeZone,
      options: opts,
    });
  }

  /**
   * Runs the answer to a user message again: everything stored after it is deleted first — except the records
   * of task changes its earlier run already made. A run that broke off after a tool changed something (the
   * process was killed, the model failed on its next call) left that change in place; running the message again
   * from scratch made it twice (a retried "add buy milk" added a second "Buy milk"). With such records kept, the
   * new run continues from them instead: the model reads what was done and answers.
   */
  async startRetry(userId: string, threadId: string, itemId: string, opts: TurnOptions = {}): Promise<Turn> {
    await this.limiter.assertAllowed(userId, this.limiter.limitFor(opts.site));
    const [thread, item] = await Promise.all([
      this.store.getThread(userId, threadId),
      this.store.getItem(userId, threadId, itemId),
    ]);
    if (item.type !== 'user_message')
      throw new DomainError(
        'invalid_input',
        `Item ${itemId} is not a user message: only a user message can be retried.`,
      );
    const done = await this.changesMadeAfter(userId, threadId, itemId);
    await this.store.deleteItemsAfter(userId, threadId, itemId, done);
    return this.turn(thread, {
      userId,
      thread,
      // With changes kept, the message and those changes are the newest history: the run continues after them.
      ...(done.length ? { input: '' } : { input: userMessageText(item.payload), beforeItemId: item.id }),
      quotedText: item.payload.quoted_text,
      titleSource: userMessageText(item.payload),
      options: opts,
    });
  }

  /**
   * Continues a thread without a new user message (after a client tool output or structured input): the
   * model reads the stored history, and its input is empty. `prepare` records what the client sent (and may
   * refuse it); it runs after the ownership and rate-limit checks, so a refused turn changes nothing.
   */
  async startContinuation<T>(
    userId: string,
    threadId: string,
    prepare: () => Promise<T>,
    opts: TurnOptions = {},
  ): Promise<{ turn: Turn; prepared: T }> {
    await this.limiter.assertAllowed(userId, this.limiter.limitFor(opts.site));
    const thread = await this.store.getThread(userId, threadId);
    const prepared = await prepare();
    return {
      turn: this.turn(thread, {
        userId,
        thread,
        input: '',
        options: opts,
      }),
      prepared,
    };
  }

  /** What is overdue, at the first turn of the day in this conversation; a failure only loses the note. */
  private async overdueNote(userId: string, history: StoredItem[], plan: RunPlan): Promise<string | null> {
    try {
      const zone = plan.zone ?? (await this.tasks.timeZone(userId, { timeZone: plan.options.timeZone }));
      const now = this.tasks.now();
      if (toldToday(history, zone, now)) return null;
      const { tasks, total } = await this.tasks.newest(
        userId,
        { status: 'pending', due: 'overdue', sort: 'due' },
        5,
        { timeZone: zone },
      );
      return total ? overdueNote(tasks, total, zone, now) : null;
    } catch (err) {
      this.logger.warn(`overdue tasks not looked up: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  }

  /** Ids of the successful task-changing tool calls stored after a user message (within the history window). */
  private async changesMadeAfter(userId: string, threadId: string, itemId: string): Promise<string[]> {
    const recent = await this.store.history(userId, threadId, this.config.agentHistoryItems);
    const at = recent.findIndex((i) => i.id === itemId);
    if (at < 0) return [];
    return recent
      .slice(at + 1)
      .filter(
        (i) => i.type === 'server_tool_call' && !i.payload.is_error && !READ_ONLY_TOOLS.has(i.payload.name),
      )
      .map((i) => i.id);
  }

  private turn(thread: StoredThread, plan: RunPlan): Turn {
    return { thread, events: (signal) => this.run(plan, signal) };
  }

  private started(thread: StoredThread, userItem: StoredItemOf<'user_message'>, plan: RunPlan): StartedTurn {
    return { ...this.turn(thread, plan), userItem };
  }

  private async *run(plan: RunPlan, signal: AbortSignal): AsyncGenerator<TurnEvent> {
    const { userId, thread } = plan;
    const changes: TaskChangedEvent[] = [];
    const unsubscribe = this.bus.on('task.changed', (e) => {
      if (e.userId === userId) changes.push(e);
    });
    const pending = new Map<string, PendingMessage>(); // runner message id → message being streamed
    const calls = new Map<string, Record<string, unknown>>(); // call id → arguments
    // The turn's task changes are logged under one batch: one undo (or the turn's Undo button) reverses them all.
    const changeBatch = randomBatch();
    const flushChanges = (): TurnEvent | undefined => {
      if (!changes.length) return undefined;
      const flushed = changes.splice(0);
      const own = flushed.filter((c) => c.batch === changeBatch).map(toTaskChange);
      return {
        type: 'tasks_changed',
        changes: flushed.map(toTaskChange),
        ...(own.length ? { undo: { batch: changeBatch, changes: own } } : {}),
      };
    };
    const toolsCalled: string[] = [];
    let failed = false;

    try {
      const stored =
        plan.history ??
        (await this.store.history(userId, thread.id, this.config.agentHistoryItems, plan.beforeItemId));
      const history = toConversationItems(stored);
      const overdue = await this.overdueNote(userId, stored, plan);
      if (overdue) history.push({ kind: 'context', text: overdue });
      if (plan.quotedText)
        history.push({
          kind: 'context',
          text: `The user is referring to this in particular: ${plan.quotedText}`,
        });
      const run = this.runner.runTurn({
        userId,
        history,
        input: plan.input,
        signal,
        locale: plan.options.locale,
        timeZone: plan.options.timeZone,
        listsShown: plan.options.listsShown,
        siteInstructions: plan.options.site?.instructions,
        conversation: { threadId: thread.id, changeBatch },
      });
      for await (const ev of run) {
        if (signal.aborted) break;
        if (ev.type === 'tool_called') toolsCalled.push(ev.name);
        yield* this.onAgentEvent(plan, ev, pending, calls);
        const changed = flushChanges();
        if (changed) yield changed;
      }
      if (signal.aborted) {
        await this.storeCancelled(plan, pending);
        yield { type: 'cancelled' };
      } else {
        // A runner that ended without `message_done` for a streamed message: keep what the user saw.
        for (const [runnerId, m] of pending) yield* this.finishMessage(plan, pending, runnerId, m.text);
      }
    } catch (err) {
      const changed = flushChanges();
      if (changed) yield changed;
      if (signal.aborted || (err instanceof AgentTurnError && err.code === 'aborted')) {
        await this.storeCancelled(plan, pending);
        yield { type: 'cancelled' };
      } else {
        failed = true;
        yield this.failure(err, plan.options.language);
      }
    } finally {
      unsubscribe();
      this.recordUsage(plan, toolsCalled, failed);
    }

    if (plan.titleSource && !thread.title) {
      const title = titleFromMessage(plan.titleSource);
      // The title is cosmetic and set after the turn's outcome was told: failing to store it (the database went
      // away) must neither add a second error after a `failed` event nor turn a stored answer into an error.
      // The thread keeps no title, so the next message titles it.
      const updated = title
        ? await this.store.setTitleIfUnset(userId, thread.id, title).catch((err: unknown) => {
            this.logger.warn(`thread title not stored: ${err instanceof Error ? err.message : String(err)}`);
            return null;
          })
        : null;
      if (updated) yield { type: 'thread_updated', thread: updated };
    }
  }

  private async *onAgentEvent(
    plan: RunPlan,
    ev: AgentTurnEvent,
    pending: Map<string, PendingMessage>,
    calls: Map<string, Record<string, unknown>>,
  ): AsyncGenerator<TurnEvent> {
    switch (ev.type) {
      case 'text_delta': {
        if (!ev.delta) return;
        let m = pending.get(ev.messageId);
        if (!m) {
          // Our own id: models behind Chat Completions give every message the same fake id.
          m = { itemId: this.newMessageId(), text: '' };
          pending.set(ev.messageId, m);
        }
        m.text += ev.delta;
        yield { type: 'text_delta', itemId: m.itemId, delta: ev.delta };
        return;
      }
      case 'message_done':
        yield* this.finishMessage(plan, pending, ev.messageId, ev.text);
        return;
      case 'tool_called':
        calls.set(ev.callId, ev.arguments);
        yield { type: 'tool_started', callId: ev.callId, name: ev.name, arguments: ev.arguments };
        return;
      case 'tool_output': {
        const args = calls.get(ev.callId) ?? {};
        calls.delete(ev.callId);
        await this.store.addItem(plan.userId, plan.thread.id, 'server_tool_call', {
          call_id: ev.callId,
          name: ev.name,
          arguments: isRecord(args) ? args : {},
          output: ev.output,
          is_error: ev.isError,
        });
        yield {
          type: 'tool_finished',
          callId: ev.callId,
          name: ev.name,
          arguments: args,
          output: ev.output,
          isError: ev.isError,
          data: ev.data,
        };
        return;
      }
    }
  }

  private async *finishMessage(
    plan: RunPlan,
    pending: Map<string, PendingMessage>,
    runnerId: string,
    text: string,
  ): AsyncGenerator<TurnEvent> {
    const m = pending.get(runnerId);
    pending.delete(runnerId); // a later message under the same runner id is a new message
    if (!text.trim() && !m) return;
    const item = await this.store.addItem(
      plan.userId,
      plan.thread.id,
      'assistant_message',
      assistantPayload(text),
      m?.itemId ?? this.newMessageId(),
    );
    yield { type: 'assistant_message', item };
  }

  /**
   * The partial answer the user saw (when not blank) and a note for the model that the user stopped it, in one
   * statement: a next message sent at once reads both or neither.
   */
  private async storeCancelled(plan: RunPlan, pending: Map<string, PendingMessage>): Promise<void> {
    const partial: NewItem[] = [...pending.values()]
      .filter((m) => m.text.trim())
      .map((m) => ({ type: 'assistant_message', payload: assistantPayload(m.text), id: m.itemId }));
    pending.clear();
    await this.store.addItems(plan.userId, plan.thread.id, [
      ...partial,
      { type: 'sdk_hidden_context', payload: { content: CANCELLED_CONTEXT } },
    ]);
  }

  /** Counts the turn for its site's usage, off the answer's path: usage must never fail or slow a turn. */
  private recordUsage(plan: RunPlan, tools: string[], failed: boolean): void {
    const site = plan.options.site;
    if (!site) return;
    this.usage.record({ siteId: site.id, userId: plan.userId, tools, failed }).catch((err: unknown) => {
      this.logger.warn(`usage not recorded: ${err instanceof Error ? err.message : String(err)}`);
    });
  }

  /** The failed event of a run: the cause's code and its words in the client's language; details go to the log. */
  private failure(err: unknown, language: Language | undefined): TurnEvent {
    const words = messagesFor(language).failure;
    if (err instanceof AgentTurnError && err.code !== 'aborted') {
      this.logger.warn(`turn failed (${err.code}): ${err.message}`);
      // Settings the model refused stay refused: a retry button would only fail again.
      return {
        type: 'failed',
        code: err.code,
        message: words[err.code],
        retryable: err.code !== 'model_refused',
      };
    }
    this.logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    return { type: 'failed', code: 'internal', message: words.internal, retryable: true };
  }

  private newMessageId(): string {
    return newItemId('assistant_message');
  }
}
