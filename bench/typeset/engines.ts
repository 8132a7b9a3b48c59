import { execFile } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

// Fixed dates inside the PDFs, so a regenerated corpus differs only where the content does.
const REPRODUCIBLE = { ...process.env, SOURCE_DATE_EPOCH: '1700000000', FORCE_SOURCE_DATE: '1' };

/** pdflatex in `dir` on `doc.tex`, again while the log asks for it (longtable widths). */
export async function pdflatex(dir: string): Promise<string> {
  for (let pass = 0; pass < 3; pass++) {
    try {
      await run('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'doc.tex'], {
        cwd: dir,
        env: REPRODUCIBLE,
        timeout: 120_000,
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (err) {
      const log = existsSync(join(dir, 'doc.log')) ? readFileSync(join(dir, 'doc.log'), 'utf8') : '';
      const error = log.split('\n').find((l) => l.startsWith('!')) ?? String(err);
      throw new Error(`pdflatex failed in ${dir}: ${error}`, { cause: err });
    }
    if (!/Rerun LaTeX|Table widths have changed/.test(readFileSync(join(dir, 'doc.log'), 'utf8'))) break;
  }
  return join(dir, 'doc.pdf');
}

/** Headless Chromium printing `dir/doc.html` without the browser's header and footer. */
export async function chromiumPrint(dir: string): Promise<string> {
  const out = join(dir, 'doc.pdf');
  const profile = join(dir, 'chromium-profile');
  mkdirSync(profile, { recursive: true });
  await run(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${out}`,
      pathToFileURL(join(dir, 'doc.html')).href,
    ],
    { timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
  );
  if (!existsSync(out)) throw new Error(`chromium wrote no PDF for ${dir}`);
  return out;
}

/** pandoc from `doc.md` (pandoc Markdown) to `<name>.<format>` in `dir`, images resolved in `dir`. */
export async function pandoc(dir: string, name: string, format: 'docx' | 'odt'): Promise<string> {
  const out = join(dir, `${name}.${format}`);
  await run(
    'pandoc',
    ['-f', 'markdown', '-t', format, '-o', out, '--resource-path', dir, join(dir, 'doc.md')],
    {
      cwd: dir,
      env: REPRODUCIBLE,
      timeout: 120_000,
    },
  );
  return out;
}

const TAGGED_PDF = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}';

/** LibreOffice converting several files in one start (a profile of its own, so two can run at once). */
export async function sofficeConvert(files: string[], outDir: string, profileDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await run(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(profileDir).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      TAGGED_PDF,
      '--outdir',
      outDir,
      ...files,
    ],
    { timeout: 600_000, maxBuffer: 64 * 1024 * 1024 },
  );
}
