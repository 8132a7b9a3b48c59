import { Element } from './classify/elements.js';
import { FigureRegion } from './figures/detect.js';
import { renderMarkdown } from './markdown/render.js';
import { Assets, ConversionResult, Figure } from './types.js';

/** Numbers the figures that have a picture, writes the Markdown and gathers the assets object. */
export function assemble(
  elements: Element[],
  pngs: Map<FigureRegion, Uint8Array>,
  pages: Assets['pages'],
): ConversionResult {
  const figures: Figure[] = [];
  const fileOf = new Map<Element, string>();
  for (const el of elements) {
    if (el.kind !== 'figure') continue;
    const png = pngs.get(el.figure);
    if (!png) continue;
    const index = figures.length + 1;
    figures.push({ index, page: el.page, bbox: roundBox(el.bbox), title: el.caption, png });
    fileOf.set(el, `figures/picture-${index}.png`);
  }
  const markdown = renderMarkdown(elements, (el) => fileOf.get(el) ?? null);
  return {
    markdown,
    figures,
    assets: {
      figures: figures.map(({ index, page, bbox, title }) => ({ index, page, bbox, title })),
      pages,
      tables: elements.flatMap((e) =>
        e.kind === 'table' ? [{ page: e.page, bbox: roundBox(e.bbox), caption: e.caption }] : [],
      ),
      outline: elements.flatMap((e) =>
        e.kind === 'heading' ? [{ level: e.level, text: e.text, page: e.page }] : [],
      ),
    },
    pageCount: pages.count,
  };
}

function roundBox(b: [number, number, number, number]): [number, number, number, number] {
  return b.map((v) => Math.round(v * 100) / 100) as [number, number, number, number];
}
