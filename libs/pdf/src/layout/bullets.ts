import { PagePath, TextRun } from '../model.js';

/** A drawn bullet is at most this share of the text size across, and at least this many points. */
const BULLET_MAX_EM = 0.6;
const BULLET_MIN_PT = 1.2;

/**
 * List bullets that are drawn rather than set (browsers paint a disc, circle or square per item):
 * small round or square shapes right before the start of a line, at its x-height. Each becomes a run
 * of the bullet character it looks like, on the line's baseline, so that list detection reads it
 * like a typed bullet.
 */
export function drawnBullets(paths: PagePath[], runs: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  // Runs by baseline, so that each shape looks only at the lines around it (plots have thousands).
  const byBase = [...runs].sort((a, b) => a.base - b.base);
  const maxSize = Math.max(0, ...runs.map((r) => r.size));
  const near = (lo: number, hi: number) => {
    let from = 0;
    let to = byBase.length;
    while (from < to) {
      const mid = (from + to) >> 1;
      if (byBase[mid].base < lo) from = mid + 1;
      else to = mid;
    }
    const found: TextRun[] = [];
    for (let i = from; i < byBase.length && byBase[i].base <= hi; i++) found.push(byBase[i]);
    return found;
  };
  for (const path of paths) {
    if (!path.filled && !path.stroked) continue;
    const [x0, y0, x1, y1] = path.bbox;
    const w = x1 - x0;
    const h = y1 - y0;
    if (w < BULLET_MIN_PT || h < BULLET_MIN_PT || w > 1.4 * h || h > 1.4 * w) continue;
    const cy = (y0 + y1) / 2;
    const around = near(cy - maxSize, cy + maxSize);
    const next = around.find(
      (r) =>
        w <= BULLET_MAX_EM * r.size &&
        r.x0 - x1 > 0.2 * r.size &&
        r.x0 - x1 < 2.5 * r.size &&
        cy > r.base + 0.05 * r.size &&
        cy < r.base + 0.6 * r.size,
    );
    if (!next) continue;
    // The line must start at the text after the shape: nothing set between them or just before.
    const crowded = around.some(
      (r) =>
        r !== next &&
        Math.abs(r.base - next.base) < 0.3 * next.size &&
        r.x1 > x0 - next.size &&
        r.x0 < next.x0,
    );
    if (crowded || out.some((b) => Math.abs(b.x0 - x0) < 1 && Math.abs(b.base - next.base) < 1)) continue;
    const text = path.filled ? (path.straight ? '▪' : '•') : '◦';
    out.push({ ...next, text, x0, x1, y0: next.y0, y1: next.y1, bold: false, italic: false, mono: false });
  }
  return out;
}
