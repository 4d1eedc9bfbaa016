import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/current-user.decorator';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AddOwnerDto, CreateSiteDto, UpdateSiteDto, UsageQueryDto } from './dto/site.dto';
import type { SiteSummary } from './site.model';
import type { UsageReport } from './site-usage';
import { CreatedSite, SiteOwner, SitesService } from './sites.service';

/**
 * `/api/admin/sites…`: the operations of `npm run sites`, for accounts. An account in ADMIN_EMAILS manages every
 * site; with SITE_CREATION=anyone, any account creates sites and manages those it owns (another's is not found).
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/admin/sites')
export class AdminSitesController {
  constructor(
    private readonly sites: SitesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a site: its id, its secret (shown this once) and the embed snippet' })
  async create(@CurrentUser() user: AuthUser, @Body() body: CreateSiteDto): Promise<CreatedSite> {
    const owner = this.scope(user);
    return this.sites.create({ ...body, ownerUserId: owner ?? null });
  }

  @Get()
  @ApiOperation({ summary: 'The sites you manage; with ?days=N, each with its turns per day (turns_by_day)' })
  list(@CurrentUser() user: AuthUser, @Query() query: UsageQueryDto): Promise<SiteSummary[]> {
    return this.sites.list(this.scope(user), query.days);
  }

  @Get(':id')
  async show(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
  ): Promise<SiteSummary & { snippet: string }> {
    const site = await this.sites.get(id, this.scope(user));
    return { ...(await this.sites.show(id, this.scope(user))), snippet: this.sites.snippetOf(site) };
  }

  @Patch(':id')
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: UpdateSiteDto,
  ): Promise<SiteSummary> {
    const owner = this.scope(user);
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
    await this.sites.delete(id, this.scope(user));
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new current secret; the previous one stays valid 24 hours (or until revoked)' })
  rotate(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.sites.rotateSecret(id, this.scope(user));
  }

  @Post(':id/revoke-secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'End the previous secret now' })
  revoke(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<SiteSummary> {
    return this.sites.revokeSecret(id, this.scope(user));
  }

  @Get(':id/owners')
  @ApiOperation({ summary: 'The accounts that own the site' })
  owners(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<SiteOwner[]> {
    return this.sites.owners(id, this.scope(user));
  }

  @Post(':id/owners')
  @ApiOperation({ summary: 'Add an owner by the email of their account' })
  addOwner(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: AddOwnerDto,
  ): Promise<SiteOwner[]> {
    return this.sites.addOwner(id, body.email, this.scope(user));
  }

  @Delete(':id/owners/:userId')
  @ApiOperation({ summary: 'Remove an owner (a site keeps at least one)' })
  removeOwner(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('userId') userId: string,
  ): Promise<SiteOwner[]> {
    return this.sites.removeOwner(id, userId, this.scope(user));
  }

  @Get(':id/impact')
  @ApiOperation({ summary: 'What deleting the site takes with it: host users, guests, tasks' })
  impact(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.sites.impactOf(id, this.scope(user));
  }

  @Get(':id/usage')
  @ApiOperation({ summary: 'Turns, tool calls by tool, active users and errors per day (UTC)' })
  usage(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Query() query: UsageQueryDto,
  ): Promise<UsageReport> {
    return this.sites.usageOf(id, query.days ?? 30, this.scope(user));
  }

  /** undefined: an admin (every site); an account id: only the sites that account owns. */
  private scope(user: AuthUser): string | undefined {
    if (user.kind !== 'account')
      throw new DomainError('forbidden', "Sites are managed by accounts, not by a site's users or guests.");
    if (user.email && this.config.adminEmails.includes(user.email.toLowerCase())) return undefined;
    if (this.config.siteCreation === 'anyone') return user.id;
    throw new DomainError(
      'forbidden',
      'Only the accounts listed in ADMIN_EMAILS manage sites (or set SITE_CREATION=anyone on the backend).',
    );
  }
}
