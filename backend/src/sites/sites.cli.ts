import { Logger } from '@nestjs/common';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { DomainError } from '../common/domain-error';
import { AppConfig, loadConfig } from '../config/app-config';
import { openDatabase } from '../database/database-endpoint';
import { IDENTITY_MODES, SiteSummary } from './site.model';
import { SiteSecretBox } from './site-secrets';
import type { UsageReport } from './site-usage';
import { SitesService, UpdateSiteInput } from './sites.service';
import { runWebhookCommand, WebhookUsageError } from '../webhooks/webhooks.cli';
import { WebhooksService } from '../webhooks/webhooks.service';

const USAGE = `Usage: npm run sites -- <command> [options]    (every command takes --json)

  create --name <name> --origin <origin>... [--identity ${IDENTITY_MODES.join(',')}] [--id <id>]
  list
  show <id>
  update <id> [--name <name>] [--origin <origin>...] [--identity <modes>] [--setting key=value...]
              [--jwks-url <url>] [--issuer <issuer>]       (key= with no value removes a setting)
  rotate-secret <id>      a new secret; the previous one works 24 hours more (or until revoke-secret)
  revoke-secret <id>
  disable <id> | enable <id>
  delete <id> --yes       deletes the site's host users and guests with all their data
  usage <id> [--days N]   turns, tool calls, active users and errors per day (default 30 days)
  webhook add <id> --url <https-url> [--events task.*...]   a webhook of task events; prints its secret (once)
  webhook list <id> | webhook remove <id> <webhook> | webhook enable <id> <webhook>
  webhook deliveries <id> [--limit N]                      the newest delivery attempts, with their status

Settings: heading, greeting, placeholder, accent (#rrggbb), theme (light|dark|auto), locale, chat_rate_limit,
instructions (for real models), prompts (JSON: [{"label":"…","prompt":"…"}]).`;

const COMMANDS = [
  'create',
  'list',
  'show',
  'update',
  'rotate-secret',
  'revoke-secret',
  'disable',
  'enable',
  'delete',
  'usage',
  'webhook',
] as const;

class UsageError extends Error {}

interface Output {
  json: unknown;
  text: string;
}

/** `npm run sites -- …`: manage sites on the database `npm start` uses (embedded or DATABASE_URL). */
export async function runSitesCli(argv: string[]): Promise<Output> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      origin: { type: 'string', multiple: true },
      identity: { type: 'string', multiple: true },
      id: { type: 'string' },
      setting: { type: 'string', multiple: true },
      'jwks-url': { type: 'string' },
      issuer: { type: 'string' },
      days: { type: 'string' },
      url: { type: 'string' },
      events: { type: 'string', multiple: true },
      limit: { type: 'string' },
      yes: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, id, ...extra] = positionals;
  if (values.help || !command) throw new UsageError(USAGE);
  if (!(COMMANDS as readonly string[]).includes(command))
    throw new UsageError(`Unknown command "${command}". ${hint()}`);
  if (command === 'webhook')
    return withSites((_sites, config, pool) =>
      runWebhookCommand(
        new WebhooksService(pool, new SiteSecretBox(config.authSecret), config.env !== 'production'),
        positionals.slice(1),
        values,
      ),
    ).catch((err: unknown) => {
      throw err instanceof WebhookUsageError ? new UsageError(`${err.message} ${hint()}`) : err;
    });
  if (extra.length) throw new UsageError(`Unexpected argument "${extra[0]}". ${hint()}`);
  const needsId = command !== 'create' && command !== 'list';
  if (needsId && !id) throw new UsageError(`"${command}" needs a site id: npm run sites -- ${command} <id>`);

  return withSites((sites) => run(sites, command, id, values));
}

/**
 * The sites service on the database `npm start` uses (embedded — shared with a running backend — or
 * DATABASE_URL), without the HTTP app: for this CLI and the demo's provisioning.
 */
export async function withSites<T>(
  body: (sites: SitesService, config: AppConfig, pool: Pool) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolMax: 2,
    shared: true,
  });
  const pool = new Pool({ connectionString: db.url, max: 2 });
  try {
    // Only the embedded database may need migrating here; loading the migrations (TypeORM, better-auth) costs
    // most of a second, so the commands on DATABASE_URL never load them.
    if (db.owned) await (await import('../database/migrate.js')).runMigrations(config, db.url);
    return await body(
      new SitesService(pool, new SiteSecretBox(config.authSecret), config.publicUrl),
      config,
      pool,
    );
  } finally {
    await pool.end();
    await db.close();
  }
}

type Values = {
  name?: string;
  origin?: string[];
  identity?: string[];
  id?: string;
  setting?: string[];
  'jwks-url'?: string;
  issuer?: string;
  days?: string;
  yes?: boolean;
};

async function run(sites: SitesService, command: string, id: string | undefined, v: Values): Promise<Output> {
  switch (command) {
    case 'create': {
      if (!v.name) throw new UsageError('create needs --name <name>.');
      if (!v.origin?.length) throw new UsageError('create needs at least one --origin <origin>.');
      const created = await sites.create({
        name: v.name,
        origins: v.origin,
        identity: modes(v.identity),
        id: v.id,
      });
      return {
        json: { id: created.id, secret: created.secret, snippet: created.snippet },
        text: [
          `Created the site ${created.id} (${created.site.identity.join(', ')}) for ${created.site.origins.join(', ')}.`,
          '',
          `Secret (shown once; keep it on your server as TODO_ASSISTANT_SECRET):`,
          `  ${created.secret}`,
          '',
          'Paste into your pages:',
          created.snippet,
        ].join('\n'),
      };
    }
    case 'list': {
      const all = await sites.list();
      return {
        json: all,
        text: all.length
          ? all
              .map((s) => `${s.id}\t${s.status}\t${s.identity.join(',')}\t${s.name}\t${s.origins.join(' ')}`)
              .join('\n')
          : 'No sites yet: npm run sites -- create --name <name> --origin <origin>',
      };
    }
    case 'show': {
      const site = await sites.get(id!);
      const summary = await sites.show(id!);
      return { json: { ...summary, snippet: sites.snippetOf(site) }, text: describe(summary) };
    }
    case 'update': {
      const input: UpdateSiteInput = {
        name: v.name,
        origins: v.origin,
        identity: modes(v.identity),
        settings: v.setting ? settingsOf(v.setting) : undefined,
        jwksUrl: v['jwks-url'] === undefined ? undefined : v['jwks-url'] || null,
        issuer: v.issuer === undefined ? undefined : v.issuer || null,
      };
      if (Object.values(input).every((x) => x === undefined))
        throw new UsageError(
          'update needs something to change: --name, --origin, --identity, --setting, --jwks-url or --issuer.',
        );
      const summary = await sites.update(id!, input);
      return { json: summary, text: describe(summary) };
    }
    case 'rotate-secret': {
      const rotated = await sites.rotateSecret(id!);
      return {
        json: rotated,
        text: `New secret of ${id} (shown once):\n  ${rotated.secret}\nThe previous one works until ${rotated.previous_expires_at}, or until: npm run sites -- revoke-secret ${id}`,
      };
    }
    case 'revoke-secret': {
      const summary = await sites.revokeSecret(id!);
      return { json: summary, text: `The previous secret of ${id} no longer works.` };
    }
    case 'disable':
    case 'enable': {
      const summary = await sites.setStatus(id!, command === 'disable' ? 'disabled' : 'active');
      return {
        json: summary,
        text:
          command === 'disable'
            ? `${id} is disabled: its origins are refused and its users cannot sign in, within seconds on every instance.`
            : `${id} is active.`,
      };
    }
    case 'delete': {
      if (!v.yes)
        throw new UsageError(
          `delete removes ${id} with its host users and guests and all their tasks and conversations: add --yes.`,
        );
      await sites.delete(id!);
      return { json: { id, deleted: true }, text: `Deleted ${id} with its users and their data.` };
    }
    case 'usage': {
      const days = v.days === undefined ? 30 : Number(v.days);
      const report = await sites.usageOf(id!, days);
      return { json: report, text: usageTable(report) };
    }
    default:
      throw new UsageError(`Unknown command "${command}". ${hint()}`);
  }
}

const hint = () => 'See: npm run sites -- --help';

/** `--identity accounts,host` or `--identity accounts --identity host`. */
function modes(values: string[] | undefined): string[] | undefined {
  return values
    ?.flatMap((v) => v.split(','))
    .map((m) => m.trim())
    .filter(Boolean);
}

/** `--setting key=value`: JSON for prompts, a number for chat_rate_limit, text otherwise; `key=` removes it. */
function settingsOf(pairs: string[]): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--setting takes key=value, not "${pair}".`);
    const key = pair.slice(0, eq).trim();
    const raw = pair.slice(eq + 1);
    if (raw === '') settings[key] = null;
    else if (key === 'prompts') {
      try {
        settings[key] = JSON.parse(raw) as unknown;
      } catch {
        throw new UsageError('prompts must be JSON: [{"label":"Add a task","prompt":"Add buy milk"}]');
      }
    } else if (key === 'chat_rate_limit') settings[key] = Number(raw);
    else settings[key] = raw;
  }
  return settings;
}

function describe(s: SiteSummary): string {
  const lines = [
    `${s.id}  ${s.name}  (${s.status})`,
    `  origins:  ${s.origins.join(' ') || '-'}`,
    `  identity: ${s.identity.join(', ')}`,
    `  secrets:  current${s.secrets.previous ? `, previous until ${s.secrets.previous_expires_at ?? 'revoked'}` : ''}`,
  ];
  if (s.jwks_url) lines.push(`  jwks:     ${s.jwks_url} (issuer ${s.issuer ?? '-'})`);
  const settings = Object.entries(s.settings);
  if (settings.length)
    lines.push(
      '  settings:',
      ...settings.map(([k, val]) => `    ${k} = ${typeof val === 'string' ? val : JSON.stringify(val)}`),
    );
  return lines.join('\n');
}

function usageTable(r: UsageReport): string {
  const tools = (t: Record<string, number>) =>
    Object.entries(t)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || '-';
  const rows = r.days
    .filter((d) => d.turns || d.active_users)
    .map(
      (d) =>
        `${d.day}  ${String(d.turns).padStart(6)}  ${String(d.active_users).padStart(6)}  ${String(d.errors).padStart(6)}  ${tools(d.tool_calls)}`,
    );
  return [
    `Usage of ${r.site}, last ${r.days.length} days (UTC):`,
    'day          turns   users  errors  tool calls',
    ...(rows.length ? rows : ['(no turns)']),
    `total       ${String(r.totals.turns).padStart(6)}  ${String(r.totals.active_users).padStart(6)}  ${String(r.totals.errors).padStart(6)}  ${tools(r.totals.tool_calls)}`,
  ].join('\n');
}

async function main(): Promise<void> {
  // The migrations' progress lines are for the server's log, not this tool's output.
  Logger.overrideLogger(['warn', 'error']);
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  try {
    const out = await runSitesCli(argv);
    console.log(json ? JSON.stringify(out.json, null, 2) : out.text);
  } catch (err) {
    if (err instanceof UsageError && err.message === USAGE) {
      console.log(USAGE);
      return;
    }
    const message =
      err instanceof DomainError ||
      err instanceof UsageError ||
      (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
        ? (err as Error).message
        : `unexpected failure: ${err instanceof Error ? err.message : String(err)}`;
    if (json) console.log(JSON.stringify({ error: message }));
    else console.error(`error: ${message}`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
