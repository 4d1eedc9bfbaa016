import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DatabaseError, type Pool } from 'pg';
import { DomainError } from '../common/domain-error';
import { Sql } from '../database/sql.service';
import { inTransaction } from '../database/transaction';
import { toTaskView } from '../tasks/task.view';
import { TasksService } from '../tasks/tasks.service';

export type SiteUserKind = 'host' | 'guest';

/** Which site a user belongs to, and as what (accounts belong to none). */
export interface SiteMembership {
  siteId: string;
  kind: SiteUserKind;
}

/** Everything one host user owns, as `GET /api/sites/:siteId/users/:sub/export` answers it. */
export interface SiteUserExport {
  site: string;
  user: { sub: string; name: string | null; email: string | null; created_at: string; last_seen_at: string };
  tasks: Array<ReturnType<typeof toTaskView>>;
  conversations: Array<{
    id: string;
    title: string | null;
    created_at: string;
    updated_at: string;
    items: Array<{ id: string; type: string; created_at: string; content: unknown }>;
  }>;
}

/**
 * A write for a site that is gone: deleted (by another instance, or `npm run sites`) after this instance's
 * in-memory view last read it, which can lag by SITES_REFRESH_MS.
 */
function isDeletedSite(err: unknown): boolean {
  return err instanceof DatabaseError && err.code === '23503' && err.constraint === 'site_users_site_id_fkey';
}

const noSuchSite = (siteId: string) => `There is no site "${siteId.slice(0, 80)}".`;

/** A better-auth-style user id (32 base62-ish characters). */
function newUserId(): string {
  return randomBytes(24).toString('base64url').replace(/[-_]/g, '').slice(0, 32).padEnd(32, '0');
}

/**
 * The users that belong to a site: host users (one per `(site, sub)`) and guests. Their `user` rows are ordinary
 * better-auth users, so every table that hangs off the user id (tasks, threads, items, settings) isolates them
 * exactly as it isolates accounts; their email column holds a placeholder on the reserved `.invalid` domain,
 * because a host's word about an email address is information, never an identity (it must not collide with,
 * sign in to or reveal an account of that address).
 */
@Injectable()
export class SiteUsersService {
  private readonly pool: Pool;

  constructor(
    sql: Sql,
    private readonly tasks: TasksService,
  ) {
    this.pool = sql.master;
  }

  /** The host user `(siteId, sub)`: made on first sight, its name and email refreshed on later ones. */
  async hostUser(
    siteId: string,
    sub: string,
    name: string | undefined,
    email: string | undefined,
  ): Promise<string> {
    try {
      return await this.findOrAddHostUser(siteId, sub, name, email);
    } catch (err) {
      // The same refusal as for a site this instance already knows is gone, not a 500.
      if (isDeletedSite(err)) throw new DomainError('unauthorized', noSuchSite(siteId));
      throw err;
    }
  }

  private findOrAddHostUser(
    siteId: string,
    sub: string,
    name: string | undefined,
    email: string | undefined,
  ): Promise<string> {
    return inTransaction(this.pool, async (client) => {
      // Two first sights at once (two tabs) must make one user.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [siteId, sub]);
      const seen = await client.query<{ user_id: string }>(
        `UPDATE site_users SET name = $3, email = $4, last_seen_at = now()
         WHERE site_id = $1 AND subject = $2 RETURNING user_id`,
        [siteId, sub, name ?? null, email ?? null],
      );
      const known = seen.rows[0]?.user_id;
      if (known) {
        if (name)
          await client.query(
            `UPDATE "user" SET name = $2, "updatedAt" = now() WHERE id = $1 AND name IS DISTINCT FROM $2`,
            [known, name],
          );
        return known;
      }
      const id = newUserId();
      await client.query(
        `INSERT INTO "user" (id, name, email, "emailVerified", "createdAt", "updatedAt")
         VALUES ($1, $2, $3, false, now(), now())`,
        [id, name ?? 'Visitor', `host-${id.toLowerCase()}@${siteId}.sites.invalid`],
      );
      await client.query(
        `INSERT INTO site_users (user_id, site_id, kind, subject, name, email) VALUES ($1, $2, 'host', $3, $4, $5)`,
        [id, siteId, sub, name ?? null, email ?? null],
      );
      return id;
    });
  }

  /**
   * Records a guest (a better-auth anonymous user just made) as the site's. When the site is gone, the user is
   * deleted again: a guest of no site would never be swept.
   */
  async addGuest(siteId: string, userId: string): Promise<void> {
    try {
      await this.pool.query(`INSERT INTO site_users (user_id, site_id, kind) VALUES ($1, $2, 'guest')`, [
        userId,
        siteId,
      ]);
    } catch (err) {
      if (!isDeletedSite(err)) throw err;
      await this.pool.query(`DELETE FROM "user" WHERE id = $1`, [userId]);
      throw new DomainError('not_found', noSuchSite(siteId));
    }
  }

  /**
   * The site a user belongs to, for the claims of an access token better-auth issues (a guest refreshing its
   * token); it also marks the user as seen, which keeps an active guest from being swept as idle.
   */
  async touch(userId: string): Promise<SiteMembership | undefined> {
    const { rows } = await this.pool.query<{ site_id: string; kind: SiteUserKind }>(
      `UPDATE site_users SET last_seen_at = now() WHERE user_id = $1 RETURNING site_id, kind`,
      [userId],
    );
    return rows[0] && { siteId: rows[0].site_id, kind: rows[0].kind };
  }

  /** Erases a host user with everything they own; false when the site has no such user. */
  async erase(siteId: string, sub: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `DELETE FROM "user" WHERE id = (SELECT user_id FROM site_users WHERE site_id = $1 AND subject = $2)`,
      [siteId, sub],
    );
    return (rowCount ?? 0) > 0;
  }

  async export(siteId: string, sub: string): Promise<SiteUserExport | undefined> {
    const { rows } = await this.pool.query<{
      user_id: string;
      name: string | null;
      email: string | null;
      created_at: Date;
      last_seen_at: Date;
    }>(
      `SELECT user_id, name, email, created_at, last_seen_at FROM site_users WHERE site_id = $1 AND subject = $2`,
      [siteId, sub],
    );
    const user = rows[0];
    if (!user) return undefined;
    const [tasks, threads, items] = await Promise.all([
      this.tasks.all(user.user_id),
      this.pool.query<{ id: string; title: string | null; created_at: Date; updated_at: Date }>(
        `SELECT id, title, created_at, updated_at FROM chat_threads WHERE user_id = $1 ORDER BY created_at`,
        [user.user_id],
      ),
      this.pool.query<{ id: string; thread_id: string; type: string; created_at: Date; payload: unknown }>(
        `SELECT id, thread_id, type, created_at, payload FROM chat_thread_items WHERE user_id = $1 ORDER BY seq`,
        [user.user_id],
      ),
    ]);
    return {
      site: siteId,
      user: {
        sub,
        name: user.name,
        email: user.email,
        created_at: user.created_at.toISOString(),
        last_seen_at: user.last_seen_at.toISOString(),
      },
      tasks: tasks.map((t) => toTaskView(t)),
      conversations: threads.rows.map((t) => ({
        id: t.id,
        title: t.title,
        created_at: t.created_at.toISOString(),
        updated_at: t.updated_at.toISOString(),
        items: items.rows
          .filter((i) => i.thread_id === t.id)
          .map((i) => ({
            id: i.id,
            type: i.type,
            created_at: i.created_at.toISOString(),
            content: i.payload,
          })),
      })),
    };
  }

  /**
   * Moves a guest's tasks and conversations into the account they signed up or in with (better-auth's
   * anonymous plugin deletes the guest right after). The tasks keep their order and take the numbers after
   * the account's own; the account keeps its time zone when it has one. Nothing happens for a user who is
   * not a guest, and a guest moves once: the move and the guest's removal from its site commit together.
   */
  moveGuest(guestId: string, accountId: string): Promise<void> {
    if (guestId === accountId) return Promise.resolve();
    return inTransaction(this.pool, async (client) => {
      const guest = await client.query(`DELETE FROM site_users WHERE user_id = $1 AND kind = 'guest'`, [
        guestId,
      ]);
      if (!guest.rowCount) return;
      const counter = await client.query<{ last_number: number }>(
        `INSERT INTO task_counters (user_id, last_number) VALUES ($1, 0)
         ON CONFLICT (user_id) DO UPDATE SET last_number = task_counters.last_number RETURNING last_number`,
        [accountId],
      );
      const offset = counter.rows[0].last_number;
      await client.query(`UPDATE tasks SET user_id = $2, number = number + $3 WHERE user_id = $1`, [
        guestId,
        accountId,
        offset,
      ]);
      await client.query(
        `UPDATE task_counters SET last_number = $2 + coalesce((SELECT last_number FROM task_counters WHERE user_id = $3), 0)
         WHERE user_id = $1`,
        [accountId, offset, guestId],
      );
      await client.query(`UPDATE chat_threads SET user_id = $2 WHERE user_id = $1`, [guestId, accountId]);
      await client.query(`UPDATE chat_thread_items SET user_id = $2 WHERE user_id = $1`, [
        guestId,
        accountId,
      ]);
      await client.query(
        `INSERT INTO user_settings (user_id, time_zone) SELECT $2, time_zone FROM user_settings WHERE user_id = $1
         ON CONFLICT (user_id) DO NOTHING`,
        [guestId, accountId],
      );
    });
  }

  /** Deletes guests idle for `days` with their data; returns how many. */
  async deleteIdleGuests(days: number): Promise<number> {
    const { rowCount } = await this.pool.query(
      `DELETE FROM "user" WHERE id IN (
         SELECT user_id FROM site_users WHERE kind = 'guest' AND last_seen_at < now() - make_interval(days => $1))`,
      [days],
    );
    return rowCount ?? 0;
  }
}
