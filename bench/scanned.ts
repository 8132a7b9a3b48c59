/**
 * Writes an image-only copy of a corpus: every page of every `<name>.pdf` that has an answer is
 * rasterised (pdftoppm, grey), optionally turned by a small seeded angle as a scanner would, and
 * wrapped back into a PDF with no text layer (img2pdf). The answers (`<name>.md`, `<name>.json`)
 * are copied beside, so `bench/quality.js OUT_DIR` scores the OCR path against the same answers.
 *
 *   node dist/bench/scanned.js IN_DIR OUT_DIR [--dpi 150] [--rotate 0.5] [--seed 1]
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { listDocuments } from './corpus.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dpi: { type: 'string', default: '150' },
    rotate: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
  },
});
const [inDir, outDir] = positionals;
if (!inDir || !outDir) {
  console.error('usage: node dist/bench/scanned.js IN_DIR OUT_DIR [--dpi 150] [--rotate DEGREES] [--seed N]');
  process.exit(2);
}
const dpi = Number(values.dpi);
const maxAngle = Number(values.rotate);

/** mulberry32: the same angles for the same seed, run after run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(Number(values.seed));

/** Turns a page image by `angle` degrees about its centre, keeping its size (white fills the corners). */
async function rotateInPlace(file: string, angle: number): Promise<void> {
  const { width, height } = await sharp(file).metadata();
  const turned = await sharp(file).rotate(angle, { background: '#ffffff' }).toBuffer();
  const meta = await sharp(turned).metadata();
  const left = Math.floor((meta.width - width) / 2);
  const top = Math.floor((meta.height - height) / 2);
  await sharp(turned)
    .extract({ left, top, width, height })
    .withMetadata({ density: dpi })
    .png()
    .toFile(`${file}.turned.png`);
  rmSync(file);
  copyFileSync(`${file}.turned.png`, file);
  rmSync(`${file}.turned.png`);
}

mkdirSync(outDir, { recursive: true });
for (const doc of await listDocuments(inDir)) {
  const work = mkdtempSync(join(tmpdir(), 'scanned-'));
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', doc.pdfPath, join(work, 'page')]);
    const pages = readdirSync(work)
      .filter((f) => f.endsWith('.png'))
      .sort()
      .map((f) => join(work, f));
    const angles: number[] = [];
    for (const page of pages) {
      const angle = maxAngle ? (random() * 2 - 1) * maxAngle : 0;
      if (angle) await rotateInPlace(page, angle);
      angles.push(angle);
    }
    execFileSync('img2pdf', [...pages, '-o', join(outDir, `${doc.name}.pdf`)]);
    for (const ext of ['.md', '.json']) {
      const answer = join(inDir, `${doc.name}${ext}`);
      if (existsSync(answer)) copyFileSync(answer, join(outDir, `${doc.name}${ext}`));
    }
    const turned = maxAngle ? ` turned ${angles.map((a) => a.toFixed(2)).join(', ')} deg` : '';
    console.log(`${doc.name}: ${pages.length} pages at ${dpi} dpi${turned}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
