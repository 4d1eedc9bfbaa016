import {
  AgentTurnEvent,
  AgentTurnRequest,
  AgentTurnRunner,
  ConversationItem,
} from '../../src/agent/agent-turn';

/** Runs one turn and collects every event (a test's view of the stream). */
export async function collectTurn(
  runner: AgentTurnRunner,
  userId: string,
  input: string,
  history: ConversationItem[] = [],
  signal: AbortSignal = new AbortController().signal,
): Promise<AgentTurnEvent[]> {
  const request: AgentTurnRequest = { userId, input, history, signal };
  const events: AgentTurnEvent[] = [];
  for await (const ev of runner.runTurn(request)) events.push(ev);
  return events;
}

/** The final reply text of a turn (all completed messages). */
export function replyOf(events: AgentTurnEvent[]): string {
  return events
    .filter((e): e is Extract<AgentTurnEvent, { type: 'message_done' }> => e.type === 'message_done')
    .map((e) => e.text)
    .join('\n');
}

/** What the turn did with tools, as history items for the next turn (what the chat store keeps). */
export function historyOf(input: string, events: AgentTurnEvent[]): ConversationItem[] {
  const items: ConversationItem[] = [{ kind: 'user', text: input }];
  const calls = new Map<string, Extract<AgentTurnEvent, { type: 'tool_called' }>>();
  for (const e of events) {
    if (e.type === 'tool_called') calls.set(e.callId, e);
    if (e.type === 'tool_output') {
      const call = calls.get(e.callId);
      items.push({
        kind: 'tool',
        callId: e.callId,
        name: e.name,
        arguments: JSON.stringify(call?.arguments ?? {}),
        output: e.output,
      });
    }
    if (e.type === 'message_done') items.push({ kind: 'assistant', text: e.text });
  }
  return items;
}
