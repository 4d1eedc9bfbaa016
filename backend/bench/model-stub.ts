/**
 * An OpenAI-compatible server that streams like a hosted model, for the streaming bench (run as a process of its
 * own, so its work is neither the backend's nor the clients'), on both APIs: Chat Completions
 * (`POST /v1/chat/completions`) and Responses (`POST /v1/responses`). `FIRST_TOKEN_MS` before the first chunk, then
 * one chunk every `TOKEN_MS`. A turn's first call answers an `add_task` tool call (its arguments in pieces); the call
 * after the tool's result answers a short sentence word by word. Prints its URL when listening.
 * Usage: node dist/bench/model-stub.js [port]   (env FIRST_TOKEN_MS=250 TOKEN_MS=20 ARG_CHUNKS=10)
 */
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
// Types only (erased at run time): the Responses events are checked against the `openai` package the SDK uses.
import type { ResponseOutputItem, ResponseStreamEvent } from 'openai/resources/responses/responses';
import { responseObject } from '../test/support/openai-responses-stub';

const FIRST_TOKEN_MS = Number(process.env.FIRST_TOKEN_MS ?? 250);
const TOKEN_MS = Number(process.env.TOKEN_MS ?? 20);
const ARG_CHUNKS = Number(process.env.ARG_CHUNKS ?? 10);

/** The model's own time of one "add …" turn: what a perfect backend would make the user wait. */
export function modelTurnMs(words: number, firstTokenMs = FIRST_TOKEN_MS, tokenMs = TOKEN_MS): number {
  return 2 * firstTokenMs + (ARG_CHUNKS + 1 + words) * tokenMs;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const ANSWER = 'Added it to your list: done. Anything else I can add for you today?'.split(' ');

/** The tool call's arguments, made of the user's words, and the pieces they are streamed in. */
function toolArguments(userText: string): { args: string; pieces: string[] } {
  const args = JSON.stringify({ title: userText.replace(/^add\s+/i, '').slice(0, 100) || 'A task' });
  const size = Math.ceil(args.length / ARG_CHUNKS);
  const pieces: string[] = [];
  for (let i = 0; i < args.length; i += size) pieces.push(args.slice(i, i + size));
  return { args, pieces };
}

interface Message {
  role: string;
  content?: unknown;
}

async function readJson<T>(req: IncomingMessage): Promise<T> {
  let raw = '';
  for await (const chunk of req) raw += String(chunk);
  return JSON.parse(raw) as T;
}

/** A streamed answer: writes SSE frames while the client is there. */
function sse(res: ServerResponse): { open: () => boolean; write: (frame: string) => void } {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  let open = true;
  res.on('close', () => (open = false));
  return { open: () => open, write: (frame) => void (open && res.write(frame)) };
}

async function answerChat(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson<{ messages: Message[]; model: string }>(req);
  const last = body.messages[body.messages.length - 1];
  const base = {
    id: `chatcmpl-${Date.now()}`,
    object: 'chat.completion.chunk',
    created: 0,
    model: body.model,
  };
  const stream = sse(res);
  const send = (choice: Record<string, unknown>) =>
    stream.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, ...choice }] })}\n\n`);
  await sleep(FIRST_TOKEN_MS);
  send({ delta: { role: 'assistant', content: '' }, finish_reason: null });
  if (last.role === 'tool') {
    for (const w of ANSWER) {
      await sleep(TOKEN_MS);
      send({ delta: { content: `${w} ` }, finish_reason: null });
    }
    send({ delta: {}, finish_reason: 'stop' });
  } else {
    const userText = typeof last.content === 'string' ? last.content : 'a task';
    const { pieces } = toolArguments(userText);
    send({
      delta: {
        tool_calls: [
          {
            index: 0,
            id: `call_${Date.now()}`,
            type: 'function',
            function: { name: 'add_task', arguments: '' },
          },
        ],
      },
      finish_reason: null,
    });
    for (const piece of pieces) {
      await sleep(TOKEN_MS);
      send({ delta: { tool_calls: [{ index: 0, function: { arguments: piece } }] }, finish_reason: null });
    }
    send({ delta: {}, finish_reason: 'tool_calls' });
  }
  if (stream.open()) res.end('data: [DONE]\n\n');
}

interface ResponsesBody {
  model: string;
  instructions?: string;
  tools?: unknown[];
  input: string | Array<{ type?: string; role?: string; content?: unknown }>;
}

/** The text of the last user message of a Responses input (a string, or `input_text` parts). */
function lastUserText(input: ResponsesBody['input']): string {
  if (typeof input === 'string') return input;
  const content = [...input].reverse().find((item) => item.role === 'user')?.content;
  if (typeof content === 'string') return content;
  const parts = Array.isArray(content) ? (content as Array<{ type?: string; text?: string }>) : [];
  return parts.map((p) => (p.type === 'input_text' ? (p.text ?? '') : '')).join('') || 'a task';
}

/**
 * The Responses API as OpenAI streams it: every event names itself twice (the SSE `event:` line and the JSON
 * `type`), and the response object, with the request's instructions and tools echoed, is sent three times
 * (created, in progress, completed), the last with the whole output.
 */
async function answerResponses(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson<ResponsesBody>(req);
  const input = typeof body.input === 'string' ? [] : body.input;
  const afterTool = input[input.length - 1]?.type === 'function_call_output';
  const stamp = Date.now();
  const response = (status: 'in_progress' | 'completed', output: ResponseOutputItem[]) =>
    responseObject(`resp_${stamp}`, status, output, body);
  const stream = sse(res);
  let sequence_number = 0;
  const send = (event: ResponseStreamEvent) =>
    stream.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  await sleep(FIRST_TOKEN_MS);
  send({
    type: 'response.created',
    sequence_number: sequence_number++,
    response: response('in_progress', []),
  });
  send({
    type: 'response.in_progress',
    sequence_number: sequence_number++,
    response: response('in_progress', []),
  });
  let item: ResponseOutputItem;
  const item_id = `${afterTool ? 'msg' : 'fc'}_${stamp}`;
  const next = () => ({ output_index: 0, item_id, sequence_number: sequence_number++ });
  if (afterTool) {
    const text = ANSWER.map((w) => `${w} `).join('');
    const part = (t: string) => ({ type: 'output_text' as const, text: t, annotations: [] });
    item = { id: item_id, type: 'message', role: 'assistant', status: 'completed', content: [part(text)] };
    send({
      type: 'response.output_item.added',
      ...next(),
      item: { ...item, status: 'in_progress', content: [] },
    });
    send({ type: 'response.content_part.added', ...next(), content_index: 0, part: part('') });
    for (const w of ANSWER) {
      await sleep(TOKEN_MS);
      send({ type: 'response.output_text.delta', ...next(), content_index: 0, delta: `${w} `, logprobs: [] });
    }
    send({ type: 'response.output_text.done', ...next(), content_index: 0, text, logprobs: [] });
    send({ type: 'response.content_part.done', ...next(), content_index: 0, part: part(text) });
  } else {
    const { args, pieces } = toolArguments(lastUserText(body.input));
    const call = { id: item_id, type: 'function_call' as const, call_id: `call_${stamp}`, name: 'add_task' };
    item = { ...call, status: 'completed', arguments: args };
    send({
      type: 'response.output_item.added',
      ...next(),
      item: { ...call, status: 'in_progress', arguments: '' },
    });
    for (const delta of pieces) {
      await sleep(TOKEN_MS);
      send({ type: 'response.function_call_arguments.delta', ...next(), delta });
    }
    send({ type: 'response.function_call_arguments.done', ...next(), arguments: args });
  }
  send({ type: 'response.output_item.done', sequence_number: sequence_number++, output_index: 0, item });
  send({
    type: 'response.completed',
    sequence_number: sequence_number++,
    response: response('completed', [item]),
  });
  // The Responses stream has no `[DONE]` sentinel: it ends after its terminal event.
  if (stream.open()) res.end();
}

async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'POST' && req.url === '/v1/chat/completions') return answerChat(req, res);
  if (req.method === 'POST' && req.url === '/v1/responses') return answerResponses(req, res);
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { message: `stub: no route ${req.method} ${req.url}` } }));
}

if (require.main === module) {
  const server = createServer((req, res) => {
    answer(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(err));
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
    const addr = server.address();
    console.log(`http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/v1`);
  });
}
