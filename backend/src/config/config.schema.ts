import { z } from 'zod';

const commaList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim().replace(/\/+$/, ''))
      .filter(Boolean),
  )
  .pipe(z.array(z.url({ message: 'each entry must be an origin such as https://example.com' })));

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

/** Every environment variable the backend reads, with its default. Documented in .env.example. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3000),
  HOST: z.string().default('0.0.0.0'),
  DEMO_PORT: port.default(8080),
  DATABASE_URL: z.string().url().optional(),
  DB_POOL_MAX: positiveInt.default(10),
  WEB_CONCURRENCY: positiveInt.max(64).optional(),
  DATA_DIR: z.string().default('.data'),
  WIDGET_DIR: z.string().optional(),
  CONSOLE_DIR: z.string().optional(),
  BETTER_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Unset → http://localhost:$PORT (see buildConfig). */
  PUBLIC_URL: z
    .url()
    .transform((s) => s.replace(/\/+$/, ''))
    .optional(),
  ALLOWED_ORIGINS: commaList.optional(),
  JWT_EXPIRES_IN: z
    .string()
    .regex(/^\d+[smh]$/, 'must look like 15m, 900s or 1h')
    .default('15m'),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  /** Unset → responses, or chat_completions with OPENAI_BASE_URL (see buildConfig). */
  OPENAI_API: z
    .enum(['responses', 'chat_completions'], { message: 'must be responses or chat_completions' })
    .optional(),
  AGENT_MODEL: z.string().min(1).optional(),
  /** Speech to text for dictation: a model name, or "off". Unset → gpt-4o-mini-transcribe with OPENAI_API_KEY. */
  TRANSCRIBE_MODEL: z.string().min(1).optional(),
  /** An OpenAI-compatible /audio/transcriptions server (a local Whisper server); needs TRANSCRIBE_MODEL. */
  TRANSCRIBE_BASE_URL: z.url().optional(),
  TRANSCRIBE_API_KEY: z.string().min(1).optional(),
  /** The largest recording accepted (bytes of audio): 413 above. */
  TRANSCRIBE_MAX_BYTES: z.coerce.number().int().min(10_000).max(25_000_000).default(5_000_000),
  AGENT_MAX_TURNS: positiveInt.default(8),
  AGENT_MODEL_TIMEOUT_MS: positiveInt.default(60_000),
  AGENT_HISTORY_ITEMS: positiveInt.default(40),
  AGENT_TRACING: z.enum(['on', 'off']).default('off'),
  CHATKIT_WORKFLOW_ID: z.string().min(1).optional(),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(10),
  CHAT_RATE_LIMIT_PER_MINUTE: positiveInt.default(30),
  BODY_LIMIT: z.string().default('100kb'),
  /** Accounts (by email) that manage every site: `/api/admin/sites`. */
  ADMIN_EMAILS: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.email({ message: 'each entry must be an email address' })))
    .optional(),
  SITE_CREATION: z.enum(['admins', 'anyone'], { message: 'must be admins or anyone' }).default('admins'),
  GUEST_RETENTION_DAYS: positiveInt.max(3650).default(30),
  GUEST_RATE_LIMIT_PER_MINUTE: positiveInt.default(10),
  /** Lifetime of the access tokens MCP clients get through OAuth (they refresh them). */
  OAUTH_ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(3_600),
  /** The first retry of a failed webhook delivery waits this long; each next one twice as long (at most an hour). */
  WEBHOOK_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3_600).default(5),
  /** How often each instance looks for site changes made elsewhere (another instance, `npm run sites`). */
  SITES_REFRESH_MS: z.coerce.number().int().min(100).max(600_000).default(2_000),
  LOG_LEVEL: z.enum(['debug', 'log', 'warn', 'error', 'silent']).default('log'),
});

export type Env = z.infer<typeof envSchema>;

/** Parses the environment once; throws one readable error listing every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "unset" (docker-compose and .env files produce them).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
