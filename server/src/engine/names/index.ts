/**
 * The name index of a document set: every mention and acronym definition at
 * document offsets, grouped by key. Each document's mentions are extracted
 * once into its summary (per-block lists cached by block text); the index is
 * built once per lint run from the summaries and shared by the six name
 * rules, which each read the part they judge.
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

/** The names of one document, at document offsets. */
export function summarizeNames(doc: ParsedDocument, source: BlockMentionSource = sharedSource): NamesSummary {
  const mentions: PlacedMention[] = [];
  const definitions: PlacedDefinition[] = [];
  const closedWords: (readonly [string, number])[] = [];
  for (const block of doc.prose) {
    const found = source.get(block);
    const base = block.range[0];
    for (const mention of found.mentions) mentions.push({ mention, start: base + mention.start, end: base + mention.end });
    for (const definition of found.definitions) {
      definitions.push({
        definition,
        start: base + definition.start,
        end: base + definition.end,
        acronymStart: base + definition.acronymStart,
        acronymEnd: base + definition.acronymEnd,
      });
    }
    for (const [word, start] of found.closedWords) closedWords.push([word, base + start]);
  }
  return { mentions, definitions, closedWords };
}

const built = new WeakMap<readonly DocumentSummary[], NameIndex>();

/**
 * The index of `documents`. The six rules of one run receive the same array,
 * so the index is built once per run, from summaries that are themselves
 * cached per document.
 */
export function nameIndex(documents: readonly DocumentSummary[]): NameIndex {
  const existing = built.get(documents);
  if (existing) return existing;
  const index = indexNames(documents);
  built.set(documents, index);
  return index;
}

/** Builds an index of parsed documents with an explicit cache (tests use their own). */
export function buildIndex(documents: readonly ParsedDocument[], mentionCache: MentionCache): NameIndex {
  return indexNames(documents.map((doc) => ({ doc, names: summarizeNames(doc, mentionCache) })));
}

/** The cross-document step: mentions of every document grouped by key. */
export function indexNames(documents: readonly (DocumentSummary | { readonly doc: DocumentRef; readonly names: NamesSummary })[]): NameIndex {
  const perDoc: DocumentNames[] = [];
  const byKey = new Map<string, DocMention[]>();
  const closedWords: { doc: DocumentRef; docIndex: number; word: string; start: number }[] = [];
  const add = (key: string, mention: DocMention): void => {
    const list = byKey.get(key);
    if (list) list.push(mention);
    else byKey.set(key, [mention]);
  };
  for (const [docIndex, entry] of documents.entries()) {
    const doc: DocumentRef = 'doc' in entry ? entry.doc : entry;
    const names = entry.names;
    const mentions: DocMention[] = [];
    for (const placed of names.mentions) {
      const mention: DocMention = { doc, docIndex, mention: placed.mention, start: placed.start, end: placed.end };
      mentions.push(mention);
      add(placed.mention.key, mention);
    }
    const definitions = names.definitions.map((placed): DocDefinition => ({ doc, ...placed }));
    for (const [word, start] of names.closedWords) closedWords.push({ doc, docIndex, word, start });
    perDoc.push({ doc, mentions, definitions });
  }
  addClosedForms(byKey, closedWords, perDoc);
  localiseDefinedAcronyms(byKey, perDoc);
  partitionPersons(byKey);
  return { documents: perDoc, byKey };
}

/**
 * A document that defines an acronym ("defined contribution (DC)") uses it
 * for its own entity, which need not be another document's ("D.C."), so its
 * mentions are compared within that document only.
 */
function localiseDefinedAcronyms(byKey: Map<string, DocMention[]>, perDoc: readonly DocumentNames[]): void {
  for (const entry of perDoc) {
    const defined = new Set(entry.definitions.map((d) => d.definition.key));
    if (defined.size === 0) continue;
    for (const key of defined) {
      const group = byKey.get(key);
      if (!group || group.every((m) => m.doc === entry.doc)) continue;
      const local = group.filter((m) => m.doc === entry.doc);
      byKey.set(key, group.filter((m) => m.doc !== entry.doc));
      if (local.length > 0) byKey.set(`${key}\u0000${entry.doc.uri}`, local);
    }
  }
}

/**
 * Full names grouped by surname are split into people: given names join only
 * when equal or a nickname of each other (Mike/Michael), so "Patty Murray"
 * and "Justin Murray" stay two people.
 */
function partitionPersons(byKey: Map<string, DocMention[]>): void {
  for (const [key, group] of [...byKey]) {
    if (!key.startsWith('P:')) continue;
    const given = [...new Set(group.map((m) => m.mention.form))];
    if (given.length < 2) continue;
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
    byKey.delete(key);
    for (const m of group) {
      const person = `${key}|${find(m.mention.form)}`;
      const list = byKey.get(person);
      if (list) list.push(m);
      else byKey.set(person, [m]);
    }
  }
}

/**
 * A hyphenated word outside the compound table ("cyber-security") is a
 * variant of its closed form only where that closed form is written in the
 * set; closed words are recorded per block, so they join here.
 */
function addClosedForms(
  byKey: Map<string, DocMention[]>,
  closedWords: readonly { doc: DocumentRef; docIndex: number; word: string; start: number }[],
  perDoc: DocumentNames[],
): void {
  const splits = new Map<string, number>();
  for (const [key, list] of byKey) {
    if (!key.startsWith('H:')) continue;
    const hyphenated = list.find((m) => m.mention.form === 'hyphen');
    if (hyphenated) splits.set(key.slice(2), hyphenated.mention.text.search(/[-‐‑]/));
  }
  if (splits.size === 0) return;
  const docs = new Map(perDoc.map((entry) => [entry.doc, entry.mentions as DocMention[]]));
  const touched = new Set<DocMention[]>();
  for (const { doc, docIndex, word, start } of closedWords) {
    const singular = splits.has(word) ? word : word.endsWith('s') && splits.has(word.slice(0, -1)) ? word.slice(0, -1) : undefined;
    if (singular === undefined) continue;
    const plural = word.length > singular.length ? 's' : '';
    const mention: Mention = {
      kind: 'spelling',
      key: `H:${singular}`,
      form: 'closed',
      text: word,
      start: 0,
      end: word.length,
      flags: 0,
      variants: compoundVariants(singular, splits.get(singular)!, plural),
    };
    const placed: DocMention = { doc, docIndex, mention, start, end: start + word.length };
    const group = byKey.get(mention.key)!;
    group.push(placed);
    touched.add(group);
    const own = docs.get(doc)!;
    own.push(placed);
    touched.add(own);
  }
  for (const list of touched) list.sort(compareMentions);
}

/** Set order: documents as given, then offset; the first in this order is the "first use". */
export function compareMentions(a: DocMention, b: DocMention): number {
  return a.docIndex - b.docIndex || a.start - b.start || a.end - b.end;
}
