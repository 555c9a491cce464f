/**
 * The name index of a document set: every mention and acronym definition at
 * document offsets, grouped by key. Built once per lint run from per-block
 * mention lists (cached by block text), and shared by the six name rules,
 * which each read the part they judge.
 */
import type { ParsedDocument } from '../document/model';
import { compoundVariants, MentionCache, type BlockDefinition, type Mention } from './mentions';
import { sameGivenName } from './tables';

/** A mention placed in its document. */
export interface DocMention {
  readonly doc: ParsedDocument;
  readonly mention: Mention;
  /** Document offsets of the mention. */
  readonly start: number;
  readonly end: number;
  /** The document's position in the set; with `start`, it orders "first use" (see {@link compareMentions}). */
  readonly docIndex: number;
}

/** An acronym definition placed in its document. */
export interface DocDefinition {
  readonly doc: ParsedDocument;
  readonly definition: BlockDefinition;
  /** Document offsets of the whole definition and of its acronym. */
  readonly start: number;
  readonly end: number;
  readonly acronymStart: number;
  readonly acronymEnd: number;
}

/** One document's mentions and definitions, at document offsets. */
export interface DocumentNames {
  readonly doc: ParsedDocument;
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

const cache = new MentionCache();
const built = new WeakMap<readonly ParsedDocument[], NameIndex>();

/**
 * The index of `documents`. The six rules of one run receive the same array,
 * so the index is built once per run; the per-block cache makes a rebuild
 * after an edit re-extract only the edited blocks.
 */
export function nameIndex(documents: readonly ParsedDocument[]): NameIndex {
  const existing = built.get(documents);
  if (existing) return existing;
  const index = buildIndex(documents, cache);
  cache.endRun();
  built.set(documents, index);
  return index;
}

/** Builds an index with an explicit cache (tests use their own). */
export function buildIndex(documents: readonly ParsedDocument[], mentionCache: MentionCache): NameIndex {
  const perDoc: DocumentNames[] = [];
  const byKey = new Map<string, DocMention[]>();
  const closedWords: { doc: ParsedDocument; docIndex: number; word: string; start: number }[] = [];
  const add = (key: string, mention: DocMention): void => {
    const list = byKey.get(key);
    if (list) list.push(mention);
    else byKey.set(key, [mention]);
  };
  for (const [docIndex, doc] of documents.entries()) {
    const mentions: DocMention[] = [];
    const definitions: DocDefinition[] = [];
    for (const block of doc.prose) {
      const found = mentionCache.get(block);
      const base = block.range[0];
      for (const mention of found.mentions) {
        const placed: DocMention = { doc, docIndex, mention, start: base + mention.start, end: base + mention.end };
        mentions.push(placed);
        add(mention.key, placed);
      }
      for (const definition of found.definitions) {
        definitions.push({
          doc,
          definition,
          start: base + definition.start,
          end: base + definition.end,
          acronymStart: base + definition.acronymStart,
          acronymEnd: base + definition.acronymEnd,
        });
      }
      for (const [word, start] of found.closedWords) closedWords.push({ doc, docIndex, word, start: base + start });
    }
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
  closedWords: readonly { doc: ParsedDocument; docIndex: number; word: string; start: number }[],
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
