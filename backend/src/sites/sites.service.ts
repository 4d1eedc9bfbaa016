import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { DomainError } from '../common/domain-error';
import { isStorableText } from '../common/storable-text';
import { inTransaction } from '../database/transaction';
import {
  checkIdentity,
  checkJwksUrl,
  checkName,
  checkOrigins,
  checkSettings,
  checkSiteId,
  DEFAULT_SITE_ID,
  SiteRecord,
  SiteSettings,
  SiteSummary,
  summarize,
} from './site.model';
import { newSiteSecret, PREVIOUS_SECRET_GRACE_MS, SiteSecretBox } from './site-secrets';
import { SiteUsage, UsageReport } from './site-usage';
import { SitePatch, SitesStore } from './sites.store';

export interface CreateSiteInput {
  name: string;
  origins: string[];
  /** Default: `host` (the site's own users, vouched for by its server). */
  identity?: string[];
  id?: string;
  ownerUserId?: string | null;
}

export interface UpdateSiteInput {
  name?: string;
  origins?: string[];
  identity?: string[];
  /** Merged into the current settings; a key set to null is removed. */
  settings?: Record<string, unknown>;
  jwksUrl?: string | null;
  issuer?: string | null;
}

/** What `create` answers, the one time the secret is shown. */
export interface CreatedSite {
  id: string;
  secret: string;
  snippet: string;
  site: SiteSummary;
}

export const USAGE_DAYS_MAX = 366;

/** An account that manages a site. */
export interface SiteOwner {
  id: string;
  email: string;
  name: string;
  added_at: string;
}

const notFound = (id: string) => new DomainError('not_found', `There is no site "${id.slice(0, 80)}".`);

/**
 * Managing sites — the rules every operator surface shares (`npm run sites`, `/api/admin/sites`): ids, origins,
 * identity modes and settings are checked here, secrets are made, sealed, rotated and revoked here. A plain class
 * over a pg pool, so the CLI runs it without the HTTP app; `afterWrite` lets the running app refresh its view.
 */
export class SitesService {
  private readonly store: SitesStore;
  private readonly usage: SiteUsage;

  constructor(
    private readonly pool: Pool,
    private readonly box: SiteSecretBox,
    private readonly publicUrl: string,
    private readonly afterWrite: () => Promise<void> = async () => undefined,
  ) {
    this.store = new SitesStore(pool);
    this.usage = new SiteUsage(pool);
  }

  /** With `turnDays`, each site also has its turns per day over those days (`turns_by_day`, oldest first). */
  async list(
    ownerUserId?: string,
    turnDays?: number,
  ): Promise<Array<SiteSummary & { turns_by_day?: number[] }>> {
    const sites = ownerUserId === undefined ? await this.store.all() : await this.store.ownedBy(ownerUserId);
    const summaries = sites.map((s) => summarize(s));
    if (turnDays === undefined) return summaries;
    checkDays(turnDays);
    const turns = await this.usage.turnsByDay(
      summaries.map((s) => s.id),
      turnDays,
    );
    return summaries.map((s) => ({ ...s, turns_by_day: turns[s.id] ?? [] }));
  }

  /** A site; with `ownerUserId`, only one that account owns (another owner's site is "not found"). */
  async get(id: string, ownerUserId?: string): Promise<SiteRecord> {
    // An id PostgreSQL cannot hold (a NUL) names no site: 404, not an SQL error.
    const site = isStorableText(id) ? await this.store.get(id) : undefined;
    if (!site || (ownerUserId !== undefined && !site.owners.includes(ownerUserId))) throw notFound(id);
    return site;
  }

  async show(id: string, ownerUserId?: string): Promise<SiteSummary> {
    return summarize(await this.get(id, ownerUserId));
  }

  async create(input: CreateSiteInput): Promise<CreatedSite> {
    const id =
      input.id === undefined ? `site_${randomBytes(6).toString('hex').slice(0, 8)}` : checkSiteId(input.id);
    const origins = checkOrigins(input.origins);
    if (origins.length === 0)
      throw new DomainError('invalid_input', 'A site needs at least one origin (https://shop.example.com).');
    const secret = newSiteSecret();
    const site = await this.store.insert({
      id,
      name: checkName(input.name),
      origins,
      identity: checkIdentity(input.identity ?? ['host']),
      secretCurrent: await this.box.seal(secret),
      ownerUserId: input.ownerUserId ?? null,
    });
    if (!site) throw new DomainError('conflict', `The site id "${id}" is taken: choose another.`);
    await this.afterWrite();
    return { id, secret, snippet: embedSnippet(this.publicUrl, site), site: summarize(site) };
  }

  async update(id: string, input: UpdateSiteInput, ownerUserId?: string): Promise<SiteSummary> {
    const site = await this.get(id, ownerUserId);
    const patch: SitePatch = {};
    if (input.name !== undefined) patch.name = checkName(input.name);
    if (input.origins !== undefined) {
      if (id === DEFAULT_SITE_ID)
        throw new DomainError(
          'invalid_input',
          'The origins of the default site come from ALLOWED_ORIGINS: change that setting and restart the backend.',
        );
      patch.origins = checkOrigins(input.origins);
      if (patch.origins.length === 0)
        throw new DomainError(
          'invalid_input',
          'A site needs at least one origin (https://shop.example.com).',
        );
    }
    if (input.identity !== undefined) patch.identity = checkIdentity(input.identity);
    if (input.settings !== undefined) patch.settings = mergeSettings(site.settings, input.settings);
    if (input.jwksUrl !== undefined)
      patch.jwksUrl = input.jwksUrl === null ? null : checkJwksUrl(input.jwksUrl);
    if (input.issuer !== undefined) patch.issuer = input.issuer === null ? null : checkIssuer(input.issuer);
    const jwksUrl = patch.jwksUrl !== undefined ? patch.jwksUrl : site.jwksUrl;
    const issuer = patch.issuer !== undefined ? patch.issuer : site.issuer;
    if (jwksUrl && !issuer)
      throw new DomainError(
        'invalid_input',
        "A site that verifies host tokens with a JWKS needs the identity provider's issuer too (issuer), which every token must name.",
      );
    const updated = await this.store.update(id, patch);
    if (!updated) throw notFound(id);
    await this.afterWrite();
    return summarize(updated);
  }

  /** A new current secret; the old one stays valid for 24 hours (or until revoked). */
  async rotateSecret(
    id: string,
    ownerUserId?: string,
  ): Promise<{ secret: string; previous_expires_at: string }> {
    const site = await this.get(id, ownerUserId);
    const secret = newSiteSecret();
    const expires = new Date(Date.now() + PREVIOUS_SECRET_GRACE_MS);
    await this.store.update(id, {
      secretCurrent: await this.box.seal(secret),
      secretPrevious: site.secretCurrent,
      secretPreviousExpiresAt: expires,
    });
    await this.afterWrite();
    return { secret, previous_expires_at: expires.toISOString() };
  }

  /** Ends the previous secret at once (after every server uses the new one). */
  async revokeSecret(id: string, ownerUserId?: string): Promise<SiteSummary> {
    await this.get(id, ownerUserId);
    const updated = await this.store.update(id, { secretPrevious: null, secretPreviousExpiresAt: null });
    await this.afterWrite();
    return summarize(updated!);
  }

  async setStatus(id: string, status: 'active' | 'disabled', ownerUserId?: string): Promise<SiteSummary> {
    await this.get(id, ownerUserId);
    const updated = await this.store.update(id, { status });
    await this.afterWrite();
    return summarize(updated!);
  }

  /** Deletes the site, its host users and its guests with everything they own (accounts are not the site's). */
  async delete(id: string, ownerUserId?: string): Promise<void> {
    await this.get(id, ownerUserId);
    await inTransaction(this.pool, (client) => this.store.delete(client, id));
    await this.afterWrite();
  }

  /** The accounts that own the site, with their emails. */
  async owners(id: string, ownerUserId?: string): Promise<SiteOwner[]> {
    await this.get(id, ownerUserId);
    return (await this.store.owners(id)).map((o) => ({ ...o, added_at: o.added_at.toISOString() }));
  }

  /** Adds an owner by the email of their account (which must exist: they sign up first). */
  async addOwner(id: string, email: string, ownerUserId?: string): Promise<SiteOwner[]> {
    await this.get(id, ownerUserId);
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT u.id FROM "user" u WHERE lower(u.email) = lower($1)
         AND NOT EXISTS (SELECT 1 FROM site_users su WHERE su.user_id = u.id)`,
      [email.trim()],
    );
    if (!rows[0])
      throw new DomainError(
        'not_found',
        `There is no account with the email ${email.trim().slice(0, 200)}: ask them to create one first.`,
      );
    await this.store.addOwner(id, rows[0].id);
    await this.afterWrite();
    return this.owners(id);
  }

  /** Removes an owner; a site keeps at least one (or it could be managed by admins only). */
  async removeOwner(id: string, userId: string, ownerUserId?: string): Promise<SiteOwner[]> {
    const site = await this.get(id, ownerUserId);
    if (!site.owners.includes(userId))
      throw new DomainError('not_found', `That account is not an owner of the site ${id}.`);
    if (!(await this.store.removeOwner(id, userId)))
      throw new DomainError(
        'invalid_input',
        `The site ${id} must keep at least one owner: add another first.`,
      );
    await this.afterWrite();
    return this.owners(id);
  }

  /** What deleting the site would take with it (the console says so before asking). */
  async impactOf(
    id: string,
    ownerUserId?: string,
  ): Promise<{ host_users: number; guests: number; tasks: number }> {
    await this.get(id, ownerUserId);
    return this.store.impact(id);
  }

  async usageOf(id: string, days: number, ownerUserId?: string): Promise<UsageReport> {
    await this.get(id, ownerUserId);
    checkDays(days);
    return this.usage.report(id, days);
  }

  snippetOf(site: SiteRecord): string {
    return embedSnippet(this.publicUrl, site);
  }
}

function checkDays(days: number): void {
  if (!Number.isInteger(days) || days < 1 || days > USAGE_DAYS_MAX)
    throw new DomainError('invalid_input', `days must be a whole number from 1 to ${USAGE_DAYS_MAX}.`);
}

function mergeSettings(current: SiteSettings, changes: Record<string, unknown>): SiteSettings {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return checkSettings(merged);
}

function checkIssuer(raw: string): string {
  const issuer = raw.trim();
  if (!issuer || issuer.length > 500)
    throw new DomainError('invalid_input', 'issuer must be 1-500 characters.');
  return issuer;
}

/** The tags a site owner pastes into their pages. */
export function embedSnippet(publicUrl: string, site: Pick<SiteRecord, 'id' | 'identity'>): string {
  const tag = `<script src="${publicUrl}/widget/todo-assistant.js" data-api-url="${publicUrl}" data-site="${site.id}" async></script>`;
  if (!site.identity.includes('host')) return tag;
  return `${tag}
<script>
  // Your signed-in user: a route of your server signs a short-lived token with the site secret
  // (TODO_ASSISTANT_SECRET). Return null when nobody is signed in.
  customElements.whenDefined('todo-assistant').then(() => {
    document.querySelector('todo-assistant').getToken = () =>
      fetch('/assistant-token', { credentials: 'same-origin' }).then((r) => (r.ok ? r.text() : null));
  });
</script>`;
}
