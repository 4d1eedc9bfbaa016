import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/public.decorator';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MCP_SCOPES, mcpResource } from '../oauth/oauth-provider.options';

/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728) for /mcp, so standard MCP clients can discover where
 * tokens come from. Served at the root and at the path-suffixed location the MCP spec also probes.
 */
@ApiExcludeController()
@Controller('.well-known')
export class ProtectedResourceController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Get(['oauth-protected-resource', 'oauth-protected-resource/mcp'])
  metadata() {
    return {
      resource: mcpResource(this.config),
      // The authorization server's issuer, whose RFC 8414 metadata is at /.well-known/oauth-authorization-server.
      authorization_servers: [this.config.publicUrl],
      scopes_supported: [...MCP_SCOPES],
      bearer_methods_supported: ['header'],
      resource_name: 'Todo Assistant tasks',
      resource_documentation: `${this.config.publicUrl}/api/docs`,
    };
  }
}
