import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { PgBoss } from 'pg-boss';
import { DATABASE_ENDPOINT, DatabaseEndpoint } from '../database/database-endpoint';

/**
 * The backend's job engine: pg-boss on the one database (PostgreSQL, or the embedded one), for work that must
 * happen once however many instances run, and survive restarts — reminders at their time, webhook deliveries
 * with their retries. Every instance works the queues; a job is taken by one of them.
 */
@Injectable()
export class Jobs implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  readonly boss: PgBoss;
  private readonly started: Promise<void>;
  private markStarted!: () => void;

  constructor(@Inject(DATABASE_ENDPOINT) db: DatabaseEndpoint) {
    // No cron (`schedule: false`): nothing here is scheduled by cron. On the embedded database no maintenance
    // either: pglite-socket multiplexes every connection onto one session, so pg-boss's background transactions
    // would take in (and could roll back) other requests' statements — a sign-up was lost that way. One process
    // serves the embedded database, so what maintenance does (expiring jobs of a crashed instance) is not needed.
    const embedded = db.kind === 'embedded';
    this.boss = new PgBoss({
      connectionString: db.url,
      max: embedded ? 1 : 3,
      schedule: false,
      supervise: !embedded,
    });
    this.boss.on('error', (err) => this.logger.warn(`job engine: ${err.message}`));
    this.started = new Promise((resolve) => (this.markStarted = resolve));
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    this.markStarted();
  }

  async onModuleDestroy(): Promise<void> {
    await this.boss.stop({ graceful: false }).catch(() => undefined);
  }

  /** Resolves once the engine can take jobs (queues may be made and worked). */
  ready(): Promise<void> {
    return this.started;
  }
}
