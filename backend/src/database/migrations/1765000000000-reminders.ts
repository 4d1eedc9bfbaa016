import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders (tasks/schedule/reminders.ts): each task's rule and the instant it gives, and when it fired. Existing
 * tasks get the default rule (at the due time, 09:00 for a date without one); those whose instant has passed count
 * as reminded, so an upgrade does not send a burst of old reminders. The partial index is what the reminder sweep
 * reads: reminders not fired yet.
 */
export class Reminders1765000000000 implements MigrationInterface {
  name = 'Reminders1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "tasks"
        ADD COLUMN "remind_rule" text NOT NULL DEFAULT 'default',
        ADD COLUMN "remind_offset_minutes" integer,
        ADD COLUMN "remind_at" timestamptz(3),
        ADD COLUMN "reminded_at" timestamptz(3),
        ADD CONSTRAINT "ck_tasks_remind_rule" CHECK ("remind_rule" IN ('default', 'before', 'at', 'off'))`);
    await q.query(`
      UPDATE "tasks" SET "remind_at" = CASE WHEN "due_all_day"
          THEN (("due_at" AT TIME ZONE "due_time_zone")::date + time '09:00') AT TIME ZONE "due_time_zone"
          ELSE "due_at" END
        WHERE "due_at" IS NOT NULL`);
    await q.query(`UPDATE "tasks" SET "reminded_at" = now() WHERE "remind_at" <= now()`);
    // A reminder fired long after its time says so, in a stream's replay and on other instances too.
    await q.query(`ALTER TABLE "task_events" ADD COLUMN "late" boolean NOT NULL DEFAULT false`);
    await q.query(
      `CREATE INDEX "ix_tasks_reminders_due" ON "tasks" ("remind_at") WHERE "reminded_at" IS NULL AND NOT "completed"`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_tasks_reminders_due"`);
    await q.query(`ALTER TABLE "task_events" DROP COLUMN "late"`);
    await q.query(`
      ALTER TABLE "tasks" DROP CONSTRAINT "ck_tasks_remind_rule", DROP COLUMN "remind_rule",
        DROP COLUMN "remind_offset_minutes", DROP COLUMN "remind_at", DROP COLUMN "reminded_at"`);
  }
}
