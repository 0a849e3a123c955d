import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

// Debian's chromium; .ci/run installs it when missing, so on CI its absence is a failure.
const executablePath = '/usr/bin/chromium';
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const haveChromium = existsSync(executablePath) || Boolean(process.env['CI']);

/** A headless Chromium with a fresh profile and the pages' usual viewport. */
export function launchChromium(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'capsim-chromium-')), { executablePath, headless: true, args: flags, viewport: { width: 1100, height: 900 } });
}

export interface Visit {
  page: Page;
  consoleErrors: string[];
  requests: string[];
}

/** Open a file and record console errors and every request other than the page itself. */
export async function visit(context: BrowserContext, file: string): Promise<Visit> {
  const url = pathToFileURL(resolve(file)).href;
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(m.text())));
  page.on('pageerror', (e) => void consoleErrors.push(e.message));
  page.on('request', (r) => void (r.url() !== url && requests.push(r.url())));
  await page.goto(url, { waitUntil: 'load' });
  return { page, consoleErrors, requests };
}
