import { HttpException, Logger } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { isUtf8 } from 'node:buffer';
import { toErrorResponse } from './http-exception.filter';
import { exceedsJsonNesting, JSON_NESTING_MAX, JSON_TOO_DEEP_MESSAGE } from './json-nesting';

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

/** Raw-body checks `express.json` runs before parsing (its `verify` hook), the one gate every JSON route uses. */
export function verifyJsonBody(_req: unknown, _res: unknown, buf: Buffer, encoding: string): void {
  // Only UTF-8 is read: the checks below look at the bytes the parser will decode.
  if (encoding !== 'utf-8' && encoding !== 'utf8')
    throw Object.assign(new Error('The body must be UTF-8 JSON.'), {
      status: 415,
      type: 'charset.unsupported',
    });
  // The parser would silently replace invalid bytes.
  if (!isUtf8(buf))
    throw Object.assign(new Error('The body is not valid UTF-8.'), { status: 400, type: 'charset.invalid' });
  if (exceedsJsonNesting(buf, JSON_NESTING_MAX))
    throw Object.assign(new Error(JSON_TOO_DEEP_MESSAGE), { status: 400, type: 'entity.too.deep' });
}

/**
 * The one JSON body parser, for every route: better-auth's /api/auth/* (which then reads the parsed body), the
 * REST API, ChatKit and /mcp. Bodies are bounded in size and nesting before anything walks them.
 */
export function jsonBodyParser(limit: string) {
  return express.json({ limit, type: ['application/json', 'application/*+json'], verify: verifyJsonBody });
}

interface BodyParserError {
  type?: string;
  status?: number;
  message?: string;
}

const BODY_ERROR_MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'The body is not valid JSON.',
  'entity.too.large': 'The body is too large.',
  'entity.too.deep': JSON_TOO_DEEP_MESSAGE,
  'charset.unsupported': 'The body must be UTF-8 JSON.',
  'charset.invalid': 'The body is not valid UTF-8.',
  'encoding.unsupported': 'The body encoding is not supported.',
};

/** better-auth's error codes are HTTP status names (`{ code, message }` at the top level). */
const AUTH_ERROR_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/**
 * Errors of the JSON body parser (bad JSON, too large, too deep, bad charset), each in the error shape of the
 * surface it was sent to: JSON-RPC for /mcp, better-auth's for /api/auth/*, the API's everywhere else.
 */
export function bodyParserErrors(err: unknown, req: Request, res: Response, next: NextFunction): void {
  const e = err as BodyParserError;
  if (!e || typeof e.status !== 'number' || res.headersSent) return next(err);
  const message = BODY_ERROR_MESSAGES[e.type ?? ''] ?? e.message ?? 'Bad request';
  if (req.path === '/mcp') {
    // MCP clients expect JSON-RPC errors: -32700 is "parse error".
    res.status(e.status).json({
      jsonrpc: '2.0',
      error: { code: -32700, message: `Parse error: ${message}` },
      id: null,
    });
    return;
  }
  if (req.path.startsWith('/api/auth/')) {
    res.status(e.status).json({ code: AUTH_ERROR_CODES[e.status] ?? 'BAD_REQUEST', message });
    return;
  }
  const { status, body } = toErrorResponse(new HttpException(message, e.status));
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
