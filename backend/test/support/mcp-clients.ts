import { INestApplication } from '@nestjs/common';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { authInfoFor } from '../../src/mcp/mcp-token.verifier';
import { InProcessMcpPool, InProcessMcpServer } from '../../src/mcp/in-process-mcp.server';
import { decodeJwt } from './tokens';

/** The two ways to reach our MCP tools, behind one small interface for shared behaviour tests. */
export interface McpConnection {
  listTools(): Promise<Tool[]>;
  call(name: string, args: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

/** The official SDK client over Streamable HTTP to `POST /mcp`, as any MCP client would connect. */
export async function connectHttp(baseUrl: string, token: string): Promise<McpConnection> {
  const client = new Client({ name: 'test-client', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(`${baseUrl}/mcp`), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  await client.connect(transport);
  return {
    listTools: async () => (await client.listTools()).tools,
    call: async (name, args) => (await client.callTool({ name, arguments: args })) as CallToolResult,
    close: () => client.close(),
  };
}

/**
 * The agent's in-process connection (MCP client over the in-memory transport), for the token's user; `timeZone`
 * is the zone a chat turn carries.
 */
export async function connectInProcess(
  app: INestApplication,
  token: string,
  timeZone?: string,
): Promise<McpConnection> {
  const { payload } = decodeJwt(token);
  const conn = new InProcessMcpServer(
    app.get(InProcessMcpPool),
    authInfoFor(String(payload.sub), token, Number(payload.exp), timeZone),
  );
  await conn.connect();
  return {
    listTools: async () => await conn.listTools(),
    call: (name, args) => conn.callToolResult(name, args),
    close: () => conn.close(),
  };
}

export function textOf(result: CallToolResult): string {
  return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
}
