import type { ItemPayloads, JsonValue, WidgetNode } from '../conversations/thread-item';

/** One row of the task-list widget; `id` is the user's task number. */
export interface TaskRow {
  id: number;
  title: string;
  completed: boolean;
}

export type TaskActionType = 'task.complete' | 'task.reopen' | 'task.delete';

const ROW_KEY = /^task-(\d{1,10})$/;

/** A task as a tool or the tasks service reports it (`id` or `task_id`; `completed` or `done`). */
export function toTaskRow(value: unknown): TaskRow | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const id = typeof v.id === 'number' ? v.id : v.task_id;
  if (typeof id !== 'number' || !Number.isInteger(id) || typeof v.title !== 'string') return undefined;
  return { id, title: v.title, completed: v.completed === true || v.done === true };
}

function action(type: TaskActionType, taskId: number): JsonValue {
  // `container`: the whole list fades while the action runs, since the whole list is re-rendered.
  return { type, payload: { task_id: taskId }, handler: 'server', loadingBehavior: 'container' };
}

function row(task: TaskRow): WidgetNode {
  const done = task.completed;
  return {
    type: 'ListViewItem',
    key: `task-${task.id}`,
    gap: 3,
    align: 'center',
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
            value: task.title,
            size: 'sm',
            weight: 'medium',
            maxLines: 2,
            ...(done ? { lineThrough: true, color: 'tertiary' } : {}),
          },
          { type: 'Caption', value: `Task ${task.id}`, size: 'sm', color: 'secondary' },
        ],
      },
      {
        type: 'Badge',
        label: done ? 'Done' : 'Open',
        color: done ? 'success' : 'secondary',
        variant: 'soft',
        size: 'sm',
      },
      {
        type: 'Row',
        gap: 1,
        children: [
          {
            type: 'Button',
            label: done ? 'Reopen' : 'Done',
            iconStart: done ? 'reload' : 'check',
            size: 'sm',
            variant: 'outline',
            onClickAction: action(done ? 'task.reopen' : 'task.complete', task.id),
          },
          {
            type: 'Button',
            label: 'Delete',
            size: 'sm',
            variant: 'ghost',
            color: 'danger',
            onClickAction: action('task.delete', task.id),
          },
        ],
      },
    ],
  };
}

/**
 * The task-list widget: a ListView with one row per task (title, struck through when done, a done badge,
 * and Done/Reopen and Delete buttons whose actions come back as `threads.custom_action`).
 */
export function renderTaskList(tasks: TaskRow[]): ItemPayloads['widget'] {
  const done = tasks.filter((t) => t.completed).length;
  const children = tasks.length
    ? tasks.map(row)
    : [
        {
          type: 'ListViewItem',
          key: 'empty',
          children: [{ type: 'Text', value: 'No tasks left in this list.', size: 'sm', color: 'secondary' }],
        },
      ];
  return {
    widget: {
      type: 'ListView',
      status: { text: `Your tasks · ${done} of ${tasks.length} done`, icon: 'notebook' },
      children,
    },
    copy_text: tasks.length
      ? tasks.map((t) => `${t.completed ? '[x]' : '[ ]'} ${t.id}. ${t.title}`).join('\n')
      : 'No tasks.',
  };
}

/** Task numbers shown by a task-list widget, in its order (empty for any other widget). */
export function taskIdsOf(widget: WidgetNode): number[] {
  if (widget.type !== 'ListView') return [];
  return (widget.children ?? [])
    .map((child) => (typeof child.key === 'string' ? ROW_KEY.exec(child.key) : null))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]));
}
