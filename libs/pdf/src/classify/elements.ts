import { BBox } from '../types.js';
import { FigureRegion } from '../model.js';

export interface ListItem {
  level: number;
  ordered: boolean;
  marker: string;
  text: string;
}

/** The document's structure in reading order: what the Markdown renderer consumes. */
export type Element =
  | { kind: 'heading'; page: number; bbox: BBox; level: number; text: string }
  | { kind: 'paragraph'; page: number; bbox: BBox; text: string; size: number }
  | { kind: 'list'; page: number; bbox: BBox; items: ListItem[] }
  | { kind: 'code'; page: number; bbox: BBox; text: string }
  | { kind: 'table'; page: number; bbox: BBox; rows: string[][]; caption: string | null }
  | { kind: 'figure'; page: number; bbox: BBox; figure: FigureRegion; caption: string | null };
