import { renderTaskList, taskIdsOf, toTaskRow } from './task-list.widget';

describe('task-list widget', () => {
  const tasks = [
    { id: 3, title: 'Buy milk', completed: false },
    { id: 7, title: 'Call mom', completed: true },
  ];

  it('renders one row per task, keyed by task number, with the actions of its state', () => {
    const { widget, copy_text } = renderTaskList(tasks);
    expect(widget.type).toBe('ListView');
    expect(taskIdsOf(widget)).toEqual([3, 7]);
    const [open, done] = (widget.children ?? []).map((row) => JSON.stringify(row));
    expect(open).toContain('"type":"task.complete","payload":{"task_id":3}');
    expect(open).not.toContain('lineThrough');
    expect(done).toContain('"type":"task.reopen","payload":{"task_id":7}');
    expect(done).toContain('"lineThrough":true');
    expect(done).toContain('"type":"task.confirm_delete","payload":{"task_id":7}'); // Delete asks first
    expect(done).not.toContain('"type":"task.delete"');
    expect(copy_text).toBe('[ ] 3. Buy milk\n[x] 7. Call mom');
    expect(JSON.stringify(widget)).not.toContain('null');
  });

  it('shows due date, overdue, priority, tags and repeat compactly under the title', () => {
    const { widget, copy_text } = renderTaskList([
      {
        id: 1,
        title: 'Pay rent',
        completed: false,
        due: 'Mon 7 Dec',
        overdue: true,
        priority: 'high',
        tags: ['home'],
      },
      { id: 2, title: 'Dentist', completed: false, due: 'Fri 11 Dec, 15:00', repeats: 'every month' },
      { id: 3, title: 'Plain', completed: false },
    ]);
    const [rent, dentist, plain] = widget.children ?? [];
    expect(rent.key).toBe('task-1');
    const json = JSON.stringify(rent);
    expect(json).toContain(
      '{"type":"Caption","value":"Task 1 · Overdue · was due Mon 7 Dec","size":"sm","color":"danger"}',
    );
    expect(json).toContain(
      '{"type":"Caption","value":"High priority · #home","size":"sm","color":"warning"}',
    );
    expect(json).toContain('"type":"Badge","label":"Overdue","color":"danger"');
    expect(JSON.stringify(dentist)).toContain('"value":"Task 2 · Due Fri 11 Dec, 15:00 · ↻ every month"');
    expect(JSON.stringify(dentist)).toContain('"label":"Open"');
    expect(JSON.stringify(plain)).toContain(
      '{"type":"Caption","value":"Task 3","size":"sm","color":"secondary"}',
    );
    expect(widget.status).toEqual({ text: 'Your tasks · 0 of 3 done · 1 overdue', icon: 'notebook' });
    expect(copy_text).toBe(
      '[ ] 1. Pay rent (overdue, was due Mon 7 Dec · high priority · #home)\n[ ] 2. Dentist (due Fri 11 Dec, 15:00)\n[ ] 3. Plain',
    );
  });

  it('shows an empty state, and finds no task rows in other widgets', () => {
    const { widget } = renderTaskList([]);
    expect(taskIdsOf(widget)).toEqual([]);
    expect(taskIdsOf({ type: 'Card', children: [{ type: 'Text', key: 'task-1' }] })).toEqual([]);
  });

  it('reads tasks as tools report them, and ignores what is not a task', () => {
    expect(toTaskRow({ id: 1, title: 'A', completed: true, created_at: 'x' })).toEqual({
      id: 1,
      title: 'A',
      completed: true,
    });
    expect(toTaskRow({ task_id: 2, title: 'B', status: 'created' })).toEqual({
      id: 2,
      title: 'B',
      completed: false,
    });
    expect(
      toTaskRow({
        id: 4,
        title: 'D',
        completed: false,
        priority: 'low',
        tags: ['x'],
        due: 'Fri 11 Dec',
        overdue: true,
      }),
    ).toEqual({
      id: 4,
      title: 'D',
      completed: false,
      priority: 'low',
      tags: ['x'],
      due: 'Fri 11 Dec',
      overdue: true,
    });
    expect(toTaskRow({ id: 5, title: 'E', completed: true, due: 'Mon 7 Dec', overdue: true })).toEqual({
      id: 5,
      title: 'E',
      completed: true,
      due: 'Mon 7 Dec',
    });
    expect(toTaskRow({ id: '1', title: 'A' })).toBeUndefined();
    expect(toTaskRow(null)).toBeUndefined();
  });
});
