import { cimd } from '@better-auth/cimd';
import { oauthProvider, type ClientMetadataResourceFetch } from '@better-auth/oauth-provider';
import { createAuthMiddleware, getSessionFromCtx } from 'better-auth/api';
import type { AppConfig } from '../config/app-config';

/** The scopes an MCP client may ask for: reading the task list, and changing it. */
export const MCP_SCOPES = ['tasks:read', 'tasks:write'] as const;
export type McpScope = (typeof MCP_SCOPES)[number];
/** Refresh tokens: granted with every MCP authorization (see `grantsRefreshTokens`). */
const OFFLINE = 'offline_access';

export const OAUTH_LOGIN_PAGE = '/oauth/login';
export const OAUTH_CONSENT_PAGE = '/oauth/consent';

/** The resource (RFC 8707) an OAuth access token is bound to: its audience. */
export const mcpResource = (config: Pick<AppConfig, 'publicUrl'>) => `${config.publicUrl}/mcp`;

/** How Client ID Metadata Documents are fetched: in production @better-auth/cimd/node (https, public hosts only). */
export type CimdFetch = ClientMetadataResourceFetch;

/** Nest injection token of the CimdFetch (tests replace it to serve a https client id from a local server). */
export const CIMD_FETCH = Symbol('CIMD_FETCH');

/**
 * The authorization server of `/mcp` (the MCP authorization specification): better-auth's OAuth 2.1 provider —
 * authorization code with PKCE S256, refresh tokens, revocation, resource indicators binding access tokens to
 * `/mcp`, dynamic client registration (RFC 7591) for public clients with loopback redirects — and Client ID
 * Metadata Documents. Access tokens are ES256 JWTs signed by the jwt plugin's keys (`typ: at+jwt`).
 */
export function oauthPlugins(config: AppConfig, fetchClientMetadataResource: CimdFetch) {
  const scopes = [...MCP_SCOPES, OFFLINE];
  return [
    oauthProvider({
      loginPage: OAUTH_LOGIN_PAGE,
      consentPage: OAUTH_CONSENT_PAGE,
      // No "openid": an OAuth authorization server for the MCP resource, not an identity provider.
      scopes,
      grantTypes: ['authorization_code', 'refresh_token'],
      allowDynamicClientRegistration: true,
      allowUnauthenticatedClientRegistration: true,
      // MCP clients send no application_type; "infer" makes a loopback redirect a native client (any port).
      clientRegistrationDefaultApplicationType: 'infer',
      resources: [{ identifier: mcpResource(config), name: 'Todo Assistant tasks', allowedScopes: scopes }],
      resourceSeedMode: 'merge',
      clientRegistrationDefaultResources: [mcpResource(config)],
      accessTokenExpiresIn: config.oauthAccessTokenTtlSeconds,
      // A client that retries a refresh whose answer it lost may reuse the old refresh token for 30 s.
      refreshTokenReuseInterval: 30,
      // The sign-in page names the client before anyone signs in.
      allowPublicClientPrelogin: true,
      advertisedMetadata: { scopes_supported: scopes },
    }),
    cimd({ fetchClientMetadataResource, metadataProfile: 'mcp-2026-07-28' }),
  ];
}

/**
 * What the provider leaves to us, as one before-hook:
 * - refresh tokens for every MCP client: the provider issues one only with `offline_access`, which MCP clients
 *   (the SDK's included) do not ask for, so an authorization for `/mcp` gets it added;
 * - revoking a connected app ends its tokens at once: deleting the consent only deletes the row, so its
 *   access and refresh tokens go with it (and `/mcp` checks the consent on every request).
 */
export function oauthHooks(config: AppConfig) {
  const resource = mcpResource(config);
  return createAuthMiddleware(async (ctx) => {
    if (ctx.path === '/oauth2/authorize') {
      const query = (ctx.query ?? {}) as Record<string, unknown>;
      const asked = (typeof query.scope === 'string' ? query.scope : '').split(' ').filter(Boolean);
      if ([query.resource].flat().includes(resource) && asked.length && !asked.includes(OFFLINE))
        return { context: { query: { ...query, scope: [...asked, OFFLINE].join(' ') } } };
      return;
    }
    if (ctx.path !== '/oauth2/delete-consent') return;
    const id = (ctx.body as { id?: unknown } | undefined)?.id;
    const session = await getSessionFromCtx(ctx);
    if (typeof id !== 'string' || !session) return; // the endpoint itself refuses
    const consent = await ctx.context.adapter.findOne<{ clientId: string; userId: string }>({
      model: 'oauthConsent',
      where: [{ field: 'id', value: id }],
    });
    if (!consent || consent.userId !== session.user.id) return;
    const where = [
      { field: 'clientId', value: consent.clientId },
      { field: 'userId', value: consent.userId },
    ];
    await ctx.context.adapter.deleteMany({ model: 'oauthAccessToken', where });
    await ctx.context.adapter.deleteMany({ model: 'oauthRefreshToken', where });
  });
}
