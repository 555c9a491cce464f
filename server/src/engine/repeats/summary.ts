/**
 * The per-document half of repeat detection: each paragraph's signature and
 * its sentences' comparison keys. Plain data, computed once per document
 * (and cached by text), so a worker thread or the CLI cache can supply it
 * and only the cross-document comparison runs over the whole set.
 */
import { BoundedCache } from '../cache';
import type { Container, ParsedDocument, ProseBlock } from '../document/model';
import { foldForComparison } from '../document/words';
import type { OffsetRange } from '../types';
import { signatureOf, wordsOf, type Signature } from './signature';

/** Sentences shorter than this are never reported as repeats. */
export const MIN_SENTENCE_WORDS = 8;

/** A sentence long enough to be reported as a repeat. */
export interface SentenceSummary {
  /** Document offsets. */
  readonly range: OffsetRange;
  /** Folded words joined by spaces: equal for repeats. */
  readonly key: string;
}

/** A prose paragraph (not a heading) as repeat detection compares it. */
export interface ParagraphSummary {
  /** Document offsets of the paragraph. */
  readonly range: OffsetRange;
  /** Paragraphs are compared only with paragraphs in the same kind of container. */
  readonly container: Container;
  readonly signature: Signature;
  /** Only the sentences of {@link MIN_SENTENCE_WORDS} words or more. */
  readonly sentences: readonly SentenceSummary[];
}

/**
 * A paragraph's signature: its words from the prose view, and for exact
 * identity also the source of masked spans (inline code, URLs) and link
 * targets, so that paragraphs differing only in a link are near copies, not
 * identical ones.
 */
function paragraphSignature(doc: ParsedDocument, block: ProseBlock): Signature {
  const hidden = block.inlines
    .filter((span) => span.kind !== 'html')
    .map((span) => (span.kind === 'link' ? span.url ?? '' : doc.text.slice(span.range[0], span.range[1])));
  return signatureOf(block.prose, hidden);
}

const sentenceKeys = new BoundedCache<string, string>(200_000);

/** Folded words of a sentence joined by spaces, or '' when too short to report. */
function sentenceKey(text: string): string {
  return sentenceKeys.get(text, () => {
    const words = wordsOf(foldForComparison(text));
    return words.length < MIN_SENTENCE_WORDS ? '' : words.join(' ');
  });
}

/** The paragraphs of `doc` in document order, ready for cross-document comparison. */
export function summarizeParagraphs(doc: ParsedDocument): ParagraphSummary[] {
  const paragraphs: ParagraphSummary[] = [];
  for (const block of doc.prose) {
    if (block.kind !== 'paragraph') continue;
    const sentences: SentenceSummary[] = [];
    for (const sentence of block.sentences) {
      const key = sentenceKey(sentence.text);
      if (key !== '') sentences.push({ range: sentence.range, key });
    }
    paragraphs.push({ range: block.range, container: block.container, signature: paragraphSignature(doc, block), sentences });
  }
  return paragraphs;
}
