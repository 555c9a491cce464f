/**
 * unattributed-claim: a cause, consensus, prediction, verdict or motive
 * stated as fact with no source ("X and Y are the main reasons for…", "the
 * sanctions have failed", "which would offer a more practical route").
 * Tuned for precision: only multi-word cues, and any hedge in the clause
 * ("could", "may", "likely") keeps the sentence from counting as fact.
 */
import { documentClaimFindings } from '../claims/findings';
import type { ParsedDocument } from '../document/model';
import type { Finding } from '../types';
import type { DocumentRule, RuleContext } from './rule';

export const unattributedClaim: DocumentRule = {
  id: 'unattributed-claim',
  scope: 'document',
  // A document rule so a "Source:" paragraph can credit the block before it; the analysis is cached per paragraph.
  check(doc: ParsedDocument, context: RuleContext): Finding[] {
    return documentClaimFindings(doc, context, 'unattributed-claim');
  },
};
