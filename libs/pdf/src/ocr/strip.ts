import { ImageToRead } from './engines.js';
import { OcrLine } from './hocr.js';

/** A pixel box, [left, top, right, bottom). */
export type PixelBox = [number, number, number, number];

/** Where one piece stands in a strip: its first row and its height (white margin included). */
export interface Slot {
  top: number;
  height: number;
}

/** The pixels of `box` (clamped to the image). */
export function cut(image: ImageToRead, [x0, y0, x1, y1]: PixelBox): ImageToRead {
  const [left, top] = [Math.max(0, x0), Math.max(0, y0)];
  const width = Math.max(0, Math.min(image.width, x1) - left);
  const height = Math.max(0, Math.min(image.height, y1) - top);
  const gray = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const from = (top + y) * image.width + left;
    gray.set(image.gray.subarray(from, from + width), y * width);
  }
  return { gray, width, height, dpi: image.dpi };
}

/** The image turned a quarter: `clockwise` brings its left edge to the top. */
export function quarterTurn(image: ImageToRead, clockwise: boolean): ImageToRead {
  const { width, height } = image;
  const gray = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Turned, the image is `height` wide: pixel (x, y) goes to (height-1-y, x) or (y, width-1-x).
      const to = clockwise ? x * height + (height - 1 - y) : (width - 1 - x) * height + y;
      gray[to] = image.gray[y * width + x];
    }
  }
  return { gray, width: height, height: width, dpi: image.dpi };
}

/**
 * The pieces one under another on white, each with `pad(piece)` pixels of white around it, as one
 * image for one recognition: Tesseract reads a strip of many small pieces far sooner than each alone.
 */
export function stack(
  pieces: ImageToRead[],
  pad: (piece: ImageToRead) => number,
): { image: ImageToRead; slots: Slot[] } {
  const pads = pieces.map((p) => Math.round(pad(p)));
  const width = Math.max(...pieces.map((p, i) => p.width + 2 * pads[i]));
  const height = pieces.reduce((n, p, i) => n + p.height + 2 * pads[i], 0);
  const gray = new Uint8Array(width * height).fill(255);
  const slots: Slot[] = [];
  let top = 0;
  for (const [i, piece] of pieces.entries()) {
    for (let y = 0; y < piece.height; y++) {
      const row = piece.gray.subarray(y * piece.width, (y + 1) * piece.width);
      gray.set(row, (top + pads[i] + y) * width + pads[i]);
    }
    const slotHeight = piece.height + 2 * pads[i];
    slots.push({ top, height: slotHeight });
    top += slotHeight;
  }
  return { image: { gray, width, height, dpi: pieces[0]?.dpi ?? 300 }, slots };
}

/** The lines read in a slot of a strip: those whose middle lies in its rows. */
export function linesInSlot(lines: OcrLine[], slot: Slot): OcrLine[] {
  return lines.filter((l) => {
    const middle = (l.box[1] + l.box[3]) / 2;
    return middle >= slot.top && middle < slot.top + slot.height;
  });
}
