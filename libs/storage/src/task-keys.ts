/** Where a task's objects live; deleting a task removes everything under `prefixes`. */
export function taskKeys(taskId: string) {
  return {
    input: `uploads/${taskId}/input.pdf`,
    markdown: `outputs/${taskId}/result.md`,
    assets: `outputs/${taskId}/result.assets.json`,
    figure: (index: number) => `${taskId}/figures/picture-${index}.png`,
    prefixes: [`uploads/${taskId}/`, `outputs/${taskId}/`, `${taskId}/`],
  };
}

/** The assets file written next to a Markdown output: `result.md` -> `result.assets.json`. */
export function assetsKeyFor(outputKey: string): string {
  return outputKey.replace(/\.[^./]*$/, '') + '.assets.json';
}
