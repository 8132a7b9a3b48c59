import { TextRun } from '../model.js';
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
 * Turns pdf.js text items into runs with boxes in page space. Rotated text (margin stamps, axis labels)
 * is left out: it is never part of the reading flow.
 */
export function toTextRuns(
  items: RawTextItem[],
  fontOf: (fontName: string) => FontInfo,
  toPage: Matrix = IDENTITY,
): TextRun[] {
  const runs: TextRun[] = [];
  const styles = new Map<string, ReturnType<typeof fontStyle>>();
  for (const item of items) {
    const text = item.str.split(String.fromCharCode(0)).join('');
    if (!text.trim()) continue;
    const [a, b, c, d, e, f] = multiply(item.transform as Matrix, toPage);
    if (Math.abs(b) > 0.05 * Math.abs(a) || Math.abs(c) > 0.05 * Math.abs(d) || a <= 0 || d <= 0) continue;
    const size = Math.hypot(c, d);
    if (size <= 0) continue;
    let style = styles.get(item.fontName);
    if (!style) {
      const info = fontOf(item.fontName);
      style = fontStyle(info.name, info.family, info);
      styles.set(item.fontName, style);
    }
    const x0 = e;
    const base = f;
    runs.push({
      text,
      x0,
      x1: x0 + Math.max(item.width, 0) * Math.hypot(toPage[0], toPage[1]),
      y0: base - 0.22 * size,
      y1: base + 0.78 * size,
      base,
      size,
      ...style,
      rtl: item.dir === 'rtl',
    });
  }
  return runs;
}
