import { msg, str } from '@lit/localize';
import type { ErrorCode } from '../events.js';

/** A failure the widget can explain to the person using it: `message` is shown as is. */
export class WidgetError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'WidgetError';
  }
}

interface ErrorBody {
  code?: unknown;
  message?: unknown;
  error?: { code?: unknown; message?: unknown };
}

/** What the widget says when it cannot tell what went wrong. */
export const somethingWentWrong = (): string => msg('Something went wrong. Please try again.');

function pageOrigin(): string {
  return typeof location === 'undefined' ? msg('this page') : location.origin;
}

/** The backend's verdict on this page's origin (`/api/origin-check` answers every origin); null: no answer. */
async function askOriginCheck(apiUrl: string): Promise<WidgetError | 'allowed' | null> {
  try {
    const res = await fetch(`${apiUrl}/api/origin-check`);
    const check = (await res.json()) as { allowed?: unknown; message?: unknown };
    return check.allowed === false && typeof check.message === 'string'
      ? new WidgetError('origin_not_allowed', check.message)
      : 'allowed';
  } catch {
    return null;
  }
}

/**
 * A request that never got an answer: the server is down, or the browser hid a refused answer (CORS). The
 * origin check says which: its verdict names the setting.
 */
export async function unreachable(apiUrl: string): Promise<WidgetError> {
  const verdict = await askOriginCheck(apiUrl);
  if (verdict instanceof WidgetError) return verdict;
  return verdict === 'allowed'
    ? new WidgetError('network', msg(str`The assistant at ${apiUrl} did not answer. Please try again.`))
    : // The check answers every origin: no answer to it means the server is down or out of reach.
      new WidgetError(
        'network',
        msg(str`Can't reach the assistant at ${apiUrl}. Check your connection and try again.`),
      );
}

/**
 * Whether the backend refuses this page's origin, asked before a visitor fills in the sign-in form for nothing.
 * Null when allowed, or when the check gets no answer (the requests that follow will say why).
 */
export async function originRefusal(apiUrl: string): Promise<WidgetError | null> {
  const verdict = await askOriginCheck(apiUrl);
  return verdict instanceof WidgetError ? verdict : null;
}

/**
 * The error an HTTP answer carries, in words for the user. Reads both our API's `{ error: { code, message } }`
 * and better-auth's `{ code, message }`.
 */
export async function errorFromResponse(res: Response): Promise<WidgetError> {
  let body: ErrorBody = {};
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    /* not JSON */
  }
  const codeValue = body.error?.code ?? body.code;
  const rawCode = typeof codeValue === 'string' ? codeValue : '';
  const rawMessage = body.error?.message ?? body.message;
  const message = typeof rawMessage === 'string' && rawMessage ? rawMessage : undefined;
  if (/origin/i.test(rawCode)) {
    return new WidgetError(
      'origin_not_allowed',
      message && /ALLOWED_ORIGINS/.test(message)
        ? message
        : msg(
            str`The assistant's server does not allow this site (${pageOrigin()}). Add it to ALLOWED_ORIGINS on the server.`,
          ),
      res.status,
    );
  }
  if (res.status === 401)
    return new WidgetError('unauthorized', message ?? msg('Please sign in again.'), 401);
  if (res.status === 429) {
    const wait = Math.ceil(Number(res.headers.get('retry-after')));
    return new WidgetError(
      'rate_limited',
      wait > 0
        ? msg(str`Too many requests. Please try again in ${wait} seconds.`)
        : msg('Too many requests. Please try again in a moment.'),
      429,
    );
  }
  if (res.status >= 500) {
    return new WidgetError(
      'server',
      res.status === 503
        ? msg('The assistant is unavailable right now. Please try again in a moment.')
        : msg('The assistant ran into a problem. Please try again.'),
      res.status,
    );
  }
  return new WidgetError('server', message ?? msg(str`The request failed (${res.status}).`), res.status);
}

/** `fetch` that turns "no answer at all" into a WidgetError naming the server and the likely cause. */
export async function reach(apiUrl: string, send: () => Promise<Response>): Promise<Response> {
  try {
    return await send();
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw await unreachable(apiUrl);
  }
}
