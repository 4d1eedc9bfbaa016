import type { WebhookDelivery, WebhookSummary, WebhooksService } from './webhooks.service';

/** A `webhook …` command written wrong (the sites CLI adds its help hint). */
export class WebhookUsageError extends Error {}

interface Values {
  url?: string;
  events?: string[];
  limit?: string;
}

/** `npm run sites -- webhook <add|list|remove|enable|deliveries> <site> …`; answers JSON and text. */
export async function runWebhookCommand(
  hooks: WebhooksService,
  args: string[],
  v: Values,
): Promise<{ json: unknown; text: string }> {
  const [sub, site, hookId, ...extra] = args;
  if (!site)
    throw new WebhookUsageError(
      `"webhook ${sub ?? '…'}" needs a site id: npm run sites -- webhook ${sub ?? 'add'} <site> …`,
    );
  const needsHook = sub === 'remove' || sub === 'enable';
  if (needsHook && !hookId)
    throw new WebhookUsageError(`"webhook ${sub}" needs the webhook's id (see: webhook list ${site}).`);
  if (extra.length || (!needsHook && hookId))
    throw new WebhookUsageError(`Unexpected argument "${extra[0] ?? hookId}".`);
  switch (sub) {
    case 'add': {
      if (!v.url) throw new WebhookUsageError('webhook add needs --url <https-url>.');
      const events =
        v.events
          ?.flatMap((e) => e.split(','))
          .map((e) => e.trim())
          .filter(Boolean) ?? [];
      const added = await hooks.add(site, v.url, events);
      return {
        json: { id: added.id, secret: added.secret },
        text: [
          `Added the webhook ${added.id} of ${site}: ${added.webhook.url} (${added.webhook.events.join(', ') || 'every task event'}).`,
          '',
          'Signing secret (shown once; your receiver verifies the webhook-signature header with it):',
          `  ${added.secret}`,
        ].join('\n'),
      };
    }
    case 'list': {
      const list = await hooks.list(site);
      return { json: list, text: list.length ? list.map(describe).join('\n') : `${site} has no webhooks.` };
    }
    case 'remove':
      await hooks.remove(site, hookId);
      return { json: { id: hookId, removed: true }, text: `Removed the webhook ${hookId}.` };
    case 'enable':
      await hooks.enable(site, hookId);
      return { json: { id: hookId, status: 'active' }, text: `The webhook ${hookId} is active again.` };
    case 'deliveries': {
      const limit = v.limit === undefined ? 50 : Number(v.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw new WebhookUsageError('--limit must be a whole number from 1 to 1000.');
      const list = await hooks.deliveries(site, limit);
      return { json: list, text: list.length ? list.map(delivery).join('\n') : 'No deliveries yet.' };
    }
    default:
      throw new WebhookUsageError(
        `Unknown webhook command "${sub ?? ''}": add, list, remove, enable or deliveries.`,
      );
  }
}

const describe = (w: WebhookSummary) =>
  `${w.id}\t${w.status}\t${w.url}\t${w.events.join(',') || 'task.*'}${w.failing_since ? `\tfailing since ${w.failing_since}` : ''}`;

const delivery = (d: WebhookDelivery) =>
  `${d.at}  ${d.webhook_id}  ${d.event_type.padEnd(15)} attempt ${d.attempt}  ${d.status ?? '—'}  ${d.duration_ms} ms${d.error ? `  ${d.error}` : ''}  ${d.message_id}`;
