import { Inject, Injectable } from '@nestjs/common';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import jwt from 'jsonwebtoken';
import { AuthUser, principalOf } from '../auth/auth-user';
import { JwksKeysService } from '../auth/jwks-keys.service';
import { tokenKid } from '../auth/token-verification';
import { VerifiedAccessTokens, VerifiedClaims } from '../auth/verified-tokens';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Sql } from '../database/sql.service';
import { MCP_SCOPES, mcpResource } from '../oauth/oauth-provider.options';

export const MCP_CLIENT_ID = 'todo-assistant';

/**
 * The AuthInfo every tool reads its user from (`extra.authInfo.extra.userId`), and the time zone of the caller
 * when it is known (a chat turn: the client's zone), else the tools use the user's remembered one. A chat turn's
 * connection also carries its conversation and change batch: the tools log changes under them, and undo reverses
 * that conversation's changes. Only the server sets these (HTTP callers get an AuthInfo from their token).
 */
export function authInfoFor(
  userId: string,
  token: string,
  expiresAt: number,
  timeZone?: string,
  turn?: ChatTurnOrigin,
): AuthInfo {
  const extra = {
    userId,
    ...(timeZone ? { timeZone } : {}),
    ...(turn ? { threadId: turn.threadId, changeBatch: turn.changeBatch } : {}),
  };
  return { token, clientId: MCP_CLIENT_ID, scopes: [...MCP_SCOPES], expiresAt, extra };
}

/** The conversation a chat turn runs in and the batch its task changes are logged under (for undo). */
export interface ChatTurnOrigin {
  threadId: string;
  changeBatch: string;
}

/** The principal the bearer middleware verified (MCP over HTTP; the in-process connection carries none). */
export function principalOfAuthInfo(info: AuthInfo): AuthUser | undefined {
  return info.extra?.principal as AuthUser | undefined;
}

function withPrincipal(user: AuthUser, token: string, expiresAt: number, resource?: URL): AuthInfo {
  const info = authInfoFor(user.id, token, expiresAt);
  return {
    ...info,
    ...(user.client ? { clientId: user.client.id, scopes: user.client.scopes, resource } : {}),
    extra: { ...info.extra, principal: user },
  };
}

// The consent the token's client still has (a revoked client has none), given no later than the token was
// issued ($3 = iat, a second of leeway for instances' clocks): a consent given again after a revocation does not
// revive tokens issued before it. And whether the user belongs to a site (a guest has a session, so it can go
// through the consent): site users act under their site's rules, which an OAuth token does not carry.
const CONSENT = `SELECT c.scopes, EXISTS (SELECT 1 FROM site_users s WHERE s.user_id = $1) AS site_user
  FROM "oauthConsent" c
  WHERE c."userId" = $1 AND c."clientId" = $2 AND c."createdAt" <= to_timestamp($3::double precision + 1)`;

/**
 * Verifies the bearer tokens `/mcp` accepts, with the same keys as the REST guard:
 * - the backend's own access tokens (`/api/auth/token`, a site's session or guest): full access, as ever;
 * - OAuth access tokens of MCP clients (`typ: at+jwt`, audience the `/mcp` resource): for the account that
 *   allowed the client, with the scopes it allowed, and only while that consent stands — checked on every
 *   request, so revoking a connected app stops its tokens at once.
 */
@Injectable()
export class McpTokenVerifier implements OAuthTokenVerifier {
  private readonly resource: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: JwksKeysService,
    private readonly verified: VerifiedAccessTokens,
    private readonly sql: Sql,
  ) {
    this.resource = mcpResource(config);
  }

  async verifyAccessToken(token: string): Promise<AuthInfo> {
    const { user, exp, iat } = this.verified.get(token) ?? (await this.verify(token));
    if (!user.client) return withPrincipal(user, token, exp);
    const [consent] = await this.sql.rows<{ scopes: string[]; site_user: boolean }>(CONSENT, [
      user.id,
      user.client.id,
      iat,
    ]);
    if (!consent)
      throw new InvalidTokenError(
        'This app is no longer connected: the user revoked it (or its consent was withdrawn). Authorize again.',
      );
    if (consent.site_user)
      throw new InvalidTokenError(
        "Only accounts can connect apps: this token's user is a site's user. Sign in with an account.",
      );
    const scopes = user.client.scopes.filter((s) => consent.scopes.includes(s));
    return withPrincipal(
      { ...user, client: { id: user.client.id, scopes } },
      token,
      exp,
      new URL(this.resource),
    );
  }

  /** Checks the signature and claims once; the principal is remembered until the token expires. */
  private async verify(token: string): Promise<VerifiedClaims> {
    const kid = tokenKid(token);
    const key = kid ? await this.keys.getKey(kid) : undefined;
    if (!key) throw new InvalidTokenError('Unknown or malformed access token');
    let decoded: jwt.Jwt;
    try {
      decoded = jwt.verify(token, key, {
        algorithms: ['ES256'],
        issuer: this.config.publicUrl,
        audience: [this.config.publicUrl, this.resource],
        complete: true,
      });
    } catch (err) {
      throw new InvalidTokenError(err instanceof Error ? err.message : 'Invalid access token');
    }
    const payload = decoded.payload;
    if (typeof payload === 'string' || typeof payload.exp !== 'number' || typeof payload.sub !== 'string')
      throw new InvalidTokenError('The access token has no subject or expiry');
    const audiences = [payload.aud ?? []].flat();
    let user: AuthUser | undefined;
    if (decoded.header.typ === 'at+jwt') {
      // An OAuth access token: only for this resource, and only as what its client was allowed.
      if (!audiences.includes(this.resource))
        throw new InvalidTokenError(`This access token is for another resource, not ${this.resource}.`);
      const claims = payload as { azp?: unknown; client_id?: unknown; scope?: unknown };
      const client = typeof claims.azp === 'string' ? claims.azp : claims.client_id;
      if (typeof client !== 'string') throw new InvalidTokenError('The access token names no client');
      const scopes = (typeof claims.scope === 'string' ? claims.scope : '')
        .split(' ')
        .filter((s) => (MCP_SCOPES as readonly string[]).includes(s));
      if (typeof payload.iat !== 'number') throw new InvalidTokenError('The access token has no issue time');
      user = { id: payload.sub, kind: 'account', client: { id: client, scopes } };
    } else {
      if (!audiences.includes(this.config.publicUrl))
        throw new InvalidTokenError(`This access token is not for ${this.config.publicUrl}.`);
      user = principalOf(payload);
    }
    if (!user) throw new InvalidTokenError('The access token has no subject or expiry');
    const claims: VerifiedClaims = { user, exp: payload.exp, iat: payload.iat };
    this.verified.set(token, claims, payload.exp);
    return claims;
  }
}
