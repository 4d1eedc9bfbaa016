import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SiteUsersService } from './site-users.service';

const SWEEP_EVERY_MS = 60 * 60 * 1000;

/**
 * Deletes guests idle for GUEST_RETENTION_DAYS, with their data, once an hour on every instance (the delete is
 * idempotent, so instances need not agree on who does it).
 */
@Injectable()
export class GuestSweeper implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Guests');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly users: SiteUsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<number> {
    try {
      const deleted = await this.users.deleteIdleGuests(this.config.guestRetentionDays);
      if (deleted)
        this.logger.log(`deleted ${deleted} guests idle for ${this.config.guestRetentionDays} days`);
      return deleted;
    } catch (err) {
      this.logger.warn(`guests not swept: ${err instanceof Error ? err.message : String(err)}`);
      return 0;
    }
  }
}
