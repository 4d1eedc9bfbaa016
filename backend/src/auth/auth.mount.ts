import type { Express, NextFunction, Request, Response } from 'express';
import { toNodeHandler } from 'better-auth/node';
import { Auth, CLIENT_IP_HEADER } from './auth.instance';

/**
 * Mounts better-auth at /api/auth/* (after the JSON parser: better-auth re-reads the parsed body, so it gets the
 * same size and nesting limits as every other route).
 * The client IP it rate-limits by comes from the socket (or Express' trusted proxy setting), never from a
 * header the client could forge.
 */
export function mountAuth(http: Express, auth: Auth): void {
  const handler = toNodeHandler(auth);
  http.all('/api/auth/{*any}', (req: Request, res: Response, next: NextFunction) => {
    req.headers[CLIENT_IP_HEADER] = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    handler(req, res).catch(next);
  });
}
