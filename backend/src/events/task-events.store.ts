import type { Sql } from '../database/sql.service';
import type { TaskEvent, TaskEventType } from './task-event';
import type { TaskView } from '../tasks/task.view';

/** The channel every instance listens on; a notification carries the whole event (a task is well under 8 KB). */
export const TASK_EVENTS_CHANNEL = 'task_events';

/** How long events are kept for streams that reconnect. */
export const REPLAY_WINDOW = '1 hour';

interface EventRow {
  id: string;
  type: TaskEventType;
  task: TaskView;
  created_at: Date;
  late: boolean;
}

const toEvent = (r: EventRow): TaskEvent => ({
  id: String(r.id),
  type: r.type,
  time: r.created_at.toISOString(),
  task: r.task,
  ...(r.late ? { late: true } : {}),
});

/** An active webhook of the site an event's user belongs to, and the event types it asked for. */
export interface SiteWebhookRef {
  id: string;
  events: string[];
}

/** A stored event, and the webhooks it is to be sent to (those that want its type among them). */
export interface RecordedEvent {
  event: TaskEvent;
  webhooks: SiteWebhookRef[];
}

/** SQL of `task_events`. */
export class TaskEventsStore {
  constructor(private readonly db: Pick<Sql, 'query'>) {}

  /**
   * Stores an event and notifies every instance in one statement (`origin`: this instance, which has delivered
   * the event itself already and ignores its own notification). The same statement reads the active webhooks of
   * the user's site (the site `default` for accounts), for the webhook sender: a statement of its own per task
   * change cost the database as much as storing the event.
   */
  async record(
    userId: string,
    type: TaskEventType,
    task: TaskView,
    origin: string,
    late = false,
  ): Promise<RecordedEvent> {
    const { rows } = await this.db.query<EventRow & { webhooks: SiteWebhookRef[] }>(
      `WITH e AS (
         INSERT INTO task_events (user_id, type, task, late) VALUES ($1, $2, $3::jsonb, $6)
         RETURNING id, type, task, created_at, late
       )
       SELECT e.*, pg_notify($4, json_build_object('origin', $5::text, 'user', $1::text, 'id', e.id::text,
         'type', e.type, 'time', e.created_at, 'task', e.task, 'late', e.late)::text),
         (SELECT coalesce(json_agg(json_build_object('id', w.id, 'events', w.events)), '[]'::json)
          FROM site_webhooks w
          WHERE w.status = 'active'
            AND w.site_id = coalesce((SELECT site_id FROM site_users WHERE user_id = $1), 'default')) AS webhooks
       FROM e`,
      [userId, type, JSON.stringify(task), TASK_EVENTS_CHANNEL, origin, late],
    );
    return { event: toEvent(rows[0]), webhooks: rows[0].webhooks };
  }

  /** The user's events after `afterId` within the replay window, oldest first. */
  async after(userId: string, afterId: string): Promise<TaskEvent[]> {
    const { rows } = await this.db.query<EventRow>(
      `SELECT id, type, task, created_at, late FROM task_events
       WHERE user_id = $1 AND id > $2::bigint AND created_at > now() - interval '${REPLAY_WINDOW}'
       ORDER BY id LIMIT 1000`,
      [userId, afterId],
    );
    return rows.map(toEvent);
  }

  async prune(): Promise<void> {
    await this.db.query(`DELETE FROM task_events WHERE created_at < now() - interval '${REPLAY_WINDOW}'`);
  }
}
