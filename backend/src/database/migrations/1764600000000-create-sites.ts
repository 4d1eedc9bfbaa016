import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sites: the embedding websites one backend serves, each with its own origins, identity modes, secrets and
 * settings. Host users and guests belong to a site (`site_users`); accounts do not. Everything a user owns keeps
 * hanging off the user id, so deleting a site's users (done by the sites service, not a cascade from `sites`:
 * the `user` rows are better-auth's) takes their tasks and conversations with them.
 */
export class CreateSites1764600000000 implements MigrationInterface {
  name = 'CreateSites1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "sites" (
        "id" text PRIMARY KEY,
        "name" text NOT NULL,
        "origins" text[] NOT NULL DEFAULT '{}',
        "identity" text[] NOT NULL,
        -- HMAC secrets for host tokens, encrypted (JWE, A256GCM, key derived from BETTER_AUTH_SECRET).
        "secret_current" text,
        "secret_previous" text,
        "secret_previous_expires_at" timestamptz(3),
        "jwks_url" text,
        "issuer" text,
        "settings" jsonb NOT NULL DEFAULT '{}',
        "status" text NOT NULL DEFAULT 'active',
        "owner_user_id" text REFERENCES "user"("id") ON DELETE SET NULL,
        "created_at" timestamptz(3) NOT NULL DEFAULT now(),
        "updated_at" timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT "ck_sites_id" CHECK ("id" ~ '^[a-z0-9][a-z0-9_-]{1,62}$'),
        CONSTRAINT "ck_sites_status" CHECK ("status" IN ('active', 'disabled')),
        CONSTRAINT "ck_sites_identity" CHECK ("identity" <@ ARRAY['accounts', 'host', 'guests']::text[])
      )`);
    await q.query(`CREATE INDEX "ix_sites_owner" ON "sites" ("owner_user_id")`);
    await q.query(`
      CREATE TABLE "site_users" (
        "user_id" text PRIMARY KEY REFERENCES "user"("id") ON DELETE CASCADE,
        "site_id" text NOT NULL REFERENCES "sites"("id") ON DELETE CASCADE,
        "kind" text NOT NULL,
        -- The host's own id for its user (its token's sub); NULL for guests.
        "subject" text,
        -- What the host said of its user: information, never an identity.
        "name" text,
        "email" text,
        "created_at" timestamptz(3) NOT NULL DEFAULT now(),
        "last_seen_at" timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT "uq_site_users_subject" UNIQUE ("site_id", "subject"),
        CONSTRAINT "ck_site_users_kind" CHECK (("kind" = 'host' AND "subject" IS NOT NULL) OR ("kind" = 'guest' AND "subject" IS NULL))
      )`);
    await q.query(`CREATE INDEX "ix_site_users_site" ON "site_users" ("site_id", "kind")`);
    await q.query(
      `CREATE INDEX "ix_site_users_idle_guests" ON "site_users" ("last_seen_at") WHERE "kind" = 'guest'`,
    );
    await q.query(`
      CREATE TABLE "site_usage_days" (
        "site_id" text NOT NULL REFERENCES "sites"("id") ON DELETE CASCADE,
        "day" date NOT NULL,
        "turns" integer NOT NULL DEFAULT 0,
        "errors" integer NOT NULL DEFAULT 0,
        "tool_calls" jsonb NOT NULL DEFAULT '{}',
        PRIMARY KEY ("site_id", "day")
      )`);
    // Who was active: no foreign key, so an erased user still counts for the days they were active.
    await q.query(`
      CREATE TABLE "site_active_users" (
        "site_id" text NOT NULL REFERENCES "sites"("id") ON DELETE CASCADE,
        "day" date NOT NULL,
        "user_id" text NOT NULL,
        PRIMARY KEY ("site_id", "day", "user_id")
      )`);
    // Guest creation per client address: a one-minute window per key, as for chat turns.
    await q.query(`
      CREATE TABLE "request_rate_windows" (
        "key" text PRIMARY KEY,
        "window_start" timestamptz(3) NOT NULL,
        "count" integer NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "request_rate_windows"`);
    await q.query(`DROP TABLE "site_active_users"`);
    await q.query(`DROP TABLE "site_usage_days"`);
    await q.query(`DELETE FROM "user" WHERE "id" IN (SELECT "user_id" FROM "site_users")`);
    await q.query(`DROP TABLE "site_users"`);
    await q.query(`DROP TABLE "sites"`);
  }
}
