import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { keepQueriesWhole } from './pglite-batches';

type Queue = { enqueue(handlerId: number, message: Uint8Array, onData: () => void): Promise<number> };

/**
 * pglite-socket's real queue, over a stand-in database that, like PGlite under load, lets other work run while it
 * executes a message: two connections send extended-protocol queries (Parse, Bind, Execute, Sync) at once.
 */
async function runConcurrentQueries(patch: boolean): Promise<string[]> {
  const ran: string[] = [];
  const db = {
    waitReady: Promise.resolve(),
    isInTransaction: () => false,
    runExclusive: <T>(fn: () => Promise<T>) => fn(),
    async execProtocolRawStream(message: Uint8Array) {
      await new Promise((resolve) => setImmediate(resolve));
      ran.push(`${message[1]}${String.fromCharCode(message[0])}`);
    },
  };
  const server = new PGLiteSocketServer({ db: db as never, port: 0 });
  if (patch) keepQueriesWhole(server);
  const queue = (server as unknown as { queryQueue: Queue }).queryQueue;
  // As a connection does: its next message goes in once the previous one is answered.
  const connection = async (id: number) => {
    for (let query = 0; query < 3; query++)
      for (const type of 'PBES')
        await queue.enqueue(id, Uint8Array.of(type.charCodeAt(0), id), () => undefined);
  };
  await Promise.all([connection(1), connection(2)]);
  return ran;
}

/** Each query's four messages, in the order they ran, must be one connection's, one after the other. */
function interleaved(ran: string[]): string[] {
  const bad: string[] = [];
  for (let i = 0; i < ran.length; i += 4) {
    const query = ran.slice(i, i + 4);
    const id = query[0][0];
    if (query.join(' ') !== `${id}P ${id}B ${id}E ${id}S`) bad.push(query.join(' '));
  }
  return bad;
}

describe('keepQueriesWhole (the embedded database, pglite-socket)', () => {
  it('runs each connection’s query from Parse to Sync before another connection’s', async () => {
    const ran = await runConcurrentQueries(true);
    expect(ran).toHaveLength(24);
    expect(interleaved(ran)).toEqual([]);
  });

  it('is needed: pglite-socket alone runs another connection’s Parse between a Parse and its Bind', async () => {
    expect(interleaved(await runConcurrentQueries(false))).not.toEqual([]);
  });
});
