import { html, svg } from 'lit';
import { count } from '../format.js';

/**
 * A site's turns per day as a small line (inline SVG): an image whose name says what it shows, total and peak.
 */
export function sparkline(values: number[], days: number) {
  const total = values.reduce((a, b) => a + b, 0);
  const label = `Turns in the last ${days} days: ${count(total)} in all${
    total ? `, at most ${count(Math.max(...values))} in a day` : ''
  }.`;
  const w = 112;
  const h = 32;
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? w / (values.length - 1) : w;
  const points = values.map((v, i) => [i * step, h - 3 - (v / max) * (h - 6)] as const);
  const line = points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
  const area = `0,${h} ${line} ${w},${h}`;
  const last = points[points.length - 1];
  return html`<span class="spark" role="img" aria-label=${label}>
    <svg viewBox="-3 0 ${w + 6} ${h}" width=${w + 6} height=${h} aria-hidden="true" focusable="false">
      ${
        points.length > 1
          ? svg`<polygon class="area" points="${area}"></polygon><polyline class="line" points="${line}"></polyline>`
          : null
      }
      ${last ? svg`<circle class="dot" cx="${last[0]}" cy="${last[1]}" r="2.5"></circle>` : null}
    </svg>
    <span class="total" aria-hidden="true">${count(total)}</span>
  </span>`;
}
