import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/current-user.decorator';
import { SiteManagers } from '../sites/site-managers';
import { AddWebhookDto, DeliveriesQueryDto } from './dto/webhook.dto';
import { WebhookDelivery, WebhooksService, WebhookSummary } from './webhooks.service';

/**
 * `/api/admin/sites/:id/webhooks…`: a site's webhooks, for the accounts that manage the site (the rule of every
 * admin route: `SiteManagers`). Another owner's site, or a webhook of another site, is not found.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/admin/sites/:id/webhooks')
export class AdminWebhooksController {
  constructor(
    private readonly hooks: WebhooksService,
    private readonly managers: SiteManagers,
  ) {}

  @Get()
  @ApiOperation({ summary: "The site's webhooks (never their secrets)" })
  async list(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<WebhookSummary[]> {
    const site = await this.managers.site(user, id);
    return this.hooks.list(site.id);
  }

  @Post()
  @ApiOperation({ summary: 'Add a webhook: its id and its signing secret (shown this once)' })
  async add(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: AddWebhookDto,
  ): Promise<{ id: string; secret: string; webhook: WebhookSummary }> {
    const site = await this.managers.site(user, id);
    return this.hooks.add(site.id, body.url, body.events);
  }

  @Get('deliveries')
  @ApiOperation({ summary: 'The newest delivery attempts of the site’s webhooks (?limit=50), newest first' })
  async deliveries(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Query() query: DeliveriesQueryDto,
  ): Promise<WebhookDelivery[]> {
    const site = await this.managers.site(user, id);
    return this.hooks.deliveries(site.id, query.limit ?? 50);
  }

  @Delete(':webhookId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a webhook (its delivery log goes with it)' })
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('webhookId') webhookId: string,
  ): Promise<void> {
    const site = await this.managers.site(user, id);
    await this.hooks.remove(site.id, webhookId);
  }

  @Post(':webhookId/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled webhook again (its failures are forgotten)' })
  async enable(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('webhookId') webhookId: string,
  ): Promise<WebhookSummary> {
    const site = await this.managers.site(user, id);
    return this.hooks.enable(site.id, webhookId);
  }

  @Post(':webhookId/test')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send one signed webhook.test event now: the delivery (status, error, duration_ms), also logged',
  })
  async test(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('webhookId') webhookId: string,
  ): Promise<WebhookDelivery> {
    const site = await this.managers.site(user, id);
    return this.hooks.test(site.id, webhookId);
  }
}
