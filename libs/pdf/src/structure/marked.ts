import { StructNode } from '../model.js';
import { PdfPage } from '../pdfjs.js';
import { RawTextItem } from '../extract/text.js';

/** An item of `getTextContent({ includeMarkedContent: true })`: text, or a marked-content bracket. */
type ContentItem =
  | (RawTextItem & { type?: undefined })
  | { type: 'beginMarkedContent' | 'beginMarkedContentProps'; id?: string | null; tag?: string | null }
  | { type: 'endMarkedContent' };

/**
 * The text items of a page, each with the marked-content id it is drawn in (the innermost one that has
 * an id) and whether an /Artifact sequence encloses it. The brackets themselves are left out.
 */
export function markContent(items: readonly unknown[]): RawTextItem[] {
  const stack: { id: string | null; artifact: boolean }[] = [];
  const out: RawTextItem[] = [];
  for (const raw of items as ContentItem[]) {
    if (raw.type === 'beginMarkedContent' || raw.type === 'beginMarkedContentProps') {
      const outer = stack[stack.length - 1];
      stack.push({
        id: raw.type === 'beginMarkedContentProps' && raw.id ? raw.id : (outer?.id ?? null),
        artifact: raw.tag === 'Artifact' || (outer?.artifact ?? false),
      });
    } else if (raw.type === 'endMarkedContent') {
      stack.pop();
    } else if ('str' in raw) {
      const mark = stack[stack.length - 1];
      out.push(mark ? { ...raw, mcid: mark.id ?? undefined, artifact: mark.artifact || undefined } : raw);
    }
  }
  return out;
}

/** The page's part of the structure tree; undefined when the document has none or it cannot be read. */
export async function pageStructure(page: PdfPage): Promise<StructNode | undefined> {
  try {
    const tree = (await page.getStructTree()) as StructNode | null;
    return tree ?? undefined;
  } catch {
    return undefined;
  }
}
