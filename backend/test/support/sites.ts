import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { Pool } from 'pg';
import { SiteSecretBox } from '../../src/sites/site-secrets';
import { CreatedSite, CreateSiteInput, SitesService, UpdateSiteInput } from '../../src/sites/sites.service';
import { TestApp, testDatabaseUrl } from './test-app';
import { TEST_AUTH_SECRET } from './test-database';

/** A page origin no other spec uses, for a site of its own. */
export function uniqueOrigin(label = 'shop'): string {
  return `https://${label}-${randomUUID().slice(0, 8)}.example.test`;
}

/** A site made through the sites service of a running test app (as the CLI and the admin API make them). */
export async function createSite(
  t: TestApp,
  input: Partial<CreateSiteInput> = {},
): Promise<CreatedSite & { origin: string }> {
  const origin = input.origins?.[0] ?? uniqueOrigin();
  const created = await t.app.get(SitesService).create({
    name: input.name ?? 'Test shop',
    origins: input.origins ?? [origin],
    identity: input.identity ?? ['host'],
    id: input.id ?? `t${randomUUID().replaceAll('-', '').slice(0, 12)}`,
    ownerUserId: input.ownerUserId,
  });
  return { ...created, origin };
}

export function updateSite(t: TestApp, id: string, input: UpdateSiteInput) {
  return t.app.get(SitesService).update(id, input);
}

/** What a site's server signs for its signed-in user (HS256 with the site secret, 10 minutes by default). */
export function signHostToken(
  secret: string,
  claims: Record<string, unknown> & { aud?: unknown },
  options: { expiresIn?: string | number; alg?: string } = {},
): Promise<string> {
  const { aud, ...rest } = claims;
  const jwt = new SignJWT(rest).setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' }).setIssuedAt();
  if (aud !== undefined) jwt.setAudience(aud as string);
  if (options.expiresIn !== undefined) jwt.setExpirationTime(options.expiresIn);
  else jwt.setExpirationTime('10m');
  return jwt.sign(new TextEncoder().encode(secret));
}

export interface SiteUser {
  id: string;
  jwt: string;
}

/** Exchanges a host token (for `sub` on the site) for an access token, as the widget does. */
export async function hostSession(
  baseUrl: string,
  site: { id: string; secret: string; origin?: string },
  sub: string,
  extra: Record<string, unknown> = {},
): Promise<SiteUser & { body: any }> {
  const token = await signHostToken(site.secret, { sub, aud: site.id, ...extra });
  const res = await fetch(`${baseUrl}/api/sites/${site.id}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(site.origin ? { origin: site.origin } : {}) },
    body: JSON.stringify({ token }),
  });
  const body = (await res.json()) as any;
  if (res.status !== 200) throw new Error(`host session failed: ${res.status} ${JSON.stringify(body)}`);
  return { id: body.user.id, jwt: body.token, body };
}

/** Starts a guest on a site that allows guests. */
export async function guestSession(
  baseUrl: string,
  site: { id: string; origin?: string },
): Promise<SiteUser & { session: string }> {
  const res = await fetch(`${baseUrl}/api/sites/${site.id}/guest`, {
    method: 'POST',
    headers: site.origin ? { origin: site.origin } : {},
  });
  const body = (await res.json()) as any;
  if (res.status !== 200) throw new Error(`guest failed: ${res.status} ${JSON.stringify(body)}`);
  return { id: body.user.id, jwt: body.token, session: body.session };
}

/** `POST /api/sites/:siteId/session` as the widget sends it, answered whole (refusals included). */
export async function postSession(
  baseUrl: string,
  siteId: string,
  token: string,
  origin?: string,
): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${baseUrl}/api/sites/${siteId}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
    body: JSON.stringify({ token }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

/**
 * The sites service as `npm run sites` runs it: a pool of its own on the test database and no HTTP app, so a
 * change made here reaches running backends only through their refresh (as an operator's would).
 */
export function sitesOutsideTheApp(publicUrl: string): { sites: SitesService; close(): Promise<void> } {
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
  return {
    sites: new SitesService(pool, new SiteSecretBox(TEST_AUTH_SECRET), publicUrl),
    close: () => pool.end(),
  };
}
