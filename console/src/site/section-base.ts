import { LitElement } from 'lit';
import type { AdminApi } from '../api/admin-api.js';
import type { SiteDetail, SiteSummary } from '../api/types.js';
import { announce, emit } from '../events.js';

/** What every section of a site's page has: the API, the site, its heading to focus, a way to tell the page. */
export abstract class SiteSection extends LitElement {
  static override properties = { api: { attribute: false }, site: { attribute: false } };
  declare api: AdminApi;
  declare site: SiteDetail;

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  protected changed(summary: SiteSummary, message: string): void {
    emit(this, 'console-site-changed', summary);
    announce(this, message);
  }

  protected say(message: string): void {
    announce(this, message);
  }
}

export const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));
