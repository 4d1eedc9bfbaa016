import type { ServerResponse } from 'node:http';
import { LocalStub, type RecordedRequest } from './local-stub';

/** One recorded request to the stub (the parsed JSON body). */
export type StubRequest = RecordedRequest<
  Record<string, unknown> & {
    messages?: Array<Record<string, unknown>>;
    tools?: Array<Record<string, unknown>>;
  }
>;

/** What the stub answers to one Chat Completions call: text pieces, or tool calls. */
export type StubReply =
  /** `stall`: after the pieces the stream stays open and silent (a server that stops mid-answer). */
  | { text: string[]; stall?: true }
  | { toolCalls: Array<{ id: string; name: string; arguments: string }> }
  /** An HTTP error; `headers` such as `retry-after-ms` (the openai client waits that long before its retry). */
  | { status: number; body: string; headers?: Record<string, string> }
  /** A 200 whose body is `raw` as is (a server answering something that is not Chat Completions). */
  | { raw: string; contentType: string }
  | { hang: true }
  /** Answers `then` once `wait` settles (a model call held in flight until the test releases it). */
  | { wait: Promise<unknown>; then: StubReply };

/**
 * A local HTTP server speaking OpenAI's Chat Completions wire format (streaming SSE chunks and plain JSON),
 * so the real @openai/agents OpenAI code runs against it with no network.
 */
export class OpenAIChatStub extends LocalStub<StubRequest['body'], StubReply> {
  protected readonly basePath = '/v1';

  protected async answer(
    request: StubRequest,
    next: StubReply | undefined,
    res: ServerResponse,
  ): Promise<void> {
    let reply: StubReply = next ?? { text: ['(no reply queued)'] };
    while ('wait' in reply) {
      const held = reply;
      await held.wait.catch(() => undefined);
      reply = held.then;
    }
    if (res.destroyed) return; // the client gave up while the reply was held
    if ('hang' in reply) return; // never answers: the client's timeout or abort must end it
    if ('status' in reply) {
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(reply.body);
      return;
    }
    if ('raw' in reply) {
      res.writeHead(200, { 'content-type': reply.contentType }).end(reply.raw);
      return;
    }
    const base = {
      id: `chatcmpl-${this.requests.length}`,
      object: 'chat.completion.chunk',
      created: Math.floor(Date.now() / 1000),
      model: String(request.body.model),
    };
    if (request.body.stream !== true) {
      const message =
        'text' in reply
          ? { role: 'assistant', content: reply.text.join('') }
          : {
              role: 'assistant',
              content: null,
              tool_calls: reply.toolCalls.map((c) => ({
                id: c.id,
                type: 'function',
                function: { name: c.name, arguments: c.arguments },
              })),
            };
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          ...base,
          object: 'chat.completion',
          choices: [{ index: 0, message, finish_reason: 'text' in reply ? 'stop' : 'tool_calls' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const send = (choice: Record<string, unknown>) =>
      res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, ...choice }] })}\n\n`);
    send({ delta: { role: 'assistant', content: '' }, finish_reason: null });
    if ('text' in reply) {
      for (const piece of reply.text) send({ delta: { content: piece }, finish_reason: null });
      if (reply.stall) return;
      send({ delta: {}, finish_reason: 'stop' });
    } else {
      reply.toolCalls.forEach((c, index) => {
        send({
          delta: {
            tool_calls: [{ index, id: c.id, type: 'function', function: { name: c.name, arguments: '' } }],
          },
          finish_reason: null,
        });
        // Arguments arrive in pieces, as real servers send them.
        const mid = Math.floor(c.arguments.length / 2);
        for (const part of [c.arguments.slice(0, mid), c.arguments.slice(mid)]) {
          send({ delta: { tool_calls: [{ index, function: { arguments: part } }] }, finish_reason: null });
        }
      });
      send({ delta: {}, finish_reason: 'tool_calls' });
    }
    res.write(
      `data: ${JSON.stringify({ ...base, choices: [], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } })}\n\n`,
    );
    res.end('data: [DONE]\n\n');
  }
}
