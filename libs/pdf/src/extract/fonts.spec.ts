import { describe, expect, it } from '@jest/globals';
import { fontStyle } from './fonts.js';

describe('fontStyle', () => {
  it('reads series from TeX font names at every size, one digit or more', () => {
    expect(fontStyle('RGZAFB+CMTT9', 'monospace', {}).mono).toBe(true);
    expect(fontStyle('CMTT10', '', {}).mono).toBe(true);
    expect(fontStyle('CMBX9', '', {}).bold).toBe(true);
    expect(fontStyle('SFBX1000', '', {}).bold).toBe(true);
    expect(fontStyle('CMTI7', '', {}).italic).toBe(true);
  });

  it('does not read a style into a plain face or a subset prefix', () => {
    expect(fontStyle('CMR10', '', {})).toEqual({ bold: false, italic: false, mono: false });
    expect(fontStyle('BOLDTT+CMR9', '', {})).toEqual({ bold: false, italic: false, mono: false });
  });

  it("takes pdf.js' fixed-pitch finding (family monospace) for a font whose name says nothing", () => {
    expect(fontStyle('ABCDEF+BookFace-Roman', 'monospace', {}).mono).toBe(true);
    expect(fontStyle('ABCDEF+BookFace-Roman', 'sans-serif', {}).mono).toBe(false);
  });

  it("reads the URW clones' abbreviated series, without reading one into a word", () => {
    expect(fontStyle('RUFAVI+NimbusRomNo9L-Medi', '', {}).bold).toBe(true);
    expect(fontStyle('NimbusSanL-ReguItal', '', {}).italic).toBe(true);
    expect(fontStyle('URWPalladioL-Ital', '', {}).italic).toBe(true);
    expect(fontStyle('DigitalSans-Regular', '', {})).toEqual({ bold: false, italic: false, mono: false });
    expect(fontStyle('Intermedia-Regular', '', {}).bold).toBe(false);
  });
});
