import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { freePort } from '@todo-assistant/testing';

export interface HostedFile {
  body: string;
  type?: string;
  headers?: Record<string, string>;
  /** Answer with this status instead of 200 (e.g. a script that fails to load). */
  status?: number;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
};

/** The widget's script-tag build, for pages that host the widget's files themselves. */
const WIDGET_BUILD = join(__dirname, '../../dist/embed');

/**
 * A third-party site on an origin of its own (`http://localhost:<port>`, while the backend is on 127.0.0.1):
 * serves the given pages, and the widget's build under /self-hosted/ for pages that serve it from 'self'.
 */
export class HostSite {
  private server?: Server;
  url = '';
  readonly files = new Map<string, HostedFile>();
  /** Routes of the site's own server (e.g. one that signs host tokens for its signed-in user). */
  readonly routes = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
  /** Every path requested, in order. */
  readonly requests: string[] = [];

  async start(): Promise<void> {
    const port = await freePort();
    this.url = `http://localhost:${port}`;
    this.server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', this.url).pathname;
      this.requests.push(path);
      const route = this.routes.get(path);
      if (route) {
        route(req, res);
        return;
      }
      const file = this.files.get(path);
      if (file) {
        res.writeHead(file.status ?? 200, {
          'content-type': file.type ?? TYPES[extname(path)] ?? 'text/plain',
          'cache-control': 'no-store',
          ...file.headers,
        });
        res.end(file.body);
        return;
      }
      if (path.startsWith('/self-hosted/')) {
        const rel = normalize(path.slice('/self-hosted/'.length)).replace(/^(\.\.[/\\])+/, '');
        try {
          const body = readFileSync(join(WIDGET_BUILD, rel));
          res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' });
          res.end(body);
          return;
        } catch {
          /* fall through to 404 */
        }
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
  }

  page(path: string, body: string, headers: Record<string, string> = {}): string {
    this.files.set(path, { body, type: TYPES['.html'], headers });
    return `${this.url}${path}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
