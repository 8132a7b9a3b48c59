import { describe, expect, it } from '@jest/globals';
import { buildLines } from '../layout/lines.js';
import { textRun as run } from '../testing/text-runs.js';
import { captionKind, isCaptionLabel, keepSubcaptions } from './captions.js';
import { Element } from './elements.js';

describe('caption labels', () => {
  it('tells a bare label from a caption and from a sentence', () => {
    expect(isCaptionLabel('FIG. 2:')).toBe(true);
    expect(isCaptionLabel('Table 3.')).toBe(true);
    expect(isCaptionLabel('Figure 2: A chart')).toBe(false);
    expect(isCaptionLabel('figure 2')).toBe(false);
    expect(captionKind('FIG. 2: Ni, the maximum')).toBe('figure');
  });

  it('keeps the first words of a caption line that starts with an inline formula', () => {
    // "FIG. 2:" then a wide space, "N" with a lowered subscript "i", then the words; the other
    // column's line stands a little higher, and gaps on other lines line up with the label's space.
    const runs = [
      run('theory, which yields', 54, 510.1),
      run('FIG. 2:', 317, 505.5, { size: 9, x1: 347 }),
      run('N', 357, 505.5, { size: 9, x1: 365 }),
      run('i', 365, 504.5, { size: 6, x1: 367, y0: 503.3, y1: 509.2 }),
      run(', the maximum number of elementary gate op-', 367, 505.5, { size: 9, x1: 562 }),
      ...[480, 469, 458].flatMap((base) => [
        run('ab', 317, base, { size: 9, x1: 345 }),
        run('more words on this line', 357, base, { size: 9, x1: 560 }),
      ]),
    ];
    const texts = buildLines(runs).map((l) => l.text);
    expect(texts).toContain('FIG. 2: Ni, the maximum number of elementary gate op-');
  });

  it('keeps a lone (a) line under a figure a sub-caption paragraph, and lists elsewhere lists', () => {
    const figure: Element = {
      kind: 'figure',
      page: 1,
      bbox: [100, 400, 250, 500],
      figure: { bbox: [100, 400, 250, 500], images: [], vectors: 20, curves: 5 },
      caption: null,
    };
    const item = { level: 0, ordered: true, marker: '(a)', text: 'Counts' };
    const under: Element = { kind: 'list', page: 1, bbox: [150, 385, 200, 395], items: [item] };
    const far: Element = { kind: 'list', page: 1, bbox: [150, 200, 200, 210], items: [item] };
    const [, sub, list] = keepSubcaptions([figure, under, far]);
    expect(sub).toMatchObject({ kind: 'paragraph', text: '(a) Counts' });
    expect(list).toBe(far);
  });
});
