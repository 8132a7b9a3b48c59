/** When pages are recognised: `auto` where a page has no usable text, `force` every page, `off` never. */
export const OCR_MODES = ['auto', 'off', 'force'] as const;
export type OcrMode = (typeof OCR_MODES)[number];

/** Which recogniser: the `tesseract` binary when on PATH (`auto`), else tesseract.js (WebAssembly). */
export const OCR_ENGINE_CHOICES = ['auto', 'tesseract', 'tesseract.js'] as const;
export type OcrEngineChoice = (typeof OCR_ENGINE_CHOICES)[number];

/** The recogniser that read a page. */
export type OcrEngineName = 'tesseract' | 'tesseract.js';

export interface OcrOptions {
  mode: OcrMode;
  engine?: OcrEngineChoice;
  /** Tesseract language codes, e.g. `['eng', 'deu']`. */
  languages?: string[];
  /** A folder of `<lang>.traineddata` files (optionally gzipped), read instead of the built-in data. */
  dataDir?: string;
}

/** One page that was recognised, as the assets JSON lists it. */
export interface OcrPage {
  page: number;
  engine: OcrEngineName;
  /** Mean word confidence, 0-100. */
  confidence: number;
}

export const DEFAULT_OCR: OcrOptions = { mode: 'auto', engine: 'auto', languages: ['eng'] };
