import { css, html, LitElement } from 'lit';
import type { AdminApi } from '../api/admin-api.js';
import type { IdentityMode } from '../api/types.js';
import { announce, emit } from '../events.js';
import { SITE_ID_PATTERN } from '../origins.js';
import { href } from '../router.js';
import { identityFieldset, selectedModes } from '../ui/identity-choices.js';
import { backIcon } from '../ui/icons.js';
import type { OriginsField } from '../ui/origins-field.js';
import '../ui/origins-field.js';
import { pageStyles } from '../ui/page.styles.js';
import { shared } from '../ui/shared.styles.js';

type Field = 'name' | 'id' | 'origins' | 'identity';

/** Which field a message of the server is about (the backend's words name it). */
export function fieldOf(message: string): Field | undefined {
  if (/origin/i.test(message)) return 'origins';
  if (/identity/i.test(message)) return 'identity';
  if (/site id|\bid\b/i.test(message)) return 'id';
  if (/name/i.test(message)) return 'name';
  return undefined;
}

/** Add a site: its name, an id if wanted, its origins (checked as typed) and who may use it. */
export class NewSitePage extends LitElement {
  static override properties = {
    api: { attribute: false },
    errors: { state: true },
    alert: { state: true },
    busy: { state: true },
  };
  declare api: AdminApi;
  declare private errors: Partial<Record<Field, string>>;
  declare private alert: string;
  declare private busy: boolean;
  private identity: IdentityMode[] = ['host'];

  static override styles = [
    shared,
    pageStyles,
    css`
      form {
        max-width: 680px;
      }
      .row {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        gap: 0 16px;
      }
      @media (max-width: 600px) {
        .row {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  constructor() {
    super();
    this.errors = {};
    this.alert = '';
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    emit(this, 'console-title', { title: 'Add a site' });
  }

  private input(id: string): HTMLInputElement {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)!;
  }

  private focusField(field: Field): void {
    if (field === 'origins') this.renderRoot.querySelector<OriginsField>('console-origins-field')?.focus();
    else if (field === 'identity') this.input('new-host').focus();
    else this.input(field).focus();
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const name = this.input('name').value.trim();
    const id = this.input('id').value.trim();
    const originsField = this.renderRoot.querySelector<OriginsField>('console-origins-field')!;
    const { origins, problems } = originsField.check();
    const identity = selectedModes(this.renderRoot);
    const errors: Partial<Record<Field, string>> = {};
    if (!name) errors.name = 'Give the site a name.';
    if (id && !SITE_ID_PATTERN.test(id))
      errors.id = 'Use 2-63 lowercase letters, digits, "-" or "_", starting with a letter or digit.';
    if (problems.length) errors.origins = 'Fix the origins above first.';
    else if (!origins.length) errors.origins = 'Add at least one origin, e.g. https://shop.example.com.';
    if (!identity.length) errors.identity = 'Choose at least one kind of user.';
    this.errors = errors;
    this.alert = '';
    const first = (['name', 'id', 'origins', 'identity'] as Field[]).find((f) => errors[f]);
    if (first) {
      await this.updateComplete;
      this.focusField(first);
      return;
    }
    this.busy = true;
    try {
      const created = await this.api.createSite({ name, origins, identity, ...(id ? { id } : {}) });
      emit(this, 'console-site-created', created);
      announce(this, `${created.site.name} is added.`);
      location.hash = href.setup(created.id);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const field = fieldOf(message);
      if (field) this.errors = { [field]: message };
      else this.alert = message;
      await this.updateComplete;
      if (field) this.focusField(field);
    } finally {
      this.busy = false;
    }
  }

  private fieldError(field: Field) {
    const message = this.errors[field];
    return message ? html`<span class="field-error" id="${field}-error">${message}</span>` : '';
  }

  override render() {
    const e = this.errors;
    return html`<a class="back" href=${href.sites()}>${backIcon()}Sites</a>
      <div class="page-head">
        <div>
          <h1 tabindex="-1">Add a site</h1>
          <p class="lead">A website that embeds the assistant. You get its snippet and secret next.</p>
        </div>
      </div>
      <form class="card" novalidate @submit=${this.submit} aria-busy=${this.busy ? 'true' : 'false'}>
        ${this.alert ? html`<div class="alert" role="alert">${this.alert}</div>` : ''}
        <div class="row">
          <div class="field">
            <label for="name">Name</label>
            <input
              id="name"
              autocomplete="off"
              maxlength="100"
              placeholder="Acme shop"
              aria-invalid=${e.name ? 'true' : 'false'}
              aria-describedby=${e.name ? 'name-error' : ''}
              @input=${() => (this.errors = { ...this.errors, name: undefined })}
            />
            ${this.fieldError('name')}
          </div>
          <div class="field">
            <label for="id">Site id <span class="optional">(optional)</span></label>
            <input
              id="id"
              class="mono"
              autocomplete="off"
              autocapitalize="none"
              spellcheck="false"
              maxlength="63"
              placeholder="acme"
              aria-invalid=${e.id ? 'true' : 'false'}
              aria-describedby="id-hint${e.id ? ' id-error' : ''}"
              @input=${() => (this.errors = { ...this.errors, id: undefined })}
            />
            <span class="hint" id="id-hint">In the script tag. Default: site_ and 8 random characters.</span>
            ${this.fieldError('id')}
          </div>
        </div>
        <console-origins-field .error=${e.origins ?? ''}></console-origins-field>
        ${identityFieldset('new', this.identity, e.identity ?? '', () => {
          this.identity = selectedModes(this.renderRoot);
          this.errors = { ...this.errors, identity: undefined };
        })}
        <div class="actions">
          <button class="primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${this.busy ? 'Adding…' : 'Add site'}
          </button>
          <a class="button" href=${href.sites()}>Cancel</a>
        </div>
      </form>`;
  }
}

if (!customElements.get('console-new-site')) customElements.define('console-new-site', NewSitePage);
