/**
 * Where GFM's protocol autolink literals (`https://…` in running text) start
 * and end, as micromark-extension-gfm-autolink-literal reads them, for the
 * paragraph fast path (fast-paragraph.ts). This mirrors that extension's
 * `protocolAutolink`, `domain`, `path` and `trail` states character by
 * character; the fast path's property test compares the result with the real
 * parser. Only `http` and `https` literals: `www.` and email literals are
 * left to the parser.
 */

/** Unicode whitespace as micromark reads a UTF-16 code unit (`\s`). */
function isWhitespace(code: number): boolean {
  return /\s/.test(String.fromCharCode(code));
}

/** Unicode punctuation or symbol as micromark reads a UTF-16 code unit. */
function isPunctuation(code: number): boolean {
  return /\p{P}|\p{S}/u.test(String.fromCharCode(code));
}

function isAsciiAlpha(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** The end of input, whitespace: where an autolink may end. */
function isEnd(text: string, i: number): boolean {
  return i >= text.length || isWhitespace(text.charCodeAt(i));
}

/** Characters that may trail an autolink without belonging to it (the extension's `trail`). */
const TRAIL = new Set([33, 34, 39, 41, 42, 44, 46, 58, 59, 63, 95, 126]);
/** Path characters at which the extension checks for a trail. */
const PATH_CHECK = new Set([33, 34, 38, 39, 41, 42, 44, 46, 58, 59, 60, 63, 93, 95, 126]);

/**
 * Whether the text from `i` is a trail: trailing punctuation up to the end,
 * whitespace or `<`. Answers -1 when it is, else where it stops being one:
 * a trail tried anywhere before that point stops there too, so callers skip
 * those tries (a long run of dots would otherwise be scanned once per dot).
 */
function trailFailure(text: string, i: number): number {
  for (;;) {
    if (isEnd(text, i)) return -1;
    const code = text.charCodeAt(i);
    if (TRAIL.has(code)) {
      i++;
    } else if (code === 38 /* & */) {
      // Something like a character reference: `&` letters `;`.
      let j = i + 1;
      if (!isAsciiAlpha(text.charCodeAt(j))) return j;
      while (isAsciiAlpha(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 59) return j;
      i = j + 1;
    } else if (code === 93 /* ] */) {
      const next = text.charCodeAt(i + 1);
      if (isEnd(text, i + 1) || next === 40 || next === 91) return -1;
      i++;
    } else {
      return code === 60 /* < */ ? -1 : i;
    }
  }
}

/** Trail tests along one scan, remembering where the last failed one stopped (see {@link trailFailure}). */
function trailTester(text: string): (i: number) => boolean {
  let failsBefore = -1;
  return (i) => {
    if (i < failsBefore) return false;
    const failure = trailFailure(text, i);
    if (failure < 0) return true;
    failsBefore = failure;
    return false;
  };
}

/** Where the domain starting at `from` ends, or -1 when it is not one (the extension's `domain`). */
function domainEnd(text: string, from: number): number {
  let underscoreInLast = false;
  let underscoreInLastButOne = false;
  let seen = false;
  const isTrail = trailTester(text);
  let i = from;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46 /* . */ || code === 95 /* _ */) {
      if (isTrail(i)) break;
      if (code === 95) underscoreInLast = true;
      else {
        underscoreInLastButOne = underscoreInLast;
        underscoreInLast = false;
      }
      continue;
    }
    if (isWhitespace(code) || (code !== 45 && isPunctuation(code))) break;
    seen = true;
  }
  return underscoreInLast || underscoreInLastButOne || !seen ? -1 : i;
}

/** Where the path starting at `from` ends (the extension's `path`, which always matches). */
function pathEnd(text: string, from: number): number {
  let opened = 0;
  let closed = 0;
  const isTrail = trailTester(text);
  let i = from;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 40 /* ( */) opened++;
    else if (code === 41 /* ) */ && closed < opened) closed++;
    else if (PATH_CHECK.has(code)) {
      if (isTrail(i)) return i;
      if (code === 41) closed++;
    } else if (isWhitespace(code)) return i;
    i++;
  }
  return i;
}

/** A protocol autolink literal: `[start, end)` in the text. */
export type AutolinkRange = readonly [start: number, end: number];

/**
 * The protocol autolink literals of `text` (a paragraph's words, read in
 * order), or undefined when some `http:`/`https:` is not one (then the
 * parser, and GFM's autolink transform after it, must decide). The caller
 * must make sure nothing else can claim these characters first: no
 * unclosed link label before them, no other inline syntax around.
 */
export function protocolAutolinks(text: string): AutolinkRange[] | undefined {
  const links: AutolinkRange[] = [];
  const pattern = /https?:/gi;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index;
    const afterSlashes = start + match[0].length + 2;
    const previous = text.charCodeAt(start - 1);
    if (text.charCodeAt(afterSlashes - 2) !== 47 || text.charCodeAt(afterSlashes - 1) !== 47 || isAsciiAlpha(previous)) return undefined;
    const first = text.charCodeAt(afterSlashes);
    if (afterSlashes >= text.length || first < 32 || first === 127 || isWhitespace(first) || isPunctuation(first)) return undefined;
    const domain = domainEnd(text, afterSlashes);
    if (domain < 0) return undefined;
    const end = pathEnd(text, domain);
    links.push([start, end]);
    pattern.lastIndex = end;
  }
  return links;
}
