import { css, html, LitElement, nothing } from 'lit';
import { AdminApi } from './api/admin-api.js';
import { Session } from './api/session.js';
import type { CreatedSite, SignedInUser } from './api/types.js';
import type { ConsoleEventMap } from './events.js';
import './pages/apps-page.js';
import './pages/new-site-page.js';
import './pages/not-found.js';
import './pages/setup-page.js';
import './pages/sites-page.js';
import { href, parseRoute, type Route } from './router.js';
import { logoIcon, signOutIcon } from './ui/icons.js';
import { shared } from './ui/shared.styles.js';

// A site's page (its sections, the preview, the charts) is the biggest screen: it loads when first opened.
const loadSitePage = () => import('./site/site-page.js');

const TOAST_MS = 4000;

/**
 * The site owner console: signs the account in (the backend's sign-in page, same origin), then the top bar and
 * the page of the hash route. Moves the focus to the new page's heading and says what happened in a polite live
 * region.
 */
export class ConsoleApp extends LitElement {
  static override properties = {
    user: { state: true },
    route: { state: true },
    failure: { state: true },
    toast: { state: true },
  };

  declare private user: SignedInUser | null;
  declare private route: Route;
  declare private failure: string;
  declare private toast: string;

  private readonly session = new Session();
  private readonly api = new AdminApi(this.session);
  /** A site made a moment ago in this tab, with its secret: in memory only, until "I stored it". */
  private created: CreatedSite | undefined;
  private toastTimer?: ReturnType<typeof setTimeout>;

  static override styles = [
    shared,
    css`
      :host {
        min-height: 100vh;
        min-height: 100dvh;
      }
      .skip {
        position: absolute;
        inset-inline-start: 12px;
        top: -100px;
        z-index: 10;
      }
      .skip:focus {
        top: 10px;
      }
      header.top {
        background: var(--bg);
        border-bottom: 1px solid var(--border);
        position: sticky;
        top: 0;
        z-index: 5;
      }
      .bar {
        max-width: 1120px;
        margin: 0 auto;
        padding: 0 24px;
        display: grid;
        grid-template-columns: auto minmax(0, 1fr) auto;
        grid-template-areas: 'brand nav account';
        align-items: center;
        gap: 0 28px;
        min-height: 60px;
      }
      .brand {
        grid-area: brand;
        display: inline-flex;
        align-items: center;
        gap: 10px;
        color: var(--fg);
        text-decoration: none;
        font-weight: 700;
        white-space: nowrap;
      }
      .brand .tile {
        width: 30px;
        height: 30px;
        border-radius: 9px;
        display: grid;
        place-items: center;
        background: var(--accent);
        color: var(--accent-fg);
      }
      .brand .product {
        font-weight: 500;
        color: var(--muted);
        padding-inline-start: 10px;
        border-inline-start: 1px solid var(--border-strong);
      }
      nav {
        grid-area: nav;
        display: flex;
        gap: 4px;
        align-self: stretch;
      }
      nav a {
        display: inline-flex;
        align-items: center;
        padding: 0 12px;
        color: var(--muted);
        font-weight: 600;
        text-decoration: none;
        border-bottom: 2px solid transparent;
        margin-bottom: -1px;
      }
      nav a:hover {
        color: var(--fg);
      }
      nav a[aria-current='page'] {
        color: var(--accent-text);
        border-bottom-color: var(--accent-text);
      }
      .account {
        grid-area: account;
        display: flex;
        align-items: center;
        gap: 10px;
        min-width: 0;
      }
      .email {
        color: var(--muted);
        font-size: 14px;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        max-width: 260px;
      }
      .account button {
        padding: 5px 10px;
      }
      main {
        display: block;
      }
      main:focus {
        outline: none;
      }
      .toast {
        position: fixed;
        inset-inline-start: 50%;
        bottom: 20px;
        transform: translateX(-50%);
        z-index: 20;
        max-width: min(560px, calc(100vw - 24px));
        background: var(--fg);
        color: var(--bg);
        padding: 10px 16px;
        border-radius: 10px;
        box-shadow: 0 10px 30px rgba(15, 23, 42, 0.25);
        font-weight: 600;
      }
      .toast:empty {
        padding: 0;
        box-shadow: none;
      }
      .boot {
        max-width: 560px;
        margin: 48px auto;
        padding: 0 16px;
      }
      @media (max-width: 720px) {
        .bar {
          grid-template-columns: minmax(0, 1fr) auto;
          grid-template-areas: 'brand account' 'nav nav';
          padding: 0 12px;
          min-height: 0;
        }
        .brand {
          min-height: 52px;
        }
        .brand .product {
          display: none;
        }
        nav {
          min-height: 44px;
          margin: 0 -12px;
          padding: 0 4px;
          border-top: 1px solid var(--border);
        }
        .email {
          display: none;
        }
      }
    `,
  ];

  constructor() {
    super();
    this.user = null;
    this.route = parseRoute(location.hash);
    this.failure = '';
    this.toast = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.onHashChange);
    this.addEventListener('console-announce', this.onAnnounce);
    this.addEventListener('console-site-created', this.onCreated);
    this.addEventListener('console-title', this.onTitle);
    this.addEventListener('secret-stored', this.onSecretStored);
    void this.boot();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.onHashChange);
    this.removeEventListener('console-announce', this.onAnnounce);
    this.removeEventListener('console-site-created', this.onCreated);
    this.removeEventListener('console-title', this.onTitle);
    this.removeEventListener('secret-stored', this.onSecretStored);
    clearTimeout(this.toastTimer);
  }

  private async boot(): Promise<void> {
    try {
      this.user = await this.session.start();
    } catch (err) {
      this.failure = err instanceof Error ? err.message : String(err);
      return;
    }
    if (!this.user) {
      location.replace(`/oauth/login?return=${encodeURIComponent(`/console/${location.hash}`)}`);
      return;
    }
    if (this.route.page === 'site') void loadSitePage();
  }

  private readonly onHashChange = () => {
    const before = this.route;
    const next = parseRoute(location.hash);
    this.route = next;
    if (next.page === 'site') void loadSitePage();
    // Another section of the same site's page: the page scrolls to it and focuses it itself.
    const samePage = before.page === next.page && 'id' in before && 'id' in next && before.id === next.id;
    if (!samePage) void this.focusPageHeading();
  };

  /** After a route change, the new page's heading takes the focus (screen readers read where they are). */
  private async focusPageHeading(): Promise<void> {
    await this.updateComplete;
    const page = this.renderRoot.querySelector('main')?.firstElementChild as LitElement | null;
    if (!page) return;
    await customElements.whenDefined(page.localName);
    // A page that loads what it shows first says when it has (its heading names what was loaded).
    const loaded = (page as LitElement & { loaded?: Promise<void> }).loaded;
    if (loaded) await Promise.race([loaded, new Promise((r) => setTimeout(r, 5000))]);
    await page.updateComplete;
    // The not-found screen sits inside the page that looked.
    const inner = page.renderRoot.querySelector<LitElement>('console-not-found');
    if (inner) await inner.updateComplete;
    const heading =
      page.renderRoot.querySelector<HTMLElement>('h1') ?? inner?.renderRoot.querySelector<HTMLElement>('h1');
    if (heading) heading.focus();
    else this.renderRoot.querySelector<HTMLElement>('main')?.focus();
    scrollTo({ top: 0 });
  }

  private readonly onAnnounce = (e: ConsoleEventMap['console-announce']) => {
    // Emptied first, so the same words twice are announced twice.
    this.toast = '';
    clearTimeout(this.toastTimer);
    requestAnimationFrame(() => {
      this.toast = e.detail.message;
      this.toastTimer = setTimeout(() => (this.toast = ''), TOAST_MS);
    });
  };

  private readonly onCreated = (e: ConsoleEventMap['console-site-created']) => {
    this.created = e.detail;
  };

  private readonly onSecretStored = () => {
    if (this.created) this.created = { ...this.created, secret: '' };
  };

  private readonly onTitle = (e: ConsoleEventMap['console-title']) => {
    document.title = `${e.detail.title} — Todo Assistant console`;
  };

  private skipToContent(): void {
    const page = this.renderRoot.querySelector('main')?.firstElementChild as LitElement | null;
    const heading = page?.renderRoot?.querySelector<HTMLElement>('h1');
    (heading ?? this.renderRoot.querySelector<HTMLElement>('main'))?.focus();
  }

  override render() {
    if (this.failure)
      return html`<div class="boot alert" role="alert">
        <p>The console could not start: ${this.failure}</p>
        <button type="button" @click=${() => location.reload()}>Try again</button>
      </div>`;
    if (!this.user) return html`<p class="boot muted" role="status">Loading the console…</p>`;
    const r = this.route;
    const section = r.page === 'apps' ? 'apps' : r.page === 'not-found' ? '' : 'sites';
    return html`<button class="skip" type="button" @click=${this.skipToContent}>Skip to content</button>
      <header class="top">
        <div class="bar">
          <a class="brand" href=${href.sites()}>
            <span class="tile">${logoIcon()}</span><span>Todo Assistant</span
            ><span class="product">Console</span>
          </a>
          <nav aria-label="Console">
            <a href=${href.sites()} aria-current=${section === 'sites' ? 'page' : nothing}>Sites</a>
            <a href=${href.apps()} aria-current=${section === 'apps' ? 'page' : nothing}>Connected apps</a>
          </nav>
          <div class="account">
            <span class="email" title=${this.user.email}>${this.user.email}</span>
            <button type="button" class="quiet" @click=${() => void this.session.signOut()}>
              ${signOutIcon()}<span>Sign out</span>
            </button>
          </div>
        </div>
      </header>
      <main id="main" tabindex="-1">${this.renderPage(r)}</main>
      <div class="toast" role="status" aria-live="polite">${this.toast}</div>`;
  }

  private renderPage(r: Route) {
    switch (r.page) {
      case 'sites':
        return html`<console-sites .api=${this.api}></console-sites>`;
      case 'new':
        return html`<console-new-site .api=${this.api}></console-new-site>`;
      case 'setup':
        return html`<console-setup
          .api=${this.api}
          .siteId=${r.id}
          .created=${this.created}
        ></console-setup>`;
      case 'site':
        return html`<console-site .api=${this.api} .siteId=${r.id} .section=${r.section}></console-site>`;
      case 'apps':
        return html`<console-apps .api=${this.api}></console-apps>`;
      default:
        return html`<console-not-found></console-not-found>`;
    }
  }
}
