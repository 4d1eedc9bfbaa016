import { Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module';
import { InProcessMcpPool } from './in-process-mcp.server';
import { McpServerFactory } from './mcp-server.factory';
import { McpTokenVerifier } from './mcp-token.verifier';
import { ProtectedResourceController } from './protected-resource.controller';

@Module({
  imports: [TasksModule],
  controllers: [ProtectedResourceController],
  providers: [McpServerFactory, McpTokenVerifier, InProcessMcpPool],
  exports: [McpServerFactory, McpTokenVerifier, InProcessMcpPool],
})
export class McpModule {}
