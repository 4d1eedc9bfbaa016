// The demo host site: static pages of a fictional company, served from their own origin (DEMO_PORT, default
// 8080) while the assistant's backend lives on another. `%API_URL%` in pages and scripts becomes the backend's URL.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const PUBLIC = fileURLToPath(new URL('./public/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The policy of strict-csp.html: nothing inline, scripts from the site and the API, connections to the API only. */
export function strictPolicy(apiUrl) {
  const api = new URL(apiUrl).origin;
  return [
    "default-src 'none'",
    `script-src 'self' ${api}`,
    "style-src 'self'",
    `connect-src ${api}`,
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Serves the demo on `port` (0 = any free port) for the backend at `apiUrl`; resolves to the server and its URL. */
export async function startDemoServer({ port, apiUrl, host = '0.0.0.0' }) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://demo');
    const path = url.pathname === '/' ? '/index.html' : url.pathname;
    const file = join(PUBLIC, normalize(path).replace(/^(\.\.[/\\])+/, ''));
    const type = TYPES[extname(file)];
    if (!file.startsWith(PUBLIC) || !type || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    let body;
    try {
      body = await readFile(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    if (type.startsWith('text/html') || type.startsWith('text/javascript')) {
      body = body.toString('utf8').replaceAll('%API_URL%', apiUrl);
    }
    const headers = { 'content-type': type, 'cache-control': 'no-cache' };
    if (path === '/strict-csp.html') headers['content-security-policy'] = strictPolicy(apiUrl);
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: actual } = server.address();
  return { server, url: `http://localhost:${actual}` };
}

// `node server.mjs`: DEMO_PORT and the backend's PUBLIC_URL (or PORT) from the environment.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const apiUrl = (process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(
    /\/+$/,
    '',
  );
  const { url } = await startDemoServer({ port: Number(process.env.DEMO_PORT ?? 8080), apiUrl });
  console.log(`demo site on ${url} (assistant backend: ${apiUrl})`);
}
