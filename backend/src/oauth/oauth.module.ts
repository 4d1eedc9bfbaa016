import { Module } from '@nestjs/common';
import { ConnectedAppsController } from './connected-apps.controller';
import { ConnectedAppsService } from './connected-apps.service';

/** OAuth for MCP clients: the apps a user connected (the provider itself is a better-auth plugin, see auth/). */
@Module({
  controllers: [ConnectedAppsController],
  providers: [ConnectedAppsService],
})
export class OAuthModule {}
