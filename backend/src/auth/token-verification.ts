import type { VerifyOptions } from 'jsonwebtoken';
import { AppConfig } from '../config/app-config';

/** The checks every access token passes, on REST (passport-jwt) and on MCP alike. */
export function accessTokenChecks(config: AppConfig): VerifyOptions & { algorithms: ['ES256'] } {
  return { algorithms: ['ES256'], issuer: config.publicUrl, audience: config.publicUrl };
}

/** The `kid` from a JWT header, without trusting anything else in it. */
export function tokenKid(token: string): string | undefined {
  const header = token.split('.')[0];
  if (!header) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { kid?: unknown };
    return typeof parsed.kid === 'string' ? parsed.kid : undefined;
  } catch {
    return undefined;
  }
}
