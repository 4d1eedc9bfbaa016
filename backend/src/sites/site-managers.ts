import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/domain-error';
import { isStorableText } from '../common/storable-text';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { SiteRecord } from './site.model';
import { SitesService } from './sites.service';

/**
 * Who manages which sites, for every `/api/admin/sites…` route (the sites' own and their webhooks'): an account in
 * ADMIN_EMAILS every site; with SITE_CREATION=anyone, any account the sites it owns (another's is "not found");
 * a site's users and guests none.
 */
@Injectable()
export class SiteManagers {
  constructor(
    private readonly sites: SitesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** undefined: an admin (every site); an account id: only the sites that account owns. */
  scopeOf(user: AuthUser): string | undefined {
    if (user.kind !== 'account')
      throw new DomainError('forbidden', "Sites are managed by accounts, not by a site's users or guests.");
    if (user.email && this.config.adminEmails.includes(user.email.toLowerCase())) return undefined;
    if (this.config.siteCreation === 'anyone') return user.id;
    throw new DomainError(
      'forbidden',
      'Only the accounts listed in ADMIN_EMAILS manage sites (or set SITE_CREATION=anyone on the backend).',
    );
  }

  /** The site, when this user manages it; one they do not is "not found", like one that does not exist. */
  async site(user: AuthUser, id: string): Promise<SiteRecord> {
    const owner = this.scopeOf(user);
    // A NUL in the path names no site (and PostgreSQL refuses it in text).
    if (!isStorableText(id)) throw new DomainError('not_found', `There is no site "${id.slice(0, 80)}".`);
    return this.sites.get(id, owner);
  }
}
