import { ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PdfConversionError } from '../errors.js';
import { withHugePages } from '../huge-pages.js';
import { ConvertProgress, PageStage, SkippedPage } from '../types.js';
import { childScriptPath } from './child-path.js';
import { treeResidentBytes } from './memory-watch.js';
import { SandboxFigure, SandboxMessage, SandboxRequest } from './protocol.js';

const MEMORY_POLL_MS = 100;
/**
 * V8's heap cap is set no lower than this: with a smaller cap the same conversion takes 17-25% longer
 * (measured with 768 and 1536; 2048 runs as fast as no cap). Garbage-collection time and the young
 * generation's size do not explain it; the whole program runs slower.
 */
const FULL_SPEED_HEAP_MB = 2048;

export interface ProcessLimits {
  /** Resident memory cap; V8's heap flag alone does not bound the buffers pdf.js decodes into. */
  memoryMb: number;
  /** Epoch milliseconds after which the request is abandoned and the process killed. */
  deadline: number;
  timeoutSeconds: number;
  /** A page read for longer than this kills the process with a `PageTimeoutError`. */
  pageTimeoutSeconds: number;
}

export interface ProcessResult {
  pageCount: number;
  figures: SandboxFigure[];
  skippedPages: SkippedPage[];
}

/**
 * A page kept pdf.js busy past the page timeout. pdf.js parses on the child's only thread, so the
 * child cannot give up on the page itself: it is killed, and the caller may run the conversion again
 * without that page.
 */
export class PageTimeoutError extends Error {
  constructor(readonly stalled: PageStage) {
    super(`Page ${stalled.page} of ${stalled.pages} took too long to read (${stalled.stage})`);
    this.name = 'PageTimeoutError';
  }
}

/**
 * The variables a conversion needs (finding binaries, locale, time zone, home and temp folders for
 * native libraries' caches, the C library's tunables). Nothing else of the parent reaches the child:
 * no secrets (database URL, JWT secret, storage keys) for a PDF that exploits pdf.js to read, and no
 * NODE_OPTIONS.
 */
const CHILD_ENV_KEYS = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TZ', 'GLIBC_TUNABLES'];

/**
 * pdf.js loads @napi-rs/canvas, which scans the system's fonts as it loads (about 110 ms, most of a
 * child's start). Pages are drawn with fonts off (`disableFontFace`: glyphs are painted as paths), so
 * the canvas never draws text with a system font: the figures come out byte for byte the same.
 */
const CHILD_ENV_FIXED = { DISABLE_SYSTEM_FONTS_LOAD: '1' };

function childEnv(): NodeJS.ProcessEnv {
  return withHugePages({
    ...Object.fromEntries(
      CHILD_ENV_KEYS.flatMap((key) => (process.env[key] === undefined ? [] : [[key, process.env[key]]])),
    ),
    ...CHILD_ENV_FIXED,
  });
}

export interface ProcessOptions {
  /** Resident memory cap of the process. */
  memoryMb: number;
  /**
   * V8 without its helper threads (garbage collection, compilation). They make one conversion faster
   * on an idle machine, but when every core already runs a conversion they only compete with them.
   */
  singleThreaded?: boolean;
}

/**
 * One conversion child process, used for one request at a time. A request that breaks a limit or
 * crashes the process kills it: the process is then `dead` and must be replaced.
 */
export class ConversionProcess {
  private readonly child: ChildProcess;
  private nextId = 1;
  private exited = false;
  /** Settles once the process has exited. */
  readonly whenExited: Promise<void>;
  jobs = 0;

  /**
   * The process's own temp folder (its TMPDIR: the page images OCR hands the native engine), removed
   * when it exits, so that a process killed mid-page leaves nothing behind.
   */
  private readonly tmp = mkdtempSync(join(tmpdir(), 'papermill-conversion-'));

  constructor({ memoryMb, singleThreaded = false }: ProcessOptions) {
    this.child = fork(childScriptPath(), [], {
      execArgv: [
        // The resident-memory watch is what bounds a conversion; the heap cap is only a backstop.
        `--max-old-space-size=${Math.max(FULL_SPEED_HEAP_MB, memoryMb)}`,
        '--stack-size=2000',
        ...(singleThreaded ? ['--single-threaded'] : []),
      ],
      env: { ...childEnv(), TMPDIR: this.tmp },
      // A group of its own, so that a kill also ends what it started (a native OCR engine).
      detached: true,
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      serialization: 'advanced',
    });
    this.whenExited = new Promise((resolve) => {
      this.child.once('exit', () => {
        this.exited = true;
        rmSync(this.tmp, { recursive: true, force: true });
        resolve();
      });
    });
    this.child.on('error', () => undefined);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get dead(): boolean {
    return this.exited || this.child.killed;
  }

  /** The process's memory with that of the processes it started (the memory cap counts them). */
  residentBytes(): Promise<number | null> {
    return treeResidentBytes(this.child.pid ?? -1);
  }

  kill(): void {
    if (this.dead) return;
    try {
      if (this.child.pid) process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      // the group is already gone
    }
    this.child.kill('SIGKILL');
  }

  run(
    request: Omit<SandboxRequest, 'id'>,
    limits: ProcessLimits,
    onProgress?: (progress: ConvertProgress) => void,
  ): Promise<ProcessResult> {
    const id = this.nextId++;
    this.jobs++;
    return new Promise((resolve, reject) => {
      // One timer per page, from its first stage on: the stage it fires in tells what stalled.
      let pageTimer: NodeJS.Timeout | undefined;
      let current: PageStage | undefined;
      const settle = (outcome: ProcessResult | PdfConversionError | PageTimeoutError) => {
        clearTimeout(timer);
        clearTimeout(pageTimer);
        clearInterval(watch);
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
      const abandon = (reason: PdfConversionError['reason'], message: string) => {
        this.kill();
        settle(new PdfConversionError(reason, message));
      };
      const onMessage = (message: SandboxMessage) => {
        if (message.id !== id) return;
        switch (message.type) {
          case 'page': {
            const { page, pages, stage } = message;
            const started = current?.page !== page;
            current = { page, pages, stage };
            if (!started) break;
            clearTimeout(pageTimer);
            pageTimer = setTimeout(() => {
              this.kill();
              settle(new PageTimeoutError(current!));
            }, limits.pageTimeoutSeconds * 1000);
            break;
          }
          case 'progress':
            clearTimeout(pageTimer);
            onProgress?.({ page: message.page, pages: message.pages });
            break;
          case 'done':
            settle({
              pageCount: message.pageCount,
              figures: message.figures,
              skippedPages: message.skippedPages,
            });
            break;
          case 'failed':
            settle(new PdfConversionError(message.reason, message.message));
            break;
        }
      };
      // Killed by V8 (heap exhausted aborts with 134) or by the system: treat it as running out of memory.
      const onExit = () =>
        settle(
          new PdfConversionError('memory_limit', 'The PDF needs more memory to convert than is allowed'),
        );
      const timer = setTimeout(
        () => abandon('timeout', `Conversion took longer than ${limits.timeoutSeconds} s`),
        Math.max(0, limits.deadline - Date.now()),
      );
      const watch = setInterval(() => {
        void this.residentBytes().then((bytes) => {
          if (bytes !== null && bytes > limits.memoryMb * 1024 * 1024) {
            abandon('memory_limit', `The PDF needs more than ${limits.memoryMb} MB of memory to convert`);
          }
        });
      }, MEMORY_POLL_MS);
      this.child.on('message', onMessage);
      this.child.once('exit', onExit);
      if (this.dead) return onExit();
      this.child.send({ ...request, id } satisfies SandboxRequest);
    });
  }
}
