import type { Express, NextFunction, Request, Response } from 'express';
import { oauthProviderAuthServerMetadata } from '@better-auth/oauth-provider';
import { toNodeHandler } from 'better-auth/node';
import { originRefusal } from '../origins/origin-policy';
import { Auth, CLIENT_IP_HEADER } from './auth.instance';

/**
 * Mounts better-auth at /api/auth/* (after the JSON parser: better-auth re-reads the parsed body, so it gets the
 * same size and nesting limits as every other route).
 * The client IP it rate-limits by comes from the socket (or Express' trusted proxy setting), never from a
 * header the client could forge.
 */
export function mountAuth(http: Express, auth: Auth): void {
  // RFC 8414 metadata of /mcp's authorization server at the addresses MCP clients look for (better-auth's own
  // route serves only server code): the issuer is PUBLIC_URL, so both the root and the path-inserted form.
  const metadata = toNodeHandler(oauthProviderAuthServerMetadata(auth));
  http.get(
    ['/.well-known/oauth-authorization-server', '/.well-known/oauth-authorization-server/api/auth'],
    (req: Request, res: Response, next: NextFunction) => void metadata(req, res).catch(next),
  );
  const handler = toNodeHandler(async (request) =>
    explainOriginRefusal(request, await auth.handler(request)),
  );
  // Guests are made for a site (POST /api/sites/:siteId/guest), never bare: the anonymous plugin's own route is closed.
  http.post('/api/auth/sign-in/anonymous', (_req: Request, res: Response) => {
    res.status(404).json({
      code: 'NOT_FOUND',
      message: 'Guests start with POST /api/sites/:siteId/guest on a site that allows guests.',
    });
  });
  http.all('/api/auth/{*any}', (req: Request, res: Response, next: NextFunction) => {
    req.headers[CLIENT_IP_HEADER] = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    handler(req, res).catch(next);
  });
}

/** better-auth's refusals of the request's origin (its CSRF check on sign-up, sign-in…). */
const ORIGIN_REFUSALS = new Set(['INVALID_ORIGIN', 'MISSING_OR_NULL_ORIGIN']);

/**
 * better-auth refuses an untrusted origin with a bare "Invalid origin": the same refusal (403, same code) then
 * names the origin and the setting that allows it, for the site owner who reads it.
 */
async function explainOriginRefusal(request: globalThis.Request, response: globalThis.Response) {
  if (response.status !== 403) return response;
  const body = (await response
    .clone()
    .json()
    .catch(() => undefined)) as { code?: unknown } | undefined;
  if (typeof body?.code !== 'string' || !ORIGIN_REFUSALS.has(body.code)) return response;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new globalThis.Response(
    JSON.stringify({ code: body.code, message: originRefusal(refusedOrigin(request.headers)) }),
    { status: 403, headers },
  );
}

/** The origin better-auth judged: the Origin header, else the Referer's origin (what its check falls back to). */
function refusedOrigin(headers: Headers): string | undefined {
  const origin = headers.get('origin');
  if (origin) return origin;
  const referer = headers.get('referer');
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}
