/**
 * Tokens for claim analysis: words (with inner apostrophes, hyphens, dots and
 * digit groups, so "U.S.", "NATO's", "second-largest" and "1,718" stay whole),
 * numbers and single punctuation marks, each with its offset in the block's
 * prose and whether it stands inside a quotation.
 *
 * One linear scan per block, no regular expressions on the hot path: the FOMC
 * minutes are one 60 KB paragraph per document.
 */
import { charClass, LETTER, MARK, NUMBER as NUMBER_BIT, SPACE as SPACE_BIT } from '../document/chars';

/** Token kinds, as stored in {@link TokenList.kind}. */
export const WORD = 0;
export const NUMBER = 1;
export const PUNCT = 2;

/**
 * A block's tokens as parallel arrays, one entry per token: no object per
 * token. The analysis tokenises every paragraph of every document, and the
 * token objects (72 bytes each, besides their strings) were over half of
 * what it allocated. Reads past the end give `undefined`, as a missing token
 * object did.
 */
export interface TokenList {
  readonly length: number;
  /** As written. */
  readonly text: readonly string[];
  /** Lower-cased, curly apostrophes straightened, possessive kept ("nato's"). */
  readonly lower: readonly string[];
  /** Offset of the first character in the block's prose. */
  readonly start: Int32Array;
  /** Offset just after the last character. */
  readonly end: Int32Array;
  /** {@link WORD}, {@link NUMBER} or {@link PUNCT}. */
  readonly kind: Uint8Array;
  /** 1 inside a quotation ("…"), so the words are the speaker's, not the writer's. */
  readonly quoted: Uint8Array;
}

const NUMBER_TOKEN = /^\d[\d,]*(?:\.\d+)?(?:[-–]\d[\d,]*(?:\.\d+)?)?$/;
const DOTTED_ACRONYM = /^(?:\p{L}\.)+\p{L}$/u;

/** Character classes of the token scan. */
const WORD_CHAR = 1;
const SPACE_CHAR = 2;
const OTHER_CHAR = 3;

/** Whether a code point is a letter, mark or digit (WORD_CHAR), whitespace as `\s` reads it (SPACE_CHAR), or anything else. */
function classOf(code: number): number {
  const bits = charClass(code);
  return bits & (LETTER | MARK | NUMBER_BIT) ? WORD_CHAR : bits & SPACE_BIT ? SPACE_CHAR : OTHER_CHAR;
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
export function tokenize(prose: string): TokenList {
  return tokenList(scan(prose, 0, prose.length, Infinity, Infinity), quoteSpans(prose));
}

/**
 * The block's tokens from `at` through the first token that starts at or
 * after `start` and ends after `end` (the one just past a sentence
 * `[start, end)`), exactly as {@link tokenize} makes them there: `at` must be
 * 0 or follow a space, where the scan of the whole block starts afresh.
 * `quotes` are the block's {@link quoteSpans}. Reads the prose up to
 * {@link spanReadEnd}.
 */
export function tokenizeSpan(prose: string, at: number, start: number, end: number, quotes: QuoteSpans): TokenList {
  return tokenList(scan(prose, at, spanReadEnd(prose, end), start, end), quotes);
}

/**
 * A place past everything {@link tokenizeSpan} reads for a sentence ending
 * at `end`: the token just past the sentence lies in the rest of the word
 * run at `end` or in the run after it (no token spans a space), and the scan
 * reads up to {@link LOOKAHEAD} characters past a token. Found from the
 * characters, without making tokens.
 */
export function spanReadEnd(prose: string, end: number): number {
  const length = prose.length;
  let at = end;
  while (at < length && !isSpaceAt(prose, at)) at++;
  while (at < length && isSpaceAt(prose, at)) at++;
  while (at < length && !isSpaceAt(prose, at)) at++;
  return Math.min(length, at + LOOKAHEAD);
}

/**
 * The place at or before `offset` where the scan of the whole block starts
 * afresh (0 or just after a space) before the last token that starts
 * before `offset`, if any.
 */
export function scanStartOfTokenBefore(prose: string, offset: number): number {
  let at = offset;
  while (at > 0 && isSpaceAt(prose, at - 1)) at--;
  while (at > 0 && !isSpaceAt(prose, at - 1)) at--;
  return at;
}

/** Whether the code unit at `at` is a space to the scan (no surrogate is). */
function isSpaceAt(prose: string, at: number): boolean {
  return classOf(prose.charCodeAt(at)) === SPACE_CHAR;
}

/** How far past a token's end the scan may read to decide where the token ends ("1,71" + "8"). */
const LOOKAHEAD = 5;

/**
 * Scans tokens from `at` into the scratch arrays and returns how many: up to
 * the end of the prose, or through the first token starting at or after
 * `stopStart` and ending after `stopEnd`. No token the scan makes ends past
 * `until` (what the scratch arrays need room for).
 */
function scan(prose: string, at: number, until: number, stopStart: number, stopEnd: number): number {
  const length = prose.length;
  // At most one token per character: room for that up front keeps checks and rare calls out of the scan
  // (for the tokens of one sentence, room for the sentence: a large block's room would be let go after it).
  if (starts.length < until - at) growTo(until - at);
  let n = 0;
  let i = at;
  while (i < length) {
    const code = prose.codePointAt(i)!;
    const kind = classOf(code);
    const width = code > 0xffff ? 2 : 1;
    if (kind === SPACE_CHAR) {
      i += width;
      continue;
    }
    const start = i;
    if (kind === OTHER_CHAR) {
      i += width;
      const text = width === 1 ? prose[start]! : prose.slice(start, i);
      texts[n] = text;
      lowers[n] = text;
      starts[n] = start;
      ends[n] = i;
      kinds[n++] = PUNCT;
      if (i > stopEnd && start >= stopStart) break;
      continue;
    }
    let ascii = true;
    let upper = false;
    for (;;) {
      // A run of letters, marks and digits.
      while (i < length) {
        const c = prose.codePointAt(i)!;
        if (classOf(c) !== WORD_CHAR) break;
        if (c >= 128) ascii = false;
        else if (c <= 90 && c >= 65) upper = true;
        i += c > 0xffff ? 2 : 1;
      }
      if (i >= length) break;
      const joiner = prose.charCodeAt(i);
      const after = prose.codePointAt(i + 1);
      if (after === undefined || classOf(after) !== WORD_CHAR) break;
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
    texts[n] = text;
    lowers[n] = lower;
    starts[n] = start;
    ends[n] = start + text.length;
    kinds[n++] = isDigit(first) && NUMBER_TOKEN.test(text) ? NUMBER : WORD;
    if (start + text.length > stopEnd && start >= stopStart) break;
  }
  return n;
}

/** The list of the `n` tokens in the scratch arrays. */
function tokenList(n: number, quotes: QuoteSpans): TokenList {
  const start = starts.slice(0, n);
  const list = { length: n, text: texts.slice(0, n), lower: lowers.slice(0, n), start, end: ends.slice(0, n), kind: kinds.slice(0, n), quoted: quotedTokens(start, quotes) };
  if (starts.length > KEPT_CAPACITY) resetScratch();
  return list;
}

/** The most characters the scratch arrays keep room for between blocks (a huge block's room is let go). */
const KEPT_CAPACITY = 1 << 16;

/**
 * The scan's tokens, reused from block to block, so a block's list costs
 * one exact-length copy of each array rather than arrays grown token by
 * token. Past the current block they hold stale entries (the strings of an
 * earlier block, kept alive until overwritten: at most {@link KEPT_CAPACITY}).
 */
let starts = new Int32Array(1024);
let ends = new Int32Array(1024);
let kinds = new Uint8Array(1024);
let texts: string[] = [];
let lowers: string[] = [];

function resetScratch(): void {
  starts = new Int32Array(1024);
  ends = new Int32Array(1024);
  kinds = new Uint8Array(1024);
  texts = [];
  lowers = [];
}

/** Gives the scratch offsets and kinds room for `size` tokens (the string arrays grow as they are written). */
function growTo(size: number): void {
  let room = starts.length;
  while (room < size) room *= 2;
  starts = new Int32Array(room);
  ends = new Int32Array(room);
  kinds = new Uint8Array(room);
}

const OPEN_QUOTES = '“«„';
const CLOSE_QUOTES = '”»';
const QUOTE_MARK = /[“«„”»"]/g;

/**
 * Where a block's quotations are, as pairs of offsets in its prose: the
 * tokens starting strictly between an opening mark and its closing mark
 * stand in the quotation. Every quotation mark is a token of its own, so
 * this is read from the characters, without the tokens: a sentence's tokens
 * can be marked without tokenising the block. Curly quotes pair by shape; a
 * straight quote opens when no quotation is open and closes a straight one.
 * An opening curly quote left open runs to the end of the block (the
 * convention for quotes continued into the next paragraph); a straight one
 * left open is a stray mark (inches, a typo) and quotes nothing.
 */
export type QuoteSpans = readonly number[];

/** The {@link QuoteSpans} of a block's prose. */
export function quoteSpans(prose: string): QuoteSpans {
  const spans: number[] = [];
  let openAt = -1;
  let straight = false;
  QUOTE_MARK.lastIndex = 0;
  for (let m = QUOTE_MARK.exec(prose); m !== null; m = QUOTE_MARK.exec(prose)) {
    const ch = m[0];
    const at = m.index;
    if (OPEN_QUOTES.includes(ch)) {
      if (openAt < 0) {
        openAt = at;
        straight = false;
      }
    } else if (CLOSE_QUOTES.includes(ch)) {
      if (openAt >= 0 && !straight) {
        spans.push(openAt, at);
        openAt = -1;
      }
    } else if (openAt >= 0 && straight) {
      spans.push(openAt, at);
      openAt = -1;
    } else if (openAt < 0) {
      openAt = at;
      straight = true;
    }
  }
  if (openAt >= 0 && !straight) spans.push(openAt, prose.length);
  return spans;
}

/** Which of the tokens starting at `starts` (in order) stand in a quotation (1 each). */
function quotedTokens(starts: Int32Array, quotes: QuoteSpans): Uint8Array {
  const quoted = new Uint8Array(starts.length);
  let q = 0;
  for (let t = 0; t < starts.length && q < quotes.length; t++) {
    const at = starts[t]!;
    while (q < quotes.length && quotes[q + 1]! <= at) q += 2;
    if (q < quotes.length && quotes[q]! < at) quoted[t] = 1;
  }
  return quoted;
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
