import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ItemType, JsonValue } from './thread-item';

/** One item of a thread: its ChatKit type and JSON payload, ordered by `seq`. */
@Entity({ name: 'chat_thread_items' })
@Index('ix_chat_thread_items_thread_seq', ['threadId', 'seq'], { unique: true })
@Index('ix_chat_thread_items_user_turns', ['userId', 'createdAt'], { where: `"type" = 'user_message'` })
export class ChatThreadItem {
  /** Globally unique (`msg_…`, `wf_…`, `tool_…`): ChatKit addresses items by id alone. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'thread_id', type: 'text' })
  threadId: string;

  /** Denormalized owner, so every query can be scoped to the caller without a join. */
  @Column({ name: 'user_id', type: 'text' })
  userId: string;

  /**
   * Insertion order (identity column). Items of one turn often share a millisecond, so order is by `seq`,
   * never by timestamps alone. bigint arrives from pg as a string.
   */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ type: 'text' })
  type: ItemType;

  @Column({ type: 'jsonb' })
  payload: JsonValue;

  /** `items.feedback` from the ChatKit client. */
  @Column({ type: 'text', nullable: true })
  feedback: 'positive' | 'negative' | null;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;
}
