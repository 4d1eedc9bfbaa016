import type { ServerResponse } from 'node:http';
import { LocalStub, type RecordedRequest } from './local-stub';
// Types only (erased at run time): the stub's events are checked against the `openai` package the SDK uses.
import type {
  Response,
  ResponseFunctionToolCall,
  ResponseOutputItem,
  ResponseOutputMessage,
  ResponseStreamEvent,
  Tool,
} from 'openai/resources/responses/responses';

/** One recorded request to the stub (the parsed JSON body). */
export type ResponsesStubRequest = RecordedRequest<
  Record<string, unknown> & {
    instructions?: string;
    input?: Array<Record<string, unknown>>;
    tools?: Array<Record<string, unknown>>;
  }
>;

/** What the stub answers to one Responses call: a message in text pieces, function calls, or an HTTP error. */
export type ResponsesStubReply =
  | { text: string[] }
  | { functionCalls: Array<{ callId: string; name: string; arguments: string }> }
  | { status: number; body: string };

/**
 * A Responses API response object as OpenAI sends it (in `response.created`, `response.in_progress` and
 * `response.completed`, and as a plain answer): the request's instructions and tools echoed, usage once completed.
 */
export function responseObject(
  id: string,
  status: 'in_progress' | 'completed',
  output: ResponseOutputItem[],
  request: { model?: unknown; instructions?: unknown; tools?: unknown },
): Response {
  const now = Math.floor(Date.now() / 1000);
  return {
    id,
    object: 'response',
    created_at: now,
    status,
    completed_at: status === 'completed' ? now : null,
    model: String(request.model),
    output,
    output_text: output
      .flatMap((o) => (o.type === 'message' ? o.content : []))
      .map((c) => (c.type === 'output_text' ? c.text : ''))
      .join(''),
    instructions: typeof request.instructions === 'string' ? request.instructions : null,
    tools: (request.tools ?? []) as Tool[],
    tool_choice: 'auto',
    parallel_tool_calls: true,
    temperature: 1,
    top_p: 1,
    error: null,
    incomplete_details: null,
    access_programs: null,
    metadata: {},
    usage:
      status === 'completed'
        ? {
            input_tokens: 10,
            input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
            output_tokens: 5,
            output_tokens_details: { reasoning_tokens: 0 },
            total_tokens: 15,
          }
        : undefined,
  };
}

/**
 * A local HTTP server speaking OpenAI's Responses wire format (POST /v1/responses: streaming SSE events and plain
 * JSON), so the real @openai/agents Responses code runs against it with no network.
 */
export class OpenAIResponsesStub extends LocalStub<ResponsesStubRequest['body'], ResponsesStubReply> {
  protected readonly basePath = '/v1';

  protected answer(
    request: ResponsesStubRequest,
    next: ResponsesStubReply | undefined,
    res: ServerResponse,
  ): void {
    if (request.method !== 'POST' || request.path !== '/v1/responses') {
      const error = {
        message: `stub: no route ${request.method} ${request.path}`,
        type: 'invalid_request_error',
      };
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error }));
      return;
    }
    const reply: ResponsesStubReply = next ?? { text: ['(no reply queued)'] };
    if ('status' in reply) {
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
      return;
    }

    const n = this.requests.length;
    const output: ResponseOutputItem[] =
      'text' in reply
        ? [
            {
              id: `msg_${n}`,
              type: 'message',
              role: 'assistant',
              status: 'completed',
              content: [{ type: 'output_text', text: reply.text.join(''), annotations: [], logprobs: [] }],
            },
          ]
        : reply.functionCalls.map((c, i) => ({
            id: `fc_${n}_${i}`,
            type: 'function_call',
            status: 'completed',
            call_id: c.callId,
            name: c.name,
            arguments: c.arguments,
          }));
    const response = (status: 'in_progress' | 'completed', items: ResponseOutputItem[]): Response =>
      responseObject(`resp_${n}`, status, items, request.body);

    if (request.body.stream !== true) {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(response('completed', output)));
      return;
    }

    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    let sequence = 0;
    // Every event names itself twice, as OpenAI sends them: the SSE `event:` line and the JSON `type`.
    const send = (event: ResponseStreamEvent) =>
      res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    send({ type: 'response.created', sequence_number: sequence++, response: response('in_progress', []) });
    send({
      type: 'response.in_progress',
      sequence_number: sequence++,
      response: response('in_progress', []),
    });
    output.forEach((item, output_index) => {
      if (item.type === 'message') this.streamMessage(item, output_index, reply, send, () => sequence++);
      if (item.type === 'function_call') this.streamFunctionCall(item, output_index, send, () => sequence++);
    });
    send({
      type: 'response.completed',
      sequence_number: sequence++,
      response: response('completed', output),
    });
    // The Responses stream has no `[DONE]` sentinel: it ends after its terminal event.
    res.end();
  }

  private streamMessage(
    item: ResponseOutputMessage,
    output_index: number,
    reply: ResponsesStubReply,
    send: (event: ResponseStreamEvent) => void,
    seq: () => number,
  ): void {
    const item_id = item.id;
    const text = item.content.map((c) => (c.type === 'output_text' ? c.text : '')).join('');
    const part = (t: string) => ({ type: 'output_text' as const, text: t, annotations: [], logprobs: [] });
    send({
      type: 'response.output_item.added',
      sequence_number: seq(),
      output_index,
      item: { ...item, status: 'in_progress', content: [] },
    });
    send({
      type: 'response.content_part.added',
      sequence_number: seq(),
      output_index,
      item_id,
      content_index: 0,
      part: part(''),
    });
    for (const delta of 'text' in reply ? reply.text : []) {
      send({
        type: 'response.output_text.delta',
        sequence_number: seq(),
        output_index,
        item_id,
        content_index: 0,
        delta,
        logprobs: [],
      });
    }
    send({
      type: 'response.output_text.done',
      sequence_number: seq(),
      output_index,
      item_id,
      content_index: 0,
      text,
      logprobs: [],
    });
    send({
      type: 'response.content_part.done',
      sequence_number: seq(),
      output_index,
      item_id,
      content_index: 0,
      part: part(text),
    });
    send({ type: 'response.output_item.done', sequence_number: seq(), output_index, item });
  }

  private streamFunctionCall(
    item: ResponseFunctionToolCall,
    output_index: number,
    send: (event: ResponseStreamEvent) => void,
    seq: () => number,
  ): void {
    const item_id = item.id!;
    send({
      type: 'response.output_item.added',
      sequence_number: seq(),
      output_index,
      item: { ...item, status: 'in_progress', arguments: '' },
    });
    // Arguments arrive in pieces, as real servers send them.
    const mid = Math.floor(item.arguments.length / 2);
    for (const delta of [item.arguments.slice(0, mid), item.arguments.slice(mid)]) {
      send({
        type: 'response.function_call_arguments.delta',
        sequence_number: seq(),
        output_index,
        item_id,
        delta,
      });
    }
    send({
      type: 'response.function_call_arguments.done',
      sequence_number: seq(),
      output_index,
      item_id,
      arguments: item.arguments,
    });
    send({ type: 'response.output_item.done', sequence_number: seq(), output_index, item });
  }
}
