import { createServer, IncomingHttpHeaders, Server } from 'node:http';

/** A site's server receiving webhooks: answers the statuses queued, then 200; records every request. */
export class WebhookReceiver {
  readonly received: Array<{ headers: IncomingHttpHeaders; body: string; at: number }> = [];
  statuses: number[] = [];
  private server: Server | null = null;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        this.received.push({ headers: req.headers, body, at: Date.now() });
        res.writeHead(this.statuses.shift() ?? 200).end();
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    const a = this.server.address();
    this.url = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/hooks`;
  }

  async until(n: number, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < n) {
      if (Date.now() > deadline) throw new Error(`${this.received.length} deliveries, waited for ${n}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  stop(): Promise<void> {
    return new Promise((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
