import { TextRun } from '../model.js';

/** A run of `text` set at (x, base) in `size` points (10 unless given), about 0.5 em wide per character. */
export function textRun(text: string, x: number, base: number, options: Partial<TextRun> = {}): TextRun {
  const size = options.size ?? 10;
  return {
    text,
    x0: x,
    x1: x + 0.5 * size * text.length,
    y0: base - 0.2 * size,
    y1: base + 0.8 * size,
    base,
    size,
    bold: false,
    italic: false,
    mono: false,
    rtl: false,
    ...options,
  };
}
