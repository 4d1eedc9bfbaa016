import { Logger } from '@nestjs/common';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Express, NextFunction, Request, Response } from 'express';
import { DomainError } from '../common/domain-error';
import { SiteAccess } from '../sites/site-access';
import { requireToolScopes } from './mcp-scopes';
import { McpServerFactory } from './mcp-server.factory';
import { McpTokenVerifier, principalOfAuthInfo } from './mcp-token.verifier';

export const MCP_PATH = '/mcp';

function jsonRpcError(res: Response, status: number, code: number, message: string): void {
  res.status(status).json({ jsonrpc: '2.0', error: { code, message }, id: null });
}

/**
 * `POST /mcp`: Streamable HTTP in stateless mode — a transport per request on a server of its own while the
 * request lasts (borrowed from the factory's idle servers), JSON responses, so any backend instance can serve
 * any call. GET (server-sent stream) and DELETE (session end) have no
 * meaning without sessions: 405.
 */
export function mountMcp(
  http: Express,
  factory: McpServerFactory,
  verifier: McpTokenVerifier,
  sites: SiteAccess,
  resourceMetadataUrl: string,
): void {
  const logger = new Logger('Mcp');
  const auth = requireBearerAuth({ verifier, resourceMetadataUrl });
  // The site rules of the REST guard, here too: a site user's token from an origin its site does not list…
  const siteRules = (req: Request & { auth?: AuthInfo }, res: Response, next: NextFunction) => {
    const user = req.auth && principalOfAuthInfo(req.auth);
    (user ? sites.check(user, req.headers.origin) : Promise.resolve()).then(
      () => next(),
      (err: unknown) => {
        if (!(err instanceof DomainError)) return next(err);
        jsonRpcError(res, err.code === 'forbidden' ? 403 : 401, -32001, err.message);
      },
    );
  };

  http.post(
    MCP_PATH,
    auth,
    siteRules,
    requireToolScopes(resourceMetadataUrl),
    async (req: Request, res: Response) => {
      const server = factory.acquire();
      const transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: undefined,
        enableJsonResponse: true,
      });
      // Closing the transport disconnects the server (it forgets the request), which can then serve another.
      res.on('close', () => void transport.close().finally(() => factory.release(server)));
      try {
        await server.connect(transport);
        await transport.handleRequest(req, res, req.body);
      } catch (err) {
        logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
        if (!res.headersSent) jsonRpcError(res, 500, -32603, 'Internal server error');
      }
    },
  );

  const notAllowed = (_req: Request, res: Response) => {
    res.setHeader('Allow', 'POST');
    jsonRpcError(
      res,
      405,
      -32000,
      'Method not allowed: this MCP server is stateless; send JSON-RPC with POST.',
    );
  };
  http.get(MCP_PATH, notAllowed);
  http.delete(MCP_PATH, notAllowed);
}
