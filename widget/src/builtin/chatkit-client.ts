import { msg } from '@lit/localize';
import { EventSourceParserStream } from 'eventsource-parser/stream';
import { errorFromResponse, reach, WidgetError } from '../auth/widget-error.js';
import type { JsonRequests, StreamEvent, StreamingRequests } from './protocol.js';

export interface ChatKitClientOptions {
  /** The backend's base URL; requests go to `<apiUrl>/api/chatkit`. */
  apiUrl: string;
  /** Sends the requests (adds the bearer token and retries once after a 401). */
  fetch: typeof fetch;
  /** The widget's language now, sent as `Accept-Language` (as ChatKit does). */
  locale?: () => string | undefined;
  /** Sent in every request's `metadata` (the user's time zone). */
  metadata?: Record<string, unknown>;
}

/**
 * The ChatKit protocol spoken from the page: every request is a POST of `{ type, params, metadata }` to one URL;
 * streaming requests answer Server-Sent Events (`data: <json>`), the others one JSON document.
 */
export class ChatKitClient {
  readonly url: string;

  constructor(private readonly options: ChatKitClientOptions) {
    this.url = `${options.apiUrl}/api/chatkit`;
  }

  /** One JSON request; a non-2xx answer throws a WidgetError with the server's reason. */
  async request<K extends keyof JsonRequests>(
    type: K,
    params: JsonRequests[K][0],
  ): Promise<JsonRequests[K][1]> {
    const res = await this.post(type, params, 'application/json');
    if (!res.ok) throw await errorFromResponse(res);
    return (await res.json()) as JsonRequests[K][1];
  }

  /**
   * Dictation (`input.transcribe`, as ChatKit sends it). Unlike other requests, a 5xx keeps the server's own words:
   * they say what went wrong with the speech-to-text service ("busy", "could not be turned into text").
   */
  async transcribe(audioBase64: string, mimeType: string): Promise<string> {
    const res = await this.post(
      'input.transcribe',
      { audio_base64: audioBase64, mime_type: mimeType },
      'application/json',
    );
    if (!res.ok) {
      const error = await errorFromResponse(res.clone());
      if (res.status < 500) throw error;
      const body = (await res.json().catch(() => ({}))) as { error?: { message?: unknown } };
      const message = body.error?.message;
      throw typeof message === 'string' && message ? new WidgetError('server', message, res.status) : error;
    }
    return ((await res.json()) as JsonRequests['input.transcribe'][1]).text;
  }

  /**
   * A streaming request, as the events arrive. An HTTP error before the stream throws a WidgetError; an `error`
   * event is yielded like any other (the server decides whether a retry is offered). Aborting `signal` ends the
   * request (the server then stops the run).
   */
  async *stream<K extends keyof StreamingRequests>(
    type: K,
    params: StreamingRequests[K],
    signal?: AbortSignal,
  ): AsyncGenerator<StreamEvent> {
    const res = await this.post(type, params, 'text/event-stream', signal);
    if (!res.ok) throw await errorFromResponse(res);
    if (!res.body || !res.headers.get('content-type')?.startsWith('text/event-stream')) {
      throw new WidgetError('stream', msg('The server answered without a stream.'), res.status);
    }
    const reader = res.body
      .pipeThrough(new TextDecoderStream())
      .pipeThrough(new EventSourceParserStream())
      .getReader();
    try {
      for (;;) {
        let chunk: ReadableStreamReadResult<{ data: string }>;
        try {
          chunk = await reader.read();
        } catch (err) {
          if (signal?.aborted) return;
          throw err instanceof WidgetError
            ? err
            : new WidgetError('network', msg('The connection to the assistant was interrupted.'));
        }
        if (chunk.done) return;
        let event: StreamEvent;
        try {
          event = JSON.parse(chunk.value.data) as StreamEvent;
        } catch {
          throw new WidgetError('stream', msg('The assistant sent something this page could not read.'));
        }
        yield event;
      }
    } finally {
      // Leaving early (Stop, or the consumer broke off) closes the connection, so the server stops the run.
      reader.cancel().catch(() => undefined);
    }
  }

  private post(type: string, params: unknown, accept: string, signal?: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept };
    const locale = this.options.locale?.();
    if (locale) headers['accept-language'] = locale;
    const body = JSON.stringify({ type, params, metadata: this.options.metadata ?? {} });
    return reach(this.options.apiUrl, () =>
      this.options.fetch(this.url, { method: 'POST', headers, body, signal }),
    );
  }
}
