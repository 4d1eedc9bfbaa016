import { css, html, LitElement, nothing } from 'lit';
import type { AdminApi } from '../api/admin-api.js';
import { ApiError } from '../api/session.js';
import type { CreatedSite, SiteDetail } from '../api/types.js';
import { announce, emit } from '../events.js';
import { href } from '../router.js';
import '../ui/code-block.js';
import { backIcon, checkIcon, keyIcon } from '../ui/icons.js';
import '../ui/language-tabs.js';
import { pageStyles } from '../ui/page.styles.js';
import { shared } from '../ui/shared.styles.js';
import './not-found.js';

type State =
  | { status: 'loading' }
  | { status: 'ready'; site: Pick<SiteDetail, 'id' | 'name' | 'identity' | 'snippet'> }
  | { status: 'missing'; message: string }
  | { status: 'failed'; message: string };

/**
 * A site's setup: its secret (right after it was made, once), the script tag, and the token route for the site's
 * server — what a site owner pastes to get going.
 */
export class SetupPage extends LitElement {
  static override properties = {
    api: { attribute: false },
    siteId: { attribute: false },
    created: { attribute: false },
    state: { state: true },
    stored: { state: true },
  };
  declare api: AdminApi;
  declare siteId: string;
  /** The answer of the creation, secret included, when the site was made a moment ago in this tab. */
  declare created: CreatedSite | undefined;
  declare private state: State;
  declare private stored: boolean;
  /** Settles once the site is loaded (or known missing): the app focuses the heading then. */
  readonly loaded: Promise<void>;
  private settle!: () => void;

  static override styles = [
    shared,
    pageStyles,
    css`
      ol.steps {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 16px;
        max-width: 860px;
      }
      .step {
        display: grid;
        grid-template-columns: 32px minmax(0, 1fr);
        gap: 0 14px;
      }
      .num {
        width: 32px;
        height: 32px;
        border-radius: 50%;
        display: grid;
        place-items: center;
        font-weight: 700;
        background: var(--accent-soft);
        color: var(--accent-text);
      }
      .step.secret .num {
        background: var(--warn-bg);
        color: var(--warn-text);
      }
      .step h2 {
        margin-top: 3px;
      }
      .step p {
        color: var(--muted);
      }
      .warning {
        display: flex;
        gap: 10px;
        align-items: flex-start;
      }
      .warning svg.icon {
        margin-top: 2px;
      }
      .step console-code {
        margin-top: 12px;
      }
      .stored {
        margin-top: 12px;
      }
      .done {
        display: flex;
        gap: 8px;
        align-items: center;
        color: var(--success-text);
        font-weight: 600;
        margin: 0;
      }
      .finish {
        margin-top: 22px;
      }
      @media (max-width: 600px) {
        .step {
          grid-template-columns: minmax(0, 1fr);
        }
        .num {
          margin-bottom: 8px;
        }
      }
    `,
  ];

  constructor() {
    super();
    this.siteId = '';
    this.state = { status: 'loading' };
    this.stored = false;
    this.loaded = new Promise((resolve) => (this.settle = resolve));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    if (this.created?.id === this.siteId) {
      const { id, name, identity } = this.created.site;
      this.state = { status: 'ready', site: { id, name, identity, snippet: this.created.snippet } };
    } else {
      try {
        this.state = { status: 'ready', site: await this.api.getSite(this.siteId) };
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        this.state =
          err instanceof ApiError && err.status === 404
            ? { status: 'missing', message }
            : { status: 'failed', message };
      }
    }
    emit(this, 'console-title', {
      title: this.state.status === 'ready' ? `Set up ${this.state.site.name}` : 'Set up a site',
    });
    this.settle();
  }

  private storedIt(): void {
    this.stored = true;
    // The secret leaves this tab's memory: nothing can show it again.
    this.dispatchEvent(new CustomEvent('secret-stored', { bubbles: true, composed: true }));
    announce(this, 'The secret is hidden. It is not shown again.');
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.done')?.focus());
  }

  override render() {
    const s = this.state;
    if (s.status === 'missing') return html`<console-not-found .message=${s.message}></console-not-found>`;
    if (s.status === 'loading')
      return html`<h1 tabindex="-1">Set up ${this.siteId}</h1>
        <p class="loading" role="status">Loading…</p>`;
    if (s.status === 'failed')
      return html`<h1 tabindex="-1">Set up ${this.siteId}</h1>
        <div class="alert" role="alert">${s.message}</div>`;
    const site = s.site;
    const fresh = this.created?.id === site.id;
    const secret = fresh ? this.created!.secret : '';
    const host = site.identity.includes('host');
    let n = 0;
    return html`<a class="back" href=${href.site(site.id)}>${backIcon()}${site.name}</a>
      <div class="page-head">
        <div>
          <h1 tabindex="-1">${fresh ? `${site.name} is ready` : `Set up ${site.name}`}</h1>
          <p class="lead">
            Site id <code>${site.id}</code>. ${host ? 'Three steps' : 'One step'} and your visitors have an
            assistant.
          </p>
        </div>
      </div>
      <ol class="steps">
        ${
          host
            ? html`<li class="step secret card">
                <span class="num" aria-hidden="true">${++n}</span>
                <div>
                  <h2>Keep the site secret on your server</h2>
                  ${
                    this.stored
                      ? html`<p class="done" tabindex="-1">
                          ${checkIcon()}Secret stored, and hidden for good.
                        </p>`
                      : secret
                        ? html`<div class="warning">
                              ${keyIcon()}
                              <span
                                >Shown this once. Store it where your server reads it, e.g. as the environment
                                variable <code>TODO_ASSISTANT_SECRET</code>. Never put it in a page.</span
                              >
                            </div>
                            <console-code
                              secret
                              label="the site secret"
                              caption="TODO_ASSISTANT_SECRET"
                              .code=${secret}
                            ></console-code>
                            <div class="actions stored">
                              <button type="button" class="primary" @click=${this.storedIt}>
                                ${checkIcon()}I stored it
                              </button>
                            </div>`
                        : html`<p>
                            The secret was shown once, when the site was made. Lost it?
                            <a href=${href.site(site.id, 'secrets')}>Rotate it</a> to get a new one.
                          </p>`
                  }
                </div>
              </li>`
            : nothing
        }
        <li class="step card">
          <span class="num" aria-hidden="true">${++n}</span>
          <div>
            <h2>Paste the snippet into your pages</h2>
            <p>
              Before <code>&lt;/body&gt;</code> on every page that shows the
              assistant.${host ? ' The second script hands your signed-in user to the assistant.' : ''}
            </p>
            <console-code label="the script tag" caption="HTML" .code=${site.snippet}></console-code>
          </div>
        </li>
        ${
          host
            ? html`<li class="step card">
                <span class="num" aria-hidden="true">${++n}</span>
                <div>
                  <h2>Add the token route to your server</h2>
                  <p>
                    Behind your own login: a token about the signed-in user, signed with the secret, valid for
                    10 minutes (the assistant asks again). Answer 401 when nobody is signed in.
                  </p>
                  <console-language-tabs site-id=${site.id}></console-language-tabs>
                </div>
              </li>`
            : nothing
        }
      </ol>
      <div class="actions finish">
        <a class="button primary" href=${href.site(site.id)}>Shape the assistant</a>
        <a class="button" href=${href.sites()}>All sites</a>
      </div>`;
  }
}

if (!customElements.get('console-setup')) customElements.define('console-setup', SetupPage);
