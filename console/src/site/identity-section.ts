import { html, type PropertyValues } from 'lit';
import type { IdentityMode } from '../api/types.js';
import { identityFieldset, selectedModes } from '../ui/identity-choices.js';
import { shared } from '../ui/shared.styles.js';
import { messageOf, SiteSection } from './section-base.js';
import { sectionStyles } from './section.styles.js';

/** Who may use the site's assistant, and (for its own users) an identity provider's JWKS instead of a secret. */
export class IdentitySection extends SiteSection {
  static override properties = {
    ...SiteSection.properties,
    modes: { state: true },
    jwksUrl: { state: true },
    issuer: { state: true },
    errors: { state: true },
    busy: { state: true },
  };
  declare private modes: IdentityMode[];
  declare private jwksUrl: string;
  declare private issuer: string;
  declare private errors: { identity?: string; jwks?: string; alert?: string };
  declare private busy: boolean;
  private loadedFor = '';

  static override styles = [shared, sectionStyles];

  constructor() {
    super();
    this.modes = [];
    this.jwksUrl = '';
    this.issuer = '';
    this.errors = {};
    this.busy = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('site') && this.site && this.loadedFor !== this.site.id) {
      this.loadedFor = this.site.id;
      this.modes = [...this.site.identity];
      this.jwksUrl = this.site.jwks_url ?? '';
      this.issuer = this.site.issuer ?? '';
    }
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const identity = selectedModes(this.renderRoot);
    if (!identity.length) {
      this.errors = { identity: 'Choose at least one kind of user.' };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('input[name="identity"]')?.focus();
      return;
    }
    const jwks = this.jwksUrl.trim();
    const issuer = this.issuer.trim();
    if (jwks && !issuer) {
      this.errors = { jwks: "With a JWKS URL, give the identity provider's issuer too." };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#issuer')?.focus();
      return;
    }
    this.errors = {};
    this.busy = true;
    try {
      const summary = await this.api.updateSite(this.site.id, {
        identity,
        jwks_url: jwks || null,
        issuer: issuer || null,
      });
      this.modes = [...summary.identity];
      this.changed(summary, 'Identity saved.');
    } catch (err) {
      const message = messageOf(err);
      this.errors = /jwks|issuer/i.test(message) ? { jwks: message } : { alert: message };
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const e = this.errors;
    const host = this.modes.includes('host');
    return html`<section class="card" aria-labelledby="identity-title">
      <div class="section-head">
        <h2 id="identity-title" tabindex="-1">Identity</h2>
        <p>How the assistant knows who it is talking to.</p>
      </div>
      <form novalidate @submit=${this.save} aria-busy=${this.busy ? 'true' : 'false'}>
        ${e.alert ? html`<div class="alert" role="alert">${e.alert}</div>` : ''}
        ${identityFieldset('site', this.modes, e.identity ?? '', () => {
          this.modes = selectedModes(this.renderRoot);
          this.errors = {};
        })}
        ${
          host
            ? html`<details ?open=${!!this.jwksUrl}>
                <summary>Tokens from your identity provider (Auth0, Clerk, Cognito, Keycloak…)</summary>
                <p class="hint">
                  Instead of signing tokens with the site secret, hand the assistant your provider's own RS256
                  or ES256 token; its audience must still be <code>${this.site.id}</code>.
                </p>
                <div class="field">
                  <label for="jwks">JWKS URL</label>
                  <input
                    id="jwks"
                    type="url"
                    spellcheck="false"
                    placeholder="https://login.example.com/.well-known/jwks.json"
                    .value=${this.jwksUrl}
                    aria-invalid=${e.jwks ? 'true' : 'false'}
                    aria-describedby=${e.jwks ? 'jwks-error' : ''}
                    @input=${(ev: Event) => (this.jwksUrl = (ev.target as HTMLInputElement).value)}
                  />
                </div>
                <div class="field">
                  <label for="issuer">Issuer</label>
                  <input
                    id="issuer"
                    spellcheck="false"
                    placeholder="https://login.example.com/"
                    .value=${this.issuer}
                    aria-invalid=${e.jwks ? 'true' : 'false'}
                    aria-describedby=${e.jwks ? 'jwks-error' : ''}
                    @input=${(ev: Event) => (this.issuer = (ev.target as HTMLInputElement).value)}
                  />
                  ${e.jwks ? html`<span class="field-error" id="jwks-error">${e.jwks}</span>` : ''}
                </div>
              </details>`
            : ''
        }
        <div class="save-row">
          <button class="primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${this.busy ? 'Saving…' : 'Save identity'}
          </button>
        </div>
      </form>
    </section>`;
  }
}

if (!customElements.get('console-site-identity'))
  customElements.define('console-site-identity', IdentitySection);
