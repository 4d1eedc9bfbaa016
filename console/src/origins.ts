/**
 * Origins as the backend checks them (backend/src/sites/site.model.ts, normalizeOrigin), with the same words, so
 * the form says what is wrong while it is typed: an exact http(s) origin with an optional port
 * (`https://shop.example.com`), or a subdomain wildcard (`https://*.example.com`). A bare `*`, paths and other
 * schemes are refused.
 */
export type OriginCheck = { ok: true; origin: string } | { ok: false; message: string };

export function checkOrigin(raw: string): OriginCheck {
  const value = raw.trim().replace(/\/+$/, '');
  const refuse = (message: string): OriginCheck => ({ ok: false, message });
  if (value === '*' || value === 'null')
    return refuse(`"${value}" cannot be an origin of a site: list each origin (https://shop.example.com).`);
  const wildcard = /^(https?):\/\/\*\.([^/*]+)$/.exec(value);
  const candidate = wildcard ? `${wildcard[1]}://wildcard.${wildcard[2]}` : value;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return refuse(`"${value.slice(0, 200)}" is not an origin: write it as https://shop.example.com.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return refuse(`"${value.slice(0, 200)}" is not an http or https origin.`);
  if (url.origin !== candidate)
    return refuse(
      `"${value.slice(0, 200)}" is not an origin (scheme, host and port only): did you mean ${url.origin.replace('wildcard.', '*.')}?`,
    );
  return {
    ok: true,
    origin: wildcard ? `${url.protocol}//*.${url.host.slice('wildcard.'.length)}` : url.origin,
  };
}

/** The lines of an origins field (one per line; commas and spaces separate too), empty ones dropped. */
export function originLines(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((l) => l.trim())
    .filter(Boolean);
}

export interface OriginsCheck {
  origins: string[];
  problems: string[];
}

/** Every origin of the field checked: the normalized ones, and what is wrong with the others. */
export function checkOrigins(text: string): OriginsCheck {
  const origins: string[] = [];
  const problems: string[] = [];
  for (const line of originLines(text)) {
    const r = checkOrigin(line);
    if (r.ok) {
      if (!origins.includes(r.origin)) origins.push(r.origin);
    } else problems.push(r.message);
  }
  if (origins.length > 50) problems.push('A site lists at most 50 origins.');
  return { origins, problems };
}

/** A site id as the backend accepts it (2-63 of a-z, 0-9, "-", "_", starting with a letter or digit). */
export const SITE_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{1,62}$/;

/** A language tag as the site's `locale` setting accepts it. */
export const LOCALE_PATTERN = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

/** A colour as the site's `accent` setting accepts it. */
export const ACCENT_PATTERN = /^#[0-9a-fA-F]{6}$/;
