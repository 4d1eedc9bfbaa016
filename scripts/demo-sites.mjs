// The demo's two sites on the database `npm start` uses, made on first start and kept in step after:
// - Northwind's task board (`northwind`): its own users, vouched for by its server (host identity) with a site
//   secret kept under the backend's data directory for the demo server;
// - the help desk (`helpdesk`): guests, who can sign up (accounts) and keep their tasks.
// Uses the built backend's sites service directly (what `npm run sites` runs), so it opens the database once.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';

const require = createRequire(import.meta.url);

/** Ensures both sites exist with the demo's origins; answers `{ northwind: { id, secret }, helpdesk: { id } }`. */
export async function ensureDemoSites({ backendDir, origins }) {
  const dist = (p) => require(join(backendDir, 'dist/src', p));
  const { loadConfig } = dist('config/app-config.js');
  const { openDatabase } = dist('database/database-endpoint.js');
  const { runMigrations } = dist('database/migrate.js');
  const { SiteSecretBox } = dist('sites/site-secrets.js');
  const { SitesService } = dist('sites/sites.service.js');
  const { Logger } = require(require.resolve('@nestjs/common', { paths: [backendDir] }));
  Logger.overrideLogger(['warn', 'error']);

  const cwd = process.cwd();
  process.chdir(backendDir); // DATA_DIR is relative to the backend, as when it runs
  try {
    const config = loadConfig();
    const secretFile = join(config.dataDir, 'demo-sites.json');
    const kept = existsSync(secretFile) ? JSON.parse(readFileSync(secretFile, 'utf8')) : {};
    const db = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolMax: 2,
      shared: true,
    });
    const pool = new Pool({ connectionString: db.url, max: 2 });
    try {
      if (db.owned) await runMigrations(config, db.url);
      const sites = new SitesService(pool, new SiteSecretBox(config.authSecret), config.publicUrl);
      const known = new Map((await sites.list()).map((s) => [s.id, s]));
      const ensure = async (id, name, identity, settings) => {
        const site = known.get(id);
        if (!site) return (await sites.create({ id, name, origins, identity })).secret;
        const sameOrigins =
          origins.length === site.origins.length && origins.every((o) => site.origins.includes(o));
        if (!sameOrigins || site.status !== 'active') {
          await sites.update(id, { origins });
          await sites.setStatus(id, 'active');
        }
        return undefined;
      };
      let northwindSecret = await ensure('northwind', 'Northwind Studio — task board', ['host']);
      // The secret is shown once: when the kept copy is gone (or the database was reset), make a new one.
      if (!northwindSecret && !kept.northwind?.secret)
        northwindSecret = (await sites.rotateSecret('northwind')).secret;
      if (!known.has('helpdesk')) {
        await ensure('helpdesk', 'Northwind Studio — help desk', ['guests', 'accounts']);
        await sites.update('helpdesk', {
          settings: {
            greeting: 'Ask away — no account needed.',
            prompts: [
              {
                label: 'Plan a photo shoot',
                prompt: 'Add book the studio, order film and print the call sheet',
              },
              { label: "What's on my list?", prompt: 'Show my tasks' },
            ],
          },
        });
      } else await ensure('helpdesk', 'Northwind Studio — help desk', ['guests', 'accounts']);
      const result = {
        northwind: { id: 'northwind', secret: northwindSecret ?? kept.northwind.secret },
        helpdesk: { id: 'helpdesk' },
      };
      mkdirSync(config.dataDir, { recursive: true });
      writeFileSync(secretFile, JSON.stringify(result, null, 2), { mode: 0o600 });
      return result;
    } finally {
      await pool.end();
      await db.close();
    }
  } finally {
    process.chdir(cwd);
  }
}
