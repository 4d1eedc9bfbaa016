/**
 * pglite-socket serves every connection from one PGlite session through a queue of protocol messages. It keeps a
 * transaction's statements together, but between two messages of one extended-protocol query (Parse, Bind,
 * Describe, Execute … Sync) another connection's messages may run: its Parse replaces the unnamed statement the first
 * one is about to Bind, so a query runs another's SQL or fails (seen as a session lost right after a sign-up while
 * other requests ran). This makes the queue finish a connection's query — up to its Sync — before taking another's.
 */

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(err: unknown): void;
  onData(data: Uint8Array): void;
}

interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: {
    isInTransaction(): boolean;
    runExclusive<T>(fn: () => Promise<T>): Promise<T>;
    execProtocolRawStream(
      message: Uint8Array,
      options: { onRawData(data: Uint8Array): void },
    ): Promise<unknown>;
  };
  processQueue(): Promise<void>;
}

/** Message types that leave the query unfinished: Parse, Bind, Describe, Execute, Close (Sync ends it). */
const MID_QUERY = new Set(['P', 'B', 'D', 'E', 'C'].map((c) => c.charCodeAt(0)));

/** Replaces the server's queue step with one that never interleaves two connections' unfinished queries. */
export function keepQueriesWhole(server: object): void {
  const queue = (server as { queryQueue?: QueryQueue }).queryQueue;
  if (!queue || !Array.isArray(queue.queue) || typeof queue.processQueue !== 'function')
    throw new Error('pglite-socket changed: its query queue is not where keepQueriesWhole expects it');
  /** The connection whose query is part-way through, if any. */
  let midQuery: number | null = null;
  queue.processQueue = async function processQueue(this: QueryQueue): Promise<void> {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = midQuery ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const index = owner === null ? 0 : this.queue.findIndex((q) => q.handlerId === owner);
        if (index === -1) break; // the owner's next message is on its way: it restarts the queue
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (err) {
          midQuery = null;
          item.reject(err);
          continue;
        }
        midQuery = MID_QUERY.has(item.message[0]) ? item.handlerId : null;
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
  // A connection that goes away mid-query must not hold the queue.
  const clear = (queue as unknown as { clearQueueForHandler(id: number): void }).clearQueueForHandler.bind(
    queue,
  );
  (queue as unknown as { clearQueueForHandler(id: number): void }).clearQueueForHandler = (id: number) => {
    clear(id);
    if (midQuery === id) {
      midQuery = null;
      void queue.processQueue();
    }
  };
}
