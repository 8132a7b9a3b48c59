import { BBox } from '../types.js';
import { PageImage, PagePath } from '../model.js';
import { IDENTITY, Matrix, apply, multiply } from './matrix.js';

/** The operator codes we follow; pdf.js' `OPS` table, passed in so this stage stays pure and testable. */
export type OpCodes = Record<string, number>;

export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

export interface Graphics {
  images: PageImage[];
  paths: PagePath[];
}

// pdf.js DrawOPS inside constructPath data.
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/**
 * Walks an operator list, tracking the transform stack, and reports every painted image and path subpath
 * with its box in page space (`toPage` maps user space there).
 */
export function collectGraphics(ops: OperatorList, OPS: OpCodes, toPage: Matrix = IDENTITY): Graphics {
  const images: PageImage[] = [];
  const paths: PagePath[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = toPage;
  let fillIsWhite = false;
  const stackWhite: boolean[] = [];
  const paint = new Map<number, { stroke: boolean; fill: boolean }>([
    [OPS.stroke, { stroke: true, fill: false }],
    [OPS.closeStroke, { stroke: true, fill: false }],
    [OPS.fill, { stroke: false, fill: true }],
    [OPS.eoFill, { stroke: false, fill: true }],
    [OPS.fillStroke, { stroke: true, fill: true }],
    [OPS.eoFillStroke, { stroke: true, fill: true }],
    [OPS.closeFillStroke, { stroke: true, fill: true }],
    [OPS.closeEOFillStroke, { stroke: true, fill: true }],
  ]);
  const imageBox = (): BBox => unitBox(ctm);

  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) {
      stack.push(ctm);
      stackWhite.push(fillIsWhite);
    } else if (fn === OPS.restore) {
      ctm = stack.pop() ?? ctm;
      fillIsWhite = stackWhite.pop() ?? fillIsWhite;
    } else if (fn === OPS.transform && args) {
      ctm = multiply(args as Matrix, ctm);
    } else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push(ctm);
      stackWhite.push(fillIsWhite);
      const m = args[0] as Matrix | null;
      if (m) ctm = multiply(m, ctm);
    } else if (fn === OPS.paintFormXObjectEnd) {
      ctm = stack.pop() ?? ctm;
      fillIsWhite = stackWhite.pop() ?? fillIsWhite;
    } else if (fn === OPS.setFillRGBColor && args) {
      fillIsWhite = typeof args[0] === 'string' && args[0].toLowerCase() === '#ffffff';
    } else if (fn === OPS.setFillGray || fn === OPS.setFillCMYKColor || fn === OPS.setFillColorN) {
      fillIsWhite = false;
    } else if (fn === OPS.paintImageXObject && args) {
      images.push({
        bbox: imageBox(),
        objId: typeof args[0] === 'string' ? args[0] : null,
        upright: isUpright(ctm),
        op: i,
      });
    } else if (fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) {
      images.push({ bbox: imageBox(), objId: null, op: i });
    } else if (args && (fn === OPS.paintImageXObjectRepeat || fn === OPS.paintImageMaskXObjectRepeat)) {
      // The render list folds runs of one image at several places into one operator.
      const image = fn === OPS.paintImageXObjectRepeat;
      const [a, b, c, d] = image ? [args[1], 0, 0, args[2]] : [args[1], args[2], args[3], args[4]];
      const positions = (image ? args[3] : args[5]) as ArrayLike<number>;
      for (let k = 0; k + 1 < positions.length; k += 2) {
        const m = multiply([a, b, c, d, positions[k], positions[k + 1]] as Matrix, ctm);
        images.push({
          bbox: unitBox(m),
          objId: image && typeof args[0] === 'string' ? args[0] : null,
          upright: isUpright(m),
          op: i,
        });
      }
    } else if (args && (fn === OPS.paintImageMaskXObjectGroup || fn === OPS.paintInlineImageXObjectGroup)) {
      const placed = (fn === OPS.paintImageMaskXObjectGroup ? args[0] : args[1]) as { transform?: Matrix }[];
      for (const one of Array.isArray(placed) ? placed : []) {
        if (one?.transform) images.push({ bbox: unitBox(multiply(one.transform, ctm)), objId: null, op: i });
      }
    } else if (fn === OPS.constructPath && args) {
      const how = paint.get(args[0] as number);
      if (!how) continue;
      const data = (args[1] as unknown[] | undefined)?.[0];
      if (!data || typeof (data as ArrayLike<number>).length !== 'number') continue;
      // A white fill on a white page is invisible: it only matters as a table cell background, never as ink.
      if (how.fill && !how.stroke && fillIsWhite) continue;
      for (const sub of subpaths(data as ArrayLike<number>, ctm)) {
        paths.push({ bbox: sub.bbox, stroked: how.stroke, filled: how.fill, straight: sub.straight });
      }
    }
  }
  return { images, paths };
}

/** Where a matrix puts the unit square, where images are drawn. */
function unitBox(m: Matrix): BBox {
  return boxOf([apply(m, 0, 0), apply(m, 1, 0), apply(m, 0, 1), apply(m, 1, 1)]);
}

function isUpright(m: Matrix): boolean {
  return m[0] > 0 && m[3] > 0 && Math.abs(m[1]) < 1e-6 && Math.abs(m[2]) < 1e-6;
}

function subpaths(data: ArrayLike<number>, ctm: Matrix): { bbox: BBox; straight: boolean }[] {
  const out: { bbox: BBox; straight: boolean }[] = [];
  let points: [number, number][] = [];
  let straight = true;
  const flush = () => {
    if (points.length > 1) out.push({ bbox: boxOf(points), straight });
    points = [];
    straight = true;
  };
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    if (op === MOVE) {
      flush();
      points.push(apply(ctm, data[i], data[i + 1]));
      i += 2;
    } else if (op === LINE) {
      points.push(apply(ctm, data[i], data[i + 1]));
      i += 2;
    } else if (op === CURVE) {
      straight = false;
      for (let k = 0; k < 6; k += 2) points.push(apply(ctm, data[i + k], data[i + k + 1]));
      i += 6;
    } else if (op === QUAD) {
      straight = false;
      for (let k = 0; k < 4; k += 2) points.push(apply(ctm, data[i + k], data[i + k + 1]));
      i += 4;
    } else if (op === CLOSE) {
      continue;
    } else {
      break; // unknown code: the rest cannot be parsed safely
    }
  }
  flush();
  return out;
}

function boxOf(points: [number, number][]): BBox {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return [x0, y0, x1, y1];
}
