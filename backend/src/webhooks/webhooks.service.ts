import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { DomainError } from '../common/domain-error';
import { TASK_EVENT_TYPES } from '../events/task-event';
import { SiteSecretBox } from '../sites/site-secrets';
import { checkWebhookUrl } from './webhook-urls';

/** A site's webhook as operators see it (never its secret). */
export interface WebhookSummary {
  id: string;
  site_id: string;
  url: string;
  events: string[];
  status: 'active' | 'disabled';
  failing_since: string | null;
  created_at: string;
}

export interface WebhookDelivery {
  webhook_id: string;
  message_id: string;
  event_type: string;
  attempt: number;
  /** The receiver's HTTP status; null when it could not be reached. */
  status: number | null;
  error: string | null;
  duration_ms: number;
  at: string;
}

const EVENT_PATTERN = /^task\.(\*|[a-z]+)$/;

/** The events a webhook gets: names or `task.*`; none means every task event. */
export function checkEvents(events: string[]): string[] {
  for (const e of events)
    if (!EVENT_PATTERN.test(e) || (!e.endsWith('*') && !(TASK_EVENT_TYPES as readonly string[]).includes(e)))
      throw new DomainError(
        'invalid_input',
        `Unknown event "${e.slice(0, 60)}": use task.* or any of ${TASK_EVENT_TYPES.join(', ')}.`,
      );
  return [...new Set(events)];
}

export function wants(events: string[], type: string): boolean {
  return (
    events.length === 0 ||
    events.some((e) => e === type || (e.endsWith('.*') && type.startsWith(e.slice(0, -1))))
  );
}

interface Row {
  id: string;
  site_id: string;
  url: string;
  events: string[];
  status: 'active' | 'disabled';
  failing_since: Date | null;
  created_at: Date;
}

const summary = (r: Row): WebhookSummary => ({
  id: r.id,
  site_id: r.site_id,
  url: r.url,
  events: r.events,
  status: r.status,
  failing_since: r.failing_since?.toISOString() ?? null,
  created_at: r.created_at.toISOString(),
});

/** Managing a site's webhooks (the sites CLI; the console can build on it). */
export class WebhooksService {
  constructor(
    private readonly pool: Pool,
    private readonly box: SiteSecretBox,
    private readonly development: boolean,
  ) {}

  /** A new webhook and its signing secret (`whsec_…`, shown this once). */
  async add(
    siteId: string,
    url: string,
    events: string[] = [],
  ): Promise<{ id: string; secret: string; webhook: WebhookSummary }> {
    // Events first: they are checked locally, the URL may need DNS.
    const checkedEvents = checkEvents(events);
    const checkedUrl = await checkWebhookUrl(url, this.development);
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    const id = `wh_${randomBytes(9).toString('base64url')}`;
    const { rows } = await this.pool.query<Row>(
      `INSERT INTO site_webhooks (id, site_id, url, events, secret) SELECT $1, id, $3, $4, $5 FROM sites WHERE id = $2
       RETURNING id, site_id, url, events, status, failing_since, created_at`,
      [id, siteId, checkedUrl, checkedEvents, await this.box.seal(secret)],
    );
    if (!rows[0]) throw new DomainError('not_found', `There is no site "${siteId.slice(0, 80)}".`);
    return { id, secret, webhook: summary(rows[0]) };
  }

  async list(siteId: string): Promise<WebhookSummary[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT id, site_id, url, events, status, failing_since, created_at FROM site_webhooks
       WHERE site_id = $1 ORDER BY created_at, id`,
      [siteId],
    );
    return rows.map(summary);
  }

  async remove(siteId: string, id: string): Promise<void> {
    const { rowCount } = await this.pool.query(`DELETE FROM site_webhooks WHERE site_id = $1 AND id = $2`, [
      siteId,
      id,
    ]);
    if (!rowCount)
      throw new DomainError('not_found', `The site ${siteId} has no webhook "${id.slice(0, 80)}".`);
  }

  /** Enables a disabled webhook again (its failures are forgotten). */
  async enable(siteId: string, id: string): Promise<void> {
    const { rowCount } = await this.pool.query(
      `UPDATE site_webhooks SET status = 'active', failing_since = NULL WHERE site_id = $1 AND id = $2`,
      [siteId, id],
    );
    if (!rowCount)
      throw new DomainError('not_found', `The site ${siteId} has no webhook "${id.slice(0, 80)}".`);
  }

  /** The newest deliveries of the site's webhooks (every attempt). */
  async deliveries(siteId: string, limit = 50): Promise<WebhookDelivery[]> {
    const { rows } = await this.pool.query<{
      webhook_id: string;
      message_id: string;
      event_type: string;
      attempt: number;
      status: number | null;
      error: string | null;
      duration_ms: number;
      created_at: Date;
    }>(
      `SELECT d.webhook_id, d.message_id, d.event_type, d.attempt, d.status, d.error, d.duration_ms, d.created_at
       FROM webhook_deliveries d JOIN site_webhooks w ON w.id = d.webhook_id
       WHERE w.site_id = $1 ORDER BY d.id DESC LIMIT $2`,
      [siteId, limit],
    );
    return rows.map((r) => ({
      webhook_id: r.webhook_id,
      message_id: r.message_id,
      event_type: r.event_type,
      attempt: r.attempt,
      status: r.status,
      error: r.error,
      duration_ms: r.duration_ms,
      at: r.created_at.toISOString(),
    }));
  }
}
