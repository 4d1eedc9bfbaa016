import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cors from 'cors';
import type { RequestHandler } from 'express';
import { AppModule } from './app.module';
import { Auth, AUTH } from './auth/auth.instance';
import { mountAuth } from './auth/auth.mount';
import { bodyParserErrors, jsonBodyParser, requestLogger, requireJsonBody } from './common/http-middleware';
import { jsonLogger, logs } from './common/json-logger';
import { AppConfig } from './config/app-config';
import { DatabaseEndpoint } from './database/database-endpoint';
import { McpServerFactory } from './mcp/mcp-server.factory';
import { McpTokenVerifier } from './mcp/mcp-token.verifier';
import { mountMcp } from './mcp/mcp.mount';
import { OriginPolicy, originRefusal } from './origins/origin-policy';
import { SiteAccess } from './sites/site-access';
import { mountConsole } from './console/console-assets';
import { mountOAuthPages } from './oauth/oauth-pages';
import { mountWidgetAssets } from './widget/widget-assets';

/**
 * What browser-based MCP clients (MCP Inspector…) call from pages of their own: discovery, client registration,
 * the token and revocation endpoints and /mcp itself. Bearer tokens only, never cookies: any origin.
 */
const OPEN_PATHS = /^\/(\.well-known\/|mcp$|api\/auth\/oauth2\/(register|token|revoke)$)/;

/**
 * CORS for embedding sites: only allowed origins get a grant. A refused preflight answers 403 with the reason
 * instead of a silent 204: the page cannot read it (it learns why from GET /api/origin-check), but the site
 * owner sees it in the browser's network panel and in curl. The paths MCP clients use are open to any origin,
 * without credentials.
 */
export function corsMiddleware(policy: OriginPolicy): RequestHandler {
  const grant = cors({
    origin: (origin, done) => done(null, origin !== undefined && policy.allows(origin)),
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept', 'Accept-Language', 'mcp-protocol-version'],
    exposedHeaders: ['set-auth-token', 'set-auth-jwt', 'Retry-After', 'WWW-Authenticate'],
    maxAge: 600,
  });
  const open = cors({
    origin: true,
    credentials: false,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept', 'mcp-protocol-version', 'mcp-session-id'],
    exposedHeaders: ['WWW-Authenticate', 'mcp-session-id'],
    maxAge: 600,
  });
  return (req, res, next) => {
    if (OPEN_PATHS.test(req.path)) return open(req, res, next);
    const origin = req.headers.origin;
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (preflight && origin !== undefined && !policy.allows(origin)) {
      res.status(403).json({ error: { code: 'origin_not_allowed', message: originRefusal(origin) } });
      return;
    }
    grant(req, res, next);
  };
}

/**
 * Builds the whole HTTP app (not listening). Order matters: CORS, then the one JSON parser (better-auth reads the
 * body it parsed, so its routes get the same size and nesting limits), then better-auth, then the content-type
 * gate of the API, MCP and Nest's routes.
 */
export async function createApp(config: AppConfig, db: DatabaseEndpoint): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, db), {
    bodyParser: false,
    logger: jsonLogger(config),
  });
  const http = app.getHttpAdapter().getInstance();
  http.disable('x-powered-by');
  app.use(corsMiddleware(app.get(OriginPolicy)));
  mountWidgetAssets(http, config.widgetDir);
  mountOAuthPages(http);
  mountConsole(http, config.consoleDir);
  if (logs(config, 'log')) app.use(requestLogger(new Logger('HTTP')));
  // ChatKit's dictation sends a recording in base64 (4/3 of its bytes): that route alone takes one that large.
  if (config.transcription)
    app.use(
      '/api/chatkit',
      jsonBodyParser(String(Math.ceil((config.transcription.maxBytes * 4) / 3) + 64 * 1024)),
    );
  app.use(jsonBodyParser(config.bodyLimit));
  app.use(bodyParserErrors);
  mountAuth(http, app.get<Auth>(AUTH));
  app.use(requireJsonBody);
  mountMcp(
    http,
    app.get(McpServerFactory),
    app.get(McpTokenVerifier),
    app.get(SiteAccess),
    `${config.publicUrl}/.well-known/oauth-protected-resource/mcp`,
  );

  const docs = new DocumentBuilder()
    .setTitle('Todo Assistant API')
    .setDescription(
      'Tasks, chat and ChatKit endpoints. Get a JWT from /api/auth/token and send it as a bearer token.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, docs));

  await app.init();
  return app;
}
