import { css, unsafeCSS } from 'lit';

/** The launcher's colours in the dark palette (the rest of it comes with the panel; see panel.styles.ts). */
const darkLauncher = unsafeCSS(`
  --ta-accent: var(--todo-assistant-accent, #818cf8);
  --ta-accent-fg: var(--todo-assistant-accent-foreground, #0b1020);
  --ta-focus: var(--todo-assistant-focus, #a5b4fc);
`);

/**
 * What the element needs before it is opened: the launcher, and the custom properties that reach every view.
 * The panel's look comes with the panel (panel.styles.ts), so a page pays for the launcher only. Public
 * styling goes through `--todo-assistant-*` custom properties (mapped to the internal `--ta-*` ones) and
 * `::part()`. Sizes are in px: nothing depends on the host page's fonts or root font size.
 */
export const styles = css`
  :host {
    all: initial;
    --ta-accent: var(--todo-assistant-accent, #4338ca);
    --ta-accent-fg: var(--todo-assistant-accent-foreground, #ffffff);
    --ta-focus: var(--todo-assistant-focus, #4338ca);
    --ta-font: var(
      --todo-assistant-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      sans-serif
    );
    --ta-radius: var(--todo-assistant-radius, 16px);
    --ta-radius-sm: var(--todo-assistant-radius-small, 8px);
    --ta-shadow: var(--todo-assistant-shadow, 0 12px 40px rgba(15, 23, 42, 0.22));
    --ta-offset: var(--todo-assistant-offset, 20px);
    display: block;
    font-family: var(--ta-font);
    font-size: var(--todo-assistant-font-size, 14px);
    line-height: 1.45;
    color: var(--todo-assistant-foreground, #1f2937);
  }
  :host([theme='dark']) {
    ${darkLauncher}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkLauncher}
    }
  }
  :host([mode='inline']) {
    height: var(--todo-assistant-height, 100%);
    min-height: 360px;
  }
  [hidden] {
    display: none !important;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  :focus-visible {
    outline: 2px solid var(--ta-focus);
    outline-offset: 2px;
  }
  .launcher {
    position: fixed;
    inset-inline-end: var(--ta-offset);
    bottom: var(--ta-offset);
    z-index: var(--todo-assistant-z-index, 2147483000);
    width: 56px;
    height: 56px;
    border: 0;
    border-radius: 50%;
    background: var(--ta-accent);
    color: var(--ta-accent-fg);
    box-shadow: var(--ta-shadow);
    display: inline-flex;
    align-items: center;
    justify-content: center;
    transition: transform 0.15s ease;
  }
  @media (forced-colors: active) {
    .launcher {
      border: 2px solid ButtonText;
    }
  }
  .launcher:hover {
    transform: scale(1.05);
  }
  .launcher svg {
    width: 26px;
    height: 26px;
  }
  /* New reminders while the panel is closed. */
  .badge {
    position: absolute;
    top: -2px;
    inset-inline-end: -2px;
    min-width: 20px;
    height: 20px;
    padding: 0 5px;
    box-sizing: border-box;
    border-radius: 10px;
    border: 2px solid #ffffff;
    background: var(--todo-assistant-danger, #b42318);
    color: #ffffff;
    font-size: 11px;
    font-weight: 700;
    line-height: 16px;
    text-align: center;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
