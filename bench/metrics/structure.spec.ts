import { describe, expect, it } from '@jest/globals';
import { codeLinesFound, headingLevels, listItemsFound, normalizeText, picturesFound } from './structure.js';

describe('headingLevels', () => {
  const answer = '# Title\n\n## 1 Method\n\ntext\n\n### 1.1 Setup\n\n## 2 Results\n';

  it('counts every expected heading found at its level', () => {
    expect(headingLevels(answer, answer)).toEqual({ expected: 4, found: 4 });
  });

  it('counts a heading at another level, or as plain text, as not found', () => {
    const output = '# Title\n\n## 1 Method\n\ntext\n\n## 1.1 Setup\n\n2 Results\n';
    expect(headingLevels(answer, output)).toEqual({ expected: 4, found: 2 });
  });

  it('matches by normalised text: case, punctuation and ligatures aside', () => {
    const output = '# TITLE\n\n## 1. Method\n\n### 1.1 Setup\n\n## 2 Results\n';
    expect(headingLevels(answer, output)).toEqual({ expected: 4, found: 4 });
    expect(normalizeText('Deﬁnitions')).toBe('definitions');
  });

  it('uses each output heading once', () => {
    expect(headingLevels('## A\n\n## A\n', '## A\n')).toEqual({ expected: 2, found: 1 });
  });

  it('is null when the answer has no heading, and ignores # lines inside code', () => {
    expect(headingLevels('text\n\n```\n# comment\n```\n', '# comment\n')).toBeNull();
  });
});

describe('listItemsFound and codeLinesFound', () => {
  it('finds list items by text whatever the marker and indentation', () => {
    const answer = '- one\n  1. two\n- three\n';
    expect(listItemsFound(answer, '1. one\n    - two\n\nthree\n')).toEqual({ expected: 3, found: 2 });
  });

  it('finds code lines only inside fenced blocks', () => {
    const answer = '```\nx = 1\n  return x\n```\n';
    expect(codeLinesFound(answer, '```\nx = 1\nreturn x\n```\n')).toEqual({ expected: 2, found: 2 });
    expect(codeLinesFound(answer, 'x = 1\n\nreturn x\n')).toEqual({ expected: 2, found: 0 });
  });

  it('counts output pictures up to the expected number', () => {
    expect(picturesFound('<!-- image -->\n\n<!-- image -->\n', '![a](b.png)\n')).toEqual({
      expected: 2,
      found: 1,
    });
    expect(picturesFound('text\n', '![a](b.png)\n')).toBeNull();
  });
});
