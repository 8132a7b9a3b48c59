import { TextBlock } from '../layout/blocks.js';
import { blockText } from './text.js';

const NUMBERED = /^((\d{1,2}(\.\d{1,2})*\.?)|([A-Z]\.)|([IVX]{1,5}\.))\s+\S/;

/** Depth of a section number ("2" → 1, "2.3.1" → 3), or 0 when the text is not numbered. */
export function numberingDepth(text: string): number {
  const m = /^(\d{1,2}(?:\.\d{1,2})*)\.?\s/.exec(text);
  return m ? m[1].split('.').length : /^([A-Z]|[IVX]{1,5})\.\s/.test(text) ? 1 : 0;
}

/**
 * A heading is a short block, set larger than the body or wholly bold, that does not read like a
 * sentence fragment or a bare number.
 */
export function isHeading(block: TextBlock, bodySize: number): boolean {
  const text = blockText(block);
  if (block.lines.length > 3 || text.length > 160 || text.length < 2) return false;
  if (!/\p{L}/u.test(text)) return false;
  if (/[,;]$/.test(text)) return false;
  const larger = block.size >= bodySize * 1.12;
  const bold = block.lines.every((l) => l.bold) && block.size >= bodySize * 0.9;
  if (larger) return !/^\p{Ll}/u.test(text) || block.size >= bodySize * 1.4;
  // A lone short italic line at body size is a run-in subsection title in many manuals.
  const italic =
    block.lines.length === 1 && block.lines[0].italic && text.length < 60 && /^\p{Lu}/u.test(text);
  if (italic && !/[.,:;!?]$/.test(text)) return true;
  if (!bold) return false;
  // A bold line at body size is a heading when it is short and not a full sentence.
  if (text.length > 90 || /[.:]$/.test(text)) return NUMBERED.test(text) && text.length < 90;
  return true;
}
