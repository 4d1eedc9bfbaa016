/**
 * The usage charts (Chart.js 4, a chunk loaded when the usage section comes into view). Only what they use is
 * registered, so the rest of the library is left out of the build.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Filler,
);

export interface Palette {
  accent: string;
  accentSoft: string;
  danger: string;
  muted: string;
  grid: string;
  surface: string;
  fg: string;
}

export interface Series {
  labels: string[];
  values: number[];
}

export type ChartKind = 'bar' | 'line' | 'hbar';
export type Tone = 'accent' | 'danger';

export interface UsageChart {
  recolor(p: Palette): void;
  destroy(): void;
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** One chart on a canvas; the canvas' accessible name and the table beside it say the same in words. */
export function drawChart(
  canvas: HTMLCanvasElement,
  kind: ChartKind,
  series: Series,
  label: string,
  tone: Tone,
  palette: Palette,
): UsageChart {
  const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const horizontal = kind === 'hbar';
  const colour = (p: Palette) => (tone === 'danger' ? p.danger : p.accent);
  // The axis of the numbers and the axis of the days (or tools).
  const scales = (p: Palette) => {
    const ticks = { color: p.muted, font: { family: FONT, size: 12 } };
    const value = {
      beginAtZero: true,
      grid: { color: p.grid },
      border: { display: false },
      ticks: { ...ticks, precision: 0, maxTicksLimit: 5 },
    };
    const category = {
      grid: { display: false },
      border: { color: p.grid },
      ticks: { ...ticks, maxRotation: 0, autoSkipPadding: 12 },
    };
    return horizontal ? { x: value, y: category } : { x: category, y: value };
  };
  const dataset = (p: Palette) => ({
    backgroundColor: kind === 'line' ? p.accentSoft : colour(p),
    borderColor: colour(p),
    pointBackgroundColor: colour(p),
    hoverBackgroundColor: colour(p),
  });
  const tooltip = (p: Palette) => ({
    displayColors: false,
    backgroundColor: p.fg,
    titleColor: p.surface,
    bodyColor: p.surface,
    titleFont: { family: FONT },
    bodyFont: { family: FONT },
  });
  const config: ChartConfiguration<'bar' | 'line'> = {
    type: kind === 'line' ? 'line' : 'bar',
    data: {
      labels: series.labels,
      datasets: [
        {
          label,
          data: series.values,
          borderWidth: kind === 'line' ? 2 : 0,
          borderRadius: kind === 'line' ? 0 : 3,
          pointRadius: 0,
          pointHoverRadius: 4,
          // Smooth, but never above the highest day nor below zero.
          cubicInterpolationMode: 'monotone',
          fill: kind === 'line',
          maxBarThickness: horizontal ? 22 : 18,
          ...dataset(palette),
        },
      ],
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: reduced ? false : { duration: 300 },
      interaction: { mode: 'index', intersect: false },
      plugins: { legend: { display: false }, tooltip: tooltip(palette) },
      scales: scales(palette),
    },
  };
  const chart = new Chart(canvas, config);
  return {
    // Light or dark changed: the same chart in the other colours, without animating.
    recolor: (p: Palette) => {
      Object.assign(chart.data.datasets[0], dataset(p));
      chart.options.scales = scales(p);
      if (chart.options.plugins) chart.options.plugins.tooltip = tooltip(p);
      chart.update('none');
    },
    destroy: () => chart.destroy(),
  };
}
