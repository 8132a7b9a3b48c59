import { TextBlock } from '../layout/blocks.js';
import { blockText } from './text.js';

const NUMBERED = /^((\d{1,2}(\.\d{1,2})*\.?)|([A-Z]\.)|([IVX]{1,5}\.))\s+\S/;

/** "Chapter 3", "Appendix B": a chapter's own line, printed above its title. */
export const CHAPTER_LABEL = /^(chapter|appendix)\s+(\d{1,2}|[IVXLC]{1,6}|[A-Z])$/i;

/**
 * Depth of a section number ("2" → 1, "2.3.1" → 3, "A.2" → 2, "Chapter 4 ..." → 1), or 0 when the
 * text is not numbered.
 */
export function numberingDepth(text: string): number {
  const m = /^((?:\d{1,2}|[A-Z])(?:\.\d{1,2})+|\d{1,2})\.?\s/.exec(text);
  if (m) return m[1].split('.').length;
  return /^([A-Z]|[IVX]{1,5})\.\s/.test(text) || /^(chapter|appendix)\s+\S+\s/i.test(text) ? 1 : 0;
}

/**
 * A heading is a short block, set larger than the body or wholly bold, that does not read like a
 * sentence fragment or a bare number.
 */
export function isHeading(block: TextBlock, bodySize: number): boolean {
  const text = blockText(block);
  if (block.lines.length > 3 || text.length > 160 || text.length < 2) return false;
  if (!/\p{L}/u.test(text)) return false;
  // A title does not break off mid-clause, nor open a bracket or block (a line of code: "f(a, b) {").
  if (/[,;({[=]$/.test(text)) return false;
  const larger = block.size >= bodySize * 1.12;
  const bold = block.lines.every((l) => l.bold) && block.size >= bodySize * 0.9;
  if (larger) return !/^\p{Ll}/u.test(text) || block.size >= bodySize * 1.4;
  // A lone short italic line at body size is a run-in subsection title in many manuals.
  const italic =
    block.lines.length === 1 &&
    block.lines[0].italic &&
    text.length < 60 &&
    (/^\p{Lu}/u.test(text) || NUMBERED.test(text));
  if (italic && !/[.,:;!?]$/.test(text)) return true;
  if (!bold) return false;
  // A bold line at body size is a heading when it is short and not a full sentence.
  if (text.length > 90 || /[.:]$/.test(text)) return NUMBERED.test(text) && text.length < 90;
  return true;
}

/** What a heading's level is decided from: its text (for its numbering), size, weight and page. */
export interface HeadingStyle {
  text: string;
  size: number;
  bold: boolean;
  italic?: boolean;
  page: number;
}

/** Levels below this are not written: Markdown has six. */
const DEEPEST = 6;

/**
 * Heading levels for a document's headings, in reading order. Level 1 is the title alone: the one
 * unnumbered heading on the first heading page set larger than every other. The other headings follow
 * the document's own outline from level 2: numbered ones by the depth of their number ("2" above
 * "2.1" above "2.1.3"), whatever their size; the rest by the rank of their style (size, then bold,
 * regular, italic) among the distinct heading styles, slotted between the numbered styles they are
 * set like. Level 0 marks a line that only looked like a heading (an author line under the title).
 */
export function headingLevels(headings: HeadingStyle[]): number[] {
  if (!headings.length) return [];
  const keyOf = (h: HeadingStyle) => `${Math.round(h.size * 2) / 2}|${weightOf(h)}`;
  const styles = [...new Set(headings.map(keyOf))]
    .map((key) => {
      const [size, weight] = key.split('|').map(Number);
      return { key, size, weight };
    })
    .sort((a, b) => b.size - a.size || b.weight - a.weight);
  // A lone "A." is an initial ("A. Author") unless another heading is lettered too.
  const lettered = new Set(headings.map((h) => /^([A-Z]|[IVX]{1,5})\.\s/.exec(h.text)?.[1]).filter(Boolean));
  const depths = headings.map((h) =>
    lettered.size < 2 && /^([A-Z]|[IVX]{1,5})\.\s/.test(h.text) ? 0 : numberingDepth(h.text),
  );
  const title = titleOf(headings, depths);
  const firstNumbered = depths.findIndex((d) => d > 0);
  const firstBold = headings.findIndex((h, i) => i !== title && h.bold);
  // Front matter: plain (not bold) headings before the outline starts, under the title (a subtitle,
  // a byline, a date). They take the level after the title and push nothing down.
  const outlineStart = Math.min(...[firstNumbered, firstBold].filter((i) => i >= 0), headings.length);
  const levelOf = new Map<string, number>();
  const numbered = firstNumbered >= 0;
  let seenNumbered = false;
  let next = 2;
  for (const style of styles) {
    const members = headings.map((h, i) => i).filter((i) => i !== title && keyOf(headings[i]) === style.key);
    if (!members.length) continue;
    const depth = commonest(members.map((i) => depths[i]).filter((d) => d > 0));
    seenNumbered ||= depth > 0;
    // Numbered styles sit where their numbers say. Above the first of them, unnumbered styles (a
    // preface, a contents page, a back cover) are sections too.
    const aboveNumbers = numbered && !seenNumbered;
    const front =
      title >= 0 &&
      outlineStart < headings.length &&
      !depth &&
      style.weight < 2 &&
      members.every((i) => i < outlineStart);
    const level = Math.min(DEEPEST, depth ? depth + 1 : aboveNumbers || front ? 2 : next);
    levelOf.set(style.key, level);
    if (!front && !aboveNumbers) next = Math.min(DEEPEST, Math.max(next, level + 1));
  }
  // Plain lines under the title, before the outline starts, never set so again and smaller than
  // the outline's top headings: a byline (authors, a date), not headings. A subtitle is larger.
  const outlineTop = Math.max(0, ...headings.slice(outlineStart).map((h) => h.size));
  const byline = (i: number) =>
    title >= 0 &&
    i !== title &&
    i < outlineStart &&
    !headings[i].bold &&
    !depths[i] &&
    headings[i].size < outlineTop - 0.5 &&
    headings.every((h, j) => j < outlineStart || keyOf(h) !== keyOf(headings[i]));
  const firstAfterTitle = title >= 0 ? headings.findIndex((_, i) => i > title && !byline(i)) : -1;
  return headings.map((h, i) => {
    if (i === title) return 1;
    if (byline(i)) return 0;
    // Before the numbered sections start, an unnumbered heading opens a front section (an
    // abstract, a preface) at their level, however small it is set; so does the first heading
    // after the title, which nothing encloses.
    if (firstNumbered > 0 && i < firstNumbered && !depths[i]) return 2;
    if (!depths[i] && i === firstAfterTitle) return 2;
    if (depths[i]) return Math.min(DEEPEST, depths[i] + 1);
    return levelOf.get(keyOf(h)) ?? 2;
  });
}

/** Bold ranks above regular, regular above italic, at one size. */
function weightOf(h: HeadingStyle): number {
  return h.bold ? 2 : h.italic ? 0 : 1;
}

/**
 * Index of the title heading, or -1 when no heading stands out as one: the largest heading of the
 * first page with headings, clearly larger than the others there, unnumbered, and set in a style no
 * other heading shares (a report's chapters may be set larger on later pages).
 */
function titleOf(headings: HeadingStyle[], depths: number[]): number {
  if (headings.length < 2) return -1;
  const firstPage = Math.min(...headings.map((h) => h.page));
  const first = headings.map((h, i) => i).filter((i) => headings[i].page === firstPage);
  const largest = Math.max(...first.map((i) => headings[i].size));
  const top = first.filter((i) => headings[i].size >= largest - 0.5);
  if (top.length !== 1) return -1;
  const i = top[0];
  const h = headings[i];
  const others = first.filter((j) => j !== i).map((j) => headings[j].size);
  const clear = !others.length || h.size >= Math.max(...others) * 1.1;
  const unique = headings.every(
    (o, j) => j === i || Math.abs(o.size - h.size) >= 0.5 || weightOf(o) !== weightOf(h),
  );
  return clear && unique && depths[i] === 0 ? i : -1;
}

/** The most frequent value (the smaller on a tie), or 0 for none. */
function commonest(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [v, n] of counts) if (n > bestCount || (n === bestCount && v < best)) [best, bestCount] = [v, n];
  return best;
}
