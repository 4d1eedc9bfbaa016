import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes measured as missing with 10,000 tasks for one user (bench/large-data.bench.ts):
 * - (user_id, created_at, number) serves GET /api/tasks in its default order (created) and its keyset pages;
 *   without it every page read and top-N sorted all of the user's tasks (first page 2.4x, each page 3.4x the
 *   figure for 20 tasks);
 * - trigram indexes on title and description serve `q=` (ILIKE '%…%'), which otherwise reads every task of
 *   the user (5–6x). pg_trgm ships with PostgreSQL (contrib) and is a trusted extension, but may be missing
 *   (e.g. the embedded PGlite loads no extensions): then search keeps working, as a scan of the user's tasks.
 */
export class TaskListIndexes1764200000000 implements MigrationInterface {
  name = 'TaskListIndexes1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "ix_tasks_user_created" ON "tasks" ("user_id", "created_at", "number")`);
    const [trgm] = (await q.query(`
      SELECT (installed_version IS NOT NULL
              OR has_database_privilege(current_database(), 'CREATE')) AS usable
      FROM pg_available_extensions WHERE name = 'pg_trgm'`)) as Array<{ usable: boolean }>;
    if (!trgm?.usable) return;
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX "ix_tasks_title_trgm" ON "tasks" USING gin ("title" gin_trgm_ops)`);
    await q.query(
      `CREATE INDEX "ix_tasks_description_trgm" ON "tasks" USING gin ("description" gin_trgm_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // The extension stays: other objects may use it.
    await q.query(`DROP INDEX IF EXISTS "ix_tasks_description_trgm"`);
    await q.query(`DROP INDEX IF EXISTS "ix_tasks_title_trgm"`);
    await q.query(`DROP INDEX "ix_tasks_user_created"`);
  }
}
