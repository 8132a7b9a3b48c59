import {
  ConversionPool,
  ConvertProgress,
  PdfConversionError,
  SandboxLimits,
  SandboxResult,
} from '@papermill/pdf/sandbox';
import { dirname } from 'node:path';
import { InputFile } from './inputs.js';
import { StagedOutput } from './staged-output.js';

/** One file to convert and where its outputs go. */
export interface FileJob {
  input: InputFile;
  /** Absolute destination folder. */
  outDir: string;
  /** As the user wrote it (`--out` joined with the sub-folder): for the report lines. */
  shownOut: string;
  /** `folder`: the outputs become `outDir` itself; `into`: they go into `outDir` beside other files. */
  layout: 'folder' | 'into';
}

export type FileOutcome = { job: FileJob; seconds: number } & (
  { ok: true; result: SandboxResult } | { ok: false; message: string }
);

export interface BatchOptions {
  /** Files converted at once (the pool's size). */
  jobs: number;
  limits: SandboxLimits;
  onProgress?: (progress: ConvertProgress) => void;
  /** Called as each file finishes, in the order they finish. */
  onFinished: (outcome: FileOutcome) => void;
}

/**
 * Converts the files through one pool of warm, bounded processes, `jobs` at a time. A file that
 * fails ends with its message and leaves no output; the others go on.
 */
export async function convertBatch(
  pool: ConversionPool,
  files: FileJob[],
  options: BatchOptions,
): Promise<FileOutcome[]> {
  // `jobs` runners take the files in turn, so only that many conversions are in the pool at once:
  // a conversion's deadline starts when it is handed over, so none may wait there for a process.
  const outcomes: FileOutcome[] = [];
  let next = 0;
  const runner = async () => {
    while (next < files.length) {
      const outcome = await convertOne(pool, files[next++], options);
      outcomes.push(outcome);
      options.onFinished(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.jobs, files.length) }, runner));
  return outcomes;
}

async function convertOne(pool: ConversionPool, job: FileJob, options: BatchOptions): Promise<FileOutcome> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  let staged: StagedOutput;
  try {
    staged = await StagedOutput.create(job.layout === 'folder' ? dirname(job.outDir) : job.outDir);
  } catch (error) {
    return { job, seconds: seconds(), ok: false, message: cannotWrite(job, error) };
  }
  let result: SandboxResult;
  try {
    result = await pool.convert(job.input.path, staged.dir, options.limits, options.onProgress);
  } catch (error) {
    await staged.discard();
    const message = error instanceof PdfConversionError ? error.message : 'The PDF could not be converted';
    return { job, seconds: seconds(), ok: false, message };
  }
  try {
    if (job.layout === 'folder') await staged.moveTo(job.outDir);
    else await staged.moveInto(job.outDir);
  } catch (error) {
    await staged.discard();
    return { job, seconds: seconds(), ok: false, message: cannotWrite(job, error) };
  }
  return { job, seconds: seconds(), ok: true, result };
}

function cannotWrite(job: FileJob, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return `The outputs could not be written to ${job.shownOut}${code ? ` (${code})` : ''}`;
}
