import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { EditorInit } from '../../artifact/src/transport/types.js';
import { launchBrowser, startHost, type Host } from './harness.js';

export interface EditorSuite {
  readonly browser: Browser;
  readonly host: Host;
  /** This test's page: a new one per test, opened as a new user would (no remembered settings). */
  readonly page: Page;
  /** Closes this test's page and opens another: the editor closed and opened again. */
  reopen(): Promise<Page>;
}

/** One browser and one Open WebUI stand-in per test file, and a fresh page per test. */
export function editorSuite(
  init: () => Promise<EditorInit>,
  pageOptions: BrowserContextOptions = { viewport: { width: 1000, height: 700 } },
): EditorSuite {
  let browser: Browser | undefined;
  let host: Host | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    host = await startHost(await init());
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });
  beforeEach(async () => {
    await host!.forgetSettings();
    page = await browser!.newPage(pageOptions);
  });
  afterEach(async () => {
    await page?.close();
  });
  return {
    get browser() {
      return browser!;
    },
    get host() {
      return host!;
    },
    get page() {
      return page!;
    },
    async reopen() {
      await page?.close();
      page = await browser!.newPage(pageOptions);
      return page;
    },
  };
}
