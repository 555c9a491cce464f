/**
 * repeated-sentence: a sentence of eight or more words that appears earlier
 * in the set, when its paragraph is not already reported as a repeat.
 */
import { analyzeRepeats } from '../repeats/set-analysis';
import type { Finding } from '../types';
import { moreCopies, where } from './repeated-paragraph';
import type { DocumentSet, RuleContext, SetRule } from './rule';

export const repeatedSentence: SetRule = {
  id: 'repeated-sentence',
  scope: 'set',
  check(documents: DocumentSet, context: RuleContext): Map<string, Finding[]> {
    const findings = new Map<string, Finding[]>();
    for (const repeat of analyzeRepeats(documents, context.config).sentences) {
      const first = repeat.earlier[0]!;
      const finding: Finding = {
        ruleId: this.id,
        severity: context.severity,
        message:
          `This sentence repeats a sentence on ${where(first.doc, first.sentence.range[0], repeat.doc)}.` +
          (repeat.total > 1 ? ` ${moreCopies(repeat.total - 1, repeat.earlier.length - 1)}` : ''),
        range: repeat.sentence.range,
        related: repeat.earlier.map((copy) => ({ uri: copy.doc.uri, range: copy.sentence.range, message: 'Earlier copy of this sentence' })),
      };
      const list = findings.get(repeat.doc.uri) ?? [];
      list.push(finding);
      findings.set(repeat.doc.uri, list);
    }
    return findings;
  },
};
