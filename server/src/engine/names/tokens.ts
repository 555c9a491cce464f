/**
 * The words of a prose block for name extraction: words with inner
 * apostrophes and hyphens ("O’Brien", "Jean-Pierre"), acronyms with an
 * ampersand ("AT&T", "R&Ds") and dotted acronyms ("U.S."). Scanned by hand
 * rather than with a regex: this runs over every character of every
 * document, and a regex match allocates a match array per word. The scanner
 * gives exactly what {@link TOKEN} gives (a property test holds it to that).
 */

import { charClass, LETTER, MARK, NUMBER, UPPER } from '../document/chars';

/**
 * The definition the scanner follows: a dotted acronym, an acronym with an
 * ampersand, or a word; every repetition consumes a delimiter, so matching
 * is linear. Alternatives are tried in this order at each start.
 */
export const TOKEN =
  /(?:\p{Lu}\.){2,}|\p{Lu}[\p{Lu}\p{N}]*&\p{Lu}[\p{Lu}\p{N}]*(?:s\b)?|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*(?:[-‐‑][\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*)*/gu;

/** A block's tokens as parallel arrays: no object per token. */
export interface Tokens {
  readonly text: string[];
  readonly start: number[];
  readonly end: number[];
}

const L = LETTER;
const LU = UPPER;
const N = NUMBER;
const M = MARK;

const classOfCode = charClass;

/** The code point at `i` (a lone surrogate stands for itself, as in a /u regex). */
function codePointAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** Class of the character at `i`, or 0 past the end. */
function classAt(s: string, i: number): number {
  return i < s.length ? classOfCode(codePointAt(s, i)) : 0;
}

function widthAt(s: string, i: number): number {
  return codePointAt(s, i) > 0xffff ? 2 : 1;
}

/** Skips characters of the classes in `mask`. */
function skip(s: string, i: number, mask: number): number {
  while (i < s.length) {
    const cp = codePointAt(s, i);
    if ((classOfCode(cp) & mask) === 0) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** (?:['’][\p{L}\p{M}]+)* from `i`. */
function apostrophes(s: string, i: number): number {
  for (;;) {
    const c = s.charCodeAt(i);
    if ((c !== 39 && c !== 0x2019) || (classAt(s, i + 1) & (L | M)) === 0) return i;
    i = skip(s, i + 1, L | M);
  }
}

/** ASCII word characters, for the \b of a /u regex without /i. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** Where the token starting at `s` (a letter or digit of class `first`) ends. */
function tokenEnd(text: string, s: number, first: number): number {
  if (first & LU) {
    // (?:\p{Lu}\.){2,}
    let p = s;
    let count = 0;
    while (p < text.length && classAt(text, p) & LU) {
      const dot = p + widthAt(text, p);
      if (text.charCodeAt(dot) !== 46) break;
      count++;
      p = dot + 1;
    }
    if (count >= 2) return p;
    // \p{Lu}[\p{Lu}\p{N}]*&\p{Lu}[\p{Lu}\p{N}]*(?:s\b)?
    p = skip(text, s + widthAt(text, s), LU | N);
    if (text.charCodeAt(p) === 38 && classAt(text, p + 1) & LU) {
      p = skip(text, p + 1 + widthAt(text, p + 1), LU | N);
      if (text.charCodeAt(p) === 115 && !isWordChar(text.charCodeAt(p + 1))) p++;
      return p;
    }
  }
  // [\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*(?:[-‐‑][\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*)*
  let p = apostrophes(text, skip(text, s + widthAt(text, s), L | M | N));
  for (;;) {
    const c = text.charCodeAt(p);
    if ((c !== 45 && c !== 0x2010 && c !== 0x2011) || (classAt(text, p + 1) & (L | N)) === 0) return p;
    p = apostrophes(text, skip(text, p + 1 + widthAt(text, p + 1), L | M | N));
  }
}

/** The tokens of `text`, as {@link TOKEN} finds them. */
export function tokenize(text: string): Tokens {
  const tokens: Tokens = { text: [], start: [], end: [] };
  let i = 0;
  while (i < text.length) {
    const cp = codePointAt(text, i);
    const cls = classOfCode(cp);
    if ((cls & (L | N)) === 0) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const end = tokenEnd(text, i, cls);
    tokens.text.push(text.slice(i, end));
    tokens.start.push(i);
    tokens.end.push(end);
    i = end;
  }
  return tokens;
}
