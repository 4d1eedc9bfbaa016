/** The console's places, as hash routes: `#/`, `#/new`, `#/sites/<id>[/<section>]`, `#/sites/<id>/setup`, `#/apps`. */
export const SITE_SECTIONS = [
  'appearance',
  'origins',
  'identity',
  'secrets',
  'owners',
  'usage',
  'webhooks',
  'danger',
] as const;
export type SiteSection = (typeof SITE_SECTIONS)[number];

export type Route =
  | { page: 'sites' }
  | { page: 'new' }
  | { page: 'site'; id: string; section?: SiteSection }
  | { page: 'setup'; id: string }
  | { page: 'apps' }
  | { page: 'not-found' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  if (path === '/') return { page: 'sites' };
  if (path === '/new') return { page: 'new' };
  if (path === '/apps') return { page: 'apps' };
  const m = /^\/sites\/([^/]+)(?:\/([a-z]+))?$/.exec(path);
  if (m) {
    let id: string;
    try {
      id = decodeURIComponent(m[1]);
    } catch {
      return { page: 'not-found' };
    }
    if (!m[2]) return { page: 'site', id };
    if (m[2] === 'setup') return { page: 'setup', id };
    if ((SITE_SECTIONS as readonly string[]).includes(m[2]))
      return { page: 'site', id, section: m[2] as SiteSection };
  }
  return { page: 'not-found' };
}

export const href = {
  sites: () => '#/',
  newSite: () => '#/new',
  site: (id: string, section?: SiteSection) =>
    `#/sites/${encodeURIComponent(id)}${section ? `/${section}` : ''}`,
  setup: (id: string) => `#/sites/${encodeURIComponent(id)}/setup`,
  apps: () => '#/apps',
};
