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

export interface DoclingDocument {
  pages?: Record<string, { size?: { width: number; height: number } }>;
  pictures?: { prov?: { page_no: number; bbox: DoclingBox }[] }[];
}

/**
 * Pictures of a DoclingDocument as bottom-left boxes, or null when the document has no page
 * geometry (Docling's exports converted from source files, e.g. `.odt`) and so cannot be checked.
 */
export function expectedPictures(doc: DoclingDocument): PlacedBox[] | null {
  if (!doc.pages || Object.keys(doc.pages).length === 0) return null;
  return (doc.pictures ?? []).flatMap((picture) => {
    const prov = picture.prov?.[0];
    if (!prov) return [];
    const { l, t, r, b, coord_origin } = prov.bbox;
    const height = doc.pages?.[String(prov.page_no)]?.size?.height ?? 0;
    const box: Box =
      coord_origin === 'TOPLEFT'
        ? [Math.min(l, r), height - Math.max(t, b), Math.max(l, r), height - Math.min(t, b)]
        : [Math.min(l, r), Math.min(t, b), Math.max(l, r), Math.max(t, b)];
    return [{ page: prov.page_no, box }];
  });
}
