import { UserTimeZones } from '../../src/tasks/user-time-zones.service';
import { ChatKitClient, Ev, userInput } from '../support/chatkit-client';
import { clockOverride, TestClock } from '../support/fixed-clock';
import { startTestAppWith } from '../support/test-app-overrides';
import { TestApp } from '../support/test-app';
import { api, signUp, TestUser } from '../support/users';

/**
 * The user's time zone comes from the client — `timezone` in a REST chat body, `metadata.timezone` on a ChatKit
 * request (the widget sends the browser's) — is remembered per user, and every date of the turn is resolved and
 * shown in it, through the real offline agent. "Now" is Wed 9 Dec 2026, 10:00 UTC.
 */
describe('chat turns in the user’s time zone', () => {
  let t: TestApp;
  let user: TestUser;
  let rest: ReturnType<typeof api>;
  let ck: ChatKitClient;

  beforeAll(async () => {
    t = await startTestAppWith([clockOverride(new TestClock())]);
    user = await signUp(t.url, 'Zoned');
    rest = api(t.url, user.jwt);
    ck = new ChatKitClient(t.url, user.jwt);
  });
  afterAll(() => t.close());

  const remembered = () => t.app.get(UserTimeZones).get(user.id);
  const widgetOf = (events: Ev[]) =>
    events.find((e) => e.type === 'thread.item.done' && e.item.type === 'widget')?.item.widget;

  it('REST chat: resolves "tomorrow at 9am" in the body’s zone, says the date and remembers the zone', async () => {
    const res = await rest.post('/api/chat', {
      message: 'add dentist tomorrow at 9am',
      timezone: 'America/New_York',
    });
    expect(res.status).toBe(200);
    expect(res.body.tool_calls[0]).toMatchObject({
      name: 'add_task',
      arguments: { title: 'Dentist', due: 'tomorrow at 9am' },
      output: { task_id: 1, due: 'Thu 10 Dec, 09:00', due_at: '2026-12-10T14:00:00.000Z' },
    });
    expect(res.body.response).toContain('Added task 1: “Dentist” (due Thu 10 Dec, 09:00).');
    await expect(remembered()).resolves.toBe('America/New_York');
    expect((await rest.get('/api/tasks/1')).body).toMatchObject({
      due_time: '09:00',
      time_zone: 'America/New_York',
    });
  });

  it('REST chat refuses a zone that is not one, before anything is stored', async () => {
    const threads = (await rest.get('/api/chat/conversations')).body.data.length;
    for (const timezone of ['Mars/Olympus', '+02:00', 42]) {
      const res = await rest.post('/api/chat', { message: 'add nothing', timezone });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('timezone must be an IANA time zone name');
    }
    expect((await rest.get('/api/chat/conversations')).body.data).toHaveLength(threads);
    await expect(remembered()).resolves.toBe('America/New_York');
  });

  it('ChatKit: metadata.timezone places the dates, the task list shows them in it, and it is remembered', async () => {
    const created = await ck.stream(
      'threads.create',
      { input: userInput('add call mom tomorrow at 9am') },
      { metadata: { timezone: 'Asia/Tokyo' } },
    );
    expect(created.error).toBeUndefined();
    const effect = created.events.find((e) => e.type === 'client_effect');
    expect(effect!.data.changes).toEqual([
      expect.objectContaining({
        action: 'created',
        task_id: 2,
        title: 'Call mom',
        due_at: '2026-12-10T00:00:00.000Z',
        due_date: '2026-12-10',
        due_time: '09:00',
        time_zone: 'Asia/Tokyo',
      }),
    ]);
    await expect(remembered()).resolves.toBe('Asia/Tokyo');
    // Both tasks in Tokyo time: the dentist (9:00 in New York) is 23:00 the same day there.
    const listed = await ck.stream(
      'threads.add_user_message',
      { thread_id: created.events[0].thread.id, input: userInput('show my tasks') },
      { metadata: { timezone: 'Asia/Tokyo' } },
    );
    const rows = JSON.stringify(widgetOf(listed.events));
    expect(rows).toContain('"value":"Task 1 · Due Thu 10 Dec, 23:00"');
    expect(rows).toContain('"value":"Task 2 · Due Thu 10 Dec, 09:00"');
  });

  it('ChatKit ignores a metadata zone that is not one; a request without one uses the remembered zone', async () => {
    const res = await ck.stream(
      'threads.create',
      { input: userInput("what's due this week?") },
      { metadata: { timezone: 'Not/A_Zone' } },
    );
    expect(res.error).toBeUndefined();
    await expect(remembered()).resolves.toBe('Asia/Tokyo');
    const noZone = await rest.post('/api/chat', { message: "what's due this week?" });
    expect(noZone.body.response).toContain('○ 1. Dentist (due Thu 10 Dec, 23:00)');
    expect(noZone.body.response).toContain('○ 2. Call mom (due Thu 10 Dec, 09:00)');
  });
});
