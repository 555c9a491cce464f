/**
 * inconsistent-name: one entity written in different forms across the
 * document set: transliteration (Zelenskyy/Zelensky), punctuation and case
 * (U.S./US, NATO/Nato), diacritics (Erdoğan/Erdogan), hyphens in names
 * (Jean-Pierre/Jean Pierre), and nickname against full name (Mike/Michael
 * Waltz). Forms are grouped by deterministic keys only, so every finding is
 * a certain inconsistency; aliases ("United States"/"U.S.") have other keys.
 */
import type { DocumentRef } from '../document/model';
import { variantForms, walkGroups, type ConsistencyWording, type GroupJudge } from '../names/consistency';
import { nameIndex, type DocMention, type NameIndex } from '../names/index';
import type { Finding } from '../types';
import type { DocumentSet, RuleContext, SetRule } from './rule';

const KINDS = new Set(['name', 'acronym', 'compound', 'person']);

/**
 * Two-letter acronyms whose dotted and bare forms name one thing wherever
 * they appear. Other two-letter pairs often name different things in
 * different files ("H.R. 1" the bill, "HR" human resources; "S.D. Fla." the
 * court, "SD" the state), so those are compared within one document only.
 */
const SHARED_SHORT_ACRONYMS = new Set(['N:us', 'N:uk', 'N:eu', 'N:un', 'N:dc']);

function perDocument(key: string, group: readonly DocMention[]): readonly (readonly DocMention[])[] {
  const letters = key.startsWith('N:') ? key.slice(2).replace(/\u0000.*$/, '') : '';
  if (letters.length === 0 || letters.length > 2 || SHARED_SHORT_ACRONYMS.has(key)) return [group];
  const byDoc = new Map<DocumentRef, DocMention[]>();
  for (const m of group) {
    const list = byDoc.get(m.doc);
    if (list) list.push(m);
    else byDoc.set(m.doc, [m]);
  }
  return [...byDoc.values()];
}

/** Whether this rule compares the forms of `group`: two or more mentions of a name, acronym, compound or person. */
function isNameGroup(group: readonly DocMention[]): boolean {
  return group.length >= 2 && KINDS.has(group[0]!.mention.kind);
}

/** The groups of mentions this rule compares: names, acronyms, compounds and people, short acronyms per document. */
export function* nameGroups(index: NameIndex): Generator<readonly DocMention[]> {
  for (const [key, group] of index.byKey) {
    if (!isNameGroup(group)) continue;
    yield* perDocument(key, group);
  }
}

/** A group's inconsistent parts: the group as a whole, or each document's part of a short acronym's (see {@link perDocument}). */
const judge: GroupJudge = (key, group, config) => perDocument(key, group).map((part) => variantForms(part, config));

const wording: ConsistencyWording = {
  message(here, others, scope, preferred, configured, mention) {
    const advice = configured
      ? `use the preferred form "${preferred}" (names.preferred)`
      : mention.mention.kind === 'person'
        ? `use one form of the name ("${preferred}")`
        : `use one form ("${preferred}")`;
    return `"${here}" is also written ${others} ${scope}; ${advice}.`;
  },
  // A nickname may stand for more than one full name ("Bill"): a person checks.
  safe: (mention) => mention.kind !== 'person',
  distinct: true,
};

export const inconsistentName: SetRule = {
  id: 'inconsistent-name',
  scope: 'set',
  check(documents: DocumentSet, context: RuleContext): Map<string, Finding[]> {
    const findings = new Map<string, Finding[]>();
    walkGroups(this.id, context.severity, context.config, nameIndex(documents), isNameGroup, judge, wording, findings);
    return findings;
  },
};
