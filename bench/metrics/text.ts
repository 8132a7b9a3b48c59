/**
 * Text helpers that behave like the Python functions the published benchmark uses, so scores match
 * to the last digit: Python's `\s`/`str.strip()` whitespace set, `str.splitlines()` boundaries, and
 * lengths counted in code points (not UTF-16 units).
 */

// Python's str.isspace() set; differs from JS \s (adds \x1c-\x1f and \x85, lacks \ufeff).
const PY_WHITESPACE =
  '\\t\\n\\v\\f\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const WHITESPACE_RUN = new RegExp(`[${PY_WHITESPACE}]+`, 'g');
const EDGE_WHITESPACE = new RegExp(`^[${PY_WHITESPACE}]+|[${PY_WHITESPACE}]+$`, 'g');
export const WHITESPACE_CLASS = `[${PY_WHITESPACE}]`;

/** Python `str.strip()`. */
export function strip(text: string): string {
  return text.replace(EDGE_WHITESPACE, '');
}

/** Python `re.sub(r"\s+", " ", text).strip()`. */
export function collapseWhitespace(text: string): string {
  return strip(text.replace(WHITESPACE_RUN, ' '));
}

// Line boundaries of Python's str.splitlines(); \r\n counts as one.
// eslint-disable-next-line no-control-regex -- the file/group/record separators are among them.
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;

/** Python `str.splitlines(keepends)`. */
export function splitLines(text: string, keepEnds = false): string[] {
  const lines: string[] = [];
  let start = 0;
  for (const match of text.matchAll(LINE_BREAK)) {
    const end = match.index + match[0].length;
    lines.push(text.slice(start, keepEnds ? end : match.index));
    start = end;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** The string as an array of code points, the unit Python strings are measured in. */
export function codePoints(text: string): Int32Array {
  const out = new Int32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    out[n++] = cp;
    if (cp > 0xffff) i++;
  }
  return out.subarray(0, n);
}

/**
 * "Picture markup ignored": Docling marks pictures as `<!-- image -->` and other engines as
 * `![alt](target)`; neither is text of the page, so both are dropped (keeping the alt text).
 */
export function stripPictureMarkup(markdown: string): string {
  return markdown.replace(/<!-- image -->/g, '').replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1');
}
