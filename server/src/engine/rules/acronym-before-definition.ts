/**
 * acronym-before-definition: an acronym used before the "Full Name (ACR)"
 * that defines it, in the same document. The reader meets the bare acronym
 * first, so the definition comes too late. Headings, quotations and cited
 * titles are not uses.
 */
import { acronymUsage } from '../names/acronym-uses';
import { where } from '../names/consistency';
import { nameIndex, type DocumentNames } from '../names/index';
import type { Finding, Severity } from '../types';
import type { DocumentSet, RuleContext, SetRule } from './rule';

/** Findings per document of the previous runs: an incrementally updated index keeps the entries of unchanged documents. */
const previous = new WeakMap<DocumentNames, { readonly severity: Severity; readonly list: readonly Finding[] }>();

export const acronymBeforeDefinition: SetRule = {
  id: 'acronym-before-definition',
  scope: 'set',
  check(documents: DocumentSet, context: RuleContext): Map<string, Finding[]> {
    const findings = new Map<string, Finding[]>();
    for (const names of nameIndex(documents).documents) {
      const cached = previous.get(names);
      if (cached && cached.severity === context.severity) {
        if (cached.list.length > 0) findings.set(names.doc.uri, [...cached.list]);
        continue;
      }
      const { uses, definitions } = acronymUsage(names);
      const list: Finding[] = [];
      for (const [key, defs] of definitions) {
        const first = defs[0]!;
        const early = (uses.get(key) ?? []).filter((m) => m.end <= first.start);
        const use = early[0];
        if (!use) continue;
        const { acronym, long } = first.definition;
        const defined = names.doc.text.slice(first.start, first.end);
        list.push({
          ruleId: this.id,
          severity: context.severity,
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
      previous.set(names, { severity: context.severity, list });
      if (list.length > 0) findings.set(names.doc.uri, [...list]);
    }
    return findings;
  },
};
