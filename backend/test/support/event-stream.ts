/** One Server-Sent Event as a client reads it. */
export interface ReadEvent {
  id?: string;
  event?: string;
  data: any;
}

/**
 * `GET /api/events` read as a browser would (fetch, streaming): events are collected as they arrive, `next()`
 * waits for the next one (or fails after `timeoutMs`).
 */
export class EventStream {
  readonly events: ReadEvent[] = [];
  readonly comments: string[] = [];
  private readonly controller = new AbortController();
  private waiting: Array<() => void> = [];
  private read = 0;
  status = 0;

  private constructor() {}

  static async open(url: string, token: string, lastEventId?: string): Promise<EventStream> {
    const stream = new EventStream();
    const res = await fetch(`${url}/api/events`, {
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'text/event-stream',
        ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
      },
      signal: stream.controller.signal,
    });
    stream.status = res.status;
    if (res.status !== 200) return stream;
    void stream.pump(res.body!);
    await stream.until(() => stream.comments.includes('connected'), 5_000);
    return stream;
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const frame: Partial<ReadEvent> = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(': ')) this.comments.push(line.slice(2));
            else if (line.startsWith('id: ')) frame.id = line.slice(4);
            else if (line.startsWith('event: ')) frame.event = line.slice(7);
            else if (line.startsWith('data: ')) frame.data = JSON.parse(line.slice(6));
          }
          if (frame.data !== undefined) this.events.push(frame as ReadEvent);
          for (const w of this.waiting.splice(0)) w();
        }
      }
    } catch {
      /* closed */
    }
  }

  /** Waits until `test` holds (checked on every frame), at most `timeoutMs`. */
  async until(test: () => boolean, timeoutMs = 2_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!test()) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`timed out; events so far: ${JSON.stringify(this.events.map((e) => e.event))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The next event not yet taken, within `timeoutMs`. */
  async next(timeoutMs = 2_000): Promise<ReadEvent> {
    await this.until(() => this.events.length > this.read, timeoutMs);
    return this.events[this.read++];
  }

  close(): void {
    this.controller.abort();
  }
}
