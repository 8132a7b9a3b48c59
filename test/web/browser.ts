import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { Browser, Page } from 'puppeteer-core';

/** Debian's chromium (`apt-get install chromium`); CHROMIUM_PATH points elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile, kept off the network but for the pages it is sent to. */
export async function launchBrowser(): Promise<TestBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'papermill-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * What went wrong in a page: uncaught errors and console errors (a CSP violation or a failed load
 * is reported there), for a test to expect none of.
 */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error')
      problems.push(`console: ${message.text()} (${message.location().url ?? 'no url'})`);
  });
  return problems;
}

/**
 * The problems besides the 404s of `GET /tasks/<id>/events` on an api without event streams (the
 * page then polls; Chromium logs every failed fetch).
 */
export function unexpected(problems: string[]): string[] {
  return problems.filter(
    (problem) => !/404 \(Not Found\) \(.*\/tasks\/[0-9a-f-]{36}\/events\)$/.test(problem),
  );
}

/** The text of the first element matching `selector`, or undefined. */
export function textOf(page: Page, selector: string): Promise<string | undefined> {
  return page.$eval(selector, (element) => element.textContent ?? '').catch(() => undefined);
}
