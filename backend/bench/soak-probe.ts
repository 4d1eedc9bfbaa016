/**
 * Preloaded into the soak's backend process (`NODE_OPTIONS=--expose-gc --require …/soak-probe.js`); no part of
 * the backend. On SIGUSR2 it runs a full garbage collection and prints one line, `SOAK_PROBE {…}`, with the
 * live heap: RSS alone cannot tell a leak from V8 keeping memory it has freed.
 */
const collect = (globalThis as { gc?: () => void }).gc;

process.on('SIGUSR2', () => {
  collect?.();
  const m = process.memoryUsage();
  process.stdout.write(
    `SOAK_PROBE ${JSON.stringify({ heapUsed: m.heapUsed, external: m.external, rss: m.rss, gc: !!collect })}\n`,
  );
});
