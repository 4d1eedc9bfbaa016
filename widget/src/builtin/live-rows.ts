import { msg, str } from '@lit/localize';
import type { TaskChange } from '../events.js';
import { dayWords } from '../live/task-events.js';
import type { WidgetNode } from './protocol.js';

/**
 * Open task lists follow changes made elsewhere. The task-list widget is drawn by the server when it is shown and
 * again after each of its buttons; nothing redraws it when a task changes through the REST API, an MCP client or
 * another tab. So the built-in renderer draws the rows of such tasks itself, over the server's, from the changes
 * the live stream brings (each carries the task as it is now), marked "Changed elsewhere": done or open again,
 * renamed, due another day, or "Deleted elsewhere" (struck through, without buttons). A task added elsewhere is
 * appended to the newest list ("Added elsewhere"), since the server's widget cannot know of it. The rows keep
 * working buttons: Done and Reopen act on the task like the server's own; Delete is left out of an added row,
 * because the server's confirmation redraws only the rows it drew. The server's next drawing of the list (after
 * one of its buttons) is drawn over again the same way. The rows it draws are in the widget's language (`locale`).
 */
export class LiveRows {
  constructor(private readonly locale: () => string = () => 'en') {}

  /**
   * The latest change of each task changed elsewhere since the renderer started, when (on this object's clock)
   * it was last changed elsewhere, and when it was added elsewhere (if it was).
   */
  private readonly tasks = new Map<number, { change: TaskChange; addedAt?: number; at: number }>();
  /** When each drawing of a list (its item and its JSON) was first seen: it knows of the changes before. */
  private readonly seen = new Map<string, number>();
  /** When each list (its item) was first seen: tasks added elsewhere later are added to it, whatever redrew it. */
  private readonly born = new Map<string, number>();
  private readonly keys = new WeakMap<WidgetNode, string>();
  private clock = 0;

  /** Changes made elsewhere. */
  elsewhere(changes: TaskChange[]): void {
    const at = ++this.clock;
    for (const c of changes) {
      const before = this.tasks.get(c.task_id);
      const addedAt = before ? before.addedAt : c.action === 'created' ? at : undefined;
      this.tasks.set(c.task_id, { change: c, addedAt, at });
    }
  }

  /** Changes this assistant made: a row drawn here keeps up with them (the server redraws only its own rows). */
  here(changes: TaskChange[]): void {
    for (const c of changes) {
      const before = this.tasks.get(c.task_id);
      if (before) this.tasks.set(c.task_id, { ...before, change: c });
    }
  }

  /**
   * The widget of item `itemId` with the rows of tasks changed elsewhere, since the server drew it, drawn anew;
   * `newest`: the newest list, which gets the rows of tasks added elsewhere.
   */
  apply(itemId: string, widget: WidgetNode, newest: boolean, now = new Date()): WidgetNode {
    const drawn = this.drawnAt(itemId, widget);
    const born = this.born.get(itemId) ?? drawn;
    if (!this.born.has(itemId)) this.born.set(itemId, born);
    if (!this.tasks.size || !isTaskList(widget)) return widget;
    const shown = new Set<number>();
    let touched = false;
    const children: WidgetNode[] = [];
    for (const row of widget.children ?? []) {
      const id = taskOf(row);
      if (id === undefined) {
        if (row.key !== 'empty') children.push(row);
        continue;
      }
      shown.add(id);
      const found = this.tasks.get(id);
      const live = found && found.at > drawn ? found : undefined;
      if (live) touched = true;
      children.push(live ? liveRow(live.change, msg('Changed elsewhere'), true, now, this.locale()) : row);
    }
    if (newest) {
      for (const { change, addedAt } of this.tasks.values()) {
        if (
          addedAt === undefined ||
          addedAt < born ||
          shown.has(change.task_id) ||
          change.action === 'deleted'
        )
          continue;
        children.push(liveRow(change, msg('Added elsewhere'), false, now, this.locale()));
        touched = true;
      }
    }
    if (!touched) return widget;
    if (!children.length) return widget; // only an "empty" row, and nothing to add
    return { ...widget, status: status(widget, children), children };
  }

  private drawnAt(itemId: string, widget: WidgetNode): number {
    let key = this.keys.get(widget);
    if (key === undefined) this.keys.set(widget, (key = `${itemId} ${JSON.stringify(widget)}`));
    let at = this.seen.get(key);
    if (at === undefined) this.seen.set(key, (at = ++this.clock));
    return at;
  }
}

const ROW_KEY = /^task-(\d{1,10})$/;

function taskOf(row: WidgetNode): number | undefined {
  const m = typeof row.key === 'string' ? ROW_KEY.exec(row.key) : null;
  return m ? Number(m[1]) : undefined;
}

/** Our server's task-list widget: a ListView of rows keyed `task-<number>` (or its one "empty" row). */
function isTaskList(widget: WidgetNode): boolean {
  const rows = widget.children ?? [];
  return (
    widget.type === 'ListView' &&
    rows.length > 0 &&
    rows.every((r) => r.type === 'ListViewItem' && (taskOf(r) !== undefined || r.key === 'empty'))
  );
}

/**
 * "Your tasks · 2 of 5 done · 1 overdue", counted from the rows as drawn (deleted ones left out), for the server's
 * status line (in English; another is left as it is).
 */
function status(widget: WidgetNode, rows: WidgetNode[]): unknown {
  const old = widget.status as { text?: unknown; icon?: unknown } | undefined;
  if (typeof old?.text !== 'string' || !old.text.startsWith('Your tasks')) return old;
  const states = rows.map(stateOf);
  const count = states.filter((s) => s !== 'deleted').length;
  const done = states.filter((s) => s === 'done').length;
  const overdue = states.filter((s) => s === 'overdue').length;
  return {
    ...old,
    text: overdue
      ? msg(str`Your tasks · ${done} of ${count} done · ${overdue} overdue`)
      : msg(str`Your tasks · ${done} of ${count} done`),
  };
}

type RowState = 'open' | 'done' | 'overdue' | 'deleted';

/** A row's state: ours say it (`state`); the server's by their badge's colour, whatever its words. */
function stateOf(row: WidgetNode): RowState {
  if (typeof row.state === 'string') return row.state as RowState;
  const color = badgeOf(row)?.color;
  return color === 'success' ? 'done' : color === 'danger' ? 'overdue' : 'open';
}

function badgeOf(node: WidgetNode): WidgetNode | undefined {
  if (node.type === 'Badge') return node;
  for (const child of node.children ?? []) {
    const b = badgeOf(child);
    if (b) return b;
  }
  return undefined;
}

const priority = (p: NonNullable<TaskChange['priority']>): string =>
  ({ high: msg('High priority'), medium: msg('Medium priority'), low: msg('Low priority') })[p];

/** Monday 2024-01-01 and the days after it: the weekdays' short names in a language. */
const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
function weekday(day: (typeof WEEK)[number], locale: string): string {
  const at = new Date(Date.UTC(2024, 0, 1 + WEEK.indexOf(day), 12));
  return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(at);
}

/** "every week on Mon, Thu", as the server words it (the usual cases), in the widget's language. */
function repeats(r: NonNullable<TaskChange['recurrence']>, locale: string): string {
  const n = r.interval;
  const every =
    r.frequency === 'daily'
      ? n === 1
        ? msg('every day')
        : msg(str`every ${n} days`)
      : r.frequency === 'weekly'
        ? n === 1
          ? msg('every week')
          : msg(str`every ${n} weeks`)
        : n === 1
          ? msg('every month')
          : msg(str`every ${n} months`);
  if (r.frequency === 'weekly' && r.weekdays?.length) {
    const days = r.weekdays.map((d) => weekday(d, locale)).join(', ');
    return msg(str`${every} on ${days}`);
  }
  if (r.frequency === 'monthly' && r.month_day) {
    const day = r.month_day;
    return msg(str`${every} on day ${day}`);
  }
  return every;
}

function action(type: string, taskId: number) {
  return { type, payload: { task_id: taskId }, handler: 'server', loadingBehavior: 'container' };
}

/**
 * A row like the server's (same components, same actions), with what happened elsewhere on its second line; its
 * `state` says what its badge says, in any language.
 */
function liveRow(c: TaskChange, note: string, deletable: boolean, now: Date, locale: string): WidgetNode {
  const deleted = c.action === 'deleted';
  const done = c.completed === true;
  const overdue = !done && !deleted && !!c.due_at && new Date(c.due_at) < now;
  const due = c.due_date ? `${dayWords(c.due_date, now, locale)}${c.due_time ? `, ${c.due_time}` : ''}` : '';
  const id = c.task_id;
  const first = [
    msg(str`Task ${id}`),
    ...(due && !deleted ? [overdue ? msg(str`Overdue · was due ${due}`) : msg(str`Due ${due}`)] : []),
    ...(c.recurrence && !deleted ? [`↻ ${repeats(c.recurrence, locale)}`] : []),
    deleted ? msg('Deleted elsewhere') : note,
  ];
  const second = [...(c.priority ? [priority(c.priority)] : []), ...(c.tags ?? []).map((t) => `#${t}`)];
  const state: RowState = deleted ? 'deleted' : done ? 'done' : overdue ? 'overdue' : 'open';
  const buttons: WidgetNode[] = deleted
    ? []
    : [
        {
          type: 'Button',
          label: done ? msg('Reopen') : msg('Done', { desc: 'A button that marks a task done.' }),
          iconStart: done ? 'reload' : 'check',
          size: 'sm',
          variant: 'outline',
          onClickAction: action(done ? 'task.reopen' : 'task.complete', c.task_id),
        },
        ...(deletable
          ? [
              {
                type: 'Button',
                label: msg('Delete'),
                size: 'sm',
                variant: 'ghost',
                color: 'danger',
                onClickAction: action('task.confirm_delete', c.task_id),
              },
            ]
          : []),
      ];
  return {
    type: 'ListViewItem',
    key: `task-${c.task_id}`,
    gap: 3,
    align: 'center',
    changed: true,
    state,
    children: [
      {
        type: 'Icon',
        name: done ? 'check-circle-filled' : 'empty-circle',
        color: done ? 'success' : 'secondary',
        size: 'lg',
      },
      {
        type: 'Col',
        flex: 1,
        gap: 0,
        children: [
          {
            type: 'Text',
            value: c.title,
            size: 'sm',
            weight: 'medium',
            maxLines: 2,
            ...(done || deleted ? { lineThrough: true, color: 'tertiary' } : {}),
          },
          { type: 'Caption', value: first.join(' · '), size: 'sm', color: overdue ? 'danger' : 'secondary' },
          ...(second.length && !deleted
            ? [{ type: 'Caption', value: second.join(' · '), size: 'sm', color: 'secondary' }]
            : []),
        ],
      },
      {
        type: 'Badge',
        label: {
          deleted: msg('Deleted', {
            id: 'task-state-deleted',
            desc: 'The state of a task that was deleted.',
          }),
          done: msg('Done', { id: 'task-state-done', desc: 'The state of a task that is done.' }),
          overdue: msg('Overdue', {
            id: 'task-state-overdue',
            desc: 'The state of a task past its due time.',
          }),
          open: msg('Open', { id: 'task-state-open', desc: 'The state of a task not done yet.' }),
        }[state],
        color: deleted ? 'secondary' : done ? 'success' : overdue ? 'danger' : 'secondary',
        variant: 'soft',
        size: 'sm',
      },
      ...(buttons.length ? [{ type: 'Row', gap: 1, children: buttons }] : []),
    ],
  };
}
