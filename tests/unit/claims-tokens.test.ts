import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAcronym, isCapitalized, tokenize } from '../../server/src/engine/claims/tokens';
import { tokenObjects } from './claims-helpers';

// The regular expression the hand-written scan replaced, as the reference for its tokens.
const TOKEN = /([\p{L}\p{M}\p{N}]+(?:(?:['’\-‑&\u00ad.]|,(?=\d{3}(?!\d))|–(?=\d))[\p{L}\p{M}\p{N}]+)*)|(\S)/gu;
const DOTTED_ACRONYM = /^(?:\p{L}\.)+\p{L}$/u;

function referenceTokens(prose: string): [string, string, number, number, boolean][] {
  const out: [string, string, number, number, boolean][] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(prose); m !== null; m = TOKEN.exec(prose)) {
    let text = m[0];
    if (m[1] === undefined) {
      out.push([text, text, m.index, m.index + text.length, true]);
      continue;
    }
    if (prose.charCodeAt(m.index + text.length) === 46 && text.includes('.') && DOTTED_ACRONYM.test(text)) {
      text += '.';
      TOKEN.lastIndex++;
    }
    out.push([text, text.toLowerCase().replace(/’/g, "'").replace(/\u00ad/g, ''), m.index, m.index + text.length, false]);
  }
  return out;
}

describe('claim tokens', () => {
  const piece = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.constantFrom(
        'U.S.', 'U.S', 'N.A.T.O.', 'e.g.', 'NATO’s', "members'", 'second-largest', 'non‑binding', 'R&D', 'co\u00adop', '1,718', '1,7189', '12,345,678',
        '3.5', '20–30', '20–x', '$5', '5%', 'word', 'Word', 'É', 'Straße', 'e\u0301', '٣', '𝐀𝐁', '😀', '\ud800', '\udc00', ' ', '\n', '\u00a0', '\u2028',
        '\ufeff', '\u200b', '.', ',', '-', '’', "'", '–', '—', '"', '“', '”', '(', ')', '\uFFFC', '\u00ad', '&',
      ),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 5 }) },
  );
  it('are the tokens of the reference regular expression, with the same kinds and folding', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const prose = parts.join('');
        const got = tokenObjects(tokenize(prose)).map((t): [string, string, number, number, boolean] => [t.text, t.lower, t.start, t.end, t.kind === 'punct']);
        expect(got).toEqual(referenceTokens(prose));
      }),
      { numRuns: 5000, seed: 8 },
    );
  });

  it('are exact-length lists that later scans leave alone', () => {
    const long = 'Costs rose 1,718 or 3.5% in “the U.S.” last year. '.repeat(6000); // past the scratch arrays' kept room
    const first = tokenize(long);
    const copy = tokenObjects(first);
    const short = tokenize('One two.');
    expect(short.length).toBe(3);
    expect([short.text.length, short.start.length, short.end.length, short.kind.length, short.quoted.length]).toEqual([3, 3, 3, 3, 3]);
    expect(tokenObjects(first)).toEqual(copy);
    expect(first.lower[first.length]).toBeUndefined();
  });

  it('keep numbers, acronyms and quotations', () => {
    const tokens = tokenObjects(tokenize('The U.S. said “costs rose 1,718 or 3.5%.”'));
    expect(tokens.map((t) => `${t.text}:${t.kind}${t.quoted ? ':q' : ''}`)).toEqual([
      'The:word', 'U.S.:word', 'said:word', '“:punct', 'costs:word:q', 'rose:word:q', '1,718:number:q', 'or:word:q', '3.5:number:q', '%:punct:q', '.:punct:q', '”:punct',
    ]);
  });

  it('tell capitals and acronyms as the string methods do', () => {
    const upper = (ch: string): boolean => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
    const acronym = (text: string): boolean => {
      let count = 0;
      for (const ch of text.split('')) {
        if (ch === "'" || ch === '’') break;
        if (upper(ch)) count++;
      }
      return count >= 2;
    };
    const word = fc.array(fc.constantFrom('A', 'a', 'Z', 'z', '1', '.', "'", '’', 'É', 'é', 'ǅ', 'Σ', 'ß', 'İ', '𝐀', '\ud800', '-', ' '), { minLength: 1, maxLength: 8 }).map((units) => units.join(''));
    fc.assert(
      fc.property(word, (text) => {
        expect(isCapitalized(text)).toBe(upper(text[0]!));
        expect(isAcronym(text)).toBe(acronym(text));
      }),
      { numRuns: 3000, seed: 8 },
    );
  });
});
