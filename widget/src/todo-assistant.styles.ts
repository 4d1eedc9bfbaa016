import { css, unsafeCSS } from 'lit';

/**
 * The element's own look. Public styling goes through `--todo-assistant-*` custom properties (mapped here to the
 * internal `--ta-*` ones every view uses) and `::part()`. Sizes are in px: nothing depends on the host page's
 * fonts or root font size.
 */
/**
 * The dark palette, for `theme="dark"` and for `theme="auto"` on a dark system. A declaration list is no
 * stylesheet (the build's CSS minifier cannot parse one alone), hence a constant string rather than css``.
 */
const dark = unsafeCSS(`
    --ta-accent: var(--todo-assistant-accent, #818cf8);
    --ta-accent-fg: var(--todo-assistant-accent-foreground, #0b1020);
    --ta-accent-text: var(--todo-assistant-accent-text, #a5b4fc);
    --ta-bg: var(--todo-assistant-background, #151924);
    --ta-fg: var(--todo-assistant-foreground, #e6e9ef);
    --ta-muted: var(--todo-assistant-muted, #a1a9b8);
    --ta-surface: var(--todo-assistant-surface, #222838);
    --ta-code-bg: var(--todo-assistant-code-background, #2b3244);
    --ta-border: var(--todo-assistant-border, #2c3345);
    --ta-border-strong: var(--todo-assistant-border-strong, #4a5369);
    --ta-focus: var(--todo-assistant-focus, #a5b4fc);
    --ta-success: var(--todo-assistant-success, #6ee7a0);
    --ta-success-bg: #143324;
    --ta-danger: var(--todo-assistant-danger, #ff8a80);
    --ta-danger-bg: #3a1a1a;
    --ta-danger-border: #6b2b2b;
    --ta-danger-text: #ffd2cc;
    --ta-warning: #f5c26b;
`);

export const styles = css`
  :host {
    all: initial;
    --ta-accent: var(--todo-assistant-accent, #4338ca);
    --ta-accent-fg: var(--todo-assistant-accent-foreground, #ffffff);
    --ta-accent-text: var(--todo-assistant-accent-text, #4338ca);
    --ta-bg: var(--todo-assistant-background, #ffffff);
    --ta-fg: var(--todo-assistant-foreground, #1f2937);
    --ta-muted: var(--todo-assistant-muted, #5b6474);
    --ta-surface: var(--todo-assistant-surface, #f1f3f7);
    --ta-code-bg: var(--todo-assistant-code-background, #e9ecf2);
    --ta-border: var(--todo-assistant-border, #e3e6ec);
    --ta-border-strong: var(--todo-assistant-border-strong, #b9bfca);
    --ta-focus: var(--todo-assistant-focus, #4338ca);
    --ta-success: var(--todo-assistant-success, #12703a);
    --ta-success-bg: #e3f6ea;
    --ta-danger: var(--todo-assistant-danger, #b42318);
    --ta-danger-bg: #fdecea;
    --ta-danger-border: #f5c2bd;
    --ta-danger-text: #7a1a12;
    --ta-warning: #8a5a00;
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
    --ta-font-mono: var(
      --todo-assistant-font-family-mono,
      ui-monospace,
      'SFMono-Regular',
      Menlo,
      Consolas,
      monospace
    );
    --ta-radius: var(--todo-assistant-radius, 16px);
    --ta-radius-sm: var(--todo-assistant-radius-small, 8px);
    --ta-shadow: var(--todo-assistant-shadow, 0 12px 40px rgba(15, 23, 42, 0.22));
    --ta-offset: var(--todo-assistant-offset, 20px);
    display: block;
    font-family: var(--ta-font);
    font-size: var(--todo-assistant-font-size, 14px);
    line-height: 1.45;
    color: var(--ta-fg);
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
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
  .launcher:hover {
    transform: scale(1.05);
  }
  .launcher svg {
    width: 26px;
    height: 26px;
  }
  .panel {
    display: flex;
    flex-direction: column;
    background: var(--ta-bg);
    color: var(--ta-fg);
    overflow: hidden;
    box-sizing: border-box;
  }
  :host([mode='launcher']) .panel,
  :host(:not([mode])) .panel {
    position: fixed;
    inset-inline-end: var(--ta-offset);
    bottom: calc(var(--ta-offset) + 68px);
    z-index: var(--todo-assistant-z-index, 2147483000);
    width: var(--todo-assistant-width, 384px);
    height: var(--todo-assistant-height, 600px);
    max-height: calc(100vh - var(--ta-offset) - 88px);
    border-radius: var(--ta-radius);
    border: 1px solid var(--ta-border);
    box-shadow: var(--ta-shadow);
  }
  :host([mode='inline']) .panel {
    height: 100%;
    border: 1px solid var(--ta-border);
    border-radius: var(--ta-radius);
  }
  @media (max-width: 520px) {
    :host([mode='launcher']) .panel,
    :host(:not([mode])) .panel {
      inset: 0;
      width: auto;
      height: auto;
      max-height: none;
      border-radius: 0;
      border: 0;
    }
  }
  header {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 10px 10px 10px 16px;
    background: var(--ta-accent);
    color: var(--ta-accent-fg);
  }
  header h2 {
    flex: 1;
    margin: 0;
    font-size: 15px;
    font-weight: 600;
    line-height: 22px;
  }
  header button {
    border: 0;
    background: transparent;
    border-radius: 8px;
    padding: 6px;
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  header button:hover {
    background: rgba(255, 255, 255, 0.16);
  }
  header :focus-visible {
    outline-color: var(--ta-accent-fg);
  }
  header svg {
    width: 18px;
    height: 18px;
  }
  .body {
    flex: 1;
    min-height: 0;
    display: flex;
    flex-direction: column;
  }
  .body > * {
    flex: 1;
    min-height: 0;
  }
  openai-chatkit {
    display: block;
    width: 100%;
    height: 100%;
  }
  .state {
    padding: 24px 20px;
    text-align: center;
    color: var(--ta-muted);
  }
  .state.error {
    color: var(--ta-fg);
  }
  .state button {
    margin-top: 12px;
    border: 1px solid var(--ta-border-strong);
    border-radius: 8px;
    background: var(--ta-bg);
    padding: 6px 14px;
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
