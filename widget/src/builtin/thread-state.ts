import type { ItemUpdate, OutputText, StreamEvent, ThreadItem, WidgetNode } from './protocol.js';

/**
 * How stream events change the list of items shown (ChatKit protocol §3.1): pure functions returning new arrays
 * and objects, so the view re-renders exactly what changed.
 */

function mapNode(node: WidgetNode, id: string, change: (n: WidgetNode) => WidgetNode): WidgetNode {
  if (node.id === id) return change(node);
  if (!node.children) return node;
  return { ...node, children: node.children.map((c) => mapNode(c, id, change)) };
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function setAt<T>(list: readonly T[], index: number, value: T, fill: T): T[] {
  const next = list.slice();
  while (next.length < index) next.push(fill);
  next[index] = value;
  return next;
}

const EMPTY_TEXT: OutputText = { type: 'output_text', text: '', annotations: [] };

/** One `thread.item.updated` applied to its item. Updates that do not fit the item leave it as it is. */
export function applyUpdate(item: ThreadItem, update: ItemUpdate): ThreadItem {
  const u = update as ItemUpdate & Record<string, unknown>;
  if (item.type === 'assistant_message') {
    const index = typeof u.content_index === 'number' ? u.content_index : 0;
    switch (update.type) {
      case 'assistant_message.content_part.added':
      case 'assistant_message.content_part.done':
        return { ...item, content: setAt(item.content, index, u.content as OutputText, EMPTY_TEXT) };
      case 'assistant_message.content_part.text_delta': {
        const part = item.content[index] ?? EMPTY_TEXT;
        return {
          ...item,
          content: setAt(item.content, index, { ...part, text: part.text + text(u.delta) }, EMPTY_TEXT),
        };
      }
    }
  }
  if (item.type === 'widget') {
    switch (update.type) {
      case 'widget.root.updated':
        return { ...item, widget: u.widget as WidgetNode };
      case 'widget.component.updated':
        return {
          ...item,
          widget: mapNode(item.widget, String(u.component_id), () => u.component as WidgetNode),
        };
      case 'widget.streaming_text.value_delta':
        return {
          ...item,
          widget: mapNode(item.widget, String(u.component_id), (n) => ({
            ...n,
            value: text(n.value) + text(u.delta),
          })),
        };
    }
  }
  if (item.type === 'workflow' && typeof u.task_index === 'number') {
    const tasks = item.workflow.tasks;
    if (update.type === 'workflow.task.added' || update.type === 'workflow.task.updated') {
      const task = u.task as (typeof tasks)[number];
      return { ...item, workflow: { ...item.workflow, tasks: setAt(tasks, u.task_index, task, task) } };
    }
  }
  return item;
}

function upsert(items: ThreadItem[], item: ThreadItem, append: boolean): ThreadItem[] {
  const index = items.findIndex((i) => i.id === item.id);
  if (index >= 0) return setAt(items, index, item, item);
  return append ? [...items, item] : items;
}

/** The items after one stream event (the same array when the event does not touch items). */
export function applyEvent(items: ThreadItem[], event: StreamEvent): ThreadItem[] {
  switch (event.type) {
    case 'thread.item.added':
    case 'thread.item.done':
      return upsert(items, event.item, true);
    case 'thread.item.replaced':
      return upsert(items, event.item, false);
    case 'thread.item.removed':
      return items.filter((i) => i.id !== event.item_id);
    case 'thread.item.updated': {
      const index = items.findIndex((i) => i.id === event.item_id);
      if (index < 0) return items;
      const item = items[index];
      return setAt(items, index, applyUpdate(item, event.update), item);
    }
    default:
      return items;
  }
}

/**
 * The items up to and including `itemId`: what stays when a response is retried (the server deletes the later
 * items without sending removals; protocol §2.2).
 */
export function itemsThrough(items: ThreadItem[], itemId: string): ThreadItem[] {
  const index = items.findIndex((i) => i.id === itemId);
  return index < 0 ? items : items.slice(0, index + 1);
}

/** The text of a user or assistant message. */
export function textOf(item: ThreadItem): string {
  if (item.type === 'user_message' || item.type === 'assistant_message') {
    return item.content.map((c) => c.text).join('');
  }
  return '';
}
