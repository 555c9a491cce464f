/**
 * unattributed-claim: a cause, consensus, prediction, verdict or motive
 * stated as fact with no source ("X and Y are the main reasons for…", "the
 * sanctions have failed", "which would offer a more practical route").
 * Tuned for precision: only multi-word cues, and any hedge in the clause
 * ("could", "may", "likely") keeps the sentence from counting as fact.
 */
import { claimFindings } from '../claims/findings';
import type { ParsedDocument } from '../document/model';
import type { Finding } from '../types';
import type { RuleContext, SetRule } from './rule';

export const unattributedClaim: SetRule = {
  id: 'unattributed-claim',
  scope: 'set',
  // A set rule so a "Source:" paragraph can credit the block before it; the analysis is cached per paragraph.
  check(documents: readonly ParsedDocument[], context: RuleContext): Map<string, Finding[]> {
    return claimFindings(documents, context, 'unattributed-claim');
  },
};
