import { ArgumentsHost, Catch, ExceptionFilter, Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '../common/domain-error';
import { toErrorResponse } from '../common/http-exception.filter';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ConversationStore } from '../conversations/conversation-store.service';

const WINDOW_SECONDS = 60;

export class ChatRateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'rate_limited',
      `Too many messages in the last minute: please wait ${retryAfterSeconds} s before sending another.`,
    );
  }
}

/**
 * Per-user limit on chat turns (`CHAT_RATE_LIMIT_PER_MINUTE`), counted from the stored user messages in a
 * sliding minute, so every backend instance enforces the same limit without shared memory.
 */
@Injectable()
export class ChatRateLimiter {
  constructor(
    private readonly store: ConversationStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertAllowed(userId: string): Promise<void> {
    const wait = await this.store.turnWaitSeconds(userId, this.config.chatRateLimitPerMinute, WINDOW_SECONDS);
    if (wait > 0) throw new ChatRateLimitedError(wait);
  }
}

/** 429 in the API's error shape, with `Retry-After` (the global filter knows no headers). */
@Catch(ChatRateLimitedError)
export class ChatRateLimitFilter implements ExceptionFilter<ChatRateLimitedError> {
  catch(exception: ChatRateLimitedError, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) {
      if (!res.writableEnded) res.end();
      return;
    }
    const { status, body } = toErrorResponse(exception);
    res.setHeader('Retry-After', String(exception.retryAfterSeconds));
    res.status(status).json(body);
  }
}
