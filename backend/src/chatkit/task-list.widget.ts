import type { ItemPayloads, JsonValue, WidgetNode } from '../conversations/thread-item';
import type { Messages } from '../i18n/catalog';
import { messagesFor } from '../i18n/messages';
import type { TaskDetails } from '../tasks/task-details';

/**
 * One row of the task-list widget; `id` is the user's task number. `due` is already in the user's time zone
 * ("Fri 12 Dec, 15:00"), as the tools and the widget actions word it.
 */
export interface TaskRow extends Pick<TaskDetails, 'priority' | 'tags' | 'due' | 'overdue' | 'repeats'> {
  id: number;
  title: string;
  completed: boolean;
}

/**
 * The row's Delete asks first (`task.confirm_delete` redraws the row as a question), its Delete then deletes
 * (`task.delete`) and Cancel (`task.keep`) redraws it as it was: a tap beside Done must not lose a task.
 */
export type TaskActionType =
  'task.complete' | 'task.reopen' | 'task.confirm_delete' | 'task.delete' | 'task.keep';

const ROW_KEY = /^task-(\d{1,10})$/;

/** A task as a tool or the tasks service reports it (`id` or `task_id`; `completed` or `done`). */
export function toTaskRow(value: unknown): TaskRow | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const id = typeof v.id === 'number' ? v.id : v.task_id;
  if (typeof id !== 'number' || !Number.isInteger(id) || typeof v.title !== 'string') return undefined;
  const row: TaskRow = { id, title: v.title, completed: v.completed === true || v.done === true };
  if (v.priority === 'high' || v.priority === 'medium' || v.priority === 'low') row.priority = v.priority;
  if (Array.isArray(v.tags) && v.tags.every((t) => typeof t === 'string') && v.tags.length) row.tags = v.tags;
  if (typeof v.due === 'string' && v.due) row.due = v.due;
  if (v.overdue === true && !row.completed) row.overdue = true;
  if (typeof v.repeats === 'string' && v.repeats) row.repeats = v.repeats;
  return row;
}

/** The row's second line: "Task 3 · Due Fri 12 Dec, 15:00" (or "Overdue since …"), then priority and tags. */
function detailLines(task: TaskRow, msg: Messages): WidgetNode[] {
  const first = [msg.taskLabel(task.id)];
  if (task.due) first.push(task.overdue ? msg.overdueLabel(task.due) : msg.dueLabel(task.due));
  if (task.repeats) first.push(`↻ ${task.repeats}`);
  const lines: WidgetNode[] = [
    { type: 'Caption', value: first.join(' · '), size: 'sm', color: task.overdue ? 'danger' : 'secondary' },
  ];
  const second = [
    ...(task.priority ? [msg.priorityLabel[task.priority]] : []),
    ...(task.tags ?? []).map((t) => `#${t}`),
  ];
  if (second.length)
    lines.push({
      type: 'Caption',
      value: second.join(' · '),
      size: 'sm',
      color: task.priority === 'high' && !task.completed ? 'warning' : 'secondary',
    });
  return lines;
}

function action(type: TaskActionType, taskId: number): JsonValue {
  // `container`: the whole list fades while the action runs, since the whole list is re-rendered.
  return { type, payload: { task_id: taskId }, handler: 'server', loadingBehavior: 'container' };
}

/** A task's row, keyed by its number (taskIdsOf reads it back). */
function taskItem(task: TaskRow, children: WidgetNode[]): WidgetNode {
  return { type: 'ListViewItem', key: `task-${task.id}`, gap: 3, align: 'center', children };
}

/** The row while it asks whether to delete: the title (which names its buttons), the question, Yes/Cancel. */
function confirmRow(task: TaskRow, msg: Messages): WidgetNode {
  return taskItem(task, [
    { type: 'Icon', name: 'info', color: 'danger', size: 'lg' },
    {
      type: 'Col',
      flex: 1,
      gap: 0,
      children: [
        { type: 'Text', value: task.title, size: 'sm', weight: 'medium', maxLines: 2 },
        {
          type: 'Caption',
          value: msg.confirmDelete(task.id),
          size: 'sm',
          color: 'danger',
        },
      ],
    },
    {
      type: 'Row',
      gap: 1,
      children: [
        {
          type: 'Button',
          label: msg.yesDelete,
          size: 'sm',
          variant: 'solid',
          color: 'danger',
          onClickAction: action('task.delete', task.id),
        },
        {
          type: 'Button',
          label: msg.cancel,
          size: 'sm',
          variant: 'outline',
          onClickAction: action('task.keep', task.id),
        },
      ],
    },
  ]);
}

function row(task: TaskRow, msg: Messages): WidgetNode {
  const done = task.completed;
  return taskItem(task, [
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
        ...detailLines(task, msg),
      ],
    },
    {
      type: 'Badge',
      label: done ? msg.badgeDone : task.overdue ? msg.badgeOverdue : msg.badgeOpen,
      color: done ? 'success' : task.overdue ? 'danger' : 'secondary',
      variant: 'soft',
      size: 'sm',
    },
    {
      type: 'Row',
      gap: 1,
      children: [
        {
          type: 'Button',
          label: done ? msg.reopenButton : msg.doneButton,
          iconStart: done ? 'reload' : 'check',
          size: 'sm',
          variant: 'outline',
          onClickAction: action(done ? 'task.reopen' : 'task.complete', task.id),
        },
        {
          type: 'Button',
          label: msg.deleteButton,
          size: 'sm',
          variant: 'ghost',
          color: 'danger',
          onClickAction: action('task.confirm_delete', task.id),
        },
      ],
    },
  ]);
}

/**
 * The task-list widget: a ListView with one row per task (title, struck through when done, a done badge,
 * and Done/Reopen and Delete buttons whose actions come back as `threads.custom_action`), its words in the client's
 * language (`msg`). `confirming`: the task whose row asks whether to delete it.
 */
export function renderTaskList(
  tasks: TaskRow[],
  confirming?: number,
  msg: Messages = messagesFor('en'),
): ItemPayloads['widget'] {
  const done = tasks.filter((t) => t.completed).length;
  const overdue = tasks.filter((t) => t.overdue).length;
  const children = tasks.length
    ? tasks.map((t) => (t.id === confirming ? confirmRow(t, msg) : row(t, msg)))
    : [
        {
          type: 'ListViewItem',
          key: 'empty',
          children: [{ type: 'Text', value: msg.noTasksLeft, size: 'sm', color: 'secondary' }],
        },
      ];
  return {
    widget: {
      type: 'ListView',
      status: { text: msg.listStatus(done, tasks.length, overdue), icon: 'notebook' },
      children,
    },
    copy_text: tasks.length
      ? tasks
          .map((t) => `${t.completed ? '[x]' : '[ ]'} ${t.id}. ${t.title}${copyDetails(t, msg)}`)
          .join('\n')
      : msg.copyNoTasks,
  };
}

function copyDetails(t: TaskRow, msg: Messages): string {
  const parts = [
    ...(t.due ? [msg.copyDue(t.due, t.overdue === true)] : []),
    ...(t.priority ? [msg.copyPriority(t.priority)] : []),
    ...(t.tags ?? []).map((tag) => `#${tag}`),
  ];
  return parts.length ? ` (${parts.join(' · ')})` : '';
}

/** Task numbers shown by a task-list widget, in its order (empty for any other widget). */
export function taskIdsOf(widget: WidgetNode): number[] {
  if (widget.type !== 'ListView') return [];
  return (widget.children ?? [])
    .map((child) => (typeof child.key === 'string' ? ROW_KEY.exec(child.key) : null))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]));
}
