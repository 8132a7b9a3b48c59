/**
 * The writing system of each Tesseract language that shares one with others. A model reads its own
 * script well and any other as noise, while loading several scripts' models at once makes every page
 * two or three times slower: so a page is read with one script's languages at a time.
 */
const SCRIPTS: Record<string, string> = {
  Latin:
    'eng deu fra spa ita por nld dan nor swe fin isl pol ces slk slv hrv bos hun ron tur lit lav est cat ' +
    'glg eus gle cym mlt sqi afr ind msa vie tgl swa lat epo aze uzb',
  Cyrillic: 'rus ukr bel bul srp mkd kaz kir mon tat tgk',
  Greek: 'ell grc',
  Arabic: 'ara fas urd pus snd uig kur_ara',
  Hebrew: 'heb yid',
  Devanagari: 'hin mar nep san',
  Han: 'chi_sim chi_tra chi_sim_vert chi_tra_vert',
  Japanese: 'jpn jpn_vert',
  Hangul: 'kor kor_vert',
};

const SCRIPT_OF = new Map(
  Object.entries(SCRIPTS).flatMap(([script, langs]) => langs.split(' ').map((l) => [l, script])),
);

/**
 * The configured languages in groups of one script each, in the order they were first named: the
 * first group reads every page, the others only pages it reads poorly. A language of no known script
 * (a Tesseract `script/...` model, say) is a group of its own.
 */
export function scriptGroups(languages: readonly string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const lang of languages) {
    const key = SCRIPT_OF.get(lang) ?? `own:${lang}`;
    groups.set(key, [...(groups.get(key) ?? []), lang]);
  }
  return [...groups.values()];
}

/**
 * The Latin-script language that lines of another script are read again with, for the words they
 * borrow (names, terms, units): the first configured. Undefined where none is configured.
 */
export function borrowedLanguage(languages: readonly string[]): string | undefined {
  return languages.find((l) => SCRIPT_OF.get(l) === 'Latin');
}

/** Han, kana and Hangul: each character drawn in a square nearly as tall as the font's body. */
export const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Hebrew, Arabic, Syriac, Thaana and N'Ko letters, and their presentation forms. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/gu;
/** Any letter, for counting with `match`. */
export const LETTER = /\p{L}/gu;

/** Text written right to left: most of its letters are of a right-to-left script. */
export function isRightToLeft(text: string): boolean {
  const rtl = text.match(RIGHT_TO_LEFT)?.length ?? 0;
  return rtl > 0 && rtl * 2 > letterCount(text);
}

/** How many letters the text holds. */
export function letterCount(text: string): number {
  return text.match(LETTER)?.length ?? 0;
}
