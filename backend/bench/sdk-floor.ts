/**
 * The Agents SDK's own cost of a streamed "add …" turn, for the streaming bench: a bare Agent + Runner of
 * @openai/agents on the same model stub (the same two model calls, the same ~30 streamed chunks), its one tool a
 * function that stores nothing; no database, no MCP, no ChatKit, no history, no SSE. What is left is the floor any
 * backend built on the SDK and the openai client pays per turn. Run as a process of its own, so its CPU is its own.
 * Usage: node dist/bench/sdk-floor.js <model base URL> <chat_completions|responses> <users> <seconds>; prints one
 * JSON line.
 */
import { Agent, OpenAIProvider, Runner, setTracingDisabled, tool } from '@openai/agents';
import { z } from 'zod';

const WARM_UP_MS = 3_000;

/** What the floor process prints (one JSON line). */
export interface SdkFloorResult {
  turns: number;
  errors: number;
  perSecond: number;
  cpuMsPerTurn: number;
  rssMb: number;
}

async function main(): Promise<void> {
  const [baseURL, api] = process.argv.slice(2, 4);
  const [users, seconds] = process.argv.slice(4, 6).map(Number);
  setTracingDisabled(true);
  const provider = new OpenAIProvider({
    apiKey: 'sk-bench-local',
    baseURL,
    useResponses: api === 'responses',
  });
  const runner = new Runner({ modelProvider: provider, tracingDisabled: true });
  const agent = new Agent({
    name: 'Todo Assistant',
    instructions: 'Manage the user’s tasks with the tools.',
    model: 'bench-stub',
    tools: [
      tool({
        name: 'add_task',
        description: 'Add a task',
        parameters: z.object({ title: z.string() }),
        execute: ({ title }) => JSON.stringify({ task_id: 1, status: 'created', title }),
      }),
    ],
  });

  const measureFrom = performance.now() + WARM_UP_MS;
  const deadline = measureFrom + seconds * 1000;
  let cpuAtStart: NodeJS.CpuUsage | undefined;
  let turns = 0;
  let errors = 0;
  const timer = setTimeout(() => (cpuAtStart = process.cpuUsage()), WARM_UP_MS);
  await Promise.all(
    Array.from({ length: users }, async (_, k) => {
      for (let i = 0; performance.now() < deadline; i++) {
        try {
          const stream = await runner.run(agent, `add errand ${k}-${i}`, { stream: true });
          for await (const _ev of stream);
          await stream.completed;
          if (performance.now() > measureFrom) turns++;
        } catch {
          errors++;
        }
      }
    }),
  );
  clearTimeout(timer);
  const cpu = process.cpuUsage(cpuAtStart);
  const result: SdkFloorResult = {
    turns,
    errors,
    perSecond: turns / ((performance.now() - measureFrom) / 1000),
    cpuMsPerTurn: (cpu.user + cpu.system) / 1000 / Math.max(1, turns),
    rssMb: process.memoryUsage.rss() / 2 ** 20,
  };
  console.log(JSON.stringify(result));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
