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
    expect(done).toContain('"type":"task.delete","payload":{"task_id":7}');
    expect(copy_text).toBe('[ ] 3. Buy milk\n[x] 7. Call mom');
    expect(JSON.stringify(widget)).not.toContain('null');
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
    expect(toTaskRow({ id: '1', title: 'A' })).toBeUndefined();
    expect(toTaskRow(null)).toBeUndefined();
  });
});
