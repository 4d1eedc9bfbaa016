import { formatDue } from './schedule/due-dates';
import { describeRecurrence } from './schedule/recurrence';
import type { Task } from './task.entity';
import { Priority, priorityOf } from './task-fields';
import { dueOf } from './tasks.service';

/** A task's fields beyond title and state as a person reads them: only those that are set. */
export interface TaskDetails {
  priority?: Priority;
  tags?: string[];
  /** In the viewer's time zone: "Fri 12 Dec, 15:00"; a date alone for a due date without a time. */
  due?: string;
  /** The due instant in UTC (ISO 8601). */
  due_at?: string;
  /** Open and past its due time. */
  overdue?: boolean;
  /** "every month on the 1st". */
  repeats?: string;
  /** A reminder other than the default (at the due time): when, in the viewer's zone, or "off". */
  reminder?: string;
}

/** What the MCP tools answer and the task-list widget shows, dates in `timeZone` relative to `now`. */
export function taskDetails(t: Task, timeZone: string, now: Date): TaskDetails {
  const out: TaskDetails = {};
  const priority = priorityOf(t.priority);
  if (priority) out.priority = priority;
  if (t.tags.length) out.tags = t.tags;
  const due = dueOf(t);
  if (due) {
    out.due = formatDue(due, timeZone, now);
    out.due_at = due.at.toISOString();
    if (!t.completed && due.at < now) out.overdue = true;
  }
  if (t.recurrence) out.repeats = describeRecurrence(t.recurrence);
  if (t.remindRule === 'off' && due) out.reminder = 'off';
  else if (t.remindRule !== 'default' && t.remindRule !== 'off' && t.remindAt)
    out.reminder = formatDue({ at: t.remindAt, allDay: false, timeZone }, timeZone, now);
  return out;
}
