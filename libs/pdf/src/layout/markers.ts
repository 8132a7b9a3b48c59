/**
 * Bullet glyphs, including the private-use codes Symbol and Wingdings bullets map to and the control
 * codes that symbol fonts without a Unicode map come out as.
 */
const BULLET = '[•●○◦▪▫■□◆◇►▸‣⁃∙·*➢➤✓✔❖❑➔→\\-–—\\uE000-\\uF8FF\\u0001-\\u0008\\u000E-\\u001F\\u0080-\\u009F]';
const NUMBER = '(?:\\d{1,3}[.)]|\\(\\d{1,3}\\)|[a-z][.)]|\\([a-z]\\)|\\([ivx]{1,4}\\)|[ivx]{1,4}\\))';

const BULLET_START = new RegExp(`^(${BULLET})\\s*(?=\\S)`, 'u');
const NUMBER_START = new RegExp(`^(${NUMBER})\\s+(?=\\S)`, 'u');
const MARKER_ONLY = new RegExp(`^(${BULLET}|${NUMBER})$`, 'u');

export interface ListMarker {
  ordered: boolean;
  marker: string;
  rest: string;
}

export function isListMarker(text: string): boolean {
  return MARKER_ONLY.test(text);
}

/** The list marker a line starts with, if any. */
export function listMarker(text: string): ListMarker | null {
  const b = BULLET_START.exec(text);
  // A dash or asterisk glued to a word ("-2-5", "--flag", "*JOBCTL", "*Note") is not a bullet.
  if (b && !(/^[-–—*]/.test(b[1]) && !/^[-–—*]\s/.test(text))) {
    return { ordered: false, marker: b[1], rest: text.slice(b[0].length) };
  }
  const n = NUMBER_START.exec(text);
  if (n) return { ordered: true, marker: n[1], rest: text.slice(n[0].length) };
  return null;
}
