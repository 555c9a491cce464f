/**
 * Sentence splitting for English policy prose.
 *
 * Written by hand on purpose: the libraries that split sentences either lose
 * offsets (sbd), or run a full natural-language parser that is an order of
 * magnitude slower than the rest of the engine (retext-english). Policy prose
 * is dense with abbreviations ("U.S.", "Sen.", "No. 5", "Pub. L."), which the
 * tables below cover.
 */
import { charClass, LETTER, NUMBER } from './chars';
import { ProseSentence } from './model';

/** A sentence holds at least one letter or digit. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Abbreviations that never end a sentence when more text follows them. */
const NON_TERMINAL = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'sens', 'rep', 'reps', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr',
    'adm', 'sgt', 'cpl', 'gov', 'pres', 'amb', 'hon', 'rev', 'fr', 'st', 'mt', 'ft', 'cf', 'vs', 'v',
    'e.g', 'i.e', 'approx', 'dept', 'univ', 'assn', 'ave', 'blvd', 'pub',
    'jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
    'ibid', 'viz', 'ca', 'h.r', 's.res', 'h.res',
  ],
);

/** Abbreviations that only stand before a number ("No. 5", "Art. 5", "p. 12"). */
const BEFORE_NUMBER = new Set(
  ['no', 'nos', 'art', 'arts', 'sec', 'secs', 'fig', 'figs', 'vol', 'vols', 'ch', 'chap', 'para', 'paras', 'p', 'pp', 'stat', 'op'],
);

/**
 * Abbreviations that may also end a sentence ("…joined the U.S." / "…and so
 * on, etc."). They end one only when the next word is a typical sentence
 * opener, because the common case is a name continuing ("U.S. Defense").
 */
const MAYBE_TERMINAL = new Set(['etc', 'inc', 'corp', 'co', 'ltd', 'jr', 'sr', 'llc', 'a.m', 'p.m', 'al']);

/** Words that usually open a sentence; used to judge MAYBE_TERMINAL and acronyms. */
const SENTENCE_OPENERS = new Set(
  [
    'a', 'an', 'the', 'this', 'that', 'these', 'those', 'it', 'its', 'in', 'on', 'at', 'by', 'for', 'from',
    'but', 'and', 'or', 'so', 'yet', 'however', 'moreover', 'meanwhile', 'still', 'also', 'then', 'thus',
    'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'there', 'here', 'as', 'if', 'when',
    'while', 'after', 'before', 'since', 'although', 'though', 'because', 'some', 'many', 'most', 'all',
    'one', 'each', 'both', 'such', 'no', 'not', 'what', 'why', 'how', 'who', 'which', 'where', 'despite',
    'according', 'under', 'with', 'without', 'other', 'others', 'further', 'furthermore', 'instead', 'today',
  ],
);

const CLOSERS = '"\'”’)]»';
/** What ends a sentence when space and a sentence opener follow. */
const TERMINALS = '.!?…';
/** Terminal punctuation and closers by code: the run a sentence end swallows. */
const ENDS_A_RUN = new Set([...TERMINALS, ...CLOSERS].map((char) => char.charCodeAt(0)));
/** Finds the next terminal mark (see {@link splitSentences}); made once, its `lastIndex` set before each use. */
const TERMINAL = new RegExp(`[${TERMINALS}]`, 'g');
/** Numeric citation markers and masked footnote references right after terminal punctuation. */
const CITATION_AFTER = /^(?:\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]|\uFFFC+)/;
const OPENERS = '"\'“‘([«';

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Whether the one-unit string `ch` is a letter or digit (`\p{L}`, `\p{N}`). */
function isLetterOrDigit(ch: string): boolean {
  return (charClass(ch.charCodeAt(0)) & (LETTER | NUMBER)) !== 0;
}

/** Whether the one-unit string `ch` can open a sentence: a capital, a digit (`\p{N}`) or an opening quote or bracket. */
function looksLikeSentenceStart(ch: string): boolean {
  return isUpper(ch) || (charClass(ch.charCodeAt(0)) & NUMBER) !== 0 || OPENERS.includes(ch);
}

/** Whether the one-unit string `ch` is a letter (`\p{L}`). */
function isLetter(ch: string): boolean {
  return (charClass(ch.charCodeAt(0)) & LETTER) !== 0;
}

/** The word (letters, digits and inner dots) that ends at `end` (exclusive). */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0) {
    const ch = text[start - 1]!;
    if (isLetterOrDigit(ch) || ch === '.' || ch === '\u00ad') start--;
    else break;
  }
  return text.slice(start, end);
}

/** The word that starts at `start`, letters only. */
function wordAfter(text: string, start: number): string {
  let end = start;
  while (end < text.length && isLetter(text[end]!)) end++;
  return text.slice(start, end);
}

/**
 * Decides whether the period at `dot` ends a sentence, given that whitespace
 * and then `next` (the first character of the following text) come after it.
 */
function periodEndsSentence(text: string, dot: number, nextStart: number): boolean {
  const next = text[nextStart]!;
  const word = wordBefore(text, dot);
  const lower = word.toLowerCase();
  const opener = wordAfter(text, nextStart).toLowerCase();
  if (!looksLikeSentenceStart(next)) return false;
  if (word.length === 0) return true;
  if (NON_TERMINAL.has(lower)) return false;
  if (BEFORE_NUMBER.has(lower) && /[\p{N}IVXL]/u.test(next)) return false;
  // A single capital is an initial ("John F. Kennedy").
  if (/^\p{Lu}$/u.test(word)) return false;
  // Dotted acronyms ("U.S.", "N.A.T.O.") and maybe-terminal abbreviations end
  // a sentence only before a typical opener.
  if (MAYBE_TERMINAL.has(lower) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) {
    return SENTENCE_OPENERS.has(opener);
  }
  return true;
}

/**
 * Splits `prose` (a prose block's masked text) into sentences. `base` is the
 * document offset of `prose[0]`; returned ranges are document offsets,
 * trimmed of whitespace.
 */
export function splitSentences(prose: string, base: number): ProseSentence[] {
  const sentences: ProseSentence[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && isSpaceCode(prose.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(prose.charCodeAt(e - 1))) e--;
    if (e > s && hasLetterOrDigit(prose, s, e)) {
      sentences.push(new ProseSentence(prose, s, base + s, base + e));
    } else if (e > s && sentences.length > 0) {
      // Stray punctuation or masks after a sentence belong to it.
      const last = sentences.pop()!;
      sentences.push(new ProseSentence(prose, last.start - base, last.start, base + e));
    }
    start = end;
  };
  // From one terminal mark to the next by the regular expression engine: a 58 KB paragraph's few hundred marks,
  // not its every character, are looked at here.
  TERMINAL.lastIndex = 0;
  for (let found = TERMINAL.exec(prose); found !== null; found = TERMINAL.exec(prose)) {
    const i = found.index;
    const ch = prose.charCodeAt(i);
    // Swallow runs of terminal punctuation and closing quotes/brackets.
    let end = i + 1;
    while (end < prose.length && ENDS_A_RUN.has(prose.charCodeAt(end))) end++;
    // A citation glued to the period ("…rose.[1] Next", "…rose.[^n] Next") belongs to this sentence.
    for (;;) {
      const next = prose.charCodeAt(end);
      if (next !== 0x5b /* [ */ && next !== 0xfffc) break;
      const marker = CITATION_AFTER.exec(prose.slice(end, end + 24));
      if (!marker || marker[0].length === 0) break;
      end += marker[0].length;
    }
    let next = end;
    while (next < prose.length && isSpaceCode(prose.charCodeAt(next))) next++;
    TERMINAL.lastIndex = end;
    // "3.5", "U.S.-Mexico", "example.com": no space, no boundary. At the block's end, the last sentence closes below.
    if ((next === end && next < prose.length) || next >= prose.length) continue;
    const ends = ch === 46 && end === i + 1 ? periodEndsSentence(prose, i, next) : looksLikeSentenceStart(prose[next]!);
    if (ends) push(end);
  }
  push(prose.length);
  return sentences;
}

/** The white space a sentence is trimmed of: space, tab, line breaks, no-break space and the line separator. */
function isSpaceCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x2028;
}

/** Whether `prose[s, e)` holds a letter or digit: ASCII by its class, anything else by the pattern (which reads surrogate pairs within the span only). */
function hasLetterOrDigit(prose: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const code = prose.charCodeAt(i);
    if (code >= 0x80) return LETTER_OR_DIGIT.test(prose.slice(i, e));
    if (charClass(code) & (LETTER | NUMBER)) return true;
  }
  return false;
}
