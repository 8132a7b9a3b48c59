/**
 * The median of values counted in a histogram (`counts[v]` times the value `v`; holes count none),
 * or null when it counts nothing.
 */
export function histogramMedian(counts: ArrayLike<number | undefined>): number | null {
  return histogramQuantile(counts, 0.5);
}

/** The value below which `share` of a histogram's counts lie, or null when it counts nothing. */
export function histogramQuantile(counts: ArrayLike<number | undefined>, share: number): number | null {
  let total = 0;
  for (let v = 0; v < counts.length; v++) total += counts[v] ?? 0;
  if (!total) return null;
  let seen = 0;
  for (let v = 0; v < counts.length; v++) {
    seen += counts[v] ?? 0;
    if (seen >= share * total) return v;
  }
  return null;
}

/**
 * The level of the `rank`th value (counting from 0, in ascending order) of a histogram, counted from
 * `from`, the lowest level it holds (the search starts there).
 */
export function histogramRank(counts: ArrayLike<number>, rank: number, from = 0): number {
  let level = from;
  for (let seen = counts[from]; seen <= rank;) seen += counts[++level];
  return level;
}
