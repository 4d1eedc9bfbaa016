/** What kind of user: an account of this backend, a site's own user vouched for by its server, or a guest. */
export type PrincipalKind = 'account' | 'host' | 'guest';

/**
 * The caller, as proven by a verified access token: the one principal that authentication produces and every
 * path (REST, REST chat, ChatKit, MCP, the agent) receives. Host users and guests belong to one site; accounts
 * to none. `email` is an account's only: a host's word about its user's address is never an identity.
 */
export interface AuthUser {
  id: string;
  kind: PrincipalKind;
  site?: string;
  email?: string;
  /** An OAuth client acting for the account (an MCP client the user allowed), with what it was allowed. */
  client?: { id: string; scopes: string[] };
}

/** The principal that verified claims name; undefined when they name none (no subject). */
export function principalOf(claims: {
  sub?: unknown;
  email?: unknown;
  site?: unknown;
  kind?: unknown;
}): AuthUser | undefined {
  if (typeof claims.sub !== 'string' || claims.sub === '') return undefined;
  if ((claims.kind === 'host' || claims.kind === 'guest') && typeof claims.site === 'string')
    return { id: claims.sub, kind: claims.kind, site: claims.site };
  return {
    id: claims.sub,
    kind: 'account',
    email: typeof claims.email === 'string' ? claims.email : undefined,
  };
}
