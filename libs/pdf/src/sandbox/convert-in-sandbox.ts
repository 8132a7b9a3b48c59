import { fork } from 'node:child_process';
import { PdfConversionError } from '../errors.js';
import { ConvertProgress } from '../types.js';
import { childScriptPath } from './child-path.js';
import { residentBytes } from './memory-watch.js';
import { SandboxFigure, SandboxMessage, SandboxRequest } from './protocol.js';

export interface SandboxLimits {
  timeoutSeconds: number;
  /** Resident memory cap of the conversion process; V8's heap flag alone does not bound pdf.js buffers. */
  memoryMb: number;
  maxPages: number;
  maxImagePixels?: number;
}

export interface SandboxResult {
  pageCount: number;
  figures: SandboxFigure[];
  /** True when figures were given up because the full conversion crashed; the text is still there. */
  textOnly: boolean;
}

const MEMORY_POLL_MS = 100;
const DEFAULT_MAX_IMAGE_PIXELS = 50_000_000;

/**
 * Converts `inputPath` into `outDir` (result.md, result.assets.json, figures/) in a child process
 * bounded in time and memory. When the full conversion crashes, the text path is tried alone, so
 * a figure that breaks pdf.js still leaves the document's text.
 */
export async function convertInSandbox(
  inputPath: string,
  outDir: string,
  limits: SandboxLimits,
  onProgress?: (progress: ConvertProgress) => void,
): Promise<SandboxResult> {
  const deadline = Date.now() + limits.timeoutSeconds * 1000;
  const request: SandboxRequest = {
    inputPath,
    outDir,
    maxPages: limits.maxPages,
    maxImagePixels: limits.maxImagePixels ?? DEFAULT_MAX_IMAGE_PIXELS,
    skipFigures: false,
  };
  try {
    return { ...(await runChild(request, limits, deadline, onProgress)), textOnly: false };
  } catch (error) {
    if (!(error instanceof PdfConversionError) || !['crashed', 'memory_limit'].includes(error.reason)) {
      throw error;
    }
    const text = await runChild({ ...request, skipFigures: true }, limits, deadline, onProgress);
    return { ...text, textOnly: true };
  }
}

function runChild(
  request: SandboxRequest,
  limits: SandboxLimits,
  deadline: number,
  onProgress?: (progress: ConvertProgress) => void,
): Promise<{ pageCount: number; figures: SandboxFigure[] }> {
  return new Promise((resolve, reject) => {
    const child = fork(childScriptPath(), [], {
      // The heap cap makes V8 give up early; the RSS watch below bounds everything else.
      execArgv: [
        `--max-old-space-size=${Math.max(64, Math.floor(limits.memoryMb * 0.75))}`,
        '--stack-size=2000',
      ],
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      serialization: 'advanced',
    });
    let outcome: PdfConversionError | { pageCount: number; figures: SandboxFigure[] } | undefined;
    const fail = (reason: PdfConversionError['reason'], message: string) => {
      outcome ??= new PdfConversionError(reason, message);
      child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () => fail('timeout', `Conversion took longer than ${limits.timeoutSeconds} s`),
      Math.max(0, deadline - Date.now()),
    );
    const watch = setInterval(() => {
      void residentBytes(child.pid ?? -1).then((bytes) => {
        if (bytes !== null && bytes > limits.memoryMb * 1024 * 1024) {
          fail('memory_limit', `The PDF needs more than ${limits.memoryMb} MB of memory to convert`);
        }
      });
    }, MEMORY_POLL_MS);
    child.on('message', (message: SandboxMessage) => {
      switch (message.type) {
        case 'progress':
          onProgress?.({ page: message.page, pages: message.pages });
          break;
        case 'done':
          outcome ??= { pageCount: message.pageCount, figures: message.figures };
          break;
        case 'failed':
          outcome ??= new PdfConversionError(message.reason, message.message);
          break;
      }
    });
    child.on('error', (error) => {
      outcome ??=
        error instanceof PdfConversionError
          ? error
          : new PdfConversionError('crashed', 'The converter could not start');
    });
    child.on('exit', () => {
      clearTimeout(timer);
      clearInterval(watch);
      if (outcome === undefined) {
        // Killed by V8 (heap exhausted aborts with 134) or the system: treat as running out of memory.
        reject(
          new PdfConversionError('memory_limit', 'The PDF needs more memory to convert than is allowed'),
        );
      } else if (outcome instanceof PdfConversionError) {
        reject(outcome);
      } else {
        resolve(outcome);
      }
    });
    child.send(request);
  });
}
