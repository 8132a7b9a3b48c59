import { describe, expect, it } from '@jest/globals';
import { subfolderNames } from './output-layout.js';

describe('subfolderNames', () => {
  it('names each folder after its file, without the .pdf', () => {
    expect(subfolderNames(['/in/paper.pdf', '/in/Slides.PDF', '/in/notes.v2.pdf'])).toEqual([
      'paper',
      'Slides',
      'notes.v2',
    ]);
  });

  it('numbers files met again, in the order given', () => {
    expect(subfolderNames(['/a/report.pdf', '/b/report.pdf', '/c/report.pdf'])).toEqual([
      'report',
      'report-2',
      'report-3',
    ]);
  });

  it('compares names ignoring case, as case-insensitive file systems do', () => {
    expect(subfolderNames(['/a/Report.pdf', '/b/report.pdf'])).toEqual(['Report', 'report-2']);
  });

  it('never takes the name of another input for a numbered one', () => {
    expect(subfolderNames(['/a/report.pdf', '/b/report.pdf', '/c/report-2.pdf'])).toEqual([
      'report',
      'report-3',
      'report-2',
    ]);
  });

  it('gives a file called just .pdf a name', () => {
    expect(subfolderNames(['/a/.pdf'])).toEqual(['document']);
  });
});
