import { EventStream } from '../support/event-stream';
import { startTestApp, TestApp } from '../support/test-app';
import { api, signUp } from '../support/users';

jest.setTimeout(60_000);

/**
 * The job engine behind reminders works on both databases `npm start` may use: a reminder a few seconds ahead fires
 * as a `task.due` event (the postgres project runs this on PostgreSQL, the embedded one on PGlite).
 */
describe('reminders on this database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('fires a reminder at its time', async () => {
    const user = await signUp(t.url, 'Embedded');
    const stream = await EventStream.open(t.url, user.jwt);
    try {
      const due = new Date(Date.now() + 2_000).toISOString();
      await api(t.url, user.jwt).post('/api/tasks', { title: 'Check the oven', due_at: due });
      let e = await stream.next(2_000);
      while (e.event !== 'task.due') e = await stream.next(10_000);
      expect(e.data.task).toMatchObject({ title: 'Check the oven', remind_at: due });
      expect(Date.now()).toBeGreaterThanOrEqual(new Date(due).getTime());
    } finally {
      stream.close();
    }
  });
});
