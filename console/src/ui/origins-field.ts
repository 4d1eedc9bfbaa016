import { css, html, LitElement } from 'lit';
import { checkOrigins, type OriginsCheck } from '../origins.js';
import { checkIcon } from './icons.js';
import { shared } from './shared.styles.js';

/**
 * The origins of a site, one per line, checked as they are typed (the backend's rules, a moment after the last
 * key): what will be allowed, and what is wrong with the rest. `value` is the text; `check()` answers the result.
 */
export class OriginsField extends LitElement {
  static override properties = {
    value: {},
    error: {},
    disabled: { type: Boolean },
    result: { state: true },
  };

  declare value: string;
  /** A message of the server about the origins. */
  declare error: string;
  declare disabled: boolean;
  declare private result: OriginsCheck;
  private timer?: ReturnType<typeof setTimeout>;

  static override styles = [
    shared,
    css`
      :host {
        margin-bottom: 16px;
      }
      ul {
        list-style: none;
        margin: 8px 0 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
      li.ok {
        display: inline-flex;
        align-items: center;
        gap: 4px;
        font-family: var(--mono);
        font-size: 13px;
        padding: 2px 8px 2px 6px;
        border-radius: 999px;
        background: var(--success-bg);
        color: var(--success-text);
        border: 1px solid var(--success-border);
      }
      li.ok svg.icon {
        width: 14px;
        height: 14px;
      }
      ul.problems {
        display: block;
        list-style: disc;
        margin: 6px 0 0;
        padding-inline-start: 18px;
        color: var(--danger-text);
        font-size: 13px;
        line-height: 19px;
      }
    `,
  ];

  constructor() {
    super();
    this.value = '';
    this.error = '';
    this.disabled = false;
    this.result = { origins: [], problems: [] };
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('value') && changed.get('value') === undefined) this.result = checkOrigins(this.value);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  /** The origins now (no waiting for the pause), for a submit. */
  check(): OriginsCheck {
    clearTimeout(this.timer);
    this.result = checkOrigins(this.value);
    return this.result;
  }

  override focus(): void {
    this.renderRoot.querySelector('textarea')?.focus();
  }

  private onInput(e: Event): void {
    this.value = (e.target as HTMLTextAreaElement).value;
    this.error = '';
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.result = checkOrigins(this.value)), 400);
    this.dispatchEvent(new Event('input-changed'));
  }

  override render() {
    const { origins, problems } = this.result;
    const invalid = problems.length > 0 || !!this.error;
    return html`<label for="origins">Origins</label>
      <textarea
        id="origins"
        rows="3"
        spellcheck="false"
        autocapitalize="none"
        placeholder="https://shop.example.com"
        .value=${this.value}
        ?disabled=${this.disabled}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby="origins-hint origins-check"
        @input=${this.onInput}
      ></textarea>
      <span class="hint" id="origins-hint"
        >The pages that may embed the assistant, one per line: scheme, host and port, e.g.
        <code>https://shop.example.com</code> or <code>https://*.example.com</code> for every subdomain.</span
      >
      <div id="origins-check">
        ${
          origins.length
            ? html`<ul aria-label="Allowed origins">
                ${origins.map((o) => html`<li class="ok">${checkIcon()}${o}</li>`)}
              </ul>`
            : ''
        }
        ${
          problems.length || this.error
            ? html`<ul class="problems">
                ${problems.map((p) => html`<li>${p}</li>`)}${this.error ? html`<li>${this.error}</li>` : ''}
              </ul>`
            : ''
        }
      </div>`;
  }
}

if (!customElements.get('console-origins-field'))
  customElements.define('console-origins-field', OriginsField);
