import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ClaimsConfig } from '../../server/src/engine/config';
import { lexiconFor } from '../../server/src/engine/claims/lexicon/index';
import { PhraseSet } from '../../server/src/engine/claims/phrases';
import { phrasesIn, type SentenceTokens } from '../../server/src/engine/claims/subject';
import { tokenize } from '../../server/src/engine/claims/tokens';
import { WordFlags, type WordSets } from '../../server/src/engine/claims/word-flags';

const VOCABULARY = ['the', 'experts', 'say', 'said', 'it', 'is', 'believed', 'percent', 'rate', 'must', '=', 'record', 'high', 'a', 'b', 'c'];

describe('word flags', () => {
  it('are exactly the bits of the sets holding the word, plus those of sets any word may start', () => {
    const word = fc.oneof(fc.constantFrom(...VOCABULARY), fc.string({ maxLength: 4 }));
    const set = fc.option(fc.uniqueArray(word, { maxLength: 8 }), { freq: 4 });
    fc.assert(
      fc.property(fc.array(set, { minLength: 1, maxLength: 8 }), fc.array(word, { maxLength: 20 }), (lists, words) => {
        const sets: WordSets = lists.map((list, i) => [1 << i, list === null ? undefined : new Set(list)] as const);
        const flags = new WordFlags(sets);
        for (const w of words) {
          let reference = 0;
          for (const [bit, members] of sets) if (!members || members.has(w)) reference |= bit;
          expect(flags.of(w)).toBe(reference);
        }
      }),
      { numRuns: 300, seed: 4 },
    );
  });

  it('let findAll and phrasesIn skip only tokens and sentences that start no phrase', () => {
    const config: ClaimsConfig = { ...DEFAULT_CONFIG.claims, vagueSources: ['people familiar with the talks'], trustedSources: ['Acme Research'] };
    const lexicon = lexiconFor(config);
    const sets = [lexicon.cues, lexicon.vaguePhrases, lexicon.officialSeries, lexicon.trusted] as PhraseSet<unknown>[];
    const starts = sets.map((set) => set.firstWords());
    const flags = new WordFlags(starts.map((words, i) => [1 << i, words] as const));
    const firsts = starts.flatMap((words) => [...(words ?? [])]).slice(0, 400);
    const words = fc.constantFrom(...firsts, 'familiar', 'with', 'talks', 'research', 'according', 'to', 'is', ',', '"', 'Acme', 'consumer', 'price', 'index');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 24 }), fc.nat(4), (picks, from) => {
        const tokens = tokenize(picks.join(' '));
        const bits = flags.ofTokens(tokens);
        const sentence: SentenceTokens = { tokens, from, to: tokens.length, firstWord: from, flags: bits, bits: bits.slice(from).reduce((a, b) => a | b, 0) };
        sets.forEach((set, i) => {
          const reference = set.findAll(tokens, from, tokens.length);
          expect(set.findAll(tokens, from, tokens.length, bits, 1 << i)).toEqual(reference);
          expect(phrasesIn(sentence, set, 1 << i)).toEqual(reference);
        });
      }),
      { numRuns: 300, seed: 9 },
    );
  });

  it('give no first words for a phrase set any word may start', () => {
    const set = new PhraseSet<true>();
    set.add('* said', true);
    set.add('experts say', true);
    expect(set.firstWords()).toBeUndefined();
    const plain = new PhraseSet<true>();
    plain.add('{experts|analysts} say', true);
    expect([...(plain.firstWords() ?? [])].sort()).toEqual(['analysts', 'experts']);
  });
});

describe('word flag bits', () => {
  it('are distinct single bits that fit the per-token array', async () => {
    const bits = Object.entries(await import('../../server/src/engine/claims/word-flags')).filter(([, value]) => typeof value === 'number').map(([, value]) => value as number);
    expect(bits.length).toBeGreaterThan(8);
    expect(new Set(bits).size).toBe(bits.length);
    for (const bit of bits) expect(bit > 0 && bit < 1 << 16 && (bit & (bit - 1)) === 0).toBe(true);
  });
});
