import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/current-user.decorator';
import { ConnectedApp, ConnectedAppsService } from './connected-apps.service';

/** The MCP clients (and other OAuth apps) the signed-in user allowed, and disconnecting one. */
@ApiTags('connected apps')
@ApiBearerAuth()
@Controller('api/connected-apps')
export class ConnectedAppsController {
  constructor(private readonly apps: ConnectedAppsService) {}

  @Get()
  @ApiOperation({ summary: 'The apps you allowed: name, client id, scopes, when' })
  list(@CurrentUser() user: AuthUser): Promise<ConnectedApp[]> {
    return this.apps.list(user.id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Disconnect an app: its tokens stop working at once' })
  @ApiNoContentResponse()
  async disconnect(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    await this.apps.disconnect(user.id, id);
  }
}
