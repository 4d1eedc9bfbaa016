import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve, join } from 'node:path';
import { Env, parseEnv } from './config.schema';

/** The OpenAI API the agent speaks: Responses (OpenAI's own) or Chat Completions (what most compatible servers speak). */
export type OpenAIApi = NonNullable<Env['OPENAI_API']>;

export type ModelChoice =
  | { kind: 'offline' }
  | { kind: 'openai'; model: string; apiKey: string; api: OpenAIApi }
  | { kind: 'openai-compatible'; model: string; apiKey: string; baseURL: string; api: OpenAIApi };

/** The typed, validated configuration. The only place that reads process.env is `loadConfig`. */
export interface AppConfig {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  demoPort: number;
  databaseUrl?: string;
  dbPoolMax: number;
  /** Backend processes serving the port; unset → one per core with PostgreSQL, one with the embedded database. */
  webConcurrency?: number;
  dataDir: string;
  /** The widget's script-tag build, served at /widget/ (unset when the widget package is not installed). */
  widgetDir?: string;
  /** The site owner console's build, served at /console/ (unset when the console package is not installed). */
  consoleDir?: string;
  authSecret: string;
  publicUrl: string;
  allowedOrigins: string[];
  jwtExpiresIn: string;
  model: ModelChoice;
  agentMaxTurns: number;
  /** Longest the model may stay silent (before its first output, or between two) before the turn fails. */
  agentModelTimeoutMs: number;
  agentHistoryItems: number;
  agentTracing: boolean;
  openaiApiKey?: string;
  openaiBaseUrl?: string;
  chatkitWorkflowId?: string;
  authRateLimitPerMinute: number;
  chatRateLimitPerMinute: number;
  bodyLimit: string;
  logLevel: Env['LOG_LEVEL'];
  /** Lowercased emails of the accounts that manage every site. */
  adminEmails: string[];
  /** Who may create sites over the admin API: only admins, or any account (which then owns it). */
  siteCreation: Env['SITE_CREATION'];
  guestRetentionDays: number;
  guestRateLimitPerMinute: number;
  sitesRefreshMs: number;
  oauthAccessTokenTtlSeconds: number;
  webhookRetryDelaySeconds: number;
  /** Speech to text for dictation (`input.transcribe`); null: none configured, the widget offers no microphone. */
  transcription: TranscriptionChoice | null;
}

export interface TranscriptionChoice {
  model: string;
  apiKey: string;
  /** Unset: OpenAI. */
  baseURL?: string;
  maxBytes: number;
}

export const DEFAULT_TRANSCRIBE_MODEL = 'gpt-4o-mini-transcribe';

function transcriptionChoice(env: Env): TranscriptionChoice | null {
  if (env.TRANSCRIBE_MODEL === 'off') return null;
  const apiKey = env.TRANSCRIBE_API_KEY ?? env.OPENAI_API_KEY;
  if (env.TRANSCRIBE_BASE_URL) {
    if (!env.TRANSCRIBE_MODEL)
      throw new Error(
        'Invalid configuration:\n  TRANSCRIBE_MODEL: name the model of TRANSCRIBE_BASE_URL (e.g. whisper-1)',
      );
    return {
      model: env.TRANSCRIBE_MODEL,
      apiKey: apiKey ?? 'unused',
      baseURL: env.TRANSCRIBE_BASE_URL,
      maxBytes: env.TRANSCRIBE_MAX_BYTES,
    };
  }
  if (!apiKey) {
    if (env.TRANSCRIBE_MODEL)
      throw new Error(
        'Invalid configuration:\n  TRANSCRIBE_MODEL: needs OPENAI_API_KEY (or TRANSCRIBE_BASE_URL)',
      );
    return null;
  }
  return {
    model: env.TRANSCRIBE_MODEL ?? DEFAULT_TRANSCRIBE_MODEL,
    apiKey,
    maxBytes: env.TRANSCRIBE_MAX_BYTES,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export const DEFAULT_OPENAI_MODEL = 'gpt-4.1-mini';

function modelChoice(env: Env): ModelChoice {
  const wanted =
    env.AGENT_MODEL ?? (env.OPENAI_API_KEY || env.OPENAI_BASE_URL ? DEFAULT_OPENAI_MODEL : 'offline');
  if (wanted === 'offline') return { kind: 'offline' };
  // OpenAI itself: the Responses API; another server: Chat Completions unless it says it speaks Responses.
  const api = env.OPENAI_API ?? (env.OPENAI_BASE_URL ? 'chat_completions' : 'responses');
  if (env.OPENAI_BASE_URL) {
    // Local OpenAI-compatible servers (Ollama, vLLM…) usually ignore the key but the client requires one.
    return {
      kind: 'openai-compatible',
      model: wanted,
      apiKey: env.OPENAI_API_KEY ?? 'unused',
      baseURL: env.OPENAI_BASE_URL,
      api,
    };
  }
  if (!env.OPENAI_API_KEY) {
    throw new Error(
      `Invalid configuration:\n  AGENT_MODEL: "${wanted}" needs OPENAI_API_KEY or OPENAI_BASE_URL`,
    );
  }
  return { kind: 'openai', model: wanted, apiKey: env.OPENAI_API_KEY, api };
}

/** The built files of a workspace package (`dist/<sub>`), when it is installed. */
function builtDir(pkg: string, sub: string): string | undefined {
  try {
    return join(dirname(require.resolve(`${pkg}/package.json`)), 'dist', sub);
  } catch {
    return undefined;
  }
}

/** A local-use secret generated once and kept next to the embedded data, so sessions and keys survive restarts. */
function localSecret(dataDir: string): string {
  const file = join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function buildConfig(env: Env): AppConfig {
  const dataDir = resolve(env.DATA_DIR);
  if (env.NODE_ENV === 'production' && !env.BETTER_AUTH_SECRET) {
    throw new Error('Invalid configuration:\n  BETTER_AUTH_SECRET: required when NODE_ENV=production');
  }
  const demoOrigin = `http://localhost:${env.DEMO_PORT}`;
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    demoPort: env.DEMO_PORT,
    databaseUrl: env.DATABASE_URL,
    dbPoolMax: env.DB_POOL_MAX,
    webConcurrency: env.WEB_CONCURRENCY,
    dataDir,
    widgetDir: env.WIDGET_DIR ? resolve(env.WIDGET_DIR) : builtDir('@todo-assistant/widget', 'embed'),
    consoleDir: env.CONSOLE_DIR ? resolve(env.CONSOLE_DIR) : builtDir('@todo-assistant/console', 'app'),
    authSecret: env.BETTER_AUTH_SECRET ?? localSecret(dataDir),
    // The backend's own origin: issuer and audience of its JWTs, better-auth's base URL and trusted origin.
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    allowedOrigins: env.ALLOWED_ORIGINS ?? [demoOrigin, `http://127.0.0.1:${env.DEMO_PORT}`],
    jwtExpiresIn: env.JWT_EXPIRES_IN,
    model: modelChoice(env),
    agentMaxTurns: env.AGENT_MAX_TURNS,
    agentModelTimeoutMs: env.AGENT_MODEL_TIMEOUT_MS,
    agentHistoryItems: env.AGENT_HISTORY_ITEMS,
    agentTracing: env.AGENT_TRACING === 'on',
    openaiApiKey: env.OPENAI_API_KEY,
    openaiBaseUrl: env.OPENAI_BASE_URL,
    chatkitWorkflowId: env.CHATKIT_WORKFLOW_ID,
    authRateLimitPerMinute: env.AUTH_RATE_LIMIT_PER_MINUTE,
    chatRateLimitPerMinute: env.CHAT_RATE_LIMIT_PER_MINUTE,
    bodyLimit: env.BODY_LIMIT,
    logLevel: env.LOG_LEVEL,
    adminEmails: env.ADMIN_EMAILS ?? [],
    siteCreation: env.SITE_CREATION,
    guestRetentionDays: env.GUEST_RETENTION_DAYS,
    guestRateLimitPerMinute: env.GUEST_RATE_LIMIT_PER_MINUTE,
    sitesRefreshMs: env.SITES_REFRESH_MS,
    oauthAccessTokenTtlSeconds: env.OAUTH_ACCESS_TOKEN_TTL_SECONDS,
    webhookRetryDelaySeconds: env.WEBHOOK_RETRY_DELAY_SECONDS,
    transcription: transcriptionChoice(env),
  };
}

export function loadConfig(overrides: Record<string, string | undefined> = {}): AppConfig {
  return buildConfig(parseEnv({ ...process.env, ...overrides }));
}
