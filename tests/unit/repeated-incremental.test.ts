// Issue #8: the repeat index kept between runs (RepeatIndex) marks only the
// paragraphs whose answers can change after an edit. Whatever it skips must
// not matter: after each change its analysis must equal a fresh one, with
// shingle lists long enough to pass the boilerplate cap (following flips).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/engine/config';
import { parseDocument } from '../../server/src/engine/document/parse';
import type { RepeatAnalysis } from '../../server/src/engine/repeats/analyze';
import { changedSlots, RepeatIndex } from '../../server/src/engine/repeats/incremental';
import { summarizeDocument, type DocumentSummary } from '../../server/src/engine/summary';
import { referenceRepeats } from './repeats-reference';

// Five words make few distinct trigrams, so shingle lists grow past the boilerplate cap.
const WORDS = ['budget', 'agency', 'cost', 'program', 'funding'];

const paragraph = fc.array(fc.constantFrom(...WORDS), { minLength: 10, maxLength: 30 });
const base = fc.array(paragraph, { minLength: 3, maxLength: 6 });

function view(analysis: RepeatAnalysis): unknown {
  const at = (doc: DocumentSummary, range: readonly number[]): string => `${doc.uri}@${range[0]}`;
  return {
    paragraphs: analysis.paragraphs.map((r) => [at(r.doc, r.block.range), r.total, r.earlier.map((c) => [at(c.doc, c.block.range), c.kind, c.score])]),
    sentences: analysis.sentences.map((r) => [at(r.doc, r.sentence.range), r.total, r.earlier.map((c) => at(c.doc, c.sentence.range))]),
  };
}

/**
 * A summary whose shingles are folded into the hashes 0..31 (16 slots), so a
 * paragraph often holds one slot by two hashes, and an edit changes how many
 * times it holds a slot without changing whether it holds it.
 */
function crowded(summary: DocumentSummary): DocumentSummary {
  const paragraphs = summary.paragraphs.map((block) => {
    const shingles = Uint32Array.from(new Set(Array.from(block.signature.shingles, (hash) => hash % 32)));
    return { ...block, signature: { ...block.signature, shingles } };
  });
  return { ...summary, paragraphs };
}

describe('incremental repeat index', () => {
  it.each([
    ['crowded shingle lists', (summary: DocumentSummary): DocumentSummary => summary],
    ['slots held twice by one paragraph', crowded],
  ])('equals a fresh analysis after each edit, addition and removal, with %s', (_, forge) => {
    const config = { ...DEFAULT_CONFIG, repeated: { ...DEFAULT_CONFIG.repeated, minWords: 5 } };
    const step = fc.record({
      doc: fc.nat({ max: 39 }),
      kind: fc.constantFrom('edit', 'edit', 'remove', 'add'),
      pick: fc.nat({ max: 7 }),
      words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }),
      at: fc.nat({ max: 39 }),
    });
    fc.assert(
      fc.property(base, fc.array(step, { minLength: 1, maxLength: 8 }), (pool, steps) => {
        // 40 documents of one or two pool paragraphs with a word or two changed: copies, near copies and strangers.
        const variant = (words: readonly string[], seed: number): string => {
          const out = [...words];
          for (let k = 0; k < seed % 3; k++) out[(seed * (k + 5)) % out.length] = WORDS[(seed + k) % WORDS.length]!;
          return `${out.join(' ')}.`;
        };
        const set = new Map<string, string[]>();
        for (let i = 0; i < 40; i++) {
          const paras = [variant(pool[i % pool.length]!, i), variant(pool[(i * 7 + 3) % pool.length]!, i * 3 + 1)];
          set.set(`d${String(i).padStart(2, '0')}.md`, paras.slice(0, 1 + (i % 2)));
        }
        const summaries = new Map<string, DocumentSummary>();
        const summaryOf = (uri: string, paras: string[]): DocumentSummary => {
          const text = paras.join('\n\n');
          const known = summaries.get(uri);
          if (known?.text === text) return known;
          const summary = forge(summarizeDocument(parseDocument({ uri, languageId: 'markdown', text })));
          summaries.set(uri, summary);
          return summary;
        };
        const ordered = (): DocumentSummary[] => [...set.keys()].sort().map((uri) => summaryOf(uri, set.get(uri)!));
        const index = new RepeatIndex();
        expect(view(index.update(ordered(), config))).toEqual(view(referenceRepeats([...ordered()], config)));
        for (const change of steps) {
          const uri = `d${String(change.doc).padStart(2, '0')}.md`;
          const paras = [...(set.get(uri) ?? [])];
          if (change.kind === 'remove') set.delete(uri);
          else if (change.kind === 'add') set.set(uri, [...paras, variant(pool[change.pick % pool.length]!, change.at)]);
          else if (paras.length > 0) {
            // Replace a few words of one paragraph: a near copy now, or no longer.
            const i = change.pick % paras.length;
            const words = paras[i]!.slice(0, -1).split(' ');
            words.splice(change.at % words.length, change.words.length, ...change.words);
            paras[i] = `${words.join(' ')}.`;
            set.set(uri, paras);
          }
          const docs = ordered();
          expect(view(index.update(docs, config))).toEqual(view(referenceRepeats([...docs], config)));
        }
      }),
      { numRuns: 40, seed: 20261129 },
    );
  });

  it('equals a fresh analysis when one paragraph repeats its own sentence and its lists pass sixteen holders', () => {
    // Short lists are copied to grow and handed to every holder, this paragraph's earlier sentence among them; long ones grow in place.
    const sentence = 'The agency spent the program budget on funding costs this year';
    const other = 'Each program office reports its funding to the agency every quarter';
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 24 }), fc.constantFrom('same', 'twice', 'other', 'gone')), { minLength: 1, maxLength: 40 }), (changes) => {
        const texts = new Map<string, string>();
        const index = new RepeatIndex();
        for (const [doc, kind] of changes) {
          const uri = `d${String(doc).padStart(2, '0')}.md`;
          if (kind === 'gone') texts.delete(uri);
          else texts.set(uri, kind === 'same' ? `${sentence}.` : kind === 'twice' ? `${sentence}. ${sentence}.\n\n${other}.` : `${other}. ${sentence}.`);
          const docs = [...texts.keys()].sort().map((uri) => summarizeDocument(parseDocument({ uri, languageId: 'markdown', text: texts.get(uri)! })));
          expect(view(index.update(docs, DEFAULT_CONFIG))).toEqual(view(referenceRepeats([...docs], DEFAULT_CONFIG)));
        }
      }),
      { numRuns: 60, seed: 20261129 },
    );
  });
});

describe('changedSlots', () => {
  /** The slots of `shingles` with their counts, by sorting: what the index held before changedSlots. */
  const counts = (shingles: readonly number[]): Map<number, number> => {
    const out = new Map<number, number>();
    for (const hash of [...shingles].sort((a, b) => a - b)) out.set(hash >>> 1, (out.get(hash >>> 1) ?? 0) + 1);
    return out;
  };

  it('lists exactly the slots whose count changed, ascending, with both counts, for edits anywhere', () => {
    // Small hashes, so that two hashes often share a slot; distinct within a list, as signatures are.
    const list = fc.uniqueArray(fc.integer({ min: 0, max: 80 }), { maxLength: 60 });
    fc.assert(
      fc.property(list, list, fc.nat(), fc.nat(), (before, replacement, from, length) => {
        const at = from % (before.length + 1);
        const after = [...new Set([...before.slice(0, at), ...replacement, ...before.slice(Math.min(before.length, at + length))])];
        const [x, y] = [counts(before), counts(after)];
        const expected = [...new Set([...x.keys(), ...y.keys()])]
          .filter((slot) => (x.get(slot) ?? 0) !== (y.get(slot) ?? 0))
          .sort((a, b) => a - b)
          .map((slot) => ({ slot, held: x.get(slot) ?? 0, holds: y.get(slot) ?? 0 }));
        expect(changedSlots(Uint32Array.from(before), Uint32Array.from(after))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('finds nothing to change when only the order of equal slots moved', () => {
    expect(changedSlots(Uint32Array.from([4, 5, 9]), Uint32Array.from([5, 4, 9]))).toEqual([]);
  });
});
