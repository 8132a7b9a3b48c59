import { checkOcrSetup, ConversionPool, ConvertProgress, OcrSetupError } from '@papermill/pdf/sandbox';
import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CliArgs, parseCliArgs, USAGE, UsageError } from './cli-args.js';
import { convertBatch, FileJob, FileOutcome } from './convert-batch.js';
import { collectInputs, Inputs } from './inputs.js';
import { subfolderNames } from './output-layout.js';
import { fileLines, summaryLine } from './report.js';
import { StagedOutput } from './staged-output.js';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

function usageError(message: string): number {
  process.stderr.write(`papermill: ${message}\nRun 'papermill --help' for the usage.\n`);
  return EXIT_USAGE;
}

/** Where each file's outputs go: the folder itself for one file, else a sub-folder per file. */
function plan(inputs: Inputs, args: CliArgs, outRoot: string): FileJob[] {
  if (inputs.single) {
    return inputs.files.map((input) => ({ input, outDir: outRoot, shownOut: args.outDir, layout: 'into' }));
  }
  const names = subfolderNames(inputs.files.map((file) => file.path));
  return inputs.files.map((input, i) => ({
    input,
    outDir: join(outRoot, names[i]),
    shownOut: join(args.outDir, names[i]),
    layout: 'folder',
  }));
}

interface ProgressBar {
  update(progress: ConvertProgress): void;
  stop(): void;
}

/** A progress bar on stderr, for a person watching one file convert. */
async function progressBar(): Promise<ProgressBar> {
  const { SingleBar } = await import('cli-progress');
  const bar = new SingleBar({
    format: 'Converting [{bar}] {value}/{total} pages',
    stream: process.stderr,
    hideCursor: true,
  });
  return {
    update: ({ page, pages }) => {
      if (page === 1 || bar.getTotal() !== pages) bar.start(pages, page);
      else bar.update(page);
    },
    stop: () => bar.stop(),
  };
}

async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    const parsed = parseCliArgs(argv);
    if (parsed.help) {
      process.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    args = parsed;
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    throw error;
  }
  // A missing OCR engine or language is said once, before any file is converted; the check (it may run
  // the tesseract binary) goes on while the first conversion process starts.
  const ocrSetup =
    args.ocr.mode === 'off'
      ? Promise.resolve(null)
      : checkOcrSetup(args.ocr).then(
          () => null,
          (e: unknown) => e,
        );
  const inputs = await collectInputs(args.inputs);
  for (const folder of inputs.emptyFolders) process.stderr.write(`papermill: no .pdf file in ${folder}\n`);
  if (inputs.files.length + inputs.unreadable.length === 0) return usageError('nothing to convert');

  const outRoot = resolve(args.outDir);
  const existing = await stat(outRoot).catch(() => null);
  if (existing && !existing.isDirectory()) return usageError(`--out ${args.outDir} is not a folder`);
  try {
    await mkdir(outRoot, { recursive: true });
  } catch (error) {
    return usageError(`--out ${args.outDir} cannot be created (${(error as NodeJS.ErrnoException).code})`);
  }

  const outcomes: FileOutcome[] = [];
  const report = (outcome: FileOutcome) => {
    outcomes.push(outcome);
    process.stdout.write(fileLines(outcome));
  };
  const jobs = plan(inputs, args, outRoot);
  for (const input of inputs.unreadable) {
    const job: FileJob = { input, outDir: outRoot, shownOut: args.outDir, layout: 'into' };
    report({ job, seconds: 0, ok: false, message: 'The file or folder cannot be read' });
  }

  const bar = inputs.single && process.stderr.isTTY ? await progressBar() : undefined;
  const pool = new ConversionPool({ size: Math.min(args.jobs, Math.max(1, jobs.length)), ocr: args.ocr });
  pool.prestart(args.memoryMb);
  const setupError = await ocrSetup;
  if (setupError) {
    await pool.terminate();
    if (!(setupError instanceof OcrSetupError)) throw setupError;
    process.stderr.write(`papermill: ${setupError.message}\n`);
    return EXIT_FAILED;
  }
  // Interrupted: the conversion processes are stopped first, so none writes into a folder removed after.
  const interrupted = (signal: NodeJS.Signals) => {
    void pool.terminate().finally(() => {
      StagedOutput.discardAllNow();
      process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
    });
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    await convertBatch(pool, jobs, {
      jobs: args.jobs,
      limits: {
        timeoutSeconds: args.timeoutSeconds,
        pageTimeoutSeconds: args.pageTimeoutSeconds,
        memoryMb: args.memoryMb,
        maxPages: args.maxPages,
      },
      onProgress: bar?.update,
      onFinished: (outcome) => {
        bar?.stop();
        report(outcome);
      },
    });
  } finally {
    pool.close();
  }
  if (!inputs.single) process.stdout.write(summaryLine(outcomes, performance.now() / 1000));
  return outcomes.every((outcome) => outcome.ok) ? EXIT_OK : EXIT_FAILED;
}

process.exitCode = await main(process.argv.slice(2));
