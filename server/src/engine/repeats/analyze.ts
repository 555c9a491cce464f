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
import { OBJECT_MASK, type Container, type ParsedDocument, type ProseBlock, type Sentence } from '../document/model';
import { foldForComparison } from '../document/words';
import { resemblance } from './similarity';
import { signatureOf, wordsOf, type Signature } from './signature';

/** Share of a paragraph that must lie inside a longer one to count as contained. */
export const CONTAINMENT_THRESHOLD = 0.9;
/** Shingles shared by more paragraphs than this are boilerplate and not followed. */
const MAX_POSTINGS = 48;
/** Candidates must share this share of the smaller paragraph's shingles before the exact measure runs. */
const CANDIDATE_SHARE = 0.2;
/** Sentences shorter than this are never reported as repeats. */
export const MIN_SENTENCE_WORDS = 8;

export interface ProseRef {
  readonly doc: ParsedDocument;
  readonly block: ProseBlock;
}

export type CopyKind = 'identical' | 'similar' | 'contained' | 'contains';

export interface EarlierCopy extends ProseRef {
  readonly kind: CopyKind;
  /** Similarity (for `identical`/`similar`) or containment (for the others), 0–1. */
  readonly score: number;
}

export interface ParagraphRepeat extends ProseRef {
  /** Earlier copies, best first. */
  readonly earlier: readonly EarlierCopy[];
}

export interface SentenceRepeat extends ProseRef {
  readonly sentence: Sentence;
  readonly earlier: readonly (ProseRef & { readonly sentence: Sentence })[];
}

export interface RepeatAnalysis {
  readonly paragraphs: readonly ParagraphRepeat[];
  readonly sentences: readonly SentenceRepeat[];
}

/**
 * The text two paragraphs are compared on: the prose view, with masked spans
 * (inline code, URLs) restored from the source and link targets appended, so
 * that paragraphs differing only in a link target are not "identical".
 */
function comparable(doc: ParsedDocument, block: ProseBlock): string {
  const source = doc.text.slice(block.range[0], block.range[1]);
  let out = '';
  for (let i = 0; i < block.prose.length; i++) out += block.prose[i] === OBJECT_MASK ? source[i] : block.prose[i];
  const targets = block.inlines.filter((span) => span.kind === 'link').map((span) => span.url);
  return targets.length > 0 ? `${out}\u0001${targets.join('\u0001')}` : out;
}

const KIND_ORDER: Record<CopyKind, number> = { identical: 0, similar: 1, contains: 2, contained: 3 };

interface Entry extends ProseRef {
  readonly signature: Signature;
}

function classify(later: Signature, earlier: Signature, similarity: number): { kind: CopyKind; score: number } | undefined {
  const measured = resemblance(later, earlier);
  if (measured.similarity >= similarity) return { kind: 'similar', score: measured.similarity };
  // Containment is about a paragraph inside a clearly longer one, not two of a size.
  const [shorter, longer] = [later.words.length, earlier.words.length].sort((x, y) => x - y) as [number, number];
  if (measured.containment >= CONTAINMENT_THRESHOLD && shorter <= CONTAINMENT_THRESHOLD * longer) {
    return { kind: later.words.length <= earlier.words.length ? 'contained' : 'contains', score: measured.containment };
  }
  return undefined;
}

function analyze(documents: readonly ParsedDocument[], config: LintConfig): RepeatAnalysis {
  const { minWords, similarity, allow } = config.repeated;
  const allowed = new Set(allow.map((text) => foldForComparison(text)));
  const exact = new Map<string, Entry[]>();
  const postings = new Map<Container, Map<number, number[]>>();
  const entries: Entry[] = [];
  const paragraphs: ParagraphRepeat[] = [];
  const reported = new Set<ProseBlock>();

  for (const doc of documents) {
    for (const block of doc.prose) {
      if (block.kind !== 'paragraph') continue;
      const signature = signatureOf(comparable(doc, block));
      if (signature.words.length < minWords || allowed.has(signature.exact)) continue;
      const entry: Entry = { doc, block, signature };
      const exactKey = `${block.container}\u0000${signature.exact}`;
      const copies = exact.get(exactKey);
      let earlier: EarlierCopy[] = copies ? copies.map((copy) => ({ doc: copy.doc, block: copy.block, kind: 'identical', score: 1 })) : [];
      let index = postings.get(block.container);
      if (!index) postings.set(block.container, (index = new Map()));
      if (!copies) {
        const shared = new Map<number, number>();
        for (const hash of signature.shingles) {
          const list = index.get(hash);
          if (list && list.length <= MAX_POSTINGS) for (const id of list) shared.set(id, (shared.get(id) ?? 0) + 1);
        }
        for (const [id, count] of shared) {
          const candidate = entries[id]!;
          const needed = Math.max(2, CANDIDATE_SHARE * Math.min(signature.shingles.length, candidate.signature.shingles.length));
          if (count < needed) continue;
          const match = classify(signature, candidate.signature, similarity);
          if (match) earlier.push({ doc: candidate.doc, block: candidate.block, ...match });
        }
        earlier = earlier.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.score - a.score);
      }
      if (earlier.length > 0) {
        paragraphs.push({ doc, block, earlier });
        reported.add(block);
      }
      if (copies) copies.push(entry);
      else exact.set(exactKey, [entry]);
      const id = entries.push(entry) - 1;
      for (const hash of signature.shingles) {
        const list = index.get(hash);
        if (!list) index.set(hash, [id]);
        else if (list.length <= MAX_POSTINGS) list.push(id);
      }
    }
  }

  const skipReported = isRuleEnabled(config, 'repeated-paragraph');
  const seenSentences = new Map<string, (ProseRef & { sentence: Sentence })[]>();
  const sentences: SentenceRepeat[] = [];
  for (const doc of documents) {
    for (const block of doc.prose) {
      if (block.kind !== 'paragraph') continue;
      if (allowed.size > 0 && allowed.has(signatureOf(comparable(doc, block)).exact)) continue;
      for (const sentence of block.sentences) {
        const words = wordsOf(foldForComparison(sentence.text));
        if (words.length < MIN_SENTENCE_WORDS) continue;
        const key = words.join(' ');
        const here = { doc, block, sentence };
        const before = seenSentences.get(key);
        if (!before) {
          seenSentences.set(key, [here]);
          continue;
        }
        if (!(skipReported && reported.has(block))) sentences.push({ ...here, earlier: [...before] });
        before.push(here);
      }
    }
  }
  return { paragraphs, sentences };
}

const memo = new WeakMap<readonly ParsedDocument[], { config: LintConfig; analysis: RepeatAnalysis }>();

/**
 * The repeats in `documents` (already in comparison order: path, then
 * position). Both repeat rules receive the same array in one run, so the
 * analysis is computed once and shared.
 */
export function analyzeRepeats(documents: readonly ParsedDocument[], config: LintConfig): RepeatAnalysis {
  const hit = memo.get(documents);
  if (hit && hit.config === config) return hit.analysis;
  const analysis = analyze(documents, config);
  memo.set(documents, { config, analysis });
  return analysis;
}
