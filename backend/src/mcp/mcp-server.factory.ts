import { Injectable } from '@nestjs/common';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { TasksService } from '../tasks/tasks.service';
import { ToolDeps } from './tool-context';
import { registerAddTaskTool } from './tools/add-task.tool';
import { registerCompleteTaskTool } from './tools/complete-task.tool';
import { registerDeleteTaskTool } from './tools/delete-task.tool';
import { registerListTasksTool } from './tools/list-tasks.tool';
import { registerUndoLastChangeTool } from './tools/undo-last-change.tool';
import { registerUpdateTaskTool } from './tools/update-task.tool';

export const MCP_SERVER_INFO = { name: 'todo-assistant', version: '0.1.0' };

/**
 * One JSON Schema validator for every MCP server and client of the process: each would otherwise build its
 * own Ajv instance (~0.5 ms), and it only caches compiled schemas, which never change.
 */
export const SHARED_JSON_SCHEMA_VALIDATOR = new AjvJsonSchemaValidator();

/** Idle servers kept for `POST /mcp`: enough for the requests one process serves at once. */
const MAX_IDLE_SERVERS = 32;

/**
 * MCP servers with the task tools (five, and undo). A server serves one connection at a time: one in-process connection,
 * or one `POST /mcp` request (stateless). Building one (six tools, their schemas) cost ~0.5 ms, so the HTTP
 * requests borrow idle servers: a server keeps nothing of a request once its transport closed — the caller's
 * identity comes with each message (`extra.authInfo`). Each in-flight agent turn holds a server of its own, so the
 * tools' definitions (their zod schemas) are built once per process and shared: a copy per server was ~0.2 MB.
 */
@Injectable()
export class McpServerFactory {
  private readonly idle: McpServer[] = [];

  constructor(private readonly tasks: TasksService) {}

  /** A server that is not connected, for one connection; `release` it once that connection closed. */
  acquire(): McpServer {
    return this.idle.pop() ?? this.create();
  }

  release(server: McpServer): void {
    if (!server.isConnected() && this.idle.length < MAX_IDLE_SERVERS) this.idle.push(server);
  }

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
    registerUndoLastChangeTool(server, deps);
    return server;
  }
}
