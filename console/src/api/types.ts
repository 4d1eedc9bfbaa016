/**
 * The shapes of the admin API (`/api/admin/sites…`, with a site's webhooks) and of the connected apps, as the
 * backend answers them.
 */

export const IDENTITY_MODES = ['host', 'guests', 'accounts'] as const;
export type IdentityMode = (typeof IDENTITY_MODES)[number];

export type Theme = 'light' | 'dark' | 'auto';

export interface StarterPrompt {
  label: string;
  prompt: string;
}

export interface SiteSettings {
  heading?: string;
  greeting?: string;
  placeholder?: string;
  prompts?: StarterPrompt[];
  accent?: string;
  theme?: Theme;
  locale?: string;
  chat_rate_limit?: number;
  instructions?: string;
}

/** For PATCH: a key set to null is removed. */
export type SettingsChange = { [K in keyof SiteSettings]?: SiteSettings[K] | null };

export interface SiteSummary {
  id: string;
  name: string;
  origins: string[];
  identity: IdentityMode[];
  status: 'active' | 'disabled';
  secrets: { current: boolean; previous: boolean; previous_expires_at: string | null };
  jwks_url: string | null;
  issuer: string | null;
  settings: SiteSettings;
  owners: string[];
  created_at: string;
  updated_at: string;
}

export interface SiteListItem extends SiteSummary {
  /** Turns per day, oldest first (the list asks for 7 days). */
  turns_by_day?: number[];
}

export interface SiteDetail extends SiteSummary {
  snippet: string;
}

export interface CreatedSite {
  id: string;
  secret: string;
  snippet: string;
  site: SiteSummary;
}

export interface SiteChanges {
  name?: string;
  origins?: string[];
  identity?: IdentityMode[];
  settings?: SettingsChange;
  jwks_url?: string | null;
  issuer?: string | null;
  status?: 'active' | 'disabled';
}

export interface UsageDay {
  day: string;
  turns: number;
  tool_calls: Record<string, number>;
  active_users: number;
  errors: number;
}

export interface UsageReport {
  site: string;
  days: UsageDay[];
  totals: Omit<UsageDay, 'day'>;
}

export interface SiteOwner {
  id: string;
  email: string;
  name: string;
  added_at: string;
}

export interface SiteImpact {
  host_users: number;
  guests: number;
  tasks: number;
}

/** The task events a webhook may ask for (backend/src/events/task-event.ts); none asked: every one. */
export const TASK_EVENT_TYPES = [
  'task.created',
  'task.updated',
  'task.completed',
  'task.deleted',
  'task.due',
] as const;
export type TaskEventType = (typeof TASK_EVENT_TYPES)[number];

/** A site's webhook (never its secret). */
export interface Webhook {
  id: string;
  site_id: string;
  url: string;
  /** Event types or `task.*`; empty: every task event. */
  events: string[];
  status: 'active' | 'disabled';
  /** Since when its deliveries fail without a success (disabled after 24 hours). */
  failing_since: string | null;
  created_at: string;
}

/** What adding a webhook answers, the one time its signing secret is shown. */
export interface CreatedWebhook {
  id: string;
  secret: string;
  webhook: Webhook;
}

/** One delivery attempt (a task event's, or a test event's). */
export interface WebhookDelivery {
  webhook_id: string;
  message_id: string;
  event_type: string;
  attempt: number;
  /** The receiver's HTTP status; null when it could not be reached. */
  status: number | null;
  error: string | null;
  duration_ms: number;
  at: string;
}

export interface ConnectedApp {
  id: string;
  client_id: string;
  name: string | null;
  scopes: string[];
  connected_at: string;
}

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}
