import { OpCodes, OperatorList } from './graphics.js';
import { IDENTITY, Matrix, multiply } from './matrix.js';

/** For each text-showing operator, the band of page height its glyphs can reach: [bottom, top]. */
export type TextBands = Map<number, [number, number]>;

/**
 * Follows the text state through an operator list to place every horizontal text-showing operator
 * on its baseline. A figure render skips the text far above or below the figure: drawing glyphs is
 * half the cost of a render, and a figure shows a few labels out of a page of text. Rotated text and
 * text used as a clip get no band, so they are always drawn.
 */
export function textBands(ops: OperatorList, OPS: OpCodes, toPage: Matrix = IDENTITY): TextBands {
  const bands: TextBands = new Map();
  const shows = new Set([
    OPS.showText,
    OPS.showSpacedText,
    OPS.nextLineShowText,
    OPS.nextLineSetSpacingShowText,
  ]);
  const stack: { ctm: Matrix; size: number; leading: number; mode: number }[] = [];
  let ctm = toPage;
  let size = 0;
  let leading = 0;
  let mode = 0;
  let line: Matrix = IDENTITY;
  let text: Matrix = IDENTITY;
  const move = (tx: number, ty: number) => {
    line = multiply([1, 0, 0, 1, tx, ty], line);
    text = line;
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push({ ctm, size, leading, mode });
    else if (fn === OPS.restore) ({ ctm, size, leading, mode } = stack.pop() ?? { ctm, size, leading, mode });
    else if (fn === OPS.transform && args) ctm = multiply(args as Matrix, ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push({ ctm, size, leading, mode });
      const m = args?.[0] as ArrayLike<number> | null | undefined;
      if (m) ctm = multiply(Array.from(m) as Matrix, ctm);
    } else if (fn === OPS.paintFormXObjectEnd)
      ({ ctm, size, leading, mode } = stack.pop() ?? { ctm, size, leading, mode });
    else if (fn === OPS.beginText) line = text = IDENTITY;
    else if (fn === OPS.setFont && args) size = Number(args[1]) || 0;
    else if (fn === OPS.setTextLeading && args) leading = Number(args[0]) || 0;
    else if (fn === OPS.setTextRenderingMode && args) mode = Number(args[0]) || 0;
    else if (fn === OPS.setTextMatrix && args) {
      const m = Array.from((args.length === 1 ? args[0] : args) as ArrayLike<number>);
      if (m.length === 6) line = text = m as Matrix;
    } else if (fn === OPS.moveText && args) move(Number(args[0]), Number(args[1]));
    else if (fn === OPS.setLeadingMoveText && args) {
      leading = -Number(args[1]);
      move(Number(args[0]), Number(args[1]));
    } else if (fn === OPS.nextLine) move(0, -leading);
    else if (shows.has(fn)) {
      if (fn === OPS.nextLineShowText || fn === OPS.nextLineSetSpacingShowText) move(0, -leading);
      // Modes 4-7 add the glyphs to the clip: skipping them would unclip what follows.
      if (mode >= 4) continue;
      const m = multiply(text, ctm);
      const horizontal = m[0] > 0 && Math.abs(m[1]) < 1e-3 * m[0] && Math.abs(m[2]) < 1e-3 * Math.abs(m[3]);
      const height = Math.abs(size) * Math.hypot(m[2], m[3]);
      if (!horizontal || !Number.isFinite(height) || !Number.isFinite(m[5]) || height <= 0) continue;
      bands.set(i, [m[5] - 2 * height, m[5] + 2 * height]);
    }
  }
  return bands;
}
