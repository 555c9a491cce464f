/**
 * Unicode character classes by code point, as the `u`-flag patterns
 * `\p{L}`, `\p{Lu}`, `\p{N}`, `\p{M}` and `\s` read them. The hand-written
 * word scanners (claims, names, repeat signatures) ask this for every
 * character; testing a one-character string against a Unicode pattern is
 * slow, so each code point's answer is kept once known (prose uses few
 * distinct non-ASCII characters).
 */

export const LETTER = 1;
export const UPPER = 2;
export const NUMBER = 4;
export const MARK = 8;
export const SPACE = 16;
/** Set in the table once a code point is classified (a class may be 0). */
const KNOWN = 32;

function compute(code: number): number {
  const ch = String.fromCodePoint(code);
  return (
    (/^\p{L}$/u.test(ch) ? LETTER : 0) |
    (/^\p{Lu}$/u.test(ch) ? UPPER : 0) |
    (/^\p{N}$/u.test(ch) ? NUMBER : 0) |
    (/^\p{M}$/u.test(ch) ? MARK : 0) |
    (/^\s$/u.test(ch) ? SPACE : 0)
  );
}

const ASCII = Uint8Array.from({ length: 128 }, (_, code) => compute(code));
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, number>();

/** The class bits of a code point (a lone surrogate stands for itself and has none). */
export function charClass(code: number): number {
  if (code < 128) return ASCII[code]!;
  if (code < 0x10000) {
    let known = bmp[code]!;
    if (known === 0) bmp[code] = known = compute(code) | KNOWN;
    return known & ~KNOWN;
  }
  let known = astral.get(code);
  if (known === undefined) astral.set(code, (known = compute(code)));
  return known;
}
