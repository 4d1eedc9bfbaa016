import { css, html, type PropertyValues } from 'lit';
import type { UsageReport } from '../api/types.js';
import type { ChartKind, Palette, Series, Tone, UsageChart } from '../charts/usage-charts.js';
import { count, day, plural } from '../format.js';
import { shared } from '../ui/shared.styles.js';
import { messageOf, SiteSection } from './section-base.js';
import { sectionStyles } from './section.styles.js';

const DAYS = 30;
const loadCharts = () => import('../charts/usage-charts.js');

interface ChartSpec {
  id: string;
  title: string;
  kind: ChartKind;
  tone: Tone;
  /** Column headings of the table alternative. */
  columns: [string, string];
  series: Series;
  /** The chart in one sentence: the canvas' accessible name. */
  summary: string;
  empty?: string;
}

function specs(r: UsageReport): ChartSpec[] {
  const days = r.days.map((d) => day(d.day));
  const peak = (values: number[]) => Math.max(0, ...values);
  const turns = r.days.map((d) => d.turns);
  const users = r.days.map((d) => d.active_users);
  const errors = r.days.map((d) => d.errors);
  const tools = Object.entries(r.totals.tool_calls).sort((a, b) => b[1] - a[1]);
  return [
    {
      id: 'turns',
      title: 'Turns per day',
      kind: 'bar',
      tone: 'accent',
      columns: ['Day', 'Turns'],
      series: { labels: days, values: turns },
      summary: `Turns per day over ${DAYS} days: ${count(r.totals.turns)} in all, at most ${count(peak(turns))} in a day.`,
    },
    {
      id: 'users',
      title: 'Active users per day',
      kind: 'line',
      tone: 'accent',
      columns: ['Day', 'Active users'],
      series: { labels: days, values: users },
      summary: `Active users per day over ${DAYS} days: at most ${count(peak(users))} in a day, ${count(r.totals.active_users)} different users in all.`,
    },
    {
      id: 'tools',
      title: 'Tool calls by tool',
      kind: 'hbar',
      tone: 'accent',
      columns: ['Tool', 'Calls'],
      series: { labels: tools.map(([name]) => name), values: tools.map(([, n]) => n) },
      summary: tools.length
        ? `Tool calls over ${DAYS} days: ${tools.map(([name, n]) => `${name} ${count(n)}`).join(', ')}.`
        : `No tool calls in ${DAYS} days.`,
      empty: tools.length ? undefined : 'No tool calls yet.',
    },
    {
      id: 'errors',
      title: 'Errors per day',
      kind: 'bar',
      tone: 'danger',
      columns: ['Day', 'Errors'],
      series: { labels: days, values: errors },
      summary: `Failed turns per day over ${DAYS} days: ${count(r.totals.errors)} in all.`,
    },
  ];
}

/** The site's use over 30 days: totals, and four charts (each with a table of the same numbers). */
export class UsageSection extends SiteSection {
  static override properties = {
    ...SiteSection.properties,
    report: { state: true },
    alert: { state: true },
    visible: { state: true },
    chartsFailed: { state: true },
  };
  declare private report: UsageReport | null;
  declare private alert: string;
  declare private visible: boolean;
  declare private chartsFailed: boolean;
  private charts: UsageChart[] = [];
  private observer?: IntersectionObserver;
  private readonly scheme = matchMedia('(prefers-color-scheme: dark)');

  static override styles = [
    shared,
    sectionStyles,
    css`
      .totals {
        display: grid;
        grid-template-columns: repeat(4, minmax(0, 1fr));
        gap: 12px;
        margin: 0 0 18px;
      }
      .total {
        border: 1px solid var(--border);
        border-radius: 12px;
        padding: 12px 14px;
        background: var(--surface);
        margin: 0;
      }
      .total dt {
        font-size: 13px;
        color: var(--muted);
      }
      .total dd {
        margin: 2px 0 0;
        font-size: 24px;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 16px;
      }
      figure {
        margin: 0;
        border: 1px solid var(--border);
        border-radius: 12px;
        padding: 14px 14px 10px;
        min-width: 0;
      }
      figcaption {
        font-weight: 650;
        margin-bottom: 8px;
      }
      .chart {
        position: relative;
        height: 180px;
      }
      .chart .empty {
        height: 100%;
        display: grid;
        place-items: center;
        color: var(--muted);
      }
      figure details {
        margin: 8px 0 0;
        padding-top: 8px;
      }
      figure summary {
        font-size: 13px;
        font-weight: 600;
        color: var(--accent-text);
      }
      .table-wrap {
        max-height: 240px;
        overflow: auto;
      }
      @media (max-width: 900px) {
        .grid {
          grid-template-columns: minmax(0, 1fr);
        }
        .totals {
          grid-template-columns: repeat(2, minmax(0, 1fr));
        }
      }
    `,
  ];

  constructor() {
    super();
    this.report = null;
    this.alert = '';
    this.visible = false;
    this.chartsFailed = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    // The chart library loads when the section is about to be seen.
    this.observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this.visible = true;
          this.observer?.disconnect();
        }
      },
      { rootMargin: '200px' },
    );
    this.observer.observe(this);
    this.scheme.addEventListener('change', this.onScheme);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.scheme.removeEventListener('change', this.onScheme);
    this.destroyCharts();
  }

  private async load(): Promise<void> {
    try {
      this.report = await this.api.usage(this.site.id, DAYS);
    } catch (err) {
      this.alert = messageOf(err);
    }
  }

  private readonly onScheme = () => {
    const p = this.palette();
    for (const c of this.charts) c.recolor(p);
  };

  private palette(): Palette {
    const s = getComputedStyle(this);
    const v = (name: string) => s.getPropertyValue(name).trim();
    return {
      accent: v('--accent'),
      accentSoft: v('--accent-soft'),
      danger: v('--danger'),
      muted: v('--muted'),
      grid: v('--border'),
      surface: v('--bg'),
      fg: v('--fg'),
    };
  }

  private destroyCharts(): void {
    for (const c of this.charts) c.destroy();
    this.charts = [];
  }

  protected override updated(changed: PropertyValues): void {
    if ((changed.has('report') || changed.has('visible')) && this.report && this.visible) void this.draw();
  }

  private async draw(): Promise<void> {
    let m: Awaited<ReturnType<typeof loadCharts>>;
    try {
      m = await loadCharts();
    } catch {
      this.chartsFailed = true;
      return;
    }
    if (!this.report) return;
    this.destroyCharts();
    const palette = this.palette();
    for (const spec of specs(this.report)) {
      const canvas = this.renderRoot.querySelector<HTMLCanvasElement>(`#chart-${spec.id}`);
      if (canvas)
        this.charts.push(m.drawChart(canvas, spec.kind, spec.series, spec.columns[1], spec.tone, palette));
    }
  }

  override render() {
    const r = this.report;
    return html`<section class="card" aria-labelledby="usage-title">
      <div class="section-head">
        <h2 id="usage-title" tabindex="-1">Usage</h2>
        <p>The last ${DAYS} days (UTC).</p>
      </div>
      ${this.alert ? html`<div class="alert" role="alert">${this.alert}</div>` : ''}
      ${
        !r
          ? this.alert
            ? ''
            : html`<p class="muted" role="status">Loading the usage…</p>`
          : html`<dl class="totals">
                <div class="total">
                  <dt>Turns</dt>
                  <dd>${count(r.totals.turns)}</dd>
                </div>
                <div class="total">
                  <dt>Active users</dt>
                  <dd>${count(r.totals.active_users)}</dd>
                </div>
                <div class="total">
                  <dt>Tool calls</dt>
                  <dd>${count(Object.values(r.totals.tool_calls).reduce((a, b) => a + b, 0))}</dd>
                </div>
                <div class="total">
                  <dt>Errors</dt>
                  <dd>${count(r.totals.errors)}</dd>
                </div>
              </dl>
              ${
                r.totals.turns === 0
                  ? html`<p class="notice">
                      No turns yet: the charts fill in as visitors talk to the assistant.
                    </p>`
                  : ''
              }
              ${
                this.chartsFailed
                  ? html`<p class="alert" role="alert">
                      The charts could not load: the tables below have the numbers.
                    </p>`
                  : ''
              }
              <div class="grid">${specs(r).map((s) => this.renderChart(s))}</div>`
      }
    </section>`;
  }

  private renderChart(s: ChartSpec) {
    const rows = s.series.labels.map((label, i) => [label, s.series.values[i]] as const);
    return html`<figure aria-labelledby="title-${s.id}">
      <figcaption id="title-${s.id}">${s.title}</figcaption>
      <div class="chart">
        ${
          s.empty
            ? html`<p class="empty">${s.empty}</p>`
            : html`<canvas id="chart-${s.id}" role="img" aria-label=${s.summary}></canvas>`
        }
      </div>
      <details>
        <summary>
          ${s.title} as a table<span class="sr-only"> (${plural(rows.length, 'row', 'rows')})</span>
        </summary>
        <div class="table-wrap" tabindex="0" role="group" aria-label="${s.title}, table">
          <table>
            <thead>
              <tr>
                <th scope="col">${s.columns[0]}</th>
                <th scope="col" class="num">${s.columns[1]}</th>
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                ([label, value]) =>
                  html`<tr>
                    <th scope="row">${label}</th>
                    <td class="num">${count(value)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </details>
    </figure>`;
  }
}

if (!customElements.get('console-site-usage')) customElements.define('console-site-usage', UsageSection);
