import { Injectable } from '@nestjs/common';
import { SiteRegistry } from '../sites/site-registry.service';

/**
 * Which browser origins may use the backend: those an active site lists (the site `default` holds
 * `ALLOWED_ORIGINS`) and the backend's own `PUBLIC_URL`. Answered from the sites' in-memory view. The one
 * wording of a refusal, so every place that refuses an origin tells a site owner the same two things: which
 * origin, which setting.
 */
@Injectable()
export class OriginPolicy {
  constructor(private readonly sites: SiteRegistry) {}

  allows(origin: string): boolean {
    return this.sites.allowsOrigin(origin);
  }
}

export const ORIGIN_SETTING = 'ALLOWED_ORIGINS';

/** Why a request from `origin` (undefined: none given) was refused, and what lets it in. */
export function originRefusal(origin: string | undefined): string {
  if (origin === undefined)
    return `This request has no Origin header. Send it from a page whose origin is listed in ${ORIGIN_SETTING} on the backend (or in a site's origins).`;
  if (origin === 'null')
    return `This page's origin is "null" (a sandboxed iframe or a file: page), which cannot be allowed. Serve it from an origin listed in ${ORIGIN_SETTING} on the backend (or in a site's origins).`;
  return `The origin ${origin} is not allowed. Add it to ${ORIGIN_SETTING} on the backend, or to a site's origins (npm run sites -- update <site> --origin ${origin}).`;
}
