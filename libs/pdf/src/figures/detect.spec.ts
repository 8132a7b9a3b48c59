import { describe, expect, it } from '@jest/globals';
import { BBox } from '../types.js';
import { PageContent, PagePath, TextRun } from '../model.js';
import { analyzePage } from '../pipeline.js';
import { textRun as run } from '../testing/text-runs.js';

const line = (x0: number, y0: number, x1: number, y1: number): PagePath => ({
  bbox: [x0, y0, x1, y1],
  stroked: true,
  filled: false,
  straight: true,
});
const shape = (bbox: BBox, straight = true, filled = false): PagePath => ({
  bbox,
  stroked: !filled,
  filled,
  straight,
});

/** A framed plot at (x, y), w x h: axes with ticks, two data lines, a framed legend and tick values. */
function chart(x: number, y: number, w = 160, h = 110): { paths: PagePath[]; runs: TextRun[] } {
  const paths = [
    line(x, y, x + w, y),
    line(x, y + h, x + w, y + h),
    line(x, y, x, y + h),
    line(x + w, y, x + w, y + h),
  ];
  const runs: TextRun[] = [];
  for (let i = 0; i <= 4; i++) {
    const tx = x + (i * w) / 4;
    const ty = y + (i * h) / 4;
    paths.push(line(tx, y, tx, y + 2), line(x, ty, x + 2, ty));
    runs.push(run(String(i * 5), tx - 3, y - 10, { size: 8 }), run(`0.${i}`, x - 16, ty - 3, { size: 8 }));
  }
  paths.push(shape([x + 2, y + 4, x + w - 2, y + h - 20]), shape([x + 2, y + 10, x + w - 2, y + h - 40]));
  // The legend: a box in the plot's corner with a key line and a name per series.
  paths.push(
    line(x + w - 50, y + h - 30, x + w - 5, y + h - 30),
    line(x + w - 50, y + h - 5, x + w - 5, y + h - 5),
  );
  paths.push(
    line(x + w - 50, y + h - 30, x + w - 50, y + h - 5),
    line(x + w - 5, y + h - 30, x + w - 5, y + h - 5),
  );
  paths.push(
    line(x + w - 46, y + h - 12, x + w - 34, y + h - 12),
    line(x + w - 46, y + h - 23, x + w - 34, y + h - 23),
  );
  runs.push(run('NS', x + w - 30, y + h - 15, { size: 7 }), run('SC', x + w - 30, y + h - 26, { size: 7 }));
  runs.push(run('energy in eV', x + w / 2 - 25, y - 20, { size: 8 }));
  return { paths, runs };
}

const body = 'Running text of the page, set in the body size, long enough to be a paragraph line.';

function page(parts: { paths: PagePath[]; runs: TextRun[] }[]): PageContent {
  return {
    page: 1,
    width: 612,
    height: 792,
    runs: [run(body, 72, 720), run(body, 72, 708), run(body, 72, 150), ...parts.flatMap((p) => p.runs)],
    images: [],
    paths: parts.flatMap((p) => p.paths),
  };
}

const figures = (content: PageContent) =>
  analyzePage(content, { figures: true }).filter((item) => item.kind === 'figure');
const texts = (content: PageContent) =>
  analyzePage(content, { figures: true }).flatMap((item) =>
    item.kind === 'text' ? item.block.lines.map((l) => l.text) : [],
  );

describe('vector charts', () => {
  it('finds a plot with axes, ticks and a legend as one figure holding its labels', () => {
    const content = page([chart(200, 400)]);
    const found = figures(content);
    expect(found).toHaveLength(1);
    const [x0, y0, x1, y1] = found[0].bbox;
    expect(x0).toBeLessThanOrEqual(200 - 16);
    expect(y0).toBeLessThanOrEqual(400 - 20);
    expect(x1).toBeGreaterThanOrEqual(360);
    expect(y1).toBeGreaterThanOrEqual(510);
    // Tick values and legend names leave the text flow with the picture.
    expect(texts(content).join(' ')).not.toMatch(/\bNS\b|\b0\.2\b|energy/);
    expect(analyzePage(content, { figures: true }).some((item) => item.kind === 'table')).toBe(false);
  });

  it('finds two plots side by side as two figures', () => {
    const found = figures(page([chart(90, 400), chart(340, 400)])).sort((a, b) => a.bbox[0] - b.bbox[0]);
    expect(found).toHaveLength(2);
    expect(found[0].bbox[2]).toBeLessThan(found[1].bbox[0]);
  });

  it('keeps a ruled table a table, not a figure', () => {
    const rules: PagePath[] = [];
    const runs: TextRun[] = [];
    for (let r = 0; r <= 4; r++) rules.push(line(100, 300 + 20 * r, 500, 300 + 20 * r));
    for (const x of [100, 230, 360, 500]) rules.push(line(x, 300, x, 380));
    for (let r = 0; r < 4; r++) {
      for (const x of [105, 235, 365]) runs.push(run(`cell ${r}${x}`, x, 306 + 20 * r));
    }
    const items = analyzePage(page([{ paths: rules, runs }]), { figures: true });
    expect(items.filter((i) => i.kind === 'figure')).toHaveLength(0);
    expect(items.filter((i) => i.kind === 'table')).toHaveLength(1);
  });

  it('joins two pie charts and the legend set between them into one figure', () => {
    const pie = (x: number) =>
      Array.from({ length: 12 }, (_, i) => shape([x, 400 + i, x + 80, 470 - i], false, true));
    const keys = Array.from({ length: 4 }, (_, i) =>
      shape([300, 460 - 12 * i, 307, 467 - 12 * i], true, true),
    );
    const names = ['Banks', 'Funds', 'Private', 'Other'].map((t, i) =>
      run(t, 262, 461 - 12 * i, { size: 7, x1: 296 }),
    );
    const found = figures(page([{ paths: [...pie(150), ...keys, ...pie(390)], runs: names }]));
    expect(found).toHaveLength(1);
    expect(found[0].bbox[0]).toBeLessThanOrEqual(150);
    expect(found[0].bbox[2]).toBeGreaterThanOrEqual(470);
  });

  it('finds a framed screen (text at top and bottom, empty between) but not a framed note', () => {
    const frame = shape([150, 300, 500, 520], false);
    const screen = [
      run('Work with Files', 280, 505, { size: 8 }),
      run('Type choices, press Enter.', 160, 490, { size: 8 }),
    ];
    screen.push(run('F3=Exit   F12=Cancel', 160, 310, { size: 8 }));
    expect(figures(page([{ paths: [frame], runs: screen }]))).toHaveLength(1);
    const note = Array.from({ length: 18 }, (_, i) =>
      run('A note set in a frame goes on line after line here.', 160, 505 - 11 * i, { size: 8 }),
    );
    expect(figures(page([{ paths: [frame], runs: note }]))).toHaveLength(0);
  });

  it("takes a scan's captioned frame as a figure whatever text it holds, and nothing beside it", () => {
    const note = Array.from({ length: 18 }, (_, i) =>
      run('A screenshot of a window with menus and lists of names in it.', 160, 505 - 11 * i, { size: 8 }),
    );
    const content = page([{ paths: [], runs: note }]);
    const framed = { bbox: [150, 300, 500, 520] as BBox, objId: null, captioned: true };
    // Ink found across the frame and the text column beside it: not a picture of its own.
    const ink = { bbox: [60, 290, 510, 530] as BBox, objId: null };
    expect(figures({ ...content, images: [ink] })).toHaveLength(0);
    const found = figures({ ...content, images: [framed, ink] });
    expect(found.map((f) => f.bbox)).toEqual([[150, 300, 500, 520]]);
    expect(texts({ ...content, images: [framed, ink] }).filter((t) => t.startsWith('A screenshot'))).toEqual(
      [],
    );
  });

  it('finds a plot known by its axes and tick values alone (no tick marks)', () => {
    const paths = [line(120, 400, 350, 400), line(120, 400, 120, 530), shape([140, 420, 330, 510])];
    const runs = ['0', '50', '100'].map((v, i) => run(v, 104, 398 + 55 * i, { size: 7, x1: 116 }));
    runs.push(...['A9', 'B6', 'C3', 'D4'].map((v, i) => run(v, 150 + 50 * i, 388, { size: 7 })));
    const found = figures(page([{ paths, runs }]));
    expect(found).toHaveLength(1);
    expect(found[0].bbox[0]).toBeLessThanOrEqual(104);
    expect(found[0].bbox[1]).toBeLessThanOrEqual(388);
  });

  it('keeps a ruled table with short cells a table: its rows stand below rules that go on down', () => {
    const rules: PagePath[] = [];
    const runs: TextRun[] = [];
    for (let r = 0; r <= 3; r++) rules.push(line(60, 300 + 25 * r, 540, 300 + 25 * r));
    for (const x of [60, 180, 300, 420, 540]) rules.push(line(x, 300, x, 375));
    rules.push(shape([61, 351, 179, 374], true, true));
    for (let r = 0; r < 3; r++) {
      for (const x of [70, 190, 310, 430]) runs.push(run(`Cell ${r}.${x}`, x, 308 + 25 * r, { size: 8 }));
    }
    const items = analyzePage(page([{ paths: rules, runs }]), { figures: true });
    expect(items.filter((i) => i.kind === 'figure')).toHaveLength(0);
    expect(items.filter((i) => i.kind === 'table')).toHaveLength(1);
  });

  it('keeps two photos set side by side with a gap as two pictures, and touching tiles as one', () => {
    const photo = (bbox: BBox) => ({ bbox, objId: 'img', upright: true });
    const apart = page([]);
    apart.images = [photo([45, 338, 163, 411]), photo([167, 338, 286, 411])];
    expect(figures(apart)).toHaveLength(2);
    const tiles = page([]);
    tiles.images = [photo([45, 338, 165, 411]), photo([165, 338, 286, 411])];
    expect(figures(tiles)).toHaveLength(1);
  });
});
