import { connectInProcess } from '../support/mcp-clients';
import { startTestApp, TestApp } from '../support/test-app';
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
});
