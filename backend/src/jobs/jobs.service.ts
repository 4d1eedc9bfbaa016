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
    this.boss = new PgBoss({ connectionString: db.url, max: db.kind === 'embedded' ? 1 : 3 });
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
