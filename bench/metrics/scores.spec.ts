import { describe, expect, it } from '@jest/globals';
import { mhs, nid, scoreDocument, teds } from './index.js';

describe('NID', () => {
  it('is 2*LCS/(len sum) over whitespace-collapsed text', () => {
    expect(nid('abc  def', 'abc\ndef')).toBe(1);
    // "abcd" vs "abxd": LCS 3 -> 6/8.
    expect(nid('abcd', 'abxd')).toBeCloseTo(0.75, 12);
    expect(nid('', 'x')).toBeNull();
    expect(nid('x', '')).toBe(0);
  });

  it('reads a pipe table as its HTML form', () => {
    const html = '<table><tr><th>a</th></tr><tr><td>1</td></tr></table>';
    expect(nid(html, '| a |\n|---|\n| 1 |')).toBe(1);
  });
});

describe('TEDS', () => {
  const answer = '<table><tr><td>Item</td><td>Qty</td></tr><tr><td>Apple</td><td>10</td></tr></table>';

  it('is null without answer tables and 0 without output tables', () => {
    expect(teds('no table', '| a |\n|---|')).toBeNull();
    expect(teds(answer, 'plain text')).toBe(0);
  });

  it('equates a pipe table with its HTML, th with td and ignores thead/tbody', () => {
    expect(teds(answer, '| Item | Qty |\n| --- | --- |\n| Apple | 10 |')).toBe(1);
    const grouped =
      '<table><thead><tr><th>Item</th><th>Qty</th></tr></thead><tbody><tr><td>Apple</td><td>10</td></tr></tbody></table>';
    expect(teds(answer, grouped)).toBe(1);
  });

  it('charges normalised Levenshtein for cell text', () => {
    // 7 nodes (table, 2 tr, 4 td); "10" -> "12" costs 1/2.
    const output = '| Item | Qty |\n| --- | --- |\n| Apple | 12 |';
    expect(teds(answer, output)).toBeCloseTo(1 - 0.5 / 7, 12);
  });

  it('charges a full rename when spans differ and counts a missing row', () => {
    const spanned = '<table><tr><td colspan="2">Item</td></tr><tr><td>Apple</td><td>10</td></tr></table>';
    // Rename the spanned cell (1) and insert the missing cell (1), over 7 nodes.
    expect(teds(answer, spanned)).toBeCloseTo(1 - 2 / 7, 12);
  });

  it('compares cell text unescaped and with <br> as a space', () => {
    const output = '| Item | Qty |\n| --- | --- |\n| Ap<br>ple &amp; | 10 |';
    const expected =
      '<table><tr><td>Item</td><td>Qty</td></tr><tr><td>Ap ple &amp;</td><td>10</td></tr></table>';
    expect(teds(expected, output)).toBe(1);
  });
});

describe('MHS', () => {
  it('is null without answer headings, 0 without output headings', () => {
    expect(mhs('just text', '# H\ntext')).toBeNull();
    expect(mhs('# Title\ntext', 'Title\ntext')).toBe(0);
  });

  it('ignores heading levels', () => {
    expect(mhs('# A\nx\n## B\ny', '### A\nx\n# B\ny')).toBe(1);
  });

  it('charges a missing section and text changes', () => {
    // Answer: root, A, x, B, y (5 nodes); output lacks B and y.
    expect(mhs('# A\nx\n# B\ny', '# A\nx')).toBeCloseTo(1 - 2 / 5, 12);
    // "abcd" -> "abxd" in the section text: 1/4 over 3 nodes.
    expect(mhs('# A\nabcd', '# A\nabxd')).toBeCloseTo(1 - 0.25 / 3, 12);
  });
});

describe('scoreDocument', () => {
  it('averages the scores that apply', () => {
    const scores = scoreDocument('# A\nabcd', '# A\nabxd');
    expect(scores.teds).toBeNull();
    expect(scores.overall).toBeCloseTo(((scores.nid ?? 0) + (scores.mhs ?? 0)) / 2, 12);
  });

  it('can ignore picture markup on both sides', () => {
    const answer = 'Text\n\n<!-- image -->\n\nMore';
    const output = 'Text\n\n![Figure 1](figures/picture-1.png)\n\nMore';
    expect(scoreDocument(answer, output, { ignorePictures: true }).nid).toBeLessThan(1);
    expect(scoreDocument(answer, 'Text\n\n![](x.png)\n\nMore', { ignorePictures: true }).nid).toBe(1);
  });
});
