/**
 * The name index of a document set: every mention and acronym definition at
 * document offsets, grouped by key. Each document's mentions are extracted
 * once into its summary (per-block lists cached by block text, an edited
 * document re-reading only its changed blocks); the index is made once per
 * lint run from the summaries and shared by the six name rules, which each
 * read the part they judge. Kept in a {@link NameIndexState} between runs, it
 * is updated per changed document instead of rebuilt.
 */
import { BoundedCache } from '../cache';
import type { DocumentRef, ParsedDocument, ProseBlock } from '../document/model';
import type { DocumentSummary } from '../summary';
import { compoundVariants, extractMentions, mentionCacheKey, MentionCache, type BlockDefinition, type BlockMentions, type Mention } from './mentions';
import { sameGivenName } from './tables';

/** A mention at document offsets, in a document's summary. */
export interface PlacedMention {
  readonly mention: Mention;
  readonly start: number;
  readonly end: number;
}

/** An acronym definition at document offsets, in a document's summary. */
export interface PlacedDefinition {
  readonly definition: BlockDefinition;
  /** Document offsets of the whole definition and of its acronym. */
  readonly start: number;
  readonly end: number;
  readonly acronymStart: number;
  readonly acronymEnd: number;
}

/** One document's names as plain data: what the name rules need from it, whatever the rest of the set holds. */
export interface NamesSummary {
  readonly mentions: readonly PlacedMention[];
  readonly definitions: readonly PlacedDefinition[];
  /** Uncommon closed words with their document offsets (see {@link BlockMentions.closedWords}). */
  readonly closedWords: readonly (readonly [word: string, start: number])[];
}

/** A mention placed in its document. */
export interface DocMention extends PlacedMention {
  readonly doc: DocumentRef;
  /** The document's position in the set; with `start`, it orders "first use" (see {@link compareMentions}). */
  readonly docIndex: number;
}

/** An acronym definition placed in its document. */
export interface DocDefinition extends PlacedDefinition {
  readonly doc: DocumentRef;
}

/** One document's mentions and definitions, at document offsets. */
export interface DocumentNames {
  readonly doc: DocumentRef;
  readonly mentions: readonly DocMention[];
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
}

/** Where per-block mentions come from: a {@link MentionCache}, or the shared bounded cache. */
export interface BlockMentionSource {
  get(block: ProseBlock): BlockMentions;
}

/**
 * Blocks of every document summarised lately, by text. Bounded rather than
 * pruned per run: a document whose summary is cached is not re-read, yet its
 * blocks should still be at hand when it is next edited.
 */
const blocks = new BoundedCache<string, BlockMentions>(100_000);
const sharedSource: BlockMentionSource = { get: (block) => blocks.get(mentionCacheKey(block), () => extractMentions(block)) };

/**
 * The block lists of recently summarised documents, by uri. An edited
 * document's unchanged blocks are then matched by position (from either
 * end), comparing texts rather than building and hashing a cache key for
 * every block, so an edit re-reads only the blocks it changed. Bounded: only
 * documents being edited need it.
 */
const recent = new Map<string, { readonly blocks: readonly ProseBlock[]; readonly found: readonly BlockMentions[] }>();
const RECENT_DOCUMENTS = 32;

function sameLinks(a: ProseBlock, b: ProseBlock): boolean {
  const la = a.inlines.filter((span) => span.kind === 'link');
  const lb = b.inlines.filter((span) => span.kind === 'link');
  return la.length === lb.length && la.every((x, i) => x.range[0] - a.range[0] === lb[i]!.range[0] - b.range[0] && x.range[1] - a.range[1] === lb[i]!.range[1] - b.range[1]);
}

/** Whether two blocks have the same {@link mentionCacheKey}, without building it. */
function sameMentionKey(a: ProseBlock, b: ProseBlock): boolean {
  return a.kind === b.kind && a.container === b.container && a.prose === b.prose && sameLinks(a, b);
}

/** The mentions of each prose block of `doc`, reusing the previous version's for blocks it did not change. */
function blockMentions(doc: ParsedDocument): BlockMentions[] {
  const blocks = doc.prose;
  const found: (BlockMentions | undefined)[] = new Array(blocks.length);
  const previous = recent.get(doc.uri);
  if (previous) {
    const old = previous.blocks;
    let head = 0;
    while (head < old.length && head < blocks.length && sameMentionKey(old[head]!, blocks[head]!)) found[head] = previous.found[head++];
    let tail = 0;
    while (tail < old.length - head && tail < blocks.length - head && sameMentionKey(old[old.length - 1 - tail]!, blocks[blocks.length - 1 - tail]!)) {
      found[blocks.length - 1 - tail] = previous.found[old.length - 1 - tail];
      tail++;
    }
  }
  for (let i = 0; i < blocks.length; i++) found[i] ??= sharedSource.get(blocks[i]!);
  recent.delete(doc.uri);
  recent.set(doc.uri, { blocks, found: found as BlockMentions[] });
  if (recent.size > RECENT_DOCUMENTS) recent.delete(recent.keys().next().value!);
  return found as BlockMentions[];
}

/** The names of one document, at document offsets. */
export function summarizeNames(doc: ParsedDocument, source?: BlockMentionSource): NamesSummary {
  const found = source ? doc.prose.map((block) => source.get(block)) : blockMentions(doc);
  const mentions: PlacedMention[] = [];
  const definitions: PlacedDefinition[] = [];
  const closedWords: (readonly [string, number])[] = [];
  for (const [i, block] of doc.prose.entries()) {
    const base = block.range[0];
    const { mentions: inBlock, definitions: blockDefinitions, closedWords: blockClosed } = found[i]!;
    for (const mention of inBlock) mentions.push({ mention, start: base + mention.start, end: base + mention.end });
    for (const definition of blockDefinitions) {
      definitions.push({
        definition,
        start: base + definition.start,
        end: base + definition.end,
        acronymStart: base + definition.acronymStart,
        acronymEnd: base + definition.acronymEnd,
      });
    }
    for (const [word, start] of blockClosed) closedWords.push([word, base + start]);
  }
  return { mentions, definitions, closedWords };
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
  readonly doc: DocumentRef;
  readonly summary: NamesSummary;
  readonly docIndex: number;
  /** Its mentions in summary order. */
  readonly base: readonly DocMention[];
  /** The keys of its mentions. */
  readonly keys: readonly string[];
  readonly definitions: readonly DocDefinition[];
  /** Keys it defines, each once, in definition order. */
  readonly definedKeys: readonly string[];
  /** Final names (closed forms joined), rebuilt when a split they depend on changes. */
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
  /** Closed words by word: where each is written. */
  private closed = new Map<string, { entry: DocEntry; index: number; start: number }[]>();
  private definers = new Map<string, Set<DocEntry>>();
  private last: NameIndex | undefined;

  /** `carriesOver`: whether the state lives from run to run (see {@link NameIndex.carriesOver}). */
  constructor(private readonly carriesOver = true) {}

  /** The index of `documents` (in set order), updating the previous call's. */
  update(documents: readonly IndexEntry[]): NameIndex {
    const sameSet = documents.length === this.docs.length && documents.every((entry, i) => entryDoc(entry).uri === this.docs[i]!.doc.uri);
    const changed: number[] = [];
    let changedMentions = 0;
    let totalMentions = 0;
    for (const [docIndex, entry] of documents.entries()) {
      totalMentions += entry.names.mentions.length;
      const old = this.docs[docIndex];
      if (sameSet && old!.doc === entryDoc(entry) && old!.summary === entry.names) continue;
      changed.push(docIndex);
      changedMentions += entry.names.mentions.length + (old?.summary.mentions.length ?? 0);
    }
    if (sameSet && changed.length === 0 && this.last) return this.last;
    // Positions shift when documents come or go ("first use" order), and taking out most of the set costs more than building it: start over.
    if (!sameSet || changedMentions >= totalMentions) return this.rebuild(documents);
    const dirty = new Set<string>();
    const words = new Set<string>();
    for (const docIndex of changed) {
      const entry = documents[docIndex]!;
      this.removeDoc(this.docs[docIndex]!, dirty, words);
      this.docs[docIndex] = this.addDoc(entryDoc(entry), entry.names, docIndex, dirty, words);
    }
    // A closed form's key reads the splits of the word and of its plural.
    for (const key of dirty) if (key.startsWith('H:')) words.add(key.slice(2));
    for (const word of words) {
      dirty.add(`H:${word}`);
      dirty.add(`H:${word}s`);
      if (word.endsWith('s')) dirty.add(`H:${word.slice(0, -1)}`);
    }
    const changedSplits = new Set<string>();
    for (const key of dirty) {
      if (!key.startsWith('H:')) continue;
      const word = key.slice(2);
      const split = this.splitOf(key);
      if (split === this.splits.get(word)) continue;
      if (split === undefined) this.splits.delete(word);
      else this.splits.set(word, split);
      changedSplits.add(word);
    }
    const rebuilt = new Set<DocEntry>();
    for (const word of changedSplits) {
      for (const w of [word, `${word}s`]) for (const c of this.closed.get(w) ?? []) rebuilt.add(c.entry);
      dirty.add(`H:${word}`);
      if (word.endsWith('s')) dirty.add(`H:${word.slice(0, -1)}`);
    }
    for (const entry of this.docs) if (rebuilt.has(entry) || entry.names === undefined) entry.names = this.documentNames(entry);
    for (const key of dirty) {
      if (this.raw.has(key)) this.derived.set(key, this.derive(key));
      else this.derived.delete(key);
    }
    this.last = this.result();
    return this.last;
  }

  private rebuild(documents: readonly IndexEntry[]): NameIndex {
    this.docs = [];
    this.raw = new Map();
    this.derived = new Map();
    this.splits = new Map();
    this.closed = new Map();
    this.definers = new Map();
    for (const [docIndex, entry] of documents.entries()) this.docs.push(this.addDoc(entryDoc(entry), entry.names, docIndex, undefined, undefined));
    for (const key of this.raw.keys()) {
      if (!key.startsWith('H:')) continue;
      const split = this.splitOf(key);
      if (split !== undefined) this.splits.set(key.slice(2), split);
    }
    for (const entry of this.docs) entry.names = this.documentNames(entry);
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
    const keys: string[] = [];
    const byKey = new Map<string, DocMention[]>();
    for (const placed of summary.mentions) {
      const mention: DocMention = { doc, docIndex, mention: placed.mention, start: placed.start, end: placed.end };
      base.push(mention);
      const key = placed.mention.key;
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
    const definitions = summary.definitions.map((placed): DocDefinition => ({ doc, ...placed }));
    const definedKeys = [...new Set(definitions.map((d) => d.definition.key))];
    const entry: DocEntry = { doc, summary, docIndex, base, keys, definitions, definedKeys, names: undefined as unknown as DocumentNames };
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
      const set = this.definers.get(key);
      if (set) set.add(entry);
      else this.definers.set(key, new Set([entry]));
    }
    summary.closedWords.forEach(([word, start], index) => {
      words?.add(word);
      const list = this.closed.get(word);
      const item = { entry, index, start };
      if (!list) this.closed.set(word, [item]);
      else {
        let at = list.length;
        while (at > 0 && list[at - 1]!.entry.docIndex > docIndex) at--;
        list.splice(at, 0, item);
      }
    });
    return entry;
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
      const set = this.definers.get(key)!;
      set.delete(entry);
      if (set.size === 0) this.definers.delete(key);
    }
    const seen = new Set<string>();
    for (const [word] of entry.summary.closedWords) {
      if (seen.has(word)) continue;
      seen.add(word);
      words.add(word);
      const list = this.closed.get(word);
      if (!list) continue;
      const kept = list.filter((c) => c.entry !== entry);
      if (kept.length === 0) this.closed.delete(word);
      else this.closed.set(word, kept);
    }
  }

  /** The closed form a closed word stands for, if a hyphenated form of it is written in the set. */
  private singularOf(word: string): string | undefined {
    return this.splits.has(word) ? word : word.endsWith('s') && this.splits.has(word.slice(0, -1)) ? word.slice(0, -1) : undefined;
  }

  private closedMention(entry: DocEntry, word: string, start: number, singular: string): DocMention {
    const plural = word.length > singular.length ? 's' : '';
    const mention: Mention = {
      kind: 'spelling',
      key: `H:${singular}`,
      form: 'closed',
      text: word,
      start: 0,
      end: word.length,
      flags: 0,
      variants: compoundVariants(singular, this.splits.get(singular)!, plural),
    };
    return { doc: entry.doc, docIndex: entry.docIndex, mention, start, end: start + word.length };
  }

  private documentNames(entry: DocEntry): DocumentNames {
    let mentions: DocMention[] = entry.base as DocMention[];
    let added = false;
    for (const [word, start] of entry.summary.closedWords) {
      const singular = this.splits.size > 0 ? this.singularOf(word) : undefined;
      if (singular === undefined) continue;
      if (!added) mentions = [...mentions];
      added = true;
      mentions.push(this.closedMention(entry, word, start, singular));
    }
    if (added) mentions.sort(compareMentions);
    return { doc: entry.doc, mentions, definitions: entry.definitions };
  }

  private derive(key: string): Derived | readonly DocMention[] {
    const raw = this.raw.get(key)!;
    if (!this.definers.has(key) && !key.startsWith('P:') && !(key.startsWith('H:') && this.splits.has(key.slice(2)))) return raw;
    let group: readonly DocMention[] = raw;
    if (key.startsWith('H:') && this.splits.has(key.slice(2))) {
      const word = key.slice(2);
      const found = [...(this.closed.get(word) ?? []), ...(this.singularOf(`${word}s`) === word ? (this.closed.get(`${word}s`) ?? []) : [])];
      if (found.length > 0) {
        found.sort((a, b) => a.entry.docIndex - b.entry.docIndex || a.index - b.index);
        const list = [...group];
        for (const c of found) list.push(this.closedMention(c.entry, c.entry.summary.closedWords[c.index]![0], c.start, word));
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
    return { documents: this.docs.map((entry) => entry.names), byKey, carriesOver: this.carriesOver && this.docs.length > 1 };
  }
}

function isGroup(derived: Derived | readonly DocMention[]): derived is readonly DocMention[] {
  return Array.isArray(derived);
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
