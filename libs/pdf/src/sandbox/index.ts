// A second entry of the library (`@papermill/pdf/sandbox`): what a parent process needs to run
// conversions in bounded child processes, without loading the engine itself.
export { ConversionPool } from './conversion-pool.js';
export type { PoolOptions, SandboxLimits, SandboxResult } from './conversion-pool.js';
export { convertInSandbox } from './convert-in-sandbox.js';
export { OUTPUT_FILES } from './protocol.js';
export type { SandboxFigure } from './protocol.js';
export { PdfConversionError } from '../errors.js';
export type { ConvertProgress } from '../types.js';
export { checkOcrSetup, OcrSetupError } from '../ocr/engines.js';
export type { OcrEngineChoice, OcrMode, OcrOptions } from '../ocr/options.js';
export { OCR_ENGINE_CHOICES, OCR_MODES } from '../ocr/options.js';
