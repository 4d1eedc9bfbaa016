import { Module } from '@nestjs/common';
import { WebhookSender } from './webhook-sender';

/** Webhooks of sites: task events delivered to the sites' servers (managed with `npm run sites -- webhook …`). */
@Module({ providers: [WebhookSender] })
export class WebhooksModule {}
