import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import {
  ITEM_COLUMNS,
  ItemRow,
  newItemId,
  THREAD_COLUMNS,
  ThreadRow,
  toItem,
  toThread,
} from '../conversations/conversation-store.service';
import { ThreadNotFoundError } from '../conversations/conversations.errors';
import { newId } from '../conversations/ids';
import {
  ItemPayloads,
  MODEL_ITEM_TYPES,
  StoredItem,
  StoredItemOf,
  StoredThread,
} from '../conversations/thread-item';
import { Sql } from '../database/sql.service';
import { ChatRateLimiter, RATE_WINDOW_CTE, RATE_WINDOW_SECONDS, RateWindow } from './chat-rate-limit';

/** A stored user message that starts a turn, and the thread it is in. */
export interface StartedMessage {
  thread: StoredThread;
  item: StoredItemOf<'user_message'>;
}

// $1 user, $2 window seconds, $3 turns allowed per window, $4 thread id, $5 item id, $6 payload. A turn beyond
// the limit stores nothing but its count.
const NEW_THREAD = `WITH ${RATE_WINDOW_CTE},
t AS (
  INSERT INTO chat_threads (id, user_id) SELECT $4, $1 FROM rate WHERE rate.turns <= $3
  RETURNING ${THREAD_COLUMNS}
), i AS (
  INSERT INTO chat_thread_items (id, thread_id, user_id, type, payload)
  SELECT $5, t.id, t.user_id, 'user_message', $6::jsonb FROM t
  RETURNING created_at
)
SELECT rate.turns, rate.wait, t.*, i.created_at AS item_created_at FROM rate LEFT JOIN t ON true LEFT JOIN i ON true`;

// The same for a thread of the user's (which it touches), plus the newest $8 items of the types $7 stored before
// the message — the statement's snapshot does not see its own insert — one row per history item, oldest first.
const IN_THREAD = `WITH ${RATE_WINDOW_CTE},
t AS (
  UPDATE chat_threads SET updated_at = now() WHERE id = $4 AND user_id = $1 AND (SELECT turns FROM rate) <= $3
  RETURNING ${THREAD_COLUMNS}
), i AS (
  INSERT INTO chat_thread_items (id, thread_id, user_id, type, payload)
  SELECT $5, t.id, t.user_id, 'user_message', $6::jsonb FROM t
  RETURNING created_at
), h AS (
  SELECT ${ITEM_COLUMNS}, seq FROM chat_thread_items
  WHERE thread_id = $4 AND user_id = $1 AND type = ANY($7) AND EXISTS (SELECT 1 FROM t)
  ORDER BY seq DESC LIMIT $8
)
SELECT rate.turns, rate.wait, t.*, i.created_at AS item_created_at,
  h.id AS h_id, h.type AS h_type, h.payload AS h_payload, h.created_at AS h_created_at
FROM rate LEFT JOIN t ON true LEFT JOIN i ON true LEFT JOIN h ON true
ORDER BY h.seq`;

type StartRow = RateWindow & Partial<ThreadRow> & { item_created_at: Date | null };
type HistoryRow = StartRow & {
  h_id: string | null;
  h_type: ItemRow['type'];
  h_payload: unknown;
  h_created_at: Date;
};

/**
 * The statements that start a turn on a new user message, one round trip and one commit each instead of three:
 * the turn is counted against the user's rate window, the message stored (in a new thread, or in one of the
 * user's threads, which it touches) and, in a thread, the history before it read — all before the model runs.
 */
@Injectable()
export class TurnStarts {
  constructor(
    private readonly sql: Sql,
    private readonly limiter: ChatRateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async newThread(userId: string, message: ItemPayloads['user_message']): Promise<StartedMessage> {
    const itemId = newItemId('user_message');
    const [row] = await this.sql.rows<StartRow>(NEW_THREAD, [
      userId,
      RATE_WINDOW_SECONDS,
      this.limiter.limit,
      newId('thr'),
      itemId,
      JSON.stringify(message),
    ]);
    this.limiter.check(row);
    return this.started(row, itemId, message);
  }

  /** Not found when the thread is not the user's; `history` holds the items the model reads, oldest first. */
  async inThread(
    userId: string,
    threadId: string,
    message: ItemPayloads['user_message'],
  ): Promise<StartedMessage & { history: StoredItem[] }> {
    const itemId = newItemId('user_message');
    const rows = await this.sql.rows<HistoryRow>(IN_THREAD, [
      userId,
      RATE_WINDOW_SECONDS,
      this.limiter.limit,
      threadId,
      itemId,
      JSON.stringify(message),
      MODEL_ITEM_TYPES,
      this.config.agentHistoryItems,
    ]);
    this.limiter.check(rows[0]);
    if (!rows[0].id) throw new ThreadNotFoundError(threadId);
    const history = rows
      .filter((r) => r.h_id !== null)
      .map((r) =>
        toItem({
          id: r.h_id!,
          thread_id: threadId,
          type: r.h_type,
          payload: r.h_payload,
          created_at: r.h_created_at,
        }),
      );
    return { ...this.started(rows[0], itemId, message), history };
  }

  private started(row: StartRow, itemId: string, message: ItemPayloads['user_message']): StartedMessage {
    const thread = toThread(row as ThreadRow);
    return {
      thread,
      item: {
        id: itemId,
        threadId: thread.id,
        type: 'user_message',
        payload: message,
        createdAt: row.item_created_at!,
      },
    };
  }
}
