import { OcrOptions, OcrPage } from './ocr/options.js';

/** A box in PDF points, origin bottom-left: [x0, y0, x1, y1]. */
export type BBox = [number, number, number, number];

export interface ConvertProgress {
  /** Pages finished so far (1-based count). */
  page: number;
  pages: number;
}

export interface ConvertOptions {
  /** Documents with more pages are refused with a `PdfConversionError` ('too_many_pages'). */
  maxPages?: number;
  /** Images larger than this many pixels are not decoded (pdf.js `maxImageSize`, sharp `limitInputPixels`). */
  maxImagePixels?: number;
  /** Skip figure extraction and rendering (text only). */
  skipFigures?: boolean;
  /** Pages not to read at all (the sandbox's parent gave up on them); they are named in the assets. */
  skipPages?: readonly SkippedPage[];
  /** Pages read for their text alone (their drawing stalled pdf.js before). */
  textOnlyPages?: readonly number[];
  /**
   * Told as each page starts being read (`graphics`, or `text` when its figures are not extracted)
   * and as its text starts being read; awaited, so a parent watching for stalled pages hears of it first.
   */
  onPageStage?: (stage: PageStage) => void | Promise<void>;
  onProgress?: (progress: ConvertProgress) => void;
  /** Recognising pages without usable text (default: `auto` with the engine found, English). */
  ocr?: OcrOptions;
}

/**
 * Which part of a page is being read: its drawing (operator list, for figures), its text, or its
 * image by OCR (a page without usable text).
 */
export interface PageStage {
  page: number;
  pages: number;
  stage: 'graphics' | 'text' | 'ocr';
}

/** Why a page was left out: it kept the parser busy too long, or pdf.js could not read it. */
export type SkipReason = 'timeout' | 'unreadable';

/** A page left out of the conversion; the rest of the document still converts. */
export interface SkippedPage {
  /** 1-based page number. */
  page: number;
  reason: SkipReason;
  /** A sentence for people: "Page 2 took longer than 30 s to read". */
  message: string;
}

export interface AssetsPages {
  /** Pages of the document, converted or not. */
  count: number;
  /** Size of each converted page, in PDF points. */
  sizes: { page: number; width: number; height: number }[];
  /** Pages left out, in page order; empty when every page converted. */
  skipped: SkippedPage[];
  /** Pages whose text was recognised from their image, in page order; empty when none was. */
  ocr: OcrPage[];
}

export interface Figure {
  /** 1-based, in reading order; the file is `figures/picture-<index>.png`. */
  index: number;
  /** 1-based page number. */
  page: number;
  bbox: BBox;
  /** The caption found for the figure, or null. */
  title: string | null;
  png: Uint8Array;
}

export interface AssetsFigure {
  index: number;
  page: number;
  bbox: BBox;
  title: string | null;
}

export interface AssetsTable {
  page: number;
  bbox: BBox;
  caption: string | null;
}

export interface AssetsHeading {
  level: number;
  text: string;
  page: number;
}

/** The `result.assets.json` document written next to the Markdown. */
export interface Assets {
  figures: AssetsFigure[];
  pages: AssetsPages;
  tables: AssetsTable[];
  outline: AssetsHeading[];
}

export interface ConversionResult {
  markdown: string;
  figures: Figure[];
  assets: Assets;
  /** Pages of the document, converted or not (`assets.pages.count`). */
  pageCount: number;
}
