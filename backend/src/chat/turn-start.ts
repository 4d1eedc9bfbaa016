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
import { DEFAULT_TIME_ZONE } from '../tasks/schedule/time-zones';
import { ChatRateLimiter, RATE_WINDOW_CTE, RATE_WINDOW_SECONDS, RateWindow } from './chat-rate-limit';

/** A stored user message that starts a turn, and the thread it is in. */
export interface StartedMessage {
  thread: StoredThread;
  item: StoredItemOf<'user_message'>;
  /** The user's time zone: the client's, else the one stored for the user, else the default (UTC). */
  timeZone: string;
}

/**
 * The client's time zone, remembered with the message (`$n`: the zone or NULL; a statement that writes nothing
 * when the zone is unchanged), for REST and MCP calls, which carry none.
 */
const rememberZone = (n: number) => `z AS (
  INSERT INTO user_settings (user_id, time_zone) SELECT $1, $${n}::text FROM rate
  WHERE rate.turns <= $3 AND $${n}::text IS NOT NULL
  ON CONFLICT (user_id) DO UPDATE SET time_zone = EXCLUDED.time_zone, updated_at = now()
  WHERE user_settings.time_zone IS DISTINCT FROM EXCLUDED.time_zone
)`;

/** The user's stored time zone as it was before the statement (the turn's overdue note needs one). */
const STORED_ZONE = '(SELECT time_zone FROM user_settings WHERE user_id = $1) AS stored_time_zone';

// $1 user, $2 window seconds, $3 turns allowed per window, $4 thread id, $5 item id, $6 payload, $7 time zone. A
// turn beyond the limit stores nothing but its count.
const NEW_THREAD = `WITH ${RATE_WINDOW_CTE}, ${rememberZone(7)},
t AS (
  INSERT INTO chat_threads (id, user_id) SELECT $4, $1 FROM rate WHERE rate.turns <= $3
  RETURNING ${THREAD_COLUMNS}
), i AS (
  INSERT INTO chat_thread_items (id, thread_id, user_id, type, payload)
  SELECT $5, t.id, t.user_id, 'user_message', $6::jsonb FROM t
  RETURNING created_at
)
SELECT rate.turns, rate.wait, t.*, i.created_at AS item_created_at, ${STORED_ZONE}
FROM rate LEFT JOIN t ON true LEFT JOIN i ON true`;

// The same for a thread of the user's (which it touches), plus the newest $8 items of the types $7 stored before
// the message (the statement's snapshot does not see its own insert), oldest first, as one JSON array: one row
// to parse, not the thread's columns again on each of forty; $9 time zone.
const IN_THREAD = `WITH ${RATE_WINDOW_CTE}, ${rememberZone(9)},
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
SELECT rate.turns, rate.wait, t.*, i.created_at AS item_created_at, ${STORED_ZONE},
  (SELECT json_agg(json_build_object('id', h.id, 'type', h.type, 'payload', h.payload, 'created_at', h.created_at)
     ORDER BY h.seq) FROM h) AS history
FROM rate LEFT JOIN t ON true LEFT JOIN i ON true`;

type StartRow = RateWindow &
  Partial<ThreadRow> & { item_created_at: Date | null; stored_time_zone: string | null };
type HistoryRow = StartRow & {
  history: Array<Omit<ItemRow, 'thread_id' | 'created_at'> & { created_at: string }> | null;
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

  async newThread(
    userId: string,
    message: ItemPayloads['user_message'],
    limit: number,
    timeZone?: string,
  ): Promise<StartedMessage> {
    const itemId = newItemId('user_message');
    const [row] = await this.sql.rows<StartRow>(NEW_THREAD, [
      userId,
      RATE_WINDOW_SECONDS,
      limit,
      newId('thr'),
      itemId,
      JSON.stringify(message),
      timeZone ?? null,
    ]);
    this.limiter.check(row, limit);
    return this.started(row, itemId, message, timeZone);
  }

  /** Not found when the thread is not the user's; `history` holds the items the model reads, oldest first. */
  async inThread(
    userId: string,
    threadId: string,
    message: ItemPayloads['user_message'],
    limit: number,
    timeZone?: string,
  ): Promise<StartedMessage & { history: StoredItem[] }> {
    const itemId = newItemId('user_message');
    const [row] = await this.sql.rows<HistoryRow>(IN_THREAD, [
      userId,
      RATE_WINDOW_SECONDS,
      limit,
      threadId,
      itemId,
      JSON.stringify(message),
      MODEL_ITEM_TYPES,
      this.config.agentHistoryItems,
      timeZone ?? null,
    ]);
    this.limiter.check(row, limit);
    if (!row.id) throw new ThreadNotFoundError(threadId);
    const history = (row.history ?? []).map((h) =>
      toItem({ ...h, thread_id: threadId, created_at: new Date(h.created_at) }),
    );
    return { ...this.started(row, itemId, message, timeZone), history };
  }

  private started(
    row: StartRow,
    itemId: string,
    message: ItemPayloads['user_message'],
    timeZone: string | undefined,
  ): StartedMessage {
    const thread = toThread(row as ThreadRow);
    return {
      thread,
      timeZone: timeZone ?? row.stored_time_zone ?? DEFAULT_TIME_ZONE,
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
