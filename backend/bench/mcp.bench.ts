import { connectInProcess } from '../test/support/mcp-clients';
import { benchDatabase, measure, report, signUp, sqlFloor, startBenchApp } from './support';

/**
 * MCP tool calls per second and latency in process (the agent's path). Over HTTP they are measured by
 * turns.bench, against a backend in processes of its own.
 */
export async function run(): Promise<void> {
  const db = await benchDatabase();
  const t = await startBenchApp(db);
  try {
    console.log(`\n## MCP tools (${db.kind} database)`);
    report('bare SQL floor: insert + select', await sqlFloor(db.url));
    const writer = await signUp(t.url);
    const reader = await signUp(t.url); // a steady list of 20 tasks, so list_tasks cost does not grow with the run
    const seed = await connectInProcess(t.app, reader.jwt);
    for (let i = 0; i < 20; i++) await seed.call('add_task', { title: `Task ${i}` });
    await seed.close();
    const connections = [
      ['in process', await connectInProcess(t.app, writer.jwt), await connectInProcess(t.app, reader.jwt)],
    ] as const;
    for (const [kind, write, read] of connections) {
      for (const concurrency of [1, 8]) {
        report(
          `add_task, ${kind}, ${concurrency} in flight`,
          await measure(400, concurrency, (i) => write.call('add_task', { title: `Bench ${i}` })),
        );
        report(
          `list_tasks (20 tasks), ${kind}, ${concurrency} in flight`,
          await measure(400, concurrency, () => read.call('list_tasks', {})),
        );
      }
      await write.close();
      await read.close();
    }
  } finally {
    await t.close();
    await db.dispose();
  }
}
