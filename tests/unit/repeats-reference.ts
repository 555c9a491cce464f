// The repeat analysis written the plain way, with Maps and arrays, as the
// reference the production index (RepeatIndex, with its typed posting table
// and incremental updates) must equal on any set of documents.
import { isRuleEnabled, type LintConfig } from '../../server/src/engine/config';
import type { Container } from '../../server/src/engine/document/model';
import {
  allowedTexts,
  CANDIDATE_SHARE,
  classify,
  EqualLists,
  isAllowed,
  KIND_ORDER,
  MAX_LISTED_COPIES,
  MAX_POSTINGS,
  sameCopy,
  type EarlierCopy,
  type ParagraphRepeat,
  type ProseRef,
  type RepeatAnalysis,
  type SentenceRepeat,
} from '../../server/src/engine/repeats/analyze';
import { sentenceAt, sentenceCount, sentenceKeyAt, type ParagraphSummary, type SentenceSummary } from '../../server/src/engine/repeats/summary';
import { sameSentence } from '../../server/src/engine/repeats/verify';
import type { DocumentSummary } from '../../server/src/engine/summary';

type Entry = ProseRef;

/** A sentence by its paragraph and position among the paragraph's reported sentences. */
interface SentenceRef extends ProseRef {
  readonly index: number;
}

const sameSentenceRef = (a: SentenceRef, b: SentenceRef): boolean => sameSentence(a, a.index, b, b.index);

/**
 * The repeats in `documents` (in comparison order), the plain way: each
 * paragraph is compared with the earlier ones that share enough shingles,
 * read from a `Map` of id lists, and shingles held by more than
 * MAX_POSTINGS earlier paragraphs are not followed.
 */
export function referenceRepeats(documents: readonly DocumentSummary[], config: LintConfig): RepeatAnalysis {
  const { minWords, similarity, allow } = config.repeated;
  const allowed = allowedTexts(allow);
  const exact = new EqualLists<number, Entry>(sameCopy);
  const postings = new Map<Container, Map<number, number[]>>();
  const entries: Entry[] = [];
  const paragraphs: ParagraphRepeat[] = [];
  const reported = new Set<ParagraphSummary>();

  for (const doc of documents) {
    for (const block of doc.paragraphs) {
      const signature = block.signature;
      const entry: Entry = { doc, block };
      if (signature.words.length < minWords || isAllowed(allowed, entry)) continue;
      const copies = exact.find(signature.exact, entry);
      let earlier: EarlierCopy[] = copies
        ? copies.slice(0, MAX_LISTED_COPIES).map((copy) => ({ doc: copy.doc, block: copy.block, kind: 'identical', score: 1 }))
        : [];
      let index = postings.get(block.container);
      if (!index) postings.set(block.container, (index = new Map()));
      if (!copies) {
        // Shared shingles per earlier paragraph, in first-touch order (ties between copies keep it).
        const counts = new Map<number, number>();
        for (const hash of signature.shingles) {
          const holders = index.get(hash >>> 1) ?? [];
          if (holders.length > MAX_POSTINGS) continue;
          for (const id of holders) counts.set(id, (counts.get(id) ?? 0) + 1);
        }
        for (const [id, count] of counts) {
          const candidate = entries[id]!;
          const needed = Math.max(2, CANDIDATE_SHARE * Math.min(signature.shingles.length, candidate.block.signature.shingles.length));
          if (count < needed) continue;
          const match = classify(entry, candidate, similarity);
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
      else exact.start(signature.exact, entry);
      const id = entries.push(entry) - 1;
      for (const hash of signature.shingles) index.set(hash >>> 1, [...(index.get(hash >>> 1) ?? []), id]);
    }
  }

  const skipReported = isRuleEnabled(config, 'repeated-paragraph');
  const seenSentences = new EqualLists<number, SentenceRef>(sameSentenceRef);
  const sentences: SentenceRepeat[] = [];
  for (const doc of documents) {
    for (const block of doc.paragraphs) {
      if (isAllowed(allowed, { doc, block })) continue;
      for (let index = 0; index < sentenceCount(block); index++) {
        const key = sentenceKeyAt(block, index);
        const here: SentenceRef = { doc, block, index };
        const before = seenSentences.find(key, here);
        if (!before) {
          seenSentences.start(key, here);
          continue;
        }
        if (!(skipReported && reported.has(block))) {
          sentences.push({ ...withSentence(here), earlier: before.slice(0, MAX_LISTED_COPIES).map(withSentence), total: before.length });
        }
        before.push(here);
      }
    }
  }
  return { paragraphs, sentences };
}

/** A reported sentence with its offsets, made only for what is reported. */
function withSentence(ref: SentenceRef): ProseRef & { readonly sentence: SentenceSummary } {
  return { doc: ref.doc, block: ref.block, sentence: sentenceAt(ref.block, ref.index) };
}
