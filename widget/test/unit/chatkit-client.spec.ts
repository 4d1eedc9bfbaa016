import { WidgetError } from '../../src/auth/widget-error';
import { ChatKitClient } from '../../src/builtin/chatkit-client';
import type { StreamEvent } from '../../src/builtin/protocol';

const API = 'http://api.test';

interface Sent {
  url: string;
  headers: Headers;
  body: { type: string; params: Record<string, unknown>; metadata: Record<string, unknown> };
}

/** A response whose body arrives in exactly these byte chunks. */
function streamed(chunks: Uint8Array[], headers: Record<string, string> = {}): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream', ...headers } });
}

/** Splits bytes at the given offsets. */
function splitAt(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let last = 0;
  for (const o of [...offsets, bytes.length]) {
    out.push(bytes.slice(last, o));
    last = o;
  }
  return out;
}

function client(respond: (sent: Sent) => Response | Promise<Response>, locale?: string) {
  const sent: Sent[] = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    const s: Sent = { url, headers: new Headers(init.headers), body: JSON.parse(init.body as string) };
    sent.push(s);
    return respond(s);
  }) as unknown as typeof fetch;
  return {
    sent,
    client: new ChatKitClient({
      apiUrl: API,
      fetch: fetchFn,
      locale: () => locale,
      metadata: { timezone: 'Europe/Paris' },
    }),
  };
}

async function collect(gen: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for await (const e of gen) out.push(e);
  return out;
}

const EVENTS: StreamEvent[] = [
  {
    type: 'thread.item.done',
    item: {
      id: 'msg_1',
      thread_id: 'thr_1',
      created_at: '2026-12-06T08:00:00.000Z',
      type: 'user_message',
      content: [{ type: 'input_text', text: 'add “café ☕” 🎉' }],
    },
  },
  { type: 'stream_options', stream_options: { allow_cancel: true } },
  {
    type: 'thread.item.updated',
    item_id: 'msg_2',
    update: {
      type: 'assistant_message.content_part.text_delta',
      content_index: 0,
      delta: 'Added ✓\nnext line',
    },
  },
  {
    type: 'client_effect',
    name: 'tasks.changed',
    data: { changes: [{ action: 'created', task_id: 1, title: 'café' }] },
  },
];

const WIRE = new TextEncoder().encode(EVENTS.map((e) => `data: ${JSON.stringify(e)}\n\n`).join(''));

describe('ChatKitClient.stream: SSE parsing', () => {
  it('reads every event whole whatever the chunk boundaries, including inside multi-byte characters', async () => {
    // Every single split point, and a few multi-split patterns: the events must come out identical.
    const splits: number[][] = [];
    for (let i = 1; i < WIRE.length; i++) splits.push([i]);
    splits.push([...Array(WIRE.length - 1).keys()].map((i) => i + 1)); // one byte per chunk
    const emoji = WIRE.indexOf(0xf0); // first byte of 🎉
    splits.push([emoji + 1, emoji + 2, emoji + 3]);
    for (const offsets of splits) {
      const { client: c } = client(() => streamed(splitAt(WIRE, offsets)));
      await expect(
        collect(
          c.stream('threads.add_user_message', {
            thread_id: 'thr_1',
            input: { content: [], attachments: [], inference_options: {} },
          }),
        ),
      ).resolves.toEqual(EVENTS);
    }
  });

  it('accepts CRLF line endings and ignores comment lines', async () => {
    const text = `: keep-alive\r\ndata: ${JSON.stringify(EVENTS[1])}\r\n\r\ndata: ${JSON.stringify(EVENTS[3])}\r\n\r\n`;
    const { client: c } = client(() => streamed([new TextEncoder().encode(text)]));
    await expect(
      collect(c.stream('threads.retry_after_item', { thread_id: 't', item_id: 'i' })),
    ).resolves.toEqual([EVENTS[1], EVENTS[3]]);
  });

  it('yields error events like any other, so the view decides about retrying', async () => {
    const error = { type: 'error', code: 'stream.error', allow_retry: true };
    const { client: c } = client(() =>
      streamed([
        new TextEncoder().encode(`data: ${JSON.stringify(EVENTS[1])}\n\ndata: ${JSON.stringify(error)}\n\n`),
      ]),
    );
    await expect(
      collect(c.stream('threads.retry_after_item', { thread_id: 't', item_id: 'i' })),
    ).resolves.toEqual([EVENTS[1], error]);
  });

  it('sends { type, params, metadata } as JSON with the stream headers and the locale', async () => {
    const { client: c, sent } = client(() => streamed([]), 'de-DE');
    await collect(
      c.stream('threads.create', {
        input: { content: [{ type: 'input_text', text: 'hi' }], attachments: [], inference_options: {} },
      }),
    );
    expect(sent).toHaveLength(1);
    expect(sent[0].url).toBe(`${API}/api/chatkit`);
    expect(sent[0].headers.get('content-type')).toBe('application/json');
    expect(sent[0].headers.get('accept')).toBe('text/event-stream');
    expect(sent[0].headers.get('accept-language')).toBe('de-DE');
    expect(sent[0].body).toEqual({
      type: 'threads.create',
      params: {
        input: { content: [{ type: 'input_text', text: 'hi' }], attachments: [], inference_options: {} },
      },
      metadata: { timezone: 'Europe/Paris' },
    });
  });

  it('turns an unreadable event into a clear error instead of a crash', async () => {
    const { client: c } = client(() =>
      streamed([new TextEncoder().encode('data: {"type":"thread.item.done",\n\n')]),
    );
    await expect(
      collect(c.stream('threads.retry_after_item', { thread_id: 't', item_id: 'i' })),
    ).rejects.toEqual(new WidgetError('stream', 'The assistant sent something this page could not read.'));
  });

  it('refuses an answer that is not a stream', async () => {
    const { client: c } = client(() => Response.json({ ok: true }));
    await expect(
      collect(c.stream('threads.retry_after_item', { thread_id: 't', item_id: 'i' })),
    ).rejects.toMatchObject({ code: 'stream' });
  });

  it('stops reading when aborted, without an error, and closes the connection', async () => {
    let cancelled = false;
    const abort = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`data: ${JSON.stringify(EVENTS[1])}\n\n`));
      },
      cancel() {
        cancelled = true;
      },
    });
    const { client: c } = client(
      () => new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
    );
    const seen: StreamEvent[] = [];
    for await (const e of c.stream(
      'threads.retry_after_item',
      { thread_id: 't', item_id: 'i' },
      abort.signal,
    )) {
      seen.push(e);
      abort.abort();
      break;
    }
    expect(seen).toEqual([EVENTS[1]]);
    // The cancel travels up the decoding pipes asynchronously.
    for (let i = 0; i < 50 && !cancelled; i++) await new Promise((r) => setTimeout(r, 5));
    expect(cancelled).toBe(true);
  });
});

describe('ChatKitClient: HTTP errors in words', () => {
  const call = (res: Response) =>
    client(() => res).client.request('threads.get_by_id', { thread_id: 'thr_x' });

  it('uses the server message of a 4xx answer', async () => {
    await expect(
      call(
        Response.json(
          { error: { code: 'not_found', message: 'Thread thr_x was not found.' } },
          { status: 404 },
        ),
      ),
    ).rejects.toEqual(new WidgetError('server', 'Thread thr_x was not found.', 404));
  });

  it('says when to come back after a 429', async () => {
    await expect(
      call(
        Response.json(
          { error: { code: 'rate_limited', message: 'x' } },
          { status: 429, headers: { 'retry-after': '17' } },
        ),
      ),
    ).rejects.toEqual(
      new WidgetError('rate_limited', 'Too many requests. Please try again in 17 seconds.', 429),
    );
  });

  it('never shows a raw 500 body', async () => {
    await expect(call(new Response('<html>stack trace</html>', { status: 500 }))).rejects.toEqual(
      new WidgetError('server', 'The assistant ran into a problem. Please try again.', 500),
    );
  });

  it('explains a refused origin with the setting that allows it', async () => {
    const refused = Response.json(
      { error: { code: 'origin_not_allowed', message: 'nope' } },
      { status: 403 },
    );
    const err = await call(refused).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WidgetError);
    expect((err as WidgetError).code).toBe('origin_not_allowed');
    expect((err as WidgetError).message).toMatch(/ALLOWED_ORIGINS/);
  });

  describe('when no answer arrives at all, it asks /api/origin-check why', () => {
    const realFetch = global.fetch;
    afterEach(() => {
      global.fetch = realFetch;
    });
    const failing = () =>
      client(() => {
        throw new TypeError('Failed to fetch');
      }).client;

    it('a refused origin: the backend’s own words, naming the setting', async () => {
      global.fetch = async () =>
        Response.json({
          origin: 'https://shop.test',
          allowed: false,
          message: 'The origin https://shop.test is not allowed. Add it to ALLOWED_ORIGINS on the backend.',
        });
      await expect(failing().request('threads.list', {})).rejects.toEqual(
        new WidgetError(
          'origin_not_allowed',
          'The origin https://shop.test is not allowed. Add it to ALLOWED_ORIGINS on the backend.',
        ),
      );
    });

    it('an allowed origin: the server did not answer this time', async () => {
      global.fetch = async () => Response.json({ origin: 'https://shop.test', allowed: true, message: 'ok' });
      await expect(failing().request('threads.list', {})).rejects.toEqual(
        new WidgetError('network', `The assistant at ${API} did not answer. Please try again.`),
      );
    });

    it('no server at all (the check, which answers every origin, got no answer either): names the server, not the origin setting', async () => {
      global.fetch = async () => {
        throw new TypeError('Failed to fetch');
      };
      const err = (await failing()
        .request('threads.list', {})
        .catch((e: unknown) => e)) as WidgetError;
      expect(err).toEqual(
        new WidgetError(
          'network',
          `Can't reach the assistant at ${API}. Check your connection and try again.`,
        ),
      );
    });
  });
});

describe('ChatKitClient: pagination', () => {
  // A server holding 45 items, answering items.list pages the way the protocol says (§7.3).
  const items = [...Array(45).keys()].map((i) => ({
    id: `msg_${i}`,
    thread_id: 'thr_1',
    created_at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    type: 'end_of_turn' as const,
  }));
  const pager = (s: Sent) => {
    const {
      limit = 20,
      after,
      order = 'desc',
    } = s.body.params as { limit?: number; after?: string; order?: string };
    const ordered = order === 'desc' ? items.slice().reverse() : items;
    const start = after ? ordered.findIndex((i) => i.id === after) + 1 : 0;
    const data = ordered.slice(start, start + limit);
    const hasMore = start + limit < ordered.length;
    return Response.json({
      data,
      has_more: hasMore,
      ...(hasMore ? { after: data[data.length - 1].id } : {}),
    });
  };

  it('follows `after` cursors to the end without repeating or skipping an item', async () => {
    const { client: c, sent } = client(pager);
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await c.request('items.list', {
        thread_id: 'thr_1',
        order: 'desc',
        limit: 20,
        ...(after ? { after } : {}),
      });
      seen.push(...page.data.map((i) => i.id));
      after = page.has_more ? page.after : undefined;
    } while (after);
    expect(sent.map((s) => s.body.params.after)).toEqual([undefined, 'msg_25', 'msg_5']);
    expect(seen).toEqual(
      items
        .slice()
        .reverse()
        .map((i) => i.id),
    );
  });
});
