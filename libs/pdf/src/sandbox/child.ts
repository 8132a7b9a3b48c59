/**
 * A conversion process: converts PDFs one request at a time and writes each one's outputs to a
 * folder. It runs apart from its parent, so pdf.js exhausting memory or aborting ends this process,
 * never the worker; between requests it stays warm (pdf.js loaded) for the next one.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { convertPdf } from '../convert.js';
import { PdfConversionError } from '../errors.js';
import { OUTPUT_FILES, SandboxMessage, SandboxRequest } from './protocol.js';

function send(message: SandboxMessage): Promise<void> {
  return new Promise((resolve) => process.send!(message, () => resolve()));
}

async function run(request: SandboxRequest): Promise<SandboxMessage> {
  const { id } = request;
  const data = await readFile(request.inputPath);
  const result = await convertPdf(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), {
    maxPages: request.maxPages,
    maxImagePixels: request.maxImagePixels,
    skipFigures: request.skipFigures,
    skipPages: request.skipPages,
    textOnlyPages: request.textOnlyPages,
    ocr: request.ocr,
    onPageStage: (stage) => send({ id, type: 'page', ...stage }),
    onProgress: (progress) => void send({ id, type: 'progress', ...progress }),
  });
  await mkdir(join(request.outDir, 'figures'), { recursive: true });
  await writeFile(join(request.outDir, OUTPUT_FILES.markdown), result.markdown);
  await writeFile(join(request.outDir, OUTPUT_FILES.assets), JSON.stringify(result.assets, null, 2));
  for (const figure of result.figures) {
    await writeFile(join(request.outDir, OUTPUT_FILES.figure(figure.index)), figure.png);
  }
  return {
    id,
    type: 'done',
    pageCount: result.pageCount,
    skippedPages: result.assets.pages.skipped,
    figures: result.figures.map(({ index, page, bbox, title }) => ({
      index,
      page,
      bbox,
      title,
      file: OUTPUT_FILES.figure(index),
    })),
  };
}

function describeFailure(id: number, error: unknown): SandboxMessage {
  if (error instanceof PdfConversionError)
    return { id, type: 'failed', reason: error.reason, message: error.message };
  if (error instanceof RangeError) {
    return { id, type: 'failed', reason: 'crashed', message: 'The PDF is too deeply nested to convert' };
  }
  return { id, type: 'failed', reason: 'crashed', message: 'The PDF could not be converted' };
}

// The parent gone (killed, crashed) means nobody waits for results: stop at once rather than linger.
process.once('disconnect', () => process.exit(0));

// The parent sends one request at a time and waits for its answer.
process.on('message', (request: SandboxRequest) => {
  void run(request)
    .catch((error: unknown) => describeFailure(request.id, error))
    .then(send);
});
