import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Recurrence } from './schedule/recurrence';

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
}

/** Per-user counter behind task numbers; a row lock on it serializes concurrent creations. */
@Entity({ name: 'task_counters' })
export class TaskCounter {
  @PrimaryColumn({ name: 'user_id', type: 'text' })
  userId: string;

  @Column({ name: 'last_number', type: 'integer' })
  lastNumber: number;
}
