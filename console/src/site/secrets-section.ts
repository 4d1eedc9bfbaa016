import { css, html } from 'lit';
import { dateTime } from '../format.js';
import { keyIcon } from '../ui/icons.js';
import { shared } from '../ui/shared.styles.js';
import { shownOnce, shownOnceStyles } from '../ui/shown-once.js';
import { messageOf, SiteSection } from './section-base.js';
import { sectionStyles } from './section.styles.js';

/**
 * The site secrets (HMAC keys of host tokens): rotate (the new one is shown once; the previous stays valid 24
 * hours) and revoke the previous one when every server has the new one.
 */
export class SecretsSection extends SiteSection {
  static override properties = {
    ...SiteSection.properties,
    fresh: { state: true },
    confirmRevoke: { state: true },
    busy: { state: true },
    alert: { state: true },
  };
  /** A secret just made, shown until "I stored it". */
  declare private fresh: string;
  declare private confirmRevoke: boolean;
  declare private busy: boolean;
  declare private alert: string;

  static override styles = [
    shared,
    sectionStyles,
    shownOnceStyles,
    css`
      ul.keys {
        list-style: none;
        margin: 0 0 16px;
        padding: 0;
        border: 1px solid var(--border);
        border-radius: 12px;
      }
      ul.keys li {
        display: flex;
        align-items: center;
        gap: 12px;
        padding: 12px 14px;
      }
      ul.keys li + li {
        border-top: 1px solid var(--border);
      }
      ul.keys svg.icon {
        color: var(--accent-text);
      }
      ul.keys .what {
        flex: 1;
        min-width: 0;
      }
      ul.keys strong {
        display: block;
      }
    `,
  ];

  constructor() {
    super();
    this.fresh = '';
    this.confirmRevoke = false;
    this.busy = false;
    this.alert = '';
  }

  private async rotate(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.alert = '';
    try {
      const { secret } = await this.api.rotateSecret(this.site.id);
      this.fresh = secret;
      this.changed(
        await this.api.getSite(this.site.id),
        'A new secret is made. It is shown once: copy it now.',
      );
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.fresh h3')?.focus();
    } catch (err) {
      this.alert = messageOf(err);
    } finally {
      this.busy = false;
    }
  }

  private stored(): void {
    this.fresh = '';
    this.say('The new secret is hidden. It is not shown again.');
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#rotate')?.focus());
  }

  private askRevoke(): void {
    this.confirmRevoke = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#revoke-now')?.focus());
  }

  private async revoke(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.alert = '';
    try {
      const summary = await this.api.revokeSecret(this.site.id);
      this.confirmRevoke = false;
      this.changed(summary, 'The previous secret is revoked: tokens signed with it are refused.');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#rotate')?.focus();
    } catch (err) {
      this.alert = messageOf(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const secrets = this.site.secrets;
    const host = this.site.identity.includes('host');
    return html`<section class="card" aria-labelledby="secrets-title">
      <div class="section-head">
        <h2 id="secrets-title" tabindex="-1">Secrets</h2>
        <p>
          Your server signs its users' tokens with the site
          secret${host ? '' : ' (used once your site hands over its own signed-in users)'}; it also authorizes
          erasing and exporting a user.
        </p>
      </div>
      ${this.alert ? html`<div class="alert" role="alert">${this.alert}</div>` : ''}
      <ul class="keys" aria-label="Secrets of ${this.site.name}">
        <li>
          ${keyIcon()}
          <div class="what">
            <strong>Current secret</strong>
            <span class="muted">${secrets.current ? 'Active. Shown once when it was made.' : 'None.'}</span>
          </div>
        </li>
        <li>
          ${keyIcon()}
          <div class="what">
            <strong>Previous secret</strong>
            <span class="muted"
              >${
                secrets.previous
                  ? `Still accepted until ${secrets.previous_expires_at ? dateTime(secrets.previous_expires_at) : 'revoked'}.`
                  : 'None: only the current secret is accepted.'
              }</span
            >
          </div>
        </li>
      </ul>
      ${
        this.fresh
          ? shownOnce({
              title: 'Your new secret',
              about: html`Shown this once. Put it on every server (<code>TODO_ASSISTANT_SECRET</code>), then
              revoke the previous one.`,
              label: 'the new site secret',
              caption: 'TODO_ASSISTANT_SECRET',
              secret: this.fresh,
              stored: () => this.stored(),
            })
          : ''
      }
      ${
        this.confirmRevoke
          ? html`<div class="warning" role="group" aria-labelledby="revoke-question">
              <p id="revoke-question">
                Servers still signing with the previous secret stop working at once. Revoke it?
              </p>
              <div class="actions">
                <button
                  type="button"
                  id="revoke-now"
                  class="danger"
                  aria-disabled=${this.busy ? 'true' : 'false'}
                  @click=${() => void this.revoke()}
                >
                  Revoke the previous secret
                </button>
                <button type="button" @click=${() => (this.confirmRevoke = false)}>Cancel</button>
              </div>
            </div>`
          : ''
      }
      <div class="actions">
        <button
          type="button"
          id="rotate"
          aria-disabled=${this.busy ? 'true' : 'false'}
          @click=${() => void this.rotate()}
        >
          Rotate secret
        </button>
        ${
          secrets.previous && !this.confirmRevoke
            ? html`<button type="button" id="revoke" @click=${this.askRevoke}>Revoke previous secret</button>`
            : ''
        }
      </div>
    </section>`;
  }
}

if (!customElements.get('console-site-secrets'))
  customElements.define('console-site-secrets', SecretsSection);
