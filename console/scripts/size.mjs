// Prints what the console's first load costs (the page, its stylesheet, the entry and what it imports
// statically) and the chunks loaded on use, raw and gzipped: the build's record of "keep the first load small".
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = new URL('../dist/app/', import.meta.url).pathname;
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const first = new Set(['index.html', ...[...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1])]);
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const size = (f) => {
  const body = readFileSync(join(dir, f));
  return { raw: body.length, gz: gzipSync(body, { level: 9 }).length };
};
let raw = 0;
let gz = 0;
for (const f of first) {
  const s = size(f);
  raw += s.raw;
  gz += s.gz;
}
console.log(`console first load: ${kb(raw)} (${kb(gz)} gzipped) — ${[...first].join(', ')}`);
for (const f of readdirSync(join(dir, 'assets'))) {
  const rel = `assets/${f}`;
  if (first.has(rel) || !f.endsWith('.js')) continue;
  const s = size(rel);
  console.log(`  on use: ${rel} ${kb(s.raw)} (${kb(s.gz)} gzipped)`);
}
