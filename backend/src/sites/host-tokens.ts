import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { DomainError } from '../common/domain-error';
import type { SiteRecord } from './site.model';
import type { SiteKeys } from './site-registry.service';

/** What a verified host token says of the site's user. */
export interface HostClaims {
  sub: string;
  name?: string;
  email?: string;
  /** Seconds since the epoch: the access token given in exchange never outlives it. */
  exp: number;
}

/** A host token may say it is valid for at most this long: a day-long bearer is already generous. */
export const HOST_TOKEN_MAX_LIFETIME_S = 24 * 60 * 60;
const SUB_MAX = 255;
const CLOCK_TOLERANCE_S = 30;
const ASYMMETRIC = ['RS256', 'ES256'];

const refuse = (message: string) => new DomainError('unauthorized', message);

type RemoteSet = ReturnType<typeof createRemoteJWKSet>;

/**
 * Verifies the JWT a site's server signs for its signed-in user (`sites.md`, host identity), with jose only:
 * HS256 with the site's current or previous secret, or RS256/ES256 with a key of its JWKS (fetched and cached
 * by jose), `aud` = the site id, the site's issuer when it has a JWKS, `exp` required and at most 24 h ahead,
 * `sub` of 1–255 characters. The algorithm decides the key and nothing else: an HS256 token is checked only
 * against the site's secrets (never a public key), and `alg: none` is refused before anything is read.
 * Every refusal says what is wrong, for the site's developer.
 */
export class HostTokenVerifier {
  private readonly jwks = new Map<string, { url: string; set: RemoteSet }>();

  async verify(site: SiteRecord, token: string, secrets: () => Promise<SiteKeys>): Promise<HostClaims> {
    if (typeof token !== 'string' || token.split('.').length !== 3)
      throw refuse('The host token is not a JWT (three base64url parts separated by dots).');
    let alg: unknown;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw refuse('The host token is not a JWT: its header is not base64url-encoded JSON.');
    }
    let payload: JWTPayload;
    if (typeof alg !== 'string' || alg.toLowerCase() === 'none')
      throw refuse('The host token is unsigned (alg "none"): sign it with HS256 and the site secret.');
    if (alg === 'HS256') payload = await this.verifyHmac(site, token, await secrets());
    else if (ASYMMETRIC.includes(alg)) payload = await this.verifyJwks(site, token, alg);
    else
      throw refuse(
        `The host token's algorithm ${alg.slice(0, 20)} is not accepted: sign with HS256 and the site secret` +
          (site.jwksUrl ? ', or RS256/ES256 with a key of the site JWKS.' : '.'),
      );
    return this.claims(payload);
  }

  private async verifyHmac(site: SiteRecord, token: string, keys: SiteKeys): Promise<JWTPayload> {
    const secrets = [keys.current, keys.previous].filter((s): s is string => s !== null);
    for (const secret of secrets) {
      try {
        return (await jwtVerify(token, new TextEncoder().encode(secret), this.options(site, ['HS256'])))
          .payload;
      } catch (err) {
        if (err instanceof errors.JWSSignatureVerificationFailed) continue;
        throw this.explain(site, err);
      }
    }
    throw refuse(
      `The host token's signature does not match: sign it with the current secret of the site ${site.id}` +
        ' (or the previous one, for 24 hours after a rotation).',
    );
  }

  private async verifyJwks(site: SiteRecord, token: string, alg: string): Promise<JWTPayload> {
    if (!site.jwksUrl)
      throw refuse(
        `The host token is signed with ${alg}, but the site ${site.id} has no JWKS URL: sign with HS256 and the site secret, or set the site's jwks_url.`,
      );
    try {
      return (await jwtVerify(token, this.keySet(site.id, site.jwksUrl), this.options(site, ASYMMETRIC)))
        .payload;
    } catch (err) {
      throw this.explain(site, err);
    }
  }

  private keySet(siteId: string, url: string): RemoteSet {
    const known = this.jwks.get(siteId);
    if (known && known.url === url) return known.set;
    // jose caches the keys (10 minutes), refetches on an unknown kid at most every 30 s, and times out at 5 s.
    const set = createRemoteJWKSet(new URL(url), { timeoutDuration: 5_000 });
    this.jwks.set(siteId, { url, set });
    return set;
  }

  private options(site: SiteRecord, algorithms: string[]) {
    return {
      algorithms,
      audience: site.id,
      issuer: algorithms === ASYMMETRIC && site.issuer ? site.issuer : undefined,
      requiredClaims: ['exp'],
      clockTolerance: CLOCK_TOLERANCE_S,
    };
  }

  private claims(payload: JWTPayload): HostClaims {
    const now = Math.floor(Date.now() / 1000);
    const exp = payload.exp as number;
    if (exp > now + HOST_TOKEN_MAX_LIFETIME_S + CLOCK_TOLERANCE_S)
      throw refuse(
        'The host token expires more than 24 hours ahead: sign short-lived tokens (10 minutes is plenty; the widget asks for a new one).',
      );
    const { sub } = payload;
    if (sub === undefined || sub === '') throw refuse("The host token has no sub: put your user's id in it.");
    if (typeof sub !== 'string')
      throw refuse("The host token's sub is not a string: put your user's id in it as one.");
    if (sub.length > SUB_MAX)
      throw refuse(`The host token's sub is ${sub.length} characters long; at most ${SUB_MAX} are allowed.`);
    return {
      sub,
      exp,
      name: optionalText(payload.name, 'name', 200),
      email: optionalText(payload.email, 'email', 320),
    };
  }

  private explain(site: SiteRecord, err: unknown): DomainError {
    if (err instanceof errors.JWTExpired)
      return refuse(
        `The host token expired${typeof err.payload.exp === 'number' ? ` at ${new Date(err.payload.exp * 1000).toISOString()}` : ''}: the page should ask its server for a fresh one.`,
      );
    if (err instanceof errors.JWTClaimValidationFailed) {
      const value = err.payload[err.claim];
      if (err.claim === 'aud')
        return refuse(
          value === undefined
            ? `The host token has no aud: set it to the site id "${site.id}".`
            : `The host token is for audience ${JSON.stringify(value).slice(0, 100)}, not this site: set aud to "${site.id}".`,
        );
      if (err.claim === 'iss')
        return refuse(
          `The host token's issuer ${JSON.stringify(value ?? null).slice(0, 200)} is not the site's issuer "${site.issuer ?? ''}".`,
        );
      if (err.claim === 'exp')
        return refuse(
          err.reason === 'missing'
            ? 'The host token has no exp: give it an expiry (at most 24 hours ahead).'
            : "The host token's exp is not a number: give it in seconds since the epoch (at most 24 hours ahead).",
        );
      if (err.claim === 'nbf' || err.claim === 'iat')
        return refuse(`The host token is not valid yet (its ${err.claim} is in the future).`);
      return refuse(`The host token's ${err.claim} claim is not valid: ${err.message}.`);
    }
    if (err instanceof errors.JWSSignatureVerificationFailed)
      return refuse("The host token's signature does not match any key of the site's JWKS.");
    if (err instanceof errors.JWKSNoMatchingKey)
      return refuse("No key of the site's JWKS matches the host token (its kid and algorithm).");
    if (err instanceof errors.JOSEAlgNotAllowed) return refuse(`The host token's algorithm is not accepted.`);
    if (err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid || isFetchFailure(err))
      return new DomainError(
        'service_unavailable',
        `The JWKS of the site ${site.id} could not be read from ${site.jwksUrl ?? ''}: try again shortly.`,
      );
    if (err instanceof errors.JOSEError) return refuse(`The host token is not valid: ${err.message}.`);
    throw err;
  }
}

function optionalText(value: unknown, claim: string, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > max)
    throw refuse(`The host token's ${claim} must be a string of at most ${max} characters.`);
  return value.trim() || undefined;
}

function isFetchFailure(err: unknown): boolean {
  // fetch rejects with a TypeError ("fetch failed", the socket error as its cause): told by its name, because the
  // fetch in use may belong to another realm (a vm context, as under jest), where `instanceof TypeError` is false.
  const name = typeof err === 'object' && err !== null ? (err as { name?: unknown }).name : undefined;
  return name === 'TypeError' || (err instanceof errors.JOSEError && err.code === 'ERR_JOSE_GENERIC');
}
