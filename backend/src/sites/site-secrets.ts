import { hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { CompactEncrypt, compactDecrypt } from 'jose';

/** How long the previous secret keeps working after a rotation, unless revoked sooner. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

/** A new HMAC secret for a site's host tokens: 256 random bits, recognisable in logs and secret scanners. */
export function newSiteSecret(): string {
  return `tas_${randomBytes(32).toString('base64url')}`;
}

/**
 * Encrypts site secrets at rest (JWE `dir` + A256GCM, through jose) with a key derived from BETTER_AUTH_SECRET:
 * a copy of the database alone reveals no secret. Changing BETTER_AUTH_SECRET therefore makes stored site
 * secrets unreadable: rotate every site's secret after changing it.
 */
export class SiteSecretBox {
  private readonly key: Uint8Array;

  constructor(authSecret: string) {
    this.key = new Uint8Array(hkdfSync('sha256', authSecret, 'todo-assistant', 'site-secrets/v1', 32));
  }

  seal(secret: string): Promise<string> {
    return new CompactEncrypt(new TextEncoder().encode(secret))
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .encrypt(this.key);
  }

  async open(sealed: string): Promise<string> {
    const { plaintext } = await compactDecrypt(sealed, this.key, {
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    return new TextDecoder().decode(plaintext);
  }
}

/** Constant-time comparison of a presented secret with a stored one. */
export function sameSecret(presented: string, actual: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}
