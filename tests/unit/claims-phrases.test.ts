import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLAIM_CUES, VAGUE_PHRASES } from '../../server/src/engine/claims/lexicon/cues';
import { OFFICIAL_SERIES, PERCENT_WORDS } from '../../server/src/engine/claims/lexicon/statistics';
import { expandPattern, PhraseSet, type PhraseMatch } from '../../server/src/engine/claims/phrases';
import type { TokenList } from '../../server/src/engine/claims/tokens';
import { tokenList, type TokenObject } from './claims-helpers';

/** The trie PhraseSet once built eagerly: every expansion inserted, first value wins, longest match, a word before `*`. */
class ExpandedTrie<T> {
  private readonly root: Node<T> = { next: new Map() };
  add(pattern: string, value: T): void {
    for (const sequence of expandPattern(pattern)) {
      let node = this.root;
      for (const word of sequence) {
        if (word === '*') node = node.any ??= { next: new Map() };
        else {
          let child = node.next.get(word);
          if (!child) node.next.set(word, (child = { next: new Map() }));
          node = child;
        }
      }
      node.value ??= value;
    }
  }
  matchAt(tokens: readonly TokenObject[], start: number, end = tokens.length): PhraseMatch<T> | undefined {
    const found = this.walk(this.root, tokens, start, start, end);
    return found && { start, end: found[0], value: found[1] };
  }
  private walk(node: Node<T>, tokens: readonly TokenObject[], start: number, at: number, end: number): [number, T] | undefined {
    let best: [number, T] | undefined = node.value !== undefined && at > start ? [at, node.value] : undefined;
    const token = tokens[at];
    if (at >= end || !token || token.kind === 'punct' || token.quoted) return best;
    for (const next of [node.next.get(token.lower), node.any]) {
      const deeper = next && this.walk(next, tokens, start, at + 1, end);
      if (deeper && (!best || deeper[0] > best[0])) best = deeper;
    }
    return best;
  }
}
interface Node<T> {
  readonly next: Map<string, Node<T>>;
  any?: Node<T>;
  value?: T;
}

const token = (lower: string, at: number, kind: TokenObject['kind'] = 'word', quoted = false): TokenObject => ({ text: lower, lower, start: at, end: at + 1, kind, quoted });

function sameMatches(patterns: readonly string[], words: readonly string[]): void {
  const lazy = new PhraseSet<number>();
  const eager = new ExpandedTrie<number>();
  patterns.forEach((pattern, index) => {
    lazy.add(pattern, index);
    eager.add(pattern, index);
  });
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom(...words, ',', 'other'), fc.nat(9)), { maxLength: 14 }), (picks) => {
      const tokens = picks.map(([word, n], i) => token(word, i, word === ',' ? 'punct' : 'word', n === 0));
      const list: TokenList = tokenList(tokens);
      for (let i = 0; i <= tokens.length; i++) expect(lazy.matchAt(list, i)).toEqual(eager.matchAt(tokens, i));
      expect(lazy.findAll(list, 1)).toEqual(
        (() => {
          const out: PhraseMatch<number>[] = [];
          for (let i = 1; i < tokens.length; i++) {
            const hit = eager.matchAt(tokens, i);
            if (hit) {
              out.push(hit);
              i = hit.end - 1;
            }
          }
          return out;
        })(),
      );
    }),
    { numRuns: 400, seed: 8 },
  );
}

describe('phrase sets built lazily', () => {
  it('match exactly as the expanded trie of the built-in lexicon', () => {
    const patterns = [...CLAIM_CUES.map((cue) => cue.pattern), ...VAGUE_PHRASES, ...PERCENT_WORDS, ...OFFICIAL_SERIES];
    const words = [...new Set(patterns.flatMap((pattern) => pattern.replace(/[{}|]/g, ' ').toLowerCase().split(/\s+/)).filter((w) => w && w !== '*'))];
    sameMatches(patterns, words);
  });

  it('match exactly as the expanded trie with wildcards, optional slots and shared prefixes', () => {
    sameMatches(['a {b|b c|} d', 'a * d', '{|a} b', 'a b', '* *', 'c {|d} {|e}', 'a {b|*} c', 'e', '{|}'], ['a', 'b', 'c', 'd', 'e']);
  });

  it('still refuses patterns that expand too far', () => {
    const slot = `{${Array.from({ length: 40 }, (_, i) => `w${i}`).join('|')}}`;
    expect(() => new PhraseSet<true>().add(`${slot} ${slot} ${slot}`, true)).toThrow(/expands too far/);
  });
});
