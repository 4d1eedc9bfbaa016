import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { isForbiddenAddress } from './webhook-urls';

const TIMEOUT_MS = 10_000;
/** Characters of a failure kept in the delivery log. */
const ERROR_MAX = 500;

/** One message to a webhook: the same `id` on every attempt, so receivers can drop repeats. */
export interface WebhookMessage {
  id: string;
  type: string;
  /** The JSON body, as signed. */
  payload: string;
}

/** What one attempt came to: the receiver's status (null when it could not be reached) or what went wrong. */
export interface PostResult {
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** DNS for deliveries outside development: a name that resolves to a private address is refused at connect time. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 0);
    const bad = addresses.find((a) => isForbiddenAddress(a.address));
    if (bad)
      return callback(
        new Error(`${hostname} resolves to ${bad.address}, a private or reserved address`),
        '',
        0,
      );
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    return callback(null, addresses[0].address, addresses[0].family);
  });
};

/**
 * The one way a webhook message leaves the backend, as the Standard Webhooks specification says: `webhook-id`,
 * `webhook-timestamp` and `webhook-signature` (HMAC-SHA256 by the standardwebhooks library) over the JSON body,
 * POSTed with a 10 s limit. Never throws: a status outside 2xx, a refused connection or a timeout is the result's
 * `error`. With `publicOnly` (outside development) every connection checks where the name resolves now, so no DNS
 * rebinding gets past the check made when the webhook was added.
 */
export async function postSigned(
  url: string,
  secret: string,
  message: WebhookMessage,
  options: { publicOnly: boolean },
): Promise<PostResult> {
  const started = Date.now();
  const sentAt = new Date();
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'TodoAssistant-Webhooks/1',
    'webhook-id': message.id,
    'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(message.id, sentAt, message.payload),
  };
  let status: number | null = null;
  let error: string | null = null;
  try {
    status = await post(url, headers, message.payload, options.publicOnly);
    if (status < 200 || status >= 300) error = `HTTP ${status}`;
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  return { status, error: error?.slice(0, ERROR_MAX) ?? null, durationMs: Date.now() - started };
}

function post(
  url: string,
  headers: Record<string, string>,
  body: string,
  publicOnly: boolean,
): Promise<number> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        timeout: TIMEOUT_MS,
        ...(publicOnly ? { lookup: publicOnlyLookup } : {}),
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer in ${TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}
