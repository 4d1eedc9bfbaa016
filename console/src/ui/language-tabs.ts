import { css, html, LitElement } from 'lit';
import { LANGUAGES, tokenRoute, type Language } from '../snippets.js';
import './code-block.js';
import { shared } from './shared.styles.js';

/**
 * The token route in Node, Python and PHP: tabs (arrow keys move between them, as the ARIA tabs pattern says),
 * each with its install line and code to copy.
 */
export class LanguageTabs extends LitElement {
  static override properties = { siteId: { attribute: 'site-id' }, selected: { state: true } };
  declare siteId: string;
  declare private selected: Language;

  static override styles = [
    shared,
    css`
      [role='tablist'] {
        display: flex;
        gap: 4px;
        border-bottom: 1px solid var(--border);
        margin-bottom: 12px;
      }
      [role='tab'] {
        border: 0;
        border-bottom: 2px solid transparent;
        border-radius: 0;
        background: none;
        padding: 8px 14px;
        margin-bottom: -1px;
        color: var(--muted);
      }
      [role='tab']:hover {
        background: var(--surface);
        color: var(--fg);
      }
      [role='tab'][aria-selected='true'] {
        color: var(--accent-text);
        border-bottom-color: var(--accent-text);
      }
      .install {
        font-size: 13px;
        color: var(--muted);
        margin: 0 0 8px;
      }
    `,
  ];

  constructor() {
    super();
    this.siteId = '';
    this.selected = 'node';
  }

  private onKeydown(e: KeyboardEvent): void {
    const i = LANGUAGES.findIndex((l) => l.id === this.selected);
    const moves: Record<string, number> = {
      ArrowRight: i + 1,
      ArrowLeft: i - 1,
      Home: 0,
      End: LANGUAGES.length - 1,
    };
    if (!(e.key in moves)) return;
    e.preventDefault();
    const next = LANGUAGES[(moves[e.key] + LANGUAGES.length) % LANGUAGES.length];
    this.selected = next.id;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#tab-${next.id}`)?.focus(),
    );
  }

  override render() {
    return html`<div role="tablist" aria-label="Language of your server" @keydown=${this.onKeydown}>
        ${LANGUAGES.map(
          (l) =>
            html`<button
              type="button"
              role="tab"
              id="tab-${l.id}"
              aria-selected=${l.id === this.selected ? 'true' : 'false'}
              aria-controls="panel-${l.id}"
              tabindex=${l.id === this.selected ? '0' : '-1'}
              @click=${() => (this.selected = l.id)}
            >
              ${l.label}
            </button>`,
        )}
      </div>
      ${LANGUAGES.map(
        (l) =>
          html`<div
            role="tabpanel"
            id="panel-${l.id}"
            aria-labelledby="tab-${l.id}"
            ?hidden=${l.id !== this.selected}
          >
            <p class="install">Needs <code>${l.install}</code>.</p>
            <console-code
              label="the ${l.label} token route"
              caption=${l.caption}
              .code=${tokenRoute(l.id, this.siteId)}
            ></console-code>
          </div>`,
      )}`;
  }
}

if (!customElements.get('console-language-tabs'))
  customElements.define('console-language-tabs', LanguageTabs);
