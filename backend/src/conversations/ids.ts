import { randomFillSync } from 'node:crypto';

/**
 * Id prefixes (chatkit-protocol.md §4.4): `thr` threads, `msg` messages and widgets, `wf` workflows,
 * `tc` client tool calls, `tool` our server tool calls, `cx` hidden context.
 */
export type IdPrefix = 'thr' | 'msg' | 'wf' | 'tc' | 'tool' | 'cx';

const ID_BYTES = 8;
// A turn makes several ids; one crypto call per 512 ids instead of one each (a small randomBytes costs ~25 µs).
const pool = Buffer.alloc(ID_BYTES * 512);
let offset = pool.length;

/** 64 random bits: unguessable across users, and globally unique in practice (items are keyed by id alone). */
export function newId(prefix: IdPrefix): string {
  if (offset + ID_BYTES > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const hex = pool.toString('hex', offset, offset + ID_BYTES);
  offset += ID_BYTES;
  return `${prefix}_${hex}`;
}
