import type { ActionConfig, ThreadItem, WidgetNode } from './protocol.js';

/**
 * The server's Undo bar (a widget item whose root is a Card with id "undo", after the progress of a turn that
 * changed tasks): what changed, and the action that reverses it. Other renderers show it as the card it is; ours
 * puts its button on the progress line.
 */
export interface UndoBar {
  summary: string;
  /** Absent once it was pressed: the bar then says what the undo reversed. */
  action?: ActionConfig;
  undone: boolean;
}

function find(node: WidgetNode, type: string, depth = 0): WidgetNode | undefined {
  if (node.type === type) return node;
  if (depth > 4) return undefined;
  for (const child of node.children ?? []) {
    const hit = find(child, type, depth + 1);
    if (hit) return hit;
  }
  return undefined;
}

export function undoBarOf(item: ThreadItem): UndoBar | undefined {
  if (item.type !== 'widget' || item.widget.type !== 'Card' || item.widget.id !== 'undo') return undefined;
  const caption = find(item.widget, 'Caption');
  const button = find(item.widget, 'Button');
  const action = button?.onClickAction as ActionConfig | undefined;
  const summary = typeof caption?.value === 'string' ? caption.value : '';
  return action && typeof action.type === 'string'
    ? { summary, action, undone: false }
    : { summary, undone: true };
}
