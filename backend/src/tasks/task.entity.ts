import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Recurrence } from './schedule/recurrence';
import type { ReminderRule } from './schedule/reminders';

@Entity({ name: 'tasks' })
@Unique('uq_tasks_user_number', ['userId', 'number'])
@Index('ix_tasks_user_completed', ['userId', 'completed', 'number'])
@Index('ix_tasks_user_updated', ['userId', 'updatedAt', 'number'])
@Index('ix_tasks_user_created', ['userId', 'createdAt', 'number'])
export class Task {
  @PrimaryGeneratedColumn('uuid')
  uuid: string;

  @Column({ name: 'user_id', type: 'text' })
  userId: string;

  /** The user's task number ("task 3"): 1, 2, 3… in creation order, never reused. */
  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  description: string | null;

  @Column({ type: 'boolean', default: false })
  completed: boolean;

  // Millisecond precision so a JS Date round-trips exactly (keyset cursors rely on it).
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', precision: 3, nullable: true })
  completedAt: Date | null;

  /** 1 high, 2 medium, 3 low, null none (see task-fields.ts). */
  @Column({ type: 'smallint', nullable: true })
  priority: number | null;

  /** Lower-case labels, at most 10, in the order they were added. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  /** The due instant; for a date without a time, the end of that day in `dueTimeZone`. */
  @Column({ name: 'due_at', type: 'timestamptz', precision: 3, nullable: true })
  dueAt: Date | null;

  @Column({ name: 'due_all_day', type: 'boolean', default: false })
  dueAllDay: boolean;

  /** The IANA zone the due date was given in. */
  @Column({ name: 'due_time_zone', type: 'text', nullable: true })
  dueTimeZone: string | null;

  @Column({ type: 'jsonb', nullable: true })
  recurrence: Recurrence | null;

  /** How it reminds (schedule/reminders.ts): default, before (remindOffsetMinutes), at, off. */
  @Column({ name: 'remind_rule', type: 'text', default: 'default' })
  remindRule: ReminderRule;

  @Column({ name: 'remind_offset_minutes', type: 'integer', nullable: true })
  remindOffsetMinutes: number | null;

  /** When it reminds, as its rule and due date give it; null: never. */
  @Column({ name: 'remind_at', type: 'timestamptz', precision: 3, nullable: true })
  remindAt: Date | null;

  /** When that reminder fired (a new remind_at clears it). */
  @Column({ name: 'reminded_at', type: 'timestamptz', precision: 3, nullable: true })
  remindedAt: Date | null;
}

/** Per-user counter behind task numbers; a row lock on it serializes concurrent creations. */
@Entity({ name: 'task_counters' })
export class TaskCounter {
  @PrimaryColumn({ name: 'user_id', type: 'text' })
  userId: string;

  @Column({ name: 'last_number', type: 'integer' })
  lastNumber: number;
}
