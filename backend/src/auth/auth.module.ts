import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SiteRegistry } from '../sites/site-registry.service';
import { SiteUsersService } from '../sites/site-users.service';
import { fetchClientMetadataResource } from '@better-auth/cimd/node';
import { CIMD_FETCH, CimdFetch } from '../oauth/oauth-provider.options';
import { AUTH, createAuth } from './auth.instance';
import { JwksKeysService } from './jwks-keys.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { JwtStrategy } from './jwt.strategy';
import { VerifiedAccessTokens } from './verified-tokens';

@Global()
@Module({
  imports: [PassportModule],
  providers: [
    { provide: CIMD_FETCH, useValue: fetchClientMetadataResource },
    {
      provide: AUTH,
      inject: [APP_CONFIG, getDataSourceToken(), SiteRegistry, SiteUsersService, CIMD_FETCH],
      // better-auth shares TypeORM's pg pool: one pool per process, sized once.
      useFactory: (
        config: AppConfig,
        ds: DataSource,
        registry: SiteRegistry,
        siteUsers: SiteUsersService,
        cimdFetch: CimdFetch,
      ) =>
        createAuth(config, (ds.driver as unknown as { master: Pool }).master, {
          cimdFetch,
          trustedOrigins: () => registry.accountOrigins(),
          siteClaims: async (userId) => {
            const member = await siteUsers.touch(userId);
            return member && { site: member.siteId, kind: member.kind };
          },
          moveGuest: (guestId, accountId) => siteUsers.moveGuest(guestId, accountId),
        }),
    },
    JwksKeysService,
    VerifiedAccessTokens,
    JwtStrategy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
  exports: [AUTH, JwksKeysService, VerifiedAccessTokens],
})
export class AuthModule {}
