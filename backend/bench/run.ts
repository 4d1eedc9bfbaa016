/**
 * `npm run bench`: every benchmark, one after the other, printing numbers (not pass/fail).
 * Usage: node dist/bench/run.js [name…] — names are the bench files without `.bench`.
 */
import { readdirSync } from 'node:fs';

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.js'))
    .sort();
  for (const file of files) {
    const name = file.replace('.bench.js', '');
    if (wanted.length && !wanted.includes(name)) continue;
    const mod = (await import(`./${file}`)) as { run: () => Promise<void> };
    await mod.run();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
