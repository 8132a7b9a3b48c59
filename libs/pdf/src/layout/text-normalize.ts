const COMPATIBILITY_FORMS = /[\uFB00-\uFB06\uFB13-\uFB17\uFB50-\uFDFF\uFE70-\uFEFF]+/g;

/** Unfolds ligatures (ﬁ, ﬂ) and Arabic presentation forms into the letters a reader would type. */
export function normalizeText(text: string): string {
  return text.replace(COMPATIBILITY_FORMS, (s) => s.normalize('NFKC')).replace(/\u00AD/g, '');
}
