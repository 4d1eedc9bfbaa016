import { createServer, type Server } from 'node:http';

/** One request the transcription server got: the multipart form's model and file, and what it made of the file. */
export interface TranscriptionRequest {
  authorization?: string;
  model: string | null;
  file: { name: string; type: string; bytes: Buffer; container: AudioContainer | null } | null;
}

export type AudioContainer = 'webm' | 'ogg' | 'wav' | 'mp4';

/** The container a file's first bytes announce (what a real Whisper server's decoder would look at first). */
export function audioContainer(bytes: Buffer): AudioContainer | null {
  if (bytes.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))) return 'webm'; // EBML
  if (bytes.subarray(0, 4).toString('latin1') === 'OggS') return 'ogg';
  if (
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WAVE'
  )
    return 'wav';
  if (bytes.subarray(4, 8).toString('latin1') === 'ftyp') return 'mp4';
  return null;
}

/**
 * A local OpenAI-compatible speech-to-text server (`POST /v1/audio/transcriptions`, a local Whisper's shape):
 * answers `{ text }` for a multipart upload whose `file` is audio in a container it knows and not too short, and
 * 400 otherwise, as a real server would; `fail(…)` queues error statuses for the next requests.
 */
export class TranscriptionServer {
  readonly requests: TranscriptionRequest[] = [];
  text = 'add buy milk';
  url = '';
  private server: Server | null = null;
  private failures: number[] = [];

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
          const answer = (status: number, body: unknown) =>
            res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
          if (req.method !== 'POST' || !req.url?.endsWith('/audio/transcriptions'))
            return answer(404, { error: { message: 'not found' } });
          const form = await new Request('http://local', {
            method: 'POST',
            headers: { 'content-type': String(req.headers['content-type']) },
            body: Buffer.concat(chunks),
          })
            .formData()
            .catch(() => null);
          const file = form?.get('file');
          const bytes = file instanceof File ? Buffer.from(await file.arrayBuffer()) : null;
          const model = form?.get('model');
          this.requests.push({
            authorization: req.headers.authorization,
            model: typeof model === 'string' ? model : null,
            file:
              file instanceof File && bytes
                ? { name: file.name, type: file.type, bytes, container: audioContainer(bytes) }
                : null,
          });
          const status = this.failures.shift();
          if (status) return answer(status, { error: { message: 'local failure', type: 'server_error' } });
          if (!bytes || !audioContainer(bytes) || bytes.length < 1000)
            return answer(400, { error: { message: 'Invalid file format.', type: 'invalid_request_error' } });
          answer(200, { text: this.text });
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
