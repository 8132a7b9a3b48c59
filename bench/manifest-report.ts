import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mean, type DocumentScores } from './metrics/index.js';
import { pooled, share, type Found, type StructureScores } from './metrics/structure.js';
import { fmt, formatTable } from './table.js';

/** What bench/quality.ts knows of one document when it groups by the manifest. */
export interface GroupedResult extends DocumentScores {
  name: string;
  structure: StructureScores;
}

interface ManifestEntry {
  name: string;
  family: string;
  layout: string;
  /** How the document's tables are drawn (booktabs, ruled, unruled, zebra, ...), when the manifest says. */
  tableStyle?: string;
  features: string[];
}

/** The corpus manifest (bench/typeset writes one), or null when the folder has none. */
export function readManifest(dir: string): ManifestEntry[] | null {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return null;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { documents?: ManifestEntry[] };
  return manifest.documents ?? [];
}

type Measure = { name: string; score: (results: GroupedResult[]) => Found | number | null };

const pooledMeasure = (name: string, key: keyof StructureScores): Measure => ({
  name,
  score: (results) => pooled(results.map((r) => r.structure[key])),
});
const meanMeasure = (name: string, key: 'nid' | 'teds' | 'mhs'): Measure => ({
  name,
  score: (results) => mean(results.map((r) => r[key])),
});

/**
 * The score that reflects each feature: TEDS for tables, level accuracy for headings (MHS is in its
 * own column), the share of list items and code lines found in that role, pictures marked, and NID
 * (text in reading order) for two columns and footnotes, whose failure is text out of order.
 */
const FEATURE_MEASURES: Record<string, Measure> = {
  headings: pooledMeasure('levels', 'levels'),
  tables: meanMeasure('TEDS', 'teds'),
  'merged-headers': meanMeasure('TEDS', 'teds'),
  'long-table': meanMeasure('TEDS', 'teds'),
  lists: pooledMeasure('list items', 'lists'),
  'nested-lists': pooledMeasure('list items', 'lists'),
  code: pooledMeasure('code lines', 'code'),
  figures: pooledMeasure('pictures', 'pictures'),
  subfigures: pooledMeasure('pictures', 'pictures'),
  charts: pooledMeasure('pictures', 'pictures'),
  footnotes: meanMeasure('NID', 'nid'),
  'two-column': meanMeasure('NID', 'nid'),
};

const fmtFound = (value: Found | number | null) =>
  value === null || typeof value === 'number'
    ? fmt(value)
    : `${fmt(share(value))} (${value.found}/${value.expected})`;

function groupRow(label: string, results: GroupedResult[]): string[] {
  const levels = pooled(results.map((r) => r.structure.levels));
  return [
    label,
    String(results.length),
    fmt(mean(results.map((r) => r.overall))),
    fmt(mean(results.map((r) => r.nid))),
    fmt(mean(results.map((r) => r.teds))),
    fmt(mean(results.map((r) => r.mhs))),
    fmtFound(levels),
  ];
}

const GROUP_HEADER = ['documents', 'overall', 'NID', 'TEDS', 'MHS', 'levels'];

/** Tables per family, layout, table style and feature, over the documents the manifest lists that were scored. */
export function printManifestReport(manifest: ManifestEntry[], results: GroupedResult[]): void {
  const byName = new Map(results.map((r) => [r.name, r]));
  const entries = manifest.filter((e) => byName.has(e.name));
  const resultsOf = (list: ManifestEntry[]) => list.map((e) => byName.get(e.name)!);

  const families = [...new Set(entries.map((e) => e.family))];
  const familyRows = families.map((f) => groupRow(f, resultsOf(entries.filter((e) => e.family === f))));
  console.log();
  console.log(formatTable(['family', ...GROUP_HEADER], familyRows));

  const layouts = [...new Set(entries.map((e) => `${e.family}/${e.layout}`))];
  const layoutRows = layouts.map((l) =>
    groupRow(l, resultsOf(entries.filter((e) => `${e.family}/${e.layout}` === l))),
  );
  console.log();
  console.log(formatTable(['layout', ...GROUP_HEADER], layoutRows));

  const withTables = entries.filter((e) => e.features.includes('tables') && e.tableStyle);
  const styles = [...new Set(withTables.map((e) => `${e.family}/${e.tableStyle}`))];
  if (styles.length) {
    const styleRows = styles.map((st) =>
      groupRow(st, resultsOf(withTables.filter((e) => `${e.family}/${e.tableStyle}` === st))),
    );
    console.log();
    console.log(formatTable(['table style', ...GROUP_HEADER], styleRows));
  }

  const features = [...new Set(entries.flatMap((e) => e.features))];
  const featureRows = features.map((feature) => {
    const group = resultsOf(entries.filter((e) => e.features.includes(feature)));
    const measure = FEATURE_MEASURES[feature] ?? meanMeasure('NID', 'nid');
    return [...groupRow(feature, group), measure.name, fmtFound(measure.score(group))];
  });
  console.log();
  console.log(formatTable(['feature', ...GROUP_HEADER, 'measure', 'score'], featureRows));
}
