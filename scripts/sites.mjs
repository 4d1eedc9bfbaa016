#!/usr/bin/env node
// `npm run sites -- <command>`: manage sites on the database `npm start` uses — the embedded one under
// backend/.data (shared with a running `npm start`) or DATABASE_URL — with the same .env. Builds the backend first
// if it was never built.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'backend', 'dist', 'src', 'sites', 'sites.cli.js');
if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env')); // never overrides the environment

if (!existsSync(cli)) {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const build = spawnSync(npx, ['nx', 'run', '@todo-assistant/backend:build', '--outputStyle=static'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// The backend's own directory, as `npm start` runs it: DATA_DIR (.data) is relative to it.
const run = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
  cwd: join(root, 'backend'),
  stdio: 'inherit',
  env: { LOG_LEVEL: 'warn', ...process.env },
});
process.exit(run.status ?? 1);
