import type { AgentInputItem } from '@openai/agents';
import { ConversationItem } from './agent-turn';

/** Characters of earlier conversation the model sees per turn (~6k tokens); the newest items win. */
export const HISTORY_CHAR_BUDGET = 24_000;

function sizeOf(item: ConversationItem): number {
  switch (item.kind) {
    case 'tool':
      return item.arguments.length + item.output.length + 40;
    default:
      return item.text.length + 10;
  }
}

/** Turns (a user message and what followed it) whose tool calls the model sees again; older ones are told. */
export const TOOL_CALL_TURNS = 4;

/**
 * The newest items that fit both budgets (item count and characters), oldest first, so a thread of thousands of
 * items costs no more per turn than a short one. Tool calls are kept for the newest `toolTurns` turns only: an
 * older turn is what was said — the answer tells what its tools did — which is most of what a model needs,
 * while old tool results are large and stale (a task list from ten turns ago). The SDK re-serializes every
 * input item on every model call: each tool call replayed cost ~0.1 ms per turn.
 */
export function windowHistory(
  items: ConversationItem[],
  maxItems: number,
  budget = HISTORY_CHAR_BUDGET,
  toolTurns = TOOL_CALL_TURNS,
): ConversationItem[] {
  const kept: ConversationItem[] = [];
  let used = 0;
  let turns = 0;
  for (let i = items.length - 1; i >= Math.max(0, items.length - maxItems); i--) {
    const item = items[i];
    if (item.kind === 'tool' && turns >= toolTurns) continue;
    if (used + sizeOf(item) > budget) break;
    used += sizeOf(item);
    kept.push(item);
    if (item.kind === 'user') turns++;
  }
  return kept.reverse();
}

/** Stored conversation items → the Agents SDK's input items (tool calls replayed with their results). */
export function toAgentInput(items: ConversationItem[]): AgentInputItem[] {
  const input: AgentInputItem[] = [];
  for (const item of items) {
    switch (item.kind) {
      case 'user':
        input.push({ type: 'message', role: 'user', content: item.text });
        break;
      case 'assistant':
        input.push({
          type: 'message',
          role: 'assistant',
          status: 'completed',
          content: [{ type: 'output_text', text: item.text }],
        });
        break;
      case 'tool':
        input.push({
          type: 'function_call',
          callId: item.callId,
          name: item.name,
          arguments: item.arguments,
          status: 'completed',
        });
        input.push({
          type: 'function_call_result',
          callId: item.callId,
          name: item.name,
          status: 'completed',
          output: { type: 'text', text: item.output },
        });
        break;
      case 'context':
        // System role: context for the model that is neither the user's words nor the assistant's.
        input.push({ type: 'message', role: 'system', content: item.text });
        break;
    }
  }
  return input;
}
