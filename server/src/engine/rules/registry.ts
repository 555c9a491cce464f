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
];

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

/** The metadata of `id`, or undefined for an unknown id. */
export function ruleMeta(id: string): RuleMeta | undefined {
  return RULES.find((rule) => rule.id === id);
}
