import { css, html, LitElement } from 'lit';
import { announce } from '../events.js';
import { checkIcon, copyIcon } from './icons.js';
import { shared } from './shared.styles.js';

/** Copies text: the Clipboard API, else the text is selected for Ctrl+C. Answers whether it was copied. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Code to copy (a snippet, a secret): shown as it is, scrollable by keyboard, with a Copy button that says
 * "Copied" for a moment and announces it.
 */
export class CodeBlock extends LitElement {
  static override properties = {
    code: {},
    label: {},
    caption: {},
    secret: { type: Boolean },
    copied: { state: true },
  };

  declare code: string;
  /** What the code is ("the script tag", "the Node token route"): names the block and its button. */
  declare label: string;
  /** A word over the code: its language or where it goes ("HTML", "server.js"). */
  declare caption: string;
  /** A secret: shown on one line, wrapping anywhere. */
  declare secret: boolean;
  declare private copied: boolean;
  private timer?: ReturnType<typeof setTimeout>;

  static override styles = [
    shared,
    css`
      .block {
        border: 1px solid var(--border);
        border-radius: var(--radius-sm);
        background: var(--code-bg);
        overflow: hidden;
      }
      .bar {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 8px;
        padding: 4px 6px 4px 14px;
        border-bottom: 1px solid var(--border);
        background: var(--surface);
        font-size: 12px;
        color: var(--muted);
        min-height: 38px;
      }
      pre {
        margin: 0;
        padding: 12px 14px;
        overflow: auto;
        max-height: 360px;
        line-height: 20px;
        white-space: pre;
        tab-size: 2;
      }
      :host([secret]) pre {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        font-size: 14px;
        font-weight: 600;
      }
      .copy {
        padding: 2px 10px;
        min-height: 30px;
        font-size: 13px;
        background: var(--bg);
      }
      .copy svg.icon {
        width: 16px;
        height: 16px;
      }
      .copy.done {
        color: var(--success-text);
        border-color: var(--success-border);
      }
    `,
  ];

  constructor() {
    super();
    this.code = '';
    this.label = 'code';
    this.secret = false;
    this.caption = '';
    this.copied = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private async copy(): Promise<void> {
    if (await copyText(this.code)) {
      this.copied = true;
      announce(this, `Copied ${this.label}.`);
      clearTimeout(this.timer);
      this.timer = setTimeout(() => (this.copied = false), 2500);
      return;
    }
    const pre = this.renderRoot.querySelector('pre');
    if (pre) getSelection()?.selectAllChildren(pre);
    announce(this, 'Copying is not allowed here: the text is selected, press Ctrl+C (⌘C) to copy it.');
  }

  override render() {
    return html`<div class="block">
      <div class="bar">
        <span aria-hidden="true">${this.caption}</span>
        <button
          type="button"
          class="copy ${this.copied ? 'done' : ''}"
          aria-label="Copy ${this.label}"
          @click=${() => void this.copy()}
        >
          ${this.copied ? checkIcon() : copyIcon()}<span aria-hidden="true"
            >${this.copied ? 'Copied' : 'Copy'}</span
          >
        </button>
      </div>
      <pre tabindex="0" role="group" aria-label=${this.label}><code>${this.code}</code></pre>
    </div>`;
  }
}

if (!customElements.get('console-code')) customElements.define('console-code', CodeBlock);

declare global {
  interface HTMLElementTagNameMap {
    'console-code': CodeBlock;
  }
}
