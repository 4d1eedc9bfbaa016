import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The change log behind undo: one row per change to a task, written in the same statement (or transaction) as the
 * change, holding the task as it was before and after it.
 * - `thread_id`: the conversation the change was made in (a chat turn, a widget action); `client_id`: the MCP client
 *   that made it over `/mcp`; neither for REST. Undo reverses changes of one of these scopes only;
 * - `batch`: changes made together (one turn, one widget action, one MCP call) are undone together;
 * - `next_number`: the occurrence a completed repeating task created in the same transaction (undo removes it);
 * - `before` / `after`: the rows as `to_jsonb(tasks)`; `before` is null for a creation, `after` for a deletion;
 * - `undone_at`: set once the change was reversed (a second undo walks back further, it never redoes).
 * A conversation's deletion takes its log with it; an account's deletion takes everything. Only the newest 200
 * changes of a user are kept (tasks.service.ts).
 */
export class TaskChanges1764850000000 implements MigrationInterface {
  name = 'TaskChanges1764850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "task_changes" (
        "seq" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "user_id" text NOT NULL REFERENCES "user"("id") ON DELETE CASCADE,
        "thread_id" text REFERENCES "chat_threads"("id") ON DELETE CASCADE,
        "client_id" text,
        "batch" text NOT NULL,
        "action" text NOT NULL,
        "task_number" integer NOT NULL,
        "next_number" integer,
        "before" jsonb,
        "after" jsonb,
        "created_at" timestamptz(3) NOT NULL DEFAULT now(),
        "undone_at" timestamptz(3),
        CONSTRAINT "ck_task_changes_action"
          CHECK ("action" IN ('created', 'updated', 'completed', 'reopened', 'deleted'))
      )`);
    await q.query(`CREATE INDEX "ix_task_changes_user" ON "task_changes" ("user_id", "seq")`);
    await q.query(
      `CREATE INDEX "ix_task_changes_thread" ON "task_changes" ("thread_id", "seq") WHERE "thread_id" IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "ix_task_changes_batch" ON "task_changes" ("user_id", "batch")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "task_changes"`);
  }
}
