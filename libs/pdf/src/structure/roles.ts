/** Structure roles (PDF 32000 14.8.4, PDF 2.0 and PDF/UA) by what they become in the Markdown. */

/** The heading level of a role: H1..H6, Title as 1, bare H as 2; null for other roles. */
export function headingLevel(role: string): number | null {
  const m = /^H([1-6])$/.exec(role);
  if (m) return Number(m[1]);
  if (role === 'Title') return 1;
  if (role === 'H') return 2;
  return null;
}

/** Roles whose content is one paragraph of running text, whatever inline elements it holds. */
export const PARAGRAPH_ROLES = new Set([
  'P',
  'Note',
  'BlockQuote',
  'Quote',
  'TOCI',
  'BibEntry',
  'Aside',
  'Formula',
]);

/** Roles inside running text: their content belongs to the block around them. */
export const INLINE_ROLES = new Set([
  'Span',
  'Link',
  'Em',
  'Strong',
  'Sub',
  'Reference',
  'Annot',
  'Ruby',
  'RB',
  'RT',
  'RP',
  'Warichu',
  'WT',
  'WP',
  'Quote',
  'Code',
  'Formula',
  'Lbl',
  'NonStruct',
]);

/** Table sections, whose rows are the table's rows. */
export const TABLE_SECTIONS = new Set(['THead', 'TBody', 'TFoot']);
