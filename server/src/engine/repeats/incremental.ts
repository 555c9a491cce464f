/**
 * The repeat analysis kept up to date between runs, for an editor that
 * re-lints a large set after each keystroke. The exact-copy map, the shingle
 * index and the sentence map persist; a changed document's old entries are
 * taken out and its new ones put in, and only the paragraphs whose result can
 * have changed are compared again: those of the changed document, and those
 * that share an exact key, a sentence or a followed shingle with its old or
 * new paragraphs. The result equals `analyzeRepeats` on the same set (a
 * property test checks it).
 *
 * Why the answers can be computed per paragraph: `analyzeRepeats` compares
 * each paragraph with the paragraphs before it in set order (uri, then
 * position) only. So the index lists every paragraph in set order, and a
 * query "before this paragraph" reads the prefix of a list.
 */
import { isRuleEnabled, type LintConfig } from '../config';
import { foldForComparison } from '../document/words';
import type { DocumentSummary } from '../summary';
import {
  CANDIDATE_SHARE,
  classify,
  KIND_ORDER,
  MAX_LISTED_COPIES,
  MAX_POSTINGS,
  type CopyKind,
  type EarlierCopy,
  type ParagraphRepeat,
  type RepeatAnalysis,
  type SentenceRepeat,
} from './analyze';
import type { ParagraphSummary } from './summary';

interface Doc {
  summary: DocumentSummary;
  paragraphs: Para[];
}

/** An earlier copy, by paragraph, so that it reads the paragraph's current offsets when the result is written out. */
interface Copy {
  readonly para: Para;
  readonly kind: CopyKind;
  readonly score: number;
}

/**
 * One paragraph of the set, with its latest results. When its document
 * changes elsewhere, an unchanged paragraph keeps its entry and its results
 * and only takes the new offsets (`block`) and position (`index`).
 */
interface Para {
  doc: Doc;
  index: number;
  block: ParagraphSummary;
  /** Whether it takes part in paragraph comparison (long enough, not allowed boilerplate). */
  readonly compared: boolean;
  /** Whether its sentences take part (not allowed boilerplate). */
  readonly sentences: boolean;
  repeat: { readonly earlier: readonly Copy[]; readonly total: number } | undefined;
  sentenceRepeats: readonly { readonly sentence: number; readonly earlier: readonly SentenceRef[]; readonly total: number }[];
}

/** A sentence by its paragraph and position there. */
interface SentenceRef {
  readonly para: Para;
  readonly sentence: number;
}

/** Holders of one shingle slot, in set order; a paragraph holding two hashes of one slot is listed twice, as in `ShingleIndex`. */
type Postings = Para[];

/** Positions after which a shingle list is no longer followed: holders past this index never read it. */
const FOLLOW_LIMIT = MAX_POSTINGS + 3;

function compareUri(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Set order: document uri, then position in the document. */
function compareParas(a: Para, b: Para): number {
  return compareUri(a.doc.summary.uri, b.doc.summary.uri) || a.index - b.index;
}

/** Number of entries of `list` (in set order) that come before `para`. */
function rankOf<T>(list: readonly T[], para: Para, of: (item: T) => Para): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compareParas(of(list[mid]!), para) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

function insertSorted<T>(list: T[], item: T, of: (item: T) => Para): void {
  const para = of(item);
  let at = rankOf(list, para, of);
  // Entries of the same paragraph keep insertion order (sentences in order).
  while (at < list.length && of(list[at]!) === para) at++;
  list.splice(at, 0, item);
}

const self = (para: Para): Para => para;
const sentencePara = (ref: SentenceRef): Para => ref.para;

/** The repeat analysis of a changing set, updated per changed document. */
export class RepeatIndex {
  private docs = new Map<string, Doc>();
  private exact = new Map<string, Para[]>();
  private shingles = new Map<string, Map<number, Postings>>();
  private sentences = new Map<string, SentenceRef[]>();
  private settings = '';
  private allowed = new Set<string>();
  private similarity = 0;
  private skipReported = true;
  private minWords = 0;

  /**
   * The analysis of `documents` (in uri order, distinct uris), updating the
   * index from the previous call: documents whose summary object changed are
   * replaced, missing ones removed, new ones added.
   */
  update(documents: readonly DocumentSummary[], config: LintConfig): RepeatAnalysis {
    const settings = JSON.stringify([config.repeated, isRuleEnabled(config, 'repeated-paragraph')]);
    if (settings !== this.settings) this.reset(settings, config);
    const dirty = new Set<Para>();
    const wanted = new Map(documents.map((doc) => [doc.uri, doc]));
    for (const [uri, doc] of this.docs) if (!wanted.has(uri)) this.removeParas(doc.paragraphs, dirty, true);
    for (const summary of documents) {
      const doc = this.docs.get(summary.uri);
      if (!doc) this.addDoc(summary, dirty);
      else if (doc.summary !== summary) this.replace(doc, summary, dirty);
    }
    for (const para of dirty) {
      if (this.docs.get(para.doc.summary.uri) !== para.doc || para.doc.paragraphs[para.index] !== para) continue;
      para.repeat = this.paragraphRepeat(para);
      para.sentenceRepeats = this.sentenceRepeats(para);
    }
    const paragraphs: ParagraphRepeat[] = [];
    const sentences: SentenceRepeat[] = [];
    for (const summary of documents) {
      for (const para of this.docs.get(summary.uri)!.paragraphs) {
        const here = { doc: para.doc.summary, block: para.block };
        if (para.repeat) {
          const earlier = para.repeat.earlier.map((copy): EarlierCopy => ({ doc: copy.para.doc.summary, block: copy.para.block, kind: copy.kind, score: copy.score }));
          paragraphs.push({ ...here, earlier, total: para.repeat.total });
        }
        for (const found of para.sentenceRepeats) {
          const earlier = found.earlier.map((ref) => ({ doc: ref.para.doc.summary, block: ref.para.block, sentence: ref.para.block.sentences[ref.sentence]! }));
          sentences.push({ ...here, sentence: para.block.sentences[found.sentence]!, earlier, total: found.total });
        }
      }
    }
    return { paragraphs, sentences };
  }

  private reset(settings: string, config: LintConfig): void {
    this.docs = new Map();
    this.exact = new Map();
    this.shingles = new Map();
    this.sentences = new Map();
    this.settings = settings;
    this.allowed = new Set(config.repeated.allow.map((text) => foldForComparison(text)));
    this.similarity = config.repeated.similarity;
    this.skipReported = isRuleEnabled(config, 'repeated-paragraph');
    this.minWords = config.repeated.minWords;
  }

  private exactKey(para: Para): string {
    return `${para.block.container}\u0000${para.block.signature.exact}`;
  }

  private slots(para: Para): Map<number, Postings> {
    let slots = this.shingles.get(para.block.container);
    if (!slots) this.shingles.set(para.block.container, (slots = new Map()));
    return slots;
  }

  /**
   * Marks the holders of `list` whose answer may depend on `changed`: only
   * those after it in set order (answers read earlier paragraphs only), and
   * for shingle lists only those near enough the head to follow the list.
   */
  private static mark<T>(list: readonly T[] | undefined, changed: Para, of: (item: T) => Para, dirty: Set<Para>, limit = Infinity): void {
    if (!list) return;
    for (let i = rankOf(list, changed, of); i < list.length && i < limit; i++) dirty.add(of(list[i]!));
  }

  private newPara(doc: Doc, index: number, block: ParagraphSummary): Para {
    const allowed = this.allowed.size > 0 && this.allowed.has(block.signature.exact);
    return {
      doc,
      index,
      block,
      compared: block.signature.words.length >= this.minWords && !allowed,
      sentences: !allowed,
      repeat: undefined,
      sentenceRepeats: [],
    };
  }

  private addDoc(summary: DocumentSummary, dirty: Set<Para>): void {
    const doc: Doc = { summary, paragraphs: [] };
    doc.paragraphs = summary.paragraphs.map((block, index) => this.newPara(doc, index, block));
    this.docs.set(summary.uri, doc);
    this.addParas(doc.paragraphs, dirty);
  }

  /**
   * Replaces a document's paragraphs: those of an unchanged prefix and
   * suffix keep their entries (an edit changes a paragraph or two), the
   * rest are taken out and the new ones put in.
   */
  private replace(doc: Doc, summary: DocumentSummary, dirty: Set<Para>): void {
    const old = doc.paragraphs;
    const blocks = summary.paragraphs;
    let head = 0;
    while (head < old.length && head < blocks.length && sameContent(old[head]!.block, blocks[head]!)) head++;
    let tail = 0;
    while (tail < old.length - head && tail < blocks.length - head && sameContent(old[old.length - 1 - tail]!.block, blocks[blocks.length - 1 - tail]!)) tail++;
    // Take the changed middle out while the list order still matches the old positions.
    this.removeParas(old.slice(head, old.length - tail), dirty, false);
    doc.summary = summary;
    const added: Para[] = [];
    const paragraphs = blocks.map((block, index): Para => {
      const kept = index < head ? old[index] : index >= blocks.length - tail ? old[index - blocks.length + old.length] : undefined;
      if (!kept) {
        const para = this.newPara(doc, index, block);
        added.push(para);
        return para;
      }
      // Same content, so same list entries; a shifted position keeps the order among the others.
      kept.index = index;
      kept.block = block;
      return kept;
    });
    doc.paragraphs = paragraphs;
    this.addParas(added, dirty);
  }

  private addParas(paras: readonly Para[], dirty: Set<Para>): void {
    for (const para of paras) {
      dirty.add(para);
      if (para.compared) {
        const key = this.exactKey(para);
        const list = this.exact.get(key);
        if (list) insertSorted(list, para, self);
        else this.exact.set(key, [para]);
        RepeatIndex.mark(list, para, self, dirty);
        const slots = this.slots(para);
        for (const hash of para.block.signature.shingles) {
          const slot = hash >>> 1;
          const postings = slots.get(slot);
          if (postings) insertSorted(postings, para, self);
          else slots.set(slot, [para]);
          RepeatIndex.mark(postings, para, self, dirty, FOLLOW_LIMIT);
        }
      }
      if (para.sentences) {
        para.block.sentences.forEach((sentence, index) => {
          const ref: SentenceRef = { para, sentence: index };
          const list = this.sentences.get(sentence.key);
          if (list) insertSorted(list, ref, sentencePara);
          else this.sentences.set(sentence.key, [ref]);
          RepeatIndex.mark(list, para, sentencePara, dirty);
        });
      }
    }
  }

  /** Takes `paras` out of every list (and, with `wholeDocument`, their document out of the set). */
  private removeParas(paras: readonly Para[], dirty: Set<Para>, wholeDocument: boolean): void {
    if (paras.length === 0) return;
    if (wholeDocument) this.docs.delete(paras[0]!.doc.summary.uri);
    const gone = new Set(paras);
    const drop = <T>(map: Map<string | number, T[]>, key: string | number, para: Para, of: (item: T) => Para, limit = Infinity): void => {
      const list = map.get(key);
      if (!list) return;
      RepeatIndex.mark(list, para, of, dirty, limit);
      const kept = list.filter((item) => !gone.has(of(item)));
      if (kept.length === list.length) return;
      if (kept.length === 0) map.delete(key);
      else {
        map.set(key, kept);
        RepeatIndex.mark(kept, para, of, dirty, limit);
      }
    };
    for (const para of paras) {
      if (para.compared) {
        drop(this.exact, this.exactKey(para), para, self);
        const slots = this.slots(para);
        for (const hash of para.block.signature.shingles) drop(slots, hash >>> 1, para, self, FOLLOW_LIMIT);
      }
      if (para.sentences) for (const sentence of para.block.sentences) drop(this.sentences, sentence.key, para, sentencePara);
    }
  }

  /** What `analyzeRepeats` finds for `para`: exact copies before it, else near copies through the shingles it follows. */
  private paragraphRepeat(para: Para): Para['repeat'] {
    if (!para.compared) return undefined;
    const signature = para.block.signature;
    const copies = this.exact.get(this.exactKey(para))!;
    const before = rankOf(copies, para, self);
    if (before > 0) {
      const earlier = copies.slice(0, Math.min(before, MAX_LISTED_COPIES)).map((copy): Copy => ({ para: copy, kind: 'identical', score: 1 }));
      return { earlier, total: before };
    }
    // Shared shingles per earlier paragraph, in first-touch order (the order `analyzeRepeats` visits them).
    const counts = new Map<Para, number>();
    const slots = this.slots(para);
    for (const hash of signature.shingles) {
      const postings = slots.get(hash >>> 1);
      if (!postings) continue;
      const holders = rankOf(postings, para, self);
      if (holders > MAX_POSTINGS) continue;
      for (let i = 0; i < holders; i++) {
        const holder = postings[i]!;
        counts.set(holder, (counts.get(holder) ?? 0) + 1);
      }
    }
    let earlier: Copy[] = [];
    for (const [candidate, count] of counts) {
      const needed = Math.max(2, CANDIDATE_SHARE * Math.min(signature.shingles.length, candidate.block.signature.shingles.length));
      if (count < needed) continue;
      const match = classify(signature, candidate.block.signature, this.similarity);
      if (match) earlier.push({ para: candidate, ...match });
    }
    if (earlier.length === 0) return undefined;
    earlier = earlier.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.score - a.score);
    return { earlier: earlier.slice(0, MAX_LISTED_COPIES), total: earlier.length };
  }

  /** What `analyzeRepeats` finds for the sentences of `para`: each repeats the copies before it. */
  private sentenceRepeats(para: Para): Para['sentenceRepeats'] {
    if (!para.sentences || (this.skipReported && para.repeat)) return [];
    const found: { sentence: number; earlier: SentenceRef[]; total: number }[] = [];
    para.block.sentences.forEach((sentence, index) => {
      const list = this.sentences.get(sentence.key)!;
      // Earlier sentences of the same paragraph count too: the position in the list decides.
      let at = rankOf(list, para, sentencePara);
      while (list[at]!.sentence !== index) at++;
      if (at > 0) found.push({ sentence: index, earlier: list.slice(0, Math.min(at, MAX_LISTED_COPIES)), total: at });
    });
    return found;
  }
}

/** Whether two paragraphs read the same to repeat detection (offsets aside). */
function sameContent(a: ParagraphSummary, b: ParagraphSummary): boolean {
  if (a.container !== b.container || a.signature.exact !== b.signature.exact || a.sentences.length !== b.sentences.length) return false;
  return a.sentences.every((sentence, i) => sentence.key === b.sentences[i]!.key);
}
