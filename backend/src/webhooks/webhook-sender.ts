import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Job } from 'pg-boss';
import { Webhook } from 'standardwebhooks';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Sql } from '../database/sql.service';
import type { TaskEvent } from '../events/task-event';
import { TaskEventsHub } from '../events/task-events.hub';
import { Jobs } from '../jobs/jobs.service';
import { SiteRegistry } from '../sites/site-registry.service';
import { isForbiddenAddress } from './webhook-urls';
import { wants } from './webhooks.service';

const QUEUE = 'webhook-delivery';
const TIMEOUT_MS = 10_000;
/** A webhook failing this long without a success is disabled. */
const GIVE_UP_MS = 24 * 60 * 60 * 1000;

interface DeliveryJob {
  webhookId: string;
  messageId: string;
  type: string;
  payload: string;
}

/** DNS for deliveries outside development: a name that resolves to a private address is refused at connect time. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 0);
    const bad = addresses.find((a) => isForbiddenAddress(a.address));
    if (bad)
      return callback(
        new Error(`${hostname} resolves to ${bad.address}, a private or reserved address`),
        '',
        0,
      );
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    return callback(null, addresses[0].address, addresses[0].family);
  });
};

/**
 * Delivers task events to the webhooks of the user's site (the site `default` for accounts), as the Standard
 * Webhooks specification says (`webhook-id`, `webhook-timestamp`, `webhook-signature`: HMAC-SHA256 by the
 * standardwebhooks library): one pg-boss job per delivery, retried with exponential backoff for about a day —
 * the same `webhook-id` every time — each attempt logged; a webhook failing 24 hours on end is disabled.
 */
@Injectable()
export class WebhookSender implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Webhooks');
  private unsubscribe?: () => void;

  constructor(
    private readonly hub: TaskEventsHub,
    private readonly jobs: Jobs,
    private readonly sql: Sql,
    private readonly sites: SiteRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.unsubscribe = this.hub.onPublished((userId, event) => void this.enqueue(userId, event));
    await this.jobs.ready();
    await this.jobs.boss.createQueue(QUEUE);
    await this.jobs.boss.work<DeliveryJob>(QUEUE, { pollingIntervalSeconds: 0.5 }, ([job]) =>
      this.deliver(job),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  private async enqueue(userId: string, event: TaskEvent): Promise<void> {
    try {
      const hooks = await this.sql.rows<{ id: string; events: string[] }>(
        `SELECT w.id, w.events FROM site_webhooks w
         WHERE w.status = 'active'
           AND w.site_id = coalesce((SELECT site_id FROM site_users WHERE user_id = $1), 'default')`,
        [userId],
      );
      const payload = JSON.stringify({
        type: event.type,
        timestamp: event.time,
        data: { id: event.id, task: event.task, ...(event.late ? { late: true } : {}) },
      });
      for (const hook of hooks.filter((h) => wants(h.events, event.type)))
        await this.jobs.boss.send(
          QUEUE,
          { webhookId: hook.id, messageId: `msg_${event.id}_${hook.id}`, type: event.type, payload },
          {
            retryLimit: 16,
            retryDelay: this.config.webhookRetryDelaySeconds,
            retryBackoff: true,
            retryDelayMax: 3_600,
            expireInSeconds: 60,
          },
        );
    } catch (err) {
      this.logger.warn(`webhook deliveries not queued: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** One attempt; throws (so pg-boss retries later) while the receiver fails and the webhook is not given up. */
  private async deliver(job: Job<DeliveryJob>): Promise<void> {
    const { webhookId, messageId, type, payload } = job.data;
    const [hook] = await this.sql.rows<{
      url: string;
      secret: string;
      status: string;
      failing_since: Date | null;
    }>(`SELECT url, secret, status, failing_since FROM site_webhooks WHERE id = $1`, [webhookId]);
    if (!hook || hook.status !== 'active') return; // removed or disabled meanwhile: nothing more to do
    const secret = await this.sites.secretBox.open(hook.secret);
    const started = Date.now();
    const sentAt = new Date();
    const signature = new Webhook(secret).sign(messageId, sentAt, payload);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'TodoAssistant-Webhooks/1',
      'webhook-id': messageId,
      'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
      'webhook-signature': signature,
    };
    let status: number | null = null;
    let error: string | null = null;
    try {
      status = await this.post(hook.url, headers, payload);
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    await this.sql.rows(
      `INSERT INTO webhook_deliveries (webhook_id, message_id, event_type, attempt, status, error, duration_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        webhookId,
        messageId,
        type,
        job.retryCount + 1,
        status,
        error?.slice(0, 500) ?? null,
        Date.now() - started,
      ],
    );
    if (!error) {
      if (hook.failing_since)
        await this.sql.rows(`UPDATE site_webhooks SET failing_since = NULL WHERE id = $1`, [webhookId]);
      return;
    }
    const [state] = await this.sql.rows<{ failing_since: Date }>(
      `UPDATE site_webhooks SET failing_since = coalesce(failing_since, now()) WHERE id = $1 RETURNING failing_since`,
      [webhookId],
    );
    if (state && Date.now() - state.failing_since.getTime() >= GIVE_UP_MS) {
      await this.sql.rows(`UPDATE site_webhooks SET status = 'disabled' WHERE id = $1`, [webhookId]);
      this.logger.warn(
        `webhook ${webhookId} (${hook.url}) disabled: its deliveries have failed for 24 hours`,
      );
      return;
    }
    throw new Error(`delivery ${messageId} to ${hook.url} failed: ${error}`);
  }

  private post(url: string, headers: Record<string, string>, body: string): Promise<number> {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = send(
        target,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          timeout: TIMEOUT_MS,
          // Outside development every connection checks where the name resolves now (no DNS rebinding past the
          // check made when the webhook was added).
          ...(this.config.env === 'production' ? { lookup: publicOnlyLookup } : {}),
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer in ${TIMEOUT_MS / 1000} s`)));
      req.on('error', reject);
      req.end(body);
    });
  }
}
