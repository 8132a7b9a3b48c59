import { splitLines } from './text.js';

/**
 * Structure measures of the typeset corpus, each a count of what the answer expects and how much of it
 * the output has in the same role. Text is compared after normalisation (compatibility forms, case,
 * punctuation and spacing dropped), so a ligature or a stray space does not hide a found item.
 */
export interface Found {
  expected: number;
  found: number;
}

export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface MarkdownHeading {
  level: number;
  text: string;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,3}[.)])\s+(.*)$/;
const FENCE = /^\s*(```|~~~)/;

/** The Markdown's lines outside fenced code, and the lines inside it. */
function splitFences(markdown: string): { prose: string[]; code: string[] } {
  const prose: string[] = [];
  const code: string[] = [];
  let inside = false;
  for (const line of splitLines(markdown)) {
    if (FENCE.test(line)) inside = !inside;
    else (inside ? code : prose).push(line);
  }
  return { prose, code };
}

export function headings(markdown: string): MarkdownHeading[] {
  return splitFences(markdown).prose.flatMap((line) => {
    const m = HEADING.exec(line);
    return m ? [{ level: m[1].length, text: normalizeText(m[2]) }] : [];
  });
}

/** How many of `expected` occur in `actual`, each occurrence used once. */
function countShared(expected: string[], actual: string[]): number {
  const pool = new Map<string, number>();
  for (const text of actual) pool.set(text, (pool.get(text) ?? 0) + 1);
  let found = 0;
  for (const text of expected) {
    const left = pool.get(text) ?? 0;
    if (left > 0) {
      pool.set(text, left - 1);
      found++;
    }
  }
  return found;
}

/**
 * Heading-level accuracy: expected headings matched in order by normalised text to the output's
 * headings (each used once); found = matched with the same level. Null when the answer has none.
 */
export function headingLevels(answer: string, output: string): Found | null {
  const expected = headings(answer);
  if (expected.length === 0) return null;
  const actual = headings(output);
  const used = new Set<number>();
  let found = 0;
  let from = 0;
  for (const heading of expected) {
    // Prefer the next match after the previous one (document order), else any unused one.
    let at = actual.findIndex((h, i) => i >= from && !used.has(i) && h.text === heading.text);
    if (at < 0) at = actual.findIndex((h, i) => !used.has(i) && h.text === heading.text);
    if (at < 0) continue;
    used.add(at);
    from = at + 1;
    if (actual[at].level === heading.level) found++;
  }
  return { expected: expected.length, found };
}

const listItems = (markdown: string) =>
  splitFences(markdown).prose.flatMap((line) => {
    const m = LIST_ITEM.exec(line);
    return m && !HEADING.test(line) ? [normalizeText(m[1])] : [];
  });

/** List items of the answer that the output has as list items with the same text. Null without lists. */
export function listItemsFound(answer: string, output: string): Found | null {
  const expected = listItems(answer);
  if (expected.length === 0) return null;
  return { expected: expected.length, found: countShared(expected, listItems(output)) };
}

const codeLines = (markdown: string) =>
  splitFences(markdown)
    .code.map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

/** Non-blank code lines of the answer found, spacing aside, inside the output's fenced blocks. */
export function codeLinesFound(answer: string, output: string): Found | null {
  const expected = codeLines(answer);
  if (expected.length === 0) return null;
  return { expected: expected.length, found: countShared(expected, codeLines(output)) };
}

const PICTURE = /<!-- image -->|!\[[^\]]*\]\([^)]*\)/g;

/** Pictures the answer marks and how many of them the output marks (at most as many as expected). */
export function picturesFound(answer: string, output: string): Found | null {
  const expected = answer.match(PICTURE)?.length ?? 0;
  if (expected === 0) return null;
  return { expected, found: Math.min(expected, output.match(PICTURE)?.length ?? 0) };
}

export interface StructureScores {
  levels: Found | null;
  lists: Found | null;
  code: Found | null;
  pictures: Found | null;
}

/** All structure measures of one document (on the raw output: picture markup counts here). */
export function scoreStructure(answer: string, output: string): StructureScores {
  return {
    levels: headingLevels(answer, output),
    lists: listItemsFound(answer, output),
    code: codeLinesFound(answer, output),
    pictures: picturesFound(answer, output),
  };
}

/** Found over expected, summed over documents; null when none expects anything. */
export function pooled(counts: (Found | null)[]): Found | null {
  const present = counts.filter((c): c is Found => c !== null);
  if (present.length === 0) return null;
  return present.reduce((s, c) => ({ expected: s.expected + c.expected, found: s.found + c.found }), {
    expected: 0,
    found: 0,
  });
}

export const share = (count: Found | null): number | null =>
  count && count.expected > 0 ? count.found / count.expected : null;
