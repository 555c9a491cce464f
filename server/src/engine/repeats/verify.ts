/**
 * Confirms on the text what hashes in the summaries suggest. Summaries keep
 * hashes, not text, so two different paragraphs (or sentences) can share
 * one by chance; before a copy is reported, its words are recovered from
 * the document text (the summary's mask turns the source back into the
 * prose view) and compared. A collision thus costs a comparison, never a
 * wrong finding.
 */
import type { DocumentRef } from '../document/model';
import { detached } from '../document/flatten';
import { foldForComparison } from '../document/words';
import type { ParagraphSummary } from './summary';
import { SENTENCE_FIELDS } from './summary';
import { hash53, wordsOf } from './signature';

/** A paragraph and the document it is in. */
export interface Located {
  readonly doc: DocumentRef;
  readonly block: ParagraphSummary;
}

/**
 * The prose view (markup masked) of the document offsets `from`–`to` of a
 * paragraph, rebuilt from its source and mask. Only the mask runs that
 * overlap are read, so a sentence of a very long paragraph costs its own
 * length, not the paragraph's.
 */
export function proseSlice({ doc, block }: Located, from: number, to: number): string {
  const mask = block.mask;
  if (mask.length === 0) return doc.text.slice(from, to);
  const start = block.range[0];
  const [low, high] = [from - start, to - start];
  // First run that ends after `low` (runs are sorted and do not overlap).
  let first = 0;
  let last = mask.length / 3;
  while (first < last) {
    const mid = (first + last) >> 1;
    if (mask[3 * mid]! + mask[3 * mid + 1]! <= low) first = mid + 1;
    else last = mid;
  }
  let out = '';
  let at = low;
  for (let i = 3 * first; i < mask.length && mask[i]! < high; i += 3) {
    const runStart = Math.max(mask[i]!, low);
    const runEnd = Math.min(mask[i]! + mask[i + 1]!, high);
    out += doc.text.slice(start + at, start + runStart) + String.fromCharCode(mask[i + 2]!).repeat(runEnd - runStart);
    at = runEnd;
  }
  return out + doc.text.slice(start + at, to);
}

/** The prose view of a paragraph (markup masked), rebuilt from its source and mask. */
export function proseOf(located: Located): string {
  return proseSlice(located, located.block.range[0], located.block.range[1]);
}

function sameMask(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether the two paragraphs have the same source and mask, hence the same prose (the cheap, usual case). */
function sameSource(a: Located, b: Located): boolean {
  const length = a.block.range[1] - a.block.range[0];
  if (length !== b.block.range[1] - b.block.range[0] || !sameMask(a.block.mask, b.block.mask)) return false;
  return a.doc.text.slice(a.block.range[0], a.block.range[1]) === b.doc.text.slice(b.block.range[0], b.block.range[1]);
}

/** Whether two paragraphs are exact copies (folded prose and hidden parts equal), as their equal exact hashes suggest. */
export function sameExact(a: Located, b: Located): boolean {
  const [x, y] = [a.block.signature, b.block.signature];
  // One signature object comes from one cache key: the same prose and hidden parts.
  if (x === y) return true;
  if (x.exact !== y.exact || x.hidden !== y.hidden) return false;
  return sameSource(a, b) || foldForComparison(proseOf(a)) === foldForComparison(proseOf(b));
}

/** Whether the folded prose of `located` is `folded` and it has no hidden parts (an allowed paragraph). */
export function isFolded(located: Located, folded: string): boolean {
  return located.block.signature.hidden === '' && located.block.signature.exact === hash53(folded) && foldForComparison(proseOf(located)) === folded;
}

/**
 * Recently recovered word lists, by paragraph: a paragraph often confirms
 * several candidates in a row. A paragraph summary belongs to one summary of
 * one text, so its words never change; the document's text is not kept
 * (it pinned up to 64 old versions of an edited draft).
 */
const recentWords = new Map<ParagraphSummary, readonly string[]>();
const RECENT_WORDS = 64;

/** The folded words of a paragraph's prose, recovered from the text. */
export function wordsOfParagraph(located: Located): readonly string[] {
  const known = recentWords.get(located.block);
  if (known) return known;
  // Copies: the words are slices of the prose, itself cut from the document's text.
  const words = wordsOf(foldForComparison(proseOf(located))).map(detached);
  if (recentWords.size >= RECENT_WORDS) recentWords.delete(recentWords.keys().next().value!);
  recentWords.set(located.block, words);
  return words;
}

/** The prose view of sentence `index` of a paragraph. */
function sentenceProse(located: Located, index: number): string {
  const at = index * SENTENCE_FIELDS;
  return proseSlice(located, located.block.sentences[at]!, located.block.sentences[at + 1]!);
}

/** Whether sentence `i` of `a` and sentence `j` of `b` have the same words, as their equal keys suggest. */
export function sameSentence(a: Located, i: number, b: Located, j: number): boolean {
  if (a.block.sentences[i * SENTENCE_FIELDS + 2] !== b.block.sentences[j * SENTENCE_FIELDS + 2]) return false;
  const [x, y] = [sentenceProse(a, i), sentenceProse(b, j)];
  // The same prose has the same words (the usual case: a pasted copy).
  return x === y || wordsOf(foldForComparison(x)).join(' ') === wordsOf(foldForComparison(y)).join(' ');
}
