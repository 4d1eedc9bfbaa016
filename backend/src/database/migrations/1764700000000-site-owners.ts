import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A site may have several owners (accounts that manage it when SITE_CREATION=anyone; admins manage every site):
 * one row per owner, replacing the single creator column. An account's deletion removes its ownerships.
 */
export class SiteOwners1764700000000 implements MigrationInterface {
  name = 'SiteOwners1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "site_owners" (
        "site_id" text NOT NULL REFERENCES "sites"("id") ON DELETE CASCADE,
        "user_id" text NOT NULL REFERENCES "user"("id") ON DELETE CASCADE,
        "added_at" timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY ("site_id", "user_id")
      )`);
    await q.query(`CREATE INDEX "ix_site_owners_user" ON "site_owners" ("user_id")`);
    await q.query(
      `INSERT INTO "site_owners" ("site_id", "user_id") SELECT "id", "owner_user_id" FROM "sites" WHERE "owner_user_id" IS NOT NULL`,
    );
    await q.query(`DROP INDEX "ix_sites_owner"`);
    await q.query(`ALTER TABLE "sites" DROP COLUMN "owner_user_id"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "sites" ADD COLUMN "owner_user_id" text REFERENCES "user"("id") ON DELETE SET NULL`,
    );
    await q.query(`CREATE INDEX "ix_sites_owner" ON "sites" ("owner_user_id")`);
    await q.query(
      `UPDATE "sites" s SET "owner_user_id" = (SELECT o."user_id" FROM "site_owners" o WHERE o."site_id" = s."id" ORDER BY o."added_at" LIMIT 1)`,
    );
    await q.query(`DROP TABLE "site_owners"`);
  }
}
