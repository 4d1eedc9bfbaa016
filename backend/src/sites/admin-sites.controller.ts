import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/current-user.decorator';
import { AddOwnerDto, CreateSiteDto, UpdateSiteDto, UsageQueryDto } from './dto/site.dto';
import type { SiteSummary } from './site.model';
import { SiteManagers } from './site-managers';
import type { UsageReport } from './site-usage';
import { CreatedSite, SiteOwner, SitesService } from './sites.service';

/**
 * `/api/admin/sites…`: the operations of `npm run sites`, for accounts. An account in ADMIN_EMAILS manages every
 * site; with SITE_CREATION=anyone, any account creates sites and manages those it owns (another's is not found):
 * the rule of `SiteManagers`, which the webhooks' admin routes share.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/admin/sites')
export class AdminSitesController {
  constructor(
    private readonly sites: SitesService,
    private readonly managers: SiteManagers,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a site: its id, its secret (shown this once) and the embed snippet' })
  async create(@CurrentUser() user: AuthUser, @Body() body: CreateSiteDto): Promise<CreatedSite> {
    const owner = this.managers.scopeOf(user);
    return this.sites.create({ ...body, ownerUserId: owner ?? null });
  }

  @Get()
  @ApiOperation({ summary: 'The sites you manage; with ?days=N, each with its turns per day (turns_by_day)' })
  list(@CurrentUser() user: AuthUser, @Query() query: UsageQueryDto): Promise<SiteSummary[]> {
    return this.sites.list(this.managers.scopeOf(user), query.days);
  }

  @Get(':id')
  async show(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
  ): Promise<SiteSummary & { snippet: string }> {
    const owner = this.managers.scopeOf(user);
    const site = await this.sites.get(id, owner);
    return { ...(await this.sites.show(id, owner)), snippet: this.sites.snippetOf(site) };
  }

  @Patch(':id')
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: UpdateSiteDto,
  ): Promise<SiteSummary> {
    const owner = this.managers.scopeOf(user);
    const { status, jwks_url, ...rest } = body;
    const changes = { ...rest, jwksUrl: jwks_url };
    const hasChanges = Object.values(changes).some((v) => v !== undefined);
    let summary = hasChanges ? await this.sites.update(id, changes, owner) : await this.sites.show(id, owner);
    if (status) summary = await this.sites.setStatus(id, status, owner);
    return summary;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a site with its host users and guests and everything they own' })
  async remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    await this.sites.delete(id, this.managers.scopeOf(user));
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new current secret; the previous one stays valid 24 hours (or until revoked)' })
  rotate(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.sites.rotateSecret(id, this.managers.scopeOf(user));
  }

  @Post(':id/revoke-secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'End the previous secret now' })
  revoke(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<SiteSummary> {
    return this.sites.revokeSecret(id, this.managers.scopeOf(user));
  }

  @Get(':id/owners')
  @ApiOperation({ summary: 'The accounts that own the site' })
  owners(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<SiteOwner[]> {
    return this.sites.owners(id, this.managers.scopeOf(user));
  }

  @Post(':id/owners')
  @ApiOperation({ summary: 'Add an owner by the email of their account' })
  addOwner(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: AddOwnerDto,
  ): Promise<SiteOwner[]> {
    return this.sites.addOwner(id, body.email, this.managers.scopeOf(user));
  }

  @Delete(':id/owners/:userId')
  @ApiOperation({ summary: 'Remove an owner (a site keeps at least one)' })
  removeOwner(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('userId') userId: string,
  ): Promise<SiteOwner[]> {
    return this.sites.removeOwner(id, userId, this.managers.scopeOf(user));
  }

  @Get(':id/impact')
  @ApiOperation({ summary: 'What deleting the site takes with it: host users, guests, tasks' })
  impact(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.sites.impactOf(id, this.managers.scopeOf(user));
  }

  @Get(':id/usage')
  @ApiOperation({ summary: 'Turns, tool calls by tool, active users and errors per day (UTC)' })
  usage(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Query() query: UsageQueryDto,
  ): Promise<UsageReport> {
    return this.sites.usageOf(id, query.days ?? 30, this.managers.scopeOf(user));
  }
}
