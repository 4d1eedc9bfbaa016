import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';

/** One recorded request to a stub (the parsed JSON body). */
export interface RecordedRequest<Body> {
  path: string;
  method: string;
  headers: IncomingMessage['headers'];
  body: Body;
}

/**
 * A local HTTP server on 127.0.0.1 that records every request and answers each with the next queued reply:
 * what the OpenAI stubs share. Subclasses say how a reply is written in their wire format.
 */
export abstract class LocalStub<Body, Reply> {
  readonly requests: Array<RecordedRequest<Body>> = [];
  private server: Server | null = null;
  private replies: Array<(req: RecordedRequest<Body>) => Reply> = [];
  private open = 0;
  url = '';

  /** The base path served (the client's base URL is `url`). */
  protected abstract readonly basePath: string;

  /** Writes `reply` (undefined: none was queued) to the response. */
  protected abstract answer(
    request: RecordedRequest<Body>,
    reply: Reply | undefined,
    res: ServerResponse,
  ): Promise<void> | void;

  /** Requests whose response has not closed yet (answered in full, or given up by the client). */
  get inFlight(): number {
    return this.open;
  }

  /** Queue the next replies; a function sees the request it answers. */
  reply(...replies: Array<Reply | ((req: RecordedRequest<Body>) => Reply)>): this {
    this.replies.push(
      ...replies.map((r) =>
        typeof r === 'function' ? (r as (req: RecordedRequest<Body>) => Reply) : () => r,
      ),
    );
    return this;
  }

  /** Forget queued replies and recorded requests. */
  reset(): void {
    this.replies = [];
    this.requests.length = 0;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const addr = this.server.address();
    this.url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}${this.basePath}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.open++;
    res.once('close', () => this.open--);
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const request: RecordedRequest<Body> = {
      path: req.url ?? '',
      method: req.method ?? 'GET',
      headers: req.headers,
      body: (raw ? JSON.parse(raw) : {}) as Body,
    };
    this.requests.push(request);
    await this.answer(request, this.replies.shift()?.(request), res);
  }
}
