// The demo host site: static pages of a fictional company, served from their own origin (DEMO_PORT, default
// 8080) while the assistant's backend lives on another, and Northwind's own server: its accounts and sign-in
// (accounts.mjs) and the route that vouches for its signed-in user to the assistant (a host token signed with the
// site secret). `%API_URL%`, `%NORTHWIND_SITE%` and `%HELPDESK_SITE%` in pages and scripts are filled in.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import { NorthwindAccounts, publicUser } from './accounts.mjs';

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
    `connect-src 'self' ${api}`,
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * What Northwind's server does for the assistant, in one function: a short-lived JWT about its signed-in user,
 * signed with the site secret (`npm run sites -- create` printed it). The assistant's backend verifies it.
 */
export function signHostToken(site, user) {
  return new SignJWT({ name: user.name, email: user.email })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.id)
    .setAudience(site.id)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(site.secret));
}

async function readJson(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) break;
  }
  try {
    return JSON.parse(body);
  } catch {
    return {};
  }
}

function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * Serves the demo on `port` (0 = any free port) for the backend at `apiUrl`; resolves to the server and its URL.
 * `northwind`: its site id and secret (the task board's host identity); `helpdesk`: the id of the help desk's site
 * (guests and accounts); `dataDir`: where Northwind keeps its accounts.
 */
export async function startDemoServer({
  port,
  apiUrl,
  host = '0.0.0.0',
  northwind = { id: 'northwind', secret: '' },
  helpdesk = { id: 'helpdesk' },
  dataDir = '.data',
}) {
  const accounts = new NorthwindAccounts(dataDir);
  const routes = {
    'POST /api/signup': async (req, res) => {
      const { user, error } = await accounts.signUp(await readJson(req));
      if (error) return json(res, 400, { error });
      json(res, 200, { user: publicUser(user) }, { 'set-cookie': accounts.startSession(user) });
    },
    'POST /api/login': async (req, res) => {
      const { user, error } = await accounts.signIn(await readJson(req));
      if (error) return json(res, 401, { error });
      json(res, 200, { user: publicUser(user) }, { 'set-cookie': accounts.startSession(user) });
    },
    'POST /api/logout': async (req, res) => json(res, 200, {}, { 'set-cookie': accounts.endSession(req) }),
    'GET /api/me': async (req, res) => {
      const user = accounts.userOf(req);
      json(res, user ? 200 : 401, user ? { user: publicUser(user) } : { error: 'Not signed in.' });
    },
    // The assistant's getToken calls this: Northwind vouches for whoever is signed in here.
    'GET /assistant-token': async (req, res) => {
      const user = accounts.userOf(req);
      if (!user) return json(res, 401, { error: 'Not signed in.' });
      if (!northwind.secret) return json(res, 503, { error: 'The Northwind site secret is not configured.' });
      res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
      res.end(await signHostToken(northwind, user));
    },
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://demo');
    const route = routes[`${req.method} ${url.pathname}`];
    if (route) {
      await route(req, res).catch(() => json(res, 500, { error: 'Something went wrong.' }));
      return;
    }
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
      body = body
        .toString('utf8')
        .replaceAll('%API_URL%', apiUrl)
        .replaceAll('%NORTHWIND_SITE%', northwind.id)
        .replaceAll('%HELPDESK_SITE%', helpdesk.id);
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

// `node server.mjs`: DEMO_PORT, the backend's PUBLIC_URL (or PORT), the sites (NORTHWIND_SITE and its
// NORTHWIND_SITE_SECRET, HELPDESK_SITE) and DEMO_DATA_DIR from the environment.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const env = process.env;
  const apiUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, '');
  const { url } = await startDemoServer({
    port: Number(env.DEMO_PORT ?? 8080),
    apiUrl,
    northwind: { id: env.NORTHWIND_SITE ?? 'northwind', secret: env.NORTHWIND_SITE_SECRET ?? '' },
    helpdesk: { id: env.HELPDESK_SITE ?? 'helpdesk' },
    dataDir: env.DEMO_DATA_DIR ?? '.data',
  });
  console.log(`demo site on ${url} (assistant backend: ${apiUrl})`);
}
