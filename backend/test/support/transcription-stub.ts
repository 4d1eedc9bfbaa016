import { createServer, Server } from 'node:http';

/** One recorded transcription request: the multipart form's fields and its file. */
export interface TranscriptionRequest {
  path: string;
  authorization?: string;
  model: string | null;
  file: { name: string; type: string; bytes: Buffer } | null;
}

/**
 * A local OpenAI-compatible `/audio/transcriptions` server (a local Whisper's shape): records each multipart
 * request and answers `{ text }`, or the status queued with `fail`.
 */
export class TranscriptionStub {
  readonly requests: TranscriptionRequest[] = [];
  private server: Server | null = null;
  private failures: number[] = [];
  text = 'add buy milk';
  url = '';

  /** The next requests answer these HTTP statuses. */
  fail(...statuses: number[]): this {
    this.failures.push(...statuses);
    return this;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void (async () => {
          const form = await new Request('http://stub', {
            method: 'POST',
            headers: { 'content-type': String(req.headers['content-type']) },
            body: Buffer.concat(chunks),
          }).formData();
          const file = form.get('file');
          this.requests.push({
            path: req.url ?? '',
            authorization: req.headers.authorization,
            model: typeof form.get('model') === 'string' ? (form.get('model') as string) : null,
            file:
              file instanceof File
                ? { name: file.name, type: file.type, bytes: Buffer.from(await file.arrayBuffer()) }
                : null,
          });
          const status = this.failures.shift();
          if (status) {
            res.writeHead(status, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ error: { message: 'stub failure', type: 'server_error' } }));
            return;
          }
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ text: this.text }));
        })();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const addr = this.server.address();
    this.url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/v1`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
