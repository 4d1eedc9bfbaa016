import { css } from 'lit';

/**
 * Buttons, fields and helpers shared by the panel's views (sign-in, chat). Colours and sizes come from the
 * `--ta-*` properties the element defines from its `--todo-assistant-*` custom properties.
 */
export const controlStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: var(--ta-fg);
    font: inherit;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button,
  input,
  textarea {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
  }
  button {
    cursor: pointer;
    border-radius: var(--ta-radius-sm);
    border: 1px solid var(--ta-border);
    background: var(--ta-bg);
    padding: 6px 12px;
    line-height: calc(20px * var(--ta-line-scale, 1));
  }
  button:hover:not(:disabled) {
    background: var(--ta-surface);
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: default;
    opacity: 0.55;
  }
  button.primary {
    background: var(--ta-accent);
    border-color: var(--ta-accent);
    color: var(--ta-accent-fg);
  }
  button.primary:hover:not(:disabled) {
    background: var(--ta-accent);
    filter: brightness(1.1);
  }
  button.ghost {
    border-color: transparent;
    background: transparent;
  }
  button.danger {
    color: var(--ta-danger);
  }
  button.link {
    border: 0;
    background: none;
    padding: 0;
    color: var(--ta-accent-text);
    text-decoration: underline;
  }
  :focus-visible {
    outline: 2px solid var(--ta-focus);
    outline-offset: 2px;
  }
  input,
  textarea {
    width: 100%;
    border: 1px solid var(--ta-border-strong);
    border-radius: var(--ta-radius-sm);
    background: var(--ta-bg);
    padding: 8px 10px;
    line-height: calc(20px * var(--ta-line-scale, 1));
  }
  input:focus-visible,
  textarea:focus-visible {
    outline-offset: 0;
  }
  /* Phones zoom the page into a focused field whose text is under 16 px (iOS Safari). */
  @media (max-width: 520px) {
    input,
    textarea {
      font-size: 16px;
    }
  }
  label {
    display: block;
    font-weight: 600;
    margin: 0 0 4px;
  }
  .alert {
    border-radius: var(--ta-radius-sm);
    padding: 8px 10px;
    background: var(--ta-danger-bg);
    color: var(--ta-danger-text);
    border: 1px solid var(--ta-danger-border);
  }
  .muted {
    color: var(--ta-muted);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  svg.icon {
    width: 16px;
    height: 16px;
    flex: none;
    vertical-align: -3px;
  }
`;
