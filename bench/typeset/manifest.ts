import type { Feature } from './features.js';
import type { DocumentModel } from './model.js';
import type { PlannedDocument } from './plan.js';

export interface ManifestDocument {
  name: string;
  family: string;
  layout: string;
  font: string;
  tableStyle: string;
  features: Feature[];
  counts: {
    headings: number;
    tables: number;
    figures: number;
    lists: number;
    code: number;
    footnotes: number;
  };
}

export interface Manifest {
  generator: string;
  documents: ManifestDocument[];
}

/** The manifest bench/quality.ts reads: one entry per document, in plan order, nothing time-dependent. */
export function buildManifest(
  docs: PlannedDocument[],
  describe: (doc: PlannedDocument) => { model: DocumentModel; features: Feature[] },
): Manifest {
  return {
    generator: 'bench/typeset (npm run corpus:typeset)',
    documents: docs.map((doc) => {
      const { model, features } = describe(doc);
      const count = (kind: string) => model.blocks.filter((b) => b.kind === kind).length;
      return {
        name: doc.name,
        family: doc.family,
        layout: doc.layout,
        font: doc.font,
        tableStyle: doc.tableStyle,
        features,
        counts: {
          headings: count('heading'),
          tables: count('table'),
          figures: count('figure'),
          lists: count('list'),
          code: count('code'),
          footnotes: model.footnotes.length,
        },
      };
    }),
  };
}
