import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostilePdf } from '../../libs/pdf/src/testing/pdf-fixtures.js';
import { childPids, isRunning } from '../support/processes.js';
import { buildPdf, buildPdfWithFigure } from '../support/test-pdf.js';
import { waitFor } from '../support/wait.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Each run starts real conversion processes; on a busy machine a run takes seconds.
const RUN_TIMEOUT_MS = 120_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node bin/papermill.js ARGS` from `cwd`, as a user runs it (the built CLI; `npm run build` first). */
function papermill(args: string[], cwd: string, started?: (pid: number) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/papermill.js'), ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code: code ?? (signal ? -1 : null), stdout, stderr }));
    if (child.pid !== undefined) started?.(child.pid);
  });
}

/** Every path under `dir`, relative and sorted (folders end with `/`). */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .map((entry) => {
      const path = join(entry.parentPath, entry.name).slice(dir.length + 1);
      return entry.isDirectory() ? `${path}/` : path;
    })
    .sort();
}

const lines = (text: string) => text.split('\n').filter(Boolean);
const OK_LINE = (file: string, pages: string, figures: string, out: string) =>
  new RegExp(`^ok {6}${escape(file)}: ${pages}, ${figures}, \\d+\\.\\d\\d s -> ${escape(out)}$`);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SUMMARY = (converted: number, failed: number, pages: string) =>
  new RegExp(`^${converted} converted, ${failed} failed, ${pages}, \\d+\\.\\d\\d s$`);

describe('papermill convert', () => {
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'papermill-cli-'));
    await mkdir(join(work, 'docs/nested'), { recursive: true });
    await mkdir(join(work, 'a'));
    await mkdir(join(work, 'b'));
    await mkdir(join(work, 'empty'));
    await writeFile(join(work, 'figure.pdf'), await buildPdfWithFigure());
    await writeFile(
      join(work, 'two-pages.pdf'),
      await buildPdf([['First page of two'], ['Second page of two']]),
    );
    await writeFile(join(work, 'docs/alpha.pdf'), await buildPdf([['Alpha document text']]));
    await writeFile(join(work, 'docs/Beta.PDF'), await buildPdf([['Beta document text']]));
    await writeFile(join(work, 'docs/notes.txt'), 'not a PDF, and not named like one');
    await writeFile(join(work, 'docs/nested/deep.pdf'), await buildPdf([['Deep document text']]));
    await writeFile(join(work, 'a/report.pdf'), await buildPdf([['Report from folder a']]));
    await writeFile(join(work, 'b/report.pdf'), await buildPdf([['Report from folder b']]));
    // Its page keeps pdf.js busy for minutes (the page timeout would leave it out after 30 s).
    await writeFile(join(work, 'stalling.pdf'), await hostilePdf(['A page that stalls'], { stalling: [1] }));
    // A PDF header followed by nothing pdf.js can read.
    await writeFile(
      join(work, 'corrupt.pdf'),
      '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nbroken\n',
    );
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it(
    'converts one file into the output folder itself, as it always has',
    async () => {
      const run = await papermill(['convert', 'figure.pdf', '--out', 'single'], work);
      expect(run.code).toBe(0);
      expect(lines(run.stdout)).toEqual([
        expect.stringMatching(OK_LINE('figure.pdf', '1 page', '1 figure', 'single')),
      ]);
      expect(await tree(join(work, 'single'))).toEqual([
        'figures/',
        'figures/picture-1.png',
        'result.assets.json',
        'result.md',
      ]);
      expect(await readFile(join(work, 'single/result.md'), 'utf8')).toContain(
        '![Figure 1. A red square seen from above.](figures/picture-1.png)',
      );
      const png = await readFile(join(work, 'single/figures/picture-1.png'));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'converts several files and a folder, one sub-folder each, with a summary',
    async () => {
      const run = await papermill(['convert', 'figure.pdf', 'two-pages.pdf', 'docs', '--out', 'many'], work);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      const output = lines(run.stdout);
      expect(output).toHaveLength(5);
      // Lines come as files finish, in any order; the summary comes last.
      expect(output.slice(0, 4).sort()).toEqual([
        expect.stringMatching(OK_LINE('docs/Beta.PDF', '1 page', '0 figures', 'many/Beta')),
        expect.stringMatching(OK_LINE('docs/alpha.pdf', '1 page', '0 figures', 'many/alpha')),
        expect.stringMatching(OK_LINE('figure.pdf', '1 page', '1 figure', 'many/figure')),
        expect.stringMatching(OK_LINE('two-pages.pdf', '2 pages', '0 figures', 'many/two-pages')),
      ]);
      expect(output[4]).toMatch(SUMMARY(4, 0, '5 pages'));
      // The folder's PDFs only: not its other files, not its sub-folders.
      expect((await readdir(join(work, 'many'))).sort()).toEqual(['Beta', 'alpha', 'figure', 'two-pages']);
      expect(await tree(join(work, 'many/figure'))).toEqual([
        'figures/',
        'figures/picture-1.png',
        'result.assets.json',
        'result.md',
      ]);
      expect(await readFile(join(work, 'many/alpha/result.md'), 'utf8')).toContain('Alpha document text');
      expect(await readFile(join(work, 'many/Beta/result.md'), 'utf8')).toContain('Beta document text');
      const twoPages = await readFile(join(work, 'many/two-pages/result.md'), 'utf8');
      expect(twoPages).toContain('First page of two');
      expect(twoPages).toContain('Second page of two');
      const assets = JSON.parse(await readFile(join(work, 'many/two-pages/result.assets.json'), 'utf8'));
      expect(assets.pages.count).toBe(2);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'converts the good files beside a corrupt one, exits 1 and leaves nothing for the corrupt one',
    async () => {
      const run = await papermill(
        ['convert', 'docs/alpha.pdf', 'corrupt.pdf', 'two-pages.pdf', '-o', 'mixed'],
        work,
      );
      expect(run.code).toBe(1);
      const output = lines(run.stdout);
      expect(output).toContain('failed  corrupt.pdf: The file is not a valid PDF');
      expect(output).toContainEqual(
        expect.stringMatching(OK_LINE('docs/alpha.pdf', '1 page', '0 figures', 'mixed/alpha')),
      );
      expect(output).toContainEqual(
        expect.stringMatching(OK_LINE('two-pages.pdf', '2 pages', '0 figures', 'mixed/two-pages')),
      );
      expect(output.at(-1)).toMatch(SUMMARY(2, 1, '3 pages'));
      // No folder for the corrupt file, and no half-written folder left anywhere.
      expect(await tree(join(work, 'mixed'))).toEqual([
        'alpha/',
        'alpha/figures/',
        'alpha/result.assets.json',
        'alpha/result.md',
        'two-pages/',
        'two-pages/figures/',
        'two-pages/result.assets.json',
        'two-pages/result.md',
      ]);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'fails a single corrupt file with exit 1 and writes nothing',
    async () => {
      const run = await papermill(['convert', 'corrupt.pdf', '--out', 'corrupt-out'], work);
      expect(run.code).toBe(1);
      expect(lines(run.stdout)).toEqual(['failed  corrupt.pdf: The file is not a valid PDF']);
      expect(await tree(join(work, 'corrupt-out'))).toEqual([]);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'reports a missing input as a failed file and converts the rest',
    async () => {
      const run = await papermill(['convert', 'missing.pdf', 'docs/alpha.pdf', '--out', 'missing'], work);
      expect(run.code).toBe(1);
      const output = lines(run.stdout);
      expect(output[0]).toBe('failed  missing.pdf: The file or folder cannot be read');
      expect(output[1]).toMatch(OK_LINE('docs/alpha.pdf', '1 page', '0 figures', 'missing/alpha'));
      expect(output[2]).toMatch(SUMMARY(1, 1, '1 page'));
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'gives inputs of the same name folders of their own',
    async () => {
      const run = await papermill(['convert', 'a/report.pdf', 'b/report.pdf', '--out', 'same'], work);
      expect(run.code).toBe(0);
      const output = lines(run.stdout);
      expect(output.slice(0, 2).sort()).toEqual([
        expect.stringMatching(OK_LINE('a/report.pdf', '1 page', '0 figures', 'same/report')),
        expect.stringMatching(OK_LINE('b/report.pdf', '1 page', '0 figures', 'same/report-2')),
      ]);
      expect(output[2]).toMatch(SUMMARY(2, 0, '2 pages'));
      expect(await readFile(join(work, 'same/report/result.md'), 'utf8')).toContain('Report from folder a');
      expect(await readFile(join(work, 'same/report-2/result.md'), 'utf8')).toContain('Report from folder b');
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'gives the same outputs with --jobs 1 and --jobs 2',
    async () => {
      const inputs = ['figure.pdf', 'two-pages.pdf', 'docs', 'a/report.pdf', 'b/report.pdf'];
      const one = await papermill(['convert', ...inputs, '--out', 'jobs1', '--jobs', '1'], work);
      const two = await papermill(['convert', ...inputs, '--out', 'jobs2', '--jobs', '2'], work);
      expect([one.code, two.code]).toEqual([0, 0]);
      expect(lines(one.stdout).at(-1)).toMatch(SUMMARY(6, 0, '7 pages'));
      expect(lines(two.stdout).at(-1)).toMatch(SUMMARY(6, 0, '7 pages'));
      // With one at a time, files finish in the order given.
      expect(
        lines(one.stdout)
          .slice(0, -1)
          .map((line) => line.split(':')[0]),
      ).toEqual([
        'ok      figure.pdf',
        'ok      two-pages.pdf',
        'ok      docs/Beta.PDF',
        'ok      docs/alpha.pdf',
        'ok      a/report.pdf',
        'ok      b/report.pdf',
      ]);
      const files = await tree(join(work, 'jobs1'));
      expect(await tree(join(work, 'jobs2'))).toEqual(files);
      expect(files.filter((file) => file.endsWith('result.md'))).toHaveLength(6);
      for (const file of files.filter((path) => !path.endsWith('/'))) {
        const first = await readFile(join(work, 'jobs1', file));
        expect({ file, same: first.equals(await readFile(join(work, 'jobs2', file))) }).toEqual({
          file,
          same: true,
        });
      }
    },
    RUN_TIMEOUT_MS * 2,
  );

  it(
    'stops its conversion processes when interrupted and leaves no half-written output',
    async () => {
      let pid = 0;
      const running = papermill(
        ['convert', 'stalling.pdf', 'docs', '--out', 'stopped'],
        work,
        (p) => (pid = p),
      );
      // Interrupt once the stalling file is being converted: its outputs are being staged.
      const children = await waitFor(
        'conversion processes',
        async () => {
          const entries = await readdir(join(work, 'stopped')).catch(() => [] as string[]);
          const pids = await childPids(pid);
          return entries.some((name) => name.startsWith('.papermill-')) && pids.length > 0 && pids;
        },
        RUN_TIMEOUT_MS / 2,
      );
      process.kill(pid, 'SIGTERM');
      const run = await running;
      expect(run.code).toBe(143);
      for (const child of children) expect(await isRunning(child)).toBe(false);
      const left = await readdir(join(work, 'stopped'));
      expect(left.filter((name) => name.startsWith('.'))).toEqual([]);
    },
    RUN_TIMEOUT_MS,
  );

  it.each([
    [['convert', 'figure.pdf'], '--out DIR is required'],
    [['convert', '--out', 'x'], 'no input given'],
    [['render', 'figure.pdf', '--out', 'x'], "unknown command 'render'"],
    [['convert', 'figure.pdf', '--out', 'x', '--jobs', '0'], '--jobs must be a positive integer'],
    [['convert', 'figure.pdf', '--out', 'x', '--timeout', 'soon'], '--timeout must be a positive integer'],
    [['convert', 'figure.pdf', '--out', 'x', '--colour'], "Unknown option '--colour'"],
    [['convert', 'figure.pdf', '--out', 'figure.pdf'], '--out figure.pdf is not a folder'],
    [['convert', 'empty', '--out', 'x'], 'nothing to convert'],
  ])('exits 2 on a wrong command line: %j', async (args, message) => {
    const run = await papermill(args, work);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`papermill: ${message}`);
    expect(run.stderr).toContain("Run 'papermill --help' for the usage.");
    // Nothing converted, nothing written.
    await expect(readdir(join(work, 'x'))).rejects.toThrow(/ENOENT/);
  });

  it('prints the usage with --help and exits 0', async () => {
    const run = await papermill(['--help'], work);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: papermill convert INPUT... --out DIR [--jobs N]');
    expect(run.stdout).toContain('Exit status: 0 every file converted, 1 at least one failed');
  });
});
