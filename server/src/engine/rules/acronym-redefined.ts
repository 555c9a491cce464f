/**
 * acronym-redefined: an acronym defined more than once in one document, the
 * same way again ("GAO" twice) or two different ways ("CBO" as two bodies).
 * The first definition stands; each later one is reported.
 */
import { acronymUsage, perDocumentCheck, sameLongForm } from '../names/acronym-uses';
import { where } from '../names/consistency';
import type { DocumentNames } from '../names/index';
import type { Finding, Severity } from '../types';
import type { DocumentSet, RuleContext, SetRule } from './rule';

const check = perDocumentCheck((names: DocumentNames, severity: Severity): Finding[] => {
  const list: Finding[] = [];
  for (const defs of acronymUsage(names).definitions.values()) {
    const first = defs[0]!;
    for (const later of defs.slice(1)) {
      const { acronym, long } = later.definition;
      const same = sameLongForm(long, first.definition.long);
      const firstAt = where(names.doc, first.start, names.doc);
      list.push({
        ruleId: 'acronym-redefined',
        severity,
        message: same
          ? `"${acronym}" is defined again; it was already defined on ${firstAt}. Use "${acronym}" alone here.`
          : `"${acronym}" is defined two ways: "${first.definition.long}" on ${firstAt} and "${long}" here. Use one meaning, or another acronym.`,
        range: [later.start, later.end],
        related: [{ uri: names.doc.uri, range: [first.start, first.end], message: `First definition of "${first.definition.acronym}"` }],
        ...(same
          ? { fixes: [{ title: `Replace the repeated definition with "${acronym}"`, edits: [{ range: [later.start, later.end], newText: acronym }], safe: false }] }
          : {}),
      });
    }
  }
  return list;
});

export const acronymRedefined: SetRule = {
  id: 'acronym-redefined',
  scope: 'set',
  check(documents: DocumentSet, context: RuleContext): Map<string, Finding[]> {
    return check(documents, context.severity);
  },
};
