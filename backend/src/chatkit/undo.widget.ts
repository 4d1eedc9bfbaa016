import type { TaskChange } from '../chat/turn-events';
import type { ItemPayloads, JsonValue, WidgetNode } from '../conversations/thread-item';
import type { Messages } from '../i18n/catalog';
import { messagesFor } from '../i18n/messages';

/**
 * The Undo bar: a small widget right after the tool progress of a turn that changed tasks, saying what changed,
 * with an Undo button whose action (`task.undo`, the change batch in its payload) the server handles — so any ChatKit
 * renderer shows it. The built-in renderer draws it on the progress line itself (its root's id says what it is).
 * Once pressed, it is replaced by what the undo reversed.
 */
export const UNDO_WIDGET_ID = 'undo';

export const UNDO_ACTION = 'task.undo';

const BATCH = /^chg_[0-9a-f]{32}$/;

/** "Deleted task 2 “Team meeting”", or a count when the turn changed many tasks. */
export function changesSummary(changes: readonly TaskChange[], msg: Messages = messagesFor('en')): string {
  if (changes.length > 3) return msg.changedMany(changes.length);
  return changes.map((c) => msg.changed(c.action, c.task_id, c.title)).join(' · ');
}

function bar(children: WidgetNode[]): WidgetNode {
  return {
    type: 'Card',
    id: UNDO_WIDGET_ID,
    size: 'sm',
    padding: 2,
    children: [{ type: 'Row', gap: 2, align: 'center', children }],
  };
}

/** The bar offering to undo a turn's changes, in the client's language (`msg`). */
export function renderUndoBar(
  batch: string,
  changes: readonly TaskChange[],
  msg: Messages = messagesFor('en'),
): ItemPayloads['widget'] {
  const summary = changesSummary(changes, msg);
  const action: JsonValue = {
    type: UNDO_ACTION,
    payload: { batch },
    handler: 'server',
    loadingBehavior: 'self',
  };
  return {
    widget: bar([
      { type: 'Icon', name: 'write', color: 'secondary' },
      { type: 'Caption', value: summary, size: 'sm', color: 'secondary', flex: 1 },
      {
        type: 'Button',
        label: msg.undoButton,
        iconStart: 'reload',
        size: 'sm',
        variant: 'outline',
        onClickAction: action,
      },
    ]),
    copy_text: summary,
  };
}

/** The bar once its changes were undone: what the undo reversed, and no button. */
export function renderUndone(summary: string): ItemPayloads['widget'] {
  return {
    widget: bar([
      { type: 'Icon', name: 'reload', color: 'success' },
      { type: 'Caption', value: summary, size: 'sm', color: 'secondary', flex: 1 },
    ]),
    copy_text: summary,
  };
}

/** True for an Undo bar (pressed or not). */
export function isUndoWidget(widget: WidgetNode): boolean {
  return widget.type === 'Card' && widget.id === UNDO_WIDGET_ID;
}

/** A valid change batch id (what `task.undo` carries). */
export function isChangeBatch(value: string): boolean {
  return BATCH.test(value);
}
