import type { Sql } from '../database/sql.service';

/** A pg pool (the CLI), or the Sql service, whose statements are named: `record` runs on every turn. */
type Db = Pick<Sql, 'query'>;

/** One day of a site's use (UTC days), as `sites usage` and the admin API show it. */
export interface UsageDay {
  day: string;
  turns: number;
  tool_calls: Record<string, number>;
  active_users: number;
  errors: number;
}

export interface UsageReport {
  site: string;
  days: UsageDay[];
  totals: Omit<UsageDay, 'day'>;
}

/** What one finished turn adds to its site's day. */
export interface TurnUsage {
  siteId: string;
  userId: string;
  /** Name of every tool the turn called, once per call. */
  tools: string[];
  failed: boolean;
}

// $1 site, $2 user, $3 errors (0/1), $4 tool calls {name: count}. One statement: the day's counters (the tool
// counts added key by key) and the user's presence that day.
const RECORD = `WITH d AS (
  INSERT INTO site_usage_days AS u (site_id, day, turns, errors, tool_calls)
  VALUES ($1, (now() AT TIME ZONE 'UTC')::date, 1, $3, $4::jsonb)
  ON CONFLICT (site_id, day) DO UPDATE SET
    turns = u.turns + 1,
    errors = u.errors + EXCLUDED.errors,
    tool_calls = u.tool_calls || coalesce((
      SELECT jsonb_object_agg(k, coalesce((u.tool_calls ->> k)::int, 0) + v::int)
      FROM jsonb_each_text(EXCLUDED.tool_calls) AS e(k, v)), '{}')
)
INSERT INTO site_active_users (site_id, day, user_id) VALUES ($1, (now() AT TIME ZONE 'UTC')::date, $2)
ON CONFLICT DO NOTHING`;

/** Per-site usage, kept per day: turns, tool calls by tool, active users, errors. */
export class SiteUsage {
  constructor(private readonly db: Db) {}

  async record(usage: TurnUsage): Promise<void> {
    const tools: Record<string, number> = {};
    for (const name of usage.tools) tools[name] = (tools[name] ?? 0) + 1;
    await this.db.query(RECORD, [usage.siteId, usage.userId, usage.failed ? 1 : 0, JSON.stringify(tools)]);
  }

  /** Turns per day of several sites over the last `days` days (UTC), oldest first: the console's small charts. */
  async turnsByDay(siteIds: string[], days: number): Promise<Record<string, number[]>> {
    const { rows } = await this.db.query<{ site_id: string; turns: number[] }>(
      `SELECT id AS site_id, array_agg(coalesce(u.turns, 0) ORDER BY g.day) AS turns
       FROM unnest($1::text[]) AS id
       CROSS JOIN generate_series((now() AT TIME ZONE 'UTC')::date - ($2::int - 1), (now() AT TIME ZONE 'UTC')::date,
                                  interval '1 day') AS g(day)
       LEFT JOIN site_usage_days u ON u.site_id = id AND u.day = g.day::date
       GROUP BY id`,
      [siteIds, days],
    );
    return Object.fromEntries(rows.map((r) => [r.site_id, r.turns]));
  }

  /** The last `days` days up to today (UTC), oldest first, days without use included as zeros. */
  async report(siteId: string, days: number): Promise<UsageReport> {
    const { rows } = await this.db.query<{
      day: string;
      turns: number;
      errors: number;
      tool_calls: Record<string, number>;
      active_users: number;
    }>(
      `SELECT to_char(d.day, 'YYYY-MM-DD') AS day, coalesce(u.turns, 0) AS turns, coalesce(u.errors, 0) AS errors,
              coalesce(u.tool_calls, '{}') AS tool_calls,
              (SELECT count(*)::int FROM site_active_users a WHERE a.site_id = $1 AND a.day = d.day) AS active_users
       FROM generate_series((now() AT TIME ZONE 'UTC')::date - ($2::int - 1), (now() AT TIME ZONE 'UTC')::date,
                            interval '1 day') AS g(day)
       CROSS JOIN LATERAL (SELECT g.day::date AS day) d
       LEFT JOIN site_usage_days u ON u.site_id = $1 AND u.day = d.day
       ORDER BY d.day`,
      [siteId, days],
    );
    const { rows: distinct } = await this.db.query<{ n: number }>(
      `SELECT count(DISTINCT user_id)::int AS n FROM site_active_users
       WHERE site_id = $1 AND day > (now() AT TIME ZONE 'UTC')::date - $2::int`,
      [siteId, days],
    );
    const totals: Omit<UsageDay, 'day'> = {
      turns: 0,
      tool_calls: {},
      active_users: distinct[0].n,
      errors: 0,
    };
    for (const r of rows) {
      totals.turns += r.turns;
      totals.errors += r.errors;
      for (const [k, v] of Object.entries(r.tool_calls))
        totals.tool_calls[k] = (totals.tool_calls[k] ?? 0) + v;
    }
    return { site: siteId, days: rows, totals };
  }
}
