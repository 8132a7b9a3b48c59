/** What a font's name and pdf.js' flags tell about its style. */
export interface FontStyle {
  bold: boolean;
  italic: boolean;
  mono: boolean;
}

// TeX fonts name their series and size in the file name: CMBX10 / CMBX9 / SFBX1000 (bold extended),
// CMTI7 / SFTI (italic), CMTT9 (typewriter).
// URW's clones of the base fonts abbreviate: NimbusRomNo9L-Medi (bold), -ReguItal, URWPalladioL-Ital.
const BOLD = /bold|black|heavy|semibold|demi|[-,]bd\b|[-,]medi(um)?|bx\d{1,4}$/i;
const ITALIC = /italic|oblique|[-,]it\b|slanted|(ti|sl)\d{1,4}$/i;
// Case matters here: "-Ital" or "ReguItal", not "Digital".
const ITALIC_SHORT = /(-|[a-z])Ital$/;
const MONO = /mono|courier|consol|menlo|typewriter|tt\d{1,4}$|inconsolata|(?<!uni)code|fixed/i;

export function fontStyle(
  name: string,
  family: string,
  flags: { bold?: boolean; italic?: boolean },
): FontStyle {
  // Subset fonts carry a "ABCDEF+" prefix that can contain the letters above by chance.
  const clean = name.replace(/^[A-Z]{6}\+/, '');
  return {
    bold: Boolean(flags.bold) || BOLD.test(clean),
    italic: Boolean(flags.italic) || ITALIC.test(clean) || ITALIC_SHORT.test(clean),
    // pdf.js names the fallback family "monospace" when the font says it is fixed-pitch or all its
    // glyphs have one advance; the name catches fonts that claim neither.
    mono: family === 'monospace' || MONO.test(clean),
  };
}
