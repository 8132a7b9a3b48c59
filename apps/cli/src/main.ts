import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runConvert } from './convert-command.js';

const USAGE = `Usage: papermill convert FILE.pdf --out DIR [--timeout SECONDS] [--page-timeout SECONDS]
                        [--memory MB] [--max-pages N]

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

process.exitCode = await runConvert({
  input: resolve(file),
  outDir: resolve(values.out),
  timeoutSeconds: Number(values.timeout),
  pageTimeoutSeconds: Number(values['page-timeout']),
  memoryMb: Number(values.memory),
  maxPages: Number(values['max-pages']),
});
