import type { Page } from 'playwright-core';

/** The element focused inside the widget's shadow trees, described for assertions. */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return '';
    const label = el.getAttribute('aria-label') ?? (el as HTMLElement).innerText?.trim() ?? '';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} ${label}`.trim();
  });
}

/** Presses `key` until the focused element matches (or gives up after `max` presses). */
export async function tabUntil(page: Page, pattern: RegExp, key = 'Tab', max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (pattern.test(await focused(page))) return;
    await page.keyboard.press(key);
  }
  throw new Error(`never reached ${pattern} with ${key}; last focus: ${await focused(page)}`);
}
