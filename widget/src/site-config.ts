import { errorFromResponse, reach } from './auth/widget-error.js';
import type { StartPrompt, Theme } from './options.js';

/** What a site's owner set for its assistant (`GET /api/sites/:site/config`); attributes on the tag win. */
export interface SiteConfig {
  id: string;
  name: string;
  identity: { accounts: boolean; host: boolean; guests: boolean };
  appearance: { heading?: string; greeting?: string; placeholder?: string; accent?: string; theme?: Theme };
  prompts: StartPrompt[];
  locale?: string;
}

/** Read when the panel first opens (never before: a page that is only looked at costs the backend nothing). */
export async function fetchSiteConfig(apiUrl: string, site: string): Promise<SiteConfig> {
  const res = await reach(apiUrl, () => fetch(`${apiUrl}/api/sites/${encodeURIComponent(site)}/config`));
  if (!res.ok) throw await errorFromResponse(res);
  return (await res.json()) as SiteConfig;
}
