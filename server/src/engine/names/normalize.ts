/**
 * Deterministic keys: two forms with one key are one entity written two
 * ways. Every fold here is exact (no similarity threshold), which is what
 * lets `inconsistent-name` and `inconsistent-spelling` be warnings.
 */
import { transliterations } from './tables';

/** Letters NFD does not decompose, written as their usual ASCII stand-ins. */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ı: 'i', þ: 'th', Þ: 'Th', ð: 'd', Ð: 'D',
};

/** Removes diacritics ("Erdoğan" → "Erdogan", "Łukasz" → "Lukasz"), keeping case. */
export function foldDiacritics(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(text)) return text;
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁøØđĐßæÆœŒıþÞðÐ]/g, (ch) => LETTER_FOLDS[ch] ?? ch);
}

const CONSONANT = /[bcdfghjklmnpqrstvwxz]$/;
/** Longest first, so "Zelenskyy" loses "yy", not "y". */
const SLAVIC_ENDINGS = ['yy', 'iy', 'ii', 'yi', 'ij', 'y'];

/**
 * Folds the romanisations of a Slavic surname ending: Zelenskyy, Zelensky,
 * Zelenskiy, Zelenskyi, Zelenskii, Zelenskij all become "zelensk~". The
 * marker keeps a stem from meeting the bare word ("German" is not
 * "Germany"); a bare "-i" (Polish "Sikorski") and feminine "-a" ("Lavrova")
 * are left alone because they are different names.
 */
export function foldSlavicEnding(lower: string): string {
  for (const ending of SLAVIC_ENDINGS) {
    if (!lower.endsWith(ending)) continue;
    const stem = lower.slice(0, -ending.length);
    if (stem.length >= 3 && CONSONANT.test(stem)) return `${stem}~`;
    return lower;
  }
  return lower;
}

/** Whether a token is written like an acronym: two or more capitals, at most one other lower-case letter ("DoD", "PhD"). */
export function isAcronymShape(token: string): boolean {
  // Char codes, not a regex per character: this runs on every capitalised word.
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (!((c >= 48 && c <= 57) || c === 38 || c === 46 || c === 45)) return false;
  }
  const first = token.charCodeAt(0);
  return upper >= 2 && lower <= 1 && first >= 65 && first <= 90;
}

/** Whether a token is a dotted acronym ("U.S.", "N.A.T.O."). */
export function isDottedAcronym(token: string): boolean {
  return token.length >= 4 && token.charCodeAt(1) === 46 && DOTTED.test(token);
}

const DOTTED = /^(?:[A-Z]\.){2,}$/;

/** The key of an acronym in any of its forms: "U.S.", "US", "Us" → "us"; "ARPA-E" → "arpae". */
export function acronymKey(token: string): string {
  return token.replace(/[.&\-‐‑]/g, '').toLowerCase();
}

/**
 * The key of a single name word: case, diacritics, apostrophes and Slavic
 * endings folded, known transliterations ("Kiev"/"Kyiv") mapped to one key.
 */
export function nameWordKey(word: string): string {
  const folded = foldDiacritics(word).toLowerCase().replace(/['’]/g, '');
  return transliterations().get(folded) ?? foldSlavicEnding(folded);
}

/** The key of a multi-word or hyphenated name: letters only, folded ("Jean-Pierre", "Jean Pierre" → "jeanpierre"). */
export function compoundNameKey(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * A crude stem that lets inflections share a spelling family
 * ("organisations"/"organization", "defences"/"defense") without a lemmatiser;
 * it only has to map both spellings of one word to one key.
 */
export function spellingFamily(word: string): string {
  const stem = word.replace(/(?:ings|ing|ers|er|ed|es|s|e)$/, '');
  return stem.length >= 3 ? stem : word;
}

/** Splits a trailing possessive ("Russia's" → ["Russia", 2]). */
export function splitPossessive(token: string): [base: string, suffix: number] {
  const base = possessiveBase(token);
  return base === token ? [token, 0] : [base, 2];
}

/** {@link splitPossessive}'s base alone, without building a pair (it runs on every capitalised word). */
export function possessiveBase(token: string): string {
  const n = token.length;
  if (n < 3) return token;
  const s = token.charCodeAt(n - 1);
  const q = token.charCodeAt(n - 2);
  const before = token.charCodeAt(n - 3);
  // As /.['’][sS]$/: any character but a line terminator before the apostrophe.
  if ((s === 115 || s === 83) && (q === 39 || q === 0x2019) && before !== 10 && before !== 13 && before !== 0x2028 && before !== 0x2029) return token.slice(0, -2);
  return token;
}

/** Splits an acronym's plural ("NGOs" → ["NGO", 1]); the plural is not another form. */
export function splitAcronymPlural(token: string): [base: string, suffix: number] {
  const base = acronymPluralBase(token);
  return base === token ? [token, 0] : [base, 1];
}

/** {@link splitAcronymPlural}'s base alone, without building a pair. */
export function acronymPluralBase(token: string): string {
  if (token.charCodeAt(token.length - 1) !== 115) return token;
  if (/^[A-Z][A-Z0-9&-]*[A-Z]s$/.test(token) || /^(?:[A-Z]\.){2,}s$/.test(token)) return token.slice(0, -1);
  return token;
}

/** Applies the capitalisation of `model` ("Defence") to `replacement` ("defense" → "Defense"). */
export function matchCase(model: string, replacement: string): string {
  if (model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase()) return replacement.toUpperCase();
  const first = model[0] ?? '';
  if (first !== first.toLowerCase()) return (replacement[0] ?? '').toUpperCase() + replacement.slice(1);
  return replacement;
}
