import { css, html } from 'lit';
import type { Webhook, WebhookDelivery } from '../api/types.js';
import { count, moment } from '../format.js';
import { refreshIcon } from '../ui/icons.js';

/** Attempts the log shows. */
export const LOG_SIZE = 50;

/** A delivery the receiver took (a 2xx). */
export const delivered = (d: WebhookDelivery) => d.error === null;

/**
 * The delivery log of a site's webhooks: every attempt, newest first, as a table (time, event, the webhook when
 * there are several, HTTP status or what went wrong, attempt, duration) that scrolls inside its own box on a
 * phone, with a Refresh button. Styles: `deliveryLogStyles`, beside the section's.
 */
export function deliveryLog(
  log: WebhookDelivery[] | null,
  hooks: Webhook[],
  refreshing: boolean,
  refresh: () => void,
) {
  const urls = new Map(hooks.map((h) => [h.id, h.url]));
  const several = new Set(log?.map((d) => d.webhook_id)).size > 1;
  return html`<div class="log">
    <div class="log-head">
      <h3 id="log-title">Deliveries</h3>
      <button type="button" id="refresh" aria-disabled=${refreshing ? 'true' : 'false'} @click=${refresh}>
        ${refreshIcon()}Refresh
      </button>
    </div>
    <p class="muted">
      The last ${LOG_SIZE} attempts, newest first. A failed delivery is tried again with the same
      <code>webhook-id</code>.
    </p>
    ${
      log === null
        ? ''
        : log.length === 0
          ? html`<p class="notice">No deliveries yet. Send a test event to see one here.</p>`
          : html`<div class="table-wrap" tabindex="0" role="group" aria-labelledby="log-title">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Event</th>
                    ${several ? html`<th scope="col">Webhook</th>` : ''}
                    <th scope="col">Result</th>
                    <th scope="col" class="num">Attempt</th>
                    <th scope="col" class="num">Duration</th>
                  </tr>
                </thead>
                <tbody>
                  ${log.map(
                    (d) =>
                      html`<tr>
                        <td class="time">${moment(d.at)}</td>
                        <td><code>${d.event_type}</code></td>
                        ${several ? html`<td>${urls.get(d.webhook_id) ?? d.webhook_id}</td>` : ''}
                        <td class="result">
                          <span class="badge ${delivered(d) ? '' : 'fail'}"
                            >${d.status === null ? 'No answer' : `HTTP ${d.status}`}</span
                          >
                          ${d.status === null && d.error ? html`<span class="why">${d.error}</span>` : ''}
                        </td>
                        <td class="num">${d.attempt}</td>
                        <td class="num">${count(d.duration_ms)} ms</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
    }
  </div>`;
}

export const deliveryLogStyles = css`
  .badge.fail {
    border-color: var(--danger-border);
    background: var(--danger-bg);
    color: var(--danger-text);
  }
  .log {
    border-top: 1px solid var(--border);
    padding-top: 16px;
    margin-top: 8px;
  }
  .log-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px 12px;
    margin-bottom: 4px;
  }
  .log-head h3 {
    margin: 0;
  }
  .table-wrap {
    /* Its width is the section's, not the table's: a wide log scrolls here, never the page. */
    contain: inline-size;
    overflow-x: auto;
    border: 1px solid var(--border);
    border-radius: 12px;
  }
  td,
  th {
    white-space: nowrap;
    vertical-align: top;
  }
  tbody tr:last-child > * {
    border-bottom: 0;
  }
  td.result .why {
    display: block;
    white-space: normal;
    min-width: 160px;
    max-width: 320px;
    overflow-wrap: anywhere;
    color: var(--muted);
    font-size: 13px;
    margin-top: 2px;
  }
  td code {
    font-size: 13px;
  }
  @media (max-width: 600px) {
    /* On a phone the time takes two lines, so the result is in sight before any scrolling. */
    td.time {
      white-space: normal;
      min-width: 92px;
    }
  }
`;
