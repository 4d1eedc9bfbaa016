import { css } from 'lit';

export const chatStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    height: 100%;
    position: relative;
  }
  .toolbar {
    display: flex;
    align-items: center;
    gap: 4px;
    padding: 6px 8px;
    border-bottom: 1px solid var(--ta-border);
    min-height: 44px;
  }
  .toolbar .title {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 600;
    padding: 0 4px;
  }
  .toolbar button,
  .threads .bar button {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding: 5px 8px;
  }
  /* Icons that point somewhere (Back) point the other way in right-to-left text. */
  .flip {
    display: inline-flex;
  }
  .flip:dir(rtl) svg {
    transform: scaleX(-1);
  }
  .log {
    flex: 1;
    overflow-y: auto;
    padding: 12px;
    display: flex;
    flex-direction: column;
    gap: 10px;
    overscroll-behavior: contain;
  }
  .log:focus-visible {
    outline-offset: -2px;
  }
  .older {
    align-self: center;
  }
  .msg {
    max-width: 88%;
    overflow-wrap: anywhere;
  }
  .user {
    align-self: flex-end;
    background: var(--ta-accent);
    color: var(--ta-accent-fg);
    padding: 8px 12px;
    border-radius: var(--ta-radius);
    border-end-end-radius: 4px;
    white-space: pre-wrap;
  }
  .user.pending {
    opacity: 0.7;
  }
  /* Forced colours (Windows high contrast) drop backgrounds: an outline keeps each bubble a bubble. */
  @media (forced-colors: active) {
    .msg {
      border: 1px solid CanvasText;
    }
  }
  .assistant {
    align-self: flex-start;
    background: var(--ta-surface);
    padding: 8px 12px;
    border-radius: var(--ta-radius);
    border-end-start-radius: 4px;
  }
  .assistant p,
  .assistant ul,
  .assistant ol,
  .assistant pre,
  .md p {
    margin: 0 0 6px;
  }
  .assistant > :last-child,
  .assistant > :last-child > :last-child {
    margin-bottom: 0;
  }
  .assistant ul,
  .assistant ol {
    padding-inline-start: 20px;
  }
  code {
    font-family: var(--ta-font-mono);
    font-size: 0.92em;
    background: var(--ta-code-bg);
    padding: 1px 4px;
    border-radius: 4px;
  }
  pre {
    overflow-x: auto;
    background: var(--ta-code-bg);
    padding: 8px;
    border-radius: 6px;
  }
  a {
    color: var(--ta-accent-text);
    text-decoration: underline;
    overflow-wrap: anywhere;
  }
  pre code {
    background: none;
    padding: 0;
  }
  .workflow {
    align-self: stretch;
    list-style: none;
    margin: 0;
    padding: 6px 10px;
    border-inline-start: 2px solid var(--ta-border-strong);
    color: var(--ta-muted);
    font-size: 13px;
  }
  .workflow li {
    display: flex;
    gap: 6px;
    align-items: flex-start;
    padding: 2px 0;
  }
  .workflow .complete {
    color: var(--ta-success);
  }
  .workflow .undo {
    padding-top: 4px;
  }
  .workflow .undo button {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 2px 10px;
    border: 1px solid var(--ta-border-strong);
    border-radius: 999px;
    background: transparent;
    color: var(--ta-fg);
    font: inherit;
    font-size: 12px;
    cursor: pointer;
  }
  .workflow .undo button:hover:not(:disabled) {
    background: var(--ta-surface);
  }
  .workflow .undo button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .workflow .undo svg {
    width: 12px;
    height: 12px;
  }
  .workflow .detail {
    display: block;
    font-size: 12px;
  }
  .spinner {
    width: 14px;
    height: 14px;
    margin: 1px;
    flex: none;
    border: 2px solid var(--ta-border-strong);
    border-top-color: var(--ta-accent);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  .typing {
    align-self: flex-start;
    display: flex;
    gap: 4px;
    padding: 10px 12px;
  }
  .typing span {
    width: 6px;
    height: 6px;
    border-radius: 50%;
    background: var(--ta-muted);
    animation: blink 1.2s infinite ease-in-out;
  }
  .typing span:nth-child(2) {
    animation-delay: 0.2s;
  }
  .typing span:nth-child(3) {
    animation-delay: 0.4s;
  }
  @keyframes blink {
    0%,
    80%,
    100% {
      opacity: 0.25;
    }
    40% {
      opacity: 1;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner,
    .typing span {
      animation-duration: 3s;
    }
  }
  .progress {
    color: var(--ta-muted);
    font-size: 13px;
  }
  .widget-item {
    align-self: stretch;
  }
  .alert {
    display: flex;
    gap: 8px;
    align-items: center;
    justify-content: space-between;
  }
  .notice {
    border-radius: var(--ta-radius-sm);
    padding: 8px 10px;
    background: var(--ta-surface);
    border: 1px solid var(--ta-border);
  }
  .start {
    margin: auto 0;
    text-align: center;
    padding: 12px 4px;
  }
  .start h3 {
    margin: 0 0 14px;
    font-size: 18px;
    font-weight: 600;
  }
  .prompts {
    display: flex;
    flex-direction: column;
    gap: 8px;
    align-items: stretch;
  }
  .prompts button {
    text-align: start;
    padding: 8px 12px;
    border-radius: var(--ta-radius-sm);
  }
  form.composer {
    display: flex;
    gap: 8px;
    align-items: flex-end;
    padding: 10px 12px 12px;
    border-top: 1px solid var(--ta-border);
  }
  /* An empty field writes in the panel's direction (dir="auto" alone would start it left to right). */
  form.composer:dir(rtl) textarea:placeholder-shown {
    direction: rtl;
  }
  .composer textarea {
    resize: none;
    min-height: 40px;
    max-height: 140px;
    field-sizing: content;
  }
  .composer button {
    width: 40px;
    height: 40px;
    flex: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    padding: 0;
    border-radius: 50%;
  }
  .dictation {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 8px 12px 0;
    border-top: 1px solid var(--ta-border);
    font-size: 13px;
  }
  .dictation[hidden] {
    display: none;
  }
  .dictation:not([hidden]) + form.composer {
    border-top: 0;
  }
  .dictation p {
    margin: 0;
    flex: 1;
  }
  .dictation .said {
    color: var(--ta-muted);
  }
  .dictation .meter {
    flex: none;
    display: flex;
    width: 56px;
    height: 8px;
    border-radius: 4px;
    background: var(--ta-surface);
    border: 1px solid var(--ta-border);
    overflow: hidden;
  }
  .dictation .meter span {
    width: calc(var(--level, 0) * 100%);
    background: var(--ta-accent);
    transition: width 80ms linear;
  }
  .dictation .clock {
    font-variant-numeric: tabular-nums;
    color: var(--ta-muted);
  }
  .composer .mic[aria-pressed='true'] {
    background: var(--ta-danger-bg);
    color: var(--ta-danger-text);
    border-color: var(--ta-danger-border);
    animation: ta-listening 1.6s ease-in-out infinite;
  }
  .composer .mic[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  @keyframes ta-listening {
    50% {
      box-shadow: 0 0 0 4px var(--ta-danger-bg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .composer .mic[aria-pressed='true'] {
      animation: none;
    }
  }
  .threads {
    flex: 1;
    display: flex;
    flex-direction: column;
    min-height: 0;
  }
  .threads .bar {
    display: flex;
    justify-content: space-between;
    gap: 8px;
    padding: 6px 8px;
    border-bottom: 1px solid var(--ta-border);
  }
  .threads h3 {
    margin: 0;
    padding: 10px 12px 4px;
    font-size: 15px;
  }
  .threads ul {
    list-style: none;
    margin: 0;
    padding: 4px 8px 12px;
    overflow-y: auto;
    flex: 1;
  }
  .threads li {
    display: flex;
    align-items: center;
    gap: 4px;
    padding: 2px 0;
  }
  .threads li .open {
    flex: 1;
    min-width: 0;
    text-align: start;
    border-color: transparent;
    background: transparent;
  }
  .threads li .open[aria-current='true'] {
    background: var(--ta-surface);
  }
  .threads .open span {
    display: block;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .threads .open small {
    color: var(--ta-muted);
  }
  .threads li form {
    display: flex;
    gap: 4px;
    flex: 1;
  }
  .threads .confirm {
    flex: 1;
    display: flex;
    align-items: center;
    gap: 6px;
    flex-wrap: wrap;
  }
  .icon-btn {
    padding: 6px;
    display: inline-flex;
    border-color: transparent;
    background: transparent;
  }
  .empty {
    padding: 16px 12px;
  }
`;
