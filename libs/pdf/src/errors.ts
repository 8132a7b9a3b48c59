/** Why a PDF could not be converted; the message is a sentence a person can act on. */
export type PdfFailureReason =
  | 'invalid_pdf'
  | 'password_protected'
  | 'no_pages'
  | 'too_many_pages'
  | 'unreadable_content'
  | 'timeout'
  | 'memory_limit'
  | 'crashed';

/** A permanent failure caused by the document itself: retrying will not help. */
export class PdfConversionError extends Error {
  constructor(
    readonly reason: PdfFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'PdfConversionError';
  }
}
