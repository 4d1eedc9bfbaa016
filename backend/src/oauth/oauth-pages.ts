import express, { type Express, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { OAUTH_CONSENT_PAGE, OAUTH_LOGIN_PAGE } from './oauth-provider.options';

/** The pages' files (backend/public/oauth), found from the sources (tests) and from dist alike. */
function pagesDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'public', 'oauth')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'public', 'oauth');
}

/** Nothing inline, nothing from elsewhere, never framed (a consent page inside another page is a clickjack). */
const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The sign-in and consent pages of MCP clients' authorization (better-auth's OAuth provider sends the browser
 * here with a signed request, which the pages hand back as they call it): served by the backend on its own origin.
 */
export function mountOAuthPages(http: Express): void {
  const dir = pagesDir();
  const secure = (res: Response) => {
    res.setHeader('Content-Security-Policy', PAGE_POLICY);
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
  };
  const page = (file: string) => (_req: Request, res: Response) => {
    secure(res);
    res.setHeader('Cache-Control', 'no-store');
    res.sendFile(join(dir, file));
  };
  http.get(OAUTH_LOGIN_PAGE, page('login.html'));
  http.get(OAUTH_CONSENT_PAGE, page('consent.html'));
  // The scripts, the stylesheet and the icon only: the pages themselves never go out without their own headers.
  const assets = express.static(dir, { index: false, maxAge: '5m', setHeaders: secure });
  http.use('/oauth/assets', (req, res, next) =>
    /\.(js|css|svg)$/.test(req.path) ? assets(req, res, next) : next(),
  );
}
