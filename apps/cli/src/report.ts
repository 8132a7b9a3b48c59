import { FileOutcome } from './convert-batch.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The line printed as a file finishes, e.g.
 * `ok      docs/a.pdf: 3 pages, 1 figure, 0.84 s -> out/a` or `failed  docs/b.pdf: The PDF is password-protected`,
 * followed by one indented line per page left out.
 */
export function fileLines(outcome: FileOutcome): string {
  if (!outcome.ok) return `failed  ${outcome.job.input.shown}: ${outcome.message}\n`;
  const { result, job } = outcome;
  const note = result.textOnly ? ' (figures skipped: they could not be extracted)' : '';
  const head =
    `ok      ${job.input.shown}: ${plural(result.pageCount, 'page')}, ` +
    `${plural(result.figures.length, 'figure')}, ${outcome.seconds.toFixed(2)} s -> ${job.shownOut}${note}\n`;
  return head + result.skippedPages.map((skipped) => `          left out: ${skipped.message}\n`).join('');
}

/** `3 converted, 1 failed, 12 pages, 2.41 s`: pages of the converted files, wall time of the command. */
export function summaryLine(outcomes: FileOutcome[], wallSeconds: number): string {
  const converted = outcomes.filter((outcome) => outcome.ok);
  const pages = converted.reduce((sum, outcome) => sum + outcome.result.pageCount, 0);
  const failed = outcomes.length - converted.length;
  return `${converted.length} converted, ${failed} failed, ${plural(pages, 'page')}, ${wallSeconds.toFixed(2)} s\n`;
}
