import { ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@todo-assistant/testing';
import { ARTIFACTS } from './harness';

/** The site's one user, signed in by the site's own login (a cookie of its own, nothing of ours). */
export const SITE_USER = { id: 'u-1001', name: 'Grace Hopper', email: 'grace@acme.test' };

/**
 * A site owner's own website on an origin of its own: a tiny Express server with its own login, into which the
 * test pastes what the console gave — the script tag into its page, the Node token route into its server — and
 * whose environment holds the site secret, as a site owner's deployment would.
 */
export class OwnerSite {
  port = 0;
  url = '';
  private child?: ChildProcess;
  private output = '';
  private readonly dir = join(ARTIFACTS, `owner-site-${process.pid}-${Date.now().toString(36)}`);

  /** The origin, before the site exists in the console (it is one of the site's origins). */
  async reserve(): Promise<string> {
    this.port = await freePort();
    this.url = `http://localhost:${this.port}`;
    return this.url;
  }

  async start(o: { snippet: string; tokenRoute: string; secret: string }): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    // Inside the repository, so `express` and `jose` resolve from its node_modules, as from a site's own.
    const file = join(this.dir, 'server.mjs');
    writeFileSync(file, serverSource(o.tokenRoute, page(o.snippet)));
    await this.run(file, o.secret);
  }

  /** Deploys another secret (after a rotation): the same server, restarted with it. */
  async restart(secret: string): Promise<void> {
    await this.stop();
    await this.run(join(this.dir, 'server.mjs'), secret);
  }

  private async run(file: string, secret: string): Promise<void> {
    this.output = '';
    const child = spawn(process.execPath, [file], {
      env: { PATH: process.env.PATH ?? '', PORT: String(this.port), TODO_ASSISTANT_SECRET: secret },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the site's server exited:\n${this.output}`);
      try {
        if ((await fetch(`http://127.0.0.1:${this.port}/health`)).ok) return;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the site's server did not start:\n${this.output}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

function page(snippet: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Acme shop</title></head>
<body>
<header><strong>Acme shop</strong> <span id="who"></span></header>
<main><h1>Your orders</h1><p>Nothing on its way.</p></main>
${snippet}
</body>
</html>`;
}

function serverSource(tokenRoute: string, html: string): string {
  return `// Acme shop's server (written by the console's browser test): its own login, and what the console said to add.
import express from 'express';

const app = express();
const USERS = { ${JSON.stringify(SITE_USER.id)}: ${JSON.stringify(SITE_USER)} };
const sessionOf = (req) => /(?:^|;\\s*)acme_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];

function requireLogin(req, res, next) {
  const user = USERS[sessionOf(req)];
  if (!user) return res.status(401).type('text/plain').send('Sign in first.');
  req.user = user;
  next();
}

// ---- pasted from the console: the token route (Node) ----
${tokenRoute}
// ---- end of what was pasted ----

app.get('/login', (_req, res) => {
  res.setHeader('set-cookie', 'acme_session=${SITE_USER.id}; Path=/; HttpOnly; SameSite=Lax');
  res.redirect('/');
});
app.get('/health', (_req, res) => res.send('ok'));
app.get('/', (_req, res) => res.type('html').send(${JSON.stringify(html)}));
app.listen(Number(process.env.PORT), '127.0.0.1');
`;
}

/** A host token as a site's server signs it (HS256 with the secret, `aud` = the site): for checks by hand. */
export function hostToken(secret: string, siteId: string, sub = SITE_USER.id): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub, aud: siteId, iat: now, exp: now + 600 })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** The widget's exchange of a host token (`POST /api/sites/:id/session`) from the site's origin. */
export async function exchange(
  apiUrl: string,
  siteId: string,
  origin: string,
  token: string,
): Promise<{ status: number; message?: string }> {
  const { status, body } = await postSession(apiUrl, siteId, token, origin);
  return { status, message: body.error?.message };
}

/** An access token of the site's user (its server's host token exchanged): what their task calls carry. */
export async function siteUserToken(apiUrl: string, siteId: string, secret: string): Promise<string> {
  const { status, body } = await postSession(apiUrl, siteId, hostToken(secret, siteId));
  if (status !== 200 || !body.token) throw new Error(`session failed: ${status} ${body.error?.message}`);
  return body.token;
}

async function postSession(
  apiUrl: string,
  siteId: string,
  token: string,
  origin?: string,
): Promise<{ status: number; body: { token?: string; error?: { message?: string } } }> {
  const res = await fetch(`${apiUrl}/api/sites/${siteId}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
    body: JSON.stringify({ token }),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as { token?: string } };
}
