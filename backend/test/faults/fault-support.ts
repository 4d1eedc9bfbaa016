import { Client } from 'pg';
import { ChatKitClient, Ev } from '../support/chatkit-client';
import { testDatabaseUrl } from '../support/test-app';

/**
 * Polls `check` until it returns a truthy value (returned), or fails after `timeoutMs` with `what`. Fault specs
 * wait for conditions instead of sleeping fixed times, so they hold on a loaded machine.
 */
export async function eventually<T>(
  what: string,
  check: () => Promise<T> | T,
  timeoutMs = 20_000,
  intervalMs = 50,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      last = value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** How a watched stream ended: every event, and the transport error when the response broke off. */
export interface StreamEnd {
  events: Ev[];
  broken?: Error;
}

/**
 * A ChatKit stream read in the background: `events` fills as frames arrive; `until` waits for a given event;
 * `end` settles when the HTTP response has ended (cleanly, or broken off when the server died).
 */
export class WatchedStream {
  readonly events: Ev[] = [];
  readonly end: Promise<StreamEnd>;
  private readonly abort = new AbortController();
  private wake: () => void = () => undefined;

  constructor(ck: ChatKitClient, type: string, params: unknown) {
    this.end = (async () => {
      try {
        for await (const ev of ck.events(type, params, this.abort.signal)) {
          this.events.push(ev);
          this.wake();
        }
        return { events: this.events };
      } catch (err) {
        return { events: this.events, broken: err instanceof Error ? err : new Error(String(err)) };
      } finally {
        this.wake();
      }
    })();
  }

  /** The first event matching `match`, waiting for it (fails if the stream ends first). */
  async until(match: (e: Ev) => boolean, timeoutMs = 20_000): Promise<Ev> {
    let ended = false;
    void this.end.then(() => (ended = true));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      if (ended) throw new Error(`stream ended without the awaited event: ${JSON.stringify(this.events)}`);
      if (Date.now() > deadline) throw new Error(`no awaited event in ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Drops the connection, as a closed tab does. */
  cancel(): void {
    this.abort.abort();
  }
}

/** The user message a stream accepted (its `thread.item.done`), if it got that far. */
export function acceptedUserMessage(events: Ev[]): Ev | undefined {
  return events.find((e) => e.type === 'thread.item.done' && e.item.type === 'user_message')?.item;
}

/** A direct connection to the test database (never through a fault proxy), to check what is really stored. */
export async function directDb(): Promise<Client> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  client.on('error', () => undefined); // the database is dropped at the end of the run, maybe before end()
  await client.connect();
  return client;
}

/** A thread's stored items, oldest first, hidden ones included: `type` and the payload as JSON. */
export async function storedItems(
  db: Client,
  threadId: string,
): Promise<Array<{ id: string; type: string; payload: any }>> {
  const { rows } = await db.query<{ id: string; type: string; payload: any }>(
    'SELECT id, type, payload FROM chat_thread_items WHERE thread_id = $1 ORDER BY seq',
    [threadId],
  );
  return rows;
}

/**
 * The environment of a backend whose model is the OpenAI-compatible server at `baseUrl` (a stub), with a small turn
 * budget and a short silence timeout; failures are logged as warnings, so logging is off.
 */
export function failingModelEnv(
  baseUrl: string,
  maxTurns: number,
  timeoutMs: number,
): Record<string, string> {
  return {
    OPENAI_BASE_URL: baseUrl,
    AGENT_MODEL: 'stub-model',
    OPENAI_API_KEY: 'sk-test',
    AGENT_MAX_TURNS: String(maxTurns),
    AGENT_MODEL_TIMEOUT_MS: String(timeoutMs),
    CHAT_RATE_LIMIT_PER_MINUTE: '1000',
    LOG_LEVEL: 'silent',
  };
}
