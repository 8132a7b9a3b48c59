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
  /** Marked-content id and artifact flag, set by `markContent`. */
  mcid?: string;
  artifact?: boolean;
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
  const uneven = unevenAdvances(items);
  const scale = Math.hypot(toPage[0], toPage[1]);
  for (const item of items) {
    const text = item.str.split(String.fromCharCode(0)).join('');
    const matrix = multiply(item.transform as Matrix, toPage);
    const turn = turnOf(matrix);
    if (!text.trim()) {
      const prev = runs[runs.length - 1];
      const upright = wanted === 'upright' && turn === 'upright';
      if (upright && prev && partsWords(text, item.width * scale, matrix, prev)) prev.text += ' ';
      continue;
    }
    if (!turn || (turn === 'upright') !== (wanted === 'upright')) continue;
    const [, , c, d, e, f] = matrix;
    const size = Math.hypot(c, d);
    if (size <= 0) continue;
    let style = styles.get(item.fontName);
    if (!style) {
      const info = fontOf(item.fontName);
      style = fontStyle(info.name, uneven.has(item.fontName) ? '' : info.family, info);
      styles.set(item.fontName, style);
    }
    const length = Math.max(item.width, 0) * scale;
    const [x0, y0, x1, y1] = boxOf(turn, e, f, length, size);
    const run: TextRun = { text, x0, y0, x1, y1, base: f, size, ...style, rtl: item.dir === 'rtl' };
    if (item.mcid) run.mcid = item.mcid;
    if (item.artifact) run.artifact = true;
    runs.push(run);
  }
  return runs;
}

/** Monospaced text measures within this ratio from item to item; sentences vary by more. */
const EVEN_ADVANCES = 1.01;

/**
 * Fonts whose text shows glyph advances of more than one width. pdf.js calls a font monospaced when
 * all the widths it lists are equal, which a subset of one glyph (a bullet) passes even when pdf.js
 * then reports the text after it in that font: the measured advances decide. Words (no spaces,
 * which may be set as gaps) are measured when there are any.
 */
export function unevenAdvances(items: RawTextItem[]): Set<string> {
  const perFont = new Map<string, { words: number[]; all: number[] }>();
  for (const item of items) {
    const text = item.str.split(String.fromCharCode(0)).join('');
    const size = Math.hypot(item.transform[2], item.transform[3]);
    if (text.trim().length < 2 || size <= 0 || item.width <= 0) continue;
    const advance = item.width / (Array.from(text).length * size);
    const entry = perFont.get(item.fontName) ?? { words: [], all: [] };
    entry.all.push(advance);
    if (!/\s/.test(text)) entry.words.push(advance);
    perFont.set(item.fontName, entry);
  }
  const out = new Set<string>();
  for (const [font, { words, all }] of perFont) {
    const sample = words.length >= 2 ? words : all;
    // One stretch of words cannot show its advances are equal: the name has to say so.
    const unproven = sample.length < 2 && !words.length;
    if (unproven || Math.max(...sample) > EVEN_ADVANCES * Math.min(...sample)) out.add(font);
  }
  return out;
}

/**
 * Whether a space glyph set right after the upright run `prev` parts it from the next word. Only a
 * narrow one counts: pdf.js marks every wider gap with a space of its own, and those gaps are judged
 * by the line's gap rule. Korean text is often set with spaces this narrow.
 */
function partsWords(space: string, width: number, [, , c, d, e, f]: Matrix, prev: TextRun): boolean {
  const tight = width < 0.1 * Math.hypot(c, d);
  const after = Math.abs(f - prev.base) < 0.1 * prev.size && Math.abs(e - prev.x1) < 0.5 * prev.size;
  return space.length > 0 && tight && after && !prev.rtl && !/\s$/.test(prev.text);
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
