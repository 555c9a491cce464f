/**
 * Multi-word phrase matching over tokens. Lexicon patterns (see
 * `lexicon/cues.ts` for the syntax) are expanded once into a trie of lower-cased
 * words; matching walks the trie from each token, so the cost is linear in
 * the text times the longest phrase, with no regular-expression backtracking.
 */
import type { Token } from './tokens';

interface TrieNode<T> {
  readonly next: Map<string, TrieNode<T>>;
  any?: TrieNode<T>;
  value?: T;
}

/** A phrase found in a token list: `[start, end)` token indices and the entry's value. */
export interface PhraseMatch<T> {
  readonly start: number;
  readonly end: number;
  readonly value: T;
}

const MAX_EXPANSIONS = 50_000;

/** The slots of a pattern, each a list of alternatives, each a list of lower-cased words ("{a|b} c" → [[["a"],["b"]],[["c"]]]). */
function patternSlots(pattern: string): string[][][] {
  const slots: string[][][] = [];
  const re = /\{([^}]*)\}|(\S+)/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(pattern)) !== null) {
    if (match[1] !== undefined) {
      slots.push(match[1].split('|').map((alt) => alt.trim().toLowerCase().split(/\s+/).filter(Boolean)));
    } else {
      slots.push([match[2]!.toLowerCase().split(/\s+/)]);
    }
  }
  return slots;
}

/** Expands one pattern into its word sequences ("{a|b} c" → [["a","c"],["b","c"]]). */
export function expandPattern(pattern: string): string[][] {
  let sequences: string[][] = [[]];
  for (const slot of patternSlots(pattern)) {
    const grown: string[][] = [];
    for (const prefix of sequences) for (const alt of slot) grown.push([...prefix, ...alt]);
    if (grown.length > MAX_EXPANSIONS) throw new Error(`policylint: pattern expands too far: ${pattern}`);
    sequences = grown;
  }
  return sequences.filter((seq) => seq.length > 0);
}

/**
 * A compiled set of phrases. A token matches a word slot when its lower-cased
 * text is that word; `*` matches any word or number. Punctuation tokens and
 * quoted tokens never match, so a phrase never spans a comma or a quotation.
 */
export class PhraseSet<T> {
  private readonly root: TrieNode<T> = { next: new Map() };
  private longest = 0;

  /**
   * Adds every expansion of `pattern` with `value`; the first value added for
   * a sequence wins. Slots are inserted one after another from the set of
   * nodes the previous slots reached, so shared prefixes are walked once
   * instead of once per expansion: the built-in cues expand to 80,000
   * sequences, and expanding them one by one took half the CLI's start-up.
   */
  add(pattern: string, value: T): void {
    const slots = patternSlots(pattern);
    let count = 1;
    for (const slot of slots) if ((count *= slot.length) > MAX_EXPANSIONS) throw new Error(`policylint: pattern expands too far: ${pattern}`);
    // Each frontier entry: a node and the number of words that led to it.
    let frontier: [TrieNode<T>, number][] = [[this.root, 0]];
    for (const slot of slots) {
      const reached = new Map<TrieNode<T>, number>();
      for (const [from, depth] of frontier) {
        for (const alternative of slot) {
          let node = from;
          for (const word of alternative) node = this.child(node, word);
          // Depth is a function of the node, since the trie is a tree.
          reached.set(node, depth + alternative.length);
        }
      }
      frontier = [...reached];
    }
    for (const [node, depth] of frontier) {
      if (depth === 0) continue;
      node.value ??= value;
      this.longest = Math.max(this.longest, depth);
    }
  }

  private child(node: TrieNode<T>, word: string): TrieNode<T> {
    if (word === '*') return (node.any ??= { next: new Map() });
    let child = node.next.get(word);
    if (!child) {
      child = { next: new Map() };
      node.next.set(word, child);
    }
    return child;
  }

  /** The longest phrase starting at token `start`, or undefined. */
  matchAt(tokens: readonly Token[], start: number, end: number = tokens.length): PhraseMatch<T> | undefined {
    const first = tokens[start];
    // Most tokens start no phrase: answer without allocating.
    if (!first || first.kind === 'punct' || first.quoted || (!this.root.any && !this.root.next.has(first.lower))) return undefined;
    const found = this.walk(this.root, tokens, start, start, end);
    return found === undefined ? undefined : { start, end: found[0], value: found[1] };
  }

  /** The end and value of the longest match from `node` at token `at`. */
  private walk(node: TrieNode<T>, tokens: readonly Token[], start: number, at: number, end: number): [number, T] | undefined {
    let best: [number, T] | undefined = node.value !== undefined && at > start ? [at, node.value] : undefined;
    if (at >= end) return best;
    const token = tokens[at]!;
    if (token.kind === 'punct' || token.quoted) return best;
    const child = node.next.get(token.lower);
    for (const next of [child, node.any]) {
      if (!next) continue;
      const deeper = this.walk(next, tokens, start, at + 1, end);
      if (deeper && (!best || deeper[0] > best[0])) best = deeper;
    }
    return best;
  }

  /** Every non-overlapping longest match in `tokens[from, to)`, left to right. */
  findAll(tokens: readonly Token[], from = 0, to: number = tokens.length): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    for (let i = from; i < to; i++) {
      const hit = this.matchAt(tokens, i, to);
      if (hit) {
        found.push(hit);
        i = hit.end - 1;
      }
    }
    return found;
  }
}
