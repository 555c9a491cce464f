/**
 * Finds repeated paragraphs and sentences across a set of documents, once
 * per lint run, for the repeated-paragraph and repeated-sentence rules.
 *
 * Exact copies come from a hash map of folded text. Near copies come from an
 * inverted index of word-trigram shingles: a paragraph is compared only with
 * earlier paragraphs sharing enough shingles, and shingles shared by very
 * many paragraphs (boilerplate) are not followed, so the cost grows with the
 * amount of text, not with the number of paragraph pairs.
 */
import { isRuleEnabled, type LintConfig } from '../config';
import type { Container } from '../document/model';
import { foldForComparison } from '../document/words';
import type { DocumentSummary } from '../summary';
import { resemblance } from './similarity';
import { ShingleIndex } from './shingle-index';
import type { Signature } from './signature';
import type { ParagraphSummary, SentenceSummary } from './summary';

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

interface Entry extends ProseRef {
  readonly signature: Signature;
}

/** How `later` repeats `earlier`, if it does at the configured similarity. */
export function classify(later: Signature, earlier: Signature, similarity: number): { kind: CopyKind; score: number } | undefined {
  const measured = resemblance(later, earlier);
  if (measured.similarity >= similarity) return { kind: 'similar', score: measured.similarity };
  // Containment is about a paragraph inside a clearly longer one, not two of a size.
  const [shorter, longer] = [later.words.length, earlier.words.length].sort((x, y) => x - y) as [number, number];
  if (measured.containment >= CONTAINMENT_THRESHOLD && shorter <= CONTAINMENT_THRESHOLD * longer) {
    return { kind: later.words.length <= earlier.words.length ? 'contained' : 'contains', score: measured.containment };
  }
  return undefined;
}

function growCounts(counts: Uint32Array, size: number): Uint32Array {
  const grown = new Uint32Array(Math.max(size, counts.length * 2));
  grown.set(counts);
  return grown;
}

function analyze(documents: readonly DocumentSummary[], config: LintConfig): RepeatAnalysis {
  const { minWords, similarity, allow } = config.repeated;
  const allowed = new Set(allow.map((text) => foldForComparison(text)));
  const exact = new Map<string, Entry[]>();
  const postings = new Map<Container, ShingleIndex>();
  const entries: Entry[] = [];
  const paragraphs: ParagraphRepeat[] = [];
  const reported = new Set<ParagraphSummary>();
  let shared: Uint32Array = new Uint32Array(1024);

  for (const doc of documents) {
    for (const block of doc.paragraphs) {
      const signature = block.signature;
      if (signature.words.length < minWords || allowed.has(signature.exact)) continue;
      const entry: Entry = { doc, block, signature };
      const exactKey = `${block.container}\u0000${signature.exact}`;
      const copies = exact.get(exactKey);
      let earlier: EarlierCopy[] = copies
        ? copies.slice(0, MAX_LISTED_COPIES).map((copy) => ({ doc: copy.doc, block: copy.block, kind: 'identical', score: 1 }))
        : [];
      let index = postings.get(block.container);
      if (!index) postings.set(block.container, (index = new ShingleIndex(MAX_POSTINGS)));
      if (!copies) {
        // Count shared shingles per earlier paragraph in a reused typed array.
        if (shared.length < entries.length) shared = growCounts(shared, entries.length);
        const touched: number[] = [];
        const counts = shared;
        const count = (id: number): void => {
          if (counts[id]!++ === 0) touched.push(id);
        };
        for (const hash of signature.shingles) index.forEach(hash, count);
        for (const id of touched) {
          const count = shared[id]!;
          shared[id] = 0;
          const candidate = entries[id]!;
          const needed = Math.max(2, CANDIDATE_SHARE * Math.min(signature.shingles.length, candidate.signature.shingles.length));
          if (count < needed) continue;
          const match = classify(signature, candidate.signature, similarity);
          if (match) earlier.push({ doc: candidate.doc, block: candidate.block, ...match });
        }
        earlier = earlier.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.score - a.score);
      }
      if (earlier.length > 0) {
        const total = copies ? copies.length : earlier.length;
        paragraphs.push({ doc, block, earlier: earlier.slice(0, MAX_LISTED_COPIES), total });
        reported.add(block);
      }
      if (copies) copies.push(entry);
      else exact.set(exactKey, [entry]);
      const id = entries.push(entry) - 1;
      for (const hash of signature.shingles) index.add(hash, id);
    }
  }

  const skipReported = isRuleEnabled(config, 'repeated-paragraph');
  const seenSentences = new Map<string, (ProseRef & { sentence: SentenceSummary })[]>();
  const sentences: SentenceRepeat[] = [];
  for (const doc of documents) {
    for (const block of doc.paragraphs) {
      if (allowed.size > 0 && allowed.has(block.signature.exact)) continue;
      for (const sentence of block.sentences) {
        const key = sentence.key;
        const here = { doc, block, sentence };
        const before = seenSentences.get(key);
        if (!before) {
          seenSentences.set(key, [here]);
          continue;
        }
        if (!(skipReported && reported.has(block))) {
          sentences.push({ ...here, earlier: before.slice(0, MAX_LISTED_COPIES), total: before.length });
        }
        before.push(here);
      }
    }
  }
  return { paragraphs, sentences };
}

const memo = new WeakMap<readonly DocumentSummary[], { config: LintConfig; analysis: RepeatAnalysis }>();

/**
 * Hands the rules of a run an analysis computed elsewhere (incrementally, by
 * {@link RepeatIndex}) for `documents`, so they do not recompute it.
 */
export function primeRepeats(documents: readonly DocumentSummary[], config: LintConfig, analysis: RepeatAnalysis): void {
  memo.set(documents, { config, analysis });
}

/**
 * The repeats in `documents` (already in comparison order: path, then
 * position), from their summaries. Both repeat rules receive the same array
 * in one run, so the analysis is computed once and shared.
 */
export function analyzeRepeats(documents: readonly DocumentSummary[], config: LintConfig): RepeatAnalysis {
  const hit = memo.get(documents);
  if (hit && hit.config === config) return hit.analysis;
  const analysis = analyze(documents, config);
  memo.set(documents, { config, analysis });
  return analysis;
}
