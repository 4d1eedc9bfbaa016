import { copyFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { axe } from '@todo-assistant/testing';
import { focused, tabUntil } from '../support/a11y';
import { answersEnded, Harness, screenshot, waitForAnswer, widget } from '../support/harness';

/**
 * The widget's languages: chosen from the locale attribute, the site's setting or the browser's languages; Urdu and
 * Arabic right to left; a catalog fetched only when the panel opens; the language switched at run time.
 */
const h = new Harness();
beforeAll(() => h.start());
afterAll(() => h.stop());

const EMBED = join(__dirname, '../../dist/embed');
const CATALOG = /^\/widget\/chunks\/(ar|de|es|fr|ur)-[\w-]+\.js$/;
const URDU_HEADING = 'کاموں کا اسسٹنٹ';

/** The widget's files the page has fetched so far (paths under /widget/). */
function widgetFiles(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((r) => new URL(r.name).pathname)
      .filter((p) => p.startsWith('/widget/')),
  );
}

/** Their size as a page gets them compressed (gzip -9, as `npm run bench` measures), in KB. */
function gzipKb(files: string[]): number {
  const bytes = files.map((f) =>
    gzipSync(readFileSync(join(EMBED, f.slice('/widget/'.length))), { level: 9 }),
  );
  return bytes.reduce((sum, b) => sum + b.length, 0) / 1024;
}

/**
 * Every word the open panel shows or says to a screen reader (text, aria-label, placeholder, title), through its
 * shadow trees; what people wrote is left out (`dir="auto"`: their own words, in any language).
 */
function panelWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walk = (root: Node) => {
      for (const n of Array.from(root.childNodes)) {
        if (n.nodeType === Node.TEXT_NODE) {
          const text = n.textContent?.trim();
          if (text) out.push(text);
        } else if (n instanceof Element) {
          if (n.matches('style, svg, [hidden], [dir="auto"]')) continue;
          for (const a of ['aria-label', 'placeholder', 'title']) {
            const v = n.getAttribute(a);
            if (v) out.push(v);
          }
          if (n.shadowRoot) walk(n.shadowRoot);
          walk(n);
        }
      }
    };
    walk(document.querySelector('todo-assistant')!.shadowRoot!.querySelector('section.panel')!);
    return out;
  });
}

/** The requests to the ChatKit endpoint, with the language they asked for. */
function chatLanguages(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (r.url() === `${h.backend.url}/api/chatkit` && r.method() === 'POST')
      seen.push(r.headers()['accept-language'] ?? '');
  });
  return seen;
}

/** Sends a message from the composer (in any language) and waits for the whole answer. */
async function say(page: Page, text: string): Promise<void> {
  const ended = await answersEnded(page);
  const field = widget(page).locator('textarea#message');
  await field.fill(text);
  await field.press('Enter');
  await waitForAnswer(page, ended);
}

/** A site whose visitors write at once (guests), with these settings, once the backend serves them. */
async function guestSite(name: string, settings: Record<string, string>): Promise<string> {
  const site = await h.backend.sites(
    'create',
    '--name',
    name,
    '--origin',
    h.site.url,
    '--identity',
    'guests',
  );
  await h.backend.sites(
    'update',
    site.id,
    ...Object.entries(settings).flatMap(([k, v]) => ['--setting', `${k}=${v}`]),
  );
  for (let i = 0; i < 50; i++) {
    const config = await (
      await fetch(`${h.backend.url}/api/sites/${site.id}/config`, { headers: { origin: h.site.url } })
    ).json();
    if (config.locale === settings.locale) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return site.id;
}

/** A screenshot for the test artifacts, and one to look at in /tmp (`widget-ur-<name>.png`). */
async function urduScreenshot(page: Page, name: string): Promise<void> {
  const saved = await screenshot(page, `languages-ur-${name}`);
  copyFileSync(saved, join(tmpdir(), `widget-ur-${name}.png`));
}

test("the site's Urdu: catalog fetched on opening, Urdu right to left, a keyboard-only journey, then German at run time", async () => {
  const site = await guestSite('Urdu help desk', { locale: 'ur' });
  const url = h.hostPage('/ur', {
    embed: h.scriptTag(`data-site="${site}"`),
    body: '<a href="#about">About</a>',
  });
  const { page, context, errors } = await h.newPage(url);
  const languages = chatLanguages(page);
  const w = widget(page);
  const launcher = w.locator('button.launcher');
  await launcher.waitFor();
  await page.waitForLoadState('networkidle');

  // Before anyone opens it: the launcher's code only, within its budget, and no catalog.
  const before = await widgetFiles(page);
  expect(before).toEqual([
    '/widget/todo-assistant.js',
    expect.stringMatching(/^\/widget\/chunks\/embed-mount-/),
  ]);
  expect(gzipKb(before)).toBeLessThanOrEqual(15);

  // By keyboard: to the launcher, open it; the focus lands in the message field.
  await page.keyboard.press('Tab'); // the host's link
  await tabUntil(page, /launcher/);
  await page.keyboard.press('Enter');
  const dialog = w.getByRole('dialog', { name: URDU_HEADING });
  await dialog.waitFor();
  await w.getByText('آج کون سے کام نمٹانے ہیں؟').waitFor();
  await tabUntil(page, /^textarea#message/, 'Tab', 1);
  expect((await widgetFiles(page)).filter((f) => CATALOG.test(f))).toEqual([
    expect.stringMatching(/^\/widget\/chunks\/ur-/),
  ]);

  // Every word of the panel is Urdu, in Arabic script, and it reads right to left in a Nastaliq font.
  const words = await panelWords(page);
  expect(words).toEqual(
    expect.arrayContaining([URDU_HEADING, 'بند کریں', 'گفتگوئیں', 'نئی', 'بھیجیں', 'تمام کام دکھائیں']),
  );
  expect(words.filter((t) => /[A-Za-z]/.test(t) || !/[\u0600-\u06ff]/.test(t))).toEqual([]);
  await expect(w.getByLabel('پیغام').getAttribute('placeholder')).resolves.toBe(
    'مجھ سے کام شامل کرنے، دکھانے یا مکمل کرنے کو کہیں…',
  );
  await expect(w.locator('section.panel').getAttribute('lang')).resolves.toBe('ur');
  await expect(w.locator('.body').getAttribute('dir')).resolves.toBe('rtl');
  const style = (selector: string, property: 'direction' | 'fontFamily' | 'lineHeight') =>
    w
      .locator(selector)
      .first()
      .evaluate((el, p) => getComputedStyle(el)[p], property);
  await expect(style('todo-assistant-chat .toolbar', 'direction')).resolves.toBe('rtl');
  await expect(style('todo-assistant-chat .start h3', 'fontFamily')).resolves.toMatch(
    /^"Noto Nastaliq Urdu"/,
  );
  expect(parseFloat(await style('todo-assistant-chat .prompts button', 'lineHeight'))).toBeGreaterThanOrEqual(
    30,
  );
  // The launcher stays in the page's corner (a left-to-right page: bottom right), the panel above it.
  const corner = (await launcher.boundingBox())!;
  const panel = (await w.locator('section.panel').boundingBox())!;
  expect(corner.x).toBeGreaterThan(1000);
  expect(panel.x + panel.width).toBeGreaterThan(1200);

  // A message typed and sent from the keyboard, answered in Urdu; the requests ask for Urdu.
  let ended = await answersEnded(page);
  await page.keyboard.type('دودھ خریدنا شامل کرو');
  await page.keyboard.press('Enter');
  await waitForAnswer(page, ended);
  await expect(w.locator('.msg.assistant').last().innerText()).resolves.toMatch(/دودھ/);
  ended = await answersEnded(page);
  await page.keyboard.type('تمام کام دکھائیں');
  await page.keyboard.press('Enter');
  await waitForAnswer(page, ended);
  await w.locator('.listview').waitFor();
  expect(languages.length).toBeGreaterThanOrEqual(2);
  expect(new Set(languages)).toEqual(new Set(['ur']));
  await expect(w.locator('todo-assistant-chat .log .sr-only').first().innerText()).resolves.toBe(
    'آپ نے کہا:',
  );
  expect(await axe(page, 'Urdu conversation')).toEqual([]);
  await urduScreenshot(page, 'keyboard-journey');

  // Escape closes it, and the focus is back on the launcher.
  await page.keyboard.press('Escape');
  await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('false');
  await expect(focused(page)).resolves.toMatch(/launcher/);

  // German at run time: the attribute wins over the site's Urdu, everywhere at once.
  await w.evaluate((el) => el.setAttribute('locale', 'de'));
  await w.locator('button.launcher[aria-label="Aufgaben-Assistent"]').waitFor();
  await page.keyboard.press('Enter');
  await w.getByRole('dialog', { name: 'Aufgaben-Assistent' }).waitFor();
  await expect(w.locator('section.panel').getAttribute('lang')).resolves.toBe('de');
  await expect(w.locator('.body').getAttribute('dir')).resolves.toBe('ltr');
  await expect(style('todo-assistant-chat .toolbar', 'direction')).resolves.toBe('ltr');
  await w.getByRole('button', { name: 'Senden' }).waitFor();
  await w.getByRole('button', { name: 'Unterhaltungen' }).waitFor();
  await expect(w.locator('todo-assistant-chat .log .sr-only').first().innerText()).resolves.toBe(
    'Sie sagten:',
  );
  await expect(w.getByLabel('Nachricht').getAttribute('placeholder')).resolves.toBe(
    'Bitten Sie mich, Aufgaben hinzuzufügen, aufzulisten oder abzuschließen…',
  );
  await say(page, 'show my tasks');
  expect(languages.at(-1)).toBe('de');
  expect(errors).toEqual([]);
  await context.close();
});

test("the browser's Arabic (ar-EG): sign-in and the conversation in Arabic, right to left, without axe findings", async () => {
  const url = h.hostPage('/ar', { embed: h.scriptTag() });
  const { page, context, errors } = await h.newPage(url, { width: 1280, height: 800 }, { locale: 'ar-EG' });
  const languages = chatLanguages(page);
  const w = widget(page);
  await w.locator('button.launcher').click();
  await w.getByRole('dialog', { name: 'مساعد المهام' }).waitFor();
  await w.getByRole('heading', { name: 'تسجيل الدخول' }).waitFor();
  await expect(w.locator('section.panel').getAttribute('lang')).resolves.toBe('ar-EG');
  await expect(w.locator('.body').getAttribute('dir')).resolves.toBe('rtl');
  expect(await axe(page, 'Arabic sign-in')).toEqual([]);

  await w.getByRole('button', { name: 'أنشئ حسابًا' }).click();
  await w.getByRole('button', { name: 'إنشاء حساب' }).click(); // nothing filled in: the name is asked for
  await w.getByRole('alert').getByText('أدخل اسمك.').waitFor();
  expect(await axe(page, 'Arabic sign-up with an error')).toEqual([]);
  await w.getByLabel('الاسم').fill('Ada Lovelace');
  await w.getByLabel('البريد الإلكتروني').fill(`ada-${Date.now()}@example.test`);
  await w.getByLabel('كلمة المرور').fill('correct-horse-battery');
  await w.getByRole('button', { name: 'إنشاء حساب' }).click();
  await w.getByLabel('الرسالة').waitFor();
  await say(page, 'add buy milk');
  await say(page, 'show my tasks');
  await w.locator('.listview').waitFor();
  await w.getByRole('button', { name: 'تسجيل الخروج' }).waitFor();
  expect(new Set(languages)).toEqual(new Set(['ar-EG']));
  expect(await axe(page, 'Arabic conversation')).toEqual([]);
  await w.evaluate((el) => el.setAttribute('theme', 'dark'));
  expect(await axe(page, 'Arabic conversation, dark')).toEqual([]);
  await screenshot(page, 'languages-ar-dark');
  expect(errors).toEqual([]);
  await context.close();
});

test('the Urdu panel in light and dark, on a desktop and on a phone', async () => {
  // The sign-in form (the locale attribute's Urdu): labels and text right to left, email and password left to right.
  const form = await h.newPage(
    h.hostPage('/ur-sign-in', { embed: h.scriptTag('data-locale="ur" data-open') }),
  );
  await widget(form.page).getByRole('heading', { name: 'سائن ان کریں' }).waitFor();
  await expect(
    widget(form.page)
      .locator('input#email')
      .evaluate((el) => getComputedStyle(el).direction),
  ).resolves.toBe('ltr');
  await urduScreenshot(form.page, 'sign-in-light-desktop');
  await form.context.close();

  const site = await guestSite('Urdu shop', { locale: 'ur-PK' });
  const url = h.hostPage('/ur-look', { embed: h.scriptTag(`data-site="${site}"`) });
  const { page, context, errors } = await h.newPage(url);
  const w = widget(page);
  await w.locator('button.launcher').click();
  await w.getByRole('dialog', { name: URDU_HEADING }).waitFor();
  await urduScreenshot(page, 'start-light-desktop');
  await say(page, 'دودھ خریدنا شامل کرو');
  await say(page, 'کل ڈاکٹر کے پاس جانا شامل کرو');
  await say(page, 'تمام کام دکھائیں');
  await w.locator('.listview').waitFor();
  await urduScreenshot(page, 'light-desktop');
  await w.evaluate((el) => el.setAttribute('theme', 'dark'));
  await urduScreenshot(page, 'dark-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await urduScreenshot(page, 'dark-phone');
  await w.evaluate((el) => el.setAttribute('theme', 'light'));
  await urduScreenshot(page, 'light-phone');
  // Nothing of the panel is cut off: every line of Nastaliq fits its box.
  const clipped = await page.evaluate(() => {
    const out: string[] = [];
    const walk = (root: ParentNode) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        const s = getComputedStyle(el);
        const clips = s.overflowY === 'hidden' || s.overflowX === 'hidden' || s.webkitLineClamp !== 'none';
        // (Boxes 1 px high are the visually hidden texts for screen readers.)
        if (clips && el.clientHeight > 1 && el.scrollHeight > el.clientHeight + 1)
          out.push(`${el.className.toString()} ${el.scrollHeight}/${el.clientHeight}`);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document.querySelector('todo-assistant')!.shadowRoot!);
    return out;
  });
  // (The panel, its body and the conversation scroll; their content is meant to overflow.)
  expect(clipped.filter((c) => !/^(panel|body|log)\b/.test(c))).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
