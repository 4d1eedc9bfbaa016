import { Module } from '@nestjs/common';
import { McpModule } from '../mcp/mcp.module';
import { AGENT_TURN_RUNNER } from './agent-turn';
import { AgentRunnerService } from './agent-runner.service';

@Module({
  imports: [McpModule],
  providers: [AgentRunnerService, { provide: AGENT_TURN_RUNNER, useExisting: AgentRunnerService }],
  exports: [AGENT_TURN_RUNNER, AgentRunnerService],
})
export class AgentModule {}
