import { html, nothing, type SVGTemplateResult } from 'lit';

/**
 * A 24×24 stroke icon around svg fragments. Decorative (hidden from assistive tech) unless given a label.
 * The <svg> element itself belongs in an html template; only its children are svg fragments.
 */
export function svgIcon(body: SVGTemplateResult, label?: string) {
  return html`<svg
    class="icon"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
    role=${label ? 'img' : 'presentation'}
    aria-hidden=${label ? 'false' : 'true'}
    aria-label=${label ?? nothing}
  >
    ${body}
  </svg>`;
}
