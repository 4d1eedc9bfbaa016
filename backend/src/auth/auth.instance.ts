import { fetchClientMetadataResource } from '@better-auth/cimd/node';
import { betterAuth } from 'better-auth';
import { anonymous, bearer, jwt } from 'better-auth/plugins';
import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import { AppConfig } from '../config/app-config';
import { CimdFetch, oauthHooks, oauthPlugins } from '../oauth/oauth-provider.options';

/**
 * better-auth options, shared by the running instance and the migrate step (`getMigrations`).
 * ES256 because passport-jwt (jsonwebtoken 9) cannot verify better-auth's default EdDSA.
 */
const authLogger = new Logger('BetterAuth');

/** What better-auth needs from the rest of the backend (none for the migrate step, which reads the schema only). */
export interface AuthDeps {
  /** Where sign-up and sign-in may come from: the backend's own origin and those of sites with accounts. */
  trustedOrigins(): string[];
  /** The claims that tie a user's access token to its site (guests), and marks the user as seen. */
  siteClaims(userId: string): Promise<{ site: string; kind: 'host' | 'guest' } | undefined>;
  /** A guest signed up or in: their tasks and conversations move into the account, once. */
  moveGuest(guestId: string, accountId: string): Promise<void>;
  /** How Client ID Metadata Documents are fetched (tests map a https client id to a local server). */
  cimdFetch?: CimdFetch;
}

const NO_DEPS: AuthDeps = {
  trustedOrigins: () => [],
  siteClaims: async () => undefined,
  moveGuest: async () => undefined,
};

export function authOptions(config: AppConfig, pool: Pool, deps: AuthDeps = NO_DEPS) {
  return {
    database: pool,
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: config.authSecret,
    // Read on every request from the sites' in-memory view: a site's change needs no restart.
    trustedOrigins: () => deps.trustedOrigins(),
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
    hooks: { before: oauthHooks(config) },
    plugins: [
      bearer(),
      jwt({
        jwks: { keyPairConfig: { alg: 'ES256' } },
        jwt: {
          issuer: config.publicUrl,
          audience: config.publicUrl,
          expirationTime: config.jwtExpiresIn,
          // A guest's token names its site (and no placeholder email); an account's names its email.
          definePayload: async ({ user }) => {
            const site = await deps.siteClaims(user.id);
            return site ? { name: user.name, ...site } : { email: user.email, name: user.name };
          },
        },
      }),
      // Guests: made only by POST /api/sites/:siteId/guest (the plugin's own route is closed in auth.mount.ts).
      anonymous({
        emailDomainName: 'guests.invalid',
        generateName: () => 'Guest',
        onLinkAccount: ({ anonymousUser, newUser }) => deps.moveGuest(anonymousUser.user.id, newUser.user.id),
      }),
      // /mcp's authorization server (OAuth 2.1 for MCP clients); its access tokens use the jwt plugin's keys.
      ...oauthPlugins(config, deps.cimdFetch ?? fetchClientMetadataResource),
    ],
  };
}

export function createAuth(config: AppConfig, pool: Pool, deps?: AuthDeps) {
  return betterAuth(authOptions(config, pool, deps));
}

export type Auth = ReturnType<typeof createAuth>;

/** Header our auth mount sets from the socket address, for better-auth's rate limiter. */
export const CLIENT_IP_HEADER = 'x-todo-client-ip';

/** Nest injection token of the better-auth instance. */
export const AUTH = Symbol('AUTH');
