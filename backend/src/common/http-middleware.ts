import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { isUtf8 } from 'node:buffer';
import { toErrorResponse } from './http-exception.filter';
import { HttpException } from '@nestjs/common';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** A request that carries a body must say it is JSON; anything else is 415 before it is parsed. */
export function requireJsonBody(req: Request, res: Response, next: NextFunction): void {
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  // /mcp is left to the MCP SDK, which answers in JSON-RPC.
  if (
    BODY_METHODS.has(req.method) &&
    hasBody &&
    req.path !== '/mcp' &&
    !req.is(['application/json', 'application/*+json'])
  ) {
    res.status(415).json({
      error: {
        code: 'unsupported_media_type',
        message: 'Send the body as Content-Type: application/json.',
      },
    });
    return;
  }
  next();
}

/** express.json `verify`: a body that is not valid UTF-8 is rejected (the parser would silently replace bytes). */
export function rejectInvalidUtf8(_req: unknown, _res: unknown, buf: Buffer): void {
  if (!isUtf8(buf))
    throw Object.assign(new Error('The body is not valid UTF-8.'), { status: 400, type: 'charset.invalid' });
}

interface BodyParserError {
  type?: string;
  status?: number;
  message?: string;
}

/** Errors of the JSON body parser (bad JSON, too large, bad charset) in the API's error shape. */
export function bodyParserErrors(err: unknown, req: Request, res: Response, next: NextFunction): void {
  const e = err as BodyParserError;
  if (!e || typeof e.status !== 'number' || res.headersSent) return next(err);
  const messages: Record<string, string> = {
    'entity.parse.failed': 'The body is not valid JSON.',
    'entity.too.large': 'The body is too large.',
    'charset.unsupported': 'The body must be UTF-8 JSON.',
    'charset.invalid': 'The body is not valid UTF-8.',
    'encoding.unsupported': 'The body encoding is not supported.',
  };
  if (req.path === '/mcp') {
    // MCP clients expect JSON-RPC errors: -32700 is "parse error".
    res.status(e.status).json({
      jsonrpc: '2.0',
      error: { code: -32700, message: `Parse error: ${e.message ?? 'invalid body'}` },
      id: null,
    });
    return;
  }
  const { status, body } = toErrorResponse(
    new HttpException(messages[e.type ?? ''] ?? e.message ?? 'Bad request', e.status),
  );
  res.status(status).json(body);
}

/** One structured line per request, after it ends. */
export function requestLogger(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      logger.log({
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
      });
    });
    next();
  };
}
