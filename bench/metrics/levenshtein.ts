import { distance } from 'fastest-levenshtein';

const ASTRAL = /[\ud800-\udbff][\udc00-\udfff]/g;
const HAS_ASTRAL = /[\ud800-\udbff]/;
const PRIVATE_USE_START = 0xe000;

/**
 * fastest-levenshtein counts UTF-16 units, the benchmark counts code points. Characters outside
 * the BMP (math letters, emoji) are rare, so only then are they swapped for one-unit stand-ins
 * absent from both strings.
 */
function toSingleUnits(a: string, b: string): [string, string] {
  if (!HAS_ASTRAL.test(a) && !HAS_ASTRAL.test(b)) return [a, b];
  const used = new Set(a + b);
  const standIns = new Map<string, string>();
  let next = PRIVATE_USE_START;
  const replace = (pair: string): string => {
    let standIn = standIns.get(pair);
    if (!standIn) {
      while (used.has(String.fromCharCode(next))) next++;
      standIn = String.fromCharCode(next++);
      standIns.set(pair, standIn);
    }
    return standIn;
  };
  return [a.replace(ASTRAL, replace), b.replace(ASTRAL, replace)];
}

/** Edit distance in code points. */
export function levenshtein(a: string, b: string): number {
  const [x, y] = toSingleUnits(a, b);
  return distance(x, y);
}

/** Levenshtein distance divided by the longer length; 0 for two empty strings. */
export function normalizedLevenshtein(a: string, b: string): number {
  const [x, y] = toSingleUnits(a, b);
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 0 : distance(x, y) / longest;
}
