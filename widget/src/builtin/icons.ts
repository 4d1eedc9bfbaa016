import { svg, type SVGTemplateResult } from 'lit';
import { svgIcon } from '../svg-icon.js';

/**
 * The icons the built-in renderer draws: the ChatKit icon names our server's widgets and tool progress use, and
 * the renderer's own controls. Stroke paths on a 24×24 grid; unknown names fall back to a dot.
 */
const PATHS: Record<string, SVGTemplateResult> = {
  check: svg`<path d="M20 6 9 17l-5-5"/>`,
  'check-circle': svg`<circle cx="12" cy="12" r="9"/><path d="m8.5 12 2.5 2.5 4.5-5"/>`,
  'check-circle-filled': svg`<circle cx="12" cy="12" r="9" fill="currentColor"/><path d="m8.5 12 2.5 2.5 4.5-5" stroke="var(--ta-bg)"/>`,
  'empty-circle': svg`<circle cx="12" cy="12" r="9"/>`,
  reload: svg`<path d="M3 12a9 9 0 0 1 15.5-6.2L21 8M21 3v5h-5M21 12a9 9 0 0 1-15.5 6.2L3 16M3 21v-5h5"/>`,
  plus: svg`<path d="M12 5v14M5 12h14"/>`,
  search: svg`<circle cx="11" cy="11" r="7"/><path d="m20 20-3.5-3.5"/>`,
  write: svg`<path d="M12 20h9M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4Z"/>`,
  notebook: svg`<path d="M4 4h13a3 3 0 0 1 3 3v13H7a3 3 0 0 1-3-3Z"/><path d="M8 8h8M8 12h6"/>`,
  info: svg`<circle cx="12" cy="12" r="9"/><path d="M12 16v-4M12 8h.01"/>`,
  bolt: svg`<path d="M13 2 3 14h9l-1 8 10-12h-9Z"/>`,
  calendar: svg`<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4"/>`,
  clock: svg`<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>`,
  send: svg`<path d="M12 19V5M5 12l7-7 7 7"/>`,
  mic: svg`<rect x="9" y="2" width="6" height="12" rx="3"/><path d="M19 10v1a7 7 0 0 1-14 0v-1M12 18v4"/>`,
  stop: svg`<rect x="6" y="6" width="12" height="12" rx="2" fill="currentColor"/>`,
  trash: svg`<path d="M3 6h18M8 6V4h8v2M6 6l1 14h10l1-14"/>`,
  back: svg`<path d="m15 18-6-6 6-6"/>`,
  alert: svg`<path d="M12 3 2 20h20Z"/><path d="M12 10v4M12 17h.01"/>`,
  dot: svg`<circle cx="12" cy="12" r="3" fill="currentColor"/>`,
};

export function icon(name: string | undefined, label?: string) {
  return svgIcon(PATHS[name ?? ''] ?? PATHS.dot, label);
}
