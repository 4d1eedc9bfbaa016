import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, headless, with nothing reaching out to Google's services. `extraArgs` add switches (e.g. a
 * fake microphone playing a file).
 */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs,
    ],
  });
}
