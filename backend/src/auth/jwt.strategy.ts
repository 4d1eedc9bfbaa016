import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthUser } from './auth-user';
import { JwksKeysService } from './jwks-keys.service';
import { accessTokenChecks, tokenKid } from './token-verification';

interface AccessTokenPayload {
  sub?: unknown;
  email?: unknown;
}

/** Verifies `Authorization: Bearer <JWT>` against better-auth's JWKS, in process. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig, keys: JwksKeysService) {
    const checks = accessTokenChecks(config);
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
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

  validate(payload: AccessTokenPayload): AuthUser | false {
    if (typeof payload.sub !== 'string' || payload.sub === '') return false;
    return { id: payload.sub, email: typeof payload.email === 'string' ? payload.email : undefined };
  }
}
