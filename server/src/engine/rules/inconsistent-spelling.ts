/**
 * inconsistent-spelling: one word spelled two ways in the document set:
 * British and American spelling (defence/defense, organisation/organization),
 * hyphenation (ceasefire/cease-fire/cease fire, cyber-security/cybersecurity)
 * and lexical variants (adviser/advisor). Proper names keep their own
 * spelling ("Ministry of Defence"), so capitalised words inside a sentence
 * are never read as variants.
 */
import { variantForms, walkGroups, type ConsistencyWording, type GroupJudge } from '../names/consistency';
import { nameIndex, type DocMention, type NameIndex } from '../names/index';
import type { Finding } from '../types';
import type { DocumentSet, RuleContext, SetRule } from './rule';

const VARIETY: Readonly<Record<string, string>> = { uk: 'British', us: 'American' };

/** Whether the rule compares `group`: one word's spellings across the set, written more than once. */
function isSpellingGroup(group: readonly DocMention[]): boolean {
  return group.length >= 2 && group[0]!.mention.kind === 'spelling';
}

/** The groups of mentions this rule compares. */
export function* spellingGroups(index: NameIndex): Generator<readonly DocMention[]> {
  for (const group of index.byKey.values()) if (isSpellingGroup(group)) yield group;
}

/** A spelling group is judged whole. */
const judge: GroupJudge = (_key, group, config) => [variantForms(group, config)];

const wording: ConsistencyWording = {
  message(here, others, scope, preferred, configured, mention) {
    const advice = configured ? `use the preferred "${preferred}" (names.preferred)` : `use one spelling ("${preferred}")`;
    const variety = VARIETY[mention.mention.form];
    if (variety) return `"${here}" is the ${variety} spelling; it is also written ${others} ${scope}; ${advice}.`;
    return `"${here}" is also written ${others} ${scope}; ${advice}.`;
  },
  safe: () => true,
  distinct: false,
};

export const inconsistentSpelling: SetRule = {
  id: 'inconsistent-spelling',
  scope: 'set',
  check(documents: DocumentSet, context: RuleContext): Map<string, Finding[]> {
    const findings = new Map<string, Finding[]>();
    walkGroups(this.id, context.severity, context.config, nameIndex(documents), isSpellingGroup, judge, wording, findings);
    return findings;
  },
};
