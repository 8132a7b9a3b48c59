import { describe, expect, it } from '@jest/globals';
import { markdownTablesToHtml } from './markdown-tables.js';

describe('markdownTablesToHtml', () => {
  it('turns a pipe table into one line of HTML and keeps the rest', () => {
    const md = 'Intro\n\n| A | B |\n|---|:-:|\n| 1 | 2 |\n| 3 |\nAfter\n';
    expect(markdownTablesToHtml(md)).toBe(
      'Intro\n\n<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr>' +
        '<tr><td>3</td><td></td></tr></table>\nAfter\n',
    );
  });

  it('cuts long rows, escapes cell text and accepts rows without outer pipes', () => {
    // The table takes the header line's line ending.
    expect(markdownTablesToHtml('a | b\n--|--\n<x> | & | extra')).toBe(
      '<table><tr><th>a</th><th>b</th></tr><tr><td>&lt;x&gt;</td><td>&amp;</td></tr></table>\n',
    );
  });

  it('needs a separator row', () => {
    const md = '| a | b |\n| c | d |\n';
    expect(markdownTablesToHtml(md)).toBe(md);
  });
});
