/**
 * Tokens for claim analysis: words (with inner apostrophes, hyphens, dots and
 * digit groups, so "U.S.", "NATO's", "second-largest" and "1,718" stay whole),
 * numbers and single punctuation marks, each with its offset in the block's
 * prose and whether it stands inside a quotation.
 *
 * One linear scan per block, no regular expressions on the hot path: the FOMC
 * minutes are one 60 KB paragraph per document.
 */

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

const NUMBER_TOKEN = /^\d[\d,]*(?:\.\d+)?(?:[-–]\d[\d,]*(?:\.\d+)?)?$/;
const DOTTED_ACRONYM = /^(?:\p{L}\.)+\p{L}$/u;

/**
 * A word: letters, marks and digits, joined by an apostrophe, hyphen,
 * ampersand or soft hyphen before another letter or digit, a dot between
 * letters or digits ("U.S", "3.5"), a comma before a three-digit group
 * ("1,718") or an en dash before a digit ("20–30"); or else any single
 * non-space character. Each joiner must be followed by a word character, so
 * the repetition cannot backtrack: the scan is linear.
 */
const TOKEN = /([\p{L}\p{M}\p{N}]+(?:(?:['’\-‑&\u00ad.]|,(?=\d{3}(?!\d))|–(?=\d))[\p{L}\p{M}\p{N}]+)*)|(\S)/gu;

/** Splits a block's prose into tokens, marking those inside double quotation marks. */
export function tokenize(prose: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(prose); m !== null; m = TOKEN.exec(prose)) {
    const start = m.index;
    let text = m[0];
    if (m[1] === undefined) {
      tokens.push({ text, lower: text, start, end: start + text.length, kind: 'punct', quoted: false });
      continue;
    }
    // "U.S." keeps its final dot; a sentence-final dot after a plain word does not join.
    if (prose.charCodeAt(start + text.length) === 46 && text.includes('.') && DOTTED_ACRONYM.test(text)) {
      text += '.';
      TOKEN.lastIndex++;
    }
    let lower = text.toLowerCase();
    if (lower.includes('’')) lower = lower.replace(/’/g, "'");
    if (lower.includes('\u00ad')) lower = lower.replace(/\u00ad/g, '');
    const code = text.charCodeAt(0);
    const kind = code >= 48 && code <= 57 && NUMBER_TOKEN.test(text) ? 'number' : 'word';
    tokens.push({ text, lower, start, end: start + text.length, kind, quoted: false });
  }
  return markQuotations(tokens);
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
function markQuotations(tokens: Token[]): Token[] {
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
  if (spans.length === 0) return tokens;
  const out = tokens.slice();
  for (const [open, close] of spans) {
    for (let t = open + 1; t < close; t++) out[t] = { ...out[t]!, quoted: true };
  }
  return out;
}

/** Whether a word is written with a capital first letter. */
export function isCapitalized(text: string): boolean {
  const first = text[0]!;
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** Whether a word is an acronym ("GAO", "U.S.", "NATO's", "FOMC"). */
export function isAcronym(text: string): boolean {
  let upper = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'" || ch === '’') break;
    if (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) upper++;
  }
  return upper >= 2;
}

/** A word without its possessive ending: "nato's" → "nato", "members'" → "members". */
export function stripPossessive(lower: string): string {
  if (lower.endsWith("'s")) return lower.slice(0, -2);
  if (lower.endsWith("'")) return lower.slice(0, -1);
  return lower;
}
