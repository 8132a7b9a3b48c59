export { convertPdf } from './convert.js';
export { PdfConversionError, PdfFailureReason } from './errors.js';
export * from './types.js';
