import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Auth, AUTH } from '../auth/auth.instance';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Sql } from '../database/sql.service';
import { HostTokenVerifier } from './host-tokens';
import type { SiteRecord } from './site.model';
import { SiteRegistry } from './site-registry.service';
import { sameSecret } from './site-secrets';
import { SiteUserExport, SiteUsersService } from './site-users.service';

/** `POST /api/sites/:siteId/session`: the backend's own access token for the site's user. */
export interface SiteSession {
  token: string;
  expires_in: number;
  user: { id: string; name: string | null; email: string | null };
}

/** `POST /api/sites/:siteId/guest`: a guest session (kept by the widget) and a first access token. */
export interface GuestSession {
  session: string;
  token: string;
  expires_in: number;
  user: { id: string; name: string };
}

/** What the widget reads when its panel first opens (`GET /api/sites/:siteId/config`). */
export interface SiteConfig {
  id: string;
  name: string;
  identity: { accounts: boolean; host: boolean; guests: boolean };
  appearance: { heading?: string; greeting?: string; placeholder?: string; accent?: string; theme?: string };
  prompts: Array<{ label: string; prompt: string }>;
  locale?: string;
}

const unauthorized = (message: string) => new DomainError('unauthorized', message);

// $1 key, $2 allowed per minute. One upsert per key: exact under bursts and on every instance.
const COUNT_REQUEST = `INSERT INTO request_rate_windows AS w (key, window_start, count) VALUES ($1, now(), 1)
  ON CONFLICT (key) DO UPDATE SET
    window_start = CASE WHEN w.window_start <= now() - interval '60 seconds' THEN now() ELSE w.window_start END,
    count = CASE WHEN w.window_start <= now() - interval '60 seconds' THEN 1 ELSE w.count + 1 END
  RETURNING count, ceil(extract(epoch FROM w.window_start + interval '60 seconds' - now()))::int AS wait`;

/**
 * The public and server-to-server routes of a site: exchanging a host token for an access token, starting a
 * guest, the widget's configuration, and erasing or exporting a host user with the site secret.
 */
@Injectable()
export class SiteSessionsService {
  private readonly hostTokens = new HostTokenVerifier();
  private readonly lifetimeS: number;

  constructor(
    private readonly registry: SiteRegistry,
    private readonly users: SiteUsersService,
    private readonly sql: Sql,
    @Inject(AUTH) private readonly auth: Auth,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.lifetimeS = lifetimeSeconds(config.jwtExpiresIn);
  }

  async exchange(siteId: string, hostToken: string, origin: string | undefined): Promise<SiteSession> {
    const site = await this.registry.find(siteId);
    if (!site) throw unauthorized(`There is no site "${siteId.slice(0, 80)}".`);
    if (site.status !== 'active') throw unauthorized(`The site ${site.id} is disabled.`);
    if (!site.identity.includes('host'))
      throw unauthorized(
        `The site ${site.id} does not accept host tokens (its identity modes: ${site.identity.join(', ')}).`,
      );
    this.checkOrigin(site, origin);
    const claims = await this.hostTokens.verify(site, hostToken, () => this.registry.secretsOf(site));
    const userId = await this.users.hostUser(site.id, claims.sub, claims.name, claims.email);
    // The access token never outlives the host's word for its user.
    const exp = Math.min(Math.floor(Date.now() / 1000) + this.lifetimeS, claims.exp);
    const token = await this.mint({
      sub: userId,
      name: claims.name ?? 'Visitor',
      site: site.id,
      kind: 'host',
      exp,
    });
    return {
      token,
      expires_in: Math.max(0, exp - Math.floor(Date.now() / 1000)),
      user: { id: userId, name: claims.name ?? null, email: claims.email ?? null },
    };
  }

  async startGuest(siteId: string, clientIp: string, origin: string | undefined): Promise<GuestSession> {
    const site = await this.registry.find(siteId);
    if (!site) throw new DomainError('not_found', `There is no site "${siteId.slice(0, 80)}".`);
    if (site.status !== 'active') throw new DomainError('forbidden', `The site ${site.id} is disabled.`);
    if (!site.identity.includes('guests'))
      throw new DomainError(
        'forbidden',
        `The site ${site.id} does not allow guests: sign in to use the assistant.`,
      );
    this.checkOrigin(site, origin);
    const [{ count, wait }] = await this.sql.rows<{ count: number; wait: number }>(COUNT_REQUEST, [
      `guest:${clientIp}`,
    ]);
    if (count > this.config.guestRateLimitPerMinute)
      throw new DomainError(
        'rate_limited',
        `Too many guest sessions from this address: try again in ${Math.max(1, wait)} s.`,
      );
    const { token: session, user } = await this.auth.api.signInAnonymous({ headers: new Headers() });
    await this.users.addGuest(site.id, user.id);
    const token = await this.mint({ sub: user.id, name: user.name, site: site.id, kind: 'guest' });
    return { session, token, expires_in: this.lifetimeS, user: { id: user.id, name: user.name } };
  }

  /** The site's public configuration and its ETag (a hash of it). */
  async configOf(siteId: string, origin: string | undefined): Promise<{ body: SiteConfig; etag: string }> {
    const site = await this.registry.find(siteId);
    if (!site) throw new DomainError('not_found', `There is no site "${siteId.slice(0, 80)}".`);
    if (site.status !== 'active') throw new DomainError('forbidden', `The site ${site.id} is disabled.`);
    this.checkOrigin(site, origin);
    const s = site.settings;
    const body: SiteConfig = {
      id: site.id,
      name: site.name,
      identity: {
        accounts: site.identity.includes('accounts'),
        host: site.identity.includes('host'),
        guests: site.identity.includes('guests'),
      },
      appearance: {
        heading: s.heading,
        greeting: s.greeting,
        placeholder: s.placeholder,
        accent: s.accent,
        theme: s.theme,
      },
      prompts: s.prompts ?? [],
      locale: s.locale,
    };
    const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
    return { body, etag };
  }

  async erase(siteId: string, sub: string, authorization: string | undefined): Promise<void> {
    await this.authenticateServer(siteId, authorization);
    if (!(await this.users.erase(siteId, sub)))
      throw new DomainError('not_found', `The site ${siteId} has no user "${sub.slice(0, 255)}".`);
  }

  async export(siteId: string, sub: string, authorization: string | undefined): Promise<SiteUserExport> {
    await this.authenticateServer(siteId, authorization);
    const data = await this.users.export(siteId, sub);
    if (!data) throw new DomainError('not_found', `The site ${siteId} has no user "${sub.slice(0, 255)}".`);
    return data;
  }

  /** A server of the site: `Authorization: Bearer <site secret>` (current, or previous within its 24 hours). */
  private async authenticateServer(siteId: string, authorization: string | undefined): Promise<SiteRecord> {
    const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (!presented)
      throw unauthorized('Send the site secret as Authorization: Bearer <secret> (server to server only).');
    const site = await this.registry.find(siteId);
    if (!site) throw unauthorized(`There is no site "${siteId.slice(0, 80)}".`);
    const { current, previous } = await this.registry.secretsOf(site);
    const matches = [current, previous].some((s) => s !== null && sameSecret(presented, s));
    if (!matches) throw unauthorized(`That is not a secret of the site ${site.id}.`);
    return site;
  }

  /** A browser page may act for a site only from one of its origins. */
  private checkOrigin(site: SiteRecord, origin: string | undefined): void {
    if (origin !== undefined && !this.registry.siteListsOrigin(site, origin))
      throw new DomainError(
        'forbidden',
        `The site ${site.id} does not list the origin ${origin}: add it (npm run sites -- update ${site.id} --origin ${origin}).`,
      );
  }

  private async mint(payload: Record<string, unknown>): Promise<string> {
    const { token } = await this.auth.api.signJWT({ body: { payload } });
    return token;
  }
}

/** JWT_EXPIRES_IN (`15m`, `900s`, `1h`) in seconds. */
function lifetimeSeconds(value: string): number {
  const n = Number.parseInt(value, 10);
  const unit = value.at(-1);
  return unit === 'h' ? n * 3600 : unit === 'm' ? n * 60 : n;
}
