/**
 * A webhook URL as the backend checks it (backend/src/webhooks/webhook-urls.ts, checkWebhookUrl), in the same
 * words, so the form says what is wrong while it is typed: https, no credentials; http only to localhost (which
 * the backend takes in development alone). Where a host resolves is the backend's to check when it is added.
 */
export type WebhookUrlCheck = { ok: true; url: string } | { ok: false; message: string };

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

export function checkWebhookUrl(raw: string): WebhookUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: `"${raw.slice(0, 200)}" is not a URL.` };
  }
  if (url.username || url.password)
    return { ok: false, message: 'A webhook URL must not carry credentials.' };
  const web = url.protocol === 'https:' || url.protocol === 'http:';
  if (url.protocol !== 'https:' && !(web && LOOPBACK.includes(url.hostname)))
    return { ok: false, message: 'A webhook URL must be https (http only for localhost in development).' };
  return { ok: true, url: url.href };
}
