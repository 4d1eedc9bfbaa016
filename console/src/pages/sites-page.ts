import { css, html, LitElement, nothing } from 'lit';
import type { AdminApi } from '../api/admin-api.js';
import { ApiError } from '../api/session.js';
import type { SiteListItem } from '../api/types.js';
import { emit } from '../events.js';
import { href } from '../router.js';
import { globeIcon, plusIcon } from '../ui/icons.js';
import { pageStyles } from '../ui/page.styles.js';
import { shared } from '../ui/shared.styles.js';
import { sparkline } from '../ui/sparkline.js';

const DAYS = 7;

type State =
  | { status: 'loading' }
  | { status: 'ready'; sites: SiteListItem[] }
  | { status: 'forbidden'; message: string }
  | { status: 'failed'; message: string };

/** The sites this account manages: name, status, origins, turns in the last 7 days; "Add a site". */
export class SitesPage extends LitElement {
  static override properties = { api: { attribute: false }, state: { state: true } };
  declare api: AdminApi;
  declare private state: State;

  static override styles = [
    shared,
    pageStyles,
    css`
      ul.sites {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 12px;
      }
      li.site {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        grid-template-areas: 'name spark' 'origins spark';
        gap: 4px 20px;
        align-items: center;
        padding: 16px 20px;
        position: relative;
      }
      li.site:hover {
        border-color: var(--border-strong);
      }
      li.site:focus-within {
        outline: 2px solid var(--focus);
        outline-offset: 2px;
      }
      .name {
        grid-area: name;
        display: flex;
        flex-wrap: wrap;
        gap: 4px 10px;
        align-items: center;
        min-width: 0;
      }
      .name a {
        font-size: 17px;
        font-weight: 650;
        color: var(--fg);
        text-decoration: none;
        overflow-wrap: anywhere;
      }
      /* The whole card is the link's target. */
      .name a::after {
        content: '';
        position: absolute;
        inset: 0;
        border-radius: var(--radius);
      }
      .name a:focus-visible {
        outline: none;
      }
      .name .id {
        color: var(--muted);
      }
      .origins {
        grid-area: origins;
        display: flex;
        flex-wrap: wrap;
        gap: 4px 12px;
        color: var(--muted);
        font-size: 14px;
        min-width: 0;
      }
      .origins span {
        display: inline-flex;
        align-items: center;
        gap: 4px;
        overflow-wrap: anywhere;
        min-width: 0;
      }
      .origins svg.icon {
        width: 14px;
        height: 14px;
      }
      .usage {
        grid-area: spark;
        text-align: end;
      }
      .usage .caption {
        display: block;
        font-size: 12px;
        color: var(--muted);
      }
      .spark {
        display: inline-flex;
        align-items: center;
        gap: 8px;
      }
      .spark .line {
        fill: none;
        stroke: var(--accent-text);
        stroke-width: 2;
        stroke-linejoin: round;
        stroke-linecap: round;
      }
      .spark .area {
        fill: var(--accent-soft);
      }
      .spark .dot {
        fill: var(--accent-text);
      }
      .spark .total {
        font-weight: 650;
        font-variant-numeric: tabular-nums;
        min-width: 2ch;
      }
      .empty {
        text-align: center;
        padding: 48px 24px;
      }
      .empty .tile {
        display: inline-grid;
        place-items: center;
        width: 52px;
        height: 52px;
        border-radius: 14px;
        background: var(--accent-soft);
        color: var(--accent-text);
        margin-bottom: 12px;
      }
      .empty .tile svg.icon {
        width: 26px;
        height: 26px;
      }
      @media (max-width: 600px) {
        li.site {
          grid-template-columns: minmax(0, 1fr);
          grid-template-areas: 'name' 'origins' 'spark';
          padding: 14px 16px;
        }
        .usage {
          text-align: start;
          margin-top: 6px;
        }
      }
    `,
  ];

  constructor() {
    super();
    this.state = { status: 'loading' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    emit(this, 'console-title', { title: 'Sites' });
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.state = { status: 'ready', sites: await this.api.listSites(DAYS) };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.state =
        err instanceof ApiError && err.status === 403
          ? { status: 'forbidden', message }
          : { status: 'failed', message };
    }
  }

  override render() {
    const s = this.state;
    const canAdd = s.status !== 'forbidden';
    return html`<div class="page-head">
        <div>
          <h1 tabindex="-1">Sites</h1>
          <p class="lead">The websites that embed your assistant.</p>
        </div>
        ${
          canAdd
            ? html`<a class="button primary" href=${href.newSite()}>${plusIcon()}Add a site</a>`
            : nothing
        }
      </div>
      ${this.renderBody()}`;
  }

  private renderBody() {
    const s = this.state;
    switch (s.status) {
      case 'loading':
        return html`<p class="loading" role="status">Loading your sites…</p>`;
      case 'failed':
        return html`<div class="alert" role="alert">
          <p>${s.message}</p>
          <button type="button" @click=${() => void this.load()}>Try again</button>
        </div>`;
      case 'forbidden':
        return html`<div class="card">
          <h2>This account does not manage sites</h2>
          <p>${s.message}</p>
          <p class="muted">
            Ask whoever runs this Todo Assistant to add your email to ADMIN_EMAILS, or to add you as an owner
            of a site. Your account still works everywhere else:
            <a href=${href.apps()}>see the apps connected to your tasks</a>.
          </p>
        </div>`;
      case 'ready':
        if (!s.sites.length)
          return html`<div class="card empty">
            <span class="tile">${globeIcon()}</span>
            <h2>No sites yet</h2>
            <p class="muted">Add your website, paste one script tag, and your visitors have an assistant.</p>
            <a class="button primary" href=${href.newSite()}>${plusIcon()}Add your first site</a>
          </div>`;
        return html`<ul class="sites" aria-label="Your sites">
          ${s.sites.map(
            (site) =>
              html`<li class="site card">
                <div class="name">
                  <a href=${href.site(site.id)}>${site.name}</a>
                  <span class="id mono">${site.id}</span>
                  <span class="badge ${site.status === 'active' ? '' : 'off'}"
                    >${site.status === 'active' ? 'Active' : 'Disabled'}</span
                  >
                </div>
                <div class="origins">
                  ${
                    site.origins.length
                      ? site.origins.map((o) => html`<span>${globeIcon()}${o}</span>`)
                      : html`<span>No origins</span>`
                  }
                </div>
                <div class="usage">
                  <span class="caption" aria-hidden="true">Turns, last ${DAYS} days</span>
                  ${sparkline(site.turns_by_day ?? [], DAYS)}
                </div>
              </li>`,
          )}
        </ul>`;
    }
  }
}

if (!customElements.get('console-sites')) customElements.define('console-sites', SitesPage);
