import { css, html } from 'lit';
import { ApiError } from '../api/session.js';
import {
  TASK_EVENT_TYPES,
  type CreatedWebhook,
  type TaskEventType,
  type Webhook,
  type WebhookDelivery,
} from '../api/types.js';
import { count, dateTime, plural } from '../format.js';
import { checkIcon, plusIcon, sendIcon } from '../ui/icons.js';
import { shared } from '../ui/shared.styles.js';
import { shownOnce, shownOnceStyles } from '../ui/shown-once.js';
import { checkWebhookUrl } from '../webhook-url.js';
import { messageOf, SiteSection } from './section-base.js';
import { sectionStyles } from './section.styles.js';
import { delivered, deliveryLog, deliveryLogStyles, LOG_SIZE } from './webhook-log.js';

/** What each task event means, beside its checkbox. */
const EVENT_HINTS: Record<TaskEventType, string> = {
  'task.created': 'A task is added.',
  'task.updated': 'A task is changed: its title, notes, due date or reminder.',
  'task.completed': 'A task is checked off.',
  'task.deleted': 'A task is deleted.',
  'task.due': "A task's reminder is due.",
};

/** The URL is checked after this pause in typing (at once when the field is left or the form sent). */
const CHECK_PAUSE_MS = 400;
const NO_URL = 'Enter the URL where your server receives the events.';

const eventId = (type: TaskEventType) => `event-${type.replace('.', '-')}`;

/** What a delivery came to, in a sentence (the test event's result, said and shown). */
function outcome(d: WebhookDelivery): string {
  const time = `${count(d.duration_ms)} ms`;
  if (delivered(d)) return `Test event delivered: your server answered HTTP ${d.status} in ${time}.`;
  if (d.status !== null) return `Test event failed: your server answered HTTP ${d.status} in ${time}.`;
  return `Test event failed after ${time}: ${d.error}`;
}

/**
 * The site's webhooks: the URLs of its server that hear of every task change of the site's users, signed as
 * Standard Webhooks. Add one (the URL checked as typed, every event or some) and its signing secret is shown
 * once; send a test event and see at once how it went; enable one the backend disabled; remove one after a
 * confirmation; and the log of delivery attempts, refreshable (`webhook-log.ts`).
 */
export class WebhooksSection extends SiteSection {
  static override properties = {
    ...SiteSection.properties,
    hooks: { state: true },
    deliveries: { state: true },
    url: { state: true },
    urlError: { state: true },
    some: { state: true },
    chosen: { state: true },
    eventsError: { state: true },
    fresh: { state: true },
    confirmRemove: { state: true },
    results: { state: true },
    testing: { state: true },
    busy: { state: true },
    refreshing: { state: true },
    alert: { state: true },
  };
  declare private hooks: Webhook[] | null;
  declare private deliveries: WebhookDelivery[] | null;
  declare private url: string;
  declare private urlError: string;
  /** Only the chosen events (else every task event). */
  declare private some: boolean;
  declare private chosen: TaskEventType[];
  declare private eventsError: string;
  /** A webhook just added, its secret shown until "I stored it". */
  declare private fresh: CreatedWebhook | null;
  /** The webhook whose removal is being asked about. */
  declare private confirmRemove: string;
  /** The last test event of each webhook. */
  declare private results: Record<string, WebhookDelivery>;
  /** The webhook a test event is on its way to. */
  declare private testing: string;
  declare private busy: boolean;
  declare private refreshing: boolean;
  declare private alert: string;
  private timer?: ReturnType<typeof setTimeout>;

  static override styles = [
    shared,
    sectionStyles,
    deliveryLogStyles,
    shownOnceStyles,
    css`
      ul.hooks {
        list-style: none;
        margin: 0 0 16px;
        padding: 0;
        border: 1px solid var(--border);
        border-radius: 12px;
      }
      ul.hooks > li {
        padding: 14px;
      }
      ul.hooks > li + li {
        border-top: 1px solid var(--border);
      }
      .hook {
        display: flex;
        align-items: flex-start;
        justify-content: space-between;
        gap: 8px 12px;
        margin-bottom: 10px;
      }
      .what {
        min-width: 0;
      }
      .what strong {
        display: block;
        font-family: var(--mono);
        font-size: 14px;
        overflow-wrap: anywhere;
      }
      .what span {
        display: block;
        font-size: 13px;
        line-height: 19px;
        margin-top: 2px;
      }
      .what .trouble {
        color: var(--warn-text);
      }
      .badge.warn {
        border-color: var(--warn-border);
        background: var(--warn-bg);
        color: var(--warn-text);
      }
      .result {
        margin: 10px 0 0;
        overflow-wrap: anywhere;
      }
      .confirm {
        margin: 10px 0 0;
      }
      form.add {
        border-top: 1px solid var(--border);
        padding-top: 16px;
        margin-bottom: 8px;
      }
      form.add .field,
      form.add fieldset {
        max-width: 640px;
      }
      .events {
        margin: 0 0 8px 28px;
      }
      .events .choice {
        padding: 8px 12px;
      }
      .events code {
        font-weight: 600;
      }
      @media (max-width: 600px) {
        .hook {
          flex-direction: column-reverse;
        }
        .events {
          margin-inline-start: 0;
        }
      }
    `,
  ];

  constructor() {
    super();
    this.hooks = null;
    this.deliveries = null;
    this.url = '';
    this.urlError = '';
    this.some = false;
    this.chosen = [];
    this.eventsError = '';
    this.fresh = null;
    this.confirmRemove = '';
    this.results = {};
    this.testing = '';
    this.busy = false;
    this.refreshing = false;
    this.alert = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private async load(): Promise<void> {
    try {
      [this.hooks, this.deliveries] = await Promise.all([
        this.api.webhooks(this.site.id),
        this.api.webhookDeliveries(this.site.id, LOG_SIZE),
      ]);
      this.alert = '';
    } catch (err) {
      this.alert = messageOf(err);
    }
  }

  private focusOn(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  /** The URL's problem, or '' (an empty field is a problem only when the form is sent). */
  private checkUrl(sending = false): string {
    clearTimeout(this.timer);
    if (!this.url.trim()) return (this.urlError = sending ? NO_URL : '');
    const check = checkWebhookUrl(this.url);
    return (this.urlError = check.ok ? '' : check.message);
  }

  private onUrlInput(e: Event): void {
    this.url = (e.target as HTMLInputElement).value;
    clearTimeout(this.timer);
    // A problem shown goes as soon as it is fixed; a new one is said after a pause in typing.
    if (this.urlError && checkWebhookUrl(this.url).ok) this.urlError = '';
    this.timer = setTimeout(() => this.checkUrl(), CHECK_PAUSE_MS);
  }

  private toggleEvent(type: TaskEventType, on: boolean): void {
    this.chosen = TASK_EVENT_TYPES.filter((t) => (t === type ? on : this.chosen.includes(t)));
    this.eventsError = '';
  }

  private async add(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const events = this.some ? this.chosen : [];
    this.eventsError = this.some && events.length === 0 ? 'Choose at least one event, or every event.' : '';
    if (this.checkUrl(true) || this.eventsError) {
      this.focusOn(this.urlError ? '#webhook-url' : `#${eventId(TASK_EVENT_TYPES[0])}`);
      return;
    }
    this.busy = true;
    this.alert = '';
    try {
      const created = await this.api.addWebhook(this.site.id, { url: this.url.trim(), events });
      this.hooks = [...(this.hooks ?? []), created.webhook];
      this.fresh = created;
      this.url = '';
      this.some = false;
      this.chosen = [];
      this.say('The webhook is added. Its signing secret is shown once: copy it now.');
      this.focusOn('.fresh h3');
    } catch (err) {
      // What the backend says about the URL (a host that does not resolve, a private address) goes under it.
      if (err instanceof ApiError && err.status === 400) {
        this.urlError = err.message;
        this.focusOn('#webhook-url');
      } else this.alert = messageOf(err);
    } finally {
      this.busy = false;
    }
  }

  private stored(): void {
    const id = this.fresh?.id;
    this.fresh = null;
    this.say('The signing secret is hidden. It is not shown again.');
    this.focusOn(`#test-${id}`);
  }

  private async sendTest(hook: Webhook): Promise<void> {
    if (this.testing) return;
    this.testing = hook.id;
    this.alert = '';
    try {
      const delivery = await this.api.testWebhook(this.site.id, hook.id);
      this.results = { ...this.results, [hook.id]: delivery };
      this.deliveries = [delivery, ...(this.deliveries ?? [])].slice(0, LOG_SIZE);
      this.say(outcome(delivery));
    } catch (err) {
      this.alert = messageOf(err);
    } finally {
      this.testing = '';
    }
  }

  private async enable(hook: Webhook): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.alert = '';
    try {
      const enabled = await this.api.enableWebhook(this.site.id, hook.id);
      this.hooks = (this.hooks ?? []).map((h) => (h.id === hook.id ? enabled : h));
      this.say(`The webhook to ${hook.url} is active again.`);
      this.focusOn(`#test-${hook.id}`);
    } catch (err) {
      this.alert = messageOf(err);
    } finally {
      this.busy = false;
    }
  }

  private askRemove(hook: Webhook): void {
    this.confirmRemove = hook.id;
    this.focusOn('#remove-now');
  }

  private cancelRemove(): void {
    const id = this.confirmRemove;
    this.confirmRemove = '';
    this.focusOn(`#remove-${id}`);
  }

  private async removeHook(hook: Webhook): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.alert = '';
    try {
      await this.api.removeWebhook(this.site.id, hook.id);
      this.hooks = (this.hooks ?? []).filter((h) => h.id !== hook.id);
      // Its log goes with it.
      this.deliveries = (this.deliveries ?? []).filter((d) => d.webhook_id !== hook.id);
      this.confirmRemove = '';
      if (this.fresh?.id === hook.id) this.fresh = null;
      this.say(`The webhook to ${hook.url} is removed.`);
      this.focusOn('#webhook-url');
    } catch (err) {
      this.alert = messageOf(err);
    } finally {
      this.busy = false;
    }
  }

  private async refresh(): Promise<void> {
    if (this.refreshing) return;
    this.refreshing = true;
    await this.load();
    this.refreshing = false;
    if (!this.alert && this.deliveries)
      this.say(`Deliveries refreshed: ${plural(this.deliveries.length, 'attempt', 'attempts')}.`);
  }

  override render() {
    const hooks = this.hooks;
    return html`<section class="card" aria-labelledby="webhooks-title">
      <div class="section-head">
        <h2 id="webhooks-title" tabindex="-1">Webhooks</h2>
        <p>
          Your server hears of every task change of your site's users: one signed POST per event (Standard
          Webhooks), tried again for 24 hours while it fails.
        </p>
      </div>
      ${this.alert ? html`<div class="alert" role="alert">${this.alert}</div>` : ''}
      ${
        hooks === null
          ? this.alert
            ? ''
            : html`<p class="muted" role="status">Loading the webhooks…</p>`
          : hooks.length === 0
            ? html`<p class="notice">No webhooks yet: add your server's URL below.</p>`
            : html`<ul class="hooks" aria-label="Webhooks of ${this.site.name}">
                ${hooks.map((h) => this.renderHook(h))}
              </ul>`
      }
      ${this.fresh ? this.renderFresh(this.fresh) : ''} ${this.renderForm()}
      ${deliveryLog(this.deliveries, this.hooks ?? [], this.refreshing, () => void this.refresh())}
    </section>`;
  }

  private renderHook(h: Webhook) {
    const result = this.results[h.id];
    const testing = this.testing === h.id;
    return html`<li>
      <div class="hook">
        <div class="what">
          <strong>${h.url}</strong>
          <span class="muted"
            >${h.events.length ? h.events.join(', ') : 'Every task event'} · added
            ${dateTime(h.created_at)}</span
          >
          ${
            h.status === 'disabled'
              ? html`<span class="trouble"
                  >Disabled: its deliveries failed for 24 hours. Fix your server, send a test event, then
                  enable it.</span
                >`
              : h.failing_since
                ? html`<span class="trouble"
                    >Failing since ${dateTime(h.failing_since)}: tried again until it has failed 24 hours,
                    then disabled.</span
                  >`
                : ''
          }
        </div>
        ${
          h.status === 'disabled'
            ? html`<span class="badge off">Disabled</span>`
            : h.failing_since
              ? html`<span class="badge warn">Failing</span>`
              : html`<span class="badge">Active</span>`
        }
      </div>
      <div class="actions">
        <button
          type="button"
          id="test-${h.id}"
          aria-label="Send a test event to ${h.url}"
          aria-disabled=${testing ? 'true' : 'false'}
          @click=${() => void this.sendTest(h)}
        >
          ${sendIcon()}${testing ? 'Sending…' : 'Send a test event'}
        </button>
        ${
          h.status === 'disabled'
            ? html`<button
                type="button"
                class="primary"
                id="enable-${h.id}"
                aria-label="Enable the webhook to ${h.url}"
                aria-disabled=${this.busy ? 'true' : 'false'}
                @click=${() => void this.enable(h)}
              >
                Enable
              </button>`
            : ''
        }
        ${
          this.confirmRemove === h.id
            ? ''
            : html`<button
                type="button"
                id="remove-${h.id}"
                aria-label="Remove the webhook to ${h.url}"
                @click=${() => this.askRemove(h)}
              >
                Remove…
              </button>`
        }
      </div>
      ${
        result
          ? html`<p class="result ${delivered(result) ? 'success' : 'alert'}">
              ${delivered(result) ? checkIcon() : ''}${outcome(result)}
            </p>`
          : ''
      }
      ${
        this.confirmRemove === h.id
          ? html`<div class="confirm warning" role="group" aria-labelledby="remove-question">
              <p id="remove-question">
                Remove the webhook to <strong>${h.url}</strong>? Its deliveries stop at once, and its log goes
                with it.
              </p>
              <div class="actions">
                <button
                  type="button"
                  id="remove-now"
                  class="danger"
                  aria-disabled=${this.busy ? 'true' : 'false'}
                  @click=${() => void this.removeHook(h)}
                >
                  Remove the webhook
                </button>
                <button type="button" @click=${this.cancelRemove}>Cancel</button>
              </div>
            </div>`
          : ''
      }
    </li>`;
  }

  private renderFresh(fresh: CreatedWebhook) {
    return shownOnce({
      title: 'The signing secret of your new webhook',
      about: html`Shown this once. Your server checks the <code>webhook-signature</code> header of each
        delivery with it (any Standard Webhooks library does); then send a test event to see it work.`,
      label: 'the webhook signing secret',
      caption: `Signing secret of ${fresh.webhook.url}`,
      secret: fresh.secret,
      stored: () => this.stored(),
    });
  }

  private renderForm() {
    const urlDescribedBy = `webhook-url-hint${this.urlError ? ' webhook-url-error' : ''}`;
    return html`<form class="add" novalidate @submit=${this.add}>
      <h3>Add a webhook</h3>
      <div class="field">
        <label for="webhook-url">Receiver URL</label>
        <input
          id="webhook-url"
          type="url"
          inputmode="url"
          autocomplete="off"
          autocapitalize="none"
          spellcheck="false"
          placeholder="https://shop.example.com/hooks/todo"
          .value=${this.url}
          aria-invalid=${this.urlError ? 'true' : 'false'}
          aria-describedby=${urlDescribedBy}
          @input=${this.onUrlInput}
          @change=${() => this.checkUrl()}
        />
        <span class="hint" id="webhook-url-hint"
          >An endpoint of your server: https (http only to localhost while you develop).</span
        >
        ${this.urlError ? html`<span class="field-error" id="webhook-url-error">${this.urlError}</span>` : ''}
      </div>
      <fieldset aria-describedby=${this.eventsError ? 'events-error' : ''}>
        <legend>Events</legend>
        <div class="choice">
          <input
            type="radio"
            id="events-all"
            name="events-scope"
            .checked=${!this.some}
            aria-describedby="events-all-hint"
            @change=${() => ((this.some = false), (this.eventsError = ''))}
          />
          <div>
            <label for="events-all">Every task event</label>
            <span class="hint" id="events-all-hint"
              >Added, changed, completed, deleted, and reminders due.</span
            >
          </div>
        </div>
        <div class="choice">
          <input
            type="radio"
            id="events-some"
            name="events-scope"
            .checked=${this.some}
            @change=${() => (this.some = true)}
          />
          <div><label for="events-some">Only the events I choose</label></div>
        </div>
        ${
          this.some
            ? html`<div class="events" role="group" aria-label="Events to send">
                ${TASK_EVENT_TYPES.map(
                  (type) =>
                    html`<div class="choice">
                      <input
                        type="checkbox"
                        id=${eventId(type)}
                        .checked=${this.chosen.includes(type)}
                        aria-describedby="${eventId(type)}-hint"
                        @change=${(ev: Event) =>
                          this.toggleEvent(type, (ev.target as HTMLInputElement).checked)}
                      />
                      <div>
                        <label for=${eventId(type)}><code>${type}</code></label>
                        <span class="hint" id="${eventId(type)}-hint">${EVENT_HINTS[type]}</span>
                      </div>
                    </div>`,
                )}
              </div>`
            : ''
        }
        ${this.eventsError ? html`<span class="field-error" id="events-error">${this.eventsError}</span>` : ''}
      </fieldset>
      <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${plusIcon()}Add webhook</button>
    </form>`;
  }
}

if (!customElements.get('console-site-webhooks'))
  customElements.define('console-site-webhooks', WebhooksSection);
