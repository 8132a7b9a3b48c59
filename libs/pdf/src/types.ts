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
  onProgress?: (progress: ConvertProgress) => void;
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
  pages: { count: number; sizes: { page: number; width: number; height: number }[] };
  tables: AssetsTable[];
  outline: AssetsHeading[];
}

export interface ConversionResult {
  markdown: string;
  figures: Figure[];
  assets: Assets;
  pageCount: number;
}
