import { checkWebhookUrl as backendCheck } from '../../../backend/src/webhooks/webhook-urls';
import { TASK_EVENT_TYPES } from '../../src/api/types';
import { checkWebhookUrl } from '../../src/webhook-url';

/** What a backend in development answers for a URL: the URL it stores, or its refusal. */
async function backend(raw: string): Promise<{ ok: true; url: string } | { ok: false; message: string }> {
  try {
    return { ok: true, url: await backendCheck(raw, true) };
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
}

describe('webhook URLs, as the add-a-webhook form checks them while they are typed', () => {
  // Hosts given as public addresses: what a name resolves to is the backend's to check, when the URL is added.
  it.each([
    'https://93.184.216.34/hooks',
    ' https://93.184.216.34/hooks/todo?key=1 ',
    'HTTPS://93.184.216.34/Hooks',
    'http://localhost:4000/hooks',
    'https://localhost/hooks',
    'http://127.0.0.1:9/x',
    'http://[::1]:8080/h',
    'http://example.com/hooks',
    'ftp://example.com/x',
    'ws://localhost/x',
    'http://user:pw@localhost/x',
    'https://user@93.184.216.34/',
    'not a url',
    'example.com/hooks',
    '',
  ])('%j: the same answer, in the same words, as the backend', async (raw) => {
    expect(checkWebhookUrl(raw)).toEqual(await backend(raw));
  });

  it('offers the task events the backend sends', () => {
    // Loaded by path: its types lead to the task entity, whose decorators this package's compiler does not take.
    const backendEvents = jest.requireActual<{ TASK_EVENT_TYPES: readonly string[] }>(
      '../../../backend/src/events/task-event',
    );
    expect(TASK_EVENT_TYPES).toEqual(backendEvents.TASK_EVENT_TYPES);
  });
});
