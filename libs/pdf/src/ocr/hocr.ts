import { IDEOGRAPHIC, LETTER } from './scripts.js';

/** A recognised word, in image pixels (origin top-left). */
export interface OcrWord {
  text: string;
  /** [left, top, right, bottom]. */
  box: [number, number, number, number];
  /** 0-100. */
  confidence: number;
}

/** A recognised line: its words, baseline and Tesseract's estimate of its text height. */
export interface OcrLine {
  box: [number, number, number, number];
  /** The baseline's y at the line's left edge, and its slope. */
  baseline: { y: number; slope: number };
  /**
   * Ascender top to descender bottom, in pixels: the text height (Tesseract's, or on a line of Han
   * characters or Hangul its characters' height).
   */
  xSize: number;
  /**
   * The font size at the image's resolution, from the ascenders' height above the baseline (or the
   * characters' height on a line of Han characters or Hangul).
   */
  fontSize: number;
  /**
   * The height of its lowercase letters without ascenders ("x", "o"), in pixels: Tesseract's text
   * height less its ascenders and descenders. Unset where Tesseract gives none that fits (a line of
   * Han characters or Hangul, a line of capitals or digits only).
   */
  xHeight?: number;
  /** Set in heavier strokes than the page's body text (read from the pixels, not by Tesseract). */
  bold?: boolean;
  /** Set in letters that lean (read from the pixels). */
  italic?: boolean;
  words: OcrWord[];
  /**
   * Where words were read too doubtfully to keep (another script's word, a smudge): the words on
   * either side are still one phrase across them.
   */
  unread?: [number, number, number, number][];
}

/** The line's baseline y (image pixels) at `x`. */
export function baselineAt(line: OcrLine, x: number): number {
  return line.baseline.y + line.baseline.slope * (x - line.box[0]);
}

/** The words' mean confidence, each word alike; 100 for no words (nothing read in doubt). */
export function averageConfidence(words: OcrWord[]): number {
  return words.length ? words.reduce((n, w) => n + w.confidence, 0) / words.length : 100;
}

/** Ascender height over font size in common text faces (Times 0.68, Helvetica 0.72, DejaVu 0.76). */
const ASCENDER_SHARE = 0.72;

/**
 * The left-to-right and right-to-left marks Tesseract ends a word read in another direction than its
 * line with: the words' order already says it.
 */
const DIRECTION_MARKS = /[\u200e\u200f]/g;

/** The page parts Tesseract lays words on; pictures (`ocr_photo`) and rules are not lines. */
const LINE = /<span class='ocr_(?:line|textfloat|header|caption|textline)'[^>]*title="([^"]*)"[^>]*>/g;
const WORD = /<span class='ocrx_word'[^>]*title='([^']*)'[^>]*>(.*?)<\/span>/g;

/**
 * Lines and words of Tesseract's hOCR (both engines write the same). hOCR rather than TSV: it carries
 * each line's baseline and text height, which the layout stages need to set words on lines and size
 * headings; a word box alone says only whether that word has ascenders or descenders.
 */
export function parseHocr(hocr: string): OcrLine[] {
  const starts = [...hocr.matchAll(LINE)];
  const lines: OcrLine[] = [];
  for (const [i, match] of starts.entries()) {
    const end = starts[i + 1]?.index ?? hocr.length;
    const body = hocr.slice(match.index + match[0].length, end);
    const props = titleProps(match[1]);
    const box = numbers(props.get('bbox'), 4) as OcrLine['box'] | null;
    if (!box) continue;
    const [slope = 0, offset = 0] = numbers(props.get('baseline'), 2) ?? [];
    const words: OcrWord[] = [];
    for (const w of body.matchAll(WORD)) {
      const wordProps = titleProps(w[1]);
      const wordBox = numbers(wordProps.get('bbox'), 4) as OcrWord['box'] | null;
      const text = decodeEntities(w[2].replace(/<[^>]*>/g, ''))
        .replace(DIRECTION_MARKS, '')
        .trim();
      if (!wordBox || !text) continue;
      words.push({ text, box: wordBox, confidence: Number(wordProps.get('x_wconf') ?? 0) });
    }
    if (!words.length) continue;
    const baseline = { y: box[3] + offset, slope };
    const ideographs = ideographicHeight(words);
    if (ideographs !== null) {
      lines.push({ box, baseline, xSize: ideographs, fontSize: ideographs / IDEOGRAPH_HEIGHT_SHARE, words });
      continue;
    }
    const xSize = Number(props.get('x_size') ?? box[3] - box[1]);
    const descenders = Number(props.get('x_descenders'));
    const fontSize = ascenderSize(xSize, descenders);
    const xHeight = xSize - descenders - Number(props.get('x_ascenders'));
    const fits = xHeight >= MIN_X_HEIGHT_SHARE * xSize && xHeight <= MAX_X_HEIGHT_SHARE * xSize;
    lines.push({ box, baseline, xSize, fontSize, ...(fits && { xHeight }), words });
  }
  return lines;
}

/**
 * The font size from Tesseract's text height: its ascender height plus its descender depth, guessed
 * on a line without descenders. The ascender height alone sizes lines alike whatever letters they hold.
 */
function ascenderSize(xSize: number, descenders: number): number {
  const ascenders = descenders >= 0 && descenders < xSize ? xSize - descenders : xSize * ASCENDER_SHARE;
  return ascenders / ASCENDER_SHARE;
}

/**
 * The x-height of text faces over their ascender-to-descender height: 0.4-0.55 (Times 0.42, Helvetica
 * 0.5, DejaVu 0.52); outside a wider band Tesseract's split of the line's height is a guess.
 */
const MIN_X_HEIGHT_SHARE = 0.3;
const MAX_X_HEIGHT_SHARE = 0.7;

/** The height of an ideographic word's box over its font size (Korean body text 0.96, titles 0.9). */
const IDEOGRAPH_HEIGHT_SHARE = 0.92;
/** A line is sized so when this share of its letters are in ideographic words. */
const IDEOGRAPHIC_LINE_SHARE = 0.5;

/**
 * The text height of a line written mostly in ideographic scripts: its words' box height (their
 * median). Such scripts have no ascenders or descenders, and Tesseract's text height for them, split
 * as for Latin letters, swings by half between lines of one paragraph. Null for other lines.
 */
function ideographicHeight(words: OcrWord[]): number | null {
  const lettersOf = (w: OcrWord) => w.text.match(LETTER) ?? [];
  const ideographic = words.filter((w) => {
    const letters = lettersOf(w);
    return letters.length > 0 && letters.every((c) => IDEOGRAPHIC.test(c));
  });
  const count = (ws: OcrWord[]) => ws.reduce((n, w) => n + lettersOf(w).length, 0);
  if (!ideographic.length || count(ideographic) < IDEOGRAPHIC_LINE_SHARE * count(words)) return null;
  const heights = ideographic.map((w) => w.box[3] - w.box[1]).sort((a, b) => a - b);
  return heights[heights.length >> 1];
}

function titleProps(title: string): Map<string, string> {
  const props = new Map<string, string>();
  for (const part of title.split(';')) {
    const [key, ...rest] = part.trim().split(/\s+/);
    if (key) props.set(key, rest.join(' '));
  }
  return props;
}

function numbers(value: string | undefined, count: number): number[] | null {
  const parts = value?.split(/\s+/).map(Number) ?? [];
  return parts.length >= count && parts.slice(0, count).every(Number.isFinite) ? parts.slice(0, count) : null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}
