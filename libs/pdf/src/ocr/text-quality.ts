import { TextRun } from '../model.js';

/**
 * A page whose text layer has fewer usable characters than this has none: stray marks (a scanner's
 * page stamp, a lone page number) do not make a scan readable.
 */
export const MIN_USABLE_CHARS = 20;

/**
 * A page whose characters are undecodable at this share or more is recognised instead. Measured over
 * the docling corpus' 40 born-digital pages, the highest share is 0.003 (one stray private-use
 * bullet); a font without a usable ToUnicode map turns most of its text into such characters, so
 * a quarter leaves wide margins on both sides.
 */
export const UNDECODABLE_SHARE = 0.25;

/**
 * Characters that carry no readable text: the replacement character pdf.js writes for codes it
 * cannot map, private-use code points (what fonts without a ToUnicode map often yield), and control
 * characters other than whitespace.
 */
const UNDECODABLE = /[\uFFFD\uE000-\uF8FF\u{F0000}-\u{10FFFF}\u0000-\u0008\u000E-\u001F\u007F-\u009F]/u;

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
      if (UNDECODABLE.test(ch)) undecodable++;
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
