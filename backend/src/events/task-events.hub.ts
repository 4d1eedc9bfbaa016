import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { BackendEventBus, TaskChangedEvent } from '../common/task-events';
import { DATABASE_ENDPOINT, DatabaseEndpoint } from '../database/database-endpoint';
import { Sql } from '../database/sql.service';
import { toTaskView } from '../tasks/task.view';
import type { TaskEvent, TaskEventType } from './task-event';
import { SiteWebhookRef, TASK_EVENTS_CHANNEL, TaskEventsStore } from './task-events.store';

/** Someone listening to a user's events: a `GET /api/events` stream (or a webhook sender). */
export interface EventListener {
  event(e: TaskEvent): void;
  /** Called every HEARTBEAT_MS: a stream writes a comment, so quiet connections stay open. */
  heartbeat?(): void;
}

/** Told of an event made here, with the active webhooks of its user's site. */
export type PublishedListener = (event: TaskEvent, webhooks: SiteWebhookRef[]) => void;

const HEARTBEAT_MS = 20_000;
const PRUNE_MS = 10 * 60_000;
const RELISTEN_MS = 2_000;

const TYPE_OF: Record<TaskChangedEvent['action'], TaskEventType> = {
  created: 'task.created',
  updated: 'task.updated',
  reopened: 'task.updated',
  completed: 'task.completed',
  deleted: 'task.deleted',
};

/**
 * Every change of a task becomes a task event: stored (for streams that reconnect), delivered to this process's
 * listeners of its user at once, and announced to every other instance by PostgreSQL NOTIFY, whose listeners it
 * reaches there. Events are made from the in-process change events, so every path that changes tasks (REST, MCP,
 * chat, widget buttons, undo) produces them without knowing of them.
 */
@Injectable()
export class TaskEventsHub implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('TaskEvents');
  private readonly store: TaskEventsStore;
  private readonly instance = randomUUID();
  private readonly listeners = new Map<string, Set<EventListener>>();
  /** Told of every event this instance made (each event once across instances): the webhook sender. */
  private readonly publishedListeners = new Set<PublishedListener>();
  private listenClient: Client | null = null;
  private timers: NodeJS.Timeout[] = [];
  private unsubscribe?: () => void;
  private stopped = false;

  constructor(
    sql: Sql,
    private readonly bus: BackendEventBus,
    @Inject(DATABASE_ENDPOINT) private readonly db: DatabaseEndpoint,
  ) {
    this.store = new TaskEventsStore(sql);
  }

  get events(): TaskEventsStore {
    return this.store;
  }

  onModuleInit(): void {
    this.unsubscribe = this.bus.on('task.changed', (e) => void this.changed(e));
    this.timers.push(
      setInterval(() => this.beat(), HEARTBEAT_MS),
      setInterval(() => void this.store.prune().catch(() => undefined), PRUNE_MS),
    );
    for (const t of this.timers) t.unref();
    void this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    for (const t of this.timers) clearInterval(t);
    await this.listenClient?.end().catch(() => undefined);
  }

  /** Adds a listener of a user's events; answers the function that removes it. */
  subscribe(userId: string, listener: EventListener): () => void {
    let set = this.listeners.get(userId);
    if (!set) this.listeners.set(userId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (!set.size) this.listeners.delete(userId);
    };
  }

  /** Hears every event made on this instance (not those of other instances: each is heard once, where it was made). */
  onPublished(listener: PublishedListener): () => void {
    this.publishedListeners.add(listener);
    return () => this.publishedListeners.delete(listener);
  }

  /** An event made here (a reminder fired by this instance): stored, announced, delivered. */
  async publish(
    userId: string,
    type: TaskEventType,
    task: TaskEvent['task'],
    late = false,
  ): Promise<TaskEvent> {
    const { event, webhooks } = await this.store.record(userId, type, task, this.instance, late);
    this.deliver(userId, event);
    for (const l of this.publishedListeners) l(event, webhooks);
    return event;
  }

  private async changed(e: TaskChangedEvent): Promise<void> {
    try {
      await this.publish(e.userId, TYPE_OF[e.action], toTaskView(e.task));
    } catch (err) {
      this.logger.warn(`task event not recorded: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private deliver(userId: string, event: TaskEvent): void {
    for (const l of this.listeners.get(userId) ?? []) l.event(event);
  }

  private beat(): void {
    for (const set of this.listeners.values()) for (const l of set) l.heartbeat?.();
  }

  /** One connection per instance LISTENs for the others' events (reconnecting after a failure). */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.db.url });
    client.on('error', () => undefined);
    client.on('end', () => {
      if (this.listenClient === client) this.listenClient = null;
      if (!this.stopped) setTimeout(() => void this.listen(), RELISTEN_MS).unref();
    });
    client.on('notification', (n) => {
      if (n.channel !== TASK_EVENTS_CHANNEL || !n.payload) return;
      try {
        const { origin, user, late, ...event } = JSON.parse(n.payload) as TaskEvent & {
          origin: string;
          user: string;
        };
        if (origin !== this.instance)
          this.deliver(user, {
            ...event,
            time: new Date(event.time).toISOString(),
            ...(late ? { late } : {}),
          });
      } catch {
        /* not ours */
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${TASK_EVENTS_CHANNEL}`);
      this.listenClient = client;
    } catch (err) {
      this.logger.warn(
        `not listening for other instances' task events: ${err instanceof Error ? err.message : String(err)}`,
      );
      await client.end().catch(() => undefined);
    }
  }
}
