import type { Task } from '../../src/events';
import { EchoFilter } from '../../src/live/echo-filter';
import {
  changeKey,
  eventKey,
  parseTaskEvent,
  reminderMessage,
  toTaskChange,
  type TaskEvent,
} from '../../src/live/task-events';
import { task } from './task-fixture';

const event = (type: TaskEvent['type'], fields: Partial<Task> = {}, id = '7'): TaskEvent => ({
  id,
  type,
  time: '2026-12-10T08:00:00.000Z',
  task: task(fields),
});

describe('task events', () => {
  it('reads an event and reports it as the tasks.changed effect does: the fields it has, none it lacks', () => {
    const e = parseTaskEvent(
      JSON.stringify(event('task.completed', { completed: true, priority: 'high', tags: ['home'] })),
    );
    expect(e && toTaskChange(e)).toEqual({
      action: 'completed',
      task_id: 3,
      title: 'Call mom',
      completed: true,
      priority: 'high',
      tags: ['home'],
    });
    expect(parseTaskEvent('{"id":"1","type":"task.exploded","task":{"id":1,"title":"x"}}')).toBeUndefined();
    expect(parseTaskEvent('not json')).toBeUndefined();
  });

  it('knows an event for the echo of a change: a reopened task is an update', () => {
    const reopened = {
      action: 'reopened' as const,
      task_id: 3,
      title: 'Call mom',
      completed: false,
      tags: [],
    };
    expect(changeKey(reopened)).toBe(eventKey(event('task.updated')));
    expect(changeKey({ ...reopened, action: 'completed', completed: true })).toBe(
      eventKey(event('task.completed', { completed: true })),
    );
    expect(changeKey(reopened)).not.toBe(eventKey(event('task.updated', { title: 'Call dad' })));
  });

  it('words a reminder in the due date and time the user gave', () => {
    const now = new Date('2026-12-10T09:00:20Z');
    const due = (at: string, date: string, time: string | null) =>
      task({ due_at: at, due_date: date, due_time: time, time_zone: 'UTC' });
    expect(reminderMessage(due('2026-12-10T09:00:00Z', '2026-12-10', '09:00'), now)).toBe(
      'Reminder: “Call mom” is due now',
    );
    expect(reminderMessage(due('2026-12-10T09:30:00Z', '2026-12-10', '09:30'), now)).toBe(
      'Reminder: “Call mom” is due at 09:30',
    );
    expect(reminderMessage(due('2026-12-10T07:00:00Z', '2026-12-10', '07:00'), now)).toBe(
      'Reminder: “Call mom” was due at 07:00',
    );
    expect(reminderMessage(due('2026-12-09T07:00:00Z', '2026-12-09', '07:00'), now)).toBe(
      'Reminder: “Call mom” was due Wed 9 Dec at 07:00',
    );
    expect(reminderMessage(due('2026-12-10T23:59:59Z', '2026-12-10', null), now)).toBe(
      'Reminder: “Call mom” is due today',
    );
    expect(reminderMessage(task(), now)).toBe('Reminder: “Call mom”');
    // In the zone the task was given in: 10:00 in Berlin is 09:00 UTC.
    expect(
      reminderMessage(
        task({
          due_at: '2026-12-10T09:00:00Z',
          due_date: '2026-12-10',
          due_time: '10:00',
          time_zone: 'Europe/Berlin',
        }),
        new Date('2026-12-10T11:00:00Z'),
      ),
    ).toBe('Reminder: “Call mom” was due at 10:00');
  });
});

describe('EchoFilter', () => {
  let now = 0;
  let released: string[][];
  let filter: EchoFilter<string>;
  const turn = {};
  beforeEach(() => {
    jest.useFakeTimers();
    now = 0;
    released = [];
    filter = new EchoFilter<string>(
      (items) => released.push(items),
      { graceMs: 300, maxHoldMs: 5_000, rememberMs: 10_000 },
      () => now,
    );
  });
  afterEach(() => jest.useRealTimers());
  const advance = (ms: number) => {
    now += ms;
    jest.advanceTimersByTime(ms);
  };

  it('releases an event at once when no turn of the page runs', () => {
    filter.received('a', 'a');
    expect(released).toEqual([['a']]);
  });

  it('drops the echo of a change a turn reported, whichever comes first', () => {
    filter.turnStarted(turn);
    filter.received('a', 'a'); // the event before the turn's effect
    filter.reportedHere(['a', 'b']);
    filter.turnEnded(turn);
    advance(1_000);
    filter.received('b', 'b'); // the event after the turn ended
    expect(released).toEqual([]);
    filter.received('b', 'b'); // the same change again: not an echo any more
    expect(released).toEqual([['b']]);
  });

  it('releases, in order, what a turn did not report once it ended', () => {
    filter.turnStarted(turn);
    filter.received('elsewhere', 'elsewhere');
    filter.received('mine', 'mine');
    filter.reportedHere(['mine']);
    advance(2_000);
    expect(released).toEqual([]);
    filter.turnEnded(turn);
    advance(299);
    expect(released).toEqual([]);
    advance(1);
    expect(released).toEqual([['elsewhere']]);
  });

  it('holds no event longer than maxHoldMs, however long a turn runs', () => {
    filter.turnStarted(turn);
    filter.received('a', 'a');
    advance(5_000);
    expect(released).toEqual([['a']]);
  });

  it('keeps reported changes while the stream is closed, for its replay', () => {
    filter.reportedHere(['a']);
    filter.pause();
    advance(60_000);
    filter.resume();
    filter.received('a', 'a');
    expect(released).toEqual([]);
  });

  it('forgets reported changes after rememberMs', () => {
    filter.reportedHere(['a']);
    advance(10_001);
    filter.received('a', 'a');
    expect(released).toEqual([['a']]);
  });
});
