/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser: the DOM types describe them.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'puppeteer-core';
import { pageCsp } from '../../apps/api/src/web/page-csp.js';
import { send } from '../auth/http.js';
import { claims, hs256 } from '../auth/tokens.js';
import { startStack, Stack } from '../support/stack.js';
import { waitFor } from '../support/wait.js';
import { collectProblems, launchBrowser, TestBrowser, textOf, unexpected } from './browser.js';
import { buildWebPdf, CAPTION, HEADING } from './web-pdf.js';

// A conversion and a browser round trip each take a few seconds on a busy machine.
jest.setTimeout(90_000);

// Set to a folder to keep screenshots of the views the tests reach.
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR;

let files: string;
let chromium: TestBrowser;

beforeAll(async () => {
  files = await mkdtemp(join(tmpdir(), 'papermill-web-'));
  chromium = await launchBrowser();
});

afterAll(async () => {
  await chromium?.close();
  await rm(files, { recursive: true, force: true });
});

/** Writes the test PDF under `name` (the page uploads files by path). */
async function pdfFile(name: string): Promise<string> {
  const path = join(files, name);
  await writeFile(path, await buildWebPdf());
  return path;
}

async function openPage(context: BrowserContext, url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const problems = collectProblems(page);
  await page.goto(url, { waitUntil: 'networkidle0' });
  return { page, problems };
}

/** Uploads through the file picker and returns the new task's id, once its item is listed. */
async function upload(page: Page, path: string): Promise<string> {
  const input = await page.$('input#file-input');
  await input!.uploadFile(path);
  const name = path.split('/').pop()!;
  return waitFor(`the task of ${name} in the list`, () =>
    page.evaluate(
      (fileName) =>
        [...document.querySelectorAll<HTMLElement>('#task-list li')].find(
          (item) => item.querySelector('.task-name')?.textContent === fileName,
        )?.dataset.taskId,
      name,
    ),
  );
}

/** Records every status text the task's item shows, from now on. */
async function recordStatuses(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Record<string, string[]> = {};
    (window as unknown as { seenStatuses: typeof seen }).seenStatuses = seen;
    const record = () => {
      for (const item of document.querySelectorAll<HTMLElement>('#task-list li')) {
        const list = (seen[item.dataset.taskId!] ??= []);
        const text = item.querySelector('.status')?.textContent ?? '';
        if (text && list.at(-1) !== text) list.push(text);
      }
    };
    new MutationObserver(record).observe(document.getElementById('task-list')!, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

const statusesSeen = (page: Page, id: string) =>
  page.evaluate(
    (taskId) => (window as unknown as { seenStatuses: Record<string, string[]> }).seenStatuses[taskId] ?? [],
    id,
  );

const itemStatus = (page: Page, id: string) => textOf(page, `li[data-task-id="${id}"] .status`);

async function screenshot(page: Page, name: string): Promise<void> {
  if (SCREENSHOT_DIR) await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Opens the task's result view and waits for the rendered heading and a loaded inline figure. */
async function openResult(page: Page, id: string): Promise<void> {
  await page.click(`li[data-task-id="${id}"] a.open`);
  await page.waitForFunction(
    (heading) =>
      [...document.querySelectorAll('#rendered :is(h1, h2, h3)')].some((h) => h.textContent === heading),
    { timeout: 30_000 },
    HEADING,
  );
  await page.waitForFunction(
    () => {
      const image = document.querySelector<HTMLImageElement>('#rendered img[data-figure="1"]');
      return image !== null && image.complete && image.naturalWidth > 0;
    },
    { timeout: 30_000 },
  );
}

describe('web page (S3 storage, guests)', () => {
  let stack: Stack;
  let context: BrowserContext;

  beforeAll(async () => {
    stack = await startStack({ storage: 's3' });
    context = await chromium.browser.createBrowserContext();
  });

  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  it('serves the page at / with a CSP that allows scripts from itself and images from the bucket', async () => {
    const page = await send<string>(stack.url, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(pageCsp([new URL(stack.s3!.endpoint).origin]));
    expect(page.body).toContain('<script type="module" src="/assets/js/main.js"></script>');
    expect(page.body).not.toMatch(/<script>|<style|style="/);

    for (const [path, type] of [
      ['/assets/js/main.js', 'text/javascript; charset=utf-8'],
      ['/assets/app.css', 'text/css; charset=utf-8'],
      ['/assets/vendor/marked.js', 'text/javascript; charset=utf-8'],
      ['/assets/vendor/purify.js', 'text/javascript; charset=utf-8'],
    ]) {
      const asset = await send<string>(stack.url, 'GET', path);
      expect([path, asset.status, asset.headers['content-type']]).toEqual([path, 200, type]);
      const again = await send(stack.url, 'GET', path, { headers: { 'if-none-match': asset.headers.etag! } });
      expect([path, again.status]).toEqual([path, 304]);
    }
    for (const path of [
      '/assets/index.html',
      '/assets/../package.json',
      '/assets/js/nope.js',
      '/index.html',
    ]) {
      const missing = await send(stack.url, 'GET', path);
      expect([path, missing.status, missing.body]).toEqual([path, 404, { detail: 'Not Found' }]);
    }
    expect((await send(stack.url, 'GET', '/health')).body).toEqual({ status: 'ok' });
  });

  it('uploads a PDF, shows its status change live, then the rendered Markdown, its figure and downloads', async () => {
    const { page, problems } = await openPage(context, stack.url);
    await recordStatuses(page);
    const id = await upload(page, await pdfFile('survey.pdf'));
    await waitFor('the task to show Done', async () => (await itemStatus(page, id)) === 'Done');
    const seen = await statusesSeen(page, id);
    // The upload answers QUEUED; the page follows the task to DONE without a reload.
    expect(seen[0]).toBe('Queued');
    expect(seen.at(-1)).toBe('Done');
    await screenshot(page, 'tasks');
    await page.setViewport({ width: 390, height: 844 });
    await screenshot(page, 'tasks-phone');
    await page.setViewport({ width: 1280, height: 900 });

    await openResult(page, id);
    expect(page.url()).toBe(`${stack.url}/#/tasks/${id}`);
    expect(await textOf(page, '#task-title')).toBe('survey.pdf');
    expect(await textOf(page, '#task-status')).toBe('Done');
    const inline = await page.$eval(
      '#rendered img[data-figure="1"]',
      (image) => (image as HTMLImageElement).src,
    );
    expect(inline.startsWith(`${stack.s3!.endpoint}/`)).toBe(true);
    expect(await textOf(page, '#source')).toContain(`# ${HEADING}`);
    expect(await textOf(page, '#source')).toContain('](figures/picture-1.png)');

    // The gallery: the figure loaded, with its number, page and caption, and a download link.
    await page.waitForFunction(() => {
      const image = document.querySelector<HTMLImageElement>('#gallery img');
      return image !== null && image.complete && image.naturalWidth > 0;
    });
    expect(await textOf(page, '#gallery .figure-label')).toBe('Figure 1 · page 1');
    expect(await textOf(page, '#gallery .figure-title')).toBe(CAPTION);
    const links = await page.$$eval('#task-actions a:not([hidden]), #gallery a', (anchors) =>
      anchors.map((a) => [a.getAttribute('href'), (a as HTMLAnchorElement).download]),
    );
    expect(links).toEqual([
      [`/tasks/${id}/download`, 'survey.md'],
      [`/tasks/${id}/assets`, 'survey.assets.json'],
      [`/tasks/${id}/figures/1/download?download=true`, 'survey-picture-1.png'],
    ]);
    await screenshot(page, 'result');
    await page.setViewport({ width: 390, height: 844 });
    await screenshot(page, 'result-phone');
    expect(unexpected(problems)).toEqual([]);
    await page.close();
  });

  it('deletes a task: it disappears from the list and from the api', async () => {
    const { page, problems } = await openPage(context, stack.url);
    const id = await upload(page, await pdfFile('to-delete.pdf'));
    await waitFor('the task to show Done', async () => (await itemStatus(page, id)) === 'Done');
    await openResult(page, id);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('#task-delete');
    await page.waitForFunction(() => location.hash === '#/' && !document.getElementById('home-view')!.hidden);
    await waitFor('the item to go', async () => (await page.$(`li[data-task-id="${id}"]`)) === null);
    expect(await textOf(page, '#notice')).toBe('Deleted to-delete.pdf.');
    expect(await page.evaluate((taskId) => fetch(`/tasks/${taskId}`).then((r) => r.status), id)).toBe(404);
    await page.reload({ waitUntil: 'networkidle0' });
    expect(await page.$(`li[data-task-id="${id}"]`)).toBeNull();
    // Only the 404 of the test's own request for the deleted task.
    expect(unexpected(problems).filter((p) => !p.endsWith(`/tasks/${id})`))).toEqual([]);
    await page.close();
  });

  it('uploads several dropped files at once and says which were refused or failed', async () => {
    // A guest of its own, so the list holds only these uploads.
    const guest = await chromium.browser.createBrowserContext();
    const { page, problems } = await openPage(guest, stack.url);
    const pdf = (await buildWebPdf()).toString('base64');
    const broken = Buffer.from('%PDF-1.7\nthis is no PDF body\n').toString('base64');
    const text = Buffer.from('just some notes').toString('base64');
    await page.evaluate(
      (files) => {
        const transfer = new DataTransfer();
        for (const [name, base64] of files) {
          const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          transfer.items.add(new File([bytes], name, { type: 'application/pdf' }));
        }
        const zone = document.getElementById('drop-zone')!;
        zone.dispatchEvent(
          new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
        zone.dispatchEvent(
          new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      },
      [
        ['first.pdf', pdf],
        ['notes.pdf', text],
        ['second.pdf', pdf],
        ['broken.pdf', broken],
      ],
    );
    const uploads = () =>
      page.$$eval('#uploads li', (rows) =>
        rows.map((row) => [
          row.querySelector('.upload-name')!.textContent,
          row.querySelector('.upload-state')!.textContent,
        ]),
      );
    await waitFor('every upload to settle', async () =>
      (await uploads()).every(([, state]) => state === 'Uploaded' || state!.startsWith('Not uploaded')),
    );
    expect((await uploads()).sort()).toEqual([
      ['broken.pdf', 'Uploaded'],
      ['first.pdf', 'Uploaded'],
      ['notes.pdf', 'Not uploaded: Uploaded file must be a PDF'],
      ['second.pdf', 'Uploaded'],
    ]);
    const states = () =>
      page.$$eval('#task-list li', (items) =>
        items.map((item) => [
          item.querySelector('.task-name')!.textContent,
          item.querySelector('.status')!.textContent,
          item.querySelector<HTMLElement>('.error')!.hidden
            ? null
            : item.querySelector('.error')!.textContent,
        ]),
      );
    await waitFor('the three tasks to settle', async () => {
      const listed = await states();
      return listed.length === 3 && listed.every(([, status]) => status === 'Done' || status === 'Failed');
    });
    // Newest first: the uploads went one after the other, in the order dropped.
    expect(await states()).toEqual([
      ['broken.pdf', 'Failed', 'The file is not a valid PDF'],
      ['second.pdf', 'Done', null],
      ['first.pdf', 'Done', null],
    ]);
    // The refused upload's 415 is the only failed request.
    expect(unexpected(problems)).toEqual([
      expect.stringMatching(/^console: Failed to load resource: .* 415 .*\/tasks\)$/),
    ]);
    await guest.close();
  });

  it('is usable by keyboard: visible focus, real links and buttons', async () => {
    const { page } = await openPage(context, stack.url);
    const id = await upload(page, await pdfFile('keyboard.pdf'));
    await waitFor('the task to show Done', async () => (await itemStatus(page, id)) === 'Done');
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        return {
          id: element.id,
          text: element.textContent,
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
        };
      });
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ text: 'Skip to content', outline: 'solid 3px' });
    for (let i = 0; i < 10 && (await focused()).id !== 'choose-files'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ id: 'choose-files', outline: 'solid 3px' });
    // Tab on to the task's link and open it with Enter.
    for (let i = 0; i < 20 && (await focused()).text !== 'View result'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ text: 'View result', outline: 'solid 3px' });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'task-title');
    expect(await textOf(page, '#task-title')).toBe('keyboard.pdf');
    // Every control has a name a screen reader can read.
    const unnamed = await page.$$eval('button, a, input, progress', (elements) =>
      elements
        .filter((element) => !(element as HTMLElement).hidden && element.closest('[hidden]') === null)
        .filter((element) => {
          const labelled = element.getAttribute('aria-label') || (element as HTMLInputElement).labels?.length;
          return !labelled && !element.textContent!.trim();
        })
        .map((element) => element.outerHTML),
    );
    expect(unnamed).toEqual([]);
    await page.close();
  });

  it("does not show one guest's task to another", async () => {
    const { page } = await openPage(context, stack.url);
    const id = await upload(page, await pdfFile('mine.pdf'));
    const other = await chromium.browser.createBrowserContext();
    try {
      const { page: otherPage } = await openPage(other, stack.url);
      await otherPage.waitForSelector('#tasks-empty:not([hidden])');
      expect(await otherPage.$$('#task-list li')).toHaveLength(0);
      const status = await otherPage.evaluate(
        (taskId) => fetch(`/tasks/${taskId}`).then((r) => r.status),
        id,
      );
      expect(status).toBe(404);
      // The first guest still has it after a reload.
      await page.reload({ waitUntil: 'networkidle0' });
      expect(await page.$(`li[data-task-id="${id}"]`)).not.toBeNull();
    } finally {
      await other.close();
      await page.close();
    }
  });

  it('follows a task through its event stream and shows the pages done', async () => {
    // The test answers the events route itself with a stream in the contract's shape: the page's
    // reading of it (fetch, parser, progress) is what is under test; uploads and the rest are real.
    const guest = await chromium.browser.createBrowserContext();
    const { page, problems } = await openPage(guest, stack.url);
    await page.setRequestInterception(true);
    const polled: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      const events = /^\/tasks\/([0-9a-f-]{36})\/events$/.exec(url.pathname);
      if (/^\/tasks\/[0-9a-f-]{36}$/.test(url.pathname)) polled.push(url.pathname);
      if (!events) return void request.continue();
      const task = (status: string, pagesDone: number) => ({
        id: events[1],
        file_name: 'streamed.pdf',
        status,
        input_path: `uploads/${events[1]}/input.pdf`,
        output_path: status === 'DONE' ? `outputs/${events[1]}/result.md` : null,
        error_message: null,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
        page_count: 2,
        pages_done: pagesDone,
      });
      const body = [
        ': connected\n\n',
        `event: task\ndata: ${JSON.stringify(task('PROCESSING', 0))}\n\n`,
        `event: task\r\ndata: ${JSON.stringify(task('PROCESSING', 1))}\r\n\r\n`,
        ': heartbeat\n\n',
        `event: task\ndata: ${JSON.stringify(task('DONE', 2))}\n\n`,
      ].join('');
      void request.respond({ status: 200, contentType: 'text/event-stream', body });
    });
    await recordStatuses(page);
    const id = await upload(page, await pdfFile('streamed.pdf'));
    await waitFor('the task to show Done', async () => (await itemStatus(page, id)) === 'Done');
    expect(await statusesSeen(page, id)).toEqual([
      'Queued',
      'Converting: 0/2 pages',
      'Converting: 1/2 pages',
      'Done',
    ]);
    expect(polled).toEqual([]);
    expect(unexpected(problems)).toEqual([]);
    await guest.close();
  });

  it('says so when the service cannot be reached, and loads again once it can', async () => {
    const { page } = await openPage(context, stack.url);
    const listed = await page.$$eval('#task-list li', (items) => items.length);
    expect(listed).toBeGreaterThan(0);
    await page.setOfflineMode(true);
    await page.click('#refresh');
    await page.waitForFunction(() => document.getElementById('notice')!.textContent !== '');
    expect(await textOf(page, '#notice')).toBe(
      'Could not load your tasks: The service cannot be reached; check your connection.',
    );
    // The tasks listed before stay on show.
    expect(await page.$$eval('#task-list li', (items) => items.length)).toBe(listed);
    await page.setOfflineMode(false);
    await page.click('#refresh');
    // The error goes once the list has loaded again.
    await page.waitForFunction(() => document.getElementById('notice')!.textContent === '');
    expect(await page.$$eval('#task-list li', (items) => items.length)).toBe(listed);
    await page.close();
  });

  it('renders Markdown sanitised: no script, handler, style or foreign image survives', async () => {
    const { page, problems } = await openPage(context, stack.url);
    const html = await page.evaluate(async () => {
      const { renderMarkdown } = (await import('/assets/js/markdown.js' as string)) as {
        renderMarkdown(markdown: string, urls: Map<number, string>): DocumentFragment;
      };
      const markdown = [
        '# Title',
        '<script>window.hacked = 1</script><img src="x" onerror="window.hacked = 2">',
        '<span style="color: red">styled</span> <form action="/tasks"><input name="a"></form>',
        '[bad](javascript:window.hacked=3) [good](https://example.org/) [anchor](#title)',
        '![Figure 1. Gauge](figures/picture-1.png) ![elsewhere](http://192.0.2.1/x.png)',
      ].join('\n\n');
      const box = document.createElement('div');
      box.append(renderMarkdown(markdown, new Map([[1, '/assets/icon.svg']])));
      return box.innerHTML;
    });
    expect(html).toBe(
      '<h1>Title</h1>\n<p><span>styled</span> </p><p></p>\n' +
        '<p><a>bad</a> <a href="https://example.org/" rel="noopener noreferrer nofollow">good</a> <a>anchor</a></p>\n' +
        '<p><img src="/assets/icon.svg" alt="Figure 1. Gauge" decoding="async" data-figure="1"> [elsewhere]</p>\n',
    );
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
    // While the sanitiser parses the hostile input, the CSP refuses what it would run; nothing else fails.
    const refused =
      / violates the following Content Security Policy directive .* The action has been blocked\./;
    expect(unexpected(problems).filter((problem) => !refused.test(problem))).toEqual([]);
    await page.close();
  });

  it('parses event streams split anywhere, with comments, CRLF and multi-line data', async () => {
    const { page } = await openPage(context, stack.url);
    const messages = await page.evaluate(async () => {
      const { SseParser } = (await import('/assets/js/sse.js' as string)) as {
        SseParser: new () => { push(text: string): unknown[] };
      };
      const parser = new SseParser();
      return [': heartbeat\n\nevent: task\ndata: {"a"', ':1}\r', '\n\r\ndata: x\ndata:  y\n', '\nevent: x\n']
        .map((chunk) => parser.push(chunk))
        .flat();
    });
    expect(messages).toEqual([
      { event: 'task', data: '{"a":1}' },
      { event: 'message', data: 'x\n y' },
    ]);
    await page.close();
  });
});

describe('web page (local storage, API key)', () => {
  let stack: Stack;
  let context: BrowserContext;
  let key: string;
  let downloads: string;

  beforeAll(async () => {
    stack = await startStack({ storage: 'local' });
    downloads = await mkdtemp(join(files, 'downloads-'));
    context = await chromium.browser.createBrowserContext({
      downloadBehavior: { policy: 'allow', downloadPath: downloads },
    });
    const jwt = await hs256(claims('web-user'));
    const created = await send<{ token: string }>(stack.url, 'POST', '/api-keys', {
      headers: { authorization: `Bearer ${jwt}` },
      json: { name: 'web page' },
    });
    expect(created.status).toBe(201);
    key = created.body.token;
  });

  afterAll(async () => {
    await context?.close();
    await stack?.close();
  });

  it("works with a pasted API key: the key owner's tasks, results and downloads", async () => {
    const { page, problems } = await openPage(context, stack.url);
    expect((await send(stack.url, 'GET', '/')).headers['content-security-policy']).toBe(pageCsp([stack.url]));
    await page.type('#api-key', key);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      document.getElementById('access-state')!.textContent!.includes('API key'),
    );
    const id = await upload(page, await pdfFile('keyed.pdf'));
    await waitFor('the task to show Done', async () => (await itemStatus(page, id)) === 'Done');

    // The task is the key owner's, not the tab's guest session's.
    const owned = await send<{ items: { id: string }[] }>(stack.url, 'GET', '/tasks', {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(owned.body.items.map((task) => task.id)).toEqual([id]);
    const guest = await page.evaluate(() => fetch('/public/tasks').then((r) => r.json()));
    expect(guest).toMatchObject({ items: [], total: 0 });

    // The key stays for the tab (sessionStorage) across a reload.
    await page.reload({ waitUntil: 'networkidle0' });
    expect(await page.$(`li[data-task-id="${id}"]`)).not.toBeNull();
    await openResult(page, id);

    // A download needs the key's header: the page fetches it and saves the bytes.
    await page.click('#download-md');
    const saved = await waitFor('the Markdown download', () =>
      readFile(join(downloads, 'keyed.md'), 'utf8').catch(() => undefined),
    );
    expect(saved).toBe(await textOf(page, '#source'));
    expect(saved).toContain(`# ${HEADING}`);

    // Back to the guest session: the key's task is not the guest's.
    await page.click('a.back');
    await page.click('#forget-key');
    await page.waitForSelector('#tasks-empty:not([hidden])');
    expect(await page.$(`li[data-task-id="${id}"]`)).toBeNull();
    expect(unexpected(problems)).toEqual([]);
    await page.close();
  });
});
