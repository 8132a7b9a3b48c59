/** Box in PDF points, origin bottom-left: [x0, y0, x1, y1] (the engine's `BBox`). */
export type Box = [number, number, number, number];

export interface PlacedBox {
  page: number;
  box: Box;
}

/**
 * A found figure matches an expected picture when both are on the same page and their boxes have
 * IoU >= 0.5, the usual detection criterion: tolerant of a margin or a caption included on one
 * side, strict enough that a whole-page box does not count as finding a small picture.
 */
export const MIN_IOU = 0.5;

/**
 * Pictures smaller than this (points) on a side are icons, legend swatches and bullets: neither
 * expected nor counted as found, so marking them or not changes no score.
 */
export const MIN_PICTURE_SIDE_PT = 40;

export function isPictureSized([x0, y0, x1, y1]: Box): boolean {
  return x1 - x0 >= MIN_PICTURE_SIDE_PT && y1 - y0 >= MIN_PICTURE_SIDE_PT;
}

export interface FigureCounts {
  expected: number;
  found: number;
  matched: number;
}

/** Expected pictures, found figures and one-to-one matches, all of picture size. */
export function scoreFigures(expected: PlacedBox[], found: PlacedBox[]): FigureCounts {
  const sized = found.filter((f) => isPictureSized(f.box));
  return { expected: expected.length, found: sized.length, matched: countMatches(expected, sized) };
}

function area([x0, y0, x1, y1]: Box): number {
  return Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
}

export function iou(a: Box, b: Box): number {
  const inter = area([
    Math.max(a[0], b[0]),
    Math.max(a[1], b[1]),
    Math.min(a[2], b[2]),
    Math.min(a[3], b[3]),
  ]);
  const union = area(a) + area(b) - inter;
  return union > 0 ? inter / union : 0;
}

/** Number of one-to-one matches, pairing the most overlapping boxes first. */
export function countMatches(expected: PlacedBox[], found: PlacedBox[]): number {
  const pairs: { e: number; f: number; overlap: number }[] = [];
  expected.forEach((e, ei) =>
    found.forEach((f, fi) => {
      const overlap = e.page === f.page ? iou(e.box, f.box) : 0;
      if (overlap >= MIN_IOU) pairs.push({ e: ei, f: fi, overlap });
    }),
  );
  pairs.sort((x, y) => y.overlap - x.overlap);
  const usedExpected = new Set<number>();
  const usedFound = new Set<number>();
  for (const { e, f } of pairs) {
    if (usedExpected.has(e) || usedFound.has(f)) continue;
    usedExpected.add(e);
    usedFound.add(f);
  }
  return usedExpected.size;
}

interface DoclingBox {
  l: number;
  t: number;
  r: number;
  b: number;
  coord_origin?: string;
}

export interface PageSize {
  width: number;
  height: number;
}

export interface DoclingDocument {
  pages?: Record<string, { size?: PageSize }>;
  pictures?: { prov?: { page_no: number; bbox: DoclingBox }[] }[];
}

/**
 * How many of the document's units make a point on a page: Docling gives page sizes and boxes in
 * points, or in the pixels of its page images (2 at 144 dpi). Read from the JSON's page size
 * against the PDF's; 1 when they disagree in shape (not the same page) or the PDF's is unknown.
 */
export function unitsPerPoint(json: PageSize | undefined, pdf: PageSize | undefined): number {
  if (!json || !pdf || pdf.width <= 0 || pdf.height <= 0) return 1;
  const sx = json.width / pdf.width;
  const sy = json.height / pdf.height;
  return Math.abs(sx - sy) <= 0.02 * sy ? sy : 1;
}

/**
 * Picture-sized pictures of a DoclingDocument as bottom-left boxes in points, or null when the
 * document has no page geometry (Docling's exports converted from source files, e.g. `.odt`) and so
 * cannot be checked. `pdfPages[n - 1]` is the size of page n of the PDF, in points.
 */
export function expectedPictures(doc: DoclingDocument, pdfPages: PageSize[] = []): PlacedBox[] | null {
  if (!doc.pages || Object.keys(doc.pages).length === 0) return null;
  return (doc.pictures ?? []).flatMap((picture) => {
    const prov = picture.prov?.[0];
    if (!prov) return [];
    const { l, t, r, b, coord_origin } = prov.bbox;
    const size = doc.pages?.[String(prov.page_no)]?.size;
    const height = size?.height ?? 0;
    const raw: Box =
      coord_origin === 'TOPLEFT'
        ? [Math.min(l, r), height - Math.max(t, b), Math.max(l, r), height - Math.min(t, b)]
        : [Math.min(l, r), Math.min(t, b), Math.max(l, r), Math.max(t, b)];
    const scale = unitsPerPoint(size, pdfPages[prov.page_no - 1]);
    const box = raw.map((v) => v / scale) as Box;
    return isPictureSized(box) ? [{ page: prov.page_no, box }] : [];
  });
}
