import { BBox } from '../types.js';
import { boxContains, overlapsMostly } from '../geometry.js';
import { PageContent, TextRun } from '../model.js';
import { PdfDocument, PdfPage } from '../pdfjs.js';
import { clearDarkFills } from './dark-fills.js';
import { ImageToRead, Recogniser } from './engines.js';
import { OcrLine, parseHocr } from './hocr.js';
import { OcrEngineName, OcrOptions, OcrPage } from './options.js';
import { withRecogniser } from './recognisers.js';
import { readBullets } from './bullets.js';
import { addUnreadBullets } from './unread-bullets.js';
import { readListNumbers } from './list-numbers.js';
import { readLeaders } from './leaders.js';
import { PageImageForOcr, renderForOcr } from './render.js';
import { borrowedLanguage, scriptGroups } from './scripts.js';
import { rereadMixedLines } from './mixed-scripts.js';
import { noiseWords } from './word-confidence.js';
import { readTurnedText, withoutTurned } from './turned-text.js';
import { readCheckboxes } from './checkboxes.js';
import { captionedFrames } from './captioned-frames.js';
import { picturesOnScan } from './pictures.js';
import { plottedOnScan } from './plots.js';
import { settleTints, tintEdges } from './tint-edges.js';
import { rulesFromPixels } from './rules.js';
import { MIN_USABLE_CHARS, fewUsableChars, mostlyUndecodable, textQuality } from './text-quality.js';
import { meanConfidence, ocrRuns, ocrWords } from './to-runs.js';
import { markBold } from './weight.js';
import { markItalic } from './slant.js';

/** An image holding at least this many recognised characters was a scan of text, not a picture. */
const SCANNED_TEXT_CHARS = 20;
/** A frame's own rules lie this close (points) to its edges. */
const FRAME_MARGIN_PT = 3;

/**
 * How a page is recognised: `replace` its text layer (forced, or mostly undecodable), `fill` where
 * it has none (a scan, perhaps under a page stamp), or not at all.
 */
export type OcrPlan = 'replace' | 'fill' | null;

/**
 * Pages are recognised only when their text layer gives no readable text. A page that has real
 * text keeps it, and its images stay pictures: on such pages raster images are figures (charts,
 * photos, scanned signatures) whose words are labels, not body text, and recognising them would put
 * label soup in the Markdown and take the figure away. Pages without text or images (blank, or
 * vector art only) cost nothing.
 */
export function planOcr(content: PageContent, mode: OcrOptions['mode']): OcrPlan {
  if (mode === 'off') return null;
  if (mode === 'force') return 'replace';
  const quality = textQuality(content.runs);
  if (mostlyUndecodable(quality)) return 'replace';
  return fewUsableChars(quality) && content.images.length ? 'fill' : null;
}

export interface RecognisedPage {
  content: PageContent;
  ocr: OcrPage;
}

/**
 * The OCR stage: renders a page that needs it, recognises it, and gives back its content with the
 * recognised words as text runs (the same type extract gives) and without the images that were
 * scans of that text. Null when the page is left as extracted (not needed, or nothing recognised).
 */
export async function recognisePage(
  doc: PdfDocument,
  page: PdfPage,
  content: PageContent,
  options: OcrOptions,
  { maxImagePixels, beforeOcr }: { maxImagePixels?: number; beforeOcr?: () => unknown } = {},
): Promise<RecognisedPage | null> {
  const plan = planOcr(content, options.mode);
  if (!plan) return null;
  await beforeOcr?.();
  const image = await renderForOcr(doc, page, { content, maxImagePixels });
  // Tesseract reads the page with its dark fills cleared; rules and leaders are read from the page
  // as rendered.
  const cleared = clearDarkFills(image, image.scale);
  const toRead = { ...image, gray: cleared ?? image.gray };
  const read = await withRecogniser(options, (r) => readInScripts(r, toRead, image, options));
  const lines = readCheckboxes(markItalic(markBold(read.lines, image), image), image);
  // The scan's table grids and underlines, for the ruled-table stage as on born-digital pages; found
  // around each word, as a rule between two words of a phrase still parts them.
  const words = ocrWords(lines, image.scale, content.height);
  const rules = rulesFromPixels(image.gray, image.width, image.height, image.scale, content.height, words);
  const turned = await withRecogniser(options, (r) =>
    readTurnedText(r, image, toRead, lines, rules, read.languages, content.height),
  );
  const recognised = ocrRuns(withoutTurned(lines, turned.boxes), image.scale, content.height, rules);
  // A few marks read in a picture (edges, texture) are not text: the page keeps its pictures.
  const chars = recognised.reduce((n, r) => n + r.text.length, 0);
  if (!recognised.length || (plan === 'fill' && chars < MIN_USABLE_CHARS)) return null;
  const runs = plan === 'replace' ? recognised : fill(content.runs, recognised);
  const plotted = plottedOnScan(image, image.scale, content.height, rules, recognised);
  const { pictures, edges } = settleTints(
    tintEdges(image, image.scale, content.height),
    picturesOnScan(image, image.scale, content.height, lines),
    recognised,
  );
  // A captioned frame is a picture whatever it holds: its rules draw the picture, not a table, and a
  // picture found where it stands is the same picture.
  const framed = captionedFrames(rules, lines, image.scale, content.height);
  const drawn = [...rules, ...edges, ...plotted].filter(
    (p) => !framed.some((f) => boxContains(f, p.bbox, FRAME_MARGIN_PT)),
  );
  return {
    content: {
      ...content,
      runs,
      verticalRuns: [...(plan === 'replace' ? [] : (content.verticalRuns ?? [])), ...turned.runs],
      images: [
        ...content.images.filter((im) => !holdsText(im.bbox, recognised)),
        // Rendered from the page where they show, as a drawing is: the scan is one image.
        ...pictures
          .filter((bbox) => !framed.some((f) => overlapsMostly(bbox, f)))
          .map((bbox) => ({ bbox, objId: null })),
        ...framed.map((bbox) => ({ bbox, objId: null, captioned: true })),
      ],
      paths: [...content.paths, ...drawn],
    },
    ocr: { page: content.page, engine: read.engine, confidence: meanConfidence(lines) },
  };
}

/**
 * Below this mean word confidence a script's models may not have read the page: the native engine
 * reading the docling corpus's Korean and Arabic scans with English scores 25-35, tesseract.js with
 * Debian's English data a Hebrew page 62, while Latin pages read in English score 84-97 (dark slides
 * 62). Below it the other scripts are tried too, and the most confident reading is kept.
 */
const SCRIPT_READ_CONFIDENCE = 75;

/**
 * Reads the page with the first script's languages and, only when they read it poorly, with each
 * other configured script's in turn: the most confident reading wins. Pages in the first script
 * (nearly all, where one script is configured) are read once. The recogniser reads `toRead` (the
 * page with its dark fills cleared); leaders and bullets are found on `image`, the page as rendered.
 * A page read in another script than Latin has the lines where it holds doubtful words read again
 * with the configured Latin language too, for the words such text borrows.
 */
async function readInScripts(
  recogniser: Recogniser,
  toRead: ImageToRead,
  image: PageImageForOcr,
  options: OcrOptions,
): Promise<{ engine: OcrEngineName; lines: OcrLine[]; languages: string[] }> {
  const configured = options.languages ?? ['eng'];
  let best: { read: OcrLine[]; lines: OcrLine[]; languages: string[]; confidence: number } | undefined;
  for (const languages of scriptGroups(configured)) {
    const read = parseHocr(await recogniser.recognise(toRead, languages));
    const lines = afterReading(read, image);
    const confidence = meanConfidence(lines);
    if (!best || confidence > best.confidence) best = { read, lines, languages, confidence };
    if (best.confidence >= SCRIPT_READ_CONFIDENCE) break;
  }
  if (!best) return { engine: recogniser.engine, lines: [], languages: [] };
  const borrowed = borrowedLanguage(configured);
  if (borrowed && !best.languages.includes(borrowed)) {
    const read = await rereadMixedLines(recogniser, toRead, best.read, best.languages, [borrowed]);
    if (read !== best.read) {
      return { engine: recogniser.engine, lines: afterReading(read, image), languages: best.languages };
    }
  }
  return { engine: recogniser.engine, lines: best.lines, languages: best.languages };
}

/**
 * What Tesseract's reading of a page leaves to the pixels (leaders, bullets, list numbers), with the
 * words that are noise set aside as unread.
 */
function afterReading(read: OcrLine[], image: PageImageForOcr): OcrLine[] {
  const lines = readListNumbers(readBullets(addUnreadBullets(readLeaders(read, image), image), image), image);
  const noise = noiseWords(lines);
  return lines
    .map((line) => ({
      ...line,
      words: line.words.filter((w) => !noise(w)),
      unread: line.words.filter(noise).map((w) => w.box),
    }))
    .filter((line) => line.words.length);
}

/** The text layer's runs, plus the recognised words where the text layer has nothing. */
function fill(existing: TextRun[], recognised: TextRun[]): TextRun[] {
  const kept = existing.filter((r) => r.text.trim());
  const covered = (w: TextRun) => kept.some((r) => overlaps(r, w));
  return [...kept, ...recognised.filter((w) => !covered(w))];
}

function overlaps(a: TextRun, b: TextRun): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function holdsText(box: BBox, runs: TextRun[]): boolean {
  let chars = 0;
  for (const r of runs) {
    const cx = (r.x0 + r.x1) / 2;
    const cy = (r.y0 + r.y1) / 2;
    if (cx >= box[0] && cx <= box[2] && cy >= box[1] && cy <= box[3]) chars += r.text.length;
  }
  return chars >= SCANNED_TEXT_CHARS;
}
