import { describe, expect, it } from '@jest/globals';
import { listMarker } from './markers.js';

describe('listMarker', () => {
  it('recognises bullets and item numbers', () => {
    expect(listMarker('• apples')).toEqual({ ordered: false, marker: '•', rest: 'apples' });
    expect(listMarker('2. pears')).toEqual({ ordered: true, marker: '2.', rest: 'pears' });
    expect(listMarker('(b) plums')).toEqual({ ordered: true, marker: '(b)', rest: 'plums' });
  });

  it('does not take a hyphenated number or a year for a list item', () => {
    expect(listMarker('-2-5 standards')).toBeNull();
    expect(listMarker('2020 was a year')).toBeNull();
  });

  it('takes an asterisk for a bullet only when a space follows it', () => {
    expect(listMarker('* apples')).toEqual({ ordered: false, marker: '*', rest: 'apples' });
    expect(listMarker('*JOBCTL')).toBeNull();
    expect(listMarker('•apples')).toEqual({ ordered: false, marker: '•', rest: 'apples' });
  });
});
