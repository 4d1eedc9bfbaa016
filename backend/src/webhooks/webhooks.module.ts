import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Sql } from '../database/sql.service';
import { SiteRegistry } from '../sites/site-registry.service';
import { AdminWebhooksController } from './admin-webhooks.controller';
import { WebhookSender } from './webhook-sender';
import { WebhooksService } from './webhooks.service';

/**
 * Webhooks of sites: task events delivered to the sites' servers, managed with `npm run sites -- webhook …` or
 * `/api/admin/sites/:id/webhooks` (the console's Webhooks section).
 */
@Module({
  controllers: [AdminWebhooksController],
  providers: [
    WebhookSender,
    {
      provide: WebhooksService,
      inject: [Sql, SiteRegistry, APP_CONFIG],
      useFactory: (sql: Sql, registry: SiteRegistry, config: AppConfig) =>
        new WebhooksService(sql.master, registry.secretBox, config.env !== 'production'),
    },
  ],
})
export class WebhooksModule {}
