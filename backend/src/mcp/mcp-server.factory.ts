import { Injectable } from '@nestjs/common';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { TasksService } from '../tasks/tasks.service';
import { ToolDeps } from './tool-context';
import { registerAddTaskTool } from './tools/add-task.tool';
import { registerCompleteTaskTool } from './tools/complete-task.tool';
import { registerDeleteTaskTool } from './tools/delete-task.tool';
import { registerListTasksTool } from './tools/list-tasks.tool';
import { registerUpdateTaskTool } from './tools/update-task.tool';

export const MCP_SERVER_INFO = { name: 'todo-assistant', version: '0.1.0' };

/**
 * One JSON Schema validator for every MCP server and client of the process: each would otherwise build its
 * own Ajv instance (~0.5 ms), and it only caches compiled schemas, which never change.
 */
export const SHARED_JSON_SCHEMA_VALIDATOR = new AjvJsonSchemaValidator();

/** Builds a fresh MCP server with the five task tools (stateless: one per HTTP request or agent turn). */
@Injectable()
export class McpServerFactory {
  constructor(private readonly tasks: TasksService) {}

  create(): McpServer {
    const server = new McpServer(MCP_SERVER_INFO, {
      capabilities: { tools: {} },
      jsonSchemaValidator: SHARED_JSON_SCHEMA_VALIDATOR,
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
