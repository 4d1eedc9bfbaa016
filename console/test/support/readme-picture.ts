import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { README_SCREENSHOT, toastGone } from './harness';

const DAYS = 30;

/**
 * A month of a busy site's use, made up (the same every time): weekdays busier than weekends, growing, a few
 * failed turns. Only for the README's picture, whose charts would otherwise show the one day of the journey.
 */
export function monthOfUsage(site: string, today = new Date()) {
  let seed = 7;
  const noise = () => {
    seed = (seed * 16807) % 2147483647;
    return 0.8 + (seed / 2147483647) * 0.4;
  };
  const share: Array<[string, number]> = [
    ['add_task', 0.42],
    ['list_tasks', 0.3],
    ['complete_task', 0.2],
    ['update_task', 0.08],
    ['delete_task', 0.03],
  ];
  const days = Array.from({ length: DAYS }, (_, i) => {
    const date = new Date(today.getTime() - (DAYS - 1 - i) * 86_400_000);
    const weekend = [0, 6].includes(date.getUTCDay());
    const turns = Math.round((34 + i * 1.6) * (weekend ? 0.55 : 1) * noise());
    const tool_calls = Object.fromEntries(share.map(([name, s]) => [name, Math.round(turns * 1.1 * s)]));
    return {
      day: date.toISOString().slice(0, 10),
      turns,
      tool_calls,
      active_users: Math.round(turns * 0.36 * noise()),
      errors: i % 9 === 4 ? 2 : i % 13 === 7 ? 1 : 0,
    };
  });
  const tool_calls: Record<string, number> = {};
  for (const d of days)
    for (const [k, v] of Object.entries(d.tool_calls)) tool_calls[k] = (tool_calls[k] ?? 0) + v;
  const sum = (f: (d: (typeof days)[number]) => number) => days.reduce((a, d) => a + f(d), 0);
  return {
    site,
    days,
    totals: {
      turns: sum((d) => d.turns),
      tool_calls,
      active_users: Math.round(Math.max(...days.map((d) => d.active_users)) * 2.6),
      errors: sum((d) => d.errors),
    },
  };
}

/**
 * The README's picture of the console: a site's page as its owner sees it — the appearance with its live preview
 * (the top of the page), and below it the usage charts (further down the same page) — as one image.
 */
export async function readmePicture(browser: Browser, page: Page, siteId: string): Promise<void> {
  const usageUrl = (url: URL) => url.pathname === `/api/admin/sites/${siteId}/usage`;
  await page.route(usageUrl, (route) => route.fulfill({ json: monthOfUsage(siteId) }));
  await page.emulateMedia({ reducedMotion: 'reduce' }); // the charts drawn at once, without animating
  try {
    await page.evaluate((id) => (location.hash = `#/sites/${id}`), siteId); // the top of the page, no section
    await page.reload();
    await page.locator('console-site h1').waitFor();
    await page.locator('console-widget-preview todo-assistant .header').waitFor();
    await toastGone(page);
    await page.evaluate(() => scrollTo(0, 0));
    const appearance = await page.locator('console-site-appearance').boundingBox();
    const top = await page.screenshot({
      clip: {
        x: 0,
        y: 0,
        width: page.viewportSize()!.width,
        height: appearance!.y + appearance!.height + 16,
      },
      fullPage: true,
    });
    const usage = page.locator('console-site-usage');
    await usage.scrollIntoViewIfNeeded();
    await usage.locator('canvas').nth(3).waitFor();
    await page.waitForTimeout(300); // the charts' first layout
    // The usage card down to the end of its first row of charts, in the page's coordinates.
    const scrolled = await page.evaluate(() => window.scrollY);
    const section = (await usage.locator('section').boundingBox())!;
    const figure = (await usage.locator('figure').first().boundingBox())!;
    await page.evaluate(() => scrollTo(0, 0)); // the sticky bar back at the top, away from the clip
    const charts = await page.screenshot({
      fullPage: true,
      clip: {
        x: section.x,
        y: section.y + scrolled,
        width: section.width,
        height: figure.y + figure.height + 24 - section.y,
      },
    });
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await compose(browser, { top, charts, x: section.x, width: page.viewportSize()!.width, background });
  } finally {
    await page.unroute(usageUrl);
    await page.emulateMedia({ reducedMotion: null });
  }
}

/** The two shots one under the other, the second at its place in the page's column, fading out at its foot. */
async function compose(
  browser: Browser,
  o: { top: Buffer; charts: Buffer; x: number; width: number; background: string },
): Promise<void> {
  const canvas = await browser.newPage({ viewport: { width: o.width, height: 400 } });
  const src = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  await canvas.setContent(`<!doctype html>
<body style="margin:0;background:${o.background}">
  <img src="${src(o.top)}" style="display:block">
  <div style="padding:0 0 28px ${o.x}px">
    <img src="${src(o.charts)}" style="display:block;
      mask-image:linear-gradient(to bottom, #000 78%, transparent);
      -webkit-mask-image:linear-gradient(to bottom, #000 78%, transparent)">
  </div>
</body>`);
  await canvas.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
  mkdirSync(dirname(README_SCREENSHOT), { recursive: true });
  writeFileSync(README_SCREENSHOT, await canvas.screenshot({ fullPage: true }));
  await canvas.close();
}
