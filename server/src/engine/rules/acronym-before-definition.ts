/**
 * acronym-before-definition: an acronym used before the "Full Name (ACR)"
 * that defines it, in the same document. The reader meets the bare acronym
 * first, so the definition comes too late. Headings, quotations and cited
 * titles are not uses.
 */
import { detached } from '../document/flatten';
import { acronymUsage, perDocumentCheck } from '../names/acronym-uses';
import { where } from '../names/consistency';
import type { DocumentNames } from '../names/index';
import type { Finding, Severity } from '../types';
import type { DocumentSet, RuleContext, SetRule } from './rule';

const check = perDocumentCheck((names: DocumentNames, severity: Severity): Finding[] => {
  const { uses, definitions } = acronymUsage(names);
  const list: Finding[] = [];
  for (const [key, defs] of definitions) {
    const first = defs[0]!;
    const early = (uses.get(key) ?? []).filter((m) => m.end <= first.start);
    const use = early[0];
    if (!use) continue;
    const { acronym, long } = first.definition;
    // A copy: the findings outlive this version of the text, which a slice would keep alive.
    const defined = detached(names.doc.text.slice(first.start, first.end));
    list.push({
      ruleId: 'acronym-before-definition',
      severity,
      message: `"${use.mention.text}" is used ${early.length === 1 ? 'here' : `${early.length}× (first here)`} before it is defined on ${where(names.doc, first.start, names.doc)} ("${defined}"); define it at its first use.`,
      range: [use.start, use.end],
      related: [{ uri: names.doc.uri, range: [first.start, first.end], message: `Definition of "${acronym}"` }],
      fixes: [
        {
          title: `Define "${acronym}" here`,
          edits: [
            { range: [use.start, use.end], newText: `${long} (${acronym})` },
            { range: [first.start, first.end], newText: acronym },
          ],
          safe: false,
        },
      ],
    });
  }
  return list;
});

export const acronymBeforeDefinition: SetRule = {
  id: 'acronym-before-definition',
  scope: 'set',
  check(documents: DocumentSet, context: RuleContext): Map<string, Finding[]> {
    return check(documents, context.severity);
  },
};
