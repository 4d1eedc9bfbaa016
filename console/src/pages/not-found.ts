import { html, LitElement } from 'lit';
import { href } from '../router.js';
import { pageStyles } from '../ui/page.styles.js';
import { shared } from '../ui/shared.styles.js';

/** A place that is not there: an unknown route, or a site this account may not see (the API answers 404). */
export class NotFoundPage extends LitElement {
  static override properties = { message: {} };
  declare message: string;

  static override styles = [shared, pageStyles];

  constructor() {
    super();
    this.message = 'There is nothing at this address.';
  }

  override render() {
    return html`<div class="card">
      <h1 tabindex="-1">Not found</h1>
      <p class="lead">${this.message}</p>
      <p class="muted">It may have been deleted, or it belongs to an account other than yours.</p>
      <div class="actions"><a class="button primary" href=${href.sites()}>Back to your sites</a></div>
    </div>`;
  }
}

if (!customElements.get('console-not-found')) customElements.define('console-not-found', NotFoundPage);
