/**
 * The repeat analysis kept up to date between runs, for an editor that
 * re-lints a large set after each keystroke. The exact-copy map, the shingle
 * index and the sentence map persist; a changed document's old entries are
 * taken out and its new ones put in, and only the paragraphs whose result can
 * have changed are compared again: the new paragraphs; later holders of an
 * exact-copy list that changed; later paragraphs that share enough shingles
 * with a changed paragraph to have it as a candidate; and paragraphs for
 * which a shingle list crossed the boilerplate cap between the start and
 * the end of the update. A changed sentence list only re-reads the sentence
 * answers of its holders. The result equals `analyzeRepeats` on the same
 * set (property tests in incremental.test.ts and repeated-incremental.test.ts).
 *
 * Why the answers can be computed per paragraph: `analyzeRepeats` compares
 * each paragraph with the paragraphs before it in set order (uri, then
 * position) only. So the index lists every paragraph in set order, and a
 * query "before this paragraph" reads the prefix of a list.
 */
import { isRuleEnabled, type LintConfig } from '../config';
import type { DocumentSummary } from '../summary';
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
  type CopyKind,
  type EarlierCopy,
  type ParagraphRepeat,
  type RepeatAnalysis,
  type SentenceRepeat,
} from './analyze';
import { PostingTable } from './posting-table';
import { sentenceAt, sentenceCount, sentenceKeyAt, type ParagraphSummary } from './summary';
import { sameExact, sameSentence, type Located } from './verify';

interface Doc {
  summary: DocumentSummary;
  paragraphs: Para[];
  /** Place of its uri among all uris seen (a number compares faster than the uri in every list lookup). */
  rank: number;
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
  /** Its number in the shingle lists (see {@link PostingTable}); reused once it is gone. */
  readonly id: number;
  doc: Doc;
  index: number;
  block: ParagraphSummary;
  /** Whether it takes part in paragraph comparison (long enough, not allowed boilerplate). */
  readonly compared: boolean;
  /** Whether its sentences take part (not allowed boilerplate). */
  readonly sentences: boolean;
  /**
   * Its earlier copies: near ones as found, or IDENTICAL when it has exact
   * copies before it, which are then the head of `exactList` (kept current:
   * a change to that list marks the holders after it).
   */
  repeat: { readonly earlier: readonly Copy[]; readonly total: number } | typeof IDENTICAL | undefined;
  /** Scratch counter for shared shingles, zero between uses (a field is cheaper than a map keyed by paragraph). */
  shared: number;
  /** The list of its exact copies (itself included), while it is compared. */
  exactList: Para[] | undefined;
  /** Per reported sentence, the list of its copies (itself included), while its sentences take part. */
  sentenceLists: SentenceRef[][];
  sentenceRepeats: readonly { readonly sentence: number; readonly earlier: readonly SentenceRef[]; readonly total: number }[];
}

/** The answer of a paragraph with exact copies before it (see {@link Para.repeat}). */
const IDENTICAL = 'identical';

/**
 * A sentence by its paragraph's id and its position there, as one number:
 * id × SENTENCES + position. A number, not an object: an editor's index
 * holds one per long sentence of every open document.
 */
type SentenceRef = number;

/** More than a paragraph can have long sentences (each of eight words or more), and small enough that every ref stays an exact integer. */
const SENTENCES = 2 ** 22;

function sentenceRef(para: Para, sentence: number): SentenceRef {
  return para.id * SENTENCES + sentence;
}

function sentenceOf(ref: SentenceRef): number {
  return ref % SENTENCES;
}

/** Shared by the many paragraphs without any (most have no long sentence, and few repeat one); never written, as such a paragraph holds no list. */
const NO_LISTS: SentenceRef[][] = [];
const NO_REPEATS: Para['sentenceRepeats'] = [];

/** A holder follows a shingle list when at most MAX_POSTINGS entries come before it: it is among the first FOLLOWED entries. */
const FOLLOWED = MAX_POSTINGS + 1;

/**
 * What one update changes, for marking the paragraphs whose answers must be
 * computed again: whole, or only for their sentences. `before` keeps the
 * head of each shingle list as it was when the update began, and `added`
 * the paragraphs put in, whose shingle lists are read once all changes are in.
 */
interface Dirty {
  readonly paragraphs: Set<Para>;
  readonly sentences: Set<Para>;
  readonly before: Map<PostingTable, Map<number, readonly Para[]>>;
  readonly added: Para[];
  /** Whether the index was empty: every paragraph is new and computed anyway, so nothing needs marking. */
  readonly fresh: boolean;
}

function compareUri(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Set order: document uri (by rank), then position in the document. */
function compareParas(a: Para, b: Para): number {
  return a.doc.rank - b.doc.rank || a.index - b.index;
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

/** Lists shorter than this are copied to grow, not grown in place (see {@link withInserted}). */
const COPIED = 16;

/**
 * `list` with `item` in its sorted place: a new array of exactly the needed
 * size while short, else `list` itself. Why a copy: an array grown in place
 * gets room for 16 more entries, and an editor's index holds tens of
 * thousands of two- to five-entry lists (megabytes of slack with 1,000
 * documents open). Long lists grow in place, so that each insertion stays
 * cheap however many copies there are.
 */
function withInserted<T>(list: T[], item: T, of: (item: T) => Para): T[] {
  const para = of(item);
  let at = rankOf(list, para, of);
  // Entries of the same paragraph keep insertion order (sentences in order).
  while (at < list.length && of(list[at]!) === para) at++;
  if (list.length >= COPIED) {
    list.splice(at, 0, item);
    return list;
  }
  const next = new Array<T>(list.length + 1);
  for (let i = 0; i < at; i++) next[i] = list[i]!;
  next[at] = item;
  for (let i = at; i < list.length; i++) next[i + 1] = list[i]!;
  return next;
}

const self = (para: Para): Para => para;
/** A paragraph with the text it is in now (for confirming a hash on the text). */
const located = (para: Para): Located => ({ doc: para.doc.summary, block: para.block });
const sameParas = (a: Para, b: Para): boolean => sameCopy(located(a), located(b));

/** Takes `item` (by identity) out of a sorted list, in place. */
function removeFrom<T>(list: T[], item: T): void {
  const at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
}

/** The repeat analysis of a changing set, updated per changed document. */
export class RepeatIndex {
  private docs = new Map<string, Doc>();
  private exact = new EqualLists<number, Para>(sameParas);
  /** Per kind of container, the holders of each shingle slot by paragraph id, in set order; a paragraph holding two hashes of one slot is listed twice (it counts each). */
  private shingles = new Map<string, PostingTable>();
  /** Paragraphs by id. */
  private byId: (Para | undefined)[] = [];
  /** Ids free for new paragraphs; `released` waits for the end of an update, as the update's marking still reads the paragraphs. */
  private freeIds: number[] = [];
  private released: number[] = [];
  private readonly compareIds = (a: number, b: number): number => compareParas(this.byId[a]!, this.byId[b]!);
  private readonly sentencePara = (ref: SentenceRef): Para => this.byId[Math.floor(ref / SENTENCES)]!;
  private sentences = new EqualLists<number, SentenceRef>(this.sameSentences());
  private settings = '';
  private allowed = new Map<number, string[]>();
  private similarity = 0;
  private skipReported = true;
  private minWords = 0;
  private ranks = new Map<string, number>();

  /**
   * The analysis of `documents` (in uri order, distinct uris), updating the
   * index from the previous call: documents whose summary object changed are
   * replaced, missing ones removed, new ones added.
   */
  update(documents: readonly DocumentSummary[], config: LintConfig): RepeatAnalysis {
    const settings = JSON.stringify([config.repeated, isRuleEnabled(config, 'repeated-paragraph')]);
    if (settings !== this.settings) this.reset(settings, config);
    this.rankUris(documents);
    const dirty: Dirty = { paragraphs: new Set(), sentences: new Set(), before: new Map(), added: [], fresh: this.docs.size === 0 };
    const wanted = new Map(documents.map((doc) => [doc.uri, doc]));
    for (const [uri, doc] of this.docs) if (!wanted.has(uri)) this.removeParas(doc.paragraphs, dirty, true);
    for (const summary of documents) {
      const doc = this.docs.get(summary.uri);
      if (!doc) this.addDoc(summary, dirty);
      else if (doc.summary !== summary) this.replace(doc, summary, dirty);
    }
    const live = (para: Para): boolean => this.docs.get(para.doc.summary.uri) === para.doc && para.doc.paragraphs[para.index] === para;
    if (!dirty.fresh) this.markShingleChanges(dirty, live);
    for (const para of dirty.paragraphs) {
      if (!live(para)) continue;
      para.repeat = this.paragraphRepeat(para);
      para.sentenceRepeats = this.sentenceRepeats(para);
    }
    // A paragraph's sentence answers read its own paragraph answer, computed just above when it changed.
    for (const para of dirty.sentences) if (!dirty.paragraphs.has(para) && live(para)) para.sentenceRepeats = this.sentenceRepeats(para);
    for (const id of this.released) {
      this.byId[id] = undefined;
      this.freeIds.push(id);
    }
    this.released = [];
    const paragraphs: ParagraphRepeat[] = [];
    const sentences: SentenceRepeat[] = [];
    for (const summary of documents) {
      for (const para of this.docs.get(summary.uri)!.paragraphs) {
        // Object literals, not spreads of a shared `{ doc, block }`: a spread was most of an editor's run with 1,000 documents open.
        const doc = para.doc.summary;
        const block = para.block;
        if (para.repeat === IDENTICAL) {
          const copies = para.exactList!;
          const before = rankOf(copies, para, self);
          const earlier = copies.slice(0, Math.min(before, MAX_LISTED_COPIES)).map((copy): EarlierCopy => ({ doc: copy.doc.summary, block: copy.block, kind: 'identical', score: 1 }));
          paragraphs.push({ doc, block, earlier, total: before });
        } else if (para.repeat) {
          const earlier = para.repeat.earlier.map((copy): EarlierCopy => ({ doc: copy.para.doc.summary, block: copy.para.block, kind: copy.kind, score: copy.score }));
          paragraphs.push({ doc, block, earlier, total: para.repeat.total });
        }
        for (const found of para.sentenceRepeats) {
          const earlier = found.earlier.map((ref) => {
            const copy = this.sentencePara(ref);
            return { doc: copy.doc.summary, block: copy.block, sentence: sentenceAt(copy.block, sentenceOf(ref)) };
          });
          sentences.push({ doc, block, sentence: sentenceAt(block, found.sentence), earlier, total: found.total });
        }
      }
    }
    return { paragraphs, sentences };
  }

  /**
   * Gives every document a rank in uri order. Ranks only need to be
   * monotone over the uris of the index and of `documents` together; they
   * are recomputed only when a new uri arrives (removals keep the order).
   */
  private rankUris(documents: readonly DocumentSummary[]): void {
    if (documents.every((doc) => this.ranks.has(doc.uri))) return;
    const uris = [...new Set([...this.docs.keys(), ...documents.map((doc) => doc.uri)])].sort(compareUri);
    this.ranks = new Map(uris.map((uri, rank) => [uri, rank]));
    for (const doc of this.docs.values()) doc.rank = this.ranks.get(doc.summary.uri)!;
  }

  private reset(settings: string, config: LintConfig): void {
    this.docs = new Map();
    this.exact = new EqualLists(sameParas);
    this.shingles = new Map();
    this.byId = [];
    this.freeIds = [];
    this.released = [];
    this.sentences = new EqualLists(this.sameSentences());
    this.ranks = new Map();
    this.settings = settings;
    this.allowed = allowedTexts(config.repeated.allow);
    this.similarity = config.repeated.similarity;
    this.skipReported = isRuleEnabled(config, 'repeated-paragraph');
    this.minWords = config.repeated.minWords;
  }

  /** The key of a paragraph's exact-copy list (lists under one key are told apart by container and text). */
  private exactKey(para: Para): number {
    return para.block.signature.exact;
  }

  /** Whether two sentence refs are the same text (for the sentence lists: equal keys may collide). */
  private sameSentences(): (a: SentenceRef, b: SentenceRef) => boolean {
    return (a, b) => sameSentence(located(this.sentencePara(a)), sentenceOf(a), located(this.sentencePara(b)), sentenceOf(b));
  }

  private slots(para: Para): PostingTable {
    let slots = this.shingles.get(para.block.container);
    if (!slots) this.shingles.set(para.block.container, (slots = new PostingTable(this.compareIds)));
    return slots;
  }

  /**
   * The entries of `slot` whose holders follow its list: the first
   * `FOLLOWED`, and any further entries of the last of those holders. A
   * holder listed twice (two of its shingle hashes share the slot) counts a
   * candidate once per entry, so its entries past the first `FOLLOWED` count
   * as well (see {@link countAfter}).
   */
  private followers(slots: PostingTable, slot: number): Para[] {
    const ref = slots.ref(slot);
    const end = RepeatIndex.followedEnd(slots, ref);
    const out = new Array<Para>(end);
    for (let i = 0; i < end; i++) out[i] = this.byId[slots.at(ref, i)]!;
    return out;
  }

  /**
   * {@link countAfter} on the list of `slot` as it stands, read in place:
   * most slots of a long paragraph hold it alone, and a copy of each list
   * was most of the cost of an edit inside one.
   */
  private countFollowersAfter(slots: PostingTable, slot: number, changed: Para, touched: Para[]): void {
    const ref = slots.ref(slot);
    const end = RepeatIndex.followedEnd(slots, ref);
    for (let i = slots.rank(ref, changed.id, end); i < end; i++) {
      const holder = this.byId[slots.at(ref, i)]!;
      if (holder !== changed && holder.shared++ === 0) touched.push(holder);
    }
  }

  /** Where the entries of following holders end in the list of handle `ref` (see {@link followers}). */
  private static followedEnd(slots: PostingTable, ref: number): number {
    const size = slots.size(ref);
    let end = Math.min(size, FOLLOWED);
    while (end > 0 && end < size && slots.at(ref, end) === slots.at(ref, end - 1)) end++;
    return end;
  }

  /**
   * Marks the holders of `list` whose answer may depend on `changed`: only
   * those after it in set order (answers read earlier paragraphs only), and
   * for shingle lists only those near enough the head to follow the list.
   */
  private static mark<T>(list: readonly T[] | undefined, changed: Para, of: (item: T) => Para, dirty: Set<Para>): void {
    if (!list) return;
    for (let i = rankOf(list, changed, of); i < list.length; i++) dirty.add(of(list[i]!));
  }

  /** Keeps the head of a shingle list as it was before this update first changes it. */
  private keepBefore(dirty: Dirty, slots: PostingTable, slot: number): void {
    if (dirty.fresh) return;
    let heads = dirty.before.get(slots);
    if (!heads) dirty.before.set(slots, (heads = new Map()));
    if (!heads.has(slot)) heads.set(slot, this.followers(slots, slot));
  }

  /**
   * Counts, in `touched` and each holder's `shared`, the entries of
   * `list` (the entries of following holders, see {@link followers}) after
   * `changed`: holders there follow the list and count `changed` once per
   * entry. Summed over the lists of the changed paragraph's shingles, that
   * bounds from above what each holder counts for it.
   */
  private static countAfter(list: readonly Para[], changed: Para, touched: Para[]): void {
    for (let i = rankOf(list, changed, self); i < list.length; i++) {
      const holder = list[i]!;
      if (holder !== changed && holder.shared++ === 0) touched.push(holder);
    }
  }

  /** Marks the holders counted by {@link countAfter} that share enough shingles with `changed` to have had it, or to have it, as a candidate. */
  private static markCandidates(changed: Para, touched: readonly Para[], dirty: Set<Para>): void {
    const own = changed.block.signature.shingles.length;
    for (const holder of touched) {
      const needed = Math.max(2, CANDIDATE_SHARE * Math.min(own, holder.block.signature.shingles.length));
      if (holder.shared >= needed) dirty.add(holder);
      holder.shared = 0;
    }
  }

  /**
   * Marks, once every list holds its new entries, the paragraphs whose
   * shingle counts may have changed: those that can have an added paragraph
   * as a candidate, and those for which a list's following flipped between
   * the start and the end of the update. An unchanged paragraph's counts
   * for unchanged candidates change only through such a flip, and so does
   * the order it first meets them in (which breaks ties between copies).
   * Comparing the two ends of the update, not each step, lets a paragraph
   * that is taken out and put back (an edit) cancel out.
   */
  private markShingleChanges(dirty: Dirty, live: (para: Para) => boolean): void {
    const touched: Para[] = [];
    for (const para of dirty.added) {
      if (!para.compared || !live(para)) continue;
      const slots = this.slots(para);
      for (const hash of para.block.signature.shingles) this.countFollowersAfter(slots, hash >>> 1, para, touched);
      RepeatIndex.markCandidates(para, touched, dirty.paragraphs);
      touched.length = 0;
    }
    for (const [slots, heads] of dirty.before) {
      for (const [slot, head] of heads) {
        const list = this.followers(slots, slot);
        const end = list.length;
        let same = head.length === end;
        for (let i = 0; same && i < end; i++) same = head[i] === list[i];
        if (same) continue;
        // Bit 1: followed at the start; bit 2: at the end. A holder with one bit flipped.
        for (const holder of head) holder.shared |= 1;
        for (let i = 0; i < end; i++) list[i]!.shared |= 2;
        for (const holder of head) {
          if (holder.shared === 1) dirty.paragraphs.add(holder);
          holder.shared = 0;
        }
        for (let i = 0; i < end; i++) {
          const holder = list[i]!;
          if (holder.shared === 2) dirty.paragraphs.add(holder);
          holder.shared = 0;
        }
      }
    }
  }

  private newPara(doc: Doc, index: number, block: ParagraphSummary): Para {
    const allowed = isAllowed(this.allowed, { doc: doc.summary, block });
    const id = this.freeIds.pop() ?? this.byId.length;
    const para: Para = {
      id,
      doc,
      index,
      block,
      compared: this.isCompared(block, allowed),
      sentences: !allowed,
      repeat: undefined,
      shared: 0,
      exactList: undefined,
      sentenceLists: NO_LISTS,
      sentenceRepeats: NO_REPEATS,
    };
    this.byId[id] = para;
    return para;
  }

  private addDoc(summary: DocumentSummary, dirty: Dirty): void {
    const doc: Doc = { summary, paragraphs: [], rank: this.ranks.get(summary.uri)! };
    doc.paragraphs = summary.paragraphs.map((block, index) => this.newPara(doc, index, block));
    this.docs.set(summary.uri, doc);
    this.addParas(doc.paragraphs, dirty);
  }

  /**
   * Replaces a document's paragraphs: those of an unchanged prefix and
   * suffix keep their entries (an edit changes a paragraph or two), the
   * rest are taken out and the new ones put in.
   */
  private replace(doc: Doc, summary: DocumentSummary, dirty: Dirty): void {
    const old = doc.paragraphs;
    const blocks = summary.paragraphs;
    let head = 0;
    // Most paragraphs of an edited document are unchanged: told by their summaries alone, without a pair of locations each.
    const same = (para: Para, block: ParagraphSummary): boolean => sameSummary(para.block, block) || sameContent(located(para), { doc: summary, block });
    while (head < old.length && head < blocks.length && same(old[head]!, blocks[head]!)) head++;
    let tail = 0;
    while (tail < old.length - head && tail < blocks.length - head && same(old[old.length - 1 - tail]!, blocks[blocks.length - 1 - tail]!)) tail++;
    const edited = old.length - head - tail === 1 && blocks.length - head - tail === 1 ? old[head]! : undefined;
    if (edited && this.keepsEntry(edited, blocks[head]!, summary)) {
      this.takeOutEdited(edited, blocks[head]!, dirty);
      doc.summary = summary;
      for (let index = 0; index < blocks.length; index++) old[index]!.block = blocks[index]!;
      this.putBackEdited(edited, dirty);
      return;
    }
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

  private addParas(paras: readonly Para[], dirty: Dirty): void {
    for (const para of paras) {
      dirty.paragraphs.add(para);
      dirty.added.push(para);
      if (para.compared) {
        this.addExact(para, dirty);
        const slots = this.slots(para);
        for (const hash of para.block.signature.shingles) {
          const slot = hash >>> 1;
          this.keepBefore(dirty, slots, slot);
          slots.insert(slot, para.id);
        }
      }
      this.addSentences(para, dirty);
    }
  }

  /** Puts a compared paragraph in the list of its exact copies. */
  private addExact(para: Para, dirty: Dirty): void {
    const key = this.exactKey(para);
    let list = this.exact.find(key, para);
    if (list) {
      const next = withInserted(list, para, self);
      if (next !== list) {
        this.exact.replace(key, list, next);
        for (const holder of list) holder.exactList = next;
        list = next;
      }
    }
    if (!dirty.fresh) RepeatIndex.mark(list, para, self, dirty.paragraphs);
    para.exactList = list ?? this.exact.start(key, para);
  }

  /** Puts each reported sentence of `para` in the list of its copies. */
  private addSentences(para: Para, dirty: Dirty): void {
    const count = para.sentences ? sentenceCount(para.block) : 0;
    if (count === 0) return;
    // In place before the loop: a copied list is handed to all its holders, this paragraph's earlier sentences among them.
    const lists = (para.sentenceLists = new Array<SentenceRef[]>(count));
    for (let index = 0; index < count; index++) {
      const ref = sentenceRef(para, index);
      const key = sentenceKeyAt(para.block, index);
      let list = this.sentences.find(key, ref);
      if (list) {
        const next = withInserted(list, ref, this.sentencePara);
        if (next !== list) {
          this.sentences.replace(key, list, next);
          for (const other of list) this.sentencePara(other).sentenceLists[sentenceOf(other)] = next;
          list = next;
        }
      }
      if (!dirty.fresh) RepeatIndex.mark(list, para, this.sentencePara, dirty.sentences);
      lists[index] = list ?? this.sentences.start(key, ref);
    }
  }

  /** Takes `paras` out of every list (and, with `wholeDocument`, their document out of the set). */
  private removeParas(paras: readonly Para[], dirty: Dirty, wholeDocument: boolean): void {
    if (paras.length === 0) return;
    if (wholeDocument) this.docs.delete(paras[0]!.doc.summary.uri);
    const gone = new Set<number>();
    for (const para of paras) {
      gone.add(para.id);
      this.released.push(para.id);
    }
    const isGone = (id: number): boolean => gone.has(id);
    // Marking reads each list before the removal: the holders after `para` then are the ones whose answer may change.
    const touched: Para[] = [];
    for (const para of paras) {
      if (para.compared) {
        this.removeExact(para, dirty);
        const slots = this.slots(para);
        for (const hash of para.block.signature.shingles) {
          const slot = hash >>> 1;
          this.keepBefore(dirty, slots, slot);
          // What holders counted for `para` was read from the lists as they were at the start of the update.
          RepeatIndex.countAfter(dirty.before.get(slots)!.get(slot)!, para, touched);
          slots.remove(slot, isGone);
        }
        RepeatIndex.markCandidates(para, touched, dirty.paragraphs);
        touched.length = 0;
      }
      this.removeSentences(para, dirty);
    }
  }

  /** Takes a compared paragraph out of the list of its exact copies, marking the holders after it. */
  private removeExact(para: Para, dirty: Dirty): void {
    const list = para.exactList!;
    RepeatIndex.mark(list, para, self, dirty.paragraphs);
    removeFrom(list, para);
    if (list.length === 0) this.exact.discard(this.exactKey(para), list);
    para.exactList = undefined;
  }

  /** Takes the sentences of `para` out of their lists, marking the holders after them. */
  private removeSentences(para: Para, dirty: Dirty): void {
    if (!para.sentences) return;
    para.sentenceLists.forEach((list, index) => {
      RepeatIndex.mark(list, para, this.sentencePara, dirty.sentences);
      removeFrom(list, sentenceRef(para, index));
      if (list.length === 0) this.sentences.discard(sentenceKeyAt(para.block, index), list);
    });
    para.sentenceLists = NO_LISTS;
  }

  /**
   * Whether an edited paragraph can keep its entry (its id and place in
   * every list) for its new content `block`: it takes part in the same
   * comparisons, in the same kind of container.
   */
  private keepsEntry(para: Para, block: ParagraphSummary, summary: DocumentSummary): boolean {
    if (block.container !== para.block.container) return false;
    const allowed = isAllowed(this.allowed, { doc: summary, block });
    return para.sentences === !allowed && para.compared === this.isCompared(block, allowed);
  }

  /** Whether a paragraph takes part in paragraph comparison: long enough, and not allowed boilerplate. */
  private isCompared(block: ParagraphSummary, allowed: boolean): boolean {
    return block.signature.words.length >= this.minWords && !allowed;
  }

  /**
   * The first half of giving an edited paragraph its new content `block` in
   * place, while its document still has the old text: equivalent to taking
   * it out, but the shingle lists of the slots it holds as many times before
   * and after (all but a few after an edit inside a 40 KB paragraph) keep
   * its entry, so an edit costs what it changed, not the paragraph's length.
   * The marking is the same: holders after it that shared enough shingles
   * with the old content (counted here) or share enough with the new one
   * (counted with the added paragraphs), and holders of the lists that change.
   */
  private takeOutEdited(para: Para, block: ParagraphSummary, dirty: Dirty): void {
    if (para.compared) {
      this.removeExact(para, dirty);
      const slots = this.slots(para);
      const heads = dirty.before.get(slots);
      const touched: Para[] = [];
      for (const hash of para.block.signature.shingles) {
        const head = heads?.get(hash >>> 1);
        // A list this update has not changed yet is as it was at its start.
        if (head) RepeatIndex.countAfter(head, para, touched);
        else this.countFollowersAfter(slots, hash >>> 1, para, touched);
      }
      RepeatIndex.markCandidates(para, touched, dirty.paragraphs);
      for (const { slot, held, holds } of changedSlots(para.block.signature.shingles, block.signature.shingles)) {
        this.keepBefore(dirty, slots, slot);
        if (held > 0) slots.remove(slot, (id) => id === para.id);
        for (let k = 0; k < holds; k++) slots.insert(slot, para.id);
      }
    }
    this.removeSentences(para, dirty);
  }

  /** The second half (see {@link takeOutEdited}), once the paragraphs of its document hold their new blocks. */
  private putBackEdited(para: Para, dirty: Dirty): void {
    dirty.paragraphs.add(para);
    dirty.added.push(para);
    if (para.compared) this.addExact(para, dirty);
    this.addSentences(para, dirty);
  }

  /** What `analyzeRepeats` finds for `para`: exact copies before it, else near copies through the shingles it follows. */
  private paragraphRepeat(para: Para): Para['repeat'] {
    if (!para.compared) return undefined;
    const signature = para.block.signature;
    if (para.exactList![0] !== para) return IDENTICAL;
    // Shared shingles per earlier paragraph, in first-touch order (the order `analyzeRepeats` visits them).
    const touched: Para[] = [];
    const slots = this.slots(para);
    for (const hash of signature.shingles) {
      const postings = slots.ref(hash >>> 1);
      // Whether more than MAX_POSTINGS come before it is read from the head of the list: long lists are the common shingles.
      const holders = slots.rank(postings, para.id, FOLLOWED);
      if (holders > MAX_POSTINGS) continue;
      for (let i = 0; i < holders; i++) {
        const holder = this.byId[slots.at(postings, i)]!;
        if (holder.shared++ === 0) touched.push(holder);
      }
    }
    let earlier: Copy[] = [];
    for (const candidate of touched) {
      const count = candidate.shared;
      candidate.shared = 0;
      const needed = Math.max(2, CANDIDATE_SHARE * Math.min(signature.shingles.length, candidate.block.signature.shingles.length));
      if (count < needed) continue;
      const match = classify(located(para), located(candidate), this.similarity);
      if (match) earlier.push({ para: candidate, ...match });
    }
    if (earlier.length === 0) return undefined;
    earlier = earlier.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.score - a.score);
    return { earlier: earlier.slice(0, MAX_LISTED_COPIES), total: earlier.length };
  }

  /** What `analyzeRepeats` finds for the sentences of `para`: each repeats the copies before it. */
  private sentenceRepeats(para: Para): Para['sentenceRepeats'] {
    if (!para.sentences || (this.skipReported && para.repeat)) return NO_REPEATS;
    const found: { sentence: number; earlier: SentenceRef[]; total: number }[] = [];
    para.sentenceLists.forEach((list, index) => {
      // Earlier sentences of the same paragraph count too: the position in the list decides.
      let at = rankOf(list, para, this.sentencePara);
      const ref = sentenceRef(para, index);
      while (list[at] !== ref) at++;
      if (at > 0) found.push({ sentence: index, earlier: list.slice(0, Math.min(at, MAX_LISTED_COPIES)), total: at });
    });
    return found.length > 0 ? found : NO_REPEATS;
  }
}

/** A slot whose count differs between two signatures, with its count in each (see {@link changedSlots}). */
interface SlotChange {
  readonly slot: number;
  readonly held: number;
  readonly holds: number;
}

/**
 * The slots a paragraph holds a different number of times with shingles
 * `after` than with `before`, in ascending order. An edit changes the few
 * shingles around it: past the common start and end of the two lists only
 * a short middle differs, so this reads the lists once instead of sorting
 * both (a 40 KB paragraph holds about 6,000 shingles; sorting them took
 * half a millisecond a keystroke). A shingle list holds distinct hashes,
 * but two hashes may share a slot, so counts are counted, not assumed 1.
 */
export function changedSlots(before: Uint32Array, after: Uint32Array): SlotChange[] {
  const shorter = Math.min(before.length, after.length);
  let head = 0;
  while (head < shorter && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < shorter - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  // How many more times each slot of the two middles is held after than before.
  const delta = new Map<number, number>();
  for (let i = head; i < before.length - tail; i++) delta.set(before[i]! >>> 1, (delta.get(before[i]! >>> 1) ?? 0) - 1);
  for (let i = head; i < after.length - tail; i++) delta.set(after[i]! >>> 1, (delta.get(after[i]! >>> 1) ?? 0) + 1);
  const held = new Map<number, number>();
  for (const [slot, change] of delta) if (change !== 0) held.set(slot, 0);
  if (held.size === 0) return [];
  for (let i = 0; i < before.length; i++) {
    const count = held.get(before[i]! >>> 1);
    if (count !== undefined) held.set(before[i]! >>> 1, count + 1);
  }
  return [...held.keys()].sort((a, b) => a - b).map((slot) => ({ slot, held: held.get(slot)!, holds: held.get(slot)! + delta.get(slot)! }));
}

/**
 * Whether two paragraphs certainly read the same, told by their summaries
 * alone: one signature object comes from one cache key, that is the same
 * prose, hence the same sentences and keys.
 */
function sameSummary(x: ParagraphSummary, y: ParagraphSummary): boolean {
  return x.signature === y.signature && x.container === y.container;
}

/** Whether two paragraphs read the same to repeat detection (offsets aside). */
function sameContent(a: Located, b: Located): boolean {
  const [x, y] = [a.block, b.block];
  if (x.container !== y.container || x.signature.exact !== y.signature.exact || x.sentences.length !== y.sentences.length) return false;
  const count = sentenceCount(x);
  for (let i = 0; i < count; i++) if (sentenceKeyAt(x, i) !== sentenceKeyAt(y, i)) return false;
  // One signature object comes from one cache key: the same prose, hence the same sentences. Else confirm on the text.
  if (x.signature === y.signature) return true;
  if (!sameExact(a, b)) return false;
  for (let i = 0; i < count; i++) if (!sameSentence(a, i, b, i)) return false;
  return true;
}
