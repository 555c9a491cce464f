/**
 * Acronym definitions, found the Schwartz–Hearst way: a parenthesis next to
 * an acronym, and the acronym's letters matched right to left against the
 * words on the other side ("North Atlantic Treaty Organization (NATO)",
 * "NATO (North Atlantic Treaty Organization)", "Department of Defense (DoD)").
 */
import { charClass, LETTER, NUMBER, SPACE } from '../document/chars';
import { acronymKey, isAcronymShape, isDottedAcronym, splitAcronymPlural } from './normalize';
import { commonWords, stateCodes, wellKnownAcronyms } from './tables';

/** One definition, with offsets relative to the block's prose. */
export interface AcronymDefinition {
  /** The acronym as written in the definition ("NATO"). */
  readonly acronym: string;
  /** `N:`-prefixed key shared with acronym mentions. */
  readonly key: string;
  /** The spelled-out form ("North Atlantic Treaty Organization"). */
  readonly long: string;
  /** The whole definition: long form and parenthesis, either order. */
  readonly start: number;
  readonly end: number;
  /** The acronym inside the definition. */
  readonly acronymStart: number;
  readonly acronymEnd: number;
}

/** Masked link destinations count toward a parenthesis's length ("(IIJA; [P.L. 117-58](https://...))"). */
const MAX_PAREN = 400;

/**
 * Where the long form for `short` starts in `candidate`, or -1. Each letter
 * or digit of the acronym must appear in order, right to left, and its first
 * letter must begin a word (Schwartz & Hearst 2003, "A simple algorithm for
 * identifying abbreviation definitions in biomedical text").
 */
export function longFormStart(short: string, candidate: string): number {
  const chars = short.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (chars.length < 2) return -1;
  // Char codes, not a one-character string and a regex per position: this walks every candidate long form.
  const wordStart = (i: number): boolean => {
    if (i === 0) return true;
    const before = candidate.charCodeAt(i - 1);
    return !(charClass(before) & (LETTER | NUMBER) || before === 39 || before === 0x2019);
  };
  // Whether candidate[i] lower-cases to `c` (a-z or 0-9); beyond ASCII only the Kelvin sign does, so ask those the slow way.
  const same = (i: number, c: string): boolean => {
    const code = candidate.charCodeAt(i);
    if (code >= 128) return candidate[i]!.toLowerCase() === c;
    return (code >= 65 && code <= 90 ? code + 32 : code) === c.charCodeAt(0);
  };
  let l = candidate.length - 1;
  for (let s = chars.length - 1; s >= 0; s--) {
    const c = chars[s]!;
    while (l >= 0 && (!same(l, c) || (s === 0 && !wordStart(l)))) l--;
    if (l < 0) return -1;
    if (s > 0) l--;
  }
  // The first letter landed on a connector ("of" in "Office of Inspector General (OIG)"): the name starts further back.
  while (CONNECTORS.has(/^[\p{L}]+/u.exec(candidate.slice(l))?.[0] ?? '')) {
    let k = l - 1;
    while (k >= 0 && (!same(k, chars[0]!) || !wordStart(k))) k--;
    if (k < 0) break;
    l = k;
  }
  return l;
}

/** A token that can be an acronym in a definition: "NATO", "DoD", "U.S.", "NGOs". */
function acronymToken(text: string): boolean {
  const [base] = splitAcronymPlural(text);
  return (isAcronymShape(base) || isDottedAcronym(base)) && /[A-Z].*[A-Z]/.test(base) && base.length <= 12;
}

/**
 * The word before a parenthesis, as /([\p{L}\p{N}.&]+)\s*$/u finds it in
 * prose[from, to): where its run of letters, digits, "." and "&" starts and
 * ends (white space may follow it up to `to`), or undefined. Scanned back
 * from `to` by hand: the regex tries every start in the window, at every
 * parenthesis of every document.
 */
export function wordBefore(prose: string, from: number, to: number): { readonly start: number; readonly end: number } | undefined {
  let end = to;
  while (end > from && charClass(prose.charCodeAt(end - 1)) & SPACE) end--;
  let start = end;
  while (start > from) {
    const c = prose.charCodeAt(start - 1);
    if (c === 46 || c === 38) {
      start--;
      continue;
    }
    // A low surrogate is a letter or digit only with its high surrogate, inside the window.
    if (c >= 0xdc00 && c <= 0xdfff && start - 2 >= from) {
      const high = prose.charCodeAt(start - 2);
      if (high >= 0xd800 && high <= 0xdbff) {
        if ((charClass((high - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000) & (LETTER | NUMBER)) === 0) break;
        start -= 2;
        continue;
      }
    }
    if ((charClass(c) & (LETTER | NUMBER)) === 0) break;
    start--;
  }
  return start < end ? { start, end } : undefined;
}

const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'to', 'a', 'an', 'at', 'by', '&']);

/** Finds the acronym definitions in a prose block. */
export function findDefinitions(prose: string): AcronymDefinition[] {
  const found: AcronymDefinition[] = [];
  for (let open = nextOpen(prose, 0); open >= 0; open = nextOpen(prose, open + 1)) {
    const close = prose.indexOf(prose[open] === '(' ? ')' : ']', open + 1);
    if (close < 0 || close - open > MAX_PAREN) continue;
    const inside = prose.slice(open + 1, close);
    if (inside.includes('(') || inside.includes('\uFFFC')) continue;
    const definition = longThenShort(prose, open, close, inside) ?? shortThenLong(prose, open, close, inside);
    if (definition) found.push(definition);
  }
  return found;
}

/** The next "(" or "[" (some reports bracket acronyms: "National Training Center [NTC]"). */
function nextOpen(prose: string, from: number): number {
  const paren = prose.indexOf('(', from);
  const bracket = prose.indexOf('[', from);
  if (paren < 0) return bracket;
  if (bracket < 0) return paren;
  return Math.min(paren, bracket);
}

/** "North Atlantic Treaty Organization (NATO)", "the People's Republic of China (PRC or China)". */
function longThenShort(prose: string, open: number, close: number, inside: string): AcronymDefinition | undefined {
  const lead = /^\s*([A-Za-z][A-Za-z0-9.&]*(?:-[A-Z0-9]+s?)?)/.exec(inside);
  if (!lead) return undefined;
  const short = lead[1]!.replace(/\.$/, (dot) => (/^(?:[A-Z]\.)+$/.test(lead[1]!) ? dot : ''));
  if (!acronymToken(short)) return undefined;
  // The rest of the parenthesis may only add an alias ("PRC or China") or a gloss after a comma or semicolon.
  const rest = inside.slice(lead[0].length);
  if (rest.trim() && !/^\s*(?:[,;]|or\b|and\b)|^['’]s\s*$/.test(rest)) return undefined;
  const [base] = splitAcronymPlural(short);
  const letters = base.replace(/[^A-Za-z0-9]/g, '').length;
  // Schwartz–Hearst's window: at most min(|A| + 5, 2|A|) words before the parenthesis, within the sentence.
  const maxWords = Math.min(letters + 5, letters * 2);
  let from = open;
  let words = 0;
  while (from > 0 && words < maxWords) {
    let i = from - 1;
    while (i >= 0 && /[ \t\r\n]/.test(prose[i]!)) i--;
    if (i < 0) break;
    let start = i;
    while (start > 0 && !/[ \t\r\n]/.test(prose[start - 1]!)) start--;
    // Quotes around a term ('a "waste emissions charge" (WEC)') belong to it.
    let word = prose.slice(start, i + 1).replace(/^["\u201c]|["\u201d]$/g, '');
    // An opening parenthesis starts the long form ("(research, ..., and evaluation [RDT&E])"): take the word, stop there.
    if (/^[([]/.test(word) && !/[)\]]/.test(word)) {
      from = start + 1;
      words++;
      break;
    }
    // Sentence punctuation ends the window; a dotted acronym ("U.S. Agency for ..."), a colon inside a
    // title ("Equity Act: A Legacy for Users (SAFETEA-LU)") and a one-word aside ("agreement (repo) facility") do not.
    const aside = /^\([^()\s]+\)$/.test(word);
    if (!isDottedAcronym(word) && !aside && /[.!?;()[\]\uFFFC]|:(?!$)/.test(word)) break;
    from = start;
    words++;
  }
  const candidate = prose.slice(from, open).trimEnd();
  if (!candidate) return undefined;
  const at = longFormStart(base, candidate);
  if (at < 0) return undefined;
  const long = candidate.slice(at).replace(/[,\s"\u201d]+$/, '').replace(/^["\u201c]/, '');
  if (!plausibleLongForm(long, base)) return undefined;
  const acronymStart = open + 1 + (lead[0].length - lead[1]!.length);
  return {
    acronym: base,
    key: `N:${acronymKey(base)}`,
    long,
    start: from + at,
    end: close + 1,
    acronymStart,
    acronymEnd: acronymStart + base.length,
  };
}

/** "NATO (North Atlantic Treaty Organization)". */
function shortThenLong(prose: string, open: number, close: number, inside: string): AcronymDefinition | undefined {
  const before = wordBefore(prose, Math.max(0, open - 20), open);
  if (!before) return undefined;
  const short = prose.slice(before.start, before.end);
  if (!acronymToken(short)) return undefined;
  const [base] = splitAcronymPlural(short);
  const long = inside.trim().replace(/^the\s+/i, '');
  const at = longFormStart(base, long);
  if (at !== 0 || !plausibleLongForm(long, base)) return undefined;
  const acronymStart = before.start;
  return {
    acronym: base,
    key: `N:${acronymKey(base)}`,
    long,
    start: acronymStart,
    end: close + 1,
    acronymStart,
    acronymEnd: acronymStart + base.length,
  };
}

/** A long form is words, more of them than one, starting with a capital or a known connector-free word. */
function plausibleLongForm(long: string, short: string): boolean {
  const words = long.split(/[\s\u2010-\u2013-]+/).filter(Boolean);
  if (words.length < 2 && long.replace(/[^A-Za-z]/g, '').length <= short.length) return false;
  if (CONNECTORS.has(words[0]!.toLowerCase())) return false;
  // The acronym inside its own long form explains nothing ("Systems BAE (BAE)"), unless the long form opens with it ("BAE Systems (BAE)").
  if (words.slice(1).some((w) => w.replace(/['’]s$/, '').toUpperCase() === short.toUpperCase())) return false;
  if (!/^[\p{L}]/u.test(long)) return false;
  return long.length > short.length;
}

const ROMAN = /^M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/**
 * Whether an acronym needs a definition at all: not well known (built-in list
 * or `known`), not a Roman numeral, a US postal code or a shouted common word
 * ("NOT", "CARES"), and not a code with digits ("F-35", "IF10491").
 */
export function needsDefinition(acronym: string, known: ReadonlySet<string>): boolean {
  if (/[0-9]/.test(acronym) || acronym.length < 2) return false;
  // Eight capitals or more are a shouted word ("WAREHOUSING") or a bill's backronym far more often than an acronym to spell out.
  if (acronym.replace(/[^A-Z]/g, '').length >= 8) return false;
  if (wellKnownAcronyms().has(acronym) || known.has(acronym) || known.has(acronym.toUpperCase())) return false;
  if (ROMAN.test(acronym) || stateCodes().has(acronym)) return false;
  if (commonWords().has(acronym.toLowerCase())) return false;
  return true;
}
