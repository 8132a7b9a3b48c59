import { describe, expect, it } from '@jest/globals';
import { borrowedLanguage, isRightToLeft, scriptGroups } from './scripts.js';

describe('scriptGroups', () => {
  it('groups languages by script in the order they were named', () => {
    expect(scriptGroups(['eng', 'kor', 'deu', 'ara', 'fas'])).toEqual([
      ['eng', 'deu'],
      ['kor'],
      ['ara', 'fas'],
    ]);
  });

  it('makes a language of no known script a group of its own', () => {
    expect(scriptGroups(['eng', 'script/Latin', 'xyz'])).toEqual([['eng'], ['script/Latin'], ['xyz']]);
  });
});

describe('borrowedLanguage', () => {
  it('is the first Latin-script language configured, wherever it was named', () => {
    expect(borrowedLanguage(['kor', 'deu', 'eng'])).toBe('deu');
    expect(borrowedLanguage(['ara', 'fas'])).toBeUndefined();
  });
});

describe('isRightToLeft', () => {
  it('is true for Hebrew and Arabic words, with digits or Latin among them', () => {
    expect(isRightToLeft('שלום')).toBe(true);
    expect(isRightToLeft('مرحبا 2024')).toBe(true);
    expect(isRightToLeft('ברוכים PDF')).toBe(true);
  });

  it('is false for Latin text and numbers', () => {
    expect(isRightToLeft('Hello')).toBe(false);
    expect(isRightToLeft('2024')).toBe(false);
    expect(isRightToLeft('PDF ש')).toBe(false);
  });
});
