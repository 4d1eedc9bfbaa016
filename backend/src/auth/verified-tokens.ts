import { Injectable } from '@nestjs/common';
import type { AuthUser } from './auth-user';

/**
 * Access tokens whose signature and claims were already checked, remembered until they expire. Checking an
 * ES256 signature costs ~0.15 ms, a tenth of an MCP `tools/call`; an agent calling tools sends the same token
 * again and again. The token string includes its signature, so the same string verifies the same way until
 * `exp`, which is still checked on every use. Bounded: the oldest entry goes first.
 */
export class VerifiedTokens<T> {
  private readonly entries = new Map<string, { value: T; expiresAtMs: number }>();

  constructor(
    private readonly max = 1_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): T | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.expiresAtMs > this.now()) return entry.value;
    this.entries.delete(token);
    return undefined;
  }

  /** `expiresAt` in seconds since the epoch, as in the token's `exp`. */
  set(token: string, value: T, expiresAt: number): void {
    if (this.entries.size >= this.max && !this.entries.has(token))
      this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, { value, expiresAtMs: expiresAt * 1000 });
  }
}

/** What a verified access token says: whose it is, and until when (and since when, for OAuth tokens). */
export interface VerifiedClaims {
  user: AuthUser;
  exp: number;
  /** When it was issued (`iat`): an OAuth token is good only under a consent given no later. */
  iat?: number;
}

/** The process's one memory of verified access tokens, shared by REST, ChatKit (passport-jwt) and MCP. */
@Injectable()
export class VerifiedAccessTokens extends VerifiedTokens<VerifiedClaims> {
  constructor() {
    super();
  }
}
