import { TextRun } from '../model.js';
import { BBox } from '../types.js';
import { fontStyle } from './fonts.js';
import { IDENTITY, Matrix, multiply } from './matrix.js';

export interface RawTextItem {
  str: string;
  dir: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

export interface FontInfo {
  name: string;
  family: string;
  bold?: boolean;
  italic?: boolean;
}

/**
 * Turns pdf.js text items into runs with boxes in page space. By default the upright text only:
 * rotated text (margin stamps, axis labels) is never part of the reading flow. `vertical` asks for the
 * text set at a quarter turn, up or down the page, as the column headers of a narrow table often are;
 * their boxes are the area they cover and their `base` the y at which they start, so that the wrapped
 * lines of one header share it.
 */
export function toTextRuns(
  items: RawTextItem[],
  fontOf: (fontName: string) => FontInfo,
  toPage: Matrix = IDENTITY,
  wanted: 'upright' | 'vertical' = 'upright',
): TextRun[] {
  const runs: TextRun[] = [];
  const styles = new Map<string, ReturnType<typeof fontStyle>>();
  const scale = Math.hypot(toPage[0], toPage[1]);
  for (const item of items) {
    const text = item.str.split(String.fromCharCode(0)).join('');
    const matrix = multiply(item.transform as Matrix, toPage);
    if (!text.trim()) {
      // A space glyph set tight (narrower than the gaps pdf.js itself marks with a space, which the
      // line's own gap rule judges) still parts the words on either side: Korean text is often set so.
      const prev = runs[runs.length - 1];
      const narrow = item.width * scale < 0.1 * Math.hypot(matrix[2], matrix[3]);
      if (text && narrow && prev && !prev.rtl && !/\s$/.test(prev.text) && follows(prev, matrix)) {
        prev.text += ' ';
      }
      continue;
    }
    const turn = turnOf(matrix);
    if (!turn || (turn === 'upright') !== (wanted === 'upright')) continue;
    const [, , c, d, e, f] = matrix;
    const size = Math.hypot(c, d);
    if (size <= 0) continue;
    let style = styles.get(item.fontName);
    if (!style) {
      const info = fontOf(item.fontName);
      style = fontStyle(info.name, info.family, info);
      styles.set(item.fontName, style);
    }
    const length = Math.max(item.width, 0) * scale;
    const [x0, y0, x1, y1] = boxOf(turn, e, f, length, size);
    runs.push({ text, x0, y0, x1, y1, base: f, size, ...style, rtl: item.dir === 'rtl' });
  }
  return runs;
}

/** Whether text set by `matrix` starts where the upright run `prev` ends, on its baseline. */
function follows(prev: TextRun, [a, b, , , e, f]: Matrix): boolean {
  return (
    b === 0 && a > 0 && Math.abs(f - prev.base) < 0.1 * prev.size && Math.abs(e - prev.x1) < 0.5 * prev.size
  );
}

type Turn = 'upright' | 'up' | 'down';

/** How a run is turned on the page, from its page-space matrix; null when tilted or mirrored. */
function turnOf([a, b, c, d]: Matrix): Turn | null {
  const straight = (major: number, minor: number) => Math.abs(minor) <= 0.05 * Math.abs(major);
  if (straight(a, b) && straight(d, c) && a > 0 && d > 0) return 'upright';
  if (straight(b, a) && straight(c, d) && b > 0 && c < 0) return 'up';
  if (straight(b, a) && straight(c, d) && b < 0 && c > 0) return 'down';
  return null;
}

/** The page box of a run `length` long set from (e, f): glyphs rise 0.78 of their size above it. */
function boxOf(turn: Turn, e: number, f: number, length: number, size: number): BBox {
  switch (turn) {
    case 'upright':
      return [e, f - 0.22 * size, e + length, f + 0.78 * size];
    case 'up':
      return [e - 0.78 * size, f, e + 0.22 * size, f + length];
    case 'down':
      return [e - 0.22 * size, f - length, e + 0.78 * size, f];
  }
}
