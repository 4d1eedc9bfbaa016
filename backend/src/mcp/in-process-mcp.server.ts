import type { CallToolResultContent, MCPServer } from '@openai/agents';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { McpServerFactory, SHARED_JSON_SCHEMA_VALIDATOR } from './mcp-server.factory';

export type MCPTool = Awaited<ReturnType<MCPServer['listTools']>>[number];

/** Idle connections kept per process: enough for the turns one process runs at once. */
const MAX_IDLE_CONNECTIONS = 32;

/**
 * An MCP client connected to one of our MCP servers over the SDK's in-memory transport. Every message the
 * client sends carries `authInfo`, the identity of whoever borrowed the connection, so tools read
 * `extra.authInfo` exactly as they do over HTTP.
 */
class InProcessConnection {
  authInfo: AuthInfo | undefined;
  private readonly client = new Client(
    { name: 'todo-assistant-agent', version: '0.1.0' },
    { jsonSchemaValidator: SHARED_JSON_SCHEMA_VALIDATOR },
  );

  private constructor(private readonly server: McpServer) {}

  static async open(server: McpServer): Promise<InProcessConnection> {
    const conn = new InProcessConnection(server);
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const send = clientSide.send.bind(clientSide);
    clientSide.send = (message, options) => send(message, { ...options, authInfo: conn.authInfo });
    await server.connect(serverSide);
    await conn.client.connect(clientSide);
    return conn;
  }

  listTools(): Promise<MCPTool[]> {
    return this.client.listTools().then((r) => r.tools as MCPTool[]);
  }

  callTool(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
    return this.client.callTool({ name, arguments: args }) as Promise<CallToolResult>;
  }

  async close(): Promise<void> {
    this.authInfo = undefined;
    await this.client.close();
    await this.server.close();
  }
}

/**
 * Connected in-process MCP connections, lent to one agent turn at a time. Connecting a fresh server and client
 * for every turn (schemas, validators, the initialize handshake) cost ~1 ms of CPU per turn; a connection has no
 * state of its own but the borrower's identity, which is set when it is lent and cleared when it comes back.
 * It comes back only with no call in flight, so no message of one borrower can leave under another's identity.
 */
@Injectable()
export class InProcessMcpPool implements OnModuleDestroy {
  private readonly idle: InProcessConnection[] = [];

  constructor(private readonly factory: McpServerFactory) {}

  async acquire(authInfo: AuthInfo): Promise<InProcessConnection> {
    const conn = this.idle.pop() ?? (await InProcessConnection.open(this.factory.create()));
    conn.authInfo = authInfo;
    return conn;
  }

  /** `clean`: no call of the borrower is still in flight; otherwise the connection is closed, not reused. */
  async release(conn: InProcessConnection, clean: boolean): Promise<void> {
    conn.authInfo = undefined;
    if (clean && this.idle.length < MAX_IDLE_CONNECTIONS) this.idle.push(conn);
    else await conn.close();
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled(this.idle.splice(0).map((c) => c.close()));
  }
}

/**
 * The agent's connection to our MCP tools without HTTP, behind the `MCPServer` interface of @openai/agents:
 * one per turn, bound to the turn's user, over a connection borrowed from the pool between `connect` and
 * `close`. One code path for both: the same MCP server and tools as `POST /mcp`.
 */
export class InProcessMcpServer implements MCPServer {
  readonly cacheToolsList = true;
  readonly name = 'todo-tasks';
  /** Hands each call's error flag and structured result to the run (`customData` of the tool output item). */
  // The SDK clones the result with structuredClone; a JSON round trip gives plain objects of this realm again.
  readonly customDataExtractor = (ctx: { isError?: boolean; structuredContent?: Record<string, unknown> }) =>
    ctx.structuredContent === undefined
      ? { isError: ctx.isError === true }
      : {
          isError: ctx.isError === true,
          data: JSON.parse(JSON.stringify(ctx.structuredContent)) as Record<string, unknown>,
        };
  private conn: InProcessConnection | null = null;
  private inFlight = 0;

  /** `tools`: the tool list when the caller already knows it (it is static), which skips a costly tools/list. */
  constructor(
    private readonly pool: InProcessMcpPool,
    private readonly authInfo: AuthInfo,
    private tools: MCPTool[] | null = null,
  ) {}

  async connect(): Promise<void> {
    this.conn ??= await this.pool.acquire(this.authInfo);
  }

  async close(): Promise<void> {
    const conn = this.conn;
    if (!conn) return;
    this.conn = null;
    await this.pool.release(conn, this.inFlight === 0);
  }

  async listTools(): Promise<MCPTool[]> {
    this.tools ??= await this.connection().listTools();
    return this.tools;
  }

  async callTool(toolName: string, args: Record<string, unknown> | null): Promise<CallToolResultContent> {
    return (await this.callToolResult(toolName, args)).content;
  }

  async callToolResult(toolName: string, args: Record<string, unknown> | null): Promise<CallToolResult> {
    const conn = this.connection();
    this.inFlight++;
    try {
      return await conn.callTool(toolName, args ?? {});
    } finally {
      this.inFlight--;
    }
  }

  async invalidateToolsCache(): Promise<void> {
    this.tools = null;
  }

  private connection(): InProcessConnection {
    if (!this.conn) throw new Error('The in-process MCP connection is closed.');
    return this.conn;
  }
}
