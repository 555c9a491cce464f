/**
 * Lookups over the bundled data tables. Each table ships as one string (it
 * bundles far smaller than an array literal) and is parsed on first use, so
 * a process that never runs the name rules never pays for them.
 */
import { STATE_CODES, WELL_KNOWN_ACRONYMS } from './data/acronyms';
import { COMMON_WORDS } from './data/common-words';
import { COMPOUNDS } from './data/hyphenation';
import { CONFUSABLE_KNOWN_NAMES } from './data/known-names';
import { LEXICAL_VARIANTS, TRANSLITERATIONS } from './data/lexical';
import { NICKNAME_PAIRS } from './data/nicknames';
import { UK_US_PAIRS } from './data/spelling-uk-us';
import { fnv1a } from '../hash';

function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

/** British form → American form ("defence" → "defense"), lower case. */
export const ukToUs = lazy(() => {
  const map = new Map<string, string>();
  for (const pair of UK_US_PAIRS.split('|')) {
    const space = pair.indexOf(' ');
    map.set(pair.slice(0, space), pair.slice(space + 1));
  }
  return map;
});

/** American forms that have a British counterpart, for the reverse lookup. */
export const usToUk = lazy(() => {
  const map = new Map<string, string>();
  for (const [uk, us] of ukToUs()) if (!map.has(us)) map.set(us, uk);
  return map;
});

/** A closed compound of the hyphenation table. */
export interface Compound {
  /** The closed form, lower case ("ceasefire"). */
  readonly closed: string;
  /** Where the closed form splits into its halves ("cease|fire" → 5). */
  readonly split: number;
  /** Whether the two-word form ("cease fire") is a variant too. */
  readonly spaced: boolean;
}

/** Closed compounds of policy prose by closed form. */
export const compounds = lazy(() => {
  const map = new Map<string, Compound>();
  for (const entry of COMPOUNDS.split(' ')) {
    const spaced = entry.includes('+');
    const [left = '', right = ''] = entry.replace(/[+*]/g, '').split('|');
    map.set(left + right, { closed: left + right, split: left.length, spaced });
  }
  return map;
});

/** Two-word forms ("cease fire") of compounds whose spaced form is a variant, by their first word. */
export const spacedCompoundStarts = lazy(() => {
  const map = new Map<string, Compound[]>();
  for (const compound of compounds().values()) {
    if (!compound.spaced) continue;
    const first = compound.closed.slice(0, compound.split);
    const list = map.get(first) ?? [];
    list.push(compound);
    map.set(first, list);
  }
  return map;
});

/**
 * Hyphenated words whose closed form is a different word ("re-sign" is not
 * "resign", "co-op" is not "coop"): never variants of each other.
 */
export const HYPHEN_TRAPS: ReadonlySet<string> = new Set([
  're-sign', 're-create', 're-creation', 're-cover', 're-covered', 're-form', 're-formed', 're-lease', 're-leased',
  're-press', 're-serve', 're-served', 're-sort', 're-treat', 're-mark', 're-present', 're-presented', 're-solve',
  're-count', 're-collect', 're-act', 're-fund', 're-call', 're-pair', 're-signed', 're-sent', 're-store', 're-turn',
  're-ward', 're-view', 'co-op', 'co-ops', 'un-ionized', 'pre-position', 'de-fuse', 'multi-ply', 'over-sight',
]);

/** Lexical variants: form → [family key, variant index, forms of that family]. */
export const lexicalVariants = lazy(() => {
  const map = new Map<string, { key: string; index: number; forms: readonly string[] }>();
  for (const group of LEXICAL_VARIANTS) {
    const key = group[0]![0]!;
    for (const forms of group) forms.forEach((form, index) => map.set(form, { key, index, forms }));
  }
  return map;
});

/** Two-word lexical forms ("per cent") by first word. */
export const spacedLexicalStarts = lazy(() => {
  const map = new Map<string, string[]>();
  for (const form of lexicalVariants().keys()) {
    const space = form.indexOf(' ');
    if (space < 0) continue;
    const list = map.get(form.slice(0, space)) ?? [];
    list.push(form);
    map.set(form.slice(0, space), list);
  }
  return map;
});

/**
 * Every lower-case word with a role in the spelling tables (a UK or US form,
 * a lexical variant, a compound or the first word of a two-word form), so
 * the common case, an ordinary word, costs one lookup.
 */
export const spellingWords = lazy(() => {
  const set = new Set<string>([...ukToUs().keys(), ...usToUk().keys(), ...spacedCompoundStarts().keys(), ...spacedLexicalStarts().keys()]);
  for (const form of lexicalVariants().keys()) if (!form.includes(' ')) set.add(form);
  for (const closed of compounds().keys()) {
    set.add(closed);
    set.add(`${closed}s`);
  }
  return set;
});

/** Words shorter than this are few in {@link spellingWords} (under 300), so a small filter rules most others out. */
const SHORT_WORD = 7;
const FILTER_MASK = (1 << 14) - 1;

/** One bit per short word of {@link spellingWords}, at its FNV-1a hash: a Bloom filter of one hash function. */
const shortWordFilter = lazy(() => {
  const bits = new Uint8Array((FILTER_MASK + 1) >> 3);
  for (const word of spellingWords()) {
    if (word.length >= SHORT_WORD) continue;
    const slot = fnv1a(word) & FILTER_MASK;
    bits[slot >> 3]! |= 1 << (slot & 7);
  }
  return bits;
});

/**
 * Whether `word` is surely not in {@link spellingWords}: a short word in
 * lower-case ASCII whose filter bit is clear. Most words of prose are such,
 * and the 2 KB filter answers without a hash-table lookup; false means only
 * "look it up".
 */
export function surelyNoSpellingWord(word: string): boolean {
  if (word.length >= SHORT_WORD) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  const slot = fnv1a(word) & FILTER_MASK;
  return (shortWordFilter()[slot >> 3]! & (1 << (slot & 7))) === 0;
}

/** The length of the shortest word in {@link spellingWords}: shorter tokens need no lookup. */
export const shortestSpellingWord = lazy(() => {
  let shortest = Infinity;
  for (const word of spellingWords()) shortest = Math.min(shortest, word.length);
  return shortest;
});

/** Transliterated names (folded, lower case) → the key of their name. */
export const transliterations = lazy(() => {
  const map = new Map<string, string>();
  for (const forms of TRANSLITERATIONS) {
    const key = forms[0]!.toLowerCase();
    for (const form of forms) map.set(form.toLowerCase().replace(/[’']/g, ''), key);
  }
  return map;
});

/** Given name → the names it is a nickname or full form of ("mike" → {"michael", ...}). */
export const nicknames = lazy(() => {
  const map = new Map<string, Set<string>>();
  const add = (a: string, b: string): void => {
    const set = map.get(a) ?? new Set<string>();
    set.add(b);
    map.set(a, set);
  };
  for (const pair of NICKNAME_PAIRS.split('|')) {
    const [a = '', b = ''] = pair.split(' ');
    add(a, b);
    add(b, a);
  }
  return map;
});

/** Whether two given names (lower case) name the same person: equal, or a nickname of the other. */
export function sameGivenName(a: string, b: string): boolean {
  return a === b || (nicknames().get(a)?.has(b) ?? false);
}

/** Common English words of 2–7 letters, lower case. */
export const commonWords = lazy(() => new Set(COMMON_WORDS.split(' ')));

/** Proper names (folded) that are close to another real name. */
export const confusableKnownNames = lazy(() => new Set(CONFUSABLE_KNOWN_NAMES.split(' ')));

/** Acronyms that need no definition, upper case as written. */
export const wellKnownAcronyms = lazy(() => new Set(WELL_KNOWN_ACRONYMS.split(' ')));

/** US postal codes. */
export const stateCodes = lazy(() => new Set(STATE_CODES.split(' ')));

/**
 * Pairs of real, different names that any similarity measure puts close
 * together; kept so that they are never reported whatever the tables say.
 */
export const KNOWN_DISTINCT: readonly (readonly string[])[] = [
  ['johnson', 'johnston'],
  ['waltz', 'walz'],
  ['russia', 'russian'],
  ['lavrov', 'lavrova'],
  ['sikorski', 'sikorsky'],
  ['iran', 'iraq'],
  ['austria', 'australia'],
  ['sudan', 'south sudan'],
  ['slovakia', 'slovenia'],
  ['zelensky', 'zelenska'],
  ['niger', 'nigeria'],
  ['guinea', 'guyana'],
  ['gambia', 'zambia'],
  ['mali', 'malawi'],
  ['dominica', 'dominican'],
];
