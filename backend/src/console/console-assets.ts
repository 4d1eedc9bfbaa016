import { Logger } from '@nestjs/common';
import express, { type Express, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';

/** Nothing inline, nothing from elsewhere: the console and the widget it previews come from this origin. */
const CONSOLE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The site owner console at /console/: a single page (hash routes) with content-hashed assets. Its page is
 * never cached, its assets for a year.
 */
export function mountConsole(http: Express, dir: string | undefined): void {
  const index = dir ? join(dir, 'index.html') : undefined;
  if (!index || !existsSync(index)) {
    new Logger('Console').warn(
      `the console is not built (${dir ?? 'not found'}): /console/ answers 404 until it is`,
    );
  }
  const page = (_req: Request, res: Response) => {
    res.setHeader('Content-Security-Policy', CONSOLE_POLICY);
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    if (index && existsSync(index)) res.sendFile(index);
    else res.status(404).type('text/plain').send('The console is not built: run npm run build.');
  };
  // Express matches /console and /console/ alike (non-strict routing): the page only at /console/, where its
  // relative asset URLs resolve; /console is sent there (a redirect to itself would loop).
  http.get('/console', (req, res) =>
    req.path === '/console/' ? page(req, res) : res.redirect(301, '/console/'),
  );
  if (dir)
    http.use(
      '/console',
      express.static(dir, {
        index: false,
        setHeaders: (res, path) => {
          res.setHeader('Content-Security-Policy', CONSOLE_POLICY);
          res.setHeader(
            'Cache-Control',
            path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      }),
    );
}
