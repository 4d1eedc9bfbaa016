import { ArgumentsHost, Catch, ExceptionFilter, Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '../common/domain-error';
import { toErrorResponse } from '../common/http-exception.filter';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

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
 * Per-user limit on chat turns (`CHAT_RATE_LIMIT_PER_MINUTE`): a one-minute window per user, counted by a
 * single upsert on its row. The row lock makes the count exact under concurrent bursts and the same on every
 * backend instance, with nothing kept in memory. Every turn that would run the model counts — new messages,
 * retries and continuations — including refused attempts, which cannot extend the window.
 */
@Injectable()
export class ChatRateLimiter {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertAllowed(userId: string): Promise<void> {
    const rows = await this.db.query<Array<{ turns: number; wait: string }>>(
      `INSERT INTO chat_rate_windows AS w (user_id, window_start, turns) VALUES ($1, now(), 1)
       ON CONFLICT (user_id) DO UPDATE SET
         window_start = CASE WHEN w.window_start <= now() - make_interval(secs => $2) THEN now() ELSE w.window_start END,
         turns = CASE WHEN w.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE w.turns + 1 END
       RETURNING turns, extract(epoch FROM window_start + make_interval(secs => $2) - now()) AS wait`,
      [userId, WINDOW_SECONDS],
    );
    const { turns, wait } = rows[0];
    if (turns > this.config.chatRateLimitPerMinute)
      throw new ChatRateLimitedError(Math.max(1, Math.ceil(Number(wait))));
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
