import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Task events (every change of a user's tasks, and reminders): kept an hour, so a stream that reconnects with
 * `Last-Event-ID` misses nothing; ids grow with time across every instance.
 */
export class TaskEvents1764800000000 implements MigrationInterface {
  name = 'TaskEvents1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "task_events" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "user_id" text NOT NULL REFERENCES "user"("id") ON DELETE CASCADE,
        "type" text NOT NULL,
        "task" jsonb NOT NULL,
        "created_at" timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "ix_task_events_user" ON "task_events" ("user_id", "id")`);
    await q.query(`CREATE INDEX "ix_task_events_created" ON "task_events" ("created_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "task_events"`);
  }
}
