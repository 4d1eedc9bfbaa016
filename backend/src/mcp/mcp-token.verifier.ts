import { Inject, Injectable } from '@nestjs/common';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import jwt from 'jsonwebtoken';
import { AuthUser, principalOf } from '../auth/auth-user';
import { JwksKeysService } from '../auth/jwks-keys.service';
import { accessTokenChecks, tokenKid } from '../auth/token-verification';
import { VerifiedAccessTokens } from '../auth/verified-tokens';
import { APP_CONFIG, AppConfig } from '../config/app-config';

export const MCP_CLIENT_ID = 'todo-assistant';

/**
 * The AuthInfo every tool reads its user from (`extra.authInfo.extra.userId`), and the time zone of the caller
 * when it is known (a chat turn: the client's zone), else the tools use the user's remembered one.
 */
export function authInfoFor(userId: string, token: string, expiresAt: number, timeZone?: string): AuthInfo {
  const extra = timeZone ? { userId, timeZone } : { userId };
  return { token, clientId: MCP_CLIENT_ID, scopes: [], expiresAt, extra };
}

/** The principal the bearer middleware verified (MCP over HTTP; the in-process connection carries none). */
export function principalOfAuthInfo(info: AuthInfo): AuthUser | undefined {
  return info.extra?.principal as AuthUser | undefined;
}

function withPrincipal(user: AuthUser, token: string, expiresAt: number): AuthInfo {
  const info = authInfoFor(user.id, token, expiresAt);
  return { ...info, extra: { ...info.extra, principal: user } };
}

/** Verifies the same access tokens as the REST guard (same keys, same checks) for the MCP SDK's bearer middleware. */
@Injectable()
export class McpTokenVerifier implements OAuthTokenVerifier {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: JwksKeysService,
    private readonly verified: VerifiedAccessTokens,
  ) {}

  async verifyAccessToken(token: string): Promise<AuthInfo> {
    const known = this.verified.get(token);
    if (known) return withPrincipal(known.user, token, known.exp);
    const kid = tokenKid(token);
    const key = kid ? await this.keys.getKey(kid) : undefined;
    if (!key) throw new InvalidTokenError('Unknown or malformed access token');
    let payload: jwt.JwtPayload | string;
    try {
      payload = jwt.verify(token, key, accessTokenChecks(this.config));
    } catch (err) {
      throw new InvalidTokenError(err instanceof Error ? err.message : 'Invalid access token');
    }
    const user = typeof payload === 'string' ? undefined : principalOf(payload);
    if (typeof payload === 'string' || !user || typeof payload.exp !== 'number') {
      throw new InvalidTokenError('The access token has no subject or expiry');
    }
    this.verified.set(token, { user, exp: payload.exp }, payload.exp);
    return withPrincipal(user, token, payload.exp);
  }
}
