import { css, html, type TemplateResult } from 'lit';
import './code-block.js';
import { checkIcon } from './icons.js';

/**
 * A secret shown this once (a site secret after a rotation, a webhook's signing secret): a heading that takes the
 * focus, what to do with it, the secret with its Copy button, and "I stored it", which hides it for good.
 */
export function shownOnce(o: {
  title: string;
  about: TemplateResult;
  /** Names the block and its button: "the new site secret" → "Copy the new site secret". */
  label: string;
  caption: string;
  secret: string;
  stored: () => void;
}) {
  return html`<div class="fresh warning">
    <h3 tabindex="-1">${o.title}</h3>
    <p>${o.about}</p>
    <console-code secret label=${o.label} caption=${o.caption} .code=${o.secret}></console-code>
    <button type="button" class="primary" @click=${o.stored}>${checkIcon()}I stored it</button>
  </div>`;
}

export const shownOnceStyles = css`
  .fresh {
    margin-bottom: 16px;
  }
  .fresh console-code {
    margin: 10px 0;
  }
`;
