/**
 * What repeat detection finds and how it judges a pair: the answer types,
 * the limits, the copy measure and the lists of equal items. The analysis
 * itself is `RepeatIndex` (incremental.ts), for a single run and for an
 * editor's runs alike.
 *
 * Exact copies come from a hash map of folded text. Near copies come from an
 * inverted index of word-trigram shingles: a paragraph is compared only with
 * earlier paragraphs sharing enough shingles, and shingles shared by very
 * many paragraphs (boilerplate) are not followed, so the cost grows with the
 * amount of text, not with the number of paragraph pairs.
 */
import { foldForComparison } from '../document/words';
import type { DocumentSummary } from '../summary';
import { measuresWords, resemblance, wordResemblance, type Resemblance } from './similarity';
import { hash53 } from './signature';
import type { ParagraphSummary, SentenceSummary } from './summary';
import { isFolded, sameExact, wordsOfParagraph, type Located } from './verify';

export { MIN_SENTENCE_WORDS } from './summary';

/** Share of a paragraph that must lie inside a longer one to count as contained. */
export const CONTAINMENT_THRESHOLD = 0.9;
/** Shingles shared by more paragraphs than this are boilerplate and not followed. */
export const MAX_POSTINGS = 24;
/** Candidates must share this share of the smaller paragraph's shingles before the exact measure runs. */
export const CANDIDATE_SHARE = 0.3;
/**
 * At most this many earlier copies are listed per finding; the rest are
 * counted. Without a cap, n copies of one paragraph would list n²/2
 * locations (50,000 pasted copies ran a 4 GB heap out of memory).
 */
export const MAX_LISTED_COPIES = 20;
export interface ProseRef {
  readonly doc: DocumentSummary;
  readonly block: ParagraphSummary;
}

export type CopyKind = 'identical' | 'similar' | 'contained' | 'contains';

export interface EarlierCopy extends ProseRef {
  readonly kind: CopyKind;
  /** Similarity (for `identical`/`similar`) or containment (for the others), 0–1. */
  readonly score: number;
}

export interface ParagraphRepeat extends ProseRef {
  /** Earlier copies, best first, at most {@link MAX_LISTED_COPIES}. */
  readonly earlier: readonly EarlierCopy[];
  /** How many earlier copies there are in all. */
  readonly total: number;
}

export interface SentenceRepeat extends ProseRef {
  readonly sentence: SentenceSummary;
  /** The first earlier copies, at most {@link MAX_LISTED_COPIES}. */
  readonly earlier: readonly (ProseRef & { readonly sentence: SentenceSummary })[];
  /** How many earlier copies there are in all. */
  readonly total: number;
}

export interface RepeatAnalysis {
  readonly paragraphs: readonly ParagraphRepeat[];
  readonly sentences: readonly SentenceRepeat[];
}

/** Order of copy kinds in a finding's list: identical first. */
export const KIND_ORDER: Record<CopyKind, number> = { identical: 0, similar: 1, contains: 2, contained: 3 };

function judge(measured: Resemblance, later: number, earlier: number, similarity: number): { kind: CopyKind; score: number } | undefined {
  if (measured.similarity >= similarity) return { kind: 'similar', score: measured.similarity };
  // Containment is about a paragraph inside a clearly longer one, not two of a size.
  const [shorter, longer] = later <= earlier ? [later, earlier] : [earlier, later];
  if (measured.containment >= CONTAINMENT_THRESHOLD && shorter <= CONTAINMENT_THRESHOLD * longer) {
    return { kind: later <= earlier ? 'contained' : 'contains', score: measured.containment };
  }
  return undefined;
}

/**
 * How `later` repeats `earlier`, if it does at the configured similarity.
 * Word hashes find it; a match is confirmed on the words themselves
 * (equal hashes of different words only ever raise the measure, so a
 * paragraph the hashes reject is rejected by the words too).
 */
export function classify(later: Located, earlier: Located, similarity: number): { kind: CopyKind; score: number } | undefined {
  const [a, b] = [later.block.signature, earlier.block.signature];
  const match = judge(resemblance(a, b), a.words.length, b.words.length, similarity);
  if (!match || !measuresWords(a, b) || a === b) return match;
  const [x, y] = [wordsOfParagraph(later), wordsOfParagraph(earlier)];
  // Hashes equal exactly where words are: the measure on hashes was the measure on words.
  if (sameWordsWhereHashesMatch(a.words, x, b.words, y)) return match;
  return judge(wordResemblance(x, y), a.words.length, b.words.length, similarity);
}

/**
 * Whether, across two paragraphs, equal word hashes always stand for equal
 * words (no collision between or within them). `hashes` and `words` of a
 * paragraph are aligned: both come from the same words of the same prose.
 */
function sameWordsWhereHashesMatch(aHashes: Uint32Array, aWords: readonly string[], bHashes: Uint32Array, bWords: readonly string[]): boolean {
  if (aHashes.length !== aWords.length || bHashes.length !== bWords.length) return false;
  const seen = new Map<number, string>();
  const agree = (hashes: Uint32Array, words: readonly string[]): boolean => {
    for (let i = 0; i < hashes.length; i++) {
      const known = seen.get(hashes[i]!);
      if (known === undefined) seen.set(hashes[i]!, words[i]!);
      else if (known !== words[i]) return false;
    }
    return true;
  };
  return agree(aHashes, aWords) && agree(bHashes, bWords);
}

/**
 * Lists of items that are truly equal, under a hash that may (very rarely)
 * join different ones: `find` returns the list whose first item equals
 * `item`, so a collision only costs the comparison. The first list under a
 * key is held directly, the others (collisions) apart: an editor's index
 * holds tens of thousands of these lists, nearly always one per key.
 */
export class EqualLists<K, T> {
  private readonly lists = new Map<K, T[]>();
  private readonly others = new Map<K, T[][]>();

  constructor(private readonly same: (a: T, b: T) => boolean) {}

  /** The list of items equal to `item` under `key`, if any. */
  find(key: K, item: T): T[] | undefined {
    const first = this.lists.get(key);
    if (first === undefined) return undefined;
    if (this.same(first[0]!, item)) return first;
    for (const list of this.others.get(key) ?? []) if (this.same(list[0]!, item)) return list;
    return undefined;
  }

  /** Starts a list with `item` under `key`. */
  start(key: K, item: T): T[] {
    const list = [item];
    const others = this.others.get(key);
    if (!this.lists.has(key)) this.lists.set(key, list);
    else if (others) others.push(list);
    else this.others.set(key, [list]);
    return list;
  }

  /** Puts `next` in the place of `list` (a copy of it, grown). */
  replace(key: K, list: readonly T[], next: T[]): void {
    if (this.lists.get(key) === list) this.lists.set(key, next);
    else {
      const others = this.others.get(key)!;
      others[others.indexOf(list as T[])] = next;
    }
  }

  /** Drops an emptied list. */
  discard(key: K, list: readonly T[]): void {
    const others = this.others.get(key) ?? [];
    // Lists under one key hold different items, so which one comes first does not matter.
    const kept = others.filter((other) => other !== list);
    if (this.lists.get(key) === list) {
      if (kept.length === 0) this.lists.delete(key);
      else this.lists.set(key, kept.shift()!);
    }
    if (kept.length === 0) this.others.delete(key);
    else this.others.set(key, kept);
  }
}

/** Folded `allow` texts by hash, for {@link isAllowed}. */
export function allowedTexts(allow: readonly string[]): Map<number, string[]> {
  const byHash = new Map<number, string[]>();
  for (const text of allow) {
    const folded = foldForComparison(text);
    const hash = hash53(folded);
    byHash.set(hash, [...(byHash.get(hash) ?? []), folded]);
  }
  return byHash;
}

/** Whether a paragraph is one of the configured boilerplate texts (`repeated.allow`). */
export function isAllowed(allowed: ReadonlyMap<number, readonly string[]>, located: Located): boolean {
  if (allowed.size === 0) return false;
  const texts = allowed.get(located.block.signature.exact);
  return texts !== undefined && texts.some((text) => isFolded(located, text));
}

/** Whether two paragraphs are exact copies in the same kind of container (only those are compared). */
export function sameCopy(a: Located, b: Located): boolean {
  return a.block.container === b.block.container && sameExact(a, b);
}
