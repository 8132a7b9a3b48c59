export { convertPdf } from './convert.js';
export { PdfConversionError } from './errors.js';
export type { PdfFailureReason } from './errors.js';
export * from './types.js';
export * from './sandbox/index.js';
export { checkOcrSetup, OcrSetupError } from './ocr/engines.js';
export { closeRecognisers } from './ocr/recognisers.js';
export type { OcrEngineChoice, OcrEngineName, OcrMode, OcrOptions, OcrPage } from './ocr/options.js';
export { OCR_ENGINE_CHOICES, OCR_MODES } from './ocr/options.js';
