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
  owner_user_id: string | null;
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
  ownerUserId: r.owner_user_id,
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

/** SQL of the `sites` table. Every write stamps `updated_at`, which is how other instances notice it. */
export class SitesStore {
  constructor(private readonly db: Db) {}

  async all(): Promise<SiteRecord[]> {
    const { rows } = await this.db.query<SiteRow>('SELECT * FROM sites ORDER BY created_at, id');
    return rows.map(toSite);
  }

  async ownedBy(userId: string): Promise<SiteRecord[]> {
    const { rows } = await this.db.query<SiteRow>(
      'SELECT * FROM sites WHERE owner_user_id = $1 ORDER BY created_at, id',
      [userId],
    );
    return rows.map(toSite);
  }

  async get(id: string): Promise<SiteRecord | undefined> {
    const { rows } = await this.db.query<SiteRow>('SELECT * FROM sites WHERE id = $1', [id]);
    return rows[0] && toSite(rows[0]);
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

  /** Inserts a new site; undefined when the id is taken. */
  async insert(site: {
    id: string;
    name: string;
    origins: string[];
    identity: IdentityMode[];
    secretCurrent: string;
    ownerUserId: string | null;
  }): Promise<SiteRecord | undefined> {
    const { rows } = await this.db.query<SiteRow>(
      `INSERT INTO sites (id, name, origins, identity, secret_current, owner_user_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING RETURNING *`,
      [site.id, site.name, site.origins, site.identity, site.secretCurrent, site.ownerUserId],
    );
    return rows[0] && toSite(rows[0]);
  }

  async update(id: string, patch: SitePatch): Promise<SiteRecord | undefined> {
    const keys = (Object.keys(patch) as Array<keyof SitePatch>).filter((k) => patch[k] !== undefined);
    const sets = keys.map((k, i) => `${COLUMN[k]} = $${i + 2}`);
    const values = keys.map((k) => (k === 'settings' ? JSON.stringify(patch[k]) : patch[k]));
    const { rows } = await this.db.query<SiteRow>(
      `UPDATE sites SET ${[...sets, 'updated_at = clock_timestamp()'].join(', ')} WHERE id = $1 RETURNING *`,
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
