import { Injectable } from '@nestjs/common';
import { Sql } from '../database/sql.service';
import { InvalidCursorError, ItemNotFoundError, ThreadNotFoundError } from './conversations.errors';
import { newId, IdPrefix } from './ids';
import {
  ItemPayloads,
  ItemType,
  MODEL_ITEM_TYPES,
  StoredItem,
  StoredItemOf,
  StoredThread,
  ThreadStatus,
  VISIBLE_ITEM_TYPES,
} from './thread-item';

export type SortOrder = 'asc' | 'desc';

export interface PageRequest {
  limit: number;
  order: SortOrder;
  /** Id of the last row of the previous page. */
  after?: string;
}

export interface Page<T> {
  data: T[];
  hasMore: boolean;
  /** Id of the page's last row when there is more. */
  after?: string;
}

export interface ThreadRow {
  id: string;
  user_id: string;
  title: string | null;
  status: ThreadStatus;
  created_at: Date;
  updated_at: Date;
}

export interface ItemRow {
  id: string;
  thread_id: string;
  type: ItemType;
  payload: unknown;
  created_at: Date;
}

export const THREAD_COLUMNS = 'id, user_id, title, status, created_at, updated_at';
export const ITEM_COLUMNS = 'id, thread_id, type, payload, created_at';

const ITEM_ID_PREFIX: Record<ItemType, IdPrefix> = {
  user_message: 'msg',
  assistant_message: 'msg',
  widget: 'msg',
  structured_input: 'msg',
  end_of_turn: 'msg',
  workflow: 'wf',
  task: 'wf',
  client_tool_call: 'tc',
  server_tool_call: 'tool',
  hidden_context_item: 'cx',
  sdk_hidden_context: 'cx',
};

export function toThread(r: ThreadRow): StoredThread {
  return {
    id: r.id,
    userId: r.user_id,
    title: r.title,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

// The store is the only writer of payloads, so a row's payload matches its type.
export function toItem(r: ItemRow): StoredItem {
  return {
    id: r.id,
    threadId: r.thread_id,
    type: r.type,
    payload: r.payload,
    createdAt: r.created_at,
  } as StoredItem;
}

function page<T>(rows: T[], limit: number, idOf: (row: T) => string): Page<T> {
  if (rows.length <= limit) return { data: rows, hasMore: false };
  const data = rows.slice(0, limit);
  return { data, hasMore: true, after: idOf(data[data.length - 1]) };
}

/** An item to append: its type and payload, and its id when it was streamed before it was stored. */
export type NewItem = { [T in ItemType]: { type: T; payload: ItemPayloads[T]; id?: string } }[ItemType];

/** A new item id of the right prefix for its type. */
export function newItemId(type: ItemType): string {
  return newId(ITEM_ID_PREFIX[type]);
}

/**
 * Threads and their items in PostgreSQL, for ChatKit and REST chat alike. Every method is scoped to the
 * caller: another user's thread or item is indistinguishable from a missing one. Hot-path writes are single
 * statements (INSERT … SELECT … RETURNING) that prove ownership and write at once, without re-reading. (The
 * statements that start a turn on a new user message are the chat module's TurnStarts.)
 */
@Injectable()
export class ConversationStore {
  constructor(private readonly sql: Sql) {}

  private rows<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.sql.rows<T>(sql, params);
  }

  /** Appends an item to one of the user's threads. `id` may be given when it was streamed before it was stored. */
  async addItem<T extends ItemType>(
    userId: string,
    threadId: string,
    type: T,
    payload: ItemPayloads[T],
    id: string = newItemId(type),
  ): Promise<StoredItemOf<T>> {
    const rows = await this.rows<{ created_at: Date }>(
      `INSERT INTO chat_thread_items (id, thread_id, user_id, type, payload)
       SELECT $1, id, user_id, $4, $5::jsonb FROM chat_threads WHERE id = $2 AND user_id = $3
       RETURNING created_at`,
      [id, threadId, userId, type, JSON.stringify(payload)],
    );
    if (rows.length === 0) throw new ThreadNotFoundError(threadId);
    return { id, threadId, type, payload, createdAt: rows[0].created_at };
  }

  /**
   * Appends several items at once, in order, in one statement: a reader sees all of them or none (a partial
   * answer is never read without the note that the user stopped it). Answers them as stored.
   */
  async addItems(userId: string, threadId: string, items: NewItem[]): Promise<StoredItem[]> {
    const ids = items.map((i) => i.id ?? newItemId(i.type));
    const rows = await this.rows<{ id: string; created_at: Date }>(
      `INSERT INTO chat_thread_items (id, thread_id, user_id, type, payload)
       SELECT v.id, t.id, t.user_id, v.type, v.payload::jsonb
       FROM chat_threads t, unnest($3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS v(id, type, payload, n)
       WHERE t.id = $1 AND t.user_id = $2
       ORDER BY v.n
       RETURNING id, created_at`,
      [threadId, userId, ids, items.map((i) => i.type), items.map((i) => JSON.stringify(i.payload))],
    );
    if (rows.length === 0 && items.length > 0) throw new ThreadNotFoundError(threadId);
    const createdAt = new Map(rows.map((r) => [r.id, r.created_at]));
    return items.map((item, k) => ({ ...item, id: ids[k], threadId, createdAt: createdAt.get(ids[k])! }));
  }

  /** Replaces the payload of an existing item (same id, same type, same place in the thread). */
  async replaceItem<T extends ItemType>(
    userId: string,
    item: StoredItemOf<T>,
    payload: ItemPayloads[T],
  ): Promise<StoredItemOf<T>> {
    const rows = await this.rows<{ id: string }>(
      `UPDATE chat_thread_items SET payload = $4::jsonb
       WHERE id = $1 AND thread_id = $2 AND user_id = $3 AND type = $5 RETURNING id`,
      [item.id, item.threadId, userId, JSON.stringify(payload), item.type],
    );
    if (rows.length === 0) throw new ItemNotFoundError(item.id);
    return { ...item, payload };
  }

  async getThread(userId: string, threadId: string): Promise<StoredThread> {
    const rows = await this.rows<ThreadRow>(
      `SELECT ${THREAD_COLUMNS} FROM chat_threads WHERE id = $1 AND user_id = $2`,
      [threadId, userId],
    );
    if (rows.length === 0) throw new ThreadNotFoundError(threadId);
    return toThread(rows[0]);
  }

  /** The user's threads, newest first by default; keyset pagination on (created_at, id). */
  async listThreads(userId: string, req: PageRequest): Promise<Page<StoredThread>> {
    const params: unknown[] = [userId, req.limit + 1];
    let where = 'user_id = $1';
    const cmp = req.order === 'desc' ? '<' : '>';
    if (req.after !== undefined) {
      const cursor = await this.rows<{ created_at: Date; id: string }>(
        'SELECT created_at, id FROM chat_threads WHERE id = $1 AND user_id = $2',
        [req.after, userId],
      );
      if (cursor.length === 0) throw new InvalidCursorError(req.after);
      params.push(cursor[0].created_at, cursor[0].id);
      where += ` AND (created_at, id) ${cmp} ($3, $4)`;
    }
    const dir = req.order === 'desc' ? 'DESC' : 'ASC';
    const rows = await this.rows<ThreadRow>(
      `SELECT ${THREAD_COLUMNS} FROM chat_threads WHERE ${where} ORDER BY created_at ${dir}, id ${dir} LIMIT $2`,
      params,
    );
    return page(rows.map(toThread), req.limit, (t) => t.id);
  }

  async renameThread(userId: string, threadId: string, title: string): Promise<StoredThread> {
    const rows = await this.rows<ThreadRow>(
      `UPDATE chat_threads SET title = $3, updated_at = now() WHERE id = $1 AND user_id = $2 RETURNING ${THREAD_COLUMNS}`,
      [threadId, userId, title],
    );
    if (rows.length === 0) throw new ThreadNotFoundError(threadId);
    return toThread(rows[0]);
  }

  /** Sets the title only if the thread has none yet (a concurrent rename wins); the updated thread, or null. */
  async setTitleIfUnset(userId: string, threadId: string, title: string): Promise<StoredThread | null> {
    const rows = await this.rows<ThreadRow>(
      `UPDATE chat_threads SET title = $3 WHERE id = $1 AND user_id = $2 AND title IS NULL RETURNING ${THREAD_COLUMNS}`,
      [threadId, userId, title],
    );
    return rows.length ? toThread(rows[0]) : null;
  }

  /** Deletes the thread and (by cascade) its items. */
  async deleteThread(userId: string, threadId: string): Promise<void> {
    const rows = await this.rows<{ id: string }>(
      'DELETE FROM chat_threads WHERE id = $1 AND user_id = $2 RETURNING id',
      [threadId, userId],
    );
    if (rows.length === 0) throw new ThreadNotFoundError(threadId);
  }

  /** One item a client may address (hidden items are not addressable). */
  async getItem(userId: string, threadId: string, itemId: string): Promise<StoredItem> {
    const rows = await this.rows<ItemRow>(
      `SELECT ${ITEM_COLUMNS} FROM chat_thread_items
       WHERE id = $1 AND thread_id = $2 AND user_id = $3 AND type = ANY($4)`,
      [itemId, threadId, userId, VISIBLE_ITEM_TYPES],
    );
    if (rows.length === 0) throw new ItemNotFoundError(itemId);
    return toItem(rows[0]);
  }

  /**
   * A page of a thread's items of the given types (default: what ChatKit shows), ordered by `seq`.
   * Hidden items are filtered in SQL, so pages are full and `after` is always a returned item.
   */
  async listItems(
    userId: string,
    threadId: string,
    req: PageRequest,
    types: readonly ItemType[] = VISIBLE_ITEM_TYPES,
  ): Promise<Page<StoredItem>> {
    const params: unknown[] = [threadId, userId, types, req.limit + 1];
    let where = 'thread_id = $1 AND user_id = $2 AND type = ANY($3)';
    if (req.after !== undefined) {
      const cursor = await this.rows<{ seq: string }>(
        'SELECT seq FROM chat_thread_items WHERE id = $1 AND thread_id = $2 AND user_id = $3 AND type = ANY($4)',
        [req.after, threadId, userId, types],
      );
      if (cursor.length === 0) throw new InvalidCursorError(req.after);
      params.push(cursor[0].seq);
      where += ` AND seq ${req.order === 'desc' ? '<' : '>'} $5`;
    }
    const rows = await this.rows<ItemRow>(
      `SELECT ${ITEM_COLUMNS} FROM chat_thread_items WHERE ${where}
       ORDER BY seq ${req.order === 'desc' ? 'DESC' : 'ASC'} LIMIT $4`,
      params,
    );
    return page(rows.map(toItem), req.limit, (i) => i.id);
  }

  /**
   * The newest `limit` items the model needs (oldest first), optionally only those before an item. Reads
   * `ORDER BY seq DESC LIMIT n` on (thread_id, seq), so a turn costs the same in a thread of any length.
   */
  async history(
    userId: string,
    threadId: string,
    limit: number,
    beforeItemId?: string,
  ): Promise<StoredItem[]> {
    const params: unknown[] = [threadId, userId, MODEL_ITEM_TYPES, limit];
    let where = 'thread_id = $1 AND user_id = $2 AND type = ANY($3)';
    if (beforeItemId !== undefined) {
      params.push(beforeItemId);
      where += ' AND seq < (SELECT seq FROM chat_thread_items WHERE id = $5 AND thread_id = $1)';
    }
    const rows = await this.rows<ItemRow>(
      `SELECT ${ITEM_COLUMNS} FROM chat_thread_items WHERE ${where} ORDER BY seq DESC LIMIT $4`,
      params,
    );
    return rows.reverse().map(toItem);
  }

  /** The newest item of the thread, hidden ones included. */
  async newestItem(userId: string, threadId: string): Promise<StoredItem | undefined> {
    const rows = await this.rows<ItemRow>(
      `SELECT ${ITEM_COLUMNS} FROM chat_thread_items WHERE thread_id = $1 AND user_id = $2 ORDER BY seq DESC LIMIT 1`,
      [threadId, userId],
    );
    return rows.length ? toItem(rows[0]) : undefined;
  }

  /** Deletes every item stored after the given one but `keepIds` (a retried turn replaces its old answer). */
  async deleteItemsAfter(
    userId: string,
    threadId: string,
    itemId: string,
    keepIds: readonly string[] = [],
  ): Promise<number> {
    const rows = await this.rows<{ id: string }>(
      `DELETE FROM chat_thread_items
       WHERE thread_id = $1 AND user_id = $2 AND seq > (SELECT seq FROM chat_thread_items WHERE id = $3 AND thread_id = $1)
         AND id <> ALL($4)
       RETURNING id`,
      [threadId, userId, itemId, keepIds],
    );
    return rows.length;
  }

  /** Drops pending client tool calls among the newest 20 items, except one (chatkit-protocol.md §2.2). */
  async deletePendingClientToolCalls(userId: string, threadId: string, exceptId: string): Promise<void> {
    await this.rows(
      `DELETE FROM chat_thread_items WHERE id IN (
         SELECT id FROM chat_thread_items WHERE thread_id = $1 AND user_id = $2 ORDER BY seq DESC LIMIT 20
       ) AND type = 'client_tool_call' AND payload->>'status' = 'pending' AND id <> $3`,
      [threadId, userId, exceptId],
    );
  }

  /** Records feedback on visible items: all of them or none (one statement). */
  async setFeedback(
    userId: string,
    threadId: string,
    itemIds: string[],
    kind: 'positive' | 'negative',
  ): Promise<void> {
    const ids = [...new Set(itemIds)];
    const rows = await this.rows<{ id: string }>(
      `WITH found AS (
         SELECT id FROM chat_thread_items WHERE thread_id = $1 AND user_id = $2 AND id = ANY($3) AND type = ANY($5)
       )
       UPDATE chat_thread_items SET feedback = $4
       WHERE id IN (SELECT id FROM found) AND (SELECT count(*) FROM found) = $6
       RETURNING id`,
      [threadId, userId, ids, kind, VISIBLE_ITEM_TYPES, ids.length],
    );
    if (rows.length === ids.length) return;
    await this.getThread(userId, threadId); // throws when the thread is the missing part
    const found = await this.rows<{ id: string }>(
      'SELECT id FROM chat_thread_items WHERE thread_id = $1 AND id = ANY($2) AND type = ANY($3)',
      [threadId, ids, VISIBLE_ITEM_TYPES],
    );
    const missing = ids.find((id) => !found.some((f) => f.id === id)) ?? ids[0];
    throw new ItemNotFoundError(missing);
  }

  /** Feedback stored on an item (for tests and analytics). */
  async feedbackOf(userId: string, itemId: string): Promise<'positive' | 'negative' | null> {
    const rows = await this.rows<{ feedback: 'positive' | 'negative' | null }>(
      'SELECT feedback FROM chat_thread_items WHERE id = $1 AND user_id = $2',
      [itemId, userId],
    );
    return rows[0]?.feedback ?? null;
  }
}
