import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Priorities, tags, due dates and recurrence on tasks, and the user's remembered time zone. Existing tasks keep
 * everything and get no priority, no tags, no due date and no repeat (adding a column with a constant default
 * rewrites nothing).
 * - priority: 1 high, 2 medium, 3 low, NULL none (so ascending order is high first);
 * - due_at: the instant; a due date without a time is the end of that day in due_time_zone (due_all_day);
 * - indexes, measured with 10,000 tasks for one user (bench/large-data.bench.ts): the due and priority sort keys
 *   (NULLs as 'infinity' / 4, so they sort last and keyset cursors compare plain values) also serve the due
 *   filters (overdue, today, week, before/after are ranges of the due key); tags are matched with a GIN index.
 */
export class TaskFields1764500000000 implements MigrationInterface {
  name = 'TaskFields1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "tasks"
        ADD COLUMN "priority" smallint,
        ADD COLUMN "tags" text[] NOT NULL DEFAULT '{}',
        ADD COLUMN "due_at" timestamptz(3),
        ADD COLUMN "due_all_day" boolean NOT NULL DEFAULT false,
        ADD COLUMN "due_time_zone" text,
        ADD COLUMN "recurrence" jsonb,
        ADD CONSTRAINT "ck_tasks_priority" CHECK ("priority" BETWEEN 1 AND 3),
        ADD CONSTRAINT "ck_tasks_tags_count" CHECK (cardinality("tags") <= 10),
        ADD CONSTRAINT "ck_tasks_recurrence_due" CHECK ("recurrence" IS NULL OR "due_at" IS NOT NULL)`);
    await q.query(
      `CREATE INDEX "ix_tasks_user_due" ON "tasks" ("user_id", COALESCE("due_at", 'infinity'::timestamptz), "number")`,
    );
    await q.query(
      `CREATE INDEX "ix_tasks_user_priority" ON "tasks"
         ("user_id", COALESCE("priority", 4), COALESCE("due_at", 'infinity'::timestamptz), "number")`,
    );
    await q.query(`CREATE INDEX "ix_tasks_tags" ON "tasks" USING gin ("tags")`);
    await q.query(`
      CREATE TABLE "user_settings" (
        "user_id" text PRIMARY KEY REFERENCES "user"("id") ON DELETE CASCADE,
        "time_zone" text NOT NULL,
        "updated_at" timestamptz(3) NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "user_settings"`);
    await q.query(`DROP INDEX "ix_tasks_tags"`);
    await q.query(`DROP INDEX "ix_tasks_user_priority"`);
    await q.query(`DROP INDEX "ix_tasks_user_due"`);
    await q.query(`
      ALTER TABLE "tasks"
        DROP CONSTRAINT "ck_tasks_recurrence_due",
        DROP CONSTRAINT "ck_tasks_tags_count",
        DROP CONSTRAINT "ck_tasks_priority",
        DROP COLUMN "recurrence",
        DROP COLUMN "due_time_zone",
        DROP COLUMN "due_all_day",
        DROP COLUMN "due_at",
        DROP COLUMN "tags",
        DROP COLUMN "priority"`);
  }
}
