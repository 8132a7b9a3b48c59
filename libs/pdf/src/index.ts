export { convertPdf } from './convert.js';
export { PdfConversionError } from './errors.js';
export type { PdfFailureReason } from './errors.js';
export * from './types.js';
export * from './sandbox/index.js';
