/**
 * The per-document half of repeat detection: each paragraph's signature and
 * its sentences' comparison keys. Plain data, computed once per document
 * (and cached by text), so a worker thread or the CLI cache can supply it
 * and only the cross-document comparison runs over the whole set.
 *
 * Compact on purpose (an editor keeps one per open or indexed document):
 * numbers and typed arrays, no copies of the text. What the text looked
 * like is recovered from the document's own text when a candidate must be
 * confirmed (see `verify.ts`).
 */
import { BoundedCache } from '../cache';
import { contentToken } from '../document/content';
import { detached } from '../document/flatten';
import type { Container, ParsedDocument, ProseBlock } from '../document/model';
import { foldForComparison } from '../document/words';
import type { OffsetRange } from '../types';
import { foldOnce, signatureOf, wordsHash, type FoldedProse, type Signature } from './signature';

/** Sentences shorter than this are never reported as repeats. */
export const MIN_SENTENCE_WORDS = 8;

/** A sentence long enough to be reported as a repeat. */
export interface SentenceSummary {
  /** Document offsets. */
  readonly range: OffsetRange;
  /** 53-bit hash of its folded words joined by spaces: equal for repeats (confirm on the text). */
  readonly key: number;
}

/** A prose paragraph (not a heading) as repeat detection compares it. */
export interface ParagraphSummary {
  /** Document offsets of the paragraph. */
  readonly range: OffsetRange;
  /** Paragraphs are compared only with paragraphs in the same kind of container. */
  readonly container: Container;
  readonly signature: Signature;
  /**
   * Only the sentences of {@link MIN_SENTENCE_WORDS} words or more, flat:
   * start, end (document offsets) and key for each (see {@link sentenceAt}).
   */
  readonly sentences: readonly number[];
  /**
   * Where the prose view differs from the source text, flat: offset from
   * the paragraph start, length, and the character put there (a space for
   * markup, U+FFFC for code and URLs). Empty for plain paragraphs.
   */
  readonly mask: readonly number[];
}

/** Numbers per sentence in {@link ParagraphSummary.sentences}. */
export const SENTENCE_FIELDS = 3;

/** How many sentences of `block` are long enough to report. */
export function sentenceCount(block: ParagraphSummary): number {
  return block.sentences.length / SENTENCE_FIELDS;
}

/** The key of sentence `index` of `block`. */
export function sentenceKeyAt(block: ParagraphSummary, index: number): number {
  return block.sentences[index * SENTENCE_FIELDS + 2]!;
}

/** Sentence objects made so far, per paragraph: an editor reports the same repeats run after run. */
const madeSentences = new WeakMap<ParagraphSummary, SentenceSummary[]>();

/** Sentence `index` of `block` as an object (made on demand, once: only reported sentences need one). */
export function sentenceAt(block: ParagraphSummary, index: number): SentenceSummary {
  let made = madeSentences.get(block);
  if (!made) madeSentences.set(block, (made = []));
  const at = index * SENTENCE_FIELDS;
  return (made[index] ??= { range: [block.sentences[at]!, block.sentences[at + 1]!], key: block.sentences[at + 2]! });
}

/**
 * A paragraph's signature: its words from the prose view, and for exact
 * identity also the source of masked spans (inline code, URLs) and link
 * targets, so that paragraphs differing only in a link are near copies, not
 * identical ones.
 */
function paragraphSignature(doc: ParsedDocument, block: ProseBlock, folded: FoldedProse): Signature {
  const hidden = block.inlines
    .filter((span) => span.kind !== 'html')
    .map((span) => (span.kind === 'link' ? span.url ?? '' : doc.text.slice(span.range[0], span.range[1])));
  return signatureOf(block.prose, hidden, folded);
}

/** The key of a sentence from its folded text (the 53-bit hash of its words joined by spaces): -1 when too short to report. */
function keyOfFolded(folded: string): number {
  const { hash, count } = wordsHash(folded);
  return count < MIN_SENTENCE_WORDS ? -1 : hash;
}

/**
 * Per paragraph prose: each sentence's offsets from the paragraph start and
 * its key (-1 when too short), flat. An edited document is summarised
 * again whole; its unchanged paragraphs then cost one lookup.
 */
const paragraphKeys = new BoundedCache<string, readonly number[]>(100_000);

/** Paragraphs longer than this also cache each sentence's key (see {@link sentenceKeys}). */
const LONG_PARAGRAPH = 4096;

/**
 * Keys of the sentences of long paragraphs, by folded sentence text. An
 * edit inside a 40 KB CRS footnote list changes one of its hundreds of
 * sentences; the others cost a lookup instead of hashing their words. Room
 * for the paragraphs being edited, not for a workspace: the texts are copies,
 * so every key's characters count towards its bound (a million: each edit of
 * a footnote list adds one long sentence, and 2,200 of them were 14 MB).
 */
const sentenceKeys = new BoundedCache<string, number>(4_000, 1_000_000, 0);

/** Offsets and keys of the sentences of `block` (see {@link paragraphKeys}). */
function keysOf(block: ProseBlock, fold: FoldedProse): readonly number[] {
  const out: number[] = [];
  const start = block.range[0];
  const folded = fold();
  const long = block.prose.length > LONG_PARAGRAPH;
  for (const sentence of block.sentences) {
    const range = sentence.range;
    // Prose that folds character by character: a sentence's words are those of its slice of the folded paragraph.
    const text = folded !== undefined ? folded.slice(range[0] - start, range[1] - start) : foldForComparison(sentence.text);
    // Looked up by a copy, which the cache may keep: the slice would keep the whole folded paragraph alive.
    const key = long ? sentenceKeys.get(detached(text), keyOfFolded) : keyOfFolded(text);
    out.push(range[0] - start, range[1] - start, key);
  }
  return out;
}

/** The reported sentences of `block`, flat (see {@link ParagraphSummary.sentences}). */
function sentencesOf(block: ProseBlock, folded: FoldedProse): number[] {
  const sentences: number[] = [];
  if (block.sentences.length === 0) return sentences;
  let keys = paragraphKeys.get(block.prose, () => keysOf(block, folded));
  const start = block.range[0];
  // The same prose splits into the same sentences; checked, as the keys are only right for those offsets.
  let same = keys.length === 3 * block.sentences.length;
  for (let i = 0; same && i < block.sentences.length; i++) {
    const range = block.sentences[i]!.range;
    same = keys[3 * i] === range[0] - start && keys[3 * i + 1] === range[1] - start;
  }
  if (!same) keys = keysOf(block, folded);
  for (let i = 0; i < keys.length; i += 3) if (keys[i + 2]! >= 0) sentences.push(keys[i]! + start, keys[i + 1]! + start, keys[i + 2]!);
  return sentences;
}

const NO_MASK: readonly number[] = [];

/** The runs where `prose` differs from the source it masks (see {@link ParagraphSummary.mask}). */
function maskOf(text: string, start: number, prose: string): readonly number[] {
  let mask: number[] | undefined;
  for (let i = 0; i < prose.length; i++) {
    const code = prose.charCodeAt(i);
    if (code === text.charCodeAt(start + i)) continue;
    let end = i + 1;
    while (end < prose.length && prose.charCodeAt(end) === code && text.charCodeAt(start + end) !== code) end++;
    (mask ??= []).push(i, end - i, code);
    i = end - 1;
  }
  return mask ?? NO_MASK;
}

/**
 * The offset-independent part of a paragraph's summary, as last placed:
 * `sentences` are at document offsets for a block starting at `start`.
 */
interface PlacedParts {
  readonly start: number;
  readonly signature: Signature;
  readonly sentences: readonly number[];
  readonly mask: readonly number[];
}

/**
 * Summary parts by block content (see `document/content.ts`): after an edit
 * every paragraph but the edited one is the same content, perhaps moved, so
 * it costs a lookup (and a shift of its few sentence offsets when moved)
 * instead of hashing its words again. Weak: gone with the blocks.
 */
const partsByContent = new WeakMap<object, PlacedParts>();

/** The summary parts of `block`, from {@link partsByContent} when its content was summarised before. */
function partsOf(doc: ParsedDocument, block: ProseBlock): PlacedParts {
  const token = contentToken(block);
  const start = block.range[0];
  const known = partsByContent.get(token);
  if (known) {
    if (known.start === start) return known;
    const by = start - known.start;
    const sentences = known.sentences.slice();
    // Flat triples: shift the two offsets, keep the key.
    for (let i = 0; i < sentences.length; i += SENTENCE_FIELDS) {
      sentences[i] += by;
      sentences[i + 1] += by;
    }
    const moved: PlacedParts = { start, signature: known.signature, sentences, mask: known.mask };
    partsByContent.set(token, moved);
    return moved;
  }
  // Folded once for both the signature and the sentence keys, and only if either is not cached.
  const folded = foldOnce(block.prose);
  const made: PlacedParts = {
    start,
    signature: paragraphSignature(doc, block, folded),
    sentences: sentencesOf(block, folded),
    mask: maskOf(doc.text, start, block.prose),
  };
  partsByContent.set(token, made);
  return made;
}

/** The paragraphs of `doc` in document order, ready for cross-document comparison. */
export function summarizeParagraphs(doc: ParsedDocument): ParagraphSummary[] {
  const paragraphs: ParagraphSummary[] = [];
  for (const block of doc.prose) {
    if (block.kind !== 'paragraph') continue;
    const parts = partsOf(doc, block);
    // A fresh object per document: analyses key paragraphs by identity, and one block may sit in two documents.
    paragraphs.push({ range: block.range, container: block.container, signature: parts.signature, sentences: parts.sentences, mask: parts.mask });
  }
  return paragraphs;
}
