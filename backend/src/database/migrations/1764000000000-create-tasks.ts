import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTasks1764000000000 implements MigrationInterface {
  name = 'CreateTasks1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "task_counters" (
        "user_id" text PRIMARY KEY REFERENCES "user"("id") ON DELETE CASCADE,
        "last_number" integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE "tasks" (
        "uuid" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "user_id" text NOT NULL REFERENCES "user"("id") ON DELETE CASCADE,
        "number" integer NOT NULL,
        "title" varchar(200) NOT NULL,
        "description" varchar(1000),
        "completed" boolean NOT NULL DEFAULT false,
        "created_at" timestamptz(3) NOT NULL DEFAULT now(),
        "updated_at" timestamptz(3) NOT NULL DEFAULT now(),
        "completed_at" timestamptz(3),
        CONSTRAINT "uq_tasks_user_number" UNIQUE ("user_id", "number"),
        CONSTRAINT "ck_tasks_title_length" CHECK (char_length("title") BETWEEN 1 AND 200)
      )`);
    await q.query(`CREATE INDEX "ix_tasks_user_completed" ON "tasks" ("user_id", "completed", "number")`);
    await q.query(`CREATE INDEX "ix_tasks_user_updated" ON "tasks" ("user_id", "updated_at", "number")`);
    await q.query(`CREATE INDEX "ix_tasks_user_title" ON "tasks" ("user_id", lower("title"), "number")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "tasks"`);
    await q.query(`DROP TABLE "task_counters"`);
  }
}
