import { Injectable, Logger } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '../common/domain-error';
import { ConversationStore } from '../conversations/conversation-store.service';
import { assistantMessageText, ItemPayloads } from '../conversations/thread-item';
import type { FailureCode } from '../i18n/catalog';
import { messagesFor } from '../i18n/messages';
import { ChatTurnService, Turn, TurnOptions } from './chat-turn.service';
import {
  ChatReplyView,
  ConversationPage,
  DeletedConversationView,
  MessagePage,
  toConversationView,
  toMessageView,
  toolOutputValue,
  toPageView,
  ToolCallView,
} from './chat.views';
import {
  CONVERSATION_PAGE_DEFAULT,
  ChatRequestDto,
  ListConversationsQueryDto,
  ListMessagesQueryDto,
} from './dto/chat.dto';
import type { SseFrame } from './sse';
import { TurnEvent } from './turn-events';

const MESSAGE_TYPES = ['user_message', 'assistant_message'] as const;

/** The REST error code of a failed turn (all 503): the cause's own when the user is told it, else the generic one. */
const FAILURE_CODE: Readonly<Record<FailureCode, DomainErrorCode>> = {
  max_turns: 'max_turns',
  model_busy: 'model_busy',
  model_refused: 'model_refused',
  model_unreachable: 'model_unreachable',
  model_timeout: 'model_timeout',
  model_invalid_response: 'model_invalid_response',
  model_error: 'service_unavailable',
  tool_error: 'service_unavailable',
  internal: 'service_unavailable',
};

function userMessage(text: string): ItemPayloads['user_message'] {
  return { content: [{ type: 'input_text', text }], attachments: [], inference_options: {} };
}

/** What a REST client gets back from a turn, gathered from its events. */
class ReplyCollector {
  private readonly texts: string[] = [];
  private readonly toolCalls: ToolCallView[] = [];
  failure?: Extract<TurnEvent, { type: 'failed' }>;

  constructor(private readonly conversationId: string) {}

  add(ev: TurnEvent): ToolCallView | undefined {
    if (ev.type === 'assistant_message') this.texts.push(assistantMessageText(ev.item.payload));
    if (ev.type === 'failed') this.failure = ev;
    if (ev.type !== 'tool_finished') return undefined;
    const call = { name: ev.name, arguments: ev.arguments, output: toolOutputValue(ev.output, ev.isError) };
    this.toolCalls.push(call);
    return call;
  }

  view(): ChatReplyView {
    return {
      conversation_id: this.conversationId,
      response: this.texts.join('\n\n'),
      tool_calls: this.toolCalls,
    };
  }
}

/**
 * The seed's REST chat on the ChatKit store: a conversation is a thread, a message is a thread item.
 * Turns are ordered by ChatTurnService; this service only shapes their events for REST clients.
 */
@Injectable()
export class ChatService {
  private readonly logger = new Logger('Chat');

  constructor(
    private readonly turns: ChatTurnService,
    private readonly store: ConversationStore,
  ) {}

  /**
   * One turn, answered when it is complete. A failed run is a 503 whose code and message say the cause (the user
   * message stays stored).
   */
  async reply(
    userId: string,
    dto: ChatRequestDto,
    signal: AbortSignal,
    opts: TurnOptions,
  ): Promise<ChatReplyView> {
    const turn = await this.start(userId, dto, opts);
    const reply = new ReplyCollector(turn.thread.id);
    for await (const ev of turn.events(signal)) reply.add(ev);
    if (reply.failure) throw new DomainError(FAILURE_CODE[reply.failure.code], reply.failure.message);
    return reply.view();
  }

  /**
   * One turn as Server-Sent Events (pre-checks run before this resolves, so they answer as JSON errors):
   * `conversation` → (`delta` | `tool_call` | `tool_result` | `tasks_changed`)* → `done` or `error`.
   */
  async stream(
    userId: string,
    dto: ChatRequestDto,
    signal: AbortSignal,
    opts: TurnOptions,
  ): Promise<AsyncIterable<SseFrame>> {
    const turn = await this.start(userId, dto, opts);
    return this.frames(turn, signal, opts);
  }

  async conversations(userId: string, query: ListConversationsQueryDto): Promise<ConversationPage> {
    const page = await this.store.listThreads(userId, {
      limit: query.limit ?? CONVERSATION_PAGE_DEFAULT,
      order: 'desc',
      after: query.cursor,
    });
    return toPageView(page, toConversationView);
  }

  async messages(userId: string, conversationId: string, query: ListMessagesQueryDto): Promise<MessagePage> {
    await this.store.getThread(userId, conversationId); // 404 for a missing or foreign conversation
    const page = await this.store.listItems(
      userId,
      conversationId,
      { limit: query.limit ?? CONVERSATION_PAGE_DEFAULT, order: query.order ?? 'asc', after: query.cursor },
      MESSAGE_TYPES,
    );
    return toPageView(page, toMessageView);
  }

  async delete(userId: string, conversationId: string): Promise<DeletedConversationView> {
    await this.store.deleteThread(userId, conversationId);
    return { conversation_id: conversationId, status: 'deleted' };
  }

  private start(userId: string, dto: ChatRequestDto, given: TurnOptions): Promise<Turn> {
    const message = userMessage(dto.message);
    const opts: TurnOptions = dto.timezone ? { ...given, timeZone: dto.timezone } : given;
    return dto.conversation_id
      ? this.turns.startInThread(userId, dto.conversation_id, message, opts)
      : this.turns.startNewThread(userId, message, opts);
  }

  private async *frames(turn: Turn, signal: AbortSignal, opts: TurnOptions): AsyncGenerator<SseFrame> {
    const reply = new ReplyCollector(turn.thread.id);
    yield { event: 'conversation', data: { conversation_id: turn.thread.id } };
    try {
      for await (const ev of turn.events(signal)) {
        const call = reply.add(ev);
        if (ev.type === 'text_delta')
          yield { event: 'delta', data: { message_id: ev.itemId, text: ev.delta } };
        else if (ev.type === 'tool_started')
          yield { event: 'tool_call', data: { name: ev.name, arguments: ev.arguments } };
        else if (call) yield { event: 'tool_result', data: call };
        else if (ev.type === 'tasks_changed') yield { event: 'tasks_changed', data: { changes: ev.changes } };
        else if (ev.type === 'failed')
          yield { event: 'error', data: { code: ev.code, message: ev.message, retryable: ev.retryable } };
      }
    } catch (err) {
      this.logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      yield {
        event: 'error',
        data: { code: 'internal', message: messagesFor(opts.language).failure.internal, retryable: true },
      };
      return;
    }
    if (!reply.failure) yield { event: 'done', data: reply.view() };
  }
}
