import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-user chat-turn windows: one row per user, counted in a single upsert, so the limit holds across every
 * backend instance and under concurrent bursts without any memory in the process. Replaces counting stored
 * user messages, which concurrent requests could all pass before any had stored its message.
 */
export class CreateChatRateWindows1764400000000 implements MigrationInterface {
  name = 'CreateChatRateWindows1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "chat_rate_windows" (
        "user_id" text PRIMARY KEY REFERENCES "user"("id") ON DELETE CASCADE,
        "window_start" timestamptz(3) NOT NULL,
        "turns" integer NOT NULL
      )`);
    await q.query(`DROP INDEX IF EXISTS "ix_chat_thread_items_user_turns"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "ix_chat_thread_items_user_turns" ON "chat_thread_items" ("user_id", "created_at") WHERE "type" = 'user_message'`,
    );
    await q.query(`DROP TABLE "chat_rate_windows"`);
  }
}
