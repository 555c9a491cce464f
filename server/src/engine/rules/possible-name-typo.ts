/**
 * possible-name-typo: a rare name one or two edits from a common one
 * ("Hegsith" beside three "Hegseth"). Similarity alone cannot tell a typo
 * from another person (Johnson/Johnston, Waltz/Walz), so this is a hint, and
 * only when every gate passes:
 * - the rare form appears at most twice, the common one at least three times;
 * - they are within one edit (two for names of eight letters or more) and
 *   Jaro–Winkler agrees;
 * - they differ in more than an ending (Russia/Russian, Iran/Iraq, Lavrov/Lavrova);
 * - the rare form is not a known real name close to another (SCOWL), nor a
 *   pair declared different (built in or `names.distinct`);
 * - the common form is a person's surname (a given name or title stands
 *   before it somewhere), and the context agrees: the same given name or
 *   title before both, or the rare form alone in running text.
 */
import type { LintConfig } from '../config';
import { configFingerprint, declaredDistinct, ownMentions, where } from '../names/consistency';
import { changedSince, compareMentions, nameIndex, sameItems, type DocMention, type NameIndex } from '../names/index';
import { HEADING, SENTENCE_INITIAL, TITLES } from '../names/mentions';
import { foldDiacritics } from '../names/normalize';
import { differsOnlyInEnding, editDistance, jaroWinkler } from '../names/similarity';
import { commonWords, confusableKnownNames, KNOWN_DISTINCT, nicknames } from '../names/tables';
import type { Finding, Severity } from '../types';
import type { DocumentSet, RuleContext, SetRule } from './rule';

const MAX_RARE = 2;
const MIN_COMMON = 3;
const MIN_LENGTH = 4;
const MIN_JARO_WINKLER = 0.9;

interface Entity {
  /** Folded spelling compared between entities ("hegseth"). */
  readonly folded: string;
  readonly mentions: DocMention[];
  /** Whether it is a common form (see `check`), computed once. */
  common?: boolean;
  /** Whether it may be a misspelling at all (see {@link mayMisspell}), computed once. */
  plausible?: boolean;
  /** Its deletion neighbourhood, computed once. */
  deletions?: readonly string[];
  /** The common words its deletions reach, for one word index. */
  reach?: Reach;
  /** The common form it may misspell, if any, valid for one configuration while the candidates stay the same: words only, no positions. */
  verdict?: Verdict;
  /** Its findings as a rare form, valid for one verdict and severity. */
  judged?: { readonly verdict: Verdict; readonly severity: Severity; readonly found: readonly (readonly [string, Finding])[] };
}

interface Verdict {
  readonly config: string;
  /** The common entities it was compared with, in order. */
  readonly candidates: readonly Entity[];
  readonly best: Entity | undefined;
}

/** The common words within reach of a rare form, in the order its deletions first reach them. */
interface Reach {
  readonly index: WordIndex;
  readonly words: readonly string[];
  /** Per word, the place among the rare form's deletions that first reaches it. */
  readonly at: readonly number[];
}

/**
 * Entities by group array: an incrementally updated name index keeps the
 * arrays of untouched groups, so their entities, and while the common forms
 * stay the same their findings, carry over from run to run.
 */
const entityOf = new WeakMap<readonly DocMention[], Entity | null>();

/**
 * The common forms' words by deletion. Built from words, not entities: an
 * edit that touches a common surname's mentions makes a new entity of the
 * same word, which must not cost every rare form its verdict (a verdict
 * checks its own candidates instead). Kept while the words stay the same.
 */
interface WordIndex {
  readonly words: ReadonlySet<string>;
  readonly byDeletion: ReadonlyMap<string, readonly string[]>;
}
let lastIndex: WordIndex | undefined;

/**
 * The entity of `group`. A group that only moved with an edit before it
 * (`moved`, see NameIndex.moved) has its old group's entity, whose words,
 * neighbourhood and verdict still hold; it goes into `movedNow`, since its
 * findings hold positions.
 */
function entityFor(group: readonly DocMention[], memoise: boolean, moved: NameIndex['moved'], movedNow: Set<Entity>): Entity | null {
  const before = memoise ? moved?.get(group) : undefined;
  let entity = memoise ? entityOf.get(group) : undefined;
  // Not `??`: a group that names no entity is memoised as null.
  if (entity === undefined && before) entity = entityOf.get(before);
  if (entity !== undefined) {
    if (before) {
      entityOf.set(group, entity);
      if (entity) movedNow.add(entity);
    }
    return entity;
  }
  const own = ownMentions(group).filter((m) => m.mention.kind === 'name');
  const folded = own.length === 0 ? '' : foldDiacritics(own[0]!.mention.text).toLowerCase();
  entity = folded.length >= MIN_LENGTH ? { folded, mentions: own } : null;
  if (memoise) entityOf.set(group, entity);
  return entity;
}

/** Whether a group of the index names someone or something this rule compares: a name key whose mentions are names. */
function isNameGroup(key: string, group: readonly DocMention[]): boolean {
  return key.startsWith('N:') && group[0]!.mention.kind === 'name';
}

/** The entity of each name key of an index map, in its order (null for none), and each key's place in that list, as the rule's last run read them. */
interface EntityWalk {
  readonly generation: number | undefined;
  readonly entities: (Entity | null)[];
  readonly slots: ReadonlyMap<string, number>;
}

/** By index map: an index patched in place keeps its map (see {@link entitiesOf}). */
const entityWalks = new WeakMap<ReadonlyMap<string, readonly DocMention[]>, EntityWalk>();

/**
 * The entity of each name group of `names`, in the index's order (null
 * where a group names none). When the index is the one read last, or the
 * next generation of it patched in place (see `NameIndex.patchedKeys`),
 * only the patched keys are read again: every other group is the same
 * array, with the same entity. An edit of a 2 MB draft patches a few of its
 * tens of thousands of keys, and reading them all cost about 1.3 ms a
 * keystroke. Entities of groups that moved are added to `movedNow`, as
 * {@link entityFor} adds them.
 */
function entitiesOf(names: NameIndex, keep: boolean, movedNow: Set<Entity>): readonly (Entity | null)[] {
  const byKey = names.byKey;
  const last = keep ? entityWalks.get(byKey) : undefined;
  const changed = last && changedSince(names, last.generation);
  if (last && changed) {
    let current = true;
    for (const key of changed) {
      const group = byKey.get(key);
      const slot = last.slots.get(key);
      if (slot === undefined) {
        // A key that now names someone but did not: not in the list's order, so read the whole index.
        if (group && isNameGroup(key, group)) current = false;
        continue;
      }
      last.entities[slot] = group && isNameGroup(key, group) ? entityFor(group, keep, names.moved, movedNow) : null;
    }
    if (current) {
      // The groups that only moved kept their arrays: their entities hold, their positions do not.
      names.moved?.forEach((before, group) => {
        let entity = entityOf.get(group);
        if (entity === undefined) entity = entityOf.get(before);
        if (!entity) return;
        entityOf.set(group, entity);
        movedNow.add(entity);
      });
      entityWalks.set(byKey, { ...last, generation: names.generation });
      return last.entities;
    }
  }
  const slots = new Map<string, number>();
  const entities: (Entity | null)[] = [];
  // forEach rather than for-of: no entry pair made for each of the index's keys, most of which are not names.
  byKey.forEach((group, key) => {
    if (!isNameGroup(key, group)) return;
    slots.set(key, entities.length);
    entities.push(entityFor(group, keep, names.moved, movedNow));
  });
  if (keep && names.generation !== undefined) entityWalks.set(byKey, { generation: names.generation, entities, slots });
  return entities;
}

function deletionsOf(entity: Entity): readonly string[] {
  return (entity.deletions ??= cachedDeletions(entity.folded));
}

/**
 * Deletion neighbourhoods by word, kept from run to run: in a one-document
 * set (an editor's draft) entities are made afresh on every edit, but their
 * words are nearly all the same, and the neighbourhood is the costly part.
 * Bounded: cleared when full.
 */
const neighbourhoods = new Map<string, readonly string[]>();
const NEIGHBOURHOODS = 50_000;

function cachedDeletions(word: string): readonly string[] {
  let found = neighbourhoods.get(word);
  if (found === undefined) {
    if (neighbourhoods.size >= NEIGHBOURHOODS) neighbourhoods.clear();
    neighbourhoods.set(word, (found = deletions(word, word.length >= 7 ? 2 : 1)));
  }
  return found;
}

function wordIndex(common: readonly Entity[], memoise: boolean): WordIndex {
  const words = new Set(common.map((e) => e.folded));
  const last = lastIndex;
  if (memoise && last && last.words.size === words.size && [...words].every((word) => last.words.has(word))) return last;
  // Symmetric-delete lookup: two words within k edits share a word made by deleting at most k letters.
  const byDeletion = new Map<string, string[]>();
  for (const word of words) {
    for (const del of cachedDeletions(word)) {
      const list = byDeletion.get(del);
      if (list) list.push(word);
      else byDeletion.set(del, [word]);
    }
  }
  const index = { words, byDeletion };
  if (memoise) lastIndex = index;
  return index;
}

/** The common words a rare form's deletions reach, kept on the entity when `memoise`. */
function reachOf(rare: Entity, index: WordIndex, memoise: boolean): Reach {
  if (rare.reach?.index === index) return rare.reach;
  const words: string[] = [];
  const at: number[] = [];
  const dels = deletionsOf(rare);
  for (let d = 0; d < dels.length; d++) {
    const reached = index.byDeletion.get(dels[d]!);
    if (reached === undefined) continue;
    // Few words are ever reached: a scan of the list beats a set.
    for (const word of reached) {
      if (words.includes(word)) continue;
      words.push(word);
      at.push(d);
    }
  }
  const reach = { index, words, at };
  if (memoise) rare.reach = reach;
  return reach;
}

/**
 * The common entities a rare form is compared with, in the order an index
 * of entities by deletion would give them: by the deletion that first
 * reaches them, then in the order of `common` (an entity's `rank`).
 */
function candidatesOf(reach: Reach, byWord: ReadonlyMap<string, readonly Entity[]>, rank: ReadonlyMap<Entity, number>): Entity[] {
  const found: Entity[] = [];
  const at: number[] = [];
  for (let i = 0; i < reach.words.length; i++) {
    for (const entity of byWord.get(reach.words[i]!)!) {
      found.push(entity);
      at.push(reach.at[i]!);
    }
  }
  if (found.length < 2) return found;
  const order = found.map((_, i) => i).sort((x, y) => at[x]! - at[y]! || rank.get(found[x]!)! - rank.get(found[y]!)!);
  return order.map((i) => found[i]!);
}

function maxEdits(a: string, b: string): number {
  return Math.max(a.length, b.length) >= 8 ? 2 : 1;
}

function deletions(word: string, depth: number): string[] {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const del = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(del)) {
          out.add(del);
          next.push(del);
        }
      }
    }
    frontier = next;
  }
  return [...out];
}

function builtInDistinct(a: string, b: string): boolean {
  return KNOWN_DISTINCT.some((pair) => pair.includes(a) && pair.includes(b));
}

/** The given names and titles written before an entity's mentions. */
function contexts(entity: Entity): Set<string> {
  const set = new Set<string>();
  for (const m of entity.mentions) if (m.mention.prev) set.add(m.mention.prev.toLowerCase());
  return set;
}

/** Given names that are more often places before a name ("Washington Metropolitan Area"). */
const PLACE_NAMES = new Set(['washington', 'virginia', 'georgia', 'carolina', 'california', 'arizona', 'india', 'lincoln', 'jackson', 'madison', 'austin', 'savannah', 'florence', 'victoria', 'chester', 'kingston', 'houston', 'dallas', 'eugene', 'lafayette']);

/**
 * Whether the entity is a person's surname: a given name or a title stands
 * before it somewhere, and it is not itself a given name ("President Richard
 * Nixon" makes "Nixon" a surname, not "Richard").
 */
function isSurname(entity: Entity): boolean {
  if (nicknames().has(entity.folded)) return false;
  for (const prev of contexts(entity)) if ((nicknames().has(prev) && !PLACE_NAMES.has(prev)) || TITLES.has(prev)) return true;
  return false;
}

function contextAgrees(rare: Entity, common: Entity): boolean {
  const commonContexts = contexts(common);
  return rare.mentions.some((m) => {
    const prev = m.mention.prev?.toLowerCase();
    if (prev !== undefined) return commonContexts.has(prev);
    // Alone, the rare form can only be a misspelt surname of a person the text names in full.
    return !(m.mention.flags & (SENTENCE_INITIAL | HEADING));
  });
}

/** Whether a rare form may be a misspelling at all, whatever the common forms: asked before looking for any. */
function mayMisspell(rare: Entity): boolean {
  if (confusableKnownNames().has(rare.folded) || commonWords().has(rare.folded)) return false;
  // A form only ever seen with a typographic capital may be an ordinary word.
  return !rare.mentions.every((m) => m.mention.flags & (SENTENCE_INITIAL | HEADING));
}

/** The common form a rare form may misspell: the most used of the candidates that pass every gate. */
function bestMatch(rare: Entity, candidates: readonly Entity[], config: LintConfig): Entity | undefined {
  let best: Entity | undefined;
  for (const candidate of candidates) {
    const a = rare.folded;
    const b = candidate.folded;
    if (a === b || differsOnlyInEnding(a, b)) continue;
    if (editDistance(a, b, maxEdits(a, b)) > maxEdits(a, b) || jaroWinkler(a, b) < MIN_JARO_WINKLER) continue;
    if (builtInDistinct(a, b) || declaredDistinct(config, rare.mentions[0]!.mention.text, candidate.mentions[0]!.mention.text)) continue;
    if (!contextAgrees(rare, candidate)) continue;
    if (!best || candidate.mentions.length > best.mentions.length) best = candidate;
  }
  return best;
}

/** The findings of a rare form that may misspell `best`, by uri. */
function typoFindings(ruleId: string, severity: Severity, rare: Entity, best: Entity): (readonly [string, Finding])[] {
  const found: (readonly [string, Finding])[] = [];
  const target = best.mentions[0]!.mention.text;
  for (const m of rare.mentions) {
    const first = [...best.mentions].sort(compareMentions)[0]!;
    const finding: Finding = {
      ruleId,
      severity,
      message: `"${m.mention.text}" may be a misspelling of "${target}" (${best.mentions.length}× in this document set, first on ${where(first.doc, first.start, m.doc)}).`,
      range: [m.start, m.end],
      related: best.mentions.slice(0, 5).map((p) => ({ uri: p.doc.uri, range: [p.start, p.end], message: `"${target}" (${where(p.doc, p.start, m.doc)})` })),
      fixes: [{ title: `Change to "${target}"`, edits: [{ range: [m.start, m.end], newText: target }], safe: false }],
    };
    found.push([m.doc.uri, finding]);
  }
  return found;
}

export const possibleNameTypo: SetRule = {
  id: 'possible-name-typo',
  scope: 'set',
  check(documents: DocumentSet, context: RuleContext): Map<string, Finding[]> {
    const findings = new Map<string, Finding[]>();
    const entities: Entity[] = [];
    const names = nameIndex(documents);
    // A one-off index gives new groups every run: nothing to memoise. A patched draft's index keeps groups, but
    // their mentions move: entities, the word index and verdicts (words only) carry over, findings (positions) do not.
    const memoise = names.carriesOver === true;
    const keep = names.keepsGroups === true;
    // Entities whose mentions moved since the last run: their words hold, their hints' positions do not.
    const movedNow = new Set<Entity>();
    for (const entity of entitiesOf(names, keep, movedNow)) if (entity) entities.push(entity);
    // Only people's surnames: a capitalised common noun ("Employment") is no name to misspell.
    const common = entities.filter((e) => (e.common ??= e.mentions.length >= MIN_COMMON && isSurname(e)));
    if (common.length === 0) return findings;
    const index = wordIndex(common, keep);
    const byWord = new Map<string, Entity[]>();
    const rank = new Map<Entity, number>();
    for (const entity of common) {
      rank.set(entity, rank.size);
      const list = byWord.get(entity.folded);
      if (list) list.push(entity);
      else byWord.set(entity.folded, [entity]);
    }
    const fingerprint = configFingerprint(context.config);
    for (const rare of entities) {
      if (rare.mentions.length > MAX_RARE || !(rare.plausible ??= mayMisspell(rare))) continue;
      const candidates = candidatesOf(reachOf(rare, index, keep), byWord, rank);
      let verdict = rare.verdict;
      if (!verdict || verdict.config !== fingerprint || !sameItems(verdict.candidates, candidates)) {
        verdict = { config: fingerprint, candidates, best: bestMatch(rare, candidates, context.config) };
        if (keep) rare.verdict = verdict;
      }
      if (!verdict.best) continue;
      let judged = rare.judged;
      // Findings hold the positions of both forms' mentions: made again when either moved.
      if (!judged || judged.verdict !== verdict || judged.severity !== context.severity || movedNow.has(rare) || movedNow.has(verdict.best)) {
        judged = { verdict, severity: context.severity, found: typoFindings(this.id, context.severity, rare, verdict.best) };
        if (memoise) rare.judged = judged;
      }
      for (const [uri, finding] of judged.found) {
        const list = findings.get(uri);
        if (list) list.push(finding);
        else findings.set(uri, [finding]);
      }
    }
    return findings;
  },
};
