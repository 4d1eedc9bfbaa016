import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';

/**
 * An MCP client's side of OAuth, by hand: it registers (RFC 7591), sends the browser to the authorization page,
 * where the signed-in person allows it on the consent page, and receives the code on its loopback redirect.
 * What puts an app on the console's "Connected apps" page.
 */
export class ConnectedAppClient {
  private server?: Server;
  redirectUri = '';

  async start(): Promise<void> {
    this.server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('You can close this window.');
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const addr = this.server.address();
    this.redirectUri = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/callback`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections(); // the browser's keep-alive connection too
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Registers a client named `name` and has the page's signed-in person allow it. */
  async connect(apiUrl: string, page: Page, name: string): Promise<void> {
    const registered = await fetch(`${apiUrl}/api/auth/oauth2/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_name: name,
        redirect_uris: [this.redirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'none',
      }),
    });
    if (registered.status !== 201) throw new Error(`registration failed: ${await registered.text()}`);
    const { client_id } = (await registered.json()) as { client_id: string };
    const url = new URL(`${apiUrl}/api/auth/oauth2/authorize`);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', client_id);
    url.searchParams.set('redirect_uri', this.redirectUri);
    url.searchParams.set(
      'code_challenge',
      createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url'),
    );
    url.searchParams.set('code_challenge_method', 'S256');
    url.searchParams.set('scope', 'tasks:read tasks:write offline_access');
    url.searchParams.set('resource', `${apiUrl}/mcp`);
    url.searchParams.set('state', randomBytes(6).toString('hex'));
    await page.goto(url.href);
    await page.waitForURL(/\/oauth\/consent/);
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL((u) => u.href.startsWith(this.redirectUri));
  }
}
