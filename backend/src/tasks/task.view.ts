import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { localDateTime } from './schedule/due-dates';
import { Task } from './task.entity';
import { Priority, PRIORITIES, priorityOf } from './task-fields';
import type { Recurrence } from './schedule/recurrence';

class RecurrenceView {
  @ApiProperty({ enum: ['daily', 'weekly', 'monthly'] }) frequency: 'daily' | 'weekly' | 'monthly';
  @ApiProperty({ example: 1, description: 'every N days, weeks or months' }) interval: number;
  @ApiPropertyOptional({ example: ['mon', 'thu'], description: 'weekly: the days it falls on' })
  weekdays?: string[];
  @ApiPropertyOptional({ example: 1, description: 'monthly: the day of the month' }) month_day?: number;
}

/** The fields beyond title and state, as REST, MCP and the `tasks.changed` effect show them. */
export interface TaskFieldsView {
  priority: Priority | null;
  tags: string[];
  due_at: string | null;
  due_date: string | null;
  due_time: string | null;
  time_zone: string | null;
  recurrence: Recurrence | null;
}

/** A task as every client sees it (REST, MCP, chat). `id` is the user's task number. */
export class TaskView implements TaskFieldsView {
  @ApiProperty({ example: 3, description: "The user's task number" }) id: number;
  @ApiProperty({ example: 'Buy milk' }) title: string;
  @ApiProperty({ type: String, nullable: true, example: '2 liters' }) description: string | null;
  @ApiProperty() completed: boolean;
  @ApiProperty({ example: '2026-11-25T18:00:00.000Z' }) created_at: string;
  @ApiProperty({ example: '2026-11-25T18:00:00.000Z' }) updated_at: string;
  @ApiProperty({ type: String, nullable: true }) completed_at: string | null;
  @ApiProperty({ enum: PRIORITIES, nullable: true }) priority: Priority | null;
  @ApiProperty({ type: [String], example: ['work', 'errands'] }) tags: string[];
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-12-12T14:00:00.000Z',
    description: 'When it is due (UTC); for a date without a time, the end of that day in time_zone',
  })
  due_at: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-12-12',
    description: 'The due date in time_zone',
  })
  due_date: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '15:00',
    description: 'The due time in time_zone; null when only a date is due',
  })
  due_time: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Europe/Berlin',
    description: 'The zone the due date was set in',
  })
  time_zone: string | null;
  @ApiProperty({ type: RecurrenceView, nullable: true }) recurrence: Recurrence | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-12-12T14:00:00.000Z',
    description:
      'When it reminds (UTC): its due time by default, 09:00 for a due date without a time; null: never',
  })
  remind_at: string | null;
}

/** The answer to completing a recurring task: the task, and the next occurrence that was created. */
export class CompletedTaskView extends TaskView {
  @ApiPropertyOptional({ type: TaskView, description: 'Only when the task repeats: its next occurrence' })
  next_occurrence?: TaskView;
}

export class TaskPage {
  @ApiProperty({ type: [TaskView] }) data: TaskView[];
  @ApiProperty() has_more: boolean;
  @ApiProperty({ required: false, description: 'Pass as `cursor` to get the next page' })
  next_cursor?: string;
}

export function toTaskFieldsView(t: Task): TaskFieldsView {
  const zone = t.dueTimeZone ?? 'UTC';
  const local = t.dueAt ? localDateTime(t.dueAt, zone) : null;
  return {
    priority: priorityOf(t.priority),
    tags: t.tags ?? [],
    due_at: t.dueAt ? t.dueAt.toISOString() : null,
    due_date: local ? local.date : null,
    due_time: local && !t.dueAllDay ? local.time : null,
    time_zone: t.dueAt ? zone : null,
    recurrence: t.recurrence ?? null,
  };
}

export function toTaskView(t: Task & { nextOccurrence?: Task }): TaskView | CompletedTaskView {
  const view: CompletedTaskView = {
    id: t.number,
    title: t.title,
    description: t.description,
    completed: t.completed,
    created_at: t.createdAt.toISOString(),
    updated_at: t.updatedAt.toISOString(),
    completed_at: t.completedAt ? t.completedAt.toISOString() : null,
    ...toTaskFieldsView(t),
    remind_at: t.remindAt ? t.remindAt.toISOString() : null,
  };
  if (t.nextOccurrence) view.next_occurrence = toTaskView(t.nextOccurrence);
  return view;
}
