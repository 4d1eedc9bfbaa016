import { Inject, Injectable } from '@nestjs/common';
import { createPublicKey, KeyObject } from 'node:crypto';
import { Auth, AUTH } from './auth.instance';

// An unknown kid triggers at most one reload per interval, so forged kids cannot hammer the database.
const MIN_RELOAD_INTERVAL_MS = 1_000;

/** The public signing keys of better-auth's JWT plugin, read in process and cached in memory. */
@Injectable()
export class JwksKeysService {
  private keys = new Map<string, KeyObject>(); // kid → parsed public key (parsing a PEM per request costs ~0.4 ms)
  private lastLoad = 0;
  private loading: Promise<void> | null = null;

  constructor(@Inject(AUTH) private readonly auth: Auth) {}

  async getKey(kid: string): Promise<KeyObject | undefined> {
    const cached = this.keys.get(kid);
    if (cached) return cached;
    if (Date.now() - this.lastLoad >= MIN_RELOAD_INTERVAL_MS) await this.reload();
    return this.keys.get(kid);
  }

  private reload(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const jwks = await this.auth.api.getJwks();
        const next = new Map<string, KeyObject>();
        for (const jwk of jwks.keys) {
          if (typeof jwk.kid === 'string') next.set(jwk.kid, createPublicKey({ key: jwk, format: 'jwk' }));
        }
        this.keys = next;
        this.lastLoad = Date.now();
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }
}
