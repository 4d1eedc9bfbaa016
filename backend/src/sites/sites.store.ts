import type { Pool, PoolClient } from 'pg';
import type { IdentityMode, SiteRecord, SiteSettings, SiteStatus } from './site.model';

/** The pg pool, or one client inside a transaction. */
export type Db = Pick<Pool, 'query'>;

interface SiteRow {
  id: string;
  name: string;
  origins: string[];
  identity: IdentityMode[];
  secret_current: string | null;
  secret_previous: string | null;
  secret_previous_expires_at: Date | null;
  jwks_url: string | null;
  issuer: string | null;
  settings: SiteSettings;
  status: SiteStatus;
  owners: string[];
  created_at: Date;
  updated_at: Date;
}

const toSite = (r: SiteRow): SiteRecord => ({
  id: r.id,
  name: r.name,
  origins: r.origins,
  identity: r.identity,
  secretCurrent: r.secret_current,
  secretPrevious: r.secret_previous,
  secretPreviousExpiresAt: r.secret_previous_expires_at,
  jwksUrl: r.jwks_url,
  issuer: r.issuer,
  settings: r.settings,
  status: r.status,
  owners: r.owners,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Columns a write may set (the rest are the store's). */
export type SitePatch = Partial<
  Pick<
    SiteRecord,
    | 'name'
    | 'origins'
    | 'identity'
    | 'secretCurrent'
    | 'secretPrevious'
    | 'secretPreviousExpiresAt'
    | 'jwksUrl'
    | 'issuer'
    | 'settings'
    | 'status'
  >
>;

const COLUMN: Record<keyof SitePatch, string> = {
  name: 'name',
  origins: 'origins',
  identity: 'identity',
  secretCurrent: 'secret_current',
  secretPrevious: 'secret_previous',
  secretPreviousExpiresAt: 'secret_previous_expires_at',
  jwksUrl: 'jwks_url',
  issuer: 'issuer',
  settings: 'settings',
  status: 'status',
};

const OWNERS_OF = (alias: string) =>
  `coalesce((SELECT array_agg(o.user_id ORDER BY o.added_at) FROM site_owners o WHERE o.site_id = ${alias}.id), '{}')`;
const SELECT_SITES = `SELECT s.*, ${OWNERS_OF('s')} AS owners FROM sites s`;

/** SQL of the `sites` table. Every write stamps `updated_at`, which is how other instances notice it. */
export class SitesStore {
  constructor(private readonly db: Db) {}

  async all(): Promise<SiteRecord[]> {
    const { rows } = await this.db.query<SiteRow>(`${SELECT_SITES} ORDER BY s.created_at, s.id`);
    return rows.map(toSite);
  }

  async ownedBy(userId: string): Promise<SiteRecord[]> {
    const { rows } = await this.db.query<SiteRow>(
      `${SELECT_SITES} WHERE EXISTS (SELECT 1 FROM site_owners o WHERE o.site_id = s.id AND o.user_id = $1)
       ORDER BY s.created_at, s.id`,
      [userId],
    );
    return rows.map(toSite);
  }

  async get(id: string): Promise<SiteRecord | undefined> {
    const { rows } = await this.db.query<SiteRow>(`${SELECT_SITES} WHERE s.id = $1`, [id]);
    return rows[0] && toSite(rows[0]);
  }

  /** A site's owners, oldest first, with what an operator needs to recognise them. */
  async owners(id: string): Promise<Array<{ id: string; email: string; name: string; added_at: Date }>> {
    const { rows } = await this.db.query<{ id: string; email: string; name: string; added_at: Date }>(
      `SELECT u.id, u.email, u.name, o.added_at FROM site_owners o JOIN "user" u ON u.id = o.user_id
       WHERE o.site_id = $1 ORDER BY o.added_at, u.email`,
      [id],
    );
    return rows;
  }

  /** Adds an owner (nothing when it already is one); stamps the site so every instance reloads it. */
  async addOwner(id: string, userId: string): Promise<void> {
    await this.db.query(
      `WITH o AS (INSERT INTO site_owners (site_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1)
       UPDATE sites SET updated_at = clock_timestamp() WHERE id = $1 AND EXISTS (SELECT 1 FROM o)`,
      [id, userId],
    );
  }

  /** Removes an owner unless it is the last one; false when it was the last (nothing removed). */
  async removeOwner(id: string, userId: string): Promise<boolean> {
    const { rows } = await this.db.query<{ removed: boolean }>(
      `WITH d AS (
         DELETE FROM site_owners WHERE site_id = $1 AND user_id = $2
           AND (SELECT count(*) FROM site_owners WHERE site_id = $1) > 1
         RETURNING 1
       ), u AS (UPDATE sites SET updated_at = clock_timestamp() WHERE id = $1 AND EXISTS (SELECT 1 FROM d))
       SELECT EXISTS (SELECT 1 FROM d) AS removed`,
      [id, userId],
    );
    return rows[0].removed;
  }

  /** What deleting a site takes with it: its host users, its guests, and their tasks. */
  async impact(id: string): Promise<{ host_users: number; guests: number; tasks: number }> {
    const { rows } = await this.db.query<{ host_users: number; guests: number; tasks: number }>(
      `SELECT count(*) FILTER (WHERE su.kind = 'host')::int AS host_users,
              count(*) FILTER (WHERE su.kind = 'guest')::int AS guests,
              coalesce((SELECT count(*) FROM tasks t JOIN site_users x ON x.user_id = t.user_id WHERE x.site_id = $1), 0)::int AS tasks
       FROM site_users su WHERE su.site_id = $1`,
      [id],
    );
    return rows[0];
  }

  /**
   * What changes when any site changes: a cheap check before reloading them all. `updated_at` keeps milliseconds
   * and two writes close together share one, so the rows' xmin (the transaction that wrote each) is summed in.
   */
  async version(): Promise<string> {
    const { rows } = await this.db.query<{ v: string }>(
      `SELECT count(*)::text || '/' || coalesce(max(updated_at)::text, '') || '/' ||
              coalesce(sum(xmin::text::bigint), 0)::text AS v FROM sites`,
    );
    return rows[0].v;
  }

  /** Inserts a new site (and its first owner); undefined when the id is taken. */
  async insert(site: {
    id: string;
    name: string;
    origins: string[];
    identity: IdentityMode[];
    secretCurrent: string;
    ownerUserId: string | null;
  }): Promise<SiteRecord | undefined> {
    const { rows } = await this.db.query<SiteRow>(
      `WITH s AS (
         INSERT INTO sites (id, name, origins, identity, secret_current)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING *
       ), o AS (
         INSERT INTO site_owners (site_id, user_id) SELECT s.id, $6 FROM s WHERE $6::text IS NOT NULL
       )
       SELECT s.*, CASE WHEN $6::text IS NULL THEN '{}'::text[] ELSE ARRAY[$6::text] END AS owners FROM s`,
      [site.id, site.name, site.origins, site.identity, site.secretCurrent, site.ownerUserId],
    );
    return rows[0] && toSite(rows[0]);
  }

  async update(id: string, patch: SitePatch): Promise<SiteRecord | undefined> {
    const keys = (Object.keys(patch) as Array<keyof SitePatch>).filter((k) => patch[k] !== undefined);
    const sets = keys.map((k, i) => `${COLUMN[k]} = $${i + 2}`);
    const values = keys.map((k) => (k === 'settings' ? JSON.stringify(patch[k]) : patch[k]));
    const { rows } = await this.db.query<SiteRow>(
      `WITH s AS (UPDATE sites SET ${[...sets, 'updated_at = clock_timestamp()'].join(', ')} WHERE id = $1 RETURNING *)
       SELECT s.*, ${OWNERS_OF('s')} AS owners FROM s`,
      [id, ...values],
    );
    return rows[0] && toSite(rows[0]);
  }

  /**
   * The site `default`, from ALLOWED_ORIGINS: made on first start with the `accounts` identity; later starts only
   * set its origins (the environment stays their one source), keeping whatever else an operator changed.
   */
  async upsertDefault(origins: string[], secretCurrent: string): Promise<void> {
    await this.db.query(
      `INSERT INTO sites (id, name, origins, identity, secret_current)
       VALUES ('default', 'Default site (ALLOWED_ORIGINS)', $1, ARRAY['accounts'], $2)
       ON CONFLICT (id) DO UPDATE SET origins = EXCLUDED.origins, updated_at = clock_timestamp()
       WHERE sites.origins IS DISTINCT FROM EXCLUDED.origins`,
      [origins, secretCurrent],
    );
  }

  /** Deletes a site with its host users and guests (and, by cascade, everything they own). */
  async delete(client: PoolClient, id: string): Promise<boolean> {
    await client.query(`DELETE FROM "user" WHERE id IN (SELECT user_id FROM site_users WHERE site_id = $1)`, [
      id,
    ]);
    const { rowCount } = await client.query('DELETE FROM sites WHERE id = $1', [id]);
    return (rowCount ?? 0) > 0;
  }
}
