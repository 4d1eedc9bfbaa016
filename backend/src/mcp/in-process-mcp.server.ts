import type { CallToolResultContent, MCPServer } from '@openai/agents';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

export type MCPTool = Awaited<ReturnType<MCPServer['listTools']>>[number];

/**
 * The agent's connection to our MCP tools without HTTP: an MCP Client over the SDK's in-memory transport,
 * behind the `MCPServer` interface of @openai/agents. Every message it sends carries the user's AuthInfo,
 * so tools read `extra.authInfo` exactly as they do over HTTP — one code path for both.
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
  private readonly client = new Client({ name: 'todo-assistant-agent', version: '0.1.0' });
  private connected = false;

  /** `tools`: the tool list when the caller already knows it (it is static), which skips a costly tools/list. */
  constructor(
    private readonly server: McpServer,
    private readonly authInfo: AuthInfo,
    private tools: MCPTool[] | null = null,
  ) {}

  async connect(): Promise<void> {
    if (this.connected) return;
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const send = clientSide.send.bind(clientSide);
    clientSide.send = (message, options) => send(message, { ...options, authInfo: this.authInfo });
    await this.server.connect(serverSide);
    await this.client.connect(clientSide);
    this.connected = true;
  }

  async close(): Promise<void> {
    if (!this.connected) return;
    this.connected = false;
    await this.client.close();
    await this.server.close();
  }

  async listTools(): Promise<MCPTool[]> {
    this.tools ??= (await this.client.listTools()).tools as MCPTool[];
    return this.tools;
  }

  async callTool(toolName: string, args: Record<string, unknown> | null): Promise<CallToolResultContent> {
    return (await this.callToolResult(toolName, args)).content;
  }

  async callToolResult(toolName: string, args: Record<string, unknown> | null): Promise<CallToolResult> {
    return (await this.client.callTool({ name: toolName, arguments: args ?? {} })) as CallToolResult;
  }

  async invalidateToolsCache(): Promise<void> {
    this.tools = null;
  }
}
