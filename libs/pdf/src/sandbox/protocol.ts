import { BBox, ConvertProgress, PageStage, SkippedPage } from '../types.js';
import { PdfFailureReason } from '../errors.js';
import { OcrOptions } from '../ocr/options.js';

/** What the parent asks the child to do; `id` ties the answers to the request. */
export interface SandboxRequest {
  id: number;
  inputPath: string;
  outDir: string;
  maxPages: number;
  maxImagePixels: number;
  skipFigures: boolean;
  /** Pages earlier attempts stalled on reading their text: not read this time. */
  skipPages: SkippedPage[];
  /** Pages earlier attempts stalled on drawing: read for their text alone this time. */
  textOnlyPages: number[];
  /** How pages without usable text are recognised (the child's environment carries no configuration). */
  ocr?: OcrOptions;
}

export interface SandboxFigure {
  index: number;
  page: number;
  bbox: BBox;
  title: string | null;
  /** Relative to `outDir`: `figures/picture-<index>.png`. */
  file: string;
}

/** Messages from the child, over the IPC channel. `page` is sent as each stage of a page starts, `progress` as the page ends. */
export type SandboxMessage = { id: number } & (
  | ({ type: 'page' } & PageStage)
  | ({ type: 'progress' } & ConvertProgress)
  | { type: 'done'; pageCount: number; figures: SandboxFigure[]; skippedPages: SkippedPage[] }
  | { type: 'failed'; reason: PdfFailureReason; message: string }
);

export const OUTPUT_FILES = {
  markdown: 'result.md',
  assets: 'result.assets.json',
  figure: (index: number) => `figures/picture-${index}.png`,
};
