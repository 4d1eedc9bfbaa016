import { Injectable, Logger } from '@nestjs/common';
import { ChatTurnService, Turn, TurnOptions } from '../chat/chat-turn.service';
import { DomainError } from '../common/domain-error';
import { isTimeZone } from '../tasks/schedule/time-zones';
import { ConversationStore } from '../conversations/conversation-store.service';
import { ItemPayloads, StoredItemOf } from '../conversations/thread-item';
import { messagesFor } from '../i18n/messages';
import {
  ChatKitRequestOf,
  PAGE_DEFAULT,
  parseChatKitRequest,
  toUserMessage,
  UserMessageInput,
} from './chatkit-request.schema';
import { serializeItem, serializePage, serializeThread } from './chatkit.serializer';
import { ChatKitEvent, ChatKitResult, STREAM_OPTIONS, TASKS_CHANGED_EFFECT } from './chatkit.types';
import { TranscriptionService } from '../voice/transcription.service';
import { TurnEventBridge } from './turn-bridge';
import { ActionOutcome, PreparedAction, WidgetActionsService } from './widget-actions.service';

export interface ChatKitContext extends TurnOptions {
  /** Aborted when the client disconnects: the running turn stops. */
  signal: AbortSignal;
}

type Answers = ChatKitRequestOf<'threads.add_structured_input'>['params']['input'];

// A todo list needs none; the client hides them unless they are enabled in its options.
const NO_ATTACHMENTS = 'Attachments are not supported by this server.';

/**
 * The client's time zone from the request's `metadata.timezone` (our widget sends the browser's on every request;
 * any ChatKit client may). A hint, not an input: anything but a real IANA zone name is ignored.
 */
export function metadataTimeZone(metadata: Record<string, unknown> | null | undefined): string | undefined {
  const zone = metadata?.timezone;
  return isTimeZone(zone) ? zone : undefined;
}

function conflict(message: string): DomainError {
  return new DomainError('conflict', message);
}

/** The answered form of a structured input (chatkit-protocol.md §2.2 add_structured_input). */
function answered(item: StoredItemOf<'structured_input'>, input: Answers): ItemPayloads['structured_input'] {
  return {
    status: input.status,
    inputs: item.payload.inputs.map((question) => {
      const given = input.answers[question.id];
      const values = given?.values ?? [];
      if (input.status === 'skipped' || !given || given.skipped || values.length === 0)
        return { ...question, answer: { values: [], skipped: true } };
      const single = question.type === 'multiple_choice' && !question.multiple;
      return { ...question, answer: { values: single ? values.slice(0, 1) : values, skipped: false } };
    }),
  };
}

/**
 * The ChatKit protocol (chatkit-protocol.md): dispatch per request type. Everything that can fail for the
 * caller — parsing, ownership, rate limit, state checks — happens before this returns, so it answers as a
 * 4xx JSON error; once a stream is returned, failures become protocol `error` events.
 */
@Injectable()
export class ChatKitService {
  private readonly logger = new Logger('ChatKit');

  constructor(
    private readonly store: ConversationStore,
    private readonly turns: ChatTurnService,
    private readonly actions: WidgetActionsService,
    private readonly transcription: TranscriptionService,
  ) {}

  async process(userId: string, body: unknown, given: ChatKitContext): Promise<ChatKitResult> {
    const req = parseChatKitRequest(body);
    const timeZone = metadataTimeZone(req.metadata);
    // Every list_tasks result becomes a task-list widget here (turn-bridge), so answers need not spell lists out.
    const ctx: ChatKitContext = { ...given, ...(timeZone ? { timeZone } : {}), listsShown: true };
    switch (req.type) {
      case 'threads.create': {
        const turn = await this.turns.startNewThread(userId, this.message(req.params.input), ctx);
        return this.stream(
          this.answer(turn, userId, ctx, {
            before: [
              { type: 'thread.created', thread: serializeThread(turn.thread) },
              { type: 'thread.item.done', item: serializeItem(turn.userItem) },
            ],
          }),
        );
      }
      case 'threads.add_user_message': {
        const { thread_id, input } = req.params;
        const turn = await this.turns.startInThread(userId, thread_id, this.message(input), ctx);
        return this.stream(
          this.answer(turn, userId, ctx, {
            before: [{ type: 'thread.item.done', item: serializeItem(turn.userItem) }],
          }),
        );
      }
      case 'threads.retry_after_item': {
        const turn = await this.turns.startRetry(userId, req.params.thread_id, req.params.item_id, ctx);
        return this.stream(this.answer(turn, userId, ctx));
      }
      case 'threads.add_client_tool_output':
        return this.stream(await this.clientToolOutput(userId, req.params, ctx));
      case 'threads.add_structured_input':
        return this.stream(await this.structuredInput(userId, req.params, ctx));
      case 'threads.custom_action': {
        const prepared = await this.actions.prepare(userId, req.params);
        return this.stream(this.customAction(userId, prepared, ctx));
      }
      case 'threads.sync_custom_action': {
        const prepared = await this.actions.prepare(userId, req.params);
        if (prepared.kind === 'not_widget')
          throw new DomainError('invalid_input', `Item ${req.params.item_id} is not a widget.`);
        const { updated } = await this.actions.perform(userId, prepared, ctx);
        return this.json(updated ? { updated_item: serializeItem(updated) } : {});
      }
      case 'threads.get_by_id': {
        const thread = await this.store.getThread(userId, req.params.thread_id);
        const items = await this.store.listItems(userId, thread.id, { limit: PAGE_DEFAULT, order: 'asc' });
        return this.json(serializeThread(thread, items));
      }
      case 'threads.list': {
        const page = await this.store.listThreads(userId, req.params);
        return this.json(serializePage(page, (t) => serializeThread(t)));
      }
      case 'threads.update':
        return this.json(
          serializeThread(await this.store.renameThread(userId, req.params.thread_id, req.params.title)),
        );
      case 'threads.delete':
        await this.store.deleteThread(userId, req.params.thread_id);
        return this.json({});
      case 'items.list': {
        const { thread_id, ...page } = req.params;
        await this.store.getThread(userId, thread_id); // a missing thread is 404, not an empty page
        return this.json(serializePage(await this.store.listItems(userId, thread_id, page), serializeItem));
      }
      case 'items.feedback':
        await this.store.setFeedback(userId, req.params.thread_id, req.params.item_ids, req.params.kind);
        return this.json({});
      case 'attachments.create':
      case 'attachments.delete':
        throw new DomainError('not_supported', NO_ATTACHMENTS);
      case 'input.transcribe':
        return this.json(await this.transcription.transcribe(req.params.audio_base64, req.params.mime_type));
    }
  }

  private message(input: UserMessageInput) {
    if (input.attachments?.length) throw new DomainError('not_supported', NO_ATTACHMENTS);
    return toUserMessage(input);
  }

  /** The request's own items (`before`), `stream_options`, what the request changed (`after`), then the turn. */
  private async *answer(
    turn: Turn,
    userId: string,
    ctx: ChatKitContext,
    extra: { before?: ChatKitEvent[]; after?: ChatKitEvent[] } = {},
  ): AsyncGenerator<ChatKitEvent> {
    yield* extra.before ?? [];
    yield STREAM_OPTIONS;
    yield* extra.after ?? [];
    const bridge = new TurnEventBridge(this.store, userId, turn.thread.id, messagesFor(ctx.language));
    yield* bridge.translate(turn.events(ctx.signal));
  }

  private async clientToolOutput(
    userId: string,
    params: ChatKitRequestOf<'threads.add_client_tool_output'>['params'],
    ctx: ChatKitContext,
  ): Promise<AsyncIterable<ChatKitEvent>> {
    const { turn } = await this.turns.startContinuation(
      userId,
      params.thread_id,
      async () => {
        const call = await this.store.newestItem(userId, params.thread_id);
        if (call?.type !== 'client_tool_call' || call.payload.status !== 'pending')
          throw conflict(
            'This thread has no pending client tool call: there is nothing to add an output to.',
          );
        await this.store.replaceItem(userId, call, {
          ...call.payload,
          status: 'completed',
          // A null result has no wire form: optional keys are omitted, never null (§1.5).
          ...(params.result !== null ? { output: params.result } : {}),
        });
        await this.store.deletePendingClientToolCalls(userId, params.thread_id, call.id);
      },
      ctx,
    );
    return this.answer(turn, userId, ctx);
  }

  private async structuredInput(
    userId: string,
    params: ChatKitRequestOf<'threads.add_structured_input'>['params'],
    ctx: ChatKitContext,
  ): Promise<AsyncIterable<ChatKitEvent>> {
    const { turn, prepared: replaced } = await this.turns.startContinuation(
      userId,
      params.thread_id,
      async () => {
        const item = await this.store.getItem(userId, params.thread_id, params.item_id);
        if (item.type !== 'structured_input' || item.payload.status !== 'pending')
          throw conflict(`Item ${params.item_id} is not a structured input waiting for answers.`);
        return this.store.replaceItem(userId, item, answered(item, params.input));
      },
      ctx,
    );
    return this.answer(turn, userId, ctx, {
      after: [{ type: 'thread.item.replaced', item: serializeItem(replaced) }],
    });
  }

  private async *customAction(
    userId: string,
    prepared: PreparedAction,
    ctx: ChatKitContext,
  ): AsyncGenerator<ChatKitEvent> {
    if (prepared.kind === 'not_widget') {
      // The protocol's answer for a sender that is not a widget: this one event, nothing else.
      yield { type: 'error', code: 'stream.error', allow_retry: false };
      return;
    }
    yield STREAM_OPTIONS;
    const outcome: ActionOutcome = await this.actions.perform(userId, prepared, ctx);
    if (outcome.updated) yield { type: 'thread.item.replaced', item: serializeItem(outcome.updated) };
    if (outcome.changes.length)
      yield { type: 'client_effect', name: TASKS_CHANGED_EFFECT, data: { changes: outcome.changes } };
    if (outcome.notice) yield { type: 'notice', level: 'warning', message: outcome.notice };
  }

  private json(body: object): ChatKitResult {
    return { kind: 'json', body };
  }

  /** Any failure inside a started stream ends it with a retryable protocol error, never a broken response. */
  private stream(events: AsyncIterable<ChatKitEvent>): ChatKitResult {
    const logger = this.logger;
    return {
      kind: 'stream',
      events: (async function* () {
        try {
          yield* events;
        } catch (err) {
          logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
          yield { type: 'error', code: 'stream.error', allow_retry: true } satisfies ChatKitEvent;
        }
      })(),
    };
  }
}
