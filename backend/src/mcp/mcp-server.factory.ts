import { Injectable } from '@nestjs/common';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { TasksService } from '../tasks/tasks.service';
import { ToolDeps } from './tool-context';
import { registerAddTaskTool } from './tools/add-task.tool';
import { registerCompleteTaskTool } from './tools/complete-task.tool';
import { registerDeleteTaskTool } from './tools/delete-task.tool';
import { registerListTasksTool } from './tools/list-tasks.tool';
import { registerUpdateTaskTool } from './tools/update-task.tool';

export const MCP_SERVER_INFO = { name: 'todo-assistant', version: '0.1.0' };

/** Builds a fresh MCP server with the five task tools (stateless: one per HTTP request or agent turn). */
@Injectable()
export class McpServerFactory {
  constructor(private readonly tasks: TasksService) {}

  create(): McpServer {
    const server = new McpServer(MCP_SERVER_INFO, {
      capabilities: { tools: {} },
      instructions:
        "Manage the signed-in user's todo list. Tasks are identified by their number (task_id). " +
        'Every tool acts for the user of the access token.',
    });
    const deps: ToolDeps = { tasks: this.tasks };
    registerAddTaskTool(server, deps);
    registerListTasksTool(server, deps);
    registerCompleteTaskTool(server, deps);
    registerUpdateTaskTool(server, deps);
    registerDeleteTaskTool(server, deps);
    return server;
  }
}
