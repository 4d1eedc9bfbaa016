import { LiveRows } from '../../src/builtin/live-rows';
import type { WidgetNode } from '../../src/builtin/protocol';
import type { TaskChange } from '../../src/events';

/** The server's task list (backend/src/chatkit/task-list.widget.ts), reduced to what the renderer reads. */
function list(rows: Array<{ id: number; title: string; done?: boolean }>): WidgetNode {
  return {
    type: 'ListView',
    status: {
      text: `Your tasks · ${rows.filter((r) => r.done).length} of ${rows.length} done`,
      icon: 'notebook',
    },
    children: rows.map((r) => ({
      type: 'ListViewItem',
      key: `task-${r.id}`,
      children: [
        { type: 'Text', value: r.title },
        { type: 'Badge', label: r.done ? 'Done' : 'Open', color: r.done ? 'success' : 'secondary' },
      ],
    })),
  };
}

const change = (c: Partial<TaskChange> & Pick<TaskChange, 'action' | 'task_id' | 'title'>): TaskChange => ({
  completed: false,
  tags: [],
  ...c,
});

const texts = (node: WidgetNode): string[] =>
  node.type === 'Text' || node.type === 'Caption' || node.type === 'Badge'
    ? [String(node.value ?? node.label)]
    : (node.children ?? []).flatMap(texts);

describe('LiveRows', () => {
  const now = new Date('2026-12-10T09:00:00Z');

  it('leaves lists alone until something changes elsewhere, and other widgets always', () => {
    const rows = new LiveRows();
    const shown = list([{ id: 1, title: 'Buy milk' }]);
    expect(rows.apply('w1', shown, true, now)).toBe(shown);
    rows.elsewhere([change({ action: 'completed', task_id: 1, title: 'Buy milk', completed: true })]);
    const card: WidgetNode = { type: 'Card', children: [{ type: 'Text', value: 'Hi' }] };
    expect(rows.apply('w2', card, true, now)).toBe(card);
  });

  it('draws rows changed elsewhere anew, adds tasks added elsewhere to the newest list, and recounts', () => {
    const rows = new LiveRows();
    const older = list([{ id: 1, title: 'Buy milk' }]);
    const newest = list([
      { id: 1, title: 'Buy milk' },
      { id: 2, title: 'Walk the dog' },
    ]);
    rows.apply('w1', older, false, now);
    rows.apply('w2', newest, true, now);
    rows.elsewhere([
      change({ action: 'completed', task_id: 1, title: 'Buy milk', completed: true }),
      change({ action: 'deleted', task_id: 2, title: 'Walk the dog' }),
      change({
        action: 'created',
        task_id: 3,
        title: 'Call mom',
        due_at: '2026-12-10T08:00:00Z',
        due_date: '2026-12-10',
        due_time: '08:00',
      }),
    ]);
    const drawn = rows.apply('w2', newest, true, now);
    expect((drawn.status as { text: string }).text).toBe('Your tasks · 1 of 2 done · 1 overdue');
    expect(drawn.children?.map(texts)).toEqual([
      ['Buy milk', 'Task 1 · Changed elsewhere', 'Done'],
      ['Walk the dog', 'Task 2 · Deleted elsewhere', 'Deleted'],
      ['Call mom', 'Task 3 · Overdue · was due Thu 10 Dec, 08:00 · Added elsewhere', 'Overdue'],
    ]);
    // Buttons act like the server's: Reopen for a done task; an added row has no Delete (see live-rows.ts).
    const labels = (n: WidgetNode): string[] =>
      n.type === 'Button' ? [String(n.label)] : (n.children ?? []).flatMap(labels);
    expect(drawn.children?.map(labels)).toEqual([['Reopen', 'Delete'], [], ['Done']]);
    // The older list is not the newest: it does not get the added task.
    expect(rows.apply('w1', older, false, now).children?.map(texts)).toEqual([
      ['Buy milk', 'Task 1 · Changed elsewhere', 'Done'],
    ]);
  });

  it('takes a later drawing by the server as it is, but keeps a task added elsewhere in its list', () => {
    const rows = new LiveRows();
    rows.apply('w1', list([{ id: 1, title: 'Buy milk' }]), true, now);
    rows.elsewhere([
      change({ action: 'completed', task_id: 1, title: 'Buy milk', completed: true }),
      change({ action: 'created', task_id: 2, title: 'Call mom' }),
    ]);
    // Done pressed on the added row: the server redraws the list (its own rows, as they are now).
    rows.here([change({ action: 'completed', task_id: 2, title: 'Call mom', completed: true })]);
    const redrawn = list([{ id: 1, title: 'Buy milk', done: true }]);
    expect(rows.apply('w1', redrawn, true, now).children?.map(texts)).toEqual([
      ['Buy milk', 'Done'],
      ['Call mom', 'Task 2 · Added elsewhere', 'Done'],
    ]);
    // A list drawn after the task was added knows of it (or left it out on purpose).
    expect(
      rows.apply('w3', list([{ id: 1, title: 'Buy milk', done: true }]), true, now).children?.map(texts),
    ).toEqual([['Buy milk', 'Done']]);
  });
});
