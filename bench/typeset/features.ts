import type { Block, DocumentModel, List } from './model.js';

/** Feature names of the manifest; bench/quality.ts groups its per-feature table by them. */
export const FEATURES = [
  'headings',
  'tables',
  'merged-headers',
  'long-table',
  'lists',
  'nested-lists',
  'code',
  'figures',
  'subfigures',
  'charts',
  'footnotes',
  'two-column',
] as const;
export type Feature = (typeof FEATURES)[number];

const nested = (list: List): boolean => list.items.some((i) => i.children !== null);

/** What the document holds, in FEATURES order; `twoColumn` when its layout sets text in two columns. */
export function documentFeatures(model: DocumentModel, twoColumn: boolean): Feature[] {
  const has = (test: (b: Block) => boolean) => model.blocks.some(test);
  const present: Record<Feature, boolean> = {
    headings: has((b) => b.kind === 'heading'),
    tables: has((b) => b.kind === 'table'),
    'merged-headers': has((b) => b.kind === 'table' && b.groups !== null),
    'long-table': has((b) => b.kind === 'table' && b.long),
    lists: has((b) => b.kind === 'list'),
    'nested-lists': has((b) => b.kind === 'list' && nested(b)),
    code: has((b) => b.kind === 'code'),
    figures: has((b) => b.kind === 'figure'),
    subfigures: has((b) => b.kind === 'figure' && b.images.length > 1),
    charts: has((b) => b.kind === 'figure' && b.images.some((i) => i.chart !== null)),
    footnotes: model.footnotes.length > 0,
    'two-column': twoColumn,
  };
  return FEATURES.filter((f) => present[f]);
}
