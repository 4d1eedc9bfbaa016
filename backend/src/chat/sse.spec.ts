import { EventEmitter } from 'node:events';
import type { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { pipeSse, SseFrame } from './sse';

/** A response whose client already left: 'close' has fired, writes fail and no 'drain' will ever come. */
function abandonedResponse(): Response & { writes: string[] } {
  const res = Object.assign(new EventEmitter(), {
    writes: [] as string[],
    destroyed: true,
    writableEnded: false,
    status: () => res,
    setHeader: () => res,
    flushHeaders: () => undefined,
    cork: () => undefined,
    uncork: () => undefined,
    end: () => undefined,
    write: (chunk: string) => {
      res.writes.push(chunk);
      return false;
    },
  });
  return res as unknown as Response & { writes: string[] };
}

describe('pipeSse', () => {
  it('finishes when the client left before the stream started (no wait for a drain that never comes)', async () => {
    const res = abandonedResponse();
    let produced = 0;
    async function* frames(): AsyncGenerator<SseFrame> {
      for (let i = 0; i < 3; i++) {
        produced++;
        yield { data: { i } };
      }
    }
    const logger = { error: jest.fn() } as unknown as Logger;
    const outcome = await Promise.race([
      pipeSse(res, frames(), logger).then(() => 'ended'),
      new Promise((resolve) => setTimeout(() => resolve('hung'), 500)),
    ]);
    expect(outcome).toBe('ended');
    expect(produced).toBe(3); // the producer still runs to its end (a turn stores its cancellation)
    expect(res.writes).toEqual([]);
  });
});
