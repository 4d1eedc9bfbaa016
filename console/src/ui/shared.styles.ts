import { css } from 'lit';

/**
 * What every screen of the console shares: type, controls (the widget's and the sign-in page's), cards, alerts,
 * code. Colours come from the page's custom properties (page.css), light or dark.
 */
export const shared = css`
  :host {
    display: block;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  h1 {
    font-size: 26px;
    line-height: 34px;
    font-weight: 700;
    letter-spacing: -0.015em;
    margin: 0;
    overflow-wrap: anywhere;
  }
  h2 {
    font-size: 18px;
    line-height: 26px;
    font-weight: 650;
    margin: 0 0 4px;
  }
  h3 {
    font-size: 15px;
    line-height: 22px;
    font-weight: 650;
    margin: 0 0 6px;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  p {
    margin: 0 0 12px;
  }
  a {
    color: var(--accent-text);
    text-underline-offset: 2px;
  }
  .muted,
  .hint {
    color: var(--muted);
  }
  .hint {
    display: block;
    font-size: 13px;
    line-height: 19px;
    margin-top: 4px;
  }
  .lead {
    color: var(--muted);
    margin: 4px 0 0;
  }
  code,
  pre,
  .mono {
    font-family: var(--mono);
    font-size: 13px;
  }
  :focus-visible {
    outline: 2px solid var(--focus);
    outline-offset: 2px;
  }

  /* Buttons, and links that look like them. */
  button,
  .button {
    font: inherit;
    font-weight: 600;
    letter-spacing: inherit;
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    border-radius: var(--radius-sm);
    border: 1px solid var(--border-strong);
    background: var(--bg);
    color: var(--fg);
    padding: 7px 14px;
    line-height: 22px;
    text-decoration: none;
    white-space: nowrap;
  }
  button:hover,
  .button:hover {
    background: var(--surface);
  }
  button.primary,
  .button.primary {
    background: var(--accent);
    border-color: var(--accent);
    color: var(--accent-fg);
  }
  button.primary:hover,
  .button.primary:hover {
    filter: brightness(1.1);
  }
  button.danger {
    background: var(--danger);
    border-color: var(--danger);
    color: var(--danger-fg);
  }
  button.danger:hover {
    filter: brightness(1.08);
  }
  button.quiet {
    border-color: transparent;
    background: transparent;
  }
  button.quiet:hover {
    background: var(--surface);
  }
  button.link {
    border: 0;
    background: none;
    padding: 0;
    color: var(--accent-text);
    font-weight: 400;
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.65;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  svg.icon {
    width: 18px;
    height: 18px;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  /* Fields. */
  label,
  .label {
    display: block;
    font-weight: 600;
    margin-bottom: 4px;
  }
  .optional {
    font-weight: 400;
    color: var(--muted);
  }
  input,
  textarea,
  select {
    font: inherit;
    color: inherit;
    display: block;
    width: 100%;
    background: var(--bg);
    border: 1px solid var(--border-strong);
    border-radius: var(--radius-sm);
    padding: 7px 11px;
    line-height: 22px;
  }
  textarea {
    resize: vertical;
    min-height: 88px;
  }
  input:focus-visible,
  textarea:focus-visible,
  select:focus-visible {
    outline-offset: 0;
    border-color: var(--focus);
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--danger);
  }
  input[type='checkbox'],
  input[type='radio'] {
    display: inline-block;
    width: 18px;
    height: 18px;
    margin: 2px 0 0;
    padding: 0;
    flex: none;
    accent-color: var(--accent);
  }
  .field {
    margin-bottom: 16px;
  }
  .field-error {
    display: block;
    color: var(--danger-text);
    font-size: 13px;
    line-height: 19px;
    margin-top: 4px;
  }
  fieldset {
    border: 0;
    margin: 0 0 16px;
    padding: 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: 6px;
  }
  .choice {
    display: flex;
    gap: 10px;
    align-items: flex-start;
    padding: 10px 12px;
    border: 1px solid var(--border);
    border-radius: var(--radius-sm);
    margin-bottom: 8px;
    cursor: pointer;
  }
  .choice:hover {
    background: var(--surface);
  }
  .choice label {
    margin: 0;
    cursor: pointer;
  }
  .choice .hint {
    margin: 0;
  }

  /* Surfaces. */
  .card {
    background: var(--bg);
    border: 1px solid var(--border);
    border-radius: var(--radius);
    box-shadow: var(--shadow);
    padding: 22px 24px;
  }
  .alert,
  .notice,
  .success,
  .warning {
    border: 1px solid var(--danger-border);
    background: var(--danger-bg);
    color: var(--danger-text);
    border-radius: var(--radius-sm);
    padding: 10px 14px;
    margin: 0 0 16px;
  }
  .notice {
    border-color: var(--border);
    background: var(--accent-soft);
    color: var(--fg);
  }
  .success {
    border-color: var(--success-border);
    background: var(--success-bg);
    color: var(--success-text);
  }
  .warning {
    border-color: var(--warn-border);
    background: var(--warn-bg);
    color: var(--warn-text);
  }
  .alert p:last-child,
  .notice p:last-child,
  .warning p:last-child {
    margin-bottom: 0;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 12px;
    line-height: 18px;
    font-weight: 600;
    padding: 1px 9px;
    border-radius: 999px;
    border: 1px solid var(--success-border);
    background: var(--success-bg);
    color: var(--success-text);
    white-space: nowrap;
  }
  .badge::before {
    content: '';
    width: 6px;
    height: 6px;
    border-radius: 50%;
    background: currentColor;
  }
  .badge.off {
    border-color: var(--border-strong);
    background: var(--surface);
    color: var(--muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 10px;
    align-items: center;
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
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 14px;
  }
  th,
  td {
    text-align: start;
    padding: 6px 10px;
    border-bottom: 1px solid var(--border);
  }
  th {
    font-weight: 600;
    color: var(--muted);
  }
  td.num,
  th.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  /* Phones: fields do not make iOS zoom in, controls are easy to hit. */
  @media (max-width: 600px) {
    input,
    textarea,
    select {
      font-size: 16px;
    }
    button:not(.link),
    .button {
      min-height: 44px;
    }
    .card {
      padding: 18px 16px;
      border-radius: 12px;
    }
    h1 {
      font-size: 22px;
      line-height: 30px;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    button,
    .button {
      transition:
        background-color 0.15s ease,
        filter 0.15s ease;
    }
  }
`;
