import type { AppConfig } from '../config/app-config';

/**
 * Which browser origins may use the backend: the embedding sites of `ALLOWED_ORIGINS` and the backend's own
 * `PUBLIC_URL` (better-auth trusts both; CORS is only needed by the first). The one wording of a refusal, so
 * every place that refuses an origin tells a site owner the same two things: which origin, which setting.
 */
export class OriginPolicy {
  private readonly allowed: ReadonlySet<string>;

  constructor(config: Pick<AppConfig, 'allowedOrigins' | 'publicUrl'>) {
    this.allowed = new Set([...config.allowedOrigins, new URL(config.publicUrl).origin]);
  }

  allows(origin: string): boolean {
    return this.allowed.has(origin);
  }
}

export const ORIGIN_SETTING = 'ALLOWED_ORIGINS';

/** Why a request from `origin` (undefined: none given) was refused, and what lets it in. */
export function originRefusal(origin: string | undefined): string {
  if (origin === undefined)
    return `This request has no Origin header. Send it from a page whose origin is listed in ${ORIGIN_SETTING} on the backend.`;
  if (origin === 'null')
    return `This page's origin is "null" (a sandboxed iframe or a file: page), which cannot be allowed. Serve it from an origin listed in ${ORIGIN_SETTING} on the backend.`;
  return `The origin ${origin} is not allowed. Add it to ${ORIGIN_SETTING} on the backend.`;
}
