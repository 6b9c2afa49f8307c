// The words of the mirror and the fallback, by language, from assets/words/LANG.json — the
// files the canvas reads too. English is built in (WORDS_EN and WORD_LANGUAGES are written
// before this code by the build, from those files); the others are fetched when a feed or
// the page needs them, and handed to the canvas as well (carta_asset words).
import { fetchAsset } from './assets.js';

/* global WORDS_EN, WORD_LANGUAGES */
// (Node, which imports these modules for their tests, has none: English is then empty.)
export const STRINGS = { en: typeof WORDS_EN === 'object' ? WORDS_EN : {} };

function code(locale) {
  const c = String(locale || 'en').split(/[-_]/)[0].toLowerCase();
  return c === 'iw' ? 'he' : c;
}

export function uiStrings(locale) { return STRINGS[code(locale)] || STRINGS.en; }

export function fmt(template, vars) {
  return template.replace(/\{(\w+)\}/g, (m, key) => vars[key] != null ? String(vars[key]) : m);
}

// The words of the languages in `codes` that Carta speaks beyond English, each fetched once
// per page; resolves with their texts, for the canvas. A language that fails to load stays
// in English.
const wordPromises = {};
export function loadWords(codes) {
  const wanted = codes.map(code).filter((c, k, all) => c !== 'en' && WORD_LANGUAGES.indexOf(c) >= 0 && all.indexOf(c) === k);
  return Promise.all(wanted.map((c) => {
    if (!wordPromises[c]) {
      wordPromises[c] = fetchAsset('words/' + c + '.json').then((r) => r.text()).then((text) => {
        STRINGS[c] = JSON.parse(text);
        return text;
      }).catch((e) => { console.warn('Carta: ' + e.message); return null; });
    }
    return wordPromises[c];
  })).then((texts) => texts.filter(Boolean));
}
