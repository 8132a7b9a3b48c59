import { placedRun } from './placed-run.js';
import { TextRun } from '../model.js';
import { PdfPage } from '../pdfjs.js';
import { Matrix, apply } from './matrix.js';

/** How a check box or radio button reads in the text: ballot boxes, checked or not. */
export const CHECKED = '☒';
export const UNCHECKED = '☐';

/** Annotation flags that keep an annotation off the page (PDF 32000 12.5.3: Hidden, NoView). */
const HIDDEN_FLAG = 1 << 1;
const NO_VIEW_FLAG = 1 << 5;

/** What pdf.js's `getAnnotations()` reports, the fields read here. */
export interface AnnotationData {
  subtype?: string;
  annotationFlags?: number;
  hidden?: boolean;
  rect?: number[];
  fieldType?: string;
  fieldValue?: string | string[] | null;
  exportValue?: string;
  buttonValue?: string;
  checkBox?: boolean;
  radioButton?: boolean;
  pushButton?: boolean;
  options?: { exportValue?: string; displayValue?: string | string[] }[];
  contentsObj?: { str?: string };
  defaultAppearanceData?: { fontSize?: number };
  textContent?: string[];
}

const fetched = new WeakMap<PdfPage, Promise<AnnotationData[] | null>>();

/**
 * The page's annotations as pdf.js reports them for display, or null where they cannot be read. pdf.js
 * asks its worker anew on every call: the text stage and OCR's page image share one answer.
 */
export function pageAnnotations(page: PdfPage): Promise<AnnotationData[] | null> {
  let annotations = fetched.get(page);
  if (!annotations) {
    annotations = (page.getAnnotations({ intent: 'display' }) as Promise<AnnotationData[]>).catch(() => null);
    fetched.set(page, annotations);
  }
  return annotations;
}

/**
 * The visible text of a page's form fields and free-text annotations (and stamps that carry text), as
 * text runs at their place on the page, so that a field's value reads on the line of its label. Fields
 * kept off the page (hidden, no-view) and empty values give nothing.
 */
export async function annotationRuns(page: PdfPage, toPage: Matrix, text: TextRun[]): Promise<TextRun[]> {
  const annotations = await pageAnnotations(page);
  if (!annotations) return [];
  const body = commonSize(text);
  return annotations.flatMap((a) => {
    const button = a.fieldType === 'Btn';
    return runsOf(a, toPage).map((run) => besideLabel(run, text, button, body));
  });
}

/** How far from its label (in the label's font sizes) a field's value still reads as part of its line. */
const LABEL_REACH = 12;

/**
 * A value set in the style of the text beside it and moved up to its label, so that the line reads
 * "Name: Jane Doe" whatever the width of the gap the form leaves for it: a button's label is the text
 * just right of it, another field's the text just left. A value with no label on its line keeps its
 * place and takes the page's common text size (auto-sized fields give no size of their own).
 */
function besideLabel(run: TextRun, text: TextRun[], button: boolean, body: number | null): TextRun {
  const onLine = text.filter(
    (t) =>
      Math.abs(t.base - run.base) < 0.6 * Math.max(t.size, run.size) || (t.y0 < run.base && run.base < t.y1),
  );
  const near = (gap: number, t: TextRun) => gap >= -1 && gap < LABEL_REACH * t.size;
  const right = button
    ? onLine.filter((t) => near(t.x0 - run.x1, t)).sort((a, b) => a.x0 - b.x0)[0]
    : undefined;
  const left = right
    ? undefined
    : onLine.filter((t) => near(run.x0 - t.x1, t)).sort((a, b) => b.x1 - a.x1)[0];
  const label = right ?? left;
  const size = label?.size ?? body ?? run.size;
  const width = 0.5 * size * run.text.length;
  const base = label?.base ?? run.base;
  const x0 = right ? right.x0 - 0.3 * size - width : left ? left.x1 + 0.3 * size : run.x0;
  return { ...run, size, base, x0, x1: x0 + width, y0: base - 0.22 * size, y1: base + 0.78 * size };
}

/** The size carrying most characters of the page's text, or null on a page with none. */
function commonSize(runs: TextRun[]): number | null {
  const weights = new Map<number, number>();
  for (const r of runs) weights.set(r.size, (weights.get(r.size) ?? 0) + r.text.length);
  return [...weights.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** The runs one annotation shows (its rect in user space, mapped by `toPage`). */
export function runsOf(a: AnnotationData, toPage: Matrix): TextRun[] {
  if (!a.rect || a.rect.length !== 4) return [];
  if (a.hidden || ((a.annotationFlags ?? 0) & (HIDDEN_FLAG | NO_VIEW_FLAG)) !== 0) return [];
  const text = shownText(a);
  if (!text) return [];
  const [p, q] = [apply(toPage, a.rect[0], a.rect[1]), apply(toPage, a.rect[2], a.rect[3])];
  const box = [Math.min(p[0], q[0]), Math.min(p[1], q[1]), Math.max(p[0], q[0]), Math.max(p[1], q[1])];
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim());
  const height = box[3] - box[1];
  const given = a.defaultAppearanceData?.fontSize;
  const size = given && given > 0 ? given : Math.max(4, Math.min(12, (0.7 * height) / lines.length));
  const leading = size * 1.15;
  // One line is centred in its box as viewers set it; several run down from the top.
  const first = lines.length === 1 ? box[1] + (height - size) / 2 + 0.22 * size : box[3] - 2 - 0.78 * size;
  return lines.map((line, i) => {
    const base = first - i * leading;
    const x0 = box[0] + (a.checkBox || a.radioButton ? 0 : 2);
    const text = line.trim();
    return placedRun(text, x0, Math.min(box[2], x0 + 0.5 * size * text.length), base, size, {
      annotation: true,
    });
  });
}

/** The value a viewer shows for the annotation, or '' when it shows none. */
function shownText(a: AnnotationData): string {
  if (a.subtype === 'Widget') {
    if (a.fieldType === 'Tx') return typeof a.fieldValue === 'string' ? a.fieldValue : '';
    if (a.fieldType === 'Btn') {
      if (a.pushButton || (!a.checkBox && !a.radioButton)) return '';
      const on = a.radioButton ? a.buttonValue : a.exportValue;
      const value = Array.isArray(a.fieldValue) ? a.fieldValue[0] : a.fieldValue;
      return value && value !== 'Off' && (on === undefined || value === on) ? CHECKED : UNCHECKED;
    }
    if (a.fieldType === 'Ch') {
      const chosen = (Array.isArray(a.fieldValue) ? a.fieldValue : [a.fieldValue]).filter(
        (v): v is string => typeof v === 'string' && v !== '',
      );
      return chosen.map((v) => displayOf(v, a.options ?? [])).join(', ');
    }
    return '';
  }
  if (a.subtype === 'FreeText' || a.subtype === 'Stamp') return a.contentsObj?.str?.trim() ?? '';
  return '';
}

function displayOf(value: string, options: NonNullable<AnnotationData['options']>): string {
  const option = options.find((o) => o.exportValue === value);
  const shown = option?.displayValue;
  return (Array.isArray(shown) ? shown[0] : shown) || value;
}
