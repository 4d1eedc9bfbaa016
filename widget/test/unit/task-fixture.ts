import type { Task } from '../../src/events';

/** A task as the REST API shows it: "Call mom", task 3, with nothing set but what `fields` give. */
export function task(fields: Partial<Task> = {}): Task {
  return {
    id: 3,
    title: 'Call mom',
    description: null,
    completed: false,
    created_at: '2026-12-10T08:00:00.000Z',
    updated_at: '2026-12-10T08:00:00.000Z',
    completed_at: null,
    priority: null,
    tags: [],
    due_at: null,
    due_date: null,
    due_time: null,
    time_zone: null,
    recurrence: null,
    ...fields,
  };
}
