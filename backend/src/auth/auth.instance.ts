import { betterAuth } from 'better-auth';
import { bearer, jwt } from 'better-auth/plugins';
import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import { AppConfig } from '../config/app-config';

/**
 * better-auth options, shared by the running instance and the migrate step (`getMigrations`).
 * ES256 because passport-jwt (jsonwebtoken 9) cannot verify better-auth's default EdDSA.
 */
const authLogger = new Logger('BetterAuth');

export function authOptions(config: AppConfig, pool: Pool) {
  return {
    database: pool,
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: config.authSecret,
    trustedOrigins: config.allowedOrigins,
    telemetry: { enabled: false },
    logger: {
      level: 'warn' as const,
      log: (level: 'info' | 'success' | 'warn' | 'error' | 'debug', message: string) => {
        if (level === 'error') authLogger.error(message);
        else if (level === 'warn') authLogger.warn(message);
        else authLogger.debug(message);
      },
    },
    emailAndPassword: { enabled: true, autoSignIn: true, minPasswordLength: 8, maxPasswordLength: 128 },
    rateLimit: {
      enabled: config.authRateLimitPerMinute > 0,
      storage: 'database' as const, // shared by every backend instance
      window: 60,
      max: config.authRateLimitPerMinute * 10,
      customRules: {
        '/sign-in/email': { window: 60, max: config.authRateLimitPerMinute },
        '/sign-up/email': { window: 60, max: config.authRateLimitPerMinute },
      },
    },
    advanced: {
      // The client address is stamped by our own middleware (see auth.mount.ts), never taken from the client.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // better-auth skips its origin (CSRF) check when NODE_ENV=test or TEST is set: always check, so the test
      // suites prove what production does and no environment variable turns the check off.
      disableOriginCheck: false,
    },
    plugins: [
      bearer(),
      jwt({
        jwks: { keyPairConfig: { alg: 'ES256' } },
        jwt: {
          issuer: config.publicUrl,
          audience: config.publicUrl,
          expirationTime: config.jwtExpiresIn,
          definePayload: ({ user }) => ({ email: user.email, name: user.name }),
        },
      }),
    ],
  };
}

export function createAuth(config: AppConfig, pool: Pool) {
  return betterAuth(authOptions(config, pool));
}

export type Auth = ReturnType<typeof createAuth>;

/** Header our auth mount sets from the socket address, for better-auth's rate limiter. */
export const CLIENT_IP_HEADER = 'x-todo-client-ip';

/** Nest injection token of the better-auth instance. */
export const AUTH = Symbol('AUTH');
