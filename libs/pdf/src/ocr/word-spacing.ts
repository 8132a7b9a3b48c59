import { OcrWord } from './hocr.js';

/** Chinese characters, kana and the full-width punctuation set with them: written without spaces. */
const UNSPACED = /[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60]/u;
/** Hangul syllables and jamo: spaced between words, not between the syllables of one. */
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/u;

/**
 * Word spaces of a Korean line are at least this many times its gaps between syllables: where the
 * two kinds of gap are no further apart, the line's gaps are all of one kind.
 */
const SPACE_TO_SYLLABLE_GAP = 2.5;
/**
 * A gap this wide (in font sizes, a Hangul line's sized from its syllables' height) is a word space
 * whatever the line's others are: a Korean word space is about a third of the font size.
 */
const MIN_WORD_SPACE = 0.32;
/** Gaps all narrower than this (in font sizes) are a word's syllables. */
const MAX_SYLLABLE_GAP = 0.15;

/**
 * The words of a line (left to right) that follow their left neighbour with no space between them.
 * Tesseract reads every Chinese or Japanese character, and every Hangul syllable of many Korean
 * words, as a word of its own; the text has no spaces there. Between Chinese or Japanese characters
 * there is none. Between Hangul syllables, the line's gaps are of two widths (between the syllables
 * of a word, and word spaces, widened alike across a justified line): the narrower are no space.
 * `sizePx` is the line's font size in pixels.
 */
export function unspacedWords(words: readonly OcrWord[], sizePx: number): Set<OcrWord> {
  const out = new Set<OcrWord>();
  const hangul: { word: OcrWord; gap: number }[] = [];
  for (let i = 1; i < words.length; i++) {
    const before = words[i - 1].text.slice(-1);
    const after = words[i].text.charAt(0);
    if (UNSPACED.test(before) && UNSPACED.test(after)) out.add(words[i]);
    else if (HANGUL.test(before) && HANGUL.test(after)) {
      hangul.push({ word: words[i], gap: Math.max(0, words[i].box[0] - words[i - 1].box[2]) });
    }
  }
  const limit = syllableGapLimit(
    hangul.map((h) => h.gap),
    sizePx,
  );
  for (const { word, gap } of hangul) if (gap <= limit) out.add(word);
  return out;
}

/**
 * The widest gap between the syllables of one word, or -1 when every gap is a word space. The gaps
 * are parted where their two widths differ most (Otsu's split); the split holds when the wider are
 * `SPACE_TO_SYLLABLE_GAP` times the narrower and the narrower are narrower than a word space.
 */
function syllableGapLimit(gaps: number[], sizePx: number): number {
  if (!gaps.length) return -1;
  const sorted = [...gaps].sort((a, b) => a - b);
  const widest = sorted[sorted.length - 1];
  if (widest < MAX_SYLLABLE_GAP * sizePx) return widest;
  const total = sorted.reduce((n, g) => n + g, 0);
  let best = { score: -1, narrow: 0, wide: 0, at: 0 };
  let below = 0;
  for (let i = 1; i < sorted.length; i++) {
    below += sorted[i - 1];
    const narrow = below / i;
    const wide = (total - below) / (sorted.length - i);
    const score = i * (sorted.length - i) * (wide - narrow) ** 2;
    if (score > best.score) best = { score, narrow, wide, at: i };
  }
  if (!best.at) return -1;
  const limit = sorted[best.at - 1];
  const apart =
    best.wide >= SPACE_TO_SYLLABLE_GAP * best.narrow && best.wide - best.narrow >= MAX_SYLLABLE_GAP * sizePx;
  return apart && limit < MIN_WORD_SPACE * sizePx ? limit : -1;
}
