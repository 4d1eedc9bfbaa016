import type { Session } from './session.js';
import type {
  ConnectedApp,
  CreatedSite,
  CreatedWebhook,
  IdentityMode,
  SiteChanges,
  SiteDetail,
  SiteImpact,
  SiteListItem,
  SiteOwner,
  SiteSummary,
  TaskEventType,
  UsageReport,
  Webhook,
  WebhookDelivery,
} from './types.js';

const site = (id: string) => `/api/admin/sites/${encodeURIComponent(id)}`;
const webhook = (siteId: string, id: string) => `${site(siteId)}/webhooks/${encodeURIComponent(id)}`;

/** The admin API and the connected apps, called with the session's bearer token. */
export class AdminApi {
  constructor(private readonly session: Session) {}

  listSites(days = 7): Promise<SiteListItem[]> {
    return this.session.request('GET', `/api/admin/sites?days=${days}`);
  }

  createSite(body: {
    name: string;
    origins: string[];
    identity: IdentityMode[];
    id?: string;
  }): Promise<CreatedSite> {
    return this.session.request('POST', '/api/admin/sites', body);
  }

  getSite(id: string): Promise<SiteDetail> {
    return this.session.request('GET', site(id));
  }

  updateSite(id: string, changes: SiteChanges): Promise<SiteSummary> {
    return this.session.request('PATCH', site(id), changes);
  }

  deleteSite(id: string): Promise<void> {
    return this.session.request('DELETE', site(id));
  }

  rotateSecret(id: string): Promise<{ secret: string; previous_expires_at: string }> {
    return this.session.request('POST', `${site(id)}/rotate-secret`);
  }

  revokeSecret(id: string): Promise<SiteSummary> {
    return this.session.request('POST', `${site(id)}/revoke-secret`);
  }

  usage(id: string, days = 30): Promise<UsageReport> {
    return this.session.request('GET', `${site(id)}/usage?days=${days}`);
  }

  owners(id: string): Promise<SiteOwner[]> {
    return this.session.request('GET', `${site(id)}/owners`);
  }

  addOwner(id: string, email: string): Promise<SiteOwner[]> {
    return this.session.request('POST', `${site(id)}/owners`, { email });
  }

  removeOwner(id: string, userId: string): Promise<SiteOwner[]> {
    return this.session.request('DELETE', `${site(id)}/owners/${encodeURIComponent(userId)}`);
  }

  impact(id: string): Promise<SiteImpact> {
    return this.session.request('GET', `${site(id)}/impact`);
  }

  webhooks(id: string): Promise<Webhook[]> {
    return this.session.request('GET', `${site(id)}/webhooks`);
  }

  /** `events` empty: every task event. */
  addWebhook(id: string, body: { url: string; events: TaskEventType[] }): Promise<CreatedWebhook> {
    return this.session.request('POST', `${site(id)}/webhooks`, body);
  }

  removeWebhook(id: string, webhookId: string): Promise<void> {
    return this.session.request('DELETE', webhook(id, webhookId));
  }

  enableWebhook(id: string, webhookId: string): Promise<Webhook> {
    return this.session.request('POST', `${webhook(id, webhookId)}/enable`);
  }

  /** Sends one signed `webhook.test` event now and answers how it went (it is in the log too). */
  testWebhook(id: string, webhookId: string): Promise<WebhookDelivery> {
    return this.session.request('POST', `${webhook(id, webhookId)}/test`);
  }

  /** The newest delivery attempts of the site's webhooks, newest first. */
  webhookDeliveries(id: string, limit = 50): Promise<WebhookDelivery[]> {
    return this.session.request('GET', `${site(id)}/webhooks/deliveries?limit=${limit}`);
  }

  connectedApps(): Promise<ConnectedApp[]> {
    return this.session.request('GET', '/api/connected-apps');
  }

  disconnectApp(id: string): Promise<void> {
    return this.session.request('DELETE', `/api/connected-apps/${encodeURIComponent(id)}`);
  }
}
