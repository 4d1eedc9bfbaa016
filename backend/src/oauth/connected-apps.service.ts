import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DomainError } from '../common/domain-error';
import { Sql } from '../database/sql.service';
import { inTransaction } from '../database/transaction';

/** An app a user allowed at the consent page (an MCP client). */
export interface ConnectedApp {
  /** The consent's id: what `DELETE /api/connected-apps/:id` takes. */
  id: string;
  client_id: string;
  name: string | null;
  /** What the user allowed: `tasks:read`, `tasks:write`, `offline_access`. */
  scopes: string[];
  connected_at: string;
}

/**
 * The apps a user connected through OAuth (better-auth's consents and clients), and disconnecting one: its
 * consent and every access and refresh token it holds for the user go in one transaction, and `/mcp` checks the
 * consent on every request, so the app stops at once.
 */
@Injectable()
export class ConnectedAppsService {
  private readonly pool: Pool;

  constructor(sql: Sql) {
    this.pool = sql.master;
  }

  async list(userId: string): Promise<ConnectedApp[]> {
    const { rows } = await this.pool.query<{
      id: string;
      client_id: string;
      name: string | null;
      scopes: string[];
      created_at: Date;
    }>(
      `SELECT c.id, c."clientId" AS client_id, k.name, c.scopes, c."createdAt" AS created_at
       FROM "oauthConsent" c JOIN "oauthClient" k ON k."clientId" = c."clientId"
       WHERE c."userId" = $1 ORDER BY c."createdAt" DESC`,
      [userId],
    );
    return rows.map((r) => ({
      id: r.id,
      client_id: r.client_id,
      name: r.name,
      scopes: r.scopes,
      connected_at: r.created_at.toISOString(),
    }));
  }

  async disconnect(userId: string, id: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ clientId: string }>(
        `DELETE FROM "oauthConsent" WHERE id = $1 AND "userId" = $2 RETURNING "clientId"`,
        [id, userId],
      );
      if (!rows[0]) throw new DomainError('not_found', `You have no connected app "${id.slice(0, 100)}".`);
      for (const table of ['"oauthAccessToken"', '"oauthRefreshToken"'])
        await client.query(`DELETE FROM ${table} WHERE "clientId" = $1 AND "userId" = $2`, [
          rows[0].clientId,
          userId,
        ]);
    });
  }
}
