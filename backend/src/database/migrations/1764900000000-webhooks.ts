import { MigrationInterface, QueryRunner } from 'typeorm';

/** A site's webhooks (task events, signed as Standard Webhooks) and the log of their deliveries. */
export class Webhooks1764900000000 implements MigrationInterface {
  name = 'Webhooks1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "site_webhooks" (
        "id" text PRIMARY KEY,
        "site_id" text NOT NULL REFERENCES "sites"("id") ON DELETE CASCADE,
        "url" text NOT NULL,
        -- Event types or patterns ("task.*"); empty: every task event.
        "events" text[] NOT NULL DEFAULT '{}',
        -- The signing secret, encrypted like the site secrets.
        "secret" text NOT NULL,
        "status" text NOT NULL DEFAULT 'active',
        -- Since when deliveries fail without a success in between (disabled after 24 hours).
        "failing_since" timestamptz(3),
        "created_at" timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT "ck_site_webhooks_status" CHECK ("status" IN ('active', 'disabled'))
      )`);
    await q.query(`CREATE INDEX "ix_site_webhooks_site" ON "site_webhooks" ("site_id")`);
    await q.query(`
      CREATE TABLE "webhook_deliveries" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "webhook_id" text NOT NULL REFERENCES "site_webhooks"("id") ON DELETE CASCADE,
        "message_id" text NOT NULL,
        "event_type" text NOT NULL,
        "attempt" integer NOT NULL,
        "status" integer,
        "error" text,
        "duration_ms" integer NOT NULL,
        "created_at" timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX "ix_webhook_deliveries_webhook" ON "webhook_deliveries" ("webhook_id", "id")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "webhook_deliveries"`);
    await q.query(`DROP TABLE "site_webhooks"`);
  }
}
