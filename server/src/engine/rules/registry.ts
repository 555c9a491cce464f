/**
 * Metadata for every rule id the engine knows: ids are stable because users
 * write them in configuration, directives and CI reports.
 */
import type { Severity } from '../types';

export interface RuleMeta {
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line, shown in lists and SARIF `shortDescription`. */
  readonly description: string;
}

export const RULES: readonly RuleMeta[] = [
  {
    id: 'repeated-paragraph',
    defaultSeverity: 'warning',
    description: 'A paragraph repeats an earlier paragraph, exactly or nearly, in this or another file.',
  },
  {
    id: 'repeated-sentence',
    defaultSeverity: 'info',
    description: 'A sentence of eight or more words repeats an earlier sentence.',
  },
  {
    id: 'repeated-word',
    defaultSeverity: 'warning',
    description: 'A word is repeated next to itself ("the the").',
  },
  {
    id: 'invalid-directive',
    defaultSeverity: 'warning',
    description: 'A policylint directive comment names an unknown directive or rule.',
  },
  {
    id: 'vague-attribution',
    defaultSeverity: 'warning',
    description: 'A claim is credited to nobody in particular ("experts say", "it is widely believed").',
  },
  {
    id: 'unsourced-statistic',
    defaultSeverity: 'warning',
    description: 'A figure (percentage, amount, count, change or rank) is stated with no source in reach.',
  },
  {
    id: 'unattributed-claim',
    defaultSeverity: 'info',
    description: 'A cause, consensus, prediction, verdict or motive is stated as fact with no source.',
  },
  {
    id: 'inconsistent-name',
    defaultSeverity: 'warning',
    description: 'One name is written in different forms (Zelenskyy/Zelensky, U.S./US, Mike/Michael Waltz).',
  },
  {
    id: 'inconsistent-spelling',
    defaultSeverity: 'warning',
    description: 'One word is spelled different ways (defence/defense, ceasefire/cease-fire, adviser/advisor).',
  },
  {
    id: 'possible-name-typo',
    defaultSeverity: 'hint',
    description: 'A rare name is one edit from a common one and may be a misspelling (Hegsith/Hegseth).',
  },
  {
    id: 'acronym-before-definition',
    defaultSeverity: 'warning',
    description: 'An acronym is used before the "Full Name (ACR)" that defines it.',
  },
  {
    id: 'acronym-redefined',
    defaultSeverity: 'warning',
    description: 'An acronym is defined twice, or two different ways, in one document.',
  },
  {
    id: 'acronym-undefined',
    defaultSeverity: 'info',
    description: 'An acronym is never defined and is not on the well-known list.',
  },
];

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

/** The metadata of `id`, or undefined for an unknown id. */
export function ruleMeta(id: string): RuleMeta | undefined {
  return RULES.find((rule) => rule.id === id);
}
