import type { AgentInputItem, Model, ModelRequest, ModelResponse, StreamEvent } from '@openai/agents';
import { withHistory } from './with-history';

const earlier: AgentInputItem[] = [
  { type: 'message', role: 'user', content: 'add milk' },
  {
    type: 'message',
    role: 'assistant',
    status: 'completed',
    content: [{ type: 'output_text', text: 'Added.' }],
  },
];

function recordingModel(): { model: Model; seen: ModelRequest[] } {
  const seen: ModelRequest[] = [];
  const response = { usage: {}, output: [] } as unknown as ModelResponse;
  return {
    seen,
    model: {
      getResponse: (request) => {
        seen.push(request);
        return Promise.resolve(response);
      },
      async *getStreamedResponse(request): AsyncIterable<StreamEvent> {
        seen.push(request);
        yield { type: 'output_text_delta', delta: 'ok' };
      },
      getRetryAdvice: () => ({ suggested: false }),
    },
  };
}

const request = (input: ModelRequest['input']) =>
  ({ input, signal: new AbortController().signal }) as ModelRequest;

describe('withHistory', () => {
  it('puts the earlier items before the items of the turn, on every call', async () => {
    const { model, seen } = recordingModel();
    const wrapped = withHistory(model, earlier);
    const turn: AgentInputItem[] = [{ type: 'message', role: 'user', content: 'mark it done' }];
    await wrapped.getResponse(request(turn));
    for await (const ev of wrapped.getStreamedResponse(request([...turn, ...turn]))) expect(ev).toBeDefined();
    expect(seen.map((r) => r.input)).toEqual([
      [...earlier, ...turn],
      [...earlier, ...turn, ...turn],
    ]);
    expect(seen[0].signal).toBeDefined();
    expect(wrapped.getRetryAdvice).toBeDefined();
  });

  it('turns a string input into a user message after the earlier items', async () => {
    const { model, seen } = recordingModel();
    await withHistory(model, earlier).getResponse(request('what is pending?'));
    expect(seen[0].input).toEqual([
      ...earlier,
      { type: 'message', role: 'user', content: 'what is pending?' },
    ]);
  });

  it('is the model itself when there is no history', () => {
    const { model } = recordingModel();
    expect(withHistory(model, [])).toBe(model);
  });
});
