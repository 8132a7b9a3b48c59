const CAPTION =
  /^(figure|fig\.?|table|tab\.|listing|example|chart|diagram|image|photo|plate|scheme|exhibit|abbildung|tabelle)\s*[A-Z]?\d+([.\-–]\d+)*\s*[.:\-–]?(\s|$)/i;

/** What a caption introduces, or null when the text is not a caption. */
export function captionKind(text: string): 'figure' | 'table' | null {
  const m = CAPTION.exec(text);
  if (!m) return null;
  // Must start with a capital: "table 2 shows" inside a sentence is a reference, not a caption.
  if (!/^\p{Lu}/u.test(text)) return null;
  return /^(table|tab\.|tabelle)/i.test(m[1]) ? 'table' : 'figure';
}
