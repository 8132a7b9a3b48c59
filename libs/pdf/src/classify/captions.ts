import { Element } from './elements.js';

const LABEL =
  /^(figure|fig\.?|table|tab\.|listing|example|chart|diagram|image|photo|plate|scheme|exhibit|abbildung|tabelle)\s*[A-Z]?\d+([.\-–]\d+)*\s*[.:\-–]?/i;
const CAPTION = new RegExp(`${LABEL.source}(\\s|$)`, 'i');
const LABEL_ONLY = new RegExp(`${LABEL.source}$`, 'i');

/** What a caption introduces, or null when the text is not a caption. */
export function captionKind(text: string): 'figure' | 'table' | null {
  const m = CAPTION.exec(text);
  if (!m) return null;
  // Must start with a capital: "table 2 shows" inside a sentence is a reference, not a caption.
  if (!/^\p{Lu}/u.test(text)) return null;
  return /^(table|tab\.|tabelle)/i.test(m[1]) ? 'table' : 'figure';
}

/**
 * The text is a caption's label and nothing more ("FIG. 2:", "Table 3."): what follows it on its line,
 * however wide the space after it, is the caption's first words, not another column.
 */
export function isCaptionLabel(text: string): boolean {
  const trimmed = text.trim();
  return LABEL_ONLY.test(trimmed) && captionKind(trimmed) !== null;
}

/** A sub-figure's label: "(a)", "(b)"... */
const SUBFIGURE_MARKER = /^\([a-z]\)$/;

/**
 * Stage: a lone "(a) ..." line set right under a figure and centred on it is that sub-figure's
 * caption, not a one-item list: it stays a paragraph under its picture. Sub-figures are figures of
 * their own; the caption they share goes to the nearest of them.
 */
export function keepSubcaptions(elements: Element[]): Element[] {
  return elements.map((el) => {
    if (el.kind !== 'list' || el.items.length !== 1 || !SUBFIGURE_MARKER.test(el.items[0].marker)) return el;
    const height = el.bbox[3] - el.bbox[1];
    const centre = (el.bbox[0] + el.bbox[2]) / 2;
    const under = elements.some(
      (f) =>
        f.kind === 'figure' &&
        f.page === el.page &&
        f.bbox[1] >= el.bbox[3] - 1 &&
        f.bbox[1] - el.bbox[3] <= 2 * height &&
        centre > f.bbox[0] &&
        centre < f.bbox[2],
    );
    if (!under) return el;
    const { marker, text } = el.items[0];
    // One line: its height stands for its font size.
    return { kind: 'paragraph', page: el.page, bbox: el.bbox, text: `${marker} ${text}`, size: height };
  });
}
