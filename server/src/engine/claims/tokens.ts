/**
 * Tokens for claim analysis: words (with inner apostrophes, hyphens, dots and
 * digit groups, so "U.S.", "NATO's", "second-largest" and "1,718" stay whole),
 * numbers and single punctuation marks, each with its offset in the block's
 * prose and whether it stands inside a quotation.
 *
 * One linear scan per block, no regular expressions on the hot path: the FOMC
 * minutes are one 60 KB paragraph per document.
 */
import { charClass, LETTER, MARK, NUMBER, SPACE as SPACE_BIT } from '../document/chars';

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  /** As written. */
  readonly text: string;
  /** Lower-cased, curly apostrophes straightened, possessive kept ("nato's"). */
  readonly lower: string;
  /** Offset of the first character in the block's prose. */
  readonly start: number;
  /** Offset just after the last character. */
  readonly end: number;
  readonly kind: TokenKind;
  /** Inside a quotation ("…"), so the words are the speaker's, not the writer's. */
  readonly quoted: boolean;
}

/** A token while the scan still marks quotations. */
type MutableToken = { -readonly [K in keyof Token]: Token[K] };

const NUMBER_TOKEN = /^\d[\d,]*(?:\.\d+)?(?:[-–]\d[\d,]*(?:\.\d+)?)?$/;
const DOTTED_ACRONYM = /^(?:\p{L}\.)+\p{L}$/u;

/** Character classes of the token scan. */
const WORD = 1;
const SPACE = 2;
const OTHER = 3;

/** Whether a code point is a letter, mark or digit (WORD), whitespace as `\s` reads it (SPACE), or anything else. */
function classOf(code: number): number {
  const bits = charClass(code);
  return bits & (LETTER | MARK | NUMBER) ? WORD : bits & SPACE_BIT ? SPACE : OTHER;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** Joiners that keep a word whole when a letter, mark or digit follows: apostrophes, hyphens, ampersand, soft hyphen, dot. */
function isJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 45 || code === 0x2011 || code === 38 || code === 0xad || code === 46;
}

/**
 * Splits a block's prose into tokens, marking those inside double quotation
 * marks. A word is letters, marks and digits, joined by an apostrophe,
 * hyphen, ampersand or soft hyphen before another letter or digit, a dot
 * between letters or digits ("U.S", "3.5"), a comma before a three-digit
 * group ("1,718") or an en dash before a digit ("20–30"); any other
 * non-space character is a token of its own. A hand-written scan rather than
 * the regular expression it replaced: the analysis tokenises every paragraph
 * of every document, and the match arrays and capture strings of a
 * regular expression per token were a fifth of its time.
 */
export function tokenize(prose: string): Token[] {
  const tokens: MutableToken[] = [];
  const length = prose.length;
  let i = 0;
  while (i < length) {
    const code = prose.codePointAt(i)!;
    const kind = classOf(code);
    const width = code > 0xffff ? 2 : 1;
    if (kind === SPACE) {
      i += width;
      continue;
    }
    const start = i;
    if (kind === OTHER) {
      i += width;
      const text = width === 1 ? prose[start]! : prose.slice(start, i);
      tokens.push({ text, lower: text, start, end: i, kind: 'punct', quoted: false });
      continue;
    }
    let ascii = true;
    let upper = false;
    for (;;) {
      // A run of letters, marks and digits.
      while (i < length) {
        const c = prose.codePointAt(i)!;
        if (classOf(c) !== WORD) break;
        if (c >= 128) ascii = false;
        else if (c <= 90 && c >= 65) upper = true;
        i += c > 0xffff ? 2 : 1;
      }
      if (i >= length) break;
      const joiner = prose.charCodeAt(i);
      const after = prose.codePointAt(i + 1);
      if (after === undefined || classOf(after) !== WORD) break;
      if (isJoiner(joiner)) {
        if (joiner >= 128) ascii = false;
      } else if (joiner === 44 /* , */) {
        if (!(isDigit(after) && isDigit(prose.charCodeAt(i + 2)) && isDigit(prose.charCodeAt(i + 3)) && !isDigit(prose.charCodeAt(i + 4)))) break;
      } else if (joiner === 0x2013 /* – */) {
        if (!isDigit(after)) break;
        ascii = false;
      } else {
        break;
      }
      i++;
    }
    let text = prose.slice(start, i);
    // "U.S." keeps its final dot; a sentence-final dot after a plain word does not join.
    if (prose.charCodeAt(i) === 46 && text.includes('.') && DOTTED_ACRONYM.test(text)) {
      text += '.';
      i++;
    }
    // Most words are plain lower-case ASCII: their text is their lower-cased form, with no new string.
    let lower = ascii && !upper ? text : text.toLowerCase();
    if (!ascii) {
      if (lower.includes('’')) lower = lower.replace(/’/g, "'");
      if (lower.includes('\u00ad')) lower = lower.replace(/\u00ad/g, '');
    }
    const first = text.charCodeAt(0);
    tokens.push({ text, lower, start, end: start + text.length, kind: isDigit(first) && NUMBER_TOKEN.test(text) ? 'number' : 'word', quoted: false });
  }
  markQuotations(tokens);
  return tokens;
}

const OPEN_QUOTES = '“«„';
const CLOSE_QUOTES = '”»';

/**
 * Marks tokens between double quotation marks. Curly quotes pair by shape; a
 * straight quote opens when it follows a space or opening punctuation and
 * closes otherwise. An opening curly quote left open runs to the end of the
 * block (the convention for quotes continued into the next paragraph); a
 * straight one left open is a stray mark (inches, a typo) and quotes nothing.
 */
function markQuotations(tokens: MutableToken[]): void {
  let openAt = -1;
  let straight = false;
  const spans: [number, number][] = [];
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (token.kind !== 'punct') continue;
    const ch = token.text;
    if (OPEN_QUOTES.includes(ch)) {
      if (openAt < 0) {
        openAt = t;
        straight = false;
      }
    } else if (CLOSE_QUOTES.includes(ch)) {
      if (openAt >= 0 && !straight) {
        spans.push([openAt, t]);
        openAt = -1;
      }
    } else if (ch === '"') {
      if (openAt >= 0 && straight) {
        spans.push([openAt, t]);
        openAt = -1;
      } else if (openAt < 0) {
        openAt = t;
        straight = true;
      }
    }
  }
  if (openAt >= 0 && !straight) spans.push([openAt, tokens.length]);
  // In place: the tokens are new, and a copy of each quoted one was garbage at once.
  for (const [open, close] of spans) {
    for (let t = open + 1; t < close; t++) tokens[t]!.quoted = true;
  }
}

/**
 * Whether a UTF-16 code unit is an upper-case letter: changed by lower-casing
 * and kept by upper-casing. ASCII is answered from the code; other units
 * (rare in English prose) by the string methods, as before.
 */
function isUpperUnit(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return code >= 65 && code <= 90;
  const ch = text[index]!;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Whether a word is written with a capital first letter. */
export function isCapitalized(text: string): boolean {
  return isUpperUnit(text, 0);
}

/** Whether a word is an acronym ("GAO", "U.S.", "NATO's", "FOMC"). */
export function isAcronym(text: string): boolean {
  let upper = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 39 /* ' */ || code === 0x2019 /* ’ */) break;
    if (isUpperUnit(text, i)) upper++;
  }
  return upper >= 2;
}

/** A word without its possessive ending: "nato's" → "nato", "members'" → "members". */
export function stripPossessive(lower: string): string {
  if (lower.endsWith("'s")) return lower.slice(0, -2);
  if (lower.endsWith("'")) return lower.slice(0, -1);
  return lower;
}
