import { css, unsafeCSS } from 'lit';

/**
 * The dark palette (but the launcher's colours, in todo-assistant.styles.ts), for `theme="dark"` and for `theme="auto"` on a dark system. A declaration list is no
 * stylesheet (the build's CSS minifier cannot parse one alone), hence a constant string rather than css``.
 */
const dark = unsafeCSS(`
    --ta-accent-text: var(--todo-assistant-accent-text, #a5b4fc);
    --ta-bg: var(--todo-assistant-background, #151924);
    --ta-fg: var(--todo-assistant-foreground, #e6e9ef);
    --ta-muted: var(--todo-assistant-muted, #a1a9b8);
    --ta-surface: var(--todo-assistant-surface, #222838);
    --ta-code-bg: var(--todo-assistant-code-background, #2b3244);
    --ta-border: var(--todo-assistant-border, #2c3345);
    --ta-border-strong: var(--todo-assistant-border-strong, #4a5369);
    --ta-success: var(--todo-assistant-success, #6ee7a0);
    --ta-success-bg: #143324;
    --ta-danger: var(--todo-assistant-danger, #ff8a80);
    --ta-danger-bg: #3a1a1a;
    --ta-danger-border: #6b2b2b;
    --ta-danger-text: #ffd2cc;
    --ta-warning: #f5c26b;
`);

/** The panel: its palette (light and dark), frame, header and body. Adopted when the assistant first opens. */
export const panelStyles = css`
  :host {
    --ta-accent-text: var(--todo-assistant-accent-text, #4338ca);
    --ta-bg: var(--todo-assistant-background, #ffffff);
    --ta-fg: var(--todo-assistant-foreground, #1f2937);
    --ta-muted: var(--todo-assistant-muted, #5b6474);
    --ta-surface: var(--todo-assistant-surface, #f1f3f7);
    --ta-code-bg: var(--todo-assistant-code-background, #e9ecf2);
    --ta-border: var(--todo-assistant-border, #e3e6ec);
    --ta-border-strong: var(--todo-assistant-border-strong, #b9bfca);
    --ta-success: var(--todo-assistant-success, #12703a);
    --ta-success-bg: #e3f6ea;
    --ta-danger: var(--todo-assistant-danger, #b42318);
    --ta-danger-bg: #fdecea;
    --ta-danger-border: #f5c2bd;
    --ta-danger-text: #7a1a12;
    --ta-warning: #8a5a00;
    --ta-font-mono: var(
      --todo-assistant-font-family-mono,
      ui-monospace,
      'SFMono-Regular',
      Menlo,
      Consolas,
      monospace
    );
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
  }
  .panel {
    display: flex;
    flex-direction: column;
    background: var(--ta-bg);
    color: var(--ta-fg);
    overflow: hidden;
    box-sizing: border-box;
    /* Every line height in the panel is scaled by --ta-line-scale: scripts with tall letters need more room. */
    line-height: calc(1.45 * var(--ta-line-scale, 1));
  }
  /*
   * Urdu in Nastaliq (the way it is read), Arabic in Naskh, from fonts already on the visitor's system (none is
   * downloaded); Latin words inside fall through to the system fonts after them. Nastaliq's letters climb and
   * descend far (its glyphs take about 2.35 em): lines get that much height, and its text a little more size.
   */
  .panel:lang(ur) {
    --ta-line-scale: 1.62;
    font-family: var(
      --todo-assistant-font-family,
      'Noto Nastaliq Urdu',
      'Jameel Noori Nastaleeq',
      'Urdu Typesetting',
      'Alvi Nastaleeq',
      'Noto Naskh Arabic',
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      Arial,
      sans-serif
    );
    font-size: calc(var(--todo-assistant-font-size, 14px) + 1px);
  }
  .panel:lang(ar) {
    --ta-line-scale: 1.2;
    font-family: var(
      --todo-assistant-font-family,
      'Noto Naskh Arabic',
      'Noto Sans Arabic',
      'Geeza Pro',
      'Segoe UI',
      Tahoma,
      system-ui,
      Arial,
      sans-serif
    );
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
  /* Narrow screens, and short ones (a phone held sideways, a page zoomed to 200 %): the panel takes it all. */
  @media (max-width: 520px), (max-height: 560px) {
    :host([mode='launcher']) .panel,
    :host(:not([mode])) .panel {
      inset: 0;
      width: auto;
      height: auto;
      max-height: none;
      border-radius: 0;
      border: 0;
    }
    /* The panel fills the screen and has its own Close: the launcher would cover the Send button. */
    :host([open]:not([mode='inline'])) .launcher {
      display: none;
    }
  }
  .header {
    display: flex;
    align-items: center;
    gap: 8px;
    padding-block: 10px;
    padding-inline: 16px 10px;
    background: var(--ta-accent);
    color: var(--ta-accent-fg);
  }
  .header h2 {
    flex: 1;
    margin: 0;
    font-size: 15px;
    font-weight: 600;
    line-height: calc(22px * var(--ta-line-scale, 1));
  }
  .header button {
    border: 0;
    background: transparent;
    border-radius: 8px;
    padding: 6px;
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .header button:hover {
    background: rgba(255, 255, 255, 0.16);
  }
  .header :focus-visible {
    outline-color: var(--ta-accent-fg);
  }
  .header svg {
    width: 18px;
    height: 18px;
  }
  /* Icons that point somewhere point the other way in right-to-left text (the others stay as drawn). */
  .header[dir='rtl'] .sign-out svg {
    transform: scaleX(-1);
  }
  /* A guest's quiet way to an account, between the header and the conversation. */
  .offer {
    padding: 6px 16px;
    border-bottom: 1px solid var(--ta-border);
    font-size: 13px;
    line-height: calc(18px * var(--ta-line-scale, 1));
    text-align: center;
    color: var(--ta-muted);
  }
  .offer button {
    border: 0;
    background: none;
    padding: 0;
    font: inherit;
    color: var(--ta-accent-text);
    text-decoration: underline;
    cursor: pointer;
  }
  /* Reminders that came while the page was open, between the header and the conversation. */
  .reminders {
    padding-block: 6px 8px;
    padding-inline: 16px 10px;
    border-bottom: 1px solid var(--ta-border);
    background: var(--ta-surface);
    font-size: 13px;
    line-height: calc(18px * var(--ta-line-scale, 1));
  }
  .reminders ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .reminders li {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  .reminders li > span {
    flex: 1;
    font-weight: 500;
  }
  .reminders svg {
    width: 16px;
    height: 16px;
    flex: none;
  }
  .reminders li > svg {
    color: var(--ta-accent-text);
  }
  .reminders li button {
    border: 0;
    background: transparent;
    border-radius: 6px;
    padding: 4px;
    display: inline-flex;
    color: var(--ta-muted);
  }
  .reminders li button:hover {
    background: var(--ta-border);
  }
  .reminders p {
    margin: 2px 0 0;
    margin-inline-start: 24px;
    color: var(--ta-muted);
  }
  .reminders .link {
    margin: 2px 0 0;
    margin-inline-start: 24px;
    border: 0;
    background: none;
    padding: 0;
    font: inherit;
    color: var(--ta-accent-text);
    text-decoration: underline;
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
`;
