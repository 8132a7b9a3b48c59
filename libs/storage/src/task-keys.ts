/** Where a task's objects live; deleting a task removes everything under `prefixes`. */
export function taskKeys(taskId: string) {
  return {
    input: `uploads/${taskId}/input.pdf`,
    markdown: `outputs/${taskId}/result.md`,
    assets: `outputs/${taskId}/result.assets.json`,
    figure: (index: number) => `${taskId}/figures/picture-${index}.png`,
    /** Where the upload lives (removed when writing the row fails). */
    uploadPrefix: `uploads/${taskId}/`,
    /** What a conversion writes (removed when its task went away meanwhile). */
    outputPrefixes: [`outputs/${taskId}/`, `${taskId}/`],
    /** Everything of the task (removed with it). */
    prefixes: [`uploads/${taskId}/`, `outputs/${taskId}/`, `${taskId}/`],
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The task a key belongs to (lower-case), the inverse of {@link taskKeys}: the segment after
 * `uploads/` or `outputs/`, or the first one of `<task>/figures/...`. Null for a key of any
 * other shape, which is no task's object.
 */
export function taskIdOfKey(key: string): string | null {
  const segments = key.split('/');
  if (segments.length < 3) return null;
  const id =
    segments[0] === 'uploads' || segments[0] === 'outputs'
      ? segments[1]
      : segments[1] === 'figures'
        ? segments[0]
        : '';
  return UUID.test(id) ? id.toLowerCase() : null;
}

/** The assets file written next to a Markdown output: `result.md` -> `result.assets.json`. */
export function assetsKeyFor(outputKey: string): string {
  return outputKey.replace(/\.[^./]*$/, '') + '.assets.json';
}
