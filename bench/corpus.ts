import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectedPictures, type DoclingDocument, type PlacedBox } from './figures.js';

export interface CorpusDocument {
  name: string;
  pdfPath: string;
  /** The reference Markdown. */
  answer: string;
  /** Pictures from `<name>.json`, or null when there is no JSON or it has no page geometry. */
  pictures: PlacedBox[] | null;
}

/** Every `<name>.pdf` that has a `<name>.md` answer beside it, in name order. */
export function listDocuments(dir: string): CorpusDocument[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.pdf') && existsSync(join(dir, file.replace(/\.pdf$/, '.md'))))
    .sort()
    .map((file) => {
      const name = file.replace(/\.pdf$/, '');
      const jsonPath = join(dir, `${name}.json`);
      const json = existsSync(jsonPath)
        ? (JSON.parse(readFileSync(jsonPath, 'utf8')) as DoclingDocument)
        : null;
      return {
        name,
        pdfPath: join(dir, file),
        answer: readFileSync(join(dir, `${name}.md`), 'utf8'),
        pictures: json ? expectedPictures(json) : null,
      };
    });
}

/** Every `*.pdf` in the folder, in name order (answers not needed). */
export function listPdfs(dir: string): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.pdf'))
    .sort()
    .map((file) => join(dir, file));
}
