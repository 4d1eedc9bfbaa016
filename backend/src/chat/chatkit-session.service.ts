import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';

const OPENAI_API = 'https://api.openai.com/v1';
const TIMEOUT_MS = 15_000;

export interface ChatKitSession {
  client_secret: string;
  /** Unix seconds, when OpenAI says. The client asks again before then. */
  expires_at?: number;
}

/**
 * The seed's hosted-ChatKit option: a session of an OpenAI Agent Builder workflow for the caller, created
 * through OpenAI's ChatKit sessions API (`POST /chatkit/sessions`, beta header). The API key never leaves
 * the backend; the browser only gets the short-lived client secret.
 */
@Injectable()
export class ChatKitSessionService {
  private readonly logger = new Logger('ChatKitSession');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async create(userId: string): Promise<ChatKitSession> {
    const { openaiApiKey: apiKey, chatkitWorkflowId: workflowId } = this.config;
    if (!apiKey || !workflowId) {
      const missing = [!apiKey && 'OPENAI_API_KEY', !workflowId && 'CHATKIT_WORKFLOW_ID'].filter(Boolean);
      throw new DomainError(
        'service_unavailable',
        `Hosted ChatKit sessions are not configured on this server: set ${missing.join(' and ')}. ` +
          'The self-hosted ChatKit endpoint POST /api/chatkit needs neither.',
      );
    }
    const base = (this.config.openaiBaseUrl ?? OPENAI_API).replace(/\/+$/, '');
    let res: globalThis.Response;
    try {
      res = await fetch(`${base}/chatkit/sessions`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${apiKey}`,
          'Content-Type': 'application/json',
          'OpenAI-Beta': 'chatkit_beta=v1',
        },
        body: JSON.stringify({ workflow: { id: workflowId }, user: userId }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      this.logger.warn(`ChatKit session request failed: ${err instanceof Error ? err.message : String(err)}`);
      throw new DomainError(
        'service_unavailable',
        'OpenAI could not be reached to create a ChatKit session.',
      );
    }
    const body = (await res.json().catch(() => undefined)) as
      { client_secret?: unknown; expires_at?: unknown } | undefined;
    if (!res.ok || typeof body?.client_secret !== 'string') {
      this.logger.warn(
        `ChatKit session refused: HTTP ${res.status} ${JSON.stringify(body ?? null).slice(0, 500)}`,
      );
      throw new DomainError(
        'service_unavailable',
        `OpenAI did not create a ChatKit session (HTTP ${res.status}). Check OPENAI_API_KEY and CHATKIT_WORKFLOW_ID.`,
      );
    }
    return typeof body.expires_at === 'number'
      ? { client_secret: body.client_secret, expires_at: body.expires_at }
      : { client_secret: body.client_secret };
  }
}
