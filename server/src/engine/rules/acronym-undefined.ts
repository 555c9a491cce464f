/**
 * acronym-undefined: an acronym used in a document that never defines it and
 * that a general reader cannot be assumed to know. Well-known acronyms (US,
 * UK, EU, UN, NATO, GDP, ...), `acronyms.known`, Roman numerals, US postal
 * codes, codes with digits (F-35, COVID-19) and shouted common words (NOT)
 * need no definition; dotted abbreviations ("U.S.C.", "H.R.") are citation
 * forms, not acronyms to spell out. Reported once per acronym, at first use.
 */
import { acronymUsage } from '../names/acronym-uses';
import { baseName, configFingerprint } from '../names/consistency';
import { needsDefinition } from '../names/acronyms';
import { nameIndex, type DocDefinition, type DocMention, type DocumentNames } from '../names/index';
import { IN_COMPOUND } from '../names/mentions';
import { isDottedAcronym } from '../names/normalize';
import type { Finding, Fix, Severity } from '../types';
import type { DocumentSet, RuleContext, SetRule } from './rule';

/**
 * Uses that are names or citations, not acronyms a reader needs spelled out:
 * a bill's short title ("the PACT Act"), a designation with a number
 * ("SM - 6") and a code citation between numbers ("33 USC 408", "40 CFR 60").
 */
function isNameOrCitation(text: string, m: DocMention): boolean {
  if (/^\s+Act\b/.test(text.slice(m.end, m.end + 5))) return true;
  // A designation with its number set apart ("SM - 6", "MQ 9").
  if (/^\s*[-\u2013]?\s*\d/.test(text.slice(m.end, m.end + 4))) return true;
  // Markup may stand between the parts of a citation ("33 USC __408_").
  return /\d[\s_*]+$/.test(text.slice(Math.max(0, m.start - 5), m.start)) && /^[\s_*]+\d/.test(text.slice(m.end, m.end + 6));
}

/**
 * Findings per document of the previous runs, with the definitions elsewhere
 * they read: valid while those are the same (an incrementally updated index
 * keeps the entries of unchanged documents).
 */
const previous = new WeakMap<
  DocumentNames,
  { readonly config: string; readonly severity: Severity; readonly read: readonly (readonly [string, DocDefinition | undefined])[]; readonly list: readonly Finding[] }
>();

export const acronymUndefined: SetRule = {
  id: 'acronym-undefined',
  scope: 'set',
  check(documents: DocumentSet, context: RuleContext): Map<string, Finding[]> {
    const findings = new Map<string, Finding[]>();
    const known = new Set(context.config.acronyms.known);
    const index = nameIndex(documents);
    // A definition elsewhere in the set supplies the long form for the fix.
    const elsewhere = new Map<string, DocDefinition>();
    for (const names of index.documents) {
      for (const d of names.definitions) if (!elsewhere.has(d.definition.key)) elsewhere.set(d.definition.key, d);
    }
    for (const names of index.documents) {
      const cached = previous.get(names);
      const fingerprint = configFingerprint(context.config);
      if (cached && cached.config === fingerprint && cached.severity === context.severity && cached.read.every(([key, other]) => elsewhere.get(key) === other)) {
        if (cached.list.length > 0) findings.set(names.doc.uri, [...cached.list]);
        continue;
      }
      const { uses, definedAnywhere } = acronymUsage(names);
      const list: Finding[] = [];
      const read: [string, DocDefinition | undefined][] = [];
      for (const [key, all] of uses) {
        if (definedAnywhere.has(key)) continue;
        const candidates = all.filter(
          // A part of a hyphenated name or designation ("ReLAB-HS", "F-35") is read with its whole.
          (m) => !isDottedAcronym(m.mention.text) && !(m.mention.flags & IN_COMPOUND) && !isNameOrCitation(names.doc.text, m),
        );
        const first = candidates[0];
        if (!first || !needsDefinition(first.mention.text, known)) continue;
        const acronym = first.mention.text;
        const other = elsewhere.get(key);
        read.push([key, other]);
        const count = candidates.length === 1 ? '' : ` (used ${candidates.length}×)`;
        const hint = other
          ? ` It is defined in ${baseName(other.doc.uri)} as "${other.definition.long}".`
          : ` Spell it out at its first use, followed by "(${acronym})".`;
        const fixes: Fix[] = other
          ? [{ title: `Define "${acronym}" here as "${other.definition.long}"`, edits: [{ range: [first.start, first.end], newText: `${other.definition.long} (${acronym})` }], safe: false }]
          : [];
        list.push({
          ruleId: this.id,
          severity: context.severity,
          message: `"${acronym}" is not defined in this document${count}.${hint}`,
          range: [first.start, first.end],
          ...(other ? { related: [{ uri: other.doc.uri, range: [other.start, other.end], message: `Definition of "${other.definition.acronym}"` }] } : {}),
          ...(fixes.length > 0 ? { fixes } : {}),
        });
      }
      previous.set(names, { config: fingerprint, severity: context.severity, read, list });
      if (list.length > 0) findings.set(names.doc.uri, [...list]);
    }
    return findings;
  },
};
