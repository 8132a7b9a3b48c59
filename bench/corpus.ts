import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { doclingMarkdown, type DoclingTree } from './docling-markdown.js';
import { expectedPictures, type DoclingDocument, type PageSize, type PlacedBox } from './figures.js';

export interface CorpusDocument {
  name: string;
  pdfPath: string;
  /** The reference Markdown. */
  answer: string;
  /** Pictures from the Docling JSON, or null when there is none or it has no page geometry. */
  pictures: PlacedBox[] | null;
}

/**
 * The documents of a corpus folder, in name order, in either layout:
 * - `<name>.pdf` with its `<name>.md` answer (and optionally `<name>.json`, a Docling document);
 * - a folder per case, `<case>/input.pdf` with `<case>/expected.json` (a Docling document, the
 *   Markdown answer derived from it) and optionally `<case>/expected.md`.
 */
export async function listDocuments(dir: string): Promise<CorpusDocument[]> {
  const documents: CorpusDocument[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (entry.endsWith('.pdf')) {
      const name = entry.replace(/\.pdf$/, '');
      const md = join(dir, `${name}.md`);
      if (!existsSync(md)) continue;
      const json = readJson(join(dir, `${name}.json`));
      documents.push({
        name,
        pdfPath: path,
        answer: readFileSync(md, 'utf8'),
        pictures: json ? expectedPictures(json, await pageSizes(path)) : null,
      });
    } else if (statSync(path).isDirectory() && existsSync(join(path, 'input.pdf'))) {
      const json = readJson(join(path, 'expected.json'));
      const md = join(path, 'expected.md');
      if (!json && !existsSync(md)) continue;
      const pdfPath = join(path, 'input.pdf');
      documents.push({
        name: entry,
        pdfPath,
        answer: existsSync(md) ? readFileSync(md, 'utf8') : doclingMarkdown(json as DoclingTree),
        pictures: json ? expectedPictures(json, await pageSizes(pdfPath)) : null,
      });
    }
  }
  return documents;
}

function readJson(path: string): DoclingDocument | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as DoclingDocument) : null;
}

/** Each page's displayed size in points (crop box, turned by the page's rotation); [] if unreadable. */
async function pageSizes(pdfPath: string): Promise<PageSize[]> {
  try {
    const pdf = await PDFDocument.load(readFileSync(pdfPath), {
      ignoreEncryption: true,
      updateMetadata: false,
    });
    return pdf.getPages().map((page) => {
      const { width, height } = page.getCropBox();
      return page.getRotation().angle % 180 === 0 ? { width, height } : { width: height, height: width };
    });
  } catch {
    return [];
  }
}

/** Every `*.pdf` in the folder, in name order (answers not needed). */
export function listPdfs(dir: string): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.pdf'))
    .sort()
    .map((file) => join(dir, file));
}
