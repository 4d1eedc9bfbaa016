import { AgentRunnerService } from '../src/agent/agent-runner.service';
import { ConversationItem } from '../src/agent/agent-turn';
import { collectTurn } from '../test/support/agent-turns';
import { benchDatabase, measure, report, signUp, sqlFloor, startBenchApp } from './support';

/** A long earlier conversation: user asks, tools run, assistant answers — 2,000 items. */
function longHistory(items: number): ConversationItem[] {
  const out: ConversationItem[] = [];
  for (let i = 0; out.length < items; i++) {
    out.push({ kind: 'user', text: `add errand number ${i}` });
    out.push({
      kind: 'tool',
      callId: `call_${i}`,
      name: 'add_task',
      arguments: JSON.stringify({ title: `Errand number ${i}` }),
      output: JSON.stringify({ task_id: i + 1, status: 'created', title: `Errand number ${i}` }),
    });
    out.push({ kind: 'assistant', text: `Added task ${i + 1}: “Errand number ${i}”.` });
  }
  return out.slice(0, items);
}

/** Agent turns with the offline model, the in-process MCP tools and real PostgreSQL (no HTTP, no chat store). */
export async function run(): Promise<void> {
  const db = await benchDatabase();
  const t = await startBenchApp(db);
  try {
    console.log(`\n## Agent turns, offline model (${db.kind} database)`);
    report('bare SQL floor: insert + select', await sqlFloor(db.url));
    const runner = t.app.get(AgentRunnerService);
    const user = await signUp(t.url);
    const reader = await signUp(t.url);
    for (let i = 0; i < 20; i++) await collectTurn(runner, reader.id, `add chore ${i}`);
    report(
      'turn "add …" (1 tool call), 1 at a time',
      await measure(300, 1, (i) => collectTurn(runner, user.id, `add bench task ${i}`)),
    );
    report(
      'turn "add …", 8 concurrent',
      await measure(400, 8, (i) => collectTurn(runner, user.id, `add bench task ${i}`)),
    );
    report(
      'turn "show my pending tasks" (20 tasks), 1 at a time',
      await measure(300, 1, () => collectTurn(runner, reader.id, 'show my pending tasks')),
    );
    const history = longHistory(2_000);
    report(
      'turn "add …" after 2,000 earlier items, 1 at a time',
      await measure(300, 1, (i) => collectTurn(runner, user.id, `add late task ${i}`, history)),
    );
  } finally {
    await t.close();
    await db.dispose();
  }
}
