/**
 * The name index of a document set: every mention and acronym definition at
 * document offsets, grouped by key. Each document's mentions are extracted
 * once into its summary (per-block lists cached by block text, an edited
 * document re-reading only its changed blocks, or of a long block only its
 * changed pieces); the index is made once per lint run from the summaries
 * and shared by the six name rules, which each read the part they judge.
 * Kept in a {@link NameIndexState} between runs, it is updated per changed
 * document instead of rebuilt, and, for a set of one document (an editor's
 * draft), per changed paragraph or piece.
 */
import { BoundedCache } from '../cache';
import type { DocumentRef, ParsedDocument, ProseBlock } from '../document/model';
import type { DocumentSummary } from '../summary';
import { compoundVariants, extractMentions, MentionCache, type BlockDefinition, type BlockMentions, type Mention } from './mentions';
import { PIECED_MIN, piecedMentions, piecesOfWhole, type PiecedMentions } from './pieces';
import { sameGivenName } from './tables';

/** A mention at document offsets (the index places each summary's block-relative mentions). */
export interface PlacedMention {
  readonly mention: Mention;
  readonly start: number;
  readonly end: number;
}

/** An acronym definition at document offsets. */
export interface PlacedDefinition {
  readonly definition: BlockDefinition;
  /** Document offsets of the whole definition and of its acronym. */
  readonly start: number;
  readonly end: number;
  readonly acronymStart: number;
  readonly acronymEnd: number;
}

/**
 * One document's names as plain data: what the name rules need from it,
 * whatever the rest of the set holds. Kept for every open document, so it is
 * small: the per-block mention lists themselves (shared with the block cache
 * and with every other block of the same text, offsets relative to the
 * block) and where each block starts, for the blocks that hold anything. A
 * long block being edited is listed piece by piece (see {@link summarizeNames}).
 */
export interface NamesSummary {
  /** Document offset of each block in `blocks`. */
  readonly bases: readonly number[];
  readonly blocks: readonly BlockMentions[];
}

/** A mention placed in its document. */
export interface DocMention extends PlacedMention {
  readonly doc: DocumentRef;
  /** The document's position in the set; with `start`, it orders "first use" (see {@link compareMentions}). */
  readonly docIndex: number;
}

/**
 * Where one block of a document sits: shared by the block's mentions, so a
 * placed mention is two references (hundreds of thousands are kept with many
 * documents open), and an edit moves the blocks after it, not each mention.
 */
interface Placement {
  /** Live: a patched document's entry takes the new version's reference (see {@link NameIndexState.patchDoc}). */
  readonly entry: DocEntry;
  /** Document offset of the block. */
  base: number;
}

/** Something of a block (a mention, a definition) placed in its document through the block's {@link Placement}. */
abstract class PlacedInBlock {
  constructor(protected readonly at: Placement) {}

  /** Its block-relative extent. */
  protected abstract get span(): { readonly start: number; readonly end: number };

  get doc(): DocumentRef {
    return this.at.entry.doc;
  }

  get start(): number {
    return this.at.base + this.span.start;
  }

  get end(): number {
    return this.at.base + this.span.end;
  }
}

/** A block's mention placed through its block's {@link Placement}. */
class BlockMention extends PlacedInBlock implements DocMention {
  constructor(
    at: Placement,
    readonly mention: Mention,
  ) {
    super(at);
  }

  protected get span(): Mention {
    return this.mention;
  }

  get docIndex(): number {
    return this.at.entry.docIndex;
  }
}

/** An acronym definition placed in its document. */
export interface DocDefinition extends PlacedDefinition {
  readonly doc: DocumentRef;
}

/** One document's mentions and definitions, at document offsets. */
export interface DocumentNames {
  readonly doc: DocumentRef;
  /**
   * Its block mentions in order. Closed words that join a hyphenated form
   * elsewhere ("cybersecurity") are in their groups only: no reader of this
   * list looks at spellings.
   */
  readonly mentions: readonly DocMention[];
  /** The acronyms of `mentions`, in order: the acronym rules read only these, and an edited draft's list is patched, not filtered again. */
  readonly acronyms: readonly DocMention[];
  readonly definitions: readonly DocDefinition[];
}

/** The mentions of a whole document set, per document and by key. */
export interface NameIndex {
  /** Per document, in the order the set was given (the linter gives uri order). */
  readonly documents: readonly DocumentNames[];
  /** Mentions by key; only keys seen more than once are worth reading. */
  readonly byKey: ReadonlyMap<string, readonly DocMention[]>;
  /**
   * Whether the next run's index may keep some of these group arrays (an
   * index updated per changed document), so that rules gain by memoising
   * per group. A single document, or a one-off index, never does.
   */
  readonly carriesOver?: boolean;
  /**
   * Whether the next run's index may keep some group arrays with the same
   * mentions, though perhaps moved in place (a one-document index patched
   * per paragraph): what rules derive from a group's words, not its
   * positions, may then be memoised per group. True whenever `carriesOver` is.
   */
  readonly keepsGroups?: boolean;
  /**
   * Groups of this index that hold the very mentions of a group of the
   * previous one, in the same order, moved by an edit before them: keyed by
   * the group here, to the previous one's (the same array when the group
   * kept it). What rules derived from the old group's words holds for the
   * new one; what they placed does not. Only for an index that carries over
   * (see NameIndexState.patchDoc).
   */
  readonly moved?: ReadonlyMap<readonly DocMention[], readonly DocMention[]>;
  /** Counts the indexes one {@link NameIndexState} made; with {@link patchedKeys}, says what changed since the one before. */
  readonly generation?: number;
  /**
   * Present when this index is the previous generation's with its map
   * patched in place at these keys only: every other key holds the very
   * group array it held, and every key keeps its place in the map.
   */
  readonly patchedKeys?: ReadonlySet<string>;
}

/**
 * For a reader that last read this index's map at generation `seen`: the
 * keys whose groups may differ since. None when it is that very index, the
 * patched keys when it is the next generation patched in place (see
 * {@link NameIndex.patchedKeys}); undefined when the reader must read the
 * whole index again.
 */
export function changedSince(index: NameIndex, seen: number | undefined): ReadonlySet<string> | undefined {
  if (index.generation === undefined || seen === undefined) return undefined;
  if (seen === index.generation) return NO_KEYS;
  return seen === index.generation - 1 ? index.patchedKeys : undefined;
}
const NO_KEYS: ReadonlySet<string> = new Set();

/** Where per-block mentions come from: a {@link MentionCache}, or the shared bounded cache. */
export interface BlockMentionSource {
  get(block: ProseBlock): BlockMentions;
}

/** A block's mentions: whole, or in pieces for a long block (see {@link piecedMentions}). */
type BlockFound = BlockMentions | PiecedMentions;

function isPieced(found: BlockFound): found is PiecedMentions {
  return 'pieces' in found;
}

/**
 * Blocks of every document summarised lately, by text. Bounded rather than
 * pruned per run: a document whose summary is cached is not re-read, yet its
 * blocks should still be at hand when it is next edited.
 */
const blocks = new BoundedCache<string, TextVariant[]>(100_000);

/**
 * The mentions of one prose text in one setting: the text is the cache key
 * (a string the block holds anyway, not a copy of it with the setting
 * prepended), and the setting that also shapes the mentions (heading or
 * paragraph, container, where links sit) tells its variants apart.
 */
interface TextVariant {
  readonly kind: ProseBlock['kind'];
  readonly container: ProseBlock['container'];
  readonly links: string;
  readonly found: BlockFound;
}

/** Where a block's links sit, relative to the block. */
function linkSignature(block: ProseBlock): string {
  let signature = '';
  for (const span of block.inlines) if (span.kind === 'link') signature += `${span.range[0] - block.range[0]}-${span.range[1] - block.range[0]},`;
  return signature;
}

/** The mentions of `block` from the shared cache, or made by `make` and kept there. */
function sharedFound(block: ProseBlock, make: (block: ProseBlock) => BlockFound): BlockFound {
  const variants = blocks.get(block.prose, () => []);
  const links = linkSignature(block);
  for (const v of variants) if (v.kind === block.kind && v.container === block.container && v.links === links) return v.found;
  const found = make(block);
  variants.push({ kind: block.kind, container: block.container, links, found });
  return found;
}

/**
 * The block lists of recently summarised documents, by uri. An edited
 * document's unchanged blocks are then matched by position (from either
 * end), comparing texts rather than building and hashing a cache key for
 * every block, so an edit re-reads only the blocks it changed. Bounded: only
 * documents being edited need it.
 */
const recent = new Map<string, { readonly blocks: readonly ProseBlock[]; readonly found: readonly BlockFound[] }>();
const RECENT_DOCUMENTS = 32;

/** Whether two blocks have their links at the same relative places (walked in step: no filtered copies per block). */
function sameLinks(a: ProseBlock, b: ProseBlock): boolean {
  const xs = a.inlines;
  const ys = b.inlines;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < xs.length && xs[i]!.kind !== 'link') i++;
    while (j < ys.length && ys[j]!.kind !== 'link') j++;
    if (i === xs.length || j === ys.length) return i === xs.length && j === ys.length;
    const x = xs[i++]!.range;
    const y = ys[j++]!.range;
    if (x[0] - a.range[0] !== y[0] - b.range[0] || x[1] - a.range[1] !== y[1] - b.range[1]) return false;
  }
}

/** Whether two blocks give the same mentions (same text and setting), compared in place. */
function sameMentionKey(a: ProseBlock, b: ProseBlock): boolean {
  return a.kind === b.kind && a.container === b.container && a.prose === b.prose && sameLinks(a, b);
}

/**
 * The mentions of each prose block of `doc`, reusing the previous version's
 * for blocks it did not change. A long block being edited is extracted in
 * pieces, reusing the pieces of the block it replaces that the edit left
 * alone (cut from its whole mentions if it had never been edited); one never
 * edited is extracted whole, which costs less.
 */
function blockMentions(doc: ParsedDocument): BlockFound[] {
  const blocks = doc.prose;
  const found: (BlockFound | undefined)[] = new Array(blocks.length);
  const previous = recent.get(doc.uri);
  let head = 0;
  let tail = 0;
  if (previous) {
    const old = previous.blocks;
    while (head < old.length && head < blocks.length && sameMentionKey(old[head]!, blocks[head]!)) found[head] = previous.found[head++];
    while (tail < old.length - head && tail < blocks.length - head && sameMentionKey(old[old.length - 1 - tail]!, blocks[blocks.length - 1 - tail]!)) {
      found[blocks.length - 1 - tail] = previous.found[old.length - 1 - tail];
      tail++;
    }
  }
  for (let i = head; i < blocks.length - tail; i++) {
    const block = blocks[i]!;
    let make: (block: ProseBlock) => BlockFound = extractMentions;
    if (previous && block.prose.length >= PIECED_MIN) {
      // The old block in the same place counted from the edit's start, or else from the end.
      const old = previous.blocks;
      const at = i < old.length - tail ? i : old.length - (blocks.length - i);
      const was = previous.found[at];
      const before = old[at];
      if (was && before && before.prose.length >= PIECED_MIN) make = (b) => piecedMentions(b, { prose: before.prose, found: isPieced(was) ? was : piecesOfWhole(before, was) });
    }
    found[i] = sharedFound(block, make);
  }
  recent.delete(doc.uri);
  recent.set(doc.uri, { blocks, found: found as BlockFound[] });
  if (recent.size > RECENT_DOCUMENTS) recent.delete(recent.keys().next().value!);
  return found as BlockFound[];
}

/**
 * The names of one document: its blocks' mention lists and where the blocks
 * start; the pieces of a long block being edited are listed as blocks of
 * their own, so that an edit inside it changes one list (see
 * {@link NameIndexState.patchDoc}).
 */
export function summarizeNames(doc: ParsedDocument, source?: BlockMentionSource): NamesSummary {
  const found = source ? doc.prose.map((block) => source.get(block)) : blockMentions(doc);
  const bases: number[] = [];
  const blocks: BlockMentions[] = [];
  const add = (base: number, block: BlockMentions): void => {
    if (block.mentions.length === 0 && block.definitions.length === 0 && block.closedWords.length === 0) return;
    bases.push(base);
    blocks.push(block);
  };
  for (let i = 0; i < found.length; i++) {
    const block = found[i]!;
    const base = doc.prose[i]!.range[0];
    if (!isPieced(block)) add(base, block);
    else for (let p = 0; p < block.pieces.length; p++) add(base + block.starts[p]!, block.pieces[p]!);
  }
  return { bases, blocks };
}

/** The number of mentions in a summary. */
function mentionCount(summary: NamesSummary): number {
  let count = 0;
  for (const block of summary.blocks) count += block.mentions.length;
  return count;
}

const built = new WeakMap<readonly DocumentSummary[], NameIndex>();
const states = new WeakMap<readonly DocumentSummary[], NameIndexState>();

/**
 * The index of `documents`. The six rules of one run receive the same array,
 * so the index is built once per run, from summaries that are themselves
 * cached per document. With a state attached by {@link useNameState}, the
 * previous run's index is updated instead of rebuilt.
 */
export function nameIndex(documents: readonly DocumentSummary[]): NameIndex {
  const existing = built.get(documents);
  if (existing) return existing;
  const index = (states.get(documents) ?? new NameIndexState(false)).update(documents);
  built.set(documents, index);
  return index;
}

/**
 * Makes {@link nameIndex} of `documents` (built lazily, only if a name rule
 * asks) update `state` rather than build from nothing.
 */
export function useNameState(documents: readonly DocumentSummary[], state: NameIndexState): void {
  states.set(documents, state);
}

/** Builds an index of parsed documents with an explicit cache (tests use their own). */
export function buildIndex(documents: readonly ParsedDocument[], mentionCache: MentionCache): NameIndex {
  return indexNames(documents.map((doc) => ({ doc, names: summarizeNames(doc, mentionCache) })));
}

type IndexEntry = DocumentSummary | { readonly doc: DocumentRef; readonly names: NamesSummary };

/** The cross-document step: mentions of every document grouped by key. */
export function indexNames(documents: readonly IndexEntry[]): NameIndex {
  return new NameIndexState(false).update(documents);
}

/** One document of the set as the state holds it. */
interface DocEntry {
  /** Changed in place only by {@link NameIndexState.patchDoc} (a one-document set). */
  doc: DocumentRef;
  summary: NamesSummary;
  readonly docIndex: number;
  /** Where each block of `summary` sits. */
  placements: readonly Placement[];
  /** Its mentions in summary order. */
  base: readonly DocMention[];
  /** The keys of its mentions, in order of first use. */
  keys: readonly string[];
  definitions: readonly DocDefinition[];
  /** Keys it defines, each once, in definition order. */
  definedKeys: readonly string[];
  /** What rules read of it: `base` and `definitions` with the document. */
  names: DocumentNames;
}

/** What one raw key contributes to the final index once closed forms, local acronyms and persons are applied. */
interface Derived {
  /** The group under the raw key itself; absent when split into persons. */
  readonly main: readonly DocMention[] | undefined;
  /** Mentions of a document that defines the key, under `key\0uri`, with their place among such keys. */
  readonly localised: readonly { readonly key: string; readonly group: readonly DocMention[]; readonly docIndex: number; readonly seq: number }[];
  readonly persons: readonly (readonly [string, readonly DocMention[]])[];
}

function entryDoc(entry: IndexEntry): DocumentRef {
  return 'doc' in entry ? entry.doc : entry;
}

/** A block's acronym definition placed through its block's {@link Placement}, like {@link BlockMention}. */
class BlockDefinitionAt extends PlacedInBlock implements DocDefinition {
  constructor(
    at: Placement,
    readonly definition: BlockDefinition,
  ) {
    super(at);
  }

  protected get span(): BlockDefinition {
    return this.definition;
  }

  get acronymStart(): number {
    return this.at.base + this.definition.acronymStart;
  }

  get acronymEnd(): number {
    return this.at.base + this.definition.acronymEnd;
  }
}

/**
 * The name index of a changing set, updated per changed document: a changed
 * document's mentions leave and join their keys, and only the keys they touch
 * (and the keys depending on those: closed forms, local acronyms) are derived
 * again; the others keep their group arrays, so rules may memoise per group.
 * The result equals a fresh build, group order and key order included: keys
 * in order of first use, then document-local acronym keys, then persons.
 */
export class NameIndexState {
  private docs: DocEntry[] = [];
  private raw = new Map<string, DocMention[]>();
  /** Per raw key: its group as is (most keys), or what the cross-group steps made of it. */
  private derived = new Map<string, Derived | readonly DocMention[]>();
  /** Split position of each hyphenated compound written with a hyphen somewhere, by closed form. */
  private splits = new Map<string, number>();
  /** What {@link singularOf} answers, by closed word; undefined when `splits` changed since. */
  private targets: Map<string, string> | undefined;
  /**
   * Closed words that stand for a written hyphenated form (see
   * {@link singularOf}), by word: the documents that write each, in set
   * order (offsets stay in the summaries). Only those: most closed words
   * never meet a hyphenated form, and a table of all of them costs more to
   * fill than the rare rescan when a hyphenated form appears.
   */
  private closed = new Map<string, DocEntry[]>();
  private definers = new Map<string, Set<DocEntry>>();
  private last: NameIndex | undefined;
  /** How many indexes this state has made (see {@link NameIndex.generation}). */
  private generation = 0;

  /** `carriesOver`: whether the state lives from run to run (see {@link NameIndex.carriesOver}). */
  constructor(private readonly carriesOver = true) {}

  /** The index of `documents` (in set order), updating the previous call's. */
  update(documents: readonly IndexEntry[]): NameIndex {
    const sameSet = documents.length === this.docs.length && documents.every((entry, i) => entryDoc(entry).uri === this.docs[i]!.doc.uri);
    const changed: number[] = [];
    let changedMentions = 0;
    let totalMentions = 0;
    for (const [docIndex, entry] of documents.entries()) {
      const count = mentionCount(entry.names);
      totalMentions += count;
      const old = this.docs[docIndex];
      if (sameSet && old!.doc === entryDoc(entry) && old!.summary === entry.names) continue;
      changed.push(docIndex);
      changedMentions += count + (old ? mentionCount(old.summary) : 0);
    }
    if (sameSet && changed.length === 0 && this.last) return this.last;
    const dirty = new Set<string>();
    const words = new Set<string>();
    const edited = sameSet && changed.length === 1 ? this.docs[changed[0]!]! : undefined;
    const keysBefore = edited?.keys ?? [];
    let patched = false;
    // Keys whose groups keep their members but move with the edit (in a set of more than one document, see patchDoc).
    const shifted = new Set<string>();
    if (edited && this.patchDoc(edited, entryDoc(documents[edited.docIndex]!), documents[edited.docIndex]!.names, dirty, words, shifted)) {
      // One document edited in a few paragraphs: patched in place (see patchDoc).
      patched = true;
    } else {
      // Positions shift when documents come or go ("first use" order), and taking out most of the set costs more than building it: start over.
      if (!sameSet || changedMentions >= totalMentions) return this.rebuild(documents);
      for (const docIndex of changed) {
        const entry = documents[docIndex]!;
        this.removeDoc(this.docs[docIndex]!, dirty, words);
        this.docs[docIndex] = this.addDoc(entryDoc(entry), entry.names, docIndex, dirty, words);
      }
    }
    // A closed form's key reads the splits of the word and of its plural.
    for (const key of dirty) if (key.startsWith('H:')) words.add(key.slice(2));
    for (const word of words) for (const key of closedKeys(word)) dirty.add(key);
    const changedSplits = new Set<string>();
    for (const key of dirty) {
      if (!key.startsWith('H:')) continue;
      const word = key.slice(2);
      const split = this.splitOf(key);
      if (split === this.splits.get(word)) continue;
      if (split === undefined) this.splits.delete(word);
      else this.splits.set(word, split);
      this.targets = undefined;
      changedSplits.add(word);
    }
    for (const word of changedSplits) {
      for (const w of [word, `${word}s`]) {
        // Which documents write it, tracked from now on if it stands for a hyphenated form.
        const writers = this.docs.filter((entry) => entry.summary.blocks.some((block) => block.closedWords.includes(w)));
        if (writers.length > 0 && this.singularOf(w) !== undefined) this.closed.set(w, writers);
        else this.closed.delete(w);
      }
      dirty.add(`H:${word}`);
      if (word.endsWith('s')) dirty.add(`H:${word.slice(0, -1)}`);
    }
    // A patch that keeps the document's keys (and so their order) and leaves each touched key's groups the same
    // keys in the same places changes only those groups.
    let inPlace = patched && sameItems(edited!.keys, keysBefore) && this.last !== undefined;
    const moved = new Map<readonly DocMention[], readonly DocMention[]>();
    for (const key of dirty) {
      const before = this.derived.get(key);
      if (this.raw.has(key)) this.derived.set(key, this.derive(key));
      else this.derived.delete(key);
      const after = this.derived.get(key);
      const same = before !== undefined && after !== undefined && sameShape(before, after);
      if (inPlace && (before === undefined || after === undefined ? before !== after : !same)) inPlace = false;
      if (patched && same) pairMoved(before, after, moved);
    }
    // The groups of keys that only moved keep their arrays (and stay where the index lists them).
    for (const key of shifted) {
      const derived = dirty.has(key) ? undefined : this.derived.get(key);
      if (derived !== undefined) pairMoved(derived, derived, moved);
    }
    const index = inPlace ? this.patchResult(dirty) : this.result();
    this.last = index.carriesOver && moved.size > 0 ? { ...index, moved } : index;
    return this.last;
  }

  /**
   * The previous index with the groups of `dirty` keys replaced, for a
   * patched document whose keys kept their order (see {@link update}): the
   * map is changed in place, keeping every key's position, since an index
   * is not read again once the next is made (the patched document's
   * mentions have moved already, see {@link patchDoc}).
   */
  private patchResult(dirty: ReadonlySet<string>): NameIndex {
    const byKey = this.last!.byKey as Map<string, readonly DocMention[]>;
    const patchedKeys = new Set<string>();
    const patch = (key: string, group: readonly DocMention[]): void => {
      byKey.set(key, group);
      patchedKeys.add(key);
    };
    for (const key of dirty) {
      const derived = this.derived.get(key);
      if (derived === undefined) continue;
      if (isGroup(derived)) {
        patch(key, derived);
        continue;
      }
      if (derived.main) patch(key, derived.main);
      for (const { key: local, group } of derived.localised) patch(local, group);
      for (const [person, group] of derived.persons) patch(person, group);
    }
    return this.indexOf(byKey, patchedKeys);
  }

  /** The next generation's index over `byKey`, the previous one's patched in place at `patchedKeys` if given. */
  private indexOf(byKey: ReadonlyMap<string, readonly DocMention[]>, patchedKeys?: ReadonlySet<string>): NameIndex {
    return {
      documents: this.docs.map((entry) => entry.names),
      byKey,
      carriesOver: this.carriesOver && this.docs.length > 1,
      keepsGroups: this.carriesOver,
      generation: ++this.generation,
      ...(patchedKeys ? { patchedKeys } : {}),
    };
  }

  private rebuild(documents: readonly IndexEntry[]): NameIndex {
    this.docs = [];
    this.raw = new Map();
    this.derived = new Map();
    this.splits = new Map();
    this.targets = undefined;
    this.closed = new Map();
    this.definers = new Map();
    for (const [docIndex, entry] of documents.entries()) this.docs.push(this.addDoc(entryDoc(entry), entry.names, docIndex, undefined, undefined));
    // Exact-size copies: a group grown by push keeps up to half its length (and at least 16 slots) spare, and groups are kept by the thousand.
    for (const [key, group] of this.raw) this.raw.set(key, group.slice());
    for (const key of this.raw.keys()) {
      if (!key.startsWith('H:')) continue;
      const split = this.splitOf(key);
      if (split !== undefined) this.splits.set(key.slice(2), split);
    }
    if (this.splits.size > 0) for (const entry of this.docs) this.trackClosed(entry);
    for (const key of this.raw.keys()) this.derived.set(key, this.derive(key));
    this.last = this.result();
    return this.last;
  }

  /** Where the first hyphenated form of a compound splits, if one is written. */
  private splitOf(key: string): number | undefined {
    const hyphenated = this.raw.get(key)?.find((m) => m.mention.form === 'hyphen');
    return hyphenated ? hyphenated.mention.text.search(/[-‐‑]/) : undefined;
  }

  /** Adds a document; `dirty` and `words` collect the keys and closed words it touches (not needed when rebuilding). */
  private addDoc(doc: DocumentRef, summary: NamesSummary, docIndex: number, dirty: Set<string> | undefined, words: Set<string> | undefined): DocEntry {
    const base: DocMention[] = [];
    const acronyms: DocMention[] = [];
    const keys: string[] = [];
    const byKey = new Map<string, DocMention[]>();
    const definitions: DocDefinition[] = [];
    const placements: Placement[] = [];
    const entry: DocEntry = { doc, summary, docIndex, placements, base, keys, definitions, definedKeys: [], names: { doc, mentions: base, acronyms, definitions } };
    for (let b = 0; b < summary.blocks.length; b++) {
      const offset = summary.bases[b]!;
      const block = summary.blocks[b]!;
      const at: Placement = { entry, base: offset };
      placements.push(at);
      for (const definition of block.definitions) definitions.push(new BlockDefinitionAt(at, definition));
      for (const found of block.mentions) {
        const mention = new BlockMention(at, found);
        base.push(mention);
        if (found.kind === 'acronym') acronyms.push(mention);
        const key = found.key;
        if (!dirty) {
          // Rebuilding, documents come in set order: append to the groups directly.
          const group = this.raw.get(key);
          if (!group) this.raw.set(key, [mention]);
          else group.push(mention);
          if (!group || group[group.length - 2]!.docIndex !== docIndex) keys.push(key);
          continue;
        }
        const list = byKey.get(key);
        if (list) list.push(mention);
        else {
          byKey.set(key, [mention]);
          keys.push(key);
        }
      }
    }
    const definedKeys = [...new Set(definitions.map((d) => d.definition.key))];
    entry.definedKeys = definedKeys;
    for (const [key, mentions] of byKey) {
      dirty?.add(key);
      const group = this.raw.get(key);
      if (!group) this.raw.set(key, mentions);
      else {
        // Groups list documents in set order; this one's mentions go after those of earlier documents. A derived group may be this very array: change a copy.
        let at = group.length;
        while (at > 0 && group[at - 1]!.docIndex > docIndex) at--;
        this.raw.set(key, [...group.slice(0, at), ...mentions, ...group.slice(at)]);
      }
    }
    for (const key of definedKeys) {
      dirty?.add(key);
      this.addDefiner(key, entry);
    }
    // Rebuilding, closed words are tracked once the splits are known.
    if (words) {
      for (const block of summary.blocks) for (const word of block.closedWords) words.add(word);
      if (this.splits.size > 0) this.trackClosed(entry);
    }
    return entry;
  }

  /** Enters the closed words of `entry` that stand for a hyphenated form in {@link closed}. */
  private trackClosed(entry: DocEntry): void {
    for (const block of entry.summary.blocks) {
      for (const word of block.closedWords) if (this.singularOf(word) !== undefined) addWriter(this.closed, word, entry);
    }
  }

  /**
   * Updates the one changed document of a set for an edit of a few
   * paragraphs, where taking it out and adding it again would re-place
   * every mention and touch every group it writes in: blocks before and
   * after the edit keep their mention objects (the placements of those after
   * it move by the edit's length change), and only the keys of the edited
   * blocks are made dirty. Mentions thus change in place. In a one-document
   * set that is safe because its index never carries over (rules memoise
   * nothing on it by position). In a larger set rules memoise findings per
   * group, so the keys with a mention or closed word after the edit go into
   * `shifted`: the index lists their groups (the same arrays) as moved, and
   * rules place them again (see NameIndex.moved). Their document
   * reference follows the entry's. False, with
   * nothing changed, when the edit is too large to be worth it.
   */
  private patchDoc(entry: DocEntry, doc: DocumentRef, summary: NamesSummary, dirty: Set<string>, words: Set<string>, shifted: Set<string>): boolean {
    const old = entry.summary;
    const n0 = old.blocks.length;
    const n1 = summary.blocks.length;
    let head = 0;
    while (head < n0 && head < n1 && old.blocks[head] === summary.blocks[head] && old.bases[head] === summary.bases[head]) head++;
    const delta = n0 > head && n1 > head ? summary.bases[n1 - 1]! - old.bases[n0 - 1]! : 0;
    let tail = 0;
    while (tail < n0 - head && tail < n1 - head && old.blocks[n0 - 1 - tail] === summary.blocks[n1 - 1 - tail] && summary.bases[n1 - 1 - tail]! - old.bases[n0 - 1 - tail]! === delta) tail++;
    // Most of the document changed (a paste, a reload): a rebuild is as cheap.
    if ((n0 - head - tail) + (n1 - head - tail) > Math.max(8, (n0 + n1) >> 2)) return false;

    // Mentions of the prefix blocks, of the replaced middle and of the suffix, by position in the old list.
    let prefix = 0;
    for (let b = 0; b < head; b++) prefix += old.blocks[b]!.mentions.length;
    let middle = 0;
    for (let b = head; b < n0 - tail; b++) middle += old.blocks[b]!.mentions.length;
    // Offsets that split a group of this document into prefix, middle and suffix (old offsets).
    const middleStart = head < n0 ? old.bases[head]! : Infinity;
    const suffixStart = tail > 0 ? old.bases[n0 - tail]! : Infinity;

    const added: DocMention[] = [];
    const placements = entry.placements.slice(0, head);
    for (let b = head; b < n1 - tail; b++) {
      const at: Placement = { entry, base: summary.bases[b]! };
      placements.push(at);
      for (const found of summary.blocks[b]!.mentions) added.push(new BlockMention(at, found));
    }
    const addedByKey = new Map<string, DocMention[]>();
    for (const m of added) {
      const list = addedByKey.get(m.mention.key);
      if (list) list.push(m);
      else addedByKey.set(m.mention.key, [m]);
    }
    for (let i = prefix; i < prefix + middle; i++) dirty.add(entry.base[i]!.mention.key);
    for (const key of addedByKey.keys()) dirty.add(key);
    if (this.docs.length > 1) {
      // Groups whose mentions move (see above): their keys, and those of the closed forms written after the edit (see derive).
      for (let i = prefix + middle; i < entry.base.length; i++) shifted.add(entry.base[i]!.mention.key);
      for (let b = n0 - tail; b < n0; b++) for (const word of old.blocks[b]!.closedWords) for (const key of closedKeys(word)) shifted.add(key);
    }
    // Each touched group: its prefix part, the new middle, its suffix part (still at old offsets here), among
    // the other documents' mentions. Touched keys this document does not use before the edit: their first use
    // here moves (see placeKeys).
    const unprefixed = new Set<string>();
    for (const key of dirty) {
      const group = this.raw.get(key) ?? [];
      const [low, high] = docSpan(group, entry.docIndex);
      const cut = countBefore(group, middleStart, low, high);
      if (cut === low) unprefixed.add(key);
      const next = group.slice(0, cut).concat(addedByKey.get(key) ?? [], group.slice(countBefore(group, suffixStart, cut, high)));
      if (next.length === 0) this.raw.delete(key);
      else this.raw.set(key, next);
    }
    // Before any mention moves: placeKeys reads old offsets.
    let keys = this.placeKeys(entry, dirty, unprefixed, added, middleStart);
    const base = entry.base as DocMention[];
    // Typing mostly keeps a paragraph's mention count: then the list is patched in place (safe for the reason above).
    // Otherwise concatenated: a splice with a long paragraph's mentions spread as call arguments could overflow the stack.
    let mentions = base;
    if (added.length === middle) for (let i = 0; i < middle; i++) base[prefix + i] = added[i]!;
    else mentions = base.slice(0, prefix).concat(added, base.slice(prefix + middle));
    // The acronyms likewise (found by offset, as groups are, before they move).
    const oldAcronyms = entry.names.acronyms;
    const acronymsBefore = countBefore(oldAcronyms, middleStart, 0);
    const acronyms = oldAcronyms.slice(0, acronymsBefore);
    for (const m of added) if (m.mention.kind === 'acronym') acronyms.push(m);
    for (let i = countBefore(oldAcronyms, suffixStart, acronymsBefore); i < oldAcronyms.length; i++) acronyms.push(oldAcronyms[i]!);
    // The mentions after the edit move with their blocks.
    for (let b = n0 - tail; b < n0; b++) {
      const at = entry.placements[b]!;
      at.base += delta;
      placements.push(at);
    }
    if (!keys) {
      const fresh: string[] = [];
      const seen = new Set<string>();
      for (const m of mentions) {
        if (seen.has(m.mention.key)) continue;
        seen.add(m.mention.key);
        fresh.push(m.mention.key);
      }
      keys = fresh;
    }

    // Closed words of the edited blocks: new ones join the map; gone ones leave it unless written elsewhere too.
    const gone = new Set<string>();
    for (let b = head; b < n0 - tail; b++) for (const word of old.blocks[b]!.closedWords) gone.add(word);
    for (const word of gone) words.add(word);
    for (let b = head; b < n1 - tail; b++) {
      for (const word of summary.blocks[b]!.closedWords) {
        words.add(word);
        gone.delete(word);
        if (this.singularOf(word) !== undefined) addWriter(this.closed, word, entry);
      }
    }
    if (gone.size > 0) {
      for (let b = 0; b < n1 && gone.size > 0; b++) if (b < head || b >= n1 - tail) for (const word of summary.blocks[b]!.closedWords) gone.delete(word);
      for (const word of gone) removeWriter(this.closed, word, entry);
    }

    entry.doc = doc;
    entry.summary = summary;
    entry.placements = placements;
    entry.base = mentions;
    entry.keys = keys;
    // Definitions of the blocks before and after the edit stay (moved with their blocks), as mentions do.
    let definitionsBefore = 0;
    for (let b = 0; b < head; b++) definitionsBefore += old.blocks[b]!.definitions.length;
    let definitionsAfter = 0;
    for (let b = n0 - tail; b < n0; b++) definitionsAfter += old.blocks[b]!.definitions.length;
    const definitions = entry.definitions.slice(0, definitionsBefore);
    for (let b = head; b < n1 - tail; b++) for (const definition of summary.blocks[b]!.definitions) definitions.push(new BlockDefinitionAt(placements[b]!, definition));
    for (let i = entry.definitions.length - definitionsAfter; i < entry.definitions.length; i++) definitions.push(entry.definitions[i]!);
    entry.definitions = definitions;
    // Only keys this document starts or stops defining are derived again.
    const definedBefore = new Set(entry.definedKeys);
    entry.definedKeys = [...new Set(definitions.map((d) => d.definition.key))];
    for (const key of entry.definedKeys) {
      if (definedBefore.delete(key)) continue;
      dirty.add(key);
      this.addDefiner(key, entry);
    }
    for (const key of definedBefore) {
      dirty.add(key);
      this.removeDefiner(key, entry);
    }
    entry.names = { doc, mentions, acronyms, definitions };
    return true;
  }

  /**
   * The keys of a patched document in first-use order, from the old order
   * (see {@link patchDoc}) without reading every mention: keys first used
   * before the edit keep their places, then come the keys the edited blocks
   * use first, then the rest in their old order. Called after the groups of
   * the `dirty` keys are patched, before any mention moves. Undefined when a
   * key loses its uses in the edited blocks but is used after them (its
   * place there is not known from the keys alone): the caller recounts.
   */
  private placeKeys(
    entry: DocEntry,
    dirty: ReadonlySet<string>,
    unprefixed: ReadonlySet<string>,
    added: readonly DocMention[],
    middleStart: number,
  ): readonly string[] | undefined {
    const old = entry.keys;
    // Whether the document uses `key` before the edit; true for a leading run of `old` (first-use order), so it can be bisected.
    const usedBefore = (key: string): boolean => {
      if (dirty.has(key)) return !unprefixed.has(key);
      const group = this.raw.get(key)!;
      return group[docSpan(group, entry.docIndex)[0]]!.start < middleStart;
    };
    if (unprefixed.size === 0) return old;
    let low = 0;
    let high = old.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (usedBefore(old[mid]!)) low = mid + 1;
      else high = mid;
    }
    const keys = old.slice(0, low);
    const firstInMiddle = new Set<string>();
    for (const m of added) {
      const key = m.mention.key;
      if (!unprefixed.has(key) || firstInMiddle.has(key)) continue;
      firstInMiddle.add(key);
      keys.push(key);
    }
    for (let i = low; i < old.length; i++) {
      const key = old[i]!;
      if (!unprefixed.has(key)) keys.push(key);
      else if (firstInMiddle.has(key) || !this.raw.has(key)) continue; // placed above, or no longer used
      // Used only after the edit now: where among the others depends on mention order.
      else return undefined;
    }
    return keys;
  }

  private removeDoc(entry: DocEntry, dirty: Set<string>, words: Set<string>): void {
    for (const key of entry.keys) {
      dirty.add(key);
      const kept = this.raw.get(key)!.filter((m) => m.docIndex !== entry.docIndex);
      if (kept.length === 0) this.raw.delete(key);
      else this.raw.set(key, kept);
    }
    for (const key of entry.definedKeys) {
      dirty.add(key);
      this.removeDefiner(key, entry);
    }
    const seen = new Set<string>();
    for (const block of entry.summary.blocks) {
      for (const word of block.closedWords) {
        if (seen.has(word)) continue;
        seen.add(word);
        words.add(word);
        removeWriter(this.closed, word, entry);
      }
    }
  }

  /** Lists `entry` among the documents that define `key`. */
  private addDefiner(key: string, entry: DocEntry): void {
    const set = this.definers.get(key);
    if (set) set.add(entry);
    else this.definers.set(key, new Set([entry]));
  }

  /** Takes `entry` off the documents that define `key`, and the key off the map when none is left. */
  private removeDefiner(key: string, entry: DocEntry): void {
    const set = this.definers.get(key);
    set?.delete(entry);
    if (set?.size === 0) this.definers.delete(key);
  }

  /** The closed form a closed word stands for, if a hyphenated form of it is written in the set. */
  private singularOf(word: string): string | undefined {
    // One lookup per closed word, no sliced string: the table is remade when the splits change.
    if (!this.targets) {
      this.targets = new Map();
      for (const split of this.splits.keys()) this.targets.set(split, split);
      for (const split of this.splits.keys()) if (!this.splits.has(`${split}s`)) this.targets.set(`${split}s`, split);
    }
    return this.targets.get(word);
  }

  /** A closed word of block `block` of `entry`, at `start` in the block, as a mention of the hyphenated form's key. */
  private closedMention(entry: DocEntry, word: string, block: number, start: number, singular: string): DocMention {
    const plural = word.length > singular.length ? 's' : '';
    const mention: Mention = {
      kind: 'spelling',
      key: `H:${singular}`,
      form: 'closed',
      text: word,
      start,
      end: start + word.length,
      flags: 0,
      variants: compoundVariants(singular, this.splits.get(singular)!, plural),
    };
    return new BlockMention(entry.placements[block]!, mention);
  }

  private derive(key: string): Derived | readonly DocMention[] {
    const raw = this.raw.get(key)!;
    if (!this.definers.has(key) && !key.startsWith('P:') && !(key.startsWith('H:') && this.splits.has(key.slice(2)))) return raw;
    let group: readonly DocMention[] = raw;
    if (key.startsWith('H:') && this.splits.has(key.slice(2))) {
      const word = key.slice(2);
      const found: ClosedUse[] = [];
      for (const entry of this.closed.get(word) ?? []) closedUses(entry, word, this.closed, found);
      if (this.singularOf(`${word}s`) === word) for (const entry of this.closed.get(`${word}s`) ?? []) closedUses(entry, `${word}s`, this.closed, found);
      if (found.length > 0) {
        found.sort((a, b) => a.entry.docIndex - b.entry.docIndex || a.index - b.index);
        const list = [...group];
        for (const c of found) list.push(this.closedMention(c.entry, c.word, c.block, c.start, word));
        group = list.sort(compareMentions);
      }
    }
    const localised: { key: string; group: readonly DocMention[]; docIndex: number; seq: number }[] = [];
    const definers = this.definers.get(key);
    if (definers) {
      // A document that defines an acronym ("defined contribution (DC)") uses it for its own entity, which need not be another document's ("D.C."), so its mentions are compared within that document only.
      for (const entry of [...definers].sort((a, b) => a.docIndex - b.docIndex)) {
        if (group.every((m) => m.doc === entry.doc)) continue;
        const local = group.filter((m) => m.doc === entry.doc);
        group = group.filter((m) => m.doc !== entry.doc);
        if (local.length > 0) localised.push({ key: `${key}\u0000${entry.doc.uri}`, group: local, docIndex: entry.docIndex, seq: entry.definedKeys.indexOf(key) });
      }
    }
    const persons = key.startsWith('P:') ? partitionPersons(key, group) : undefined;
    return { main: persons ? undefined : group, localised, persons: persons ?? [] };
  }

  private result(): NameIndex {
    // Keys in order of first use: each document's keys in its own order, where no earlier document has them.
    const order: string[] = [];
    for (const entry of this.docs) for (const key of entry.keys) if (this.raw.get(key)![0]!.docIndex === entry.docIndex) order.push(key);
    const byKey = new Map<string, readonly DocMention[]>();
    const localised: Derived['localised'][number][] = [];
    for (const key of order) {
      const derived = this.derived.get(key)!;
      if (isGroup(derived)) byKey.set(key, derived);
      else {
        if (derived.main) byKey.set(key, derived.main);
        localised.push(...derived.localised);
      }
    }
    localised.sort((a, b) => a.docIndex - b.docIndex || a.seq - b.seq);
    for (const { key, group } of localised) byKey.set(key, group);
    for (const key of order) {
      const derived = this.derived.get(key)!;
      if (!isGroup(derived)) for (const [person, group] of derived.persons) byKey.set(person, group);
    }
    return this.indexOf(byKey);
  }
}

/** Where a document writes a closed word: its place among the document's closed words, its block and its offset in the block. */
interface ClosedUse {
  readonly entry: DocEntry;
  readonly word: string;
  readonly index: number;
  readonly block: number;
  readonly start: number;
}

/**
 * Where each summary writes the closed words asked about so far: places
 * never change for a summary, and one scan answers for every word the index
 * tracks, where a scan per word would read a long document many times.
 */
const closedPlaces = new WeakMap<NamesSummary, Map<string, readonly (readonly [index: number, block: number, start: number])[]>>();

/** Collects the places `entry` writes `word`; `tracked` are the words worth collecting in the same scan. */
function closedUses(entry: DocEntry, word: string, tracked: ReadonlyMap<string, unknown>, out: ClosedUse[]): void {
  const summary = entry.summary;
  let places = closedPlaces.get(summary);
  if (!places) closedPlaces.set(summary, (places = new Map()));
  let found = places.get(word);
  if (!found) {
    const scan = new Map<string, [number, number, number][]>([[word, []]]);
    for (const other of tracked.keys()) if (!places.has(other)) scan.set(other, []);
    const { blocks } = summary;
    let index = 0;
    for (let b = 0; b < blocks.length; b++) {
      const { closedWords, closedStarts } = blocks[b]!;
      for (let i = 0; i < closedWords.length; i++, index++) scan.get(closedWords[i]!)?.push([index, b, closedStarts[i]!]);
    }
    for (const [w, list] of scan) places.set(w, list);
    found = places.get(word)!;
  }
  for (const [index, block, start] of found) out.push({ entry, word, index, block, start });
}

/**
 * Where document `docIndex`'s mentions lie in `group`: `[low, high)`.
 * Groups list the documents in set order (see addDoc), so it is bisected.
 */
function docSpan(group: readonly DocMention[], docIndex: number): [number, number] {
  let low = 0;
  let high = group.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (group[mid]!.docIndex < docIndex) low = mid + 1;
    else high = mid;
  }
  let end = low;
  let top = group.length;
  while (end < top) {
    const mid = (end + top) >> 1;
    if (group[mid]!.docIndex <= docIndex) end = mid + 1;
    else top = mid;
  }
  return [low, end];
}

/** The keys whose groups a closed word's uses may join: its own, its plural's and its singular's (see derive). */
function closedKeys(word: string): string[] {
  return word.endsWith('s') ? [`H:${word}`, `H:${word}s`, `H:${word.slice(0, -1)}`] : [`H:${word}`, `H:${word}s`];
}

/** Lists `entry` among the writers of closed word `word` (in set order), if it is not already. */
function addWriter(closed: Map<string, DocEntry[]>, word: string, entry: DocEntry): void {
  const list = closed.get(word);
  if (!list) {
    closed.set(word, [entry]);
    return;
  }
  if (list.includes(entry)) return;
  let at = list.length;
  while (at > 0 && list[at - 1]!.docIndex > entry.docIndex) at--;
  list.splice(at, 0, entry);
}

/** Takes `entry` off the writers of closed word `word`, and the word off the map when none is left. */
function removeWriter(closed: Map<string, DocEntry[]>, word: string, entry: DocEntry): void {
  const kept = closed.get(word)?.filter((writer) => writer !== entry);
  if (kept && kept.length > 0) closed.set(word, kept);
  else closed.delete(word);
}

/**
 * How many mentions of a group of one document start before `offset`, from
 * `from` on, up to `to` (where that document's part of the group ends).
 * Bisected: a group lists its mentions block by block, so starts rise from
 * block to block (not always within one), and `offset` is a block's start.
 */
function countBefore(group: readonly DocMention[], offset: number, from: number, to = group.length): number {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (group[mid]!.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Whether two lists hold the same items (by identity) in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isGroup(derived: Derived | readonly DocMention[]): derived is readonly DocMention[] {
  return Array.isArray(derived);
}

/**
 * Whether two derivations of a key put groups under the same index keys, in
 * the same places (see {@link NameIndexState.result}): then an index can
 * take the new groups in place of the old ones.
 */
function sameShape(before: Derived | readonly DocMention[], after: Derived | readonly DocMention[]): boolean {
  const a = asDerived(before);
  const b = asDerived(after);
  return (
    (a.main === undefined) === (b.main === undefined) &&
    a.localised.length === b.localised.length &&
    a.localised.every((l, i) => l.key === b.localised[i]!.key && l.docIndex === b.localised[i]!.docIndex && l.seq === b.localised[i]!.seq) &&
    a.persons.length === b.persons.length &&
    a.persons.every(([person], i) => person === b.persons[i]![0])
  );
}

const NOTHING_DERIVED: Derived['localised'] = [];

/**
 * Enters in `moved` each group of `after` that holds the same mentions as its
 * counterpart in `before` (of the same shape; `after` may be `before`, for a
 * key whose groups kept their arrays).
 */
function pairMoved(before: Derived | readonly DocMention[], after: Derived | readonly DocMention[], moved: Map<readonly DocMention[], readonly DocMention[]>): void {
  const pair = (old: readonly DocMention[] | undefined, next: readonly DocMention[] | undefined): void => {
    if (old && next && (old === next || sameItems(old, next))) moved.set(next, old);
  };
  const a = asDerived(before);
  const b = asDerived(after);
  pair(a.main, b.main);
  a.localised.forEach((local, i) => pair(local.group, b.localised[i]!.group));
  a.persons.forEach(([, group], i) => pair(group, b.persons[i]![1]));
}

/** A plain group as the derivation that puts it under its own key only. */
function asDerived(derived: Derived | readonly DocMention[]): Derived {
  return isGroup(derived) ? { main: derived, localised: NOTHING_DERIVED, persons: [] } : derived;
}

/**
 * Full names grouped by surname are split into people: given names join only
 * when equal or a nickname of each other (Mike/Michael), so "Patty Murray"
 * and "Justin Murray" stay two people. Undefined when the group is one person.
 */
function partitionPersons(key: string, group: readonly DocMention[]): [string, DocMention[]][] | undefined {
  const given = [...new Set(group.map((m) => m.mention.form))];
  if (given.length < 2) return undefined;
  const parent = new Map(given.map((g) => [g, g]));
  const find = (g: string): string => {
    let root = g;
    while (parent.get(root) !== root) root = parent.get(root)!;
    return root;
  };
  for (let i = 0; i < given.length; i++) {
    for (let j = i + 1; j < given.length; j++) {
      if (sameGivenName(given[i]!, given[j]!)) parent.set(find(given[i]!), find(given[j]!));
    }
  }
  const people = new Map<string, DocMention[]>();
  for (const m of group) {
    const person = `${key}|${find(m.mention.form)}`;
    const list = people.get(person);
    if (list) list.push(m);
    else people.set(person, [m]);
  }
  return [...people];
}

/** Set order: documents as given, then offset; the first in this order is the "first use". */
export function compareMentions(a: DocMention, b: DocMention): number {
  return a.docIndex - b.docIndex || a.start - b.start || a.end - b.end;
}
