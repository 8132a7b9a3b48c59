import { describe, expect, it } from '@jest/globals';
import { PageContent, TextRun } from '../model.js';
import { FigureRegion } from './detect.js';
import { withLabels } from './labels.js';
import { textRun as run } from '../testing/text-runs.js';

const body = 'Running text of the page sets the body size and is never a label of any chart.';

/** A chart's strokes from (200, 400) to (400, 550) on a letter page, with its runs. */
function page(runs: TextRun[]): { content: PageContent; chart: FigureRegion } {
  const chart: FigureRegion = { bbox: [200, 400, 400, 550], images: [], vectors: 40, curves: 12 };
  const content: PageContent = {
    page: 1,
    width: 612,
    height: 792,
    runs: [run(body, 72, 650), run(body, 72, 300), ...runs],
    images: [],
    paths: [],
  };
  return { content, chart };
}

describe('withLabels', () => {
  it('grows a drawing over its axis values and category names', () => {
    const ticks = ['0', '5', '10'].map((t, i) => run(t, 188, 400 + 70 * i, { size: 8 }));
    const categories = run('North  South  East', 230, 388, { size: 8 });
    const { content, chart } = page([...ticks, categories]);
    const [grown] = withLabels([chart], content);
    expect(grown.bbox[0]).toBeLessThanOrEqual(188);
    expect(grown.bbox[1]).toBeLessThanOrEqual(388 - 1.6);
    expect(grown.bbox[2]).toBe(400);
    expect(grown.bbox[3]).toBe(550);
  });

  it('leaves headings, captions and running text beside it where they are', () => {
    const { content, chart } = page([
      run('Results', 200, 556, { size: 10 }), // above: the heading before the chart
      run('Figure 2: Sales by region', 200, 385, { size: 9 }), // below: its caption
      run('Key', 402, 470, { size: 10, bold: true }), // beside, bold: a side heading
      run(body, 410, 450), // beside: a column of running text
    ]);
    expect(withLabels([chart], content)[0].bbox).toEqual(chart.bbox);
  });

  it('shows whole the text a drawing already covers the centre of', () => {
    const straddling = run('100%', 390, 500, { size: 8 });
    const { content, chart } = page([straddling]);
    expect(withLabels([chart], content)[0].bbox[2]).toBeCloseTo(straddling.x1);
  });

  it('leaves raster pictures alone: their labels are in their pixels', () => {
    const { content, chart } = page([run('0', 188, 400, { size: 8 })]);
    const photo = { ...chart, vectors: 0, curves: 0, images: [{ bbox: chart.bbox, objId: 'img_1' }] };
    expect(withLabels([photo], content)[0]).toBe(photo);
  });
});
