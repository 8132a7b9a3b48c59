/**
 * The conversion process: converts one PDF and writes the outputs to a folder. It runs alone in
 * its own process, so pdf.js exhausting memory or aborting ends this process, never its parent.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { convertPdf } from '../convert.js';
import { PdfConversionError } from '../errors.js';
import { OUTPUT_FILES, SandboxMessage, SandboxRequest } from './protocol.js';

function send(message: SandboxMessage): Promise<void> {
  return new Promise((resolve) => process.send!(message, () => resolve()));
}

async function run(request: SandboxRequest): Promise<void> {
  const data = await readFile(request.inputPath);
  const result = await convertPdf(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), {
    maxPages: request.maxPages,
    maxImagePixels: request.maxImagePixels,
    skipFigures: request.skipFigures,
    onProgress: (progress) => void send({ type: 'progress', ...progress }),
  });
  await mkdir(join(request.outDir, 'figures'), { recursive: true });
  await writeFile(join(request.outDir, OUTPUT_FILES.markdown), result.markdown);
  await writeFile(join(request.outDir, OUTPUT_FILES.assets), JSON.stringify(result.assets, null, 2));
  for (const figure of result.figures) {
    await writeFile(join(request.outDir, OUTPUT_FILES.figure(figure.index)), figure.png);
  }
  await send({
    type: 'done',
    pageCount: result.pageCount,
    figures: result.figures.map(({ index, page, bbox, title }) => ({
      index,
      page,
      bbox,
      title,
      file: OUTPUT_FILES.figure(index),
    })),
  });
}

// The parent gone (killed, crashed) means nobody waits for the result: stop at once rather than linger.
process.once('disconnect', () => process.exit(0));

process.once('message', (request: SandboxRequest) => {
  run(request)
    .catch((error: unknown) =>
      send(
        error instanceof PdfConversionError
          ? { type: 'failed', reason: error.reason, message: error.message }
          : error instanceof RangeError
            ? { type: 'failed', reason: 'crashed', message: 'The PDF is too deeply nested to convert' }
            : { type: 'failed', reason: 'crashed', message: 'The PDF could not be converted' },
      ),
    )
    .finally(() => process.disconnect());
});
