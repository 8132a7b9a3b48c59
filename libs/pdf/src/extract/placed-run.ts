import { TextRun } from '../model.js';

/**
 * A run of regular upright text known only by where it sits (recognised words, form values): its box
 * spans the font's usual descent and ascent around the baseline.
 */
export function placedRun(
  text: string,
  x0: number,
  x1: number,
  base: number,
  size: number,
  extra: Partial<TextRun> = {},
): TextRun {
  return {
    text,
    x0,
    x1,
    y0: base - 0.22 * size,
    y1: base + 0.78 * size,
    base,
    size,
    bold: false,
    italic: false,
    mono: false,
    rtl: false,
    ...extra,
  };
}
