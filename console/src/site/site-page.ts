import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { AdminApi } from '../api/admin-api.js';
import { ApiError } from '../api/session.js';
import type { SiteDetail } from '../api/types.js';
import { emit, type ConsoleEventMap } from '../events.js';
import '../pages/not-found.js';
import { href, SITE_SECTIONS, type SiteSection as SectionName } from '../router.js';
import { backIcon, globeIcon } from '../ui/icons.js';
import { pageStyles } from '../ui/page.styles.js';
import { shared } from '../ui/shared.styles.js';
import './appearance-section.js';
import './danger-section.js';
import './identity-section.js';
import './origins-section.js';
import './owners-section.js';
import './secrets-section.js';
import type { SiteSection } from './section-base.js';
import './usage-section.js';
import './webhooks-section.js';

const TITLES: Record<SectionName, string> = {
  appearance: 'Appearance',
  origins: 'Name and origins',
  identity: 'Identity',
  secrets: 'Secrets',
  owners: 'Owners',
  usage: 'Usage',
  webhooks: 'Webhooks',
  danger: 'Danger zone',
};

type State =
  | { status: 'loading' }
  | { status: 'ready'; site: SiteDetail }
  | { status: 'missing'; message: string }
  | { status: 'failed'; message: string };

/** A site's page: its sections, with a table of contents (a route per section: `#/sites/<id>/usage`). */
export class SitePage extends LitElement {
  static override properties = {
    api: { attribute: false },
    siteId: { attribute: false },
    section: { attribute: false },
    state: { state: true },
  };
  declare api: AdminApi;
  declare siteId: string;
  declare section: SectionName | undefined;
  declare private state: State;
  /** Settles once the site is loaded (or known missing): the app focuses the heading then. */
  readonly loaded: Promise<void>;
  private settle!: () => void;

  static override styles = [
    shared,
    pageStyles,
    css`
      .title {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 6px 12px;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 14px;
        color: var(--muted);
        font-size: 14px;
        margin-top: 6px;
      }
      .meta span {
        display: inline-flex;
        align-items: center;
        gap: 4px;
        overflow-wrap: anywhere;
        min-width: 0;
      }
      .meta svg.icon {
        width: 14px;
        height: 14px;
      }
      .layout {
        display: grid;
        grid-template-columns: 176px minmax(0, 1fr);
        gap: 28px;
        align-items: start;
      }
      nav.toc {
        position: sticky;
        top: 84px;
      }
      nav.toc ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav.toc a {
        display: block;
        padding: 6px 12px;
        border-radius: var(--radius-sm);
        color: var(--muted);
        text-decoration: none;
        font-weight: 600;
        font-size: 14px;
        border-inline-start: 2px solid transparent;
      }
      nav.toc a:hover {
        color: var(--fg);
        background: var(--surface);
      }
      nav.toc a[aria-current='location'] {
        color: var(--accent-text);
        background: var(--accent-soft);
      }
      .sections {
        display: grid;
        gap: 20px;
        min-width: 0;
      }
      @media (max-width: 1000px) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
          gap: 14px;
        }
        nav.toc {
          position: static;
          overflow-x: auto;
          margin: 0 -4px;
        }
        nav.toc ul {
          display: flex;
          gap: 4px;
          padding: 2px 4px 6px;
        }
        nav.toc a {
          white-space: nowrap;
          border: 1px solid var(--border);
          background: var(--bg);
        }
      }
    `,
  ];

  constructor() {
    super();
    this.siteId = '';
    this.state = { status: 'loading' };
    this.loaded = new Promise((resolve) => (this.settle = resolve));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('console-site-changed', this.onChanged);
  }

  // Not in connectedCallback: this page's code loads after the app rendered it, and the properties the app set
  // before are the element's again only from its first update on.
  protected override firstUpdated(): void {
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('console-site-changed', this.onChanged);
  }

  private async load(): Promise<void> {
    try {
      const site = await this.api.getSite(this.siteId);
      this.state = { status: 'ready', site };
      emit(this, 'console-title', { title: site.name });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof ApiError && err.status === 404) {
        this.state = { status: 'missing', message };
        emit(this, 'console-title', { title: 'Not found' });
      } else this.state = { status: 'failed', message };
    }
    this.settle();
  }

  /** A section saved: the page shows the new summary (the snippet is asked again when it may differ). */
  private readonly onChanged = (e: ConsoleEventMap['console-site-changed']) => {
    if (this.state.status !== 'ready') return;
    const before = this.state.site;
    this.state = { status: 'ready', site: { ...before, ...e.detail } };
    emit(this, 'console-title', { title: e.detail.name });
    if (before.identity.join() !== e.detail.identity.join())
      void this.api.getSite(this.siteId).then(
        (site) => (this.state = { status: 'ready', site }),
        () => undefined,
      );
  };

  protected override updated(changed: PropertyValues<this>): void {
    const ready = changed.has('state' as keyof SitePage) && this.state.status === 'ready';
    const loadedNow =
      ready && (changed.get('state' as keyof SitePage) as State | undefined)?.status !== 'ready';
    if (this.section && (changed.has('section') || loadedNow)) void this.goTo(this.section);
  }

  /** Scrolls to a section and gives its heading the focus. */
  private async goTo(name: SectionName): Promise<void> {
    const el = this.renderRoot.querySelector<SiteSection>(`#${name}`);
    if (!el) return;
    await el.updateComplete;
    el.scrollIntoView({ block: 'start' });
    el.focusHeading();
  }

  override render() {
    const s = this.state;
    if (s.status === 'missing') return html`<console-not-found .message=${s.message}></console-not-found>`;
    const back = html`<a class="back" href=${href.sites()}>${backIcon()}Sites</a>`;
    if (s.status === 'loading')
      return html`${back}
        <h1 tabindex="-1">${this.siteId}</h1>
        <p class="loading" role="status">Loading the site…</p>`;
    if (s.status === 'failed')
      return html`${back}
        <h1 tabindex="-1">${this.siteId}</h1>
        <div class="alert" role="alert">
          <p>${s.message}</p>
          <button type="button" @click=${() => void this.load()}>Try again</button>
        </div>`;
    const site = s.site;
    return html`${back}
      <div class="page-head">
        <div>
          <div class="title">
            <h1 tabindex="-1">${site.name}</h1>
            <span class="badge ${site.status === 'active' ? '' : 'off'}"
              >${site.status === 'active' ? 'Active' : 'Disabled'}</span
            >
          </div>
          <div class="meta">
            <span>Site id <code>${site.id}</code></span>
            ${site.origins.map((o) => html`<span>${globeIcon()}${o}</span>`)}
          </div>
        </div>
        <a class="button" href=${href.setup(site.id)}>Snippet and token route</a>
      </div>
      ${
        site.status === 'disabled'
          ? html`<div class="warning" role="note">
              <strong>This site is disabled.</strong> Its pages show no assistant and its users cannot sign
              in. <a href=${href.site(site.id, 'danger')}>Enable it</a> in the danger zone.
            </div>`
          : nothing
      }
      <div class="layout">
        <nav class="toc" aria-label="Sections of ${site.name}">
          <ul>
            ${SITE_SECTIONS.map(
              (name) =>
                html`<li>
                  <a
                    href=${href.site(site.id, name)}
                    aria-current=${this.section === name ? 'location' : nothing}
                    >${TITLES[name]}</a
                  >
                </li>`,
            )}
          </ul>
        </nav>
        <div class="sections">
          <console-site-appearance id="appearance" .api=${this.api} .site=${site}></console-site-appearance>
          <console-site-origins id="origins" .api=${this.api} .site=${site}></console-site-origins>
          <console-site-identity id="identity" .api=${this.api} .site=${site}></console-site-identity>
          <console-site-secrets id="secrets" .api=${this.api} .site=${site}></console-site-secrets>
          <console-site-owners id="owners" .api=${this.api} .site=${site}></console-site-owners>
          <console-site-usage id="usage" .api=${this.api} .site=${site}></console-site-usage>
          <console-site-webhooks id="webhooks" .api=${this.api} .site=${site}></console-site-webhooks>
          <console-site-danger id="danger" .api=${this.api} .site=${site}></console-site-danger>
        </div>
      </div>`;
  }
}

if (!customElements.get('console-site')) customElements.define('console-site', SitePage);
