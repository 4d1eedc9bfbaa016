import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Job } from 'pg-boss';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Sql } from '../database/sql.service';
import type { TaskEvent } from '../events/task-event';
import type { SiteWebhookRef } from '../events/task-events.store';
import { TaskEventsHub } from '../events/task-events.hub';
import { Jobs } from '../jobs/jobs.service';
import { wants, WebhooksService } from './webhooks.service';

const QUEUE = 'webhook-delivery';
/** A webhook failing this long without a success is disabled. */
const GIVE_UP_MS = 24 * 60 * 60 * 1000;

interface DeliveryJob {
  webhookId: string;
  messageId: string;
  type: string;
  payload: string;
}

/**
 * Delivers task events to the webhooks of the user's site (the site `default` for accounts), as the Standard
 * Webhooks specification says (`webhook-id`, `webhook-timestamp`, `webhook-signature`: HMAC-SHA256 by the
 * standardwebhooks library): one pg-boss job per delivery, retried with exponential backoff for about a day —
 * the same `webhook-id` every time — each attempt made and logged by `WebhooksService.attempt` (as the console's
 * test event is); a webhook failing 24 hours on end is disabled.
 */
@Injectable()
export class WebhookSender implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Webhooks');
  private unsubscribe?: () => void;

  constructor(
    private readonly hub: TaskEventsHub,
    private readonly jobs: Jobs,
    private readonly sql: Sql,
    private readonly hooks: WebhooksService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.unsubscribe = this.hub.onPublished((event, webhooks) => void this.enqueue(event, webhooks));
    await this.jobs.ready();
    await this.jobs.boss.createQueue(QUEUE);
    await this.jobs.boss.work<DeliveryJob>(QUEUE, { pollingIntervalSeconds: 0.5 }, ([job]) =>
      this.deliver(job),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** `hooks`: the active webhooks of the user's site, read by the statement that stored the event. */
  private async enqueue(event: TaskEvent, hooks: SiteWebhookRef[]): Promise<void> {
    const wanted = hooks.filter((h) => wants(h.events, event.type));
    if (wanted.length === 0) return;
    try {
      const payload = JSON.stringify({
        type: event.type,
        timestamp: event.time,
        data: { id: event.id, task: event.task, ...(event.late ? { late: true } : {}) },
      });
      for (const hook of wanted)
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
      id: string;
      url: string;
      secret: string;
      status: string;
      failing_since: Date | null;
    }>(`SELECT id, url, secret, status, failing_since FROM site_webhooks WHERE id = $1`, [webhookId]);
    if (!hook || hook.status !== 'active') return; // removed or disabled meanwhile: nothing more to do
    const { error } = await this.hooks.attempt(hook, { id: messageId, type, payload }, job.retryCount + 1);
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
}
