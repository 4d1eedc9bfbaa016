import { ArgumentsHost, Catch, ExceptionFilter, Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '../common/domain-error';
import { toErrorResponse } from '../common/http-exception.filter';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Sql } from '../database/sql.service';
import { languageFor } from '../i18n/language';
import { messagesFor } from '../i18n/messages';

/** The window's length, the second parameter of RATE_WINDOW_CTE. */
export const RATE_WINDOW_SECONDS = 60;

/**
 * Counts one turn for the user `$1` in their window of `$2` seconds (a new window once it has passed), as the CTE
 * `rate (turns, wait)`: the count in the window, and the seconds until it ends. One upsert on the user's row:
 * its lock makes the count exact under concurrent bursts and the same on every backend instance. Statements
 * that start a turn begin with it, so the count and what the turn stores commit together.
 */
export const RATE_WINDOW_CTE = `rate AS (
  INSERT INTO chat_rate_windows AS w (user_id, window_start, turns) VALUES ($1, now(), 1)
  ON CONFLICT (user_id) DO UPDATE SET
    window_start = CASE WHEN w.window_start <= now() - make_interval(secs => $2) THEN now() ELSE w.window_start END,
    turns = CASE WHEN w.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE w.turns + 1 END
  RETURNING turns, extract(epoch FROM window_start + make_interval(secs => $2) - now()) AS wait
)`;

/** What RATE_WINDOW_CTE answered. */
export interface RateWindow {
  turns: number;
  wait: string | number;
}

export class ChatRateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', messagesFor('en').rateLimited(retryAfterSeconds));
  }
}

/**
 * Per-user limit on chat turns (`CHAT_RATE_LIMIT_PER_MINUTE`, or the turn's site's own): a one-minute window per user, counted in
 * PostgreSQL (RATE_WINDOW_CTE), with nothing kept in memory. Every turn that would run the model counts — new
 * messages, retries and continuations — including refused attempts, which cannot extend the window.
 */
@Injectable()
export class ChatRateLimiter {
  constructor(
    private readonly sql: Sql,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts a turn on its own (retries and continuations; new messages count in the statement storing them). */
  async assertAllowed(userId: string, limit: number): Promise<void> {
    const [window] = await this.sql.rows<RateWindow>(`WITH ${RATE_WINDOW_CTE} SELECT turns, wait FROM rate`, [
      userId,
      RATE_WINDOW_SECONDS,
    ]);
    this.check(window, limit);
  }

  /** Refuses a turn beyond the limit (429 with the seconds until its window ends). */
  check({ turns, wait }: RateWindow, limit: number): void {
    if (turns > limit) throw new ChatRateLimitedError(Math.max(1, Math.ceil(Number(wait))));
  }

  /** Turns per minute for a turn of this site (its `chat_rate_limit`), else CHAT_RATE_LIMIT_PER_MINUTE. */
  limitFor(site: { chatRateLimitPerMinute: number } | undefined): number {
    return site?.chatRateLimitPerMinute ?? this.config.chatRateLimitPerMinute;
  }
}

/**
 * 429 in the API's error shape, with `Retry-After` (the global filter knows no headers), its message in the
 * language of the request's Accept-Language (a chat shows it to the user).
 */
@Catch(ChatRateLimitedError)
export class ChatRateLimitFilter implements ExceptionFilter<ChatRateLimitedError> {
  catch(exception: ChatRateLimitedError, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    if (res.headersSent) {
      if (!res.writableEnded) res.end();
      return;
    }
    const { status, body } = toErrorResponse(exception);
    const language = languageFor(http.getRequest<Request>().headers['accept-language']);
    body.error.message = messagesFor(language).rateLimited(exception.retryAfterSeconds);
    res.setHeader('Retry-After', String(exception.retryAfterSeconds));
    res.status(status).json(body);
  }
}
