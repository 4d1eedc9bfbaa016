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

/**
 * The newest items that fit both budgets (item count and characters), oldest first, so a thread of thousands of
 * items costs no more per turn than a short one.
 */
export function windowHistory(
  items: ConversationItem[],
  maxItems: number,
  budget = HISTORY_CHAR_BUDGET,
): ConversationItem[] {
  let used = 0;
  let start = items.length;
  const floor = Math.max(0, items.length - maxItems);
  while (start > floor && used + sizeOf(items[start - 1]) <= budget) used += sizeOf(items[--start]);
  return items.slice(start);
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
