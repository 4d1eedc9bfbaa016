/**
 * The deterministic offline model: an implementation of the Agents SDK `Model` interface that needs no
 * network and no API key. Each call reads the whole input (history + this run's tool results), asks the
 * planner for the next step, and answers with function calls or a final assistant message.
 *
 * Determinism: no clock, no randomness. Item ids are derived from a hash of the input, so the same input
 * gives byte-identical output, and ids stay unique within a conversation even after a server restart.
 */
import { sentenceOfNote } from '../../../chat/overdue-note';
import {
  type AssistantMessageItem,
  type FunctionCallItem,
  type Model,
  type ModelRequest,
  type ModelResponse,
  type StreamEvent,
  Usage,
} from '@openai/agents';
import { LISTS_SHOWN_INSTRUCTION } from '../../todo.agent';
import { readConversation } from './conversation-state';
import { decide } from './turn-planner';
import { resolveToolName } from './tool-contract';

/** What one model call produces, before it is wrapped for `getResponse` or the stream. */
export interface OfflineModelOutput {
  responseId: string;
  /** Function calls, or one assistant message: valid both as `ModelResponse.output` and in `response_done`. */
  output: Array<FunctionCallItem | AssistantMessageItem>;
  /** The reply text when the output is a final message. */
  text?: string;
}

const ZERO_USAGE = { requests: 1, inputTokens: 0, outputTokens: 0, totalTokens: 0 } as const;

export class OfflineModel implements Model {
  async getResponse(request: ModelRequest): Promise<ModelResponse> {
    throwIfAborted(request.signal);
    const { responseId, output } = respond(request);
    // The runner's usage bookkeeping needs a `Usage` instance here (a plain object crashes it).
    return { usage: new Usage(ZERO_USAGE), output, responseId };
  }

  async *getStreamedResponse(request: ModelRequest): AsyncIterable<StreamEvent> {
    throwIfAborted(request.signal);
    const { responseId, output, text } = respond(request);
    yield { type: 'response_started' };
    if (text !== undefined) {
      for (const delta of wordDeltas(text)) {
        throwIfAborted(request.signal);
        yield { type: 'output_text_delta', delta };
      }
    }
    throwIfAborted(request.signal);
    // In streaming mode the runner takes the final output from this event only.
    yield { type: 'response_done', response: { id: responseId, usage: { ...ZERO_USAGE }, output } };
  }
}

/** Computes the next step for a request. Exported for tests and for callers that want the raw output. */
export function respond(request: ModelRequest): OfflineModelOutput {
  const fingerprint = hashInput(request.input);
  const responseId = `resp_offline_${fingerprint}`;
  // Like any model, it reads its instructions: a client that draws the task lists gets no list spelled out twice.
  const listsShown = request.systemInstructions?.includes(LISTS_SHOWN_INSTRUCTION) ?? false;
  const step = decide(readConversation(request.input), { listsShown });
  if (step.kind === 'calls') {
    const output: FunctionCallItem[] = [];
    for (const [index, call] of step.calls.entries()) {
      // Only ever call tools the request offers (names may carry a server prefix).
      const name = resolveToolName(request.tools, call.name);
      if (!name)
        return messageOutput(responseId, fingerprint, step.language.replies.unavailableToolReply(call.name));
      output.push({
        type: 'function_call',
        id: `fc_offline_${fingerprint}_${index}`,
        callId: `call_offline_${fingerprint}_${index}`,
        name,
        arguments: JSON.stringify(call.args),
        status: 'completed',
      });
    }
    return { responseId, output };
  }
  const opening = overdueOpening(request.input);
  return messageOutput(responseId, fingerprint, opening ? `${opening}\n\n${step.text}` : step.text);
}

/** The sentence the turn's overdue note asks the answer to open with (chat/overdue-note.ts), if it has one. */
function overdueOpening(input: ModelRequest['input']): string | null {
  if (typeof input === 'string') return null;
  for (const item of input)
    if (item.type === 'message' && item.role === 'system' && typeof item.content === 'string') {
      const sentence = sentenceOfNote(item.content);
      if (sentence) return sentence;
    }
  return null;
}

function messageOutput(responseId: string, fingerprint: string, text: string): OfflineModelOutput {
  const message: AssistantMessageItem = {
    type: 'message',
    id: `msg_offline_${fingerprint}`,
    role: 'assistant',
    status: 'completed',
    content: [{ type: 'output_text', text }],
  };
  return { responseId, output: [message], text };
}

/** Splits text into word-sized deltas whose concatenation is exactly the text. */
export function wordDeltas(text: string): string[] {
  const parts = text.split(/(?<=\s)(?=\S)/);
  return parts.filter((p) => p.length > 0);
}

/** FNV-1a over the serialized input: a short, stable fingerprint for item ids. */
function hashInput(input: ModelRequest['input']): string {
  const text = typeof input === 'string' ? input : JSON.stringify(input);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${hash.toString(16).padStart(8, '0')}${text.length.toString(36)}`;
}

/** Throws the error the runner recognises as an abort (`name === 'AbortError'`). */
function throwIfAborted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') throw reason;
  throw new DOMException('The offline model request was aborted.', 'AbortError');
}
