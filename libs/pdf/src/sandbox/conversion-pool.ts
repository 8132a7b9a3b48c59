import { availableParallelism } from 'node:os';
import { PdfConversionError } from '../errors.js';
import { OcrOptions } from '../ocr/options.js';
import { ConvertProgress, SkippedPage } from '../types.js';
import { ConversionProcess, PageTimeoutError } from './conversion-process.js';
import { SandboxFigure, SandboxRequest } from './protocol.js';

export interface SandboxLimits {
  /** The whole conversion, every attempt included. */
  timeoutSeconds: number;
  /** A page that keeps pdf.js busy longer than this is left out (the conversion runs again without it). */
  pageTimeoutSeconds: number;
  /** Resident memory cap of one conversion's process. */
  memoryMb: number;
  maxPages: number;
  maxImagePixels?: number;
}

export interface SandboxResult {
  pageCount: number;
  figures: SandboxFigure[];
  /** Pages left out (stalled or unreadable), as in the assets JSON. */
  skippedPages: SkippedPage[];
  /** True when figures were given up because the full conversion crashed; the text is still there. */
  textOnly: boolean;
}

export interface PoolOptions {
  /** Processes at most, one conversion each at a time. */
  size: number;
  /** A process is replaced after this many conversions, so slow leaks cannot build up. */
  maxJobsPerProcess?: number;
  /** An idle process is stopped after this long, giving its memory back. */
  idleMs?: number;
  /** Processes run V8 single-threaded; by default when the pool alone can keep every core busy. */
  singleThreaded?: boolean;
  /** How pages without usable text are recognised; by default `auto` with the engine found, English. */
  ocr?: OcrOptions;
}

/** Whether a pool of `size` processes fills the machine, so V8's helper threads would only compete. */
export function fillsEveryCore(size: number, cores = availableParallelism()): boolean {
  return size >= cores;
}

const DEFAULT_MAX_IMAGE_PIXELS = 50_000_000;

/** What the attempts at one conversion learnt about its stalling pages. */
interface Stalls {
  skipPages: SkippedPage[];
  textOnlyPages: number[];
}

/**
 * Warm conversion processes: starting one costs a fork plus loading pdf.js (most of the time of a
 * short document), so finished processes wait for the next conversion instead of exiting. Each
 * conversion still runs alone in its process, bounded in time and memory; a process that breaks a
 * limit or crashes is killed and replaced.
 */
export class ConversionPool {
  private readonly idle: { process: ConversionProcess; timer: NodeJS.Timeout }[] = [];
  private busy = 0;
  /** Processes running a conversion now. */
  private readonly running = new Set<ConversionProcess>();
  private readonly waiting: (() => void)[] = [];
  private closed = false;
  /** How many processes this pool has started, for monitoring and tests. */
  started = 0;

  constructor(private readonly options: PoolOptions) {}

  /**
   * Converts `inputPath` into `outDir` (result.md, result.assets.json, figures/). A page that stalls
   * pdf.js costs the page timeout: its process is killed and the conversion runs again in a fresh one
   * with that page's figures or, when its text stalled, the whole page left out, within the one
   * overall deadline. When the full conversion crashes, the text
   * path is tried alone, so a figure that breaks pdf.js still leaves the document's text.
   */
  async convert(
    inputPath: string,
    outDir: string,
    limits: SandboxLimits,
    onProgress?: (progress: ConvertProgress) => void,
  ): Promise<SandboxResult> {
    const deadline = Date.now() + limits.timeoutSeconds * 1000;
    // Pages given up on stay given up on, in the text-only attempt too.
    const stalls: Stalls = { skipPages: [], textOnlyPages: [] };
    const request = {
      inputPath,
      outDir,
      maxPages: limits.maxPages,
      maxImagePixels: limits.maxImagePixels ?? DEFAULT_MAX_IMAGE_PIXELS,
      skipFigures: false,
      ocr: this.options.ocr,
    };
    // An attempt after a stalled page starts from page 1 again: progress only ever moves forward.
    let reported = 0;
    const forward = (progress: ConvertProgress) => {
      if (progress.page <= reported) return;
      reported = progress.page;
      onProgress?.(progress);
    };
    const attempt = (skipFigures: boolean) =>
      this.runSkippingStalls({ ...request, skipFigures }, stalls, limits, deadline, forward);
    try {
      return { ...(await attempt(false)), textOnly: false };
    } catch (error) {
      if (!(error instanceof PdfConversionError) || !['crashed', 'memory_limit'].includes(error.reason)) {
        throw error;
      }
      return { ...(await attempt(true)), textOnly: true };
    }
  }

  /** Stops every idle process; busy ones stop when their conversion ends. */
  close(): void {
    this.closed = true;
    for (const { process, timer } of this.idle.splice(0)) {
      clearTimeout(timer);
      process.kill();
    }
  }

  /**
   * Stops every process now, busy ones included (their conversions fail), and settles once all have
   * exited: for a command interrupted while it converts, so no process goes on writing outputs.
   */
  async terminate(): Promise<void> {
    const running = [...this.running];
    this.close();
    for (const process of running) process.kill();
    await Promise.all(running.map((process) => process.whenExited));
  }

  /**
   * Runs the request again after each stalled page until none stalls: a page stalled drawing is read
   * for its text alone next time (its figures are given up), one stalled reading its text is left out.
   */
  private async runSkippingStalls(
    request: Omit<SandboxRequest, 'id' | 'skipPages' | 'textOnlyPages'>,
    stalls: Stalls,
    limits: SandboxLimits,
    deadline: number,
    onProgress: (progress: ConvertProgress) => void,
  ) {
    for (;;) {
      try {
        const { skipPages, textOnlyPages } = stalls;
        const attempt = { ...request, skipPages: [...skipPages], textOnlyPages: [...textOnlyPages] };
        return await this.run(attempt, limits, deadline, onProgress);
      } catch (error) {
        if (!(error instanceof PageTimeoutError)) throw error;
        const { page, pages, stage } = error.stalled;
        if (stage === 'graphics') {
          stalls.textOnlyPages.push(page);
          continue;
        }
        const seconds = limits.pageTimeoutSeconds;
        stalls.skipPages.push({
          page,
          reason: 'timeout',
          message: `Page ${page} took longer than ${seconds} s to read`,
        });
        stalls.skipPages.sort((x, y) => x.page - y.page);
        if (stalls.skipPages.length >= pages) {
          throw new PdfConversionError(
            'timeout',
            pages === 1
              ? `The PDF's only page took longer than ${seconds} s to read`
              : `Every page of the PDF took longer than ${seconds} s to read`,
          );
        }
      }
    }
  }

  private async run(
    request: Omit<SandboxRequest, 'id'>,
    limits: SandboxLimits,
    deadline: number,
    onProgress?: (progress: ConvertProgress) => void,
  ) {
    const process = await this.acquire(limits.memoryMb);
    this.running.add(process);
    try {
      return await process.run(request, { ...limits, deadline }, onProgress);
    } finally {
      this.running.delete(process);
      await this.release(process, limits.memoryMb);
    }
  }

  /**
   * Starts one process ahead of the first conversion, so its start-up overlaps what the caller does
   * meanwhile (a one-shot command checking its setup). It waits idle like any warm process.
   */
  prestart(memoryMb: number): void {
    if (this.closed || this.started > 0) return;
    this.started++;
    this.keepIdle(
      new ConversionProcess({
        memoryMb,
        singleThreaded: this.options.singleThreaded ?? fillsEveryCore(this.options.size),
      }),
    );
  }

  private keepIdle(process: ConversionProcess): void {
    const timer = setTimeout(() => {
      const index = this.idle.findIndex((entry) => entry.process === process);
      if (index >= 0) this.idle.splice(index, 1);
      process.kill();
    }, this.options.idleMs ?? 60_000);
    timer.unref();
    this.idle.push({ process, timer });
  }

  private async acquire(memoryMb: number): Promise<ConversionProcess> {
    while (this.busy >= this.options.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.busy++;
    for (let entry = this.idle.pop(); entry; entry = this.idle.pop()) {
      clearTimeout(entry.timer);
      if (!entry.process.dead) return entry.process;
    }
    this.started++;
    return new ConversionProcess({
      memoryMb,
      singleThreaded: this.options.singleThreaded ?? fillsEveryCore(this.options.size),
    });
  }

  private async release(process: ConversionProcess, memoryMb: number): Promise<void> {
    const bytes = await process.residentBytes();
    // Keep it warm only while it is healthy: alive, not worn out, well below its memory cap.
    const worn = process.jobs >= (this.options.maxJobsPerProcess ?? 50);
    const heavy = bytes !== null && bytes > memoryMb * 1024 * 1024 * 0.5;
    if (this.closed || process.dead || worn || heavy) {
      process.kill();
    } else {
      this.keepIdle(process);
    }
    // Only now, so a waiting conversion takes this process rather than starting another.
    this.busy--;
    this.waiting.shift()?.();
  }
}
