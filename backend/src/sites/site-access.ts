import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DEFAULT_SITE_ID, type IdentityMode } from './site.model';
import { SiteRegistry } from './site-registry.service';

/** What a chat turn takes from its site: the limit it counts against, the words it adds for real models. */
export interface TurnSite {
  id: string;
  chatRateLimitPerMinute: number;
  instructions?: string;
}

const MODE_OF: Record<'host' | 'guest', IdentityMode> = { host: 'host', guest: 'guests' };

/**
 * The site rules every authenticated request passes, on every path (the REST guard, ChatKit, REST chat, MCP):
 * a token of a site's user is refused once the site is gone or disabled, or no longer allows that kind of user,
 * and when a browser sends it from an origin the site does not list. All from the in-memory view.
 */
@Injectable()
export class SiteAccess {
  constructor(
    private readonly registry: SiteRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(user: AuthUser, origin: string | undefined): Promise<void> {
    if (!user.site || user.kind === 'account') return;
    // Usually in the view; a site made a moment ago on another instance is looked up (at most once a second).
    const site = this.registry.get(user.site) ?? (await this.registry.find(user.site));
    if (!site)
      throw new DomainError('unauthorized', `The site ${user.site} of this access token no longer exists.`);
    if (site.status !== 'active')
      throw new DomainError('unauthorized', `The site ${site.id} is disabled: its users cannot be served.`);
    if (!site.identity.includes(MODE_OF[user.kind]))
      throw new DomainError(
        'unauthorized',
        `The site ${site.id} no longer accepts ${user.kind === 'host' ? 'host users' : 'guests'}.`,
      );
    // No Origin: not a browser page (a server, a CLI, an MCP client), which no origin list can constrain.
    if (origin !== undefined && !this.registry.siteListsOrigin(site, origin))
      throw new DomainError(
        'forbidden',
        `This access token belongs to the site ${site.id}, which does not list the origin ${origin}.`,
      );
  }

  /**
   * The site a turn counts for: the token's own; for an account, the site whose page it is on (the first active
   * site listing the Origin), else `default`.
   */
  turnSite(user: AuthUser, origin: string | undefined): TurnSite {
    const id =
      user.site ??
      (origin !== undefined ? this.registry.sitesListing(origin)[0] : undefined) ??
      DEFAULT_SITE_ID;
    const settings = this.registry.get(id)?.settings ?? {};
    return {
      id,
      chatRateLimitPerMinute: settings.chat_rate_limit ?? this.config.chatRateLimitPerMinute,
      instructions: settings.instructions,
    };
  }
}
