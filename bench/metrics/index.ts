import { mhs } from './mhs.js';
import { nid } from './nid.js';
import { teds } from './teds.js';
import { stripPictureMarkup } from './text.js';

export { mhs, nid, teds, stripPictureMarkup };

export interface DocumentScores {
  nid: number | null;
  teds: number | null;
  mhs: number | null;
  /** Mean of the scores that are not null. */
  overall: number | null;
}

export interface ScoreOptions {
  /** Drop `<!-- image -->` and reduce `![alt](target)` to its alt, on both sides. */
  ignorePictures?: boolean;
}

export function mean(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((sum, v) => sum + v, 0) / present.length : null;
}

/** The benchmark's three scores for one document, and their mean. */
export function scoreDocument(answer: string, output: string, options: ScoreOptions = {}): DocumentScores {
  const a = options.ignorePictures ? stripPictureMarkup(answer) : answer;
  const b = options.ignorePictures ? stripPictureMarkup(output) : output;
  const scores = { nid: nid(a, b), teds: teds(a, b), mhs: mhs(a, b) };
  return { ...scores, overall: mean([scores.nid, scores.teds, scores.mhs]) };
}
