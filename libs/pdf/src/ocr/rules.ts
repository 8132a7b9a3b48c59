import { PagePath, TextRun } from '../model.js';

/** Pixels darker than this are ink (light grey rules of coloured tables included). */
const INK = 160;
/** A rule is at least this long (points): shorter dark runs are glyph strokes. */
const MIN_RULE_PT = 24;
/** And thinner than this (points): thicker dark runs are shading, bars or pictures. */
const MAX_RULE_PT = 2.4;
/** Breaks a scan leaves in a printed line (dust, a faint toner dot), in pixels, bridged. */
const GAP_PX = 2;

interface Segment {
  /** Along the line: first and last pixel. */
  from: number;
  to: number;
  /** Across it: first and last row (or column). */
  first: number;
  last: number;
}

/**
 * The straight rules a scanned page shows (table grids, underlines), found in its pixels, as the
 * thin painted paths the ruled-table stage reads on born-digital pages. Dark runs inside recognised
 * words are glyph strokes and are left out.
 */
export function rulesFromPixels(
  gray: Uint8Array,
  width: number,
  height: number,
  scale: number,
  pageHeight: number,
  words: TextRun[],
): PagePath[] {
  const minLength = MIN_RULE_PT * scale;
  const maxThickness = MAX_RULE_PT * scale;
  const at = (x: number, y: number) => gray[y * width + x] < INK;
  const horizontal = lines(height, width, minLength, maxThickness, (along, across) => at(along, across));
  const vertical = lines(width, height, minLength, maxThickness, (along, across) => at(across, along));
  const paths: PagePath[] = [];
  const toPage = (x0: number, y0: number, x1: number, y1: number): PagePath['bbox'] => [
    x0 / scale,
    pageHeight - (y1 + 1) / scale,
    (x1 + 1) / scale,
    pageHeight - y0 / scale,
  ];
  for (const s of horizontal) paths.push(rule(toPage(s.from, s.first, s.to, s.last)));
  for (const s of vertical) paths.push(rule(toPage(s.first, s.from, s.last, s.to)));
  return paths.filter((p) => !insideWord(p.bbox, words));
}

function rule(bbox: PagePath['bbox']): PagePath {
  return { bbox, stroked: false, filled: true, straight: true };
}

/** Long thin dark runs along one direction, runs on neighbouring rows joined into one line. */
function lines(
  rows: number,
  length: number,
  minLength: number,
  maxThickness: number,
  ink: (along: number, across: number) => boolean,
): Segment[] {
  const done: Segment[] = [];
  let open: Segment[] = [];
  for (let row = 0; row <= rows; row++) {
    const runs = row < rows ? darkRuns(row, length, minLength, ink) : [];
    const next: Segment[] = [];
    for (const [from, to] of runs) {
      const joined = open.find((s) => s.last === row - 1 && from <= s.to && to >= s.from);
      if (joined) {
        joined.from = Math.min(joined.from, from);
        joined.to = Math.max(joined.to, to);
        joined.last = row;
        if (!next.includes(joined)) next.push(joined);
      } else {
        next.push({ from, to, first: row, last: row });
      }
    }
    for (const s of open) if (!next.includes(s)) done.push(s);
    open = next;
  }
  return done.filter((s) => s.last - s.first + 1 <= maxThickness);
}

function darkRuns(
  row: number,
  length: number,
  minLength: number,
  ink: (along: number, across: number) => boolean,
): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  let lastInk = -1;
  for (let i = 0; i < length; i++) {
    if (!ink(i, row)) continue;
    if (start < 0 || i - lastInk > GAP_PX + 1) {
      if (start >= 0 && lastInk - start + 1 >= minLength) runs.push([start, lastInk]);
      start = i;
    }
    lastInk = i;
  }
  if (start >= 0 && lastInk - start + 1 >= minLength) runs.push([start, lastInk]);
  return runs;
}

function insideWord(box: PagePath['bbox'], words: TextRun[]): boolean {
  const cx = (box[0] + box[2]) / 2;
  const cy = (box[1] + box[3]) / 2;
  return words.some((w) => cx > w.x0 && cx < w.x1 && cy > w.y0 && cy < w.y1);
}
