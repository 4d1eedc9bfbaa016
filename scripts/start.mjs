#!/usr/bin/env node
// `npm start`: build what is stale (Nx cache), then serve the backend (migrations run before it listens) and the
// demo site on its own origin. Without DATABASE_URL the backend keeps its data in an embedded PGlite under
// backend/.data; without OPENAI_API_KEY it answers with the offline model. Settings come from the environment and
// from a .env file at the root (see .env.example). Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// The Agents SDK's `openai` client needs Node 22; say so before anything fails deep inside a build or a turn.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13) || major === 23) {
  console.error(
    `Todo Assistant needs Node 22.13+ or 24 (this is ${process.version}). ` +
      'scripts/install-node.sh 24 fetches Node 24 from the npm registry into .node/24; then put .node/24/bin first on PATH.',
  );
  process.exit(1);
}
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env')); // never overrides the environment

if (!existsSync(join(root, 'node_modules'))) {
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 1);
}
const build = spawnSync(npx, ['nx', 'run-many', '-t', 'build', '--outputStyle=static'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const env = process.env;
const port = env.PORT || '3000';
const demoPort = env.DEMO_PORT || '8080';
const apiUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
// The demo site is a page of another origin: the backend must allow it, whatever else ALLOWED_ORIGINS lists.
const allowed = new Set([
  ...(env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean),
  `http://localhost:${demoPort}`,
  `http://127.0.0.1:${demoPort}`,
]);

// The demo's sites (Northwind's task board, the help desk), made or kept in step before the backend opens the
// database; Northwind's secret is kept under the backend's data directory for the demo server.
const { ensureDemoSites } = await import('./demo-sites.mjs');
const demoSites = await ensureDemoSites({
  backendDir: join(root, 'backend'),
  origins: [`http://localhost:${demoPort}`, `http://127.0.0.1:${demoPort}`],
});

const backend = spawn(process.execPath, ['dist/src/main.js'], {
  cwd: join(root, 'backend'),
  stdio: 'inherit',
  // Warnings only by default: the console is for the URLs below (LOG_LEVEL=log shows every request).
  env: { LOG_LEVEL: 'warn', ...env, PORT: port, ALLOWED_ORIGINS: [...allowed].join(',') },
});
const { startDemoServer } = await import('../demo-site/server.mjs');
const demo = await startDemoServer({
  port: Number(demoPort),
  apiUrl,
  ...demoSites,
  dataDir: join(root, 'demo-site', '.data'),
});

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  demo.server.close();
  if (backend.exitCode === null) backend.kill(signal);
  else process.exit(backend.exitCode ?? 0);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));
backend.on('exit', (code) => {
  demo.server.close();
  process.exit(stopping ? 0 : (code ?? 1));
});

// Wait until the backend answers, then say where everything is.
for (let i = 0; i < 600 && !stopping && backend.exitCode === null; i++) {
  const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) {
    console.log(`
  Todo Assistant is running.
    Demo site      ${demo.url}            (Northwind's own sign-in; the help desk at /inline.html)
    Backend        ${apiUrl}            (API docs at /api/docs)
    Widget script  ${apiUrl}/widget/todo-assistant.js
  Press Ctrl-C to stop.
`);
    break;
  }
  await new Promise((r) => setTimeout(r, 200));
}
