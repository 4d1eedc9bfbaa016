import type { ConversationItem } from '../agent/agent-turn';
import { assistantMessageText, ItemPayloads, StoredItem, userMessageText } from './thread-item';

function answersText(payload: ItemPayloads['structured_input']): string {
  const lines = payload.inputs.map((input) => {
    const answer = input.answer;
    const said = !answer ? 'unanswered' : answer.skipped ? 'skipped' : answer.values.join(', ');
    return `${input.question}: ${said}`;
  });
  return `The user ${payload.status === 'skipped' ? 'skipped' : 'answered'} these questions:\n${lines.join('\n')}`;
}

/**
 * Stored items → what the model reads again (chatkit-protocol.md §8.3, reduced to what our agent uses).
 * Items only a person looks at (widgets, workflows) and pending calls have no model form.
 */
export function toConversationItem(item: StoredItem): ConversationItem | undefined {
  switch (item.type) {
    case 'user_message': {
      const text = userMessageText(item.payload);
      return text ? { kind: 'user', text } : undefined;
    }
    case 'assistant_message': {
      const text = assistantMessageText(item.payload);
      return text ? { kind: 'assistant', text } : undefined;
    }
    case 'server_tool_call':
      return {
        kind: 'tool',
        callId: item.payload.call_id,
        name: item.payload.name,
        arguments: JSON.stringify(item.payload.arguments),
        output: item.payload.output,
      };
    case 'client_tool_call':
      return item.payload.status === 'completed'
        ? {
            kind: 'tool',
            callId: item.payload.call_id,
            name: item.payload.name,
            arguments: JSON.stringify(item.payload.arguments),
            output: JSON.stringify(item.payload.output ?? null),
          }
        : undefined;
    case 'structured_input':
      return item.payload.status === 'pending'
        ? undefined
        : { kind: 'context', text: answersText(item.payload) };
    case 'hidden_context_item': {
      const content = item.payload.content;
      return { kind: 'context', text: typeof content === 'string' ? content : JSON.stringify(content) };
    }
    case 'sdk_hidden_context':
      return { kind: 'context', text: item.payload.content };
    default:
      return undefined;
  }
}

export function toConversationItems(items: StoredItem[]): ConversationItem[] {
  return items.map(toConversationItem).filter((i): i is ConversationItem => i !== undefined);
}
