import { Client } from 'pg';

/**
 * Publishes a task event the way another backend instance does (see backend/src/events): stored in `task_events`
 * (so a stream resuming after it replays it) and announced on the channel every instance LISTENs on, whose
 * `GET /api/events` streams of that user send it. For events no API request makes on demand: a reminder
 * (`task.due`) whose time has come. Answers the event's id.
 */
export async function publishTaskEvent(
  databaseUrl: string,
  userId: string,
  type: 'task.created' | 'task.updated' | 'task.completed' | 'task.deleted' | 'task.due',
  task: object,
  options: { late?: boolean } = {},
): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `WITH e AS (
         INSERT INTO task_events (user_id, type, task) VALUES ($1, $2, $3::jsonb) RETURNING id, type, task, created_at
       )
       SELECT e.id::text AS id, pg_notify('task_events', (jsonb_build_object('origin', 'test', 'user', $1::text,
         'id', e.id::text, 'type', e.type, 'time', e.created_at, 'task', e.task)
         || CASE WHEN $4::boolean THEN '{"late": true}'::jsonb ELSE '{}'::jsonb END)::text) FROM e`,
      [userId, type, JSON.stringify(task), options.late === true],
    );
    return rows[0].id;
  } finally {
    await client.end();
  }
}
