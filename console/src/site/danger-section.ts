import { css, html } from 'lit';
import type { SiteImpact } from '../api/types.js';
import { announce } from '../events.js';
import { plural } from '../format.js';
import { href } from '../router.js';
import { shared } from '../ui/shared.styles.js';
import { messageOf, SiteSection } from './section-base.js';
import { sectionStyles } from './section.styles.js';

type Action = 'status' | 'delete';

/** Disable (or enable) and delete the site, each behind typing its id; deleting says first what goes with it. */
export class DangerSection extends SiteSection {
  static override properties = {
    ...SiteSection.properties,
    action: { state: true },
    typed: { state: true },
    impact: { state: true },
    busy: { state: true },
    alert: { state: true },
  };
  declare private action: Action | null;
  declare private typed: string;
  declare private impact: SiteImpact | null;
  declare private busy: boolean;
  declare private alert: string;

  static override styles = [
    shared,
    sectionStyles,
    css`
      section.card {
        border-color: var(--danger-border);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: center;
        gap: 10px 20px;
        padding: 14px 0;
      }
      .row + .row {
        border-top: 1px solid var(--border);
      }
      .row > div {
        flex: 1 1 280px;
        min-width: 0;
      }
      .row p {
        margin: 0;
        color: var(--muted);
      }
      .confirm {
        flex-basis: 100%;
        margin: 4px 0 0;
      }
      .confirm .field {
        max-width: 360px;
        margin: 10px 0 12px;
      }
      .confirm ul {
        margin: 6px 0 0;
        padding-inline-start: 20px;
      }
    `,
  ];

  constructor() {
    super();
    this.action = null;
    this.typed = '';
    this.impact = null;
    this.busy = false;
    this.alert = '';
  }

  private async ask(action: Action): Promise<void> {
    this.action = action;
    this.typed = '';
    this.alert = '';
    if (action === 'delete') {
      this.impact = null;
      try {
        this.impact = await this.api.impact(this.site.id);
      } catch (err) {
        this.alert = messageOf(err);
      }
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#confirm-id')?.focus();
  }

  private cancel(): void {
    const was = this.action;
    this.action = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${was}-start`)?.focus());
  }

  private async confirm(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy || this.typed.trim() !== this.site.id) return;
    this.busy = true;
    this.alert = '';
    try {
      if (this.action === 'delete') {
        await this.api.deleteSite(this.site.id);
        announce(this, `${this.site.name} is deleted.`);
        location.hash = href.sites();
        return;
      }
      const status = this.site.status === 'active' ? 'disabled' : 'active';
      const summary = await this.api.updateSite(this.site.id, { status });
      this.action = null;
      this.changed(
        summary,
        status === 'active' ? `${summary.name} is enabled.` : `${summary.name} is disabled.`,
      );
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#status-start')?.focus();
    } catch (err) {
      this.alert = messageOf(err);
    } finally {
      this.busy = false;
    }
  }

  private confirmation(verb: string, consequence: unknown) {
    const matches = this.typed.trim() === this.site.id;
    return html`<form class="confirm warning" novalidate @submit=${this.confirm}>
      ${consequence}
      <div class="field">
        <label for="confirm-id">Type <code>${this.site.id}</code> to confirm</label>
        <input
          id="confirm-id"
          autocomplete="off"
          autocapitalize="none"
          spellcheck="false"
          .value=${this.typed}
          @input=${(ev: Event) => (this.typed = (ev.target as HTMLInputElement).value)}
        />
      </div>
      <div class="actions">
        <button
          type="submit"
          class="danger"
          ?disabled=${!matches}
          aria-disabled=${this.busy ? 'true' : 'false'}
        >
          ${verb}
        </button>
        <button type="button" @click=${this.cancel}>Cancel</button>
      </div>
    </form>`;
  }

  override render() {
    const active = this.site.status === 'active';
    const impact = this.impact;
    return html`<section class="card" aria-labelledby="danger-title">
      <div class="section-head">
        <h2 id="danger-title" tabindex="-1">Danger zone</h2>
      </div>
      ${this.alert ? html`<div class="alert" role="alert">${this.alert}</div>` : ''}
      <div class="row">
        <div>
          <h3>${active ? 'Disable the site' : 'Enable the site'}</h3>
          <p>
            ${
              active
                ? 'The assistant stops answering on its pages at once; nothing is deleted.'
                : 'The assistant answers on its pages again.'
            }
          </p>
        </div>
        ${
          this.action === 'status'
            ? ''
            : html`<button type="button" id="status-start" @click=${() => void this.ask('status')}>
                ${active ? 'Disable…' : 'Enable…'}
              </button>`
        }
        ${
          this.action === 'status'
            ? this.confirmation(
                active ? `Disable ${this.site.id}` : `Enable ${this.site.id}`,
                html`<p>
                  ${
                    active
                      ? 'Visitors of its pages see no assistant until you enable it again.'
                      : 'Its pages show the assistant again.'
                  }
                </p>`,
              )
            : ''
        }
      </div>
      <div class="row">
        <div>
          <h3>Delete the site</h3>
          <p>The site, its users and everything they own. This cannot be undone.</p>
        </div>
        ${
          this.action === 'delete'
            ? ''
            : html`<button
                type="button"
                class="danger"
                id="delete-start"
                @click=${() => void this.ask('delete')}
              >
                Delete…
              </button>`
        }
        ${
          this.action === 'delete'
            ? this.confirmation(
                `Delete ${this.site.id} for good`,
                impact
                  ? html`<p><strong>Deleting ${this.site.name} also deletes:</strong></p>
                      <ul>
                        <li>
                          ${plural(impact.host_users, "user of your site's own", "users of your site's own")}
                        </li>
                        <li>${plural(impact.guests, 'guest', 'guests')}</li>
                        <li>${plural(impact.tasks, 'task', 'tasks')} they own, with their conversations</li>
                      </ul>
                      <p>Accounts of this service keep their tasks.</p>`
                  : html`<p role="status">Counting what goes with it…</p>`,
              )
            : ''
        }
      </div>
    </section>`;
  }
}

if (!customElements.get('console-site-danger')) customElements.define('console-site-danger', DangerSection);
