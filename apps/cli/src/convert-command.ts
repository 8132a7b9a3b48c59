import {
  checkOcrSetup,
  convertInSandbox,
  OcrOptions,
  OcrSetupError,
  PdfConversionError,
} from '@papermill/pdf';
import { SingleBar } from 'cli-progress';
import { access, mkdir } from 'node:fs/promises';

export interface ConvertCommand {
  input: string;
  outDir: string;
  timeoutSeconds: number;
  pageTimeoutSeconds: number;
  memoryMb: number;
  maxPages: number;
  ocr?: OcrOptions;
}

/**
 * Runs one conversion the way the worker does (a bounded child process), so any PDF ends with
 * either the outputs or one line on stderr. Returns the exit code.
 */
export async function runConvert(command: ConvertCommand): Promise<number> {
  try {
    await access(command.input);
  } catch {
    process.stderr.write(`papermill: cannot read ${command.input}\n`);
    return 1;
  }
  if (command.ocr && command.ocr.mode !== 'off') {
    try {
      await checkOcrSetup(command.ocr);
    } catch (error) {
      if (!(error instanceof OcrSetupError)) throw error;
      process.stderr.write(`papermill: ${error.message}\n`);
      return 1;
    }
  }
  await mkdir(command.outDir, { recursive: true });
  const bar = process.stderr.isTTY
    ? new SingleBar({
        format: 'Converting [{bar}] {value}/{total} pages',
        stream: process.stderr,
        hideCursor: true,
      })
    : undefined;
  try {
    const result = await convertInSandbox(
      command.input,
      command.outDir,
      {
        timeoutSeconds: command.timeoutSeconds,
        pageTimeoutSeconds: command.pageTimeoutSeconds,
        memoryMb: command.memoryMb,
        maxPages: command.maxPages,
      },
      ({ page, pages }) => {
        if (!bar) return;
        if (page === 1 || bar.getTotal() !== pages) bar.start(pages, page);
        else bar.update(page);
      },
      command.ocr,
    );
    bar?.stop();
    const note = result.textOnly ? ' (figures skipped: they could not be extracted)' : '';
    process.stderr.write(
      `${result.pageCount} pages, ${result.figures.length} figures -> ${command.outDir}${note}\n`,
    );
    for (const skipped of result.skippedPages) process.stderr.write(`left out: ${skipped.message}\n`);
    return 0;
  } catch (error) {
    bar?.stop();
    const message = error instanceof PdfConversionError ? error.message : 'The PDF could not be converted';
    process.stderr.write(`papermill: ${message}\n`);
    return 1;
  }
}
