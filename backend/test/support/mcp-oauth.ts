import { createServer, Server } from 'node:http';
import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from '@modelcontextprotocol/sdk/shared/auth.js';

/** A loopback redirect receiver (what a desktop MCP client listens on): resolves with what the browser brought. */
export class LoopbackRedirect {
  private server: Server | null = null;
  private waiting: Array<(q: URLSearchParams) => void> = [];
  readonly received: URLSearchParams[] = [];
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const query = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
      this.received.push(query);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('You can close this window.');
      this.waiting.shift()?.(query);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const addr = this.server.address();
    this.url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/callback`;
  }

  /** The next redirect's query (code, state, iss — or error). */
  next(): Promise<URLSearchParams> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/**
 * The MCP SDK's OAuthClientProvider, in memory, as a desktop client implements it: dynamic registration, or a
 * Client ID Metadata Document when `clientMetadataUrl` is given. `redirectToAuthorization` hands the URL to
 * `onAuthorize` (the "browser").
 */
export class MemoryOAuthProvider implements OAuthClientProvider {
  client?: OAuthClientInformationMixed;
  savedTokens?: OAuthTokens;
  verifier = '';
  discovery?: unknown;
  authorizations: URL[] = [];

  constructor(
    private readonly redirect: string,
    private readonly onAuthorize: (url: URL) => void | Promise<void>,
    readonly clientMetadataUrl?: string,
    private readonly name = 'Test MCP client',
  ) {}

  get redirectUrl(): string {
    return this.redirect;
  }

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: this.name,
      redirect_uris: [this.redirect],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }

  state(): string {
    return `state-${Math.random().toString(36).slice(2)}`;
  }
  clientInformation() {
    return this.client;
  }
  saveClientInformation(info: OAuthClientInformationMixed): void {
    this.client = info;
  }
  tokens() {
    return this.savedTokens;
  }
  saveTokens(tokens: OAuthTokens): void {
    this.savedTokens = tokens;
  }
  saveCodeVerifier(verifier: string): void {
    this.verifier = verifier;
  }
  codeVerifier(): string {
    return this.verifier;
  }
  saveDiscoveryState(state: unknown): void {
    this.discovery = state;
  }
  discoveryState() {
    return this.discovery as never;
  }
  invalidateCredentials(scope: 'all' | 'client' | 'tokens' | 'verifier' | 'discovery'): void {
    if (scope === 'all' || scope === 'client') this.client = undefined;
    if (scope === 'all' || scope === 'tokens') this.savedTokens = undefined;
  }
  async redirectToAuthorization(url: URL): Promise<void> {
    this.authorizations.push(url);
    await this.onAuthorize(url);
  }
}

/** What the sign-in and consent pages do, over HTTP with a cookie jar: a person in a browser, without one. */
export class HttpUser {
  private readonly jar = new Map<string, string>();

  constructor(
    private readonly baseUrl: string,
    readonly email: string,
    readonly password: string,
  ) {}

  private cookies(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      this.jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  }

  /** POST to better-auth as the pages do (same origin, JSON). */
  async post(path: string, body: Record<string, unknown>): Promise<{ status: number; body: any }> {
    const res = await fetch(`${this.baseUrl}/api/auth${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        origin: this.baseUrl,
        cookie: this.cookies(),
      },
      body: JSON.stringify(body),
    });
    this.keep(res);
    return { status: res.status, body: await res.json().catch(() => ({})) };
  }

  /** The pages the last `authorize` showed, in order (`/oauth/login`, `/oauth/consent`). */
  pages: string[] = [];

  /**
   * Opens the authorize URL and goes through sign-in (when not signed in) and the consent page, answering it
   * with `accept` (and `scope`, what the user allows, when given, as the consent page may send); resolves with
   * where the browser was sent last (the client's redirect URI), which it opens.
   */
  async authorize(url: URL, accept = true, scope?: string): Promise<URL> {
    this.pages = [];
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: this.cookies() } });
    this.keep(res);
    // Node's fetch announces itself as a CORS request: better-auth answers JSON `{ url }` where a browser gets a 302.
    let next = new URL(
      res.headers.get('location') ?? ((await res.json()) as { url: string }).url,
      this.baseUrl,
    );
    if (next.pathname === '/oauth/login') {
      this.pages.push(next.pathname);
      const signedIn = await this.post('/sign-in/email', {
        email: this.email,
        password: this.password,
        oauth_query: next.search.slice(1),
      });
      if (signedIn.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(signedIn.body)}`);
      next = new URL(signedIn.body.url as string, this.baseUrl);
    }
    if (next.pathname === '/oauth/consent') {
      this.pages.push(next.pathname);
      const answered = await this.post('/oauth2/consent', {
        accept,
        ...(scope !== undefined ? { scope } : {}),
        oauth_query: next.search.slice(1),
      });
      if (answered.status !== 200) throw new Error(`consent failed: ${JSON.stringify(answered.body)}`);
      next = new URL(answered.body.url as string, this.baseUrl);
    }
    await fetch(next);
    return next;
  }
}
