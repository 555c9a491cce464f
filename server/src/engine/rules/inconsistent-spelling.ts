/**
 * inconsistent-spelling: one word spelled two ways in the document set:
 * British and American spelling (defence/defense, organisation/organization),
 * hyphenation (ceasefire/cease-fire/cease fire, cyber-security/cybersecurity)
 * and lexical variants (adviser/advisor). Proper names keep their own
 * spelling ("Ministry of Defence"), so capitalised words inside a sentence
 * are never read as variants.
 */
import type { ParsedDocument } from '../document/model';
import { reportGroup, type ConsistencyWording } from '../names/consistency';
import { nameIndex } from '../names/index';
import type { Finding } from '../types';
import type { RuleContext, SetRule } from './rule';

const VARIETY: Readonly<Record<string, string>> = { uk: 'British', us: 'American' };

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
  check(documents: readonly ParsedDocument[], context: RuleContext): Map<string, Finding[]> {
    const findings = new Map<string, Finding[]>();
    for (const group of nameIndex(documents).byKey.values()) {
      if (group.length < 2 || group[0]!.mention.kind !== 'spelling') continue;
      reportGroup(this.id, context.severity, context.config, group, wording, findings);
    }
    return findings;
  },
};
