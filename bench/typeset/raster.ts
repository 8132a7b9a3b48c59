import sharp from 'sharp';
import { Random } from './random.js';

const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#17becf', '#bcbd22'];

/** A photo-like PNG without text (gradient, shapes), so the answer's `<!-- image -->` is all it holds. */
export async function rasterPng(seed: number): Promise<Buffer> {
  const random = new Random(seed);
  const width = 640;
  const height = random.pick([360, 400, 480]);
  const shapes: string[] = [];
  for (let i = 0; i < random.int(4, 12); i++) {
    const fill = random.pick(PALETTE);
    const x = random.int(0, width);
    const y = random.int(0, height);
    shapes.push(
      random.chance(0.5)
        ? `<circle cx="${x}" cy="${y}" r="${random.int(15, 90)}" fill="${fill}" fill-opacity="0.7"/>`
        : `<rect x="${x}" y="${y}" width="${random.int(30, 200)}" height="${random.int(20, 140)}" fill="${fill}" fill-opacity="0.7"/>`,
    );
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">` +
    `<stop offset="0" stop-color="${random.pick(PALETTE)}" stop-opacity="0.35"/>` +
    `<stop offset="1" stop-color="#ffffff"/></linearGradient></defs>` +
    `<rect width="100%" height="100%" fill="url(#g)"/>${shapes.join('')}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
