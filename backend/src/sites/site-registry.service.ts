import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Sql } from '../database/sql.service';
import { originMatches, SiteRecord } from './site.model';
import { newSiteSecret, SiteSecretBox } from './site-secrets';
import { SitesStore } from './sites.store';

const MISS_RELOAD_INTERVAL_MS = 1_000;

/** The secrets of a site that verify host tokens now, decrypted once per version of the site. */
export interface SiteKeys {
  current: string | null;
  previous: string | null;
}

interface View {
  sites: Map<string, SiteRecord>;
  /** Exact origin → ids of the active sites listing it. */
  exact: Map<string, string[]>;
  /** Subdomain wildcards of active sites. */
  wildcards: Array<{ pattern: string; siteId: string }>;
  /** better-auth's trusted origins: the backend's own and those of active sites with accounts or guests. */
  accountOrigins: string[];
}

/**
 * The in-memory view of every site, the one place that answers "which site, which origins, which settings":
 * CORS, better-auth's trusted origins, the token guard and the chat turn ask it, never the database. It is
 * reloaded when this process changes a site and otherwise polled (a count and the newest `updated_at`, every
 * SITES_REFRESH_MS), so a change made on one instance — or by `npm run sites` — reaches every instance within
 * seconds, on PostgreSQL and on the embedded database alike.
 */
@Injectable()
export class SiteRegistry implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Sites');
  private readonly store: SitesStore;
  private readonly box: SiteSecretBox;
  private readonly ownOrigin: string;
  private view: View = { sites: new Map(), exact: new Map(), wildcards: [], accountOrigins: [] };
  private version = '';
  private loadedAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private loading: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private readonly keys = new Map<string, { site: SiteRecord; keys: Promise<SiteKeys> }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    sql: Sql,
  ) {
    this.store = new SitesStore(sql.master);
    this.box = new SiteSecretBox(config.authSecret);
    this.ownOrigin = new URL(config.publicUrl).origin;
  }

  async onModuleInit(): Promise<void> {
    await this.store.upsertDefault(this.config.allowedOrigins, await this.box.seal(newSiteSecret()));
    await this.reload();
    this.timer = setInterval(() => void this.refresh(), this.config.sitesRefreshMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  get(id: string): SiteRecord | undefined {
    return this.view.sites.get(id);
  }

  /**
   * A site by id for the public routes: one not in the view may have been made a moment ago (by the CLI or on
   * another instance), so the view is reloaded first — at most once a second, so made-up ids cannot hammer the
   * database.
   */
  async find(id: string): Promise<SiteRecord | undefined> {
    const known = this.view.sites.get(id);
    if (known || Date.now() - this.loadedAt < MISS_RELOAD_INTERVAL_MS) return known;
    await this.reload();
    return this.view.sites.get(id);
  }

  all(): SiteRecord[] {
    return [...this.view.sites.values()];
  }

  /** May a page of this origin use the backend at all (CORS)? The backend's own pages always may. */
  allowsOrigin(origin: string): boolean {
    return origin === this.ownOrigin || this.sitesListing(origin).length > 0;
  }

  /** Does this site list the origin among its own? */
  siteListsOrigin(site: SiteRecord, origin: string): boolean {
    return site.origins.some((pattern) => originMatches(pattern, origin));
  }

  /** Ids of the active sites that list this origin. */
  sitesListing(origin: string): string[] {
    const exact = this.view.exact.get(origin) ?? [];
    const wild = this.view.wildcards.filter((w) => originMatches(w.pattern, origin)).map((w) => w.siteId);
    return wild.length ? [...new Set([...exact, ...wild])] : exact;
  }

  /** For better-auth: where sign-up and sign-in may come from. */
  accountOrigins(): string[] {
    return this.view.accountOrigins;
  }

  /** The site's valid HMAC secrets (the previous one only until it expires). */
  secretsOf(site: SiteRecord): Promise<SiteKeys> {
    // Keyed by the record itself (each reload makes new ones), not by updated_at: two writes can share a
    // millisecond.
    const cached = this.keys.get(site.id);
    const previousValid =
      site.secretPrevious !== null &&
      (site.secretPreviousExpiresAt === null || site.secretPreviousExpiresAt.getTime() > Date.now());
    if (cached && cached.site === site)
      return previousValid ? cached.keys : cached.keys.then((k) => ({ ...k, previous: null }));
    const keys = (async () => ({
      current: site.secretCurrent ? await this.box.open(site.secretCurrent) : null,
      previous: previousValid && site.secretPrevious ? await this.box.open(site.secretPrevious) : null,
    }))();
    this.keys.set(site.id, { site, keys });
    return keys;
  }

  /** The box that seals and opens stored secrets (the sites service writes with it). */
  get secretBox(): SiteSecretBox {
    return this.box;
  }

  /**
   * After a change made by this process: the new view at once, not at the next poll. A reload already running
   * (a poll, another request's change) may have read the sites before this change: the caller then waits for
   * the next one, which starts after it.
   */
  async reload(): Promise<void> {
    if (this.loading) {
      this.queued ??= this.loading
        .catch(() => undefined)
        .then(() => {
          this.queued = null;
          return this.reload();
        });
      return this.queued;
    }
    this.loading = (async () => {
      try {
        const version = await this.store.version();
        this.build(await this.store.all());
        this.version = version;
        this.loadedAt = Date.now();
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }

  private async refresh(): Promise<void> {
    try {
      if ((await this.store.version()) !== this.version) await this.reload();
    } catch (err) {
      // The database is away: keep serving the last view; the next poll tries again.
      this.logger.warn(`sites not refreshed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private build(sites: SiteRecord[]): void {
    const view: View = {
      sites: new Map(),
      exact: new Map(),
      wildcards: [],
      accountOrigins: [this.ownOrigin],
    };
    for (const site of sites) {
      view.sites.set(site.id, site);
      if (site.status !== 'active') continue;
      for (const origin of site.origins) {
        if (origin.includes('*')) view.wildcards.push({ pattern: origin, siteId: site.id });
        else view.exact.set(origin, [...(view.exact.get(origin) ?? []), site.id]);
      }
      if (site.identity.includes('accounts') || site.identity.includes('guests'))
        view.accountOrigins.push(...site.origins);
    }
    view.accountOrigins = [...new Set(view.accountOrigins)];
    for (const id of this.keys.keys()) if (!view.sites.has(id)) this.keys.delete(id);
    this.view = view;
  }
}
