// The hand-written word scanner of name extraction must find exactly the
// tokens its regex definition (TOKEN) finds, whatever the text: letters of
// every case and script, marks, digits of other scripts, astral letters,
// lone surrogates, apostrophes, hyphens, dots and ampersands.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOKEN, tokenize } from '../../server/src/engine/names/tokens';

const POOL = [
  'A', 'B', 'S', 'Z', 'a', 's', 'z', '0', '9', '.', '&', '-', '\u2010', '\u2011', "'", '\u2019', ' ', '_', '\n', '(', ':',
  '\u0301', 'É', 'é', 'ß', 'Ω', 'ω', '\u0663', '\u216b', 'ǅ', '中', '\ufffc', '\u00a0',
  '\u{1d400}', '\u{1d7cf}', '\u{10400}', '\ud800', '\udc00',
];

function viaRegex(text: string): [string, number][] {
  const out: [string, number][] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) out.push([m[0], m.index]);
  return out;
}

function viaScanner(text: string): [string, number][] {
  const tokens = tokenize(text);
  return tokens.text.map((t, i) => {
    expect(tokens.end[i]).toBe(tokens.start[i]! + t.length);
    return [t, tokens.start[i]!];
  });
}

describe('name tokens', () => {
  it('finds what the TOKEN regex finds', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...POOL), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(viaScanner(text)).toEqual(viaRegex(text));
      }),
      { numRuns: 3000, seed: 20261129 },
    );
  });

  it('finds what the TOKEN regex finds around acronyms', () => {
    // A small pool, so that dotted and ampersand acronyms and their endings ("AT&Ts_") come up often.
    fc.assert(
      fc.property(fc.array(fc.constantFrom('A', 'S', 's', 'a', '&', '.', '_', '0', '-', "'", ' ', '\u{1d400}'), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(viaScanner(text)).toEqual(viaRegex(text));
      }),
      { numRuns: 3000, seed: 20261129 },
    );
  });

  it('reads dotted acronyms, ampersands, apostrophes and hyphens as the names need them', () => {
    expect(viaScanner("The U.S. and AT&T's R&Ds, O’Brien and Jean-Pierre's well- known co-op.").map(([t]) => t)).toEqual([
      'The', 'U.S.', 'and', 'AT&T', 's', 'R&Ds', 'O’Brien', 'and', "Jean-Pierre's", 'well', 'known', 'co-op',
    ]);
    for (const text of ['A&Ss_ A&Ss A&Ss0 A&S0s. U.S.A.s U.S U.Ś.', 'ǅ.A.B. 𝐀.𝐀. 𝐀&𝐀s', "O'\u0301Neil a'-b c-'d"]) expect(viaScanner(text)).toEqual(viaRegex(text));
  });
});
