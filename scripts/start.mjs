#!/usr/bin/env node
// `npm start`: build what is stale (Nx cache), run the migrations and serve the backend.
// Without DATABASE_URL the backend uses the embedded PGlite in backend/.data, so no PostgreSQL is needed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

if (!existsSync(join(root, 'node_modules'))) {
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 1);
}
const build = spawnSync(npx, ['nx', 'run-many', '-t', 'build', '--outputStyle=static'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const backend = spawn(process.execPath, ['dist/src/main.js'], { cwd: join(root, 'backend'), stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => backend.kill(signal));
backend.on('exit', (code) => process.exit(code ?? 0));
