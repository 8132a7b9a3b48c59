import { TextBlock } from '../layout/blocks.js';
import { Line } from '../layout/lines.js';

/** Joins lines into running text, repairing words hyphenated at a line end. */
export function joinLines(lines: Line[]): string {
  let text = '';
  for (const line of lines) {
    const t = line.text;
    if (!text) text = t;
    else if (/\p{Ll}-$/u.test(text) && /^\p{Ll}/u.test(t)) text = text.slice(0, -1) + t;
    else text += ' ' + t;
  }
  return text;
}

export function blockText(block: TextBlock): string {
  return joinLines(block.lines);
}
