import type { Page } from '../conversations/conversation-store.service';
import { StoredItem, StoredThread, VISIBLE_ITEM_TYPES } from '../conversations/thread-item';
import type { WireItem, WirePage, WireThread } from './chatkit.types';

const VISIBLE = new Set<string>(VISIBLE_ITEM_TYPES);
const EMPTY_PAGE: WirePage<WireItem> = { data: [], has_more: false };

/** A stored item as ChatKit sends it. Hidden items have no wire form: passing one is a bug. */
export function serializeItem(item: StoredItem): WireItem {
  if (!VISIBLE.has(item.type))
    throw new Error(`hidden item ${item.id} (${item.type}) must never be serialized`);
  return {
    id: item.id,
    thread_id: item.threadId,
    created_at: item.createdAt.toISOString(),
    type: item.type,
    ...item.payload,
  } as WireItem;
}

export function serializePage<T, W>(page: Page<T>, map: (row: T) => W): WirePage<W> {
  const data = page.data.map(map);
  return page.hasMore && page.after !== undefined
    ? { data, has_more: true, after: page.after }
    : { data, has_more: false };
}

/** A thread with an item page (empty unless given), `title` omitted while unset, metadata never exposed. */
export function serializeThread(thread: StoredThread, items?: Page<StoredItem>): WireThread {
  return {
    id: thread.id,
    ...(thread.title !== null ? { title: thread.title } : {}),
    created_at: thread.createdAt.toISOString(),
    status: thread.status,
    metadata: {},
    items: items ? serializePage(items, serializeItem) : EMPTY_PAGE,
  };
}
