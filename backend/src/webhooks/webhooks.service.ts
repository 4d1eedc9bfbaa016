import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { DomainError } from '../common/domain-error';
import { TASK_EVENT_TYPES } from '../events/task-event';
import { SiteSecretBox } from '../sites/site-secrets';
import { postSigned, type WebhookMessage } from './webhook-post';
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
/** What `add` makes: `wh_` and 12 characters (some room left). */
const HOOK_ID = /^wh_[A-Za-z0-9_-]{1,40}$/;
/** The type of the event "Send a test event" delivers (not a task event: no webhook subscribes to it). */
export const TEST_EVENT_TYPE = 'webhook.test';

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

type DeliveryRow = Omit<WebhookDelivery, 'at'> & { created_at: Date };

const delivery = (r: DeliveryRow): WebhookDelivery => ({
  webhook_id: r.webhook_id,
  message_id: r.message_id,
  event_type: r.event_type,
  attempt: r.attempt,
  status: r.status,
  error: r.error,
  duration_ms: r.duration_ms,
  at: r.created_at.toISOString(),
});

const SUMMARY_COLUMNS = 'id, site_id, url, events, status, failing_since, created_at';

const summary = (r: Row): WebhookSummary => ({
  id: r.id,
  site_id: r.site_id,
  url: r.url,
  events: r.events,
  status: r.status,
  failing_since: r.failing_since?.toISOString() ?? null,
  created_at: r.created_at.toISOString(),
});

/** A webhook as the sender needs it: where it goes, and its sealed signing secret. */
export interface WebhookTarget {
  id: string;
  url: string;
  /** Sealed with the site secret box. */
  secret: string;
}

const noHook = (siteId: string, id: string) =>
  new DomainError('not_found', `The site ${siteId} has no webhook "${id.slice(0, 80)}".`);

/** A webhook id as `add` makes them; anything else names no webhook (and never reaches SQL: NUL would fail there). */
function hookId(siteId: string, id: string): string {
  if (!HOOK_ID.test(id)) throw noHook(siteId, id);
  return id;
}

/**
 * Managing a site's webhooks (the sites CLI and `/api/admin/sites/:id/webhooks`), and the one way a delivery
 * attempt is made and logged (the sender's jobs and the test event share `attempt`).
 */
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
       RETURNING ${SUMMARY_COLUMNS}`,
      [id, siteId, checkedUrl, checkedEvents, await this.box.seal(secret)],
    );
    if (!rows[0]) throw new DomainError('not_found', `There is no site "${siteId.slice(0, 80)}".`);
    return { id, secret, webhook: summary(rows[0]) };
  }

  async list(siteId: string): Promise<WebhookSummary[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${SUMMARY_COLUMNS} FROM site_webhooks WHERE site_id = $1 ORDER BY created_at, id`,
      [siteId],
    );
    return rows.map(summary);
  }

  async remove(siteId: string, id: string): Promise<void> {
    const { rowCount } = await this.pool.query(`DELETE FROM site_webhooks WHERE site_id = $1 AND id = $2`, [
      siteId,
      hookId(siteId, id),
    ]);
    if (!rowCount) throw noHook(siteId, id);
  }

  /** Enables a disabled webhook again (its failures are forgotten). */
  async enable(siteId: string, id: string): Promise<WebhookSummary> {
    const { rows } = await this.pool.query<Row>(
      `UPDATE site_webhooks SET status = 'active', failing_since = NULL WHERE site_id = $1 AND id = $2
       RETURNING ${SUMMARY_COLUMNS}`,
      [siteId, hookId(siteId, id)],
    );
    if (!rows[0]) throw noHook(siteId, id);
    return summary(rows[0]);
  }

  /**
   * Sends one `webhook.test` event to the webhook now, signed and logged like any delivery, and answers how it
   * went. Once, not retried, and whatever its outcome the webhook's failure count is left as it was.
   */
  async test(siteId: string, id: string): Promise<WebhookDelivery> {
    const { rows } = await this.pool.query<WebhookTarget>(
      `SELECT id, url, secret FROM site_webhooks WHERE site_id = $1 AND id = $2`,
      [siteId, hookId(siteId, id)],
    );
    if (!rows[0]) throw noHook(siteId, id);
    const payload = JSON.stringify({
      type: TEST_EVENT_TYPE,
      timestamp: new Date().toISOString(),
      data: { webhook_id: id, site_id: siteId },
    });
    return this.attempt(
      rows[0],
      { id: `msg_test_${randomBytes(9).toString('base64url')}`, type: TEST_EVENT_TYPE, payload },
      1,
    );
  }

  /** One attempt to deliver a message: signed with the webhook's secret, posted, and logged in its deliveries. */
  async attempt(hook: WebhookTarget, message: WebhookMessage, attempt: number): Promise<WebhookDelivery> {
    const result = await postSigned(hook.url, await this.box.open(hook.secret), message, {
      publicOnly: !this.development,
    });
    const { rows } = await this.pool.query<DeliveryRow>(
      `INSERT INTO webhook_deliveries (webhook_id, message_id, event_type, attempt, status, error, duration_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING webhook_id, message_id, event_type, attempt, status, error, duration_ms, created_at`,
      [hook.id, message.id, message.type, attempt, result.status, result.error, result.durationMs],
    );
    return delivery(rows[0]);
  }

  /** The newest deliveries of the site's webhooks (every attempt). */
  async deliveries(siteId: string, limit = 50): Promise<WebhookDelivery[]> {
    const { rows } = await this.pool.query<DeliveryRow>(
      `SELECT d.webhook_id, d.message_id, d.event_type, d.attempt, d.status, d.error, d.duration_ms, d.created_at
       FROM webhook_deliveries d JOIN site_webhooks w ON w.id = d.webhook_id
       WHERE w.site_id = $1 ORDER BY d.id DESC LIMIT $2`,
      [siteId, limit],
    );
    return rows.map(delivery);
  }
}
