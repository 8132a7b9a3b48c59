import { describe, expect, it } from '@jest/globals';
import { HeadingStyle, headingLevels, numberingDepth } from './headings.js';

/** Headings on page 1 unless given: [text, size, bold]. */
const levels = (...hs: [string, number, boolean?, number?][]) =>
  headingLevels(
    hs.map(([text, size, bold, page]): HeadingStyle => ({ text, size, bold: !!bold, page: page ?? 1 })),
  );

describe('numberingDepth', () => {
  it('counts the parts of a section number, chapter labels and appendix letters', () => {
    expect(numberingDepth('2 Method')).toBe(1);
    expect(numberingDepth('2. Method')).toBe(1);
    expect(numberingDepth('2.1 Setup')).toBe(2);
    expect(numberingDepth('2.1.3. Detail')).toBe(3);
    expect(numberingDepth('A.2 Proofs')).toBe(2);
    expect(numberingDepth('Chapter 4 Results')).toBe(1);
    expect(numberingDepth('2021 in review')).toBe(0);
    expect(numberingDepth('Results')).toBe(0);
  });
});

describe('headingLevels', () => {
  it('follows numbering depth over size: a body-size bold "2.1.1" sits below a larger "2.1"', () => {
    expect(
      levels(
        ['A Study of Sampling', 17, false],
        ['1 Introduction', 14, true],
        ['2 Method', 14, true],
        ['2.1 Setup', 12, true],
        ['2.1.1 Hardware', 10, true],
        ['References', 14, true],
      ),
    ).toEqual([1, 2, 2, 3, 4, 2]);
  });

  it('ranks unnumbered styles by size, then weight, under the title', () => {
    expect(
      levels(
        ['Operating the Farm', 24, true],
        ['Getting started', 18, true],
        ['Requirements', 14, true],
        ['Options', 12, true],
        ['Quiet note', 12, false],
        ['Troubleshooting', 18, true],
      ),
    ).toEqual([1, 2, 3, 4, 5, 2]);
  });

  it('has no title when the largest style is used more than once: the top headings are level 2', () => {
    expect(levels(['Overview', 14], ['Details', 12], ['Summary', 14])).toEqual([2, 3, 2]);
  });

  it('reads plain lines under the title, smaller than the sections, as a byline, not headings', () => {
    expect(
      levels(
        ['A Study', 17],
        ['A. Author', 12],
        ['May 2026', 12],
        ['1 Introduction', 14, true],
        ['1.1 Scope', 12, true],
      ),
    ).toEqual([1, 0, 0, 2, 3]);
  });

  it('gives a subtitle under the title the first section level without pushing sections down', () => {
    expect(
      levels(['Title', 28, true], ['Subtitle', 18], ['Part one', 18, true], ['Detail', 16, true]),
    ).toEqual([1, 2, 2, 3]);
  });

  it('keeps a lettered heading numbered when its letters run, and an initial when alone', () => {
    expect(levels(['A. Scope', 12, true], ['A.1 Terms', 11, true], ['B. Rules', 12, true])).toEqual([
      2, 3, 2,
    ]);
  });

  it('puts unnumbered front sections (a preface) at the level of the numbered sections', () => {
    expect(
      levels(
        ['Access Control', 24, true, 1],
        ['Preface', 16, true, 2],
        ['1 Basics', 14, true, 3],
        ['1.1 Terms', 12, true, 3],
      ),
    ).toEqual([1, 2, 2, 3]);
  });

  it('reads a byline in an unnumbered document too, but keeps a subtitle as large as the sections', () => {
    expect(
      levels(['A Study', 24, true], ['Ann Lee, Bo Kim', 13], ['Abstract', 18, true], ['Scope', 14, true]),
    ).toEqual([1, 0, 2, 3]);
  });

  it("finds a report's title on its title page though the chapters are set larger", () => {
    expect(
      levels(
        ['A Design of Sensor Networks', 17, false, 1],
        ['Abstract', 12, true, 2],
        ['1 Conclusion', 24, true, 3],
        ['1.1 Stable Region', 14, true, 3],
        ['2 Introduction', 24, true, 4],
      ),
    ).toEqual([1, 2, 2, 3, 2]);
  });

  it('opens at level 2 right after the title however small the first heading is set', () => {
    expect(levels(['A Survey', 17], ['Abstract', 9, true], ['Data', 14, true], ['Detail', 12, true])).toEqual(
      [1, 2, 2, 3],
    );
  });
});
