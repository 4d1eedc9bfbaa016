import { css, html } from 'lit';
import type { SiteOwner } from '../api/types.js';
import { date } from '../format.js';
import { plusIcon } from '../ui/icons.js';
import { shared } from '../ui/shared.styles.js';
import { messageOf, SiteSection } from './section-base.js';
import { sectionStyles } from './section.styles.js';

/** The accounts that manage the site: add one by the email of their account, remove one (a site keeps one). */
export class OwnersSection extends SiteSection {
  static override properties = {
    ...SiteSection.properties,
    owners: { state: true },
    email: { state: true },
    error: { state: true },
    alert: { state: true },
    busy: { state: true },
  };
  declare private owners: SiteOwner[] | null;
  declare private email: string;
  declare private error: string;
  declare private alert: string;
  declare private busy: boolean;

  static override styles = [
    shared,
    sectionStyles,
    css`
      ul.owners {
        list-style: none;
        margin: 0 0 18px;
        padding: 0;
        border: 1px solid var(--border);
        border-radius: 12px;
      }
      ul.owners li {
        display: flex;
        align-items: center;
        gap: 12px;
        padding: 10px 14px;
      }
      ul.owners li + li {
        border-top: 1px solid var(--border);
      }
      .avatar {
        width: 32px;
        height: 32px;
        border-radius: 50%;
        background: var(--accent);
        color: var(--accent-fg);
        display: grid;
        place-items: center;
        font-weight: 700;
        flex: none;
      }
      .who {
        flex: 1;
        min-width: 0;
        line-height: 20px;
      }
      .who strong,
      .who span {
        display: block;
        overflow-wrap: anywhere;
      }
      .who span {
        font-size: 13px;
        color: var(--muted);
      }
      form.add {
        display: flex;
        gap: 8px;
        align-items: flex-start;
        max-width: 560px;
      }
      form.add .field {
        flex: 1;
        margin: 0;
      }
      form.add button {
        margin-top: 27px;
      }
      @media (max-width: 600px) {
        form.add {
          flex-direction: column;
          align-items: stretch;
        }
        form.add button {
          margin-top: 0;
        }
      }
    `,
  ];

  constructor() {
    super();
    this.owners = null;
    this.email = '';
    this.error = '';
    this.alert = '';
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.owners = await this.api.owners(this.site.id);
    } catch (err) {
      this.alert = messageOf(err);
    }
  }

  private async add(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const email = this.email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      this.error = 'Enter the email address of their account.';
      this.renderRoot.querySelector<HTMLInputElement>('#owner-email')?.focus();
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      this.owners = await this.api.addOwner(this.site.id, email);
      this.email = '';
      this.say(`${email} is now an owner of ${this.site.name}.`);
    } catch (err) {
      this.error = messageOf(err);
      this.renderRoot.querySelector<HTMLInputElement>('#owner-email')?.focus();
    } finally {
      this.busy = false;
    }
  }

  private async removeOwner(owner: SiteOwner): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.alert = '';
    try {
      this.owners = await this.api.removeOwner(this.site.id, owner.id);
      this.say(`${owner.email} no longer owns ${this.site.name}.`);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#owner-email')?.focus();
    } catch (err) {
      this.alert = messageOf(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const owners = this.owners;
    return html`<section class="card" aria-labelledby="owners-title">
      <div class="section-head">
        <h2 id="owners-title" tabindex="-1">Owners</h2>
        <p>Accounts that manage this site with you. They sign up first, then you add their email.</p>
      </div>
      ${this.alert ? html`<div class="alert" role="alert">${this.alert}</div>` : ''}
      ${
        owners === null
          ? html`<p class="muted" role="status">Loading the owners…</p>`
          : owners.length === 0
            ? html`<p class="notice">No owners: the administrators (ADMIN_EMAILS) manage this site.</p>`
            : html`<ul class="owners" aria-label="Owners of ${this.site.name}">
                ${owners.map(
                  (o) =>
                    html`<li>
                      <span class="avatar" aria-hidden="true"
                        >${(o.name || o.email).charAt(0).toUpperCase()}</span
                      >
                      <div class="who">
                        <strong>${o.name || o.email}</strong>
                        <span>${o.email} · since ${date(o.added_at)}</span>
                      </div>
                      ${
                        owners.length > 1
                          ? html`<button
                              type="button"
                              aria-label="Remove ${o.email}"
                              aria-disabled=${this.busy ? 'true' : 'false'}
                              @click=${() => void this.removeOwner(o)}
                            >
                              Remove
                            </button>`
                          : ''
                      }
                    </li>`,
                )}
              </ul>`
      }
      <form class="add" novalidate @submit=${this.add}>
        <div class="field">
          <label for="owner-email">Add an owner</label>
          <input
            id="owner-email"
            type="email"
            autocomplete="off"
            placeholder="ops@example.com"
            .value=${this.email}
            aria-invalid=${this.error ? 'true' : 'false'}
            aria-describedby=${this.error ? 'owner-error' : ''}
            @input=${(ev: Event) => {
              this.email = (ev.target as HTMLInputElement).value;
              this.error = '';
            }}
          />
          ${this.error ? html`<span class="field-error" id="owner-error">${this.error}</span>` : ''}
        </div>
        <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${plusIcon()}Add owner</button>
      </form>
    </section>`;
  }
}

if (!customElements.get('console-site-owners')) customElements.define('console-site-owners', OwnersSection);
