import { z } from 'zod';
import { DomainError } from '../common/domain-error';

/** How a site's visitors may be known: the widget's own accounts, the site's own users, or nobody at all. */
export const IDENTITY_MODES = ['accounts', 'host', 'guests'] as const;
export type IdentityMode = (typeof IDENTITY_MODES)[number];

export type SiteStatus = 'active' | 'disabled';

/** The site ALLOWED_ORIGINS defines at every start: existing deployments keep working unchanged. */
export const DEFAULT_SITE_ID = 'default';

export const SITE_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{1,62}$/;

const text = (max: number, what: string) =>
  z.string().trim().min(1, `${what} must not be empty`).max(max, `${what} must be at most ${max} characters`);

/**
 * What a site owner may set. Every key is optional; the widget's attributes override the appearance ones.
 * Strict: an unknown key is refused with its name, so a typo in `--setting` does not pass silently.
 */
export const siteSettingsSchema = z
  .object({
    heading: text(80, 'heading'),
    greeting: text(500, 'greeting'),
    placeholder: text(120, 'placeholder'),
    prompts: z
      .array(z.object({ label: text(40, 'a prompt label'), prompt: text(500, 'a prompt') }).strict())
      .max(6, 'at most 6 prompts'),
    // Hex only: the value reaches CSS on the host page.
    accent: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'accent must be a hex colour such as #0f766e'),
    theme: z.enum(['light', 'dark', 'auto'], { message: 'theme must be light, dark or auto' }),
    locale: z
      .string()
      .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'locale must be a language tag such as en or ur-PK'),
    chat_rate_limit: z
      .number({ message: 'chat_rate_limit must be a number' })
      .int('chat_rate_limit must be a whole number')
      .min(1, 'chat_rate_limit must be at least 1')
      .max(10_000, 'chat_rate_limit must be at most 10000'),
    instructions: text(2_000, 'instructions'),
  })
  .partial()
  .strict();

export type SiteSettings = z.infer<typeof siteSettingsSchema>;
export const SETTING_KEYS = Object.keys(siteSettingsSchema.shape) as Array<keyof SiteSettings>;

/** A site as stored, secrets still encrypted. */
export interface SiteRecord {
  id: string;
  name: string;
  origins: string[];
  identity: IdentityMode[];
  secretCurrent: string | null;
  secretPrevious: string | null;
  secretPreviousExpiresAt: Date | null;
  jwksUrl: string | null;
  issuer: string | null;
  settings: SiteSettings;
  status: SiteStatus;
  /** The accounts that manage it (besides the admins); none for a site an admin or the CLI made. */
  owners: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** What operators see of a site (CLI `show`, admin API): never a secret, only whether there are any. */
export interface SiteSummary {
  id: string;
  name: string;
  origins: string[];
  identity: IdentityMode[];
  status: SiteStatus;
  secrets: { current: boolean; previous: boolean; previous_expires_at: string | null };
  jwks_url: string | null;
  issuer: string | null;
  settings: SiteSettings;
  owners: string[];
  created_at: string;
  updated_at: string;
}

export function summarize(site: SiteRecord, now = new Date()): SiteSummary {
  const previousValid =
    site.secretPrevious !== null &&
    (site.secretPreviousExpiresAt === null || site.secretPreviousExpiresAt > now);
  return {
    id: site.id,
    name: site.name,
    origins: site.origins,
    identity: site.identity,
    status: site.status,
    secrets: {
      current: site.secretCurrent !== null,
      previous: previousValid,
      previous_expires_at: previousValid ? (site.secretPreviousExpiresAt?.toISOString() ?? null) : null,
    },
    jwks_url: site.jwksUrl,
    issuer: site.issuer,
    settings: site.settings,
    owners: site.owners,
    created_at: site.createdAt.toISOString(),
    updated_at: site.updatedAt.toISOString(),
  };
}

const invalid = (message: string) => new DomainError('invalid_input', message);

export function checkSiteId(id: string): string {
  if (!SITE_ID_PATTERN.test(id))
    throw invalid(
      `The site id "${id.slice(0, 80)}" is not valid: use 2-63 lowercase letters, digits, "-" or "_", starting with a letter or digit.`,
    );
  return id;
}

export function checkName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100) throw invalid('The name must be 1-100 characters.');
  return trimmed;
}

/**
 * An exact origin (`https://shop.example.com`, a port if any) or a subdomain wildcard (`https://*.example.com`).
 * A bare `*`, paths, credentials and other schemes are refused: the list decides who may embed the site.
 */
export function normalizeOrigin(raw: string): string {
  const value = raw.trim().replace(/\/+$/, '');
  if (value === '*' || value === 'null')
    throw invalid(`"${value}" cannot be an origin of a site: list each origin (https://shop.example.com).`);
  const wildcard = /^(https?):\/\/\*\.([^/*]+)$/.exec(value);
  const candidate = wildcard ? `${wildcard[1]}://wildcard.${wildcard[2]}` : value;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw invalid(`"${value.slice(0, 200)}" is not an origin: write it as https://shop.example.com.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw invalid(`"${value.slice(0, 200)}" is not an http or https origin.`);
  if (url.origin !== candidate)
    throw invalid(
      `"${value.slice(0, 200)}" is not an origin (scheme, host and port only): did you mean ${url.origin.replace('wildcard.', '*.')}?`,
    );
  return wildcard ? `${url.protocol}//*.${url.host.slice('wildcard.'.length)}` : url.origin;
}

export function checkOrigins(origins: string[]): string[] {
  if (origins.length > 50) throw invalid('A site lists at most 50 origins.');
  return [...new Set(origins.map(normalizeOrigin))];
}

export function checkIdentity(modes: string[]): IdentityMode[] {
  const unknown = modes.filter((m) => !(IDENTITY_MODES as readonly string[]).includes(m));
  if (unknown.length)
    throw invalid(`Unknown identity mode "${unknown[0]}": use any of ${IDENTITY_MODES.join(', ')}.`);
  if (modes.length === 0)
    throw invalid(`A site needs at least one identity mode: ${IDENTITY_MODES.join(', ')}.`);
  return IDENTITY_MODES.filter((m) => modes.includes(m));
}

export function checkSettings(input: unknown): SiteSettings {
  const result = siteSettingsSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue.code === 'unrecognized_keys')
    throw invalid(`Unknown setting "${issue.keys[0]}": the settings are ${SETTING_KEYS.join(', ')}.`);
  const path = issue.path.join('.');
  throw invalid(`settings.${path}: ${issue.message}`);
}

/** A JWKS address: https (or http on loopback, for development and tests). */
export function checkJwksUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalid(`jwks_url "${raw.slice(0, 200)}" is not a URL.`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw invalid('jwks_url must be an https URL (http only on localhost).');
  return url.href;
}

/** Whether `origin` is one that `pattern` (an entry of a site's origins) allows. */
export function originMatches(pattern: string, origin: string): boolean {
  if (!pattern.includes('*')) return pattern === origin;
  const [scheme, host] = pattern.split('://*.');
  return origin.startsWith(`${scheme}://`) && origin.slice(scheme.length + 3).endsWith(`.${host}`);
}
