import type { TaskView } from '../tasks/task.view';

export const TASK_EVENT_TYPES = [
  'task.created',
  'task.updated',
  'task.completed',
  'task.deleted',
  'task.due',
] as const;
export type TaskEventType = (typeof TASK_EVENT_TYPES)[number];

/** One event of a user's tasks, as `GET /api/events` streams it and webhooks deliver it. */
export interface TaskEvent {
  /** Grows with time; what `Last-Event-ID` resumes after. */
  id: string;
  type: TaskEventType;
  /** ISO 8601. */
  time: string;
  /** The task as REST shows it (as it was, for a deletion). */
  task: TaskView;
  /** Set on `task.due` fired after its time (everything was down then). */
  late?: boolean;
}
