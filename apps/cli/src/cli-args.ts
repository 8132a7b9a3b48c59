import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { OCR_ENGINE_CHOICES, OCR_MODES } from '@papermill/pdf/sandbox';
import type { OcrEngineChoice, OcrMode, OcrOptions } from '@papermill/pdf/sandbox';

export const USAGE = `Usage: papermill convert INPUT... --out DIR [--jobs N] [--timeout SECONDS]
                        [--page-timeout SECONDS] [--memory MB] [--max-pages N]
                        [--ocr auto|off|force] [--ocr-engine auto|tesseract|tesseract.js]
                        [--ocr-languages eng+deu] [--ocr-data-dir DIR]

Converts PDFs to Markdown, an assets JSON and figure PNGs. INPUT is a PDF file or a folder, whose
*.pdf files are converted (its sub-folders are not entered).

  One PDF file:     DIR/result.md, DIR/result.assets.json, DIR/figures/picture-<n>.png
  Several inputs:   the same under DIR/<file name without .pdf>/ for each file; a second file of
                    the same name goes to DIR/<name>-2/, and so on

Options:
  -o, --out DIR           output folder (created if missing)
  -j, --jobs N            files converted at once, each in a process of its own
                          (default: the number of CPU cores)
      --timeout SECONDS   time limit of one file (default 300)
      --page-timeout SECONDS
                          a page that keeps the parser busy longer is left out (default 30)
      --memory MB         memory cap of one file's process (default 1024)
      --max-pages N       longer documents fail (default 2000)
      --ocr MODE          recognise pages without usable text: auto (default), off, or
                          force (every page)
      --ocr-engine NAME   auto (the tesseract binary when on PATH, else tesseract.js),
                          tesseract or tesseract.js
      --ocr-languages L   Tesseract languages joined by + or , (default eng)
      --ocr-data-dir DIR  folder of <lang>.traineddata for every configured language
  -h, --help              this text

Prints one line per file as it finishes and, unless a single file was given, a summary.
Exit status: 0 every file converted, 1 at least one failed (the others are still converted),
2 the command line is wrong (unknown option, no input or --out, a value that is not a positive
integer, --out naming a file, nothing to convert).`;

export interface CliArgs {
  /** Files and folders, as given. */
  inputs: string[];
  outDir: string;
  jobs: number;
  timeoutSeconds: number;
  pageTimeoutSeconds: number;
  memoryMb: number;
  maxPages: number;
  ocr: OcrOptions;
}

/** The command line is wrong: the CLI prints the message and the usage, and exits with 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type ParsedArgs = { help: true } | ({ help: false } & CliArgs);

const NUMBER_OPTIONS = ['jobs', 'timeout', 'page-timeout', 'memory', 'max-pages'] as const;

function positiveInteger(name: string, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--${name} must be a positive integer`);
  }
  return Number(value);
}

/** Reads `papermill convert ...` arguments (without the node and script paths). */
export function parseCliArgs(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        jobs: { type: 'string', short: 'j', default: String(availableParallelism()) },
        timeout: { type: 'string', default: '300' },
        'page-timeout': { type: 'string', default: '30' },
        memory: { type: 'string', default: '1024' },
        'max-pages': { type: 'string', default: '2000' },
        ocr: { type: 'string', default: 'auto' },
        'ocr-engine': { type: 'string', default: 'auto' },
        'ocr-languages': { type: 'string', default: 'eng' },
        'ocr-data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  const [command, ...inputs] = positionals;
  if (command !== 'convert') {
    throw new UsageError(command ? `unknown command '${command}'` : 'no command given');
  }
  if (inputs.length === 0) throw new UsageError('no input given');
  if (!values.out) throw new UsageError('--out DIR is required');
  const numbers = Object.fromEntries(
    NUMBER_OPTIONS.map((name) => [name, positiveInteger(name, values[name])]),
  ) as Record<(typeof NUMBER_OPTIONS)[number], number>;
  return {
    help: false,
    inputs,
    outDir: values.out,
    jobs: numbers.jobs,
    timeoutSeconds: numbers.timeout,
    pageTimeoutSeconds: numbers['page-timeout'],
    memoryMb: numbers.memory,
    maxPages: numbers['max-pages'],
    ocr: ocrOptions(values),
  };
}

const OCR_CHOICES: Record<'ocr' | 'ocr-engine', readonly string[]> = {
  ocr: OCR_MODES,
  'ocr-engine': OCR_ENGINE_CHOICES,
};

function ocrOptions(values: {
  ocr: string;
  'ocr-engine': string;
  'ocr-languages': string;
  'ocr-data-dir'?: string;
}): OcrOptions {
  for (const [name, allowed] of Object.entries(OCR_CHOICES)) {
    const value = values[name as keyof typeof OCR_CHOICES];
    if (!allowed.includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
  }
  const languages = values['ocr-languages']
    .split(/[+,]/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (!languages.length) throw new UsageError('--ocr-languages must name at least one language');
  const dataDir = values['ocr-data-dir'];
  return {
    mode: values.ocr as OcrMode,
    engine: values['ocr-engine'] as OcrEngineChoice,
    languages,
    dataDir: dataDir ? resolve(dataDir) : undefined,
  };
}
