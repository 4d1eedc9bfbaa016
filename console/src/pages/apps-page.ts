import { css, html, LitElement } from 'lit';
import type { AdminApi } from '../api/admin-api.js';
import type { ConnectedApp } from '../api/types.js';
import { announce, emit } from '../events.js';
import { date } from '../format.js';
import { appIcon } from '../ui/icons.js';
import { pageStyles } from '../ui/page.styles.js';
import { shared } from '../ui/shared.styles.js';

/** What each scope lets an app do, in the consent page's words. */
const SCOPES: Record<string, string> = {
  'tasks:read': 'Read your tasks',
  'tasks:write': 'Change your tasks: add, edit, complete and delete',
  offline_access: 'Stay connected until you disconnect it',
  openid: 'Know who you are',
  profile: 'See your name',
  email: 'See your email address',
};

type State =
  { status: 'loading' } | { status: 'ready'; apps: ConnectedApp[] } | { status: 'failed'; message: string };

/** The apps (MCP clients) this account allowed at the consent page, and disconnecting one. */
export class AppsPage extends LitElement {
  static override properties = {
    api: { attribute: false },
    state: { state: true },
    confirming: { state: true },
    busy: { state: true },
    alert: { state: true },
  };
  declare api: AdminApi;
  declare private state: State;
  /** The app whose disconnection is being confirmed. */
  declare private confirming: string | null;
  declare private busy: boolean;
  declare private alert: string;

  static override styles = [
    shared,
    pageStyles,
    css`
      ul.apps {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 12px;
        max-width: 820px;
      }
      li.app {
        display: grid;
        grid-template-columns: 44px minmax(0, 1fr) auto;
        gap: 4px 16px;
        align-items: start;
      }
      .tile {
        width: 44px;
        height: 44px;
        border-radius: 12px;
        display: grid;
        place-items: center;
        font-size: 20px;
        font-weight: 700;
        background: var(--accent-soft);
        color: var(--accent-text);
        border: 1px solid var(--border);
      }
      .who {
        min-width: 0;
      }
      .who h2 {
        font-size: 16px;
        margin: 0;
        overflow-wrap: anywhere;
      }
      .client {
        font-size: 13px;
        color: var(--muted);
        overflow-wrap: anywhere;
        margin: 0 0 8px;
      }
      ul.scopes {
        margin: 0 0 4px;
        padding-inline-start: 18px;
        font-size: 14px;
      }
      .since {
        font-size: 13px;
        color: var(--muted);
        margin: 0;
      }
      .confirm {
        grid-column: 2 / -1;
        margin: 8px 0 0;
      }
      .empty {
        text-align: center;
        padding: 40px 24px;
        max-width: 820px;
      }
      .empty .tile {
        margin: 0 auto 12px;
      }
      @media (max-width: 600px) {
        li.app {
          grid-template-columns: 44px minmax(0, 1fr);
        }
        li.app > .actions {
          grid-column: 1 / -1;
        }
        .confirm {
          grid-column: 1 / -1;
        }
      }
    `,
  ];

  constructor() {
    super();
    this.state = { status: 'loading' };
    this.confirming = null;
    this.busy = false;
    this.alert = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    emit(this, 'console-title', { title: 'Connected apps' });
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.state = { status: 'ready', apps: await this.api.connectedApps() };
    } catch (err) {
      this.state = { status: 'failed', message: err instanceof Error ? err.message : String(err) };
    }
  }

  private ask(app: ConnectedApp): void {
    this.confirming = app.id;
    this.alert = '';
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#confirm-${CSS.escape(app.id)} .danger`)?.focus(),
    );
  }

  private cancel(app: ConnectedApp): void {
    this.confirming = null;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#disconnect-${CSS.escape(app.id)}`)?.focus(),
    );
  }

  private async disconnect(app: ConnectedApp): Promise<void> {
    if (this.busy || this.state.status !== 'ready') return;
    this.busy = true;
    try {
      await this.api.disconnectApp(app.id);
      this.state = { status: 'ready', apps: this.state.apps.filter((a) => a.id !== app.id) };
      this.confirming = null;
      announce(this, `${app.name ?? app.client_id} is disconnected.`);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    } catch (err) {
      this.alert = err instanceof Error ? err.message : String(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<div class="page-head">
        <div>
          <h1 tabindex="-1">Connected apps</h1>
          <p class="lead">Apps you allowed to use your tasks, such as AI assistants over MCP.</p>
        </div>
      </div>
      ${this.alert ? html`<div class="alert" role="alert">${this.alert}</div>` : ''} ${this.renderBody()}`;
  }

  private renderBody() {
    const s = this.state;
    if (s.status === 'loading') return html`<p class="loading" role="status">Loading your apps…</p>`;
    if (s.status === 'failed')
      return html`<div class="alert" role="alert">
        <p>${s.message}</p>
        <button type="button" @click=${() => void this.load()}>Try again</button>
      </div>`;
    if (!s.apps.length)
      return html`<div class="card empty">
        <div class="tile">${appIcon()}</div>
        <h2>No connected apps</h2>
        <p class="muted">
          When you allow an app to use your tasks, it is listed here, and you can disconnect it at any time.
        </p>
      </div>`;
    return html`<ul class="apps" aria-label="Connected apps">
      ${s.apps.map((app) => {
        const name = app.name ?? app.client_id;
        return html`<li class="app card">
          <span class="tile" aria-hidden="true">${name.trim().charAt(0).toUpperCase() || '?'}</span>
          <div class="who">
            <h2>${name}</h2>
            <p class="client">${app.client_id}</p>
            <ul class="scopes" aria-label="What ${name} may do">
              ${app.scopes.map((s) => html`<li>${SCOPES[s] ?? s}</li>`)}
            </ul>
            <p class="since">Connected ${date(app.connected_at)}</p>
          </div>
          <div class="actions">
            <button
              type="button"
              id="disconnect-${app.id}"
              aria-expanded=${this.confirming === app.id ? 'true' : 'false'}
              @click=${() => this.ask(app)}
            >
              Disconnect
            </button>
          </div>
          ${
            this.confirming === app.id
              ? html`<div class="confirm warning" id="confirm-${app.id}">
                  <p>${name} loses access to your tasks at once. You can connect it again later.</p>
                  <div class="actions">
                    <button
                      type="button"
                      class="danger"
                      aria-disabled=${this.busy ? 'true' : 'false'}
                      @click=${() => void this.disconnect(app)}
                    >
                      Disconnect ${name}
                    </button>
                    <button type="button" @click=${() => this.cancel(app)}>Cancel</button>
                  </div>
                </div>`
              : ''
          }
        </li>`;
      })}
    </ul>`;
  }
}

if (!customElements.get('console-apps')) customElements.define('console-apps', AppsPage);
