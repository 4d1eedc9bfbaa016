// The demo's two sites on the database `npm start` uses, made on first start and kept in step after:
// - Northwind's task board (`northwind`): its own users, vouched for by its server (host identity) with a site
//   secret kept under the backend's data directory for the demo server;
// - the help desk (`helpdesk`): guests, who can sign up (accounts) and keep their tasks.
// Runs the built backend's sites service as `npm run sites` does (withSites), opening the database once.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

const HELPDESK_SETTINGS = {
  greeting: 'Ask away — no account needed.',
  prompts: [
    { label: 'Plan a photo shoot', prompt: 'Add book the studio, order film and print the call sheet' },
    { label: "What's on my list?", prompt: 'Show my tasks' },
  ],
};

/** Ensures both sites exist with the demo's origins; answers `{ northwind: { id, secret }, helpdesk: { id } }`. */
export async function ensureDemoSites({ backendDir, origins }) {
  const { withSites } = require(join(backendDir, 'dist/src/sites/sites.cli.js'));
  const { Logger } = require(require.resolve('@nestjs/common', { paths: [backendDir] }));
  Logger.overrideLogger(['warn', 'error']);
  const cwd = process.cwd();
  process.chdir(backendDir); // DATA_DIR is relative to the backend, as when it runs
  try {
    return await withSites(async (sites, config) => {
      const secretFile = join(config.dataDir, 'demo-sites.json');
      const kept = existsSync(secretFile) ? JSON.parse(readFileSync(secretFile, 'utf8')) : {};
      const known = new Map((await sites.list()).map((s) => [s.id, s]));
      /** Makes the site (answering its new secret) or puts its origins back and enables it. */
      const ensure = async (id, name, identity) => {
        const site = known.get(id);
        if (!site) return (await sites.create({ id, name, origins, identity })).secret;
        const same = origins.length === site.origins.length && origins.every((o) => site.origins.includes(o));
        if (!same) await sites.update(id, { origins });
        if (site.status !== 'active') await sites.setStatus(id, 'active');
        return undefined;
      };
      let secret = await ensure('northwind', 'Northwind Studio — task board', ['host']);
      // A secret is shown once: when the kept copy is gone (or the database was reset), make a new one.
      if (!secret && !kept.northwind?.secret) secret = (await sites.rotateSecret('northwind')).secret;
      const newHelpdesk = !known.has('helpdesk');
      await ensure('helpdesk', 'Northwind Studio — help desk', ['guests', 'accounts']);
      if (newHelpdesk) await sites.update('helpdesk', { settings: HELPDESK_SETTINGS });
      const result = {
        northwind: { id: 'northwind', secret: secret ?? kept.northwind.secret },
        helpdesk: { id: 'helpdesk' },
      };
      mkdirSync(config.dataDir, { recursive: true });
      writeFileSync(secretFile, JSON.stringify(result, null, 2), { mode: 0o600 });
      return result;
    });
  } finally {
    process.chdir(cwd);
  }
}
