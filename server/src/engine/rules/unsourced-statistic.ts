/**
 * unsourced-statistic: a figure stated as fact (a percentage, an amount, a
 * count, a change such as "doubled", a rank such as "the world's largest")
 * with no citation, "according to" or named source in reach.
 */
import { documentClaimFindings } from '../claims/findings';
import type { ParsedDocument } from '../document/model';
import type { Finding } from '../types';
import type { DocumentRule, RuleContext } from './rule';

export const unsourcedStatistic: DocumentRule = {
  id: 'unsourced-statistic',
  scope: 'document',
  // A document rule so a "Source:" line under a figure can credit it; the analysis is cached per paragraph.
  check(doc: ParsedDocument, context: RuleContext): Finding[] {
    return documentClaimFindings(doc, context, 'unsourced-statistic');
  },
};
