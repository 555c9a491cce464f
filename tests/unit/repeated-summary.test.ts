// Issue #8: repeat summaries keep hashes, not text. The hashing must read
// words exactly as the word pattern does, the prose must come back from the
// source and mask, and equal hashes of different texts (collisions) must
// never become findings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/engine/config';
import { parseDocument } from '../../server/src/engine/document/parse';
import { foldForComparison } from '../../server/src/engine/document/words';
import { RepeatIndex } from '../../server/src/engine/repeats/incremental';
import { referenceRepeats } from './repeats-reference';
import { fnv1a } from '../../server/src/engine/hash';
import { foldedInPlace, hash53, scanWords, signatureOf, wordsHash, wordsOf } from '../../server/src/engine/repeats/signature';
import { sentenceCount, type ParagraphSummary } from '../../server/src/engine/repeats/summary';
import { proseOf, proseSlice } from '../../server/src/engine/repeats/verify';
import { summarizeDocument, type DocumentSummary } from '../../server/src/engine/summary';

const PIECES = ['a', 'Z', '7', "'", '’', '‘', '“', '”', '–', '—', '.', ' ', '  ', '\n', '\t', '\ufffc', '-', 'é', 'ß', 'Ω', '中', '😀', '𝐀', '\ud800', '\u0301', '٣', '\u00a0', 'don', 'u.s', 'x.', '§', 'ó', 'Ò', '\u2011', '\u00ad', '…', '‥', '‼', '™', '½', '\u2009', '\u202f', '\u2028', '\ufeff', '\u3000', 'İ', 'Ａ', 'ǅ', 'Σ', 'ﾞ', 'ㄱ', '\u1100', '′', '«'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(''));
// Only characters that fold one to one: the fast path of folding.
const PLAIN = PIECES.filter((piece) => /^[\x00-\x7f\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\ufffc]*$/.test(piece));
const sample = fc.oneof(text, fc.array(fc.constantFrom(...PLAIN), { maxLength: 30 }).map((parts) => parts.join('')));

describe('repeat signatures', () => {
  it('scan exactly the words the word pattern matches, and hash them as the joined string', () => {
    fc.assert(
      fc.property(sample, (sample) => {
        const scanned: string[] = [];
        scanWords(sample, (start, end) => scanned.push(sample.slice(start, end)));
        const words = wordsOf(sample);
        expect(scanned).toEqual(words);
        expect(wordsHash(sample)).toEqual({ hash: hash53(words.join(' ')), count: words.length });
      }),
      { numRuns: 500, seed: 20261129 },
    );
  });

  it('hash words and trigram shingles as FNV-1a of the words and of "w1 w2 w3"', () => {
    fc.assert(
      fc.property(sample, sample, (prose, other) => {
        const sample = `${prose} ${other} ${prose}`;
        const signature = signatureOf(sample, []);
        expect(signature.exact).toBe(hash53(foldForComparison(sample)));
        expect(signatureOf(sample, ['http://x.y', other]).exact).toBe(hash53(`${foldForComparison(sample)}\u0001http://x.y\u0001${other}`));
        // One empty link target still differs from none.
        expect(signatureOf(sample, ['']).exact).toBe(hash53(`${foldForComparison(sample)}\u0001`));
        expect(signatureOf(sample, ['']).hidden).not.toBe(signatureOf(sample, []).hidden);
        const words = wordsOf(foldForComparison(sample));
        expect([...signature.words]).toEqual(words.map(fnv1a));
        const shingles = new Set<number>();
        if (words.length < 3) for (const word of words) shingles.add(fnv1a(word));
        for (let i = 0; i + 2 < words.length; i++) shingles.add(fnv1a(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
        expect([...signature.shingles]).toEqual([...shingles]);
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });

  it('key each sentence as the hash of its folded words, on every path (one-to-one folding or not)', () => {
    const WORDS = ['The', 'committee', 'don’t', '“quoted”', 'ﬁnal', 'e\u0301t\u00e9', 'ΣΟΦΟΣ', 'U.S.', '—', '`code`', '[link](http://a.b)', '*stressed*', '3%', 'x″y', 'Straße', 'nbsp\u00a0here', '§17.38', 'Pérez', 'non\u2011binding', 'soft\u00adhyphen', 'thin\u2009space', 'Ｆｕｌｌ', 'wait…', '½', 'ΣΟΦΟΣ-Σ'];
    const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 }).map((words) => `${words.join(' ')}.`);
    const body = fc.array(fc.array(sentence, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' ')), { minLength: 1, maxLength: 4 }).map((paras) => paras.join('\n\n'));
    // Paragraphs over 4 KB also cache each sentence's key: the same long paragraph with one sentence edited must still key right.
    const long = fc
      .tuple(fc.array(sentence, { minLength: 90, maxLength: 120 }), sentence, fc.nat())
      .map(([parts, edit, at]) => [parts.join(' '), parts.map((part, i) => (i === at % parts.length ? edit : part)).join(' ')].join('\n\n'));
    const keyed = (source: string): void => {
      const parsed = parseDocument({ uri: 'k.md', languageId: 'markdown', text: source });
      const expected: number[] = [];
      for (const block of parsed.prose) {
        if (block.kind !== 'paragraph') continue;
        for (const s of block.sentences) {
          const words = wordsOf(foldForComparison(s.text));
          if (words.length >= 8) expected.push(s.range[0], s.range[1], hash53(words.join(' ')));
        }
      }
      expect(summarizeDocument(parsed).paragraphs.flatMap((block) => block.sentences)).toEqual(expected);
    };
    fc.assert(fc.property(body, keyed), { numRuns: 200, seed: 20261129 });
    // Shrinking 90 sentences takes minutes: a failure is reported as found.
    fc.assert(fc.property(long, keyed), { numRuns: 40, seed: 20261129, endOnFailure: true });
  });

  it('fold in place exactly as folding does, on every slice, whenever it folds at all', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (prose, a, b) => {
        const folded = foldedInPlace(prose);
        if (folded === undefined) return;
        expect(folded.length).toBe(prose.length);
        const from = a % (prose.length + 1);
        const to = from + (b % (prose.length - from + 1));
        // Spaces aside (folding collapses them), the slice folds to the slice of the fold, a kept "…" expanded.
        const collapsed = folded.slice(from, to).replace(/[\s\u00a0]+/g, ' ').trim();
        const whole = foldForComparison(prose.slice(from, to));
        const expanded = collapsed.replace(/[^\x00-\x7f]/g, (char) => (foldForComparison(char).length > 1 ? foldForComparison(char) : char));
        expect(expanded).toBe(whole);
        // An ellipsis is kept in place: it must split and join words exactly as its three dots do.
        expect(wordsOf(collapsed)).toEqual(wordsOf(whole));
        // And the exact hash reads it as folded.
        expect(signatureOf(prose, []).exact).toBe(hash53(foldForComparison(prose)));
      }),
      { numRuns: 2000, seed: 20261129 },
    );
    // Characters that do fold alone take the in-place path; those that depend on their neighbours never do.
    expect(foldedInPlace('See 38 C.F.R. §17.38 and Pérez\u2011Ruiz.')).toBe('see 38 c.f.r. §17.38 and pérez-ruiz.');
    expect(foldedInPlace('Wait… U.S.…and don’t…s')).toBe("wait… u.s.…and don't…s");
    for (const prose of ['e\u0301', 'ΣΟΦΟΣ', '½', 'İ', '\u1100\u1161', '…\u0301']) expect(foldedInPlace(prose)).toBeUndefined();
  });

  it('rebuild each paragraph prose from the source and the mask', () => {
    const source = [
      'Plain text paragraph with nothing masked at all, long enough to count.',
      'A *stressed* word, `inline code`, a [link](https://example.com/a) and <https://x.y/z> here.',
      '- A list item with **bold** text and a [ref link][r].\n  continued on a second line.',
      '> A quoted paragraph with _emphasis_\n> over two lines, and an image ![alt](i.png).',
      'A footnote reference[^1] and html <span>inside</span> the text.',
      '[r]: https://example.com/r',
      '[^1]: The footnote text is a paragraph too.',
    ].join('\n\n');
    const parsed = parseDocument({ uri: 'm.md', languageId: 'markdown', text: source });
    const summary = summarizeDocument(parsed);
    const prose = parsed.prose.filter((block) => block.kind === 'paragraph').map((block) => block.prose);
    expect(summary.paragraphs.map((block) => proseOf({ doc: summary, block }))).toEqual(prose);
    expect(summary.paragraphs.some((block) => block.mask.length > 0)).toBe(true);
    // Any stretch of a paragraph (a sentence) comes back alone, too.
    summary.paragraphs.forEach((block, i) => {
      const [start, end] = block.range;
      for (let from = start; from <= end; from += 3) {
        for (let to = from; to <= end; to += 5) expect(proseSlice({ doc: summary, block }, from, to)).toBe(prose[i]!.slice(from - start, to - start));
      }
    });
  });
});

describe('hash collisions', () => {
  const first = 'The committee reviewed the proposal in detail and found the estimates optimistic for the coming years.';
  // As many words as `first`, so forged word hashes line up with the real words one to one.
  const second = 'Officials said the program would cost three billion dollars over the next ten years of planning.';
  const summaryOf = (uri: string, body: string): DocumentSummary => summarizeDocument(parseDocument({ uri, languageId: 'markdown', text: body }));

  /** `b` with every hash of `a` (paragraph and sentences), as if they collided, and its own text and offsets. */
  function forged(a: DocumentSummary, b: DocumentSummary): DocumentSummary {
    const paragraphs = b.paragraphs.map((block, i): ParagraphSummary => {
      const like = a.paragraphs[i]!;
      const sentences = [...block.sentences];
      for (let s = 0; s < Math.min(sentenceCount(block), sentenceCount(like)); s++) sentences[s * 3 + 2] = like.sentences[s * 3 + 2]!;
      // A copy of the signature, not the same object: identity would vouch for equal text.
      return { ...block, signature: { ...like.signature }, sentences };
    });
    return { ...b, paragraphs };
  }

  it('cost a comparison, never a finding', () => {
    const a = summaryOf('a.md', first);
    const b = forged(a, summaryOf('b.md', second));
    expect(b.paragraphs[0]!.signature.exact).toBe(a.paragraphs[0]!.signature.exact);
    const analysis = referenceRepeats([a, b], DEFAULT_CONFIG);
    expect(analysis).toEqual({ paragraphs: [], sentences: [] });
    expect(new RepeatIndex().update([a, b], DEFAULT_CONFIG)).toEqual({ paragraphs: [], sentences: [] });
  });

  it('still let true copies through', () => {
    const a = summaryOf('a.md', first);
    const b = forged(a, summaryOf('b.md', `${first}\n`));
    const analysis = referenceRepeats([a, b], DEFAULT_CONFIG);
    expect(analysis.paragraphs.map((r) => [r.doc.uri, r.earlier[0]!.kind])).toEqual([['b.md', 'identical']]);
  });
});
