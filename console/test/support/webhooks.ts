import { createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The backend's own test receiver: a site's server that records every delivery and answers the statuses queued. */
export { WebhookReceiver } from '../../../backend/test/support/webhook-receiver';

/**
 * The Standard Webhooks check a site's server makes, by hand (not with the backend's library): HMAC-SHA256 with
 * the secret's bytes over `<webhook-id>.<webhook-timestamp>.<body>`, one of the `v1,<base64>` signatures.
 */
export function signedWith(
  secret: string,
  delivery: { headers: IncomingHttpHeaders; body: string },
): boolean {
  const { headers, body } = delivery;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key)
    .update(`${String(headers['webhook-id'])}.${String(headers['webhook-timestamp'])}.${body}`)
    .digest('base64');
  return String(headers['webhook-signature']).split(' ').includes(`v1,${signature}`);
}
