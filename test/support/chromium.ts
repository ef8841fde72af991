import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with nothing that reaches the network on its own. */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface TestBrowser {
  browser: BrowserContext;
  /** Closes the browser and removes its throwaway profile. */
  close(): Promise<void>;
}

/** Starts real Chromium in a throwaway profile for a browser test. */
export async function launchChromium(options: { viewport?: { width: number; height: number }; locale?: string } = {}): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'nd-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    ...(options.viewport ? { viewport: options.viewport } : {}),
    // The browser's language: its Accept-Language header and navigator.language.
    ...(options.locale ? { locale: options.locale } : {}),
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Signs in through the console's login form and waits for the queue. A page
 * already signed in as somebody else signs out first.
 */
export async function signInInBrowser(page: Page, base: string, login: { email: string; password: string }): Promise<void> {
  await page.goto(`${base}/login`);
  if (!page.url().includes('/login')) {
    await Promise.all([page.waitForURL(/\/login/), page.click('header form button[type=submit]')]);
    await page.goto(`${base}/login`);
  }
  await page.fill('#email', login.email);
  await page.fill('#password', login.password);
  await Promise.all([page.waitForURL(`${base}/`), page.click('main button[type=submit]')]);
}
