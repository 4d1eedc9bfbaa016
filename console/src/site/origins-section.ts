import { html, type PropertyValues } from 'lit';
import '../ui/origins-field.js';
import type { OriginsField } from '../ui/origins-field.js';
import { shared } from '../ui/shared.styles.js';
import { messageOf, SiteSection } from './section-base.js';
import { sectionStyles } from './section.styles.js';

/** The site's name and the origins that may embed it. */
export class OriginsSection extends SiteSection {
  static override properties = {
    ...SiteSection.properties,
    name: { state: true },
    originsText: { state: true },
    errors: { state: true },
    busy: { state: true },
  };
  declare private name: string;
  declare private originsText: string;
  declare private errors: { name?: string; origins?: string; alert?: string };
  declare private busy: boolean;
  private loadedFor = '';

  static override styles = [shared, sectionStyles];

  constructor() {
    super();
    this.name = '';
    this.originsText = '';
    this.errors = {};
    this.busy = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('site') && this.site && this.loadedFor !== this.site.id) {
      this.loadedFor = this.site.id;
      this.name = this.site.name;
      this.originsText = this.site.origins.join('\n');
    }
  }

  /** The default site's origins are ALLOWED_ORIGINS (the backend says so if they are sent). */
  private get fixedOrigins(): boolean {
    return this.site.id === 'default';
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const field = this.renderRoot.querySelector<OriginsField>('console-origins-field')!;
    const name = this.name.trim();
    const { origins, problems } = field.check();
    const errors: typeof this.errors = {};
    if (!name) errors.name = 'Give the site a name.';
    if (!this.fixedOrigins) {
      if (problems.length) errors.origins = 'Fix the origins above first.';
      else if (!origins.length) errors.origins = 'A site needs at least one origin.';
    }
    this.errors = errors;
    if (errors.name || errors.origins) {
      await this.updateComplete;
      if (errors.name) this.renderRoot.querySelector<HTMLInputElement>('#site-name')?.focus();
      else field.focus();
      return;
    }
    this.busy = true;
    try {
      const summary = await this.api.updateSite(this.site.id, {
        name,
        ...(this.fixedOrigins ? {} : { origins }),
      });
      this.name = summary.name;
      this.originsText = summary.origins.join('\n');
      this.changed(summary, 'Name and origins saved.');
    } catch (err) {
      const message = messageOf(err);
      this.errors = /origin/i.test(message)
        ? { origins: message }
        : /name/i.test(message)
          ? { name: message }
          : { alert: message };
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const e = this.errors;
    return html`<section class="card" aria-labelledby="origins-title">
      <div class="section-head">
        <h2 id="origins-title" tabindex="-1">Name and origins</h2>
        <p>The assistant answers only on pages of these origins.</p>
      </div>
      <form novalidate @submit=${this.save} aria-busy=${this.busy ? 'true' : 'false'}>
        ${e.alert ? html`<div class="alert" role="alert">${e.alert}</div>` : ''}
        <div class="field">
          <label for="site-name">Name</label>
          <input
            id="site-name"
            maxlength="100"
            .value=${this.name}
            aria-invalid=${e.name ? 'true' : 'false'}
            aria-describedby=${e.name ? 'site-name-error' : ''}
            @input=${(ev: Event) => {
              this.name = (ev.target as HTMLInputElement).value;
              this.errors = { ...this.errors, name: undefined };
            }}
          />
          ${e.name ? html`<span class="field-error" id="site-name-error">${e.name}</span>` : ''}
        </div>
        <console-origins-field
          .value=${this.originsText}
          .error=${e.origins ?? ''}
          ?disabled=${this.fixedOrigins}
          @input-changed=${(ev: Event) => (this.originsText = (ev.target as OriginsField).value)}
        ></console-origins-field>
        ${
          this.fixedOrigins
            ? html`<p class="notice">
                The default site's origins come from the backend's ALLOWED_ORIGINS setting: change it there
                and restart.
              </p>`
            : ''
        }
        <div class="save-row">
          <button class="primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${this.busy ? 'Saving…' : 'Save name and origins'}
          </button>
        </div>
      </form>
    </section>`;
  }
}

if (!customElements.get('console-site-origins'))
  customElements.define('console-site-origins', OriginsSection);
