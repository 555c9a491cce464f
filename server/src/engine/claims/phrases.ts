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

/** Expands one pattern into its word sequences ("{a|b} c" → [["a","c"],["b","c"]]). */
export function expandPattern(pattern: string): string[][] {
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
  let sequences: string[][] = [[]];
  for (const slot of slots) {
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

  /** Adds every expansion of `pattern` with `value`; the first value added for a sequence wins. */
  add(pattern: string, value: T): void {
    for (const words of expandPattern(pattern)) {
      let node = this.root;
      for (const word of words) {
        if (word === '*') {
          node.any ??= { next: new Map() };
          node = node.any;
          continue;
        }
        let child = node.next.get(word);
        if (!child) {
          child = { next: new Map() };
          node.next.set(word, child);
        }
        node = child;
      }
      node.value ??= value;
      this.longest = Math.max(this.longest, words.length);
    }
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
