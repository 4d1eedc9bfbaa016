import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Conversations: threads and their items (ChatKit's data model, shared with REST chat).
 * - items are ordered by `seq` (an identity column), never by timestamps alone: items of one turn often
 *   share a millisecond;
 * - (user_id, created_at, id) serves the per-user thread list and its keyset pagination;
 * - (thread_id, seq) serves item pages in both directions and the model history (newest N);
 * - the partial index on user messages serves the per-user turn rate limit.
 */
export class CreateChatThreads1764100000000 implements MigrationInterface {
  name = 'CreateChatThreads1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "chat_threads" (
        "id" text PRIMARY KEY,
        "user_id" text NOT NULL REFERENCES "user"("id") ON DELETE CASCADE,
        "title" text,
        "status" jsonb NOT NULL DEFAULT '{"type":"active"}',
        "metadata" jsonb NOT NULL DEFAULT '{}',
        "created_at" timestamptz(3) NOT NULL DEFAULT now(),
        "updated_at" timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT "ck_chat_threads_title_length" CHECK (char_length("title") BETWEEN 1 AND 200)
      )`);
    await q.query(
      `CREATE INDEX "ix_chat_threads_user_created" ON "chat_threads" ("user_id", "created_at", "id")`,
    );
    await q.query(`
      CREATE TABLE "chat_thread_items" (
        "id" text PRIMARY KEY,
        "thread_id" text NOT NULL REFERENCES "chat_threads"("id") ON DELETE CASCADE,
        "user_id" text NOT NULL,
        "seq" bigint GENERATED ALWAYS AS IDENTITY,
        "type" text NOT NULL,
        "payload" jsonb NOT NULL,
        "feedback" text,
        "created_at" timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT "ck_chat_thread_items_feedback" CHECK ("feedback" IN ('positive', 'negative'))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "ix_chat_thread_items_thread_seq" ON "chat_thread_items" ("thread_id", "seq")`,
    );
    await q.query(
      `CREATE INDEX "ix_chat_thread_items_user_turns" ON "chat_thread_items" ("user_id", "created_at")
       WHERE "type" = 'user_message'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "chat_thread_items"`);
    await q.query(`DROP TABLE "chat_threads"`);
  }
}
