/**
 * An OpenAI-compatible Chat Completions server that streams like a hosted model, for the streaming bench (run as
 * a process of its own, so its work is neither the backend's nor the clients'): `FIRST_TOKEN_MS` before the first
 * chunk, then one chunk every `TOKEN_MS`. A turn's first call answers an `add_task` tool call (its arguments in
 * pieces); the call after the tool's result answers a short sentence word by word. Prints its URL when listening.
 * Usage: node dist/bench/model-stub.js [port]   (env FIRST_TOKEN_MS=250 TOKEN_MS=20 ARG_CHUNKS=10)
 */
import { createServer, IncomingMessage, ServerResponse } from 'node:http';

const FIRST_TOKEN_MS = Number(process.env.FIRST_TOKEN_MS ?? 250);
const TOKEN_MS = Number(process.env.TOKEN_MS ?? 20);
const ARG_CHUNKS = Number(process.env.ARG_CHUNKS ?? 10);

/** The model's own time of one "add …" turn: what a perfect backend would make the user wait. */
export function modelTurnMs(words: number, firstTokenMs = FIRST_TOKEN_MS, tokenMs = TOKEN_MS): number {
  return 2 * firstTokenMs + (ARG_CHUNKS + 1 + words) * tokenMs;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Message {
  role: string;
  content?: unknown;
}

async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let raw = '';
  for await (const chunk of req) raw += String(chunk);
  const body = JSON.parse(raw) as { messages: Message[]; model: string };
  const last = body.messages[body.messages.length - 1];
  const base = {
    id: `chatcmpl-${Date.now()}`,
    object: 'chat.completion.chunk',
    created: 0,
    model: body.model,
  };
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  let open = true;
  res.on('close', () => (open = false));
  const send = (choice: Record<string, unknown>) => {
    if (open) res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, ...choice }] })}\n\n`);
  };
  await sleep(FIRST_TOKEN_MS);
  send({ delta: { role: 'assistant', content: '' }, finish_reason: null });
  if (last.role === 'tool') {
    const words = 'Added it to your list: done. Anything else I can add for you today?'.split(' ');
    for (const w of words) {
      await sleep(TOKEN_MS);
      send({ delta: { content: `${w} ` }, finish_reason: null });
    }
    send({ delta: {}, finish_reason: 'stop' });
  } else {
    const userText = typeof last.content === 'string' ? last.content : 'a task';
    const args = JSON.stringify({ title: userText.replace(/^add\s+/i, '').slice(0, 100) || 'A task' });
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
    const size = Math.ceil(args.length / ARG_CHUNKS);
    for (let i = 0; i < args.length; i += size) {
      await sleep(TOKEN_MS);
      send({
        delta: { tool_calls: [{ index: 0, function: { arguments: args.slice(i, i + size) } }] },
        finish_reason: null,
      });
    }
    send({ delta: {}, finish_reason: 'tool_calls' });
  }
  if (open) res.end('data: [DONE]\n\n');
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
