import type { Logger } from '@nestjs/common';
import type { Response } from 'express';

/**
 * An AbortSignal that fires when the client goes away before the response finished (Stop button, closed tab,
 * dropped connection). `res` 'close' is the reliable signal: `req` 'close' fires once the body is read.
 */
export function abortOnDisconnect(res: Response): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** One Server-Sent Event: an optional `id:` (what `Last-Event-ID` resumes from), `event:` name, one line of JSON. */
export interface SseFrame {
  id?: string;
  event?: string;
  data: object;
}

/**
 * Writes Server-Sent Events as they are produced: headers first (flushed, so a proxy or the browser sees the
 * stream start at once), then one `data: <json>\n\n` frame per event. Writes after the client left are
 * dropped; a slow client is waited for instead of buffering without bound.
 */
export class SseWriter {
  private closed = false;
  private corked = false;

  constructor(private readonly res: Response) {
    res.once('close', () => (this.closed = true));
  }

  open(): void {
    this.res.status(200);
    this.res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    this.res.setHeader('Cache-Control', 'no-cache, no-transform');
    this.res.setHeader('X-Accel-Buffering', 'no'); // nginx and friends: do not buffer the stream
    this.res.setHeader('Connection', 'keep-alive');
    this.res.flushHeaders();
  }

  get isOpen(): boolean {
    // `destroyed`: the client may have left before this writer existed, its 'close' unseen (a write would then
    // wait for a 'drain' that never comes).
    return !this.closed && !this.res.destroyed && !this.res.writableEnded;
  }

  async send(frame: SseFrame): Promise<void> {
    if (!this.isOpen) return;
    // JSON.stringify escapes CR and LF, so a frame is always exactly one `data:` line.
    const text = `${frame.id ? `id: ${frame.id}\n` : ''}${frame.event ? `event: ${frame.event}\n` : ''}data: ${JSON.stringify(frame.data)}\n\n`;
    this.coalesce();
    if (!this.res.write(text)) await this.drained();
  }

  /** A comment line (`: …`): keeps proxies and the client from taking a quiet stream for a dead one. */
  comment(text: string): void {
    if (this.isOpen) this.res.write(`: ${text}\n\n`);
  }

  end(): void {
    if (this.res.writableEnded) return;
    this.flush();
    this.res.end();
  }

  /**
   * Frames produced in one burst (a model's deltas often arrive together) leave in one socket write: the
   * response is corked until the event loop's next turn. A frame is never held longer than that, so events
   * still reach the client as they are produced; one write per frame cost ~3 ms of syscalls per turn.
   */
  private coalesce(): void {
    if (this.corked) return;
    this.corked = true;
    this.res.cork();
    setImmediate(() => this.flush());
  }

  private flush(): void {
    if (!this.corked) return;
    this.corked = false;
    this.res.uncork();
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.res.off('drain', done);
        this.res.off('close', done);
        resolve();
      };
      this.res.once('drain', done);
      this.res.once('close', done);
    });
  }
}

/**
 * Streams `frames` to the client. The frames' producer must turn its own failures into protocol events;
 * anything that still escapes is logged and ends the response (headers are sent: no status can change now).
 */
export async function pipeSse(res: Response, frames: AsyncIterable<SseFrame>, logger: Logger): Promise<void> {
  const sse = new SseWriter(res);
  sse.open();
  try {
    for await (const frame of frames) await sse.send(frame);
  } catch (err) {
    logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  } finally {
    sse.end();
  }
}
