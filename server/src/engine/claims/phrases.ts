/**
 * Multi-word phrase matching over tokens. Lexicon patterns (see
 * `lexicon/cues.ts` for the syntax) are expanded once into a trie of lower-cased
 * words; matching walks the trie from each token, so the cost is linear in
 * the text times the longest phrase, with no regular-expression backtracking.
 */
import { PUNCT, type TokenList } from './tokens';

/**
 * A place inside a pattern: slot `s`, alternative `a`, `i` of its words
 * already read (less than the alternative's length: the place waits for
 * word `i`).
 */
interface Place {
  readonly p: number;
  readonly s: number;
  readonly a: number;
  readonly i: number;
}

/**
 * A node of the phrase trie: the word sequence that leads to it, as the
 * places in the patterns that sequence reaches. Built on first use from its
 * parent, so the trie holds only the prefixes that some text walked.
 */
interface TrieNode<T> {
  /** The value of the first pattern with an expansion ending here. */
  readonly value?: T;
  /** Places waiting for each literal word. */
  readonly waiting: ReadonlyMap<string, readonly Place[]>;
  /** Places waiting for any word (`*`). */
  readonly waitingAny: readonly Place[];
  /** Children built so far, by word. */
  readonly children: Map<string, TrieNode<T>>;
  any?: TrieNode<T> | null;
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
  private readonly patterns: { readonly slots: string[][][]; readonly value: T }[] = [];
  private trie: TrieNode<T> | undefined;

  /**
   * Adds every expansion of `pattern` with `value`; the first value added for
   * a sequence wins. Nothing is expanded here: the built-in cues expand to
   * 80,000 sequences, and a trie of them (one map per node) took a large
   * share of the CLI's start-up and of the server's memory. The trie is
   * instead built lazily as texts walk it (see {@link TrieNode}), with the
   * same nodes, values and matches as the expanded one.
   */
  add(pattern: string, value: T): void {
    const slots = patternSlots(pattern);
    let count = 1;
    for (const slot of slots) if ((count *= slot.length) > MAX_EXPANSIONS) throw new Error(`policylint: pattern expands too far: ${pattern}`);
    this.patterns.push({ slots, value });
    this.trie = undefined;
  }

  private get root(): TrieNode<T> {
    if (!this.trie) {
      const start: Place[] = [];
      for (let p = 0; p < this.patterns.length; p++) this.enterSlot(p, 0, start);
      // The empty sequence is no phrase, so the root carries no value.
      this.trie = this.node(start, false);
    }
    return this.trie;
  }

  /** Adds the places at the start of slot `s` of pattern `p` (past slots left empty), or the pattern's end (-1 alternative). */
  private enterSlot(p: number, s: number, into: Place[]): void {
    const slots = this.patterns[p]!.slots;
    if (s === slots.length) {
      into.push({ p, s, a: -1, i: 0 });
      return;
    }
    slots[s]!.forEach((alternative, a) => {
      if (alternative.length === 0) this.enterSlot(p, s + 1, into);
      else into.push({ p, s, a, i: 0 });
    });
  }

  /** The node for `places` (each waiting for a word, or at its pattern's end). */
  private node(places: readonly Place[], valued = true): TrieNode<T> {
    const waiting = new Map<string, Place[]>();
    const waitingAny: Place[] = [];
    let first = -1;
    for (const place of places) {
      if (place.a < 0) {
        if (first < 0 || place.p < first) first = place.p;
        continue;
      }
      const word = this.patterns[place.p]!.slots[place.s]![place.a]![place.i]!;
      if (word === '*') waitingAny.push(place);
      else {
        const list = waiting.get(word);
        if (list) list.push(place);
        else waiting.set(word, [place]);
      }
    }
    const value = valued && first >= 0 ? this.patterns[first]!.value : undefined;
    return { ...(value !== undefined ? { value } : {}), waiting, waitingAny, children: new Map() };
  }

  /** The node after reading `places` one word further. */
  private advance(places: readonly Place[]): TrieNode<T> {
    const next: Place[] = [];
    const seen = new Set<string>();
    const add = (place: Place): void => {
      const key = `${place.p},${place.s},${place.a},${place.i}`;
      if (!seen.has(key)) {
        seen.add(key);
        next.push(place);
      }
    };
    for (const { p, s, a, i } of places) {
      const alternative = this.patterns[p]!.slots[s]![a]!;
      if (i + 1 < alternative.length) add({ p, s, a, i: i + 1 });
      else {
        const entered: Place[] = [];
        this.enterSlot(p, s + 1, entered);
        entered.forEach(add);
      }
    }
    return this.node(next);
  }

  /** The child of `node` by the literal word `word`, if any sequence continues so. */
  private child(node: TrieNode<T>, word: string): TrieNode<T> | undefined {
    // A child already built answers with one lookup; only words some place waits for get one, so the trie does not grow with every word of the texts.
    let child = node.children.get(word);
    if (child) return child;
    const places = node.waiting.get(word);
    if (!places) return undefined;
    child = this.advance(places);
    node.children.set(word, child);
    return child;
  }

  /** The child of `node` by `*`, if any sequence continues so. */
  private anyChild(node: TrieNode<T>): TrieNode<T> | undefined {
    if (node.any === undefined) node.any = node.waitingAny.length > 0 ? this.advance(node.waitingAny) : null;
    return node.any ?? undefined;
  }

  /** The longest phrase starting at token `start`, or undefined. */
  matchAt(tokens: TokenList, start: number, end: number = tokens.length): PhraseMatch<T> | undefined {
    // Most tokens start no phrase: answer without allocating.
    const root = this.root;
    const first = tokens.lower[start];
    if (first === undefined || tokens.kind[start] === PUNCT || tokens.quoted[start] || (root.waitingAny.length === 0 && !root.waiting.has(first))) return undefined;
    const found = this.walk(root, tokens, start, start, end);
    return found === undefined ? undefined : { start, end: found[0], value: found[1] };
  }

  /** The end and value of the longest match from `node` at token `at`. */
  private walk(node: TrieNode<T>, tokens: TokenList, start: number, at: number, end: number): [number, T] | undefined {
    let best: [number, T] | undefined = node.value !== undefined && at > start ? [at, node.value] : undefined;
    if (at >= end) return best;
    if (tokens.kind[at] === PUNCT || tokens.quoted[at]) return best;
    // A literal word before `*`: on equal lengths the first found wins. Two calls, not a loop over a new pair per step.
    const literal = this.child(node, tokens.lower[at]!);
    if (literal) {
      const deeper = this.walk(literal, tokens, start, at + 1, end);
      if (deeper && (!best || deeper[0] > best[0])) best = deeper;
    }
    const any = this.anyChild(node);
    if (any) {
      const deeper = this.walk(any, tokens, start, at + 1, end);
      if (deeper && (!best || deeper[0] > best[0])) best = deeper;
    }
    return best;
  }

  /** The words a phrase may start with, or undefined when one starts with `*` (any word). */
  firstWords(): ReadonlySet<string> | undefined {
    const root = this.root;
    return root.waitingAny.length > 0 ? undefined : new Set(root.waiting.keys());
  }

  /**
   * Every non-overlapping longest match in `tokens[from, to)`, left to right.
   * With `starts`, only tokens whose entry has `bit` set are tried: bits
   * from {@link firstWords} (see `word-flags.ts`) rule out most tokens
   * without a lookup here.
   */
  findAll(tokens: TokenList, from = 0, to: number = tokens.length, starts?: Uint16Array, bit = 0): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    for (let i = from; i < to; i++) {
      if (starts && (starts[i]! & bit) === 0) continue;
      const hit = this.matchAt(tokens, i, to);
      if (hit) {
        found.push(hit);
        i = hit.end - 1;
      }
    }
    return found;
  }
}
