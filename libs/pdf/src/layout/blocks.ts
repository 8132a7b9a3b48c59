import { Line, TextBlock } from '../model.js';
import { unionBox } from '../geometry.js';

export type { TextBlock };

/**
 * Stacks lines into blocks: a line joins the block right above it when they overlap horizontally, sit at
 * normal line spacing and share size and weight. A wider gap, a style change or an indented first line
 * starts a new block.
 */
export function buildBlocks(lines: Line[]): TextBlock[] {
  const sorted = [...lines].sort((a, b) => b.bbox[3] - a.bbox[3] || a.bbox[0] - b.bbox[0]);
  const open: TextBlock[] = [];
  const done: TextBlock[] = [];
  for (const line of sorted) {
    let best: TextBlock | undefined;
    let bestGap = Infinity;
    for (const block of open) {
      const last = block.lines[block.lines.length - 1];
      if (!continues(block, last, line)) continue;
      const gap = last.base - line.base;
      if (gap < bestGap) {
        best = block;
        bestGap = gap;
      }
    }
    if (best) {
      best.lines.push(line);
      best.bbox = unionBox(best.bbox, line.bbox);
    } else {
      const block = { lines: [line], bbox: line.bbox, size: line.size };
      open.push(block);
      done.push(block);
    }
    // Blocks whose last line is far above can no longer grow.
    for (let i = open.length - 1; i >= 0; i--) {
      const last = open[i].lines[open[i].lines.length - 1];
      if (last.base - line.base > 3 * last.size) open.splice(i, 1);
    }
  }
  return done.flatMap(splitParagraphs);
}

function continues(block: TextBlock, last: Line, line: Line): boolean {
  // Code steps in and out with its nesting: a closing brace may stand left of the line above it.
  const above = last.mono && line.mono ? block.bbox : last.bbox;
  const overlap = Math.min(above[2], line.bbox[2]) - Math.max(above[0], line.bbox[0]);
  if (overlap <= 0) return false;
  const size = Math.max(last.size, line.size);
  // Body text keeps one size; a title set in bold may shrink a little from line to line.
  const sizeSlack = last.bold && line.bold ? 0.12 : 0.06;
  if (Math.abs(last.size - line.size) > sizeSlack * size) return false;
  if (last.mono !== line.mono) return false;
  if (last.bold !== line.bold || last.italic !== line.italic) return false;
  const spacing = last.base - line.base;
  if (spacing <= 0 || spacing > 1.75 * size) return false;
  // Within a block, line spacing is regular: a clearly larger step is a paragraph gap.
  if (block.lines.length > 1) {
    const prev = block.lines[block.lines.length - 2];
    const usual = prev.base - last.base;
    if (spacing > usual * 1.3 + 0.5) return false;
  }
  return true;
}

/** Splits a block where a line is indented after a full line, or where a short line ends a sentence. */
function splitParagraphs(block: TextBlock): TextBlock[] {
  // Code is indented by its nesting and its lines end anywhere: none of that makes a paragraph.
  if (block.lines.length < 3 || block.lines.every((l) => l.mono)) return [block];
  const left = Math.min(...block.lines.map((l) => l.bbox[0]));
  const right = Math.max(...block.lines.map((l) => l.bbox[2]));
  const width = right - left;
  const out: TextBlock[] = [];
  let current: Line[] = [];
  const rtl = block.lines.filter((l) => l.rtl).length > block.lines.length / 2;
  block.lines.forEach((line, i) => {
    const prev = current[current.length - 1];
    const next = block.lines[i + 1];
    if (prev) {
      const em = line.size;
      const start = rtl ? right - line.bbox[2] : line.bbox[0] - left;
      const prevStart = rtl ? right - prev.bbox[2] : prev.bbox[0] - left;
      const prevEnd = rtl ? prev.bbox[0] - left : right - prev.bbox[2];
      const nextStart = next ? (rtl ? right - next.bbox[2] : next.bbox[0] - left) : Infinity;
      // A first-line indent: this line steps in, the one after steps back (a hanging list never does).
      const indented =
        start > 0.8 * em &&
        start < 6 * em &&
        prevStart < 0.5 * em &&
        prevEnd < 2 * em &&
        nextStart < 0.5 * em;
      const shortEnd = prevEnd > 0.25 * width && /[.!?:。]$/.test(prev.text) && start < 0.5 * em;
      if (indented || shortEnd) {
        out.push(toBlock(current));
        current = [];
      }
    }
    current.push(line);
  });
  out.push(toBlock(current));
  return out;
}

export function toBlock(lines: Line[]): TextBlock {
  return {
    lines,
    bbox: lines.map((l) => l.bbox).reduce(unionBox),
    size: lines[0].size,
  };
}
