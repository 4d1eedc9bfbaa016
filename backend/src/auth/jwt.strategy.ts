import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthUser, principalOf } from './auth-user';
import { JwksKeysService } from './jwks-keys.service';
import { accessTokenChecks, tokenKid } from './token-verification';
import { VerifiedAccessTokens, VerifiedClaims } from './verified-tokens';

interface AccessTokenPayload {
  sub?: unknown;
  email?: unknown;
  exp?: unknown;
  site?: unknown;
  kind?: unknown;
}

const bearerToken = ExtractJwt.fromAuthHeaderAsBearerToken();

const MCP_ONLY = "this is an MCP client's OAuth token, which works on /mcp only";

/**
 * Verifies `Authorization: Bearer <JWT>` against better-auth's JWKS, in process. A token that passed is
 * remembered until it expires (as on MCP), so a client's later requests skip the signature check.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    keys: JwksKeysService,
    private readonly verified: VerifiedAccessTokens,
  ) {
    const checks = accessTokenChecks(config);
    super({
      passReqToCallback: true,
      jwtFromRequest: bearerToken,
      ignoreExpiration: false,
      algorithms: checks.algorithms,
      issuer: config.publicUrl,
      audience: config.publicUrl,
      secretOrKeyProvider: (
        _req: unknown,
        rawJwt: string,
        done: (err: unknown, key?: string | Buffer) => void,
      ) => {
        const kid = tokenKid(rawJwt);
        if (!kid) return done(null, undefined);
        keys.getKey(kid).then(
          // jsonwebtoken verifies with a KeyObject as well as a PEM; the typings only name the latter.
          (key) => done(null, key as unknown as Buffer | undefined),
          (err: unknown) => done(err),
        );
      },
    });
  }

  override authenticate(req: Request, options?: unknown): void {
    const token = bearerToken(req);
    const known = token ? this.verified.get(token) : undefined;
    // An MCP client's OAuth token (remembered by /mcp, which shares this memory) is for /mcp alone.
    if (known?.user.client) return this.fail(new Error(MCP_ONLY), 401);
    if (known) return this.success(known.user);
    super.authenticate(req, options);
  }

  validate(req: Request, payload: AccessTokenPayload): AuthUser | false {
    const user = principalOf(payload);
    if (!user || typeof payload.exp !== 'number') return false;
    const claims: VerifiedClaims = { user, exp: payload.exp };
    const token = bearerToken(req);
    if (token) this.verified.set(token, claims, payload.exp);
    return user;
  }
}
