// A short client of the api written against the types openapi-typescript generates from openapi.json
// (`npx openapi-typescript openapi.json -o papermill-api.ts`). test/client/typed-client.e2e-spec.ts
// generates them and compiles this file, so a change to the contract that breaks clients fails a test.
import type { components, paths } from 'papermill-api';

type Task = components['schemas']['TaskDto'];
type Figure = components['schemas']['FigureDto'];
type Created = paths['/tasks']['post']['responses'][201]['content']['application/json'];
type Got = paths['/tasks/{task_id}']['get']['responses'][200]['content']['application/json'];
type FigurePage = paths['/tasks/{task_id}/figures']['get']['responses'][200]['content']['application/json'];
type NotFound = paths['/tasks/{task_id}']['get']['responses'][404]['content']['application/json'];

export interface Converted {
  task: Task;
  figures: { index: number; title: string | null; url: string }[];
}

/** Uploads a PDF, polls its task until it ends (reporting progress), then lists its figures. */
export async function convert(
  baseUrl: string,
  apiKey: string,
  pdf: Blob,
  onProgress: (pagesDone: number, pageCount: number | null) => void = () => undefined,
): Promise<Converted> {
  const headers = { authorization: `Bearer ${apiKey}` };
  const form = new FormData();
  form.append('file', pdf, 'paper.pdf');
  const created = await fetch(`${baseUrl}/tasks`, { method: 'POST', headers, body: form });
  let task: Task = (await created.json()) as Created;

  while (task.status !== 'DONE' && task.status !== 'FAILED') {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const response = await fetch(`${baseUrl}/tasks/${task.id}`, { headers });
    if (response.status === 404) throw new Error(((await response.json()) as NotFound).detail);
    task = (await response.json()) as Got;
    onProgress(task.pages_done, task.page_count);
  }
  if (task.status === 'FAILED') throw new Error(task.error_message ?? 'The conversion failed');

  const page = (await (
    await fetch(`${baseUrl}/tasks/${task.id}/figures?limit=100`, { headers })
  ).json()) as FigurePage;
  const figures = page.items.map((figure: Figure) => ({
    index: figure.figure_index,
    title: figure.title,
    url: figure.url,
  }));
  return { task, figures };
}
