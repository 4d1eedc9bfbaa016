import { InProcessMcpPool, InProcessMcpServer } from '../../src/mcp/in-process-mcp.server';
import { authInfoFor } from '../../src/mcp/mcp-token.verifier';
import { connectInProcess, textOf } from '../support/mcp-clients';
import { startTestApp, TestApp } from '../support/test-app';
import { api, signUp } from '../support/users';
import { toolBehaviour } from './mcp-tools.behaviour';

describe('MCP in process (the agent’s connection)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  toolBehaviour(
    () => t,
    (app, user) => connectInProcess(app.app, user.jwt),
  );

  describe('pooled connections', () => {
    const connectAs = async (userId: string) => {
      const conn = new InProcessMcpServer(t.app.get(InProcessMcpPool), authInfoFor(userId, 'in-process', 0));
      await conn.connect();
      return conn;
    };
    const titles = async (jwt: string) =>
      ((await api(t.url, jwt).get('/api/tasks?limit=100')).body.data as Array<{ title: string }>).map(
        (x) => x.title,
      );

    it('a connection lent to one user and then to another acts for each borrower only', async () => {
      const [carol, dave] = await Promise.all([signUp(t.url, 'Carol'), signUp(t.url, 'Dave')]);
      for (let round = 0; round < 3; round++) {
        for (const user of [carol, dave]) {
          const conn = await connectAs(user.id);
          const result = await conn.callToolResult('add_task', { title: `${user.email} ${round}` });
          expect(result.isError).toBeFalsy();
          await conn.close();
        }
      }
      expect(await titles(carol.jwt)).toEqual([0, 1, 2].map((r) => `${carol.email} ${r}`));
      expect(await titles(dave.jwt)).toEqual([0, 1, 2].map((r) => `${dave.email} ${r}`));
    });

    it('a closed connection refuses calls: a finished turn cannot act again', async () => {
      const erin = await signUp(t.url, 'Erin');
      const conn = await connectAs(erin.id);
      await conn.close();
      await expect(conn.callToolResult('add_task', { title: 'Too late' })).rejects.toThrow(/closed/);
      expect(await titles(erin.jwt)).toEqual([]);
    });

    it('a call still in flight when its turn ends acts for its user; the next borrower acts for theirs', async () => {
      const [frank, grace] = await Promise.all([signUp(t.url, 'Frank'), signUp(t.url, 'Grace')]);
      const conn = await connectAs(frank.id);
      const inFlight = conn.callToolResult('add_task', { title: 'Frank in flight' }).catch(() => undefined);
      await conn.close();
      const next = await connectAs(grace.id);
      expect(textOf(await next.callToolResult('add_task', { title: 'Grace' }))).toContain('"task_id":1');
      await next.close();
      await inFlight;
      expect(await titles(grace.jwt)).toEqual(['Grace']);
      expect((await titles(frank.jwt)).every((x) => x === 'Frank in flight')).toBe(true);
    });
  });
});
