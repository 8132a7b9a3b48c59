import { TextRun } from '../model.js';

/**
 * A page whose text layer has fewer usable characters than this has none: stray marks (a scanner's
 * page stamp, a lone page number) do not make a scan readable.
 */
export const MIN_USABLE_CHARS = 20;

/**
 * A page whose characters are undecodable at this share or more is recognised instead. Measured on
 * 808 born-digital pages (docling, docling-eval and typeset corpora): every page is at 0 except one
 * at 0.17, where one font without a Unicode map yields control codes amid 83% good text (recognising
 * it would trade that text for OCR's). A page set in such a font alone is near 1. Half is "mostly".
 */
export const UNDECODABLE_SHARE = 0.5;

/**
 * Characters that carry no readable text: the replacement character pdf.js writes for codes it
 * cannot map, private-use code points (what fonts without a ToUnicode map often yield), and control
 * characters other than whitespace.
 */
const UNDECODABLE = /[\uFFFD\uE000-\uF8FF\u{F0000}-\u{10FFFF}]/u;

function isUndecodable(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  // Controls other than whitespace (which the caller has skipped), C0 and C1.
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || UNDECODABLE.test(ch);
}

export interface TextQuality {
  /** Non-space characters of the page's text layer. */
  chars: number;
  /** Of those, how many are undecodable. */
  undecodable: number;
}

export function textQuality(runs: TextRun[]): TextQuality {
  let chars = 0;
  let undecodable = 0;
  for (const run of runs) {
    for (const ch of run.text) {
      if (/\s/.test(ch)) continue;
      chars++;
      if (isUndecodable(ch)) undecodable++;
    }
  }
  return { chars, undecodable };
}

/** Most of the text layer cannot be read: recognise the page instead of it. */
export function mostlyUndecodable({ chars, undecodable }: TextQuality): boolean {
  return chars > 0 && undecodable >= UNDECODABLE_SHARE * chars;
}

/** Too few readable characters to count as a text layer (none, or a stamp). */
export function fewUsableChars({ chars, undecodable }: TextQuality): boolean {
  return chars - undecodable < MIN_USABLE_CHARS;
}
