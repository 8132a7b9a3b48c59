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
