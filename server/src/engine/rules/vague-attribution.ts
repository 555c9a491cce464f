/**
 * vague-attribution: a claim credited to nobody in particular ("experts say",
 * "critics argue", "it is widely believed", "studies show", "reportedly").
 * A citation in reach silences it; naming the body ("Pentagon officials")
 * makes the source real.
 */
import { documentClaimFindings } from '../claims/findings';
import type { ParsedDocument } from '../document/model';
import type { Finding } from '../types';
import type { DocumentRule, RuleContext } from './rule';

export const vagueAttribution: DocumentRule = {
  id: 'vague-attribution',
  scope: 'document',
  // A document rule so a "Source:" paragraph can credit the block before it; the analysis is cached per paragraph.
  check(doc: ParsedDocument, context: RuleContext): Finding[] {
    return documentClaimFindings(doc, context, 'vague-attribution');
  },
};
