import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { OcrEngineChoice, OcrMode } from '@papermill/pdf';
import { runConvert } from './convert-command.js';

const USAGE = `Usage: papermill convert FILE.pdf --out DIR [--timeout SECONDS] [--page-timeout SECONDS]
                        [--memory MB] [--max-pages N] [--ocr auto|off|force]
                        [--ocr-engine auto|tesseract|tesseract.js] [--ocr-languages eng+deu]
                        [--ocr-data-dir DIR]

Converts a PDF to DIR/result.md, DIR/result.assets.json and DIR/figures/picture-<n>.png.`;

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
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
    return fail(`papermill: ${(error as Error).message}\n${USAGE}`, 2);
  }
})();

if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const [command, file] = positionals;
if (command !== 'convert' || !file || !values.out || positionals.length > 2) fail(USAGE, 2);
const numbers = {
  timeout: values.timeout,
  'page-timeout': values['page-timeout'],
  memory: values.memory,
  'max-pages': values['max-pages'],
};
for (const [name, value] of Object.entries(numbers)) {
  if (!/^\d+$/.test(value) || Number(value) < 1) fail(`papermill: --${name} must be a positive integer`, 2);
}

const choices = {
  ocr: ['auto', 'off', 'force'],
  'ocr-engine': ['auto', 'tesseract', 'tesseract.js'],
} as const;
for (const [name, allowed] of Object.entries(choices)) {
  const value = values[name as keyof typeof choices];
  if (!(allowed as readonly string[]).includes(value)) {
    fail(`papermill: --${name} must be one of ${allowed.join(', ')}`, 2);
  }
}
const languages = values['ocr-languages']
  .split(/[+,]/)
  .map((l) => l.trim())
  .filter(Boolean);
if (!languages.length) fail('papermill: --ocr-languages must name at least one language', 2);

process.exitCode = await runConvert({
  input: resolve(file),
  outDir: resolve(values.out),
  timeoutSeconds: Number(values.timeout),
  pageTimeoutSeconds: Number(values['page-timeout']),
  memoryMb: Number(values.memory),
  maxPages: Number(values['max-pages']),
  ocr: {
    mode: values.ocr as OcrMode,
    engine: values['ocr-engine'] as OcrEngineChoice,
    languages,
    dataDir: values['ocr-data-dir'] ? resolve(values['ocr-data-dir']) : undefined,
  },
});
