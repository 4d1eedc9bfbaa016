import { css, html, nothing, type TemplateResult } from 'lit';
import { icon } from './icons.js';
import { renderMarkdown } from './markdown.js';
import type { ActionConfig, WidgetNode } from './protocol.js';

/**
 * ChatKit widget JSON (protocol §6) rendered with our own elements: the layout and text components, badges,
 * icons and buttons whose actions go back to the server. Props only ever select classes or become text, so a
 * widget cannot style or script the page. Unknown components show their children.
 */

export interface WidgetContext {
  /** An action of this widget is running, or another response is streaming: buttons wait. */
  busy: boolean;
  onAction(action: ActionConfig): void;
}

const MAX_DEPTH = 24;
const COLORS = new Set([
  'primary',
  'secondary',
  'tertiary',
  'emphasis',
  'success',
  'danger',
  'warning',
  'info',
  'discovery',
]);
const SIZES = new Set(['xs', 'sm', 'md', 'lg', 'xl']);

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

function classes(node: WidgetNode, base: string): string {
  const list = [base];
  const color = str(node.color);
  if (COLORS.has(color)) list.push(`c-${color}`);
  const size = str(node.size);
  if (SIZES.has(size)) list.push(`s-${size}`);
  if (node.weight === 'medium' || node.weight === 'semibold' || node.weight === 'bold')
    list.push(`w-${node.weight}`);
  if (node.lineThrough === true) list.push('strike');
  if (node.italic === true) list.push('italic');
  if (node.maxLines === 1 || node.truncate === true) list.push('clamp-1');
  else if (typeof node.maxLines === 'number') list.push('clamp-2');
  if (typeof node.flex === 'number' || node.flex === 'auto') list.push('grow');
  if (typeof node.gap === 'number') list.push(`gap-${Math.min(Math.max(Math.round(node.gap), 0), 4)}`);
  if (node.align === 'center') list.push('center');
  const variant = str(node.variant);
  if (variant) list.push(`v-${variant}`);
  return list.join(' ');
}

/** The first text of a subtree: names a row, so its buttons can say what they act on. */
function firstText(node: WidgetNode, depth = 0): string {
  if ((node.type === 'Text' || node.type === 'Title') && str(node.value)) return str(node.value);
  if (depth > MAX_DEPTH) return '';
  for (const child of node.children ?? []) {
    const t = firstText(child, depth + 1);
    if (t) return t;
  }
  return '';
}

function isAction(v: unknown): v is ActionConfig {
  return typeof v === 'object' && v !== null && typeof (v as ActionConfig).type === 'string';
}

/** An action that leaves things as they are (`task.keep`, `….cancel`): Escape presses its button. */
function keeps(action: ActionConfig | undefined): boolean {
  return !!action && /\.(keep|cancel)$/.test(action.type);
}

export function renderWidget(node: WidgetNode, ctx: WidgetContext): TemplateResult {
  return html`<div class="widget">${renderNode(node, ctx, '', 0)}</div>`;
}

function renderChildren(node: WidgetNode, ctx: WidgetContext, row: string, depth: number) {
  return (node.children ?? []).map((c) => renderNode(c, ctx, row, depth + 1));
}

function renderNode(
  node: WidgetNode,
  ctx: WidgetContext,
  row: string,
  depth: number,
): TemplateResult | typeof nothing {
  if (depth > MAX_DEPTH || typeof node !== 'object' || node === null) return nothing;
  switch (node.type) {
    case 'ListView': {
      const status = node.status as { text?: unknown; icon?: unknown } | undefined;
      return html`<section class="listview">
        ${
          status && str(status.text)
            ? html`<div class="status">${icon(str(status.icon))}<span>${str(status.text)}</span></div>`
            : nothing
        }
        <ul>
          ${renderChildren(node, ctx, row, depth)}
        </ul>
      </section>`;
    }
    case 'ListViewItem':
      // `changed`: a row the renderer drew anew for a change made elsewhere (see live-rows.ts).
      return html`<li class=${classes(node, node.changed === true ? 'row item changed' : 'row item')}>
        ${renderChildren(node, ctx, firstText(node), depth)}
      </li>`;
    case 'Card':
      return html`<div class="card">${renderChildren(node, ctx, row, depth)}${cardActions(node, ctx)}</div>`;
    case 'Row':
      return html`<div class=${classes(node, 'row')}>${renderChildren(node, ctx, row, depth)}</div>`;
    case 'Col':
    case 'Form':
      return html`<div class=${classes(node, 'col')}>${renderChildren(node, ctx, row, depth)}</div>`;
    case 'Box':
      return html`<div class=${classes(node, node.direction === 'row' ? 'row' : 'col')}>
        ${renderChildren(node, ctx, row, depth)}
      </div>`;
    case 'Text':
    case 'Label':
      return html`<span class=${classes(node, 'text')} dir="auto">${str(node.value)}</span>`;
    case 'Title':
      return html`<strong class=${classes(node, 'title')} dir="auto">${str(node.value)}</strong>`;
    case 'Caption':
      return html`<span class=${classes(node, 'caption')} dir="auto">${str(node.value)}</span>`;
    case 'Markdown':
      return html`<div class="md" dir="auto">${renderMarkdown(str(node.value))}</div>`;
    case 'Badge':
      return html`<span class=${classes(node, 'badge')}>${str(node.label)}</span>`;
    case 'Icon':
      return html`<span class=${classes(node, 'ico')}>${icon(str(node.name))}</span>`;
    case 'Divider':
      return html`<hr />`;
    case 'Spacer':
      return html`<span class="grow"></span>`;
    case 'Button':
      return button(node, ctx, row);
    default:
      return html`${renderChildren(node, ctx, row, depth)}`;
  }
}

function button(node: WidgetNode, ctx: WidgetContext, row: string) {
  const label = str(node.label);
  const action = isAction(node.onClickAction) ? node.onClickAction : undefined;
  return html`<button
    type="button"
    class=${classes(node, 'wbtn')}
    aria-label=${row && label ? `${label}: ${row}` : label || nothing}
    ?data-cancel=${keeps(action)}
    ?disabled=${ctx.busy || node.disabled === true || !action}
    @click=${() => action && ctx.onAction(action)}
  >
    ${node.iconStart ? icon(str(node.iconStart)) : nothing}${label}
  </button>`;
}

function cardActions(node: WidgetNode, ctx: WidgetContext) {
  const confirm = node.confirm as { label?: unknown; action?: unknown } | undefined;
  const cancel = node.cancel as { label?: unknown; action?: unknown } | undefined;
  if (!confirm && !cancel) return nothing;
  const one = (b: typeof confirm, primary: boolean) =>
    b && isAction(b.action)
      ? html`<button
          type="button"
          class=${primary ? 'primary' : ''}
          ?data-cancel=${!primary}
          ?disabled=${ctx.busy}
          @click=${() => ctx.onAction(b.action as ActionConfig)}
        >
          ${str(b.label)}
        </button>`
      : nothing;
  return html`<div class="row gap-2">${one(cancel, false)}${one(confirm, true)}</div>`;
}

export const widgetStyles = css`
  .widget {
    border: 1px solid var(--ta-border);
    border-radius: var(--ta-radius-sm);
    background: var(--ta-bg);
    overflow: hidden;
  }
  .widget[aria-busy='true'] {
    opacity: 0.6;
  }
  .listview .status {
    display: flex;
    gap: 6px;
    align-items: center;
    padding: 8px 12px;
    color: var(--ta-muted);
    border-bottom: 1px solid var(--ta-border);
    font-size: 13px;
  }
  .listview {
    container-type: inline-size;
  }
  /* In a narrow panel the row's state badge would squeeze the title; the icon and strike-through show the state,
     and the badge stays for screen readers. */
  @container (max-width: 440px) {
    .item .badge {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  }
  .listview ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .item {
    padding: 8px 12px;
  }
  .item + .item {
    border-top: 1px solid var(--ta-border);
  }
  .item.changed {
    background: color-mix(in srgb, var(--ta-accent-text) 6%, transparent);
    border-inline-start: 3px solid var(--ta-accent-text);
    padding-inline-start: 9px;
  }
  .card {
    padding: 12px;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .row {
    display: flex;
    flex-direction: row;
    align-items: center;
    gap: 8px;
    min-width: 0;
  }
  .col {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
  }
  .grow {
    flex: 1 1 0;
  }
  .gap-0 {
    gap: 0;
  }
  .gap-1 {
    gap: 4px;
  }
  .gap-2 {
    gap: 8px;
  }
  .gap-3 {
    gap: 10px;
  }
  .gap-4 {
    gap: 14px;
  }
  .text,
  .title,
  .caption {
    overflow-wrap: anywhere;
  }
  .caption {
    font-size: 12px;
    color: var(--ta-muted);
  }
  .s-xs {
    font-size: 11px;
  }
  .s-sm {
    font-size: 13px;
  }
  .s-lg {
    font-size: 16px;
  }
  .s-xl {
    font-size: 18px;
  }
  .w-medium {
    font-weight: 500;
  }
  .w-semibold,
  .w-bold {
    font-weight: 600;
  }
  .strike {
    text-decoration: line-through;
  }
  .italic {
    font-style: italic;
  }
  .clamp-1,
  .clamp-2 {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  .clamp-1 {
    -webkit-line-clamp: 1;
  }
  .c-secondary,
  .c-tertiary {
    color: var(--ta-muted);
  }
  .c-success {
    color: var(--ta-success);
  }
  .c-danger {
    color: var(--ta-danger);
  }
  .c-warning {
    color: var(--ta-warning);
  }
  .c-primary,
  .c-info,
  .c-discovery {
    color: var(--ta-accent-text);
  }
  .ico {
    display: inline-flex;
  }
  .ico.s-lg svg {
    width: 20px;
    height: 20px;
  }
  .badge {
    display: inline-block;
    flex: none;
    font-size: 12px;
    line-height: calc(18px * var(--ta-line-scale, 1));
    padding: 0 8px;
    border-radius: 999px;
    background: var(--ta-surface);
    color: var(--ta-muted);
  }
  .badge.c-success {
    background: var(--ta-success-bg);
    color: var(--ta-success);
  }
  .badge.c-danger {
    background: var(--ta-danger-bg);
    color: var(--ta-danger);
  }
  .wbtn {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    flex: none;
    padding: 3px 8px;
    font-size: 13px;
  }
  /* Fingers need more than a mouse: task buttons grow on touch screens. */
  @media (pointer: coarse) {
    .wbtn {
      min-height: 40px;
      padding-inline: 12px;
    }
  }
  .wbtn.v-ghost {
    border-color: transparent;
    background: transparent;
  }
  .wbtn.c-danger {
    color: var(--ta-danger);
  }
  .wbtn.v-solid.c-danger {
    background: var(--ta-danger);
    border-color: var(--ta-danger);
    color: var(--ta-bg);
  }
  hr {
    border: 0;
    border-top: 1px solid var(--ta-border);
    margin: 4px 0;
    width: 100%;
  }
`;
