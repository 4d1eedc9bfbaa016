import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import type { NextFunction, Request, Response } from 'express';
import type { McpScope } from '../oauth/oauth-provider.options';

/** What each tool needs: reading the list, or changing it. */
const TOOL_SCOPES: Record<string, McpScope> = {
  list_tasks: 'tasks:read',
  add_task: 'tasks:write',
  update_task: 'tasks:write',
  complete_task: 'tasks:write',
  delete_task: 'tasks:write',
  undo_last_change: 'tasks:write',
};

const WORDS: Record<McpScope, string> = {
  'tasks:read': 'read the task list',
  'tasks:write': 'change tasks',
};

interface JsonRpcMessage {
  method?: unknown;
  params?: { name?: unknown };
}

/** The scopes the `tools/call` messages of a request body need (a body may hold one message or a batch). */
function scopesNeeded(body: unknown): McpScope[] {
  const messages = (Array.isArray(body) ? body : [body]) as JsonRpcMessage[];
  const needed = new Set<McpScope>();
  for (const m of messages) {
    if (m?.method !== 'tools/call' || typeof m.params?.name !== 'string') continue;
    const scope = TOOL_SCOPES[m.params.name];
    if (scope) needed.add(scope);
  }
  return [...needed];
}

/**
 * Checks an OAuth token's scopes before a tool runs (the backend's own tokens carry both): a missing scope is the
 * MCP authorization specification's `insufficient_scope` — 403 with a `WWW-Authenticate` challenge naming the
 * scope, which lets a client ask the user for it — not a tool error the model would read.
 */
export function requireToolScopes(resourceMetadataUrl: string) {
  return (req: Request & { auth?: AuthInfo }, res: Response, next: NextFunction): void => {
    const granted = req.auth?.scopes ?? [];
    const missing = scopesNeeded(req.body).filter((s) => !granted.includes(s));
    if (!missing.length) return next();
    const description = `This app may not ${missing.map((s) => WORDS[s]).join(' or ')}: its token lacks the ${missing.join(' and ')} scope. Ask the user to allow it.`;
    res.setHeader(
      'WWW-Authenticate',
      `Bearer error="insufficient_scope", scope="${[...new Set([...granted, ...missing])].join(' ')}", resource_metadata="${resourceMetadataUrl}", error_description="${description}"`,
    );
    res.status(403).json({ error: 'insufficient_scope', error_description: description });
  };
}
