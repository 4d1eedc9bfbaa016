import { svg, type SVGTemplateResult } from 'lit';

/** Stroke icons (24×24), decorative: the control they sit in carries the words. */
const icon = (paths: SVGTemplateResult) =>
  svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${paths}</svg>`;

export const logoIcon = () =>
  icon(
    svg`<path d="M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.9A8 8 0 1 1 21 12Z"/><path d="M8.5 10.5h7M8.5 14h4.5"/>`,
  );
export const copyIcon = () =>
  icon(svg`<rect x="9" y="9" width="11" height="11" rx="2"/><path d="M5 15V5a2 2 0 0 1 2-2h10"/>`);
export const checkIcon = () => icon(svg`<path d="m5 12.5 4.5 4.5L19 7.5"/>`);
export const plusIcon = () => icon(svg`<path d="M12 5v14M5 12h14"/>`);
export const trashIcon = () =>
  icon(svg`<path d="M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3"/>`);
export const backIcon = () => icon(svg`<path d="M15 18l-6-6 6-6"/>`);
export const keyIcon = () =>
  icon(svg`<circle cx="8" cy="15" r="4"/><path d="m10.8 12.2 8.7-8.7M17 6l2.5 2.5M14.5 8.5 17 11"/>`);
export const signOutIcon = () =>
  icon(svg`<path d="M9 4H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h3M16 17l5-5-5-5M21 12H9"/>`);
export const globeIcon = () =>
  icon(svg`<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18"/>`);
export const appIcon = () =>
  icon(svg`<rect x="4" y="4" width="16" height="16" rx="3"/><path d="M9 12h6M12 9v6"/>`);
export const sendIcon = () => icon(svg`<path d="M21 3 10 14M21 3l-7 18-4-7-7-4 18-7Z"/>`);
export const refreshIcon = () =>
  icon(svg`<path d="M20 11a8 8 0 0 0-14.6-4.5L4 8M4 4v4h4M4 13a8 8 0 0 0 14.6 4.5L20 16M20 20v-4h-4"/>`);
