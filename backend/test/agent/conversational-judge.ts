/**
 * How a conversational case is judged (conversational.ts), shared by its two runners: the task list after the last
 * turn and the words of the last reply. Answers what is wrong, or null.
 */
import { isDeepStrictEqual } from 'node:util';
import { OPTIONAL_TASK_FIELDS, type ExpectedTask } from './utterances';
import type { ConversationalCase } from './conversational';

/** A task as a runner reads it back: the fields an expectation may name, as a person would write them. */
export interface ActualTask {
  id: number;
  title: string;
  completed: boolean;
  description: string | null;
  priority: 'high' | 'medium' | 'low' | null;
  tags: string[];
  due: string | null;
  repeats: string | null;
}

/** The actual tasks in the expectation's shape: optional fields only where the expectation names them. */
function comparable(actual: readonly ActualTask[], expected: readonly ExpectedTask[]): ExpectedTask[] {
  return actual.map((task) => {
    const out: Record<string, unknown> = { id: task.id, title: task.title, completed: task.completed };
    const want = expected.find((e) => e.id === task.id);
    for (const field of OPTIONAL_TASK_FIELDS) if (want && field in want) out[field] = task[field];
    return out as unknown as ExpectedTask;
  });
}

export function judge(c: ConversationalCase, tasks: readonly ActualTask[], reply: string): string | null {
  const problems: string[] = [];
  const got = comparable(tasks, c.tasks);
  if (!isDeepStrictEqual(got, c.tasks))
    problems.push(`tasks ${JSON.stringify(got)}\n   want ${JSON.stringify(c.tasks)}`);
  if (!reply.trim()) problems.push('an empty reply');
  for (const part of c.replyIncludes ?? [])
    if (!reply.includes(part)) problems.push(`the reply lacks “${part}”`);
  for (const part of c.replyExcludes ?? [])
    if (reply.includes(part)) problems.push(`the reply has “${part}”`);
  return problems.length ? `${problems.join('; ')}\n   reply: ${reply.replace(/\n/g, ' ⏎ ')}` : null;
}
