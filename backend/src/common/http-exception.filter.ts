import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { isDatabaseUnavailable } from '../database/database-errors';
import { DOMAIN_ERROR_STATUS, DomainError } from './domain-error';
import { isUnknownUserError, UNKNOWN_USER_MESSAGE } from './unknown-user';

export interface ErrorBody {
  error: { code: string; message: string };
}

const STATUS_CODES: Record<number, string> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'service_unavailable',
};

function messageOf(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  if (typeof message === 'string') return message;
  return exception.message;
}

/** Maps any thrown error to a status and the `{ error: { code, message } }` body. */
export function toErrorResponse(exception: unknown): { status: number; body: ErrorBody } {
  if (exception instanceof DomainError) {
    return {
      status: DOMAIN_ERROR_STATUS[exception.code],
      body: { error: { code: exception.code, message: exception.message } },
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = STATUS_CODES[status] ?? (status >= 500 ? 'internal_error' : 'http_error');
    return { status, body: { error: { code, message: messageOf(exception) } } };
  }
  if (isUnknownUserError(exception)) {
    return {
      status: HttpStatus.UNAUTHORIZED,
      body: { error: { code: 'unauthorized', message: UNKNOWN_USER_MESSAGE } },
    };
  }
  // A database outage is temporary and not the request's fault: 503, so clients know to try again.
  if (isDatabaseUnavailable(exception)) {
    return {
      status: HttpStatus.SERVICE_UNAVAILABLE,
      body: {
        error: {
          code: 'service_unavailable',
          message: 'The service is temporarily unavailable. Please try again shortly.',
        },
      },
    };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: {
      error: { code: 'internal_error', message: 'Something went wrong on our side. Please try again.' },
    },
  };
}

/** The one exception filter. Never writes to a response whose headers are already sent. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body } = toErrorResponse(exception);
    if (status >= 500)
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    if (res.headersSent) {
      if (!res.writableEnded) res.end();
      return;
    }
    res.status(status).json(body);
  }
}
