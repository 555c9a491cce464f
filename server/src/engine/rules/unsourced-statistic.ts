/**
 * unsourced-statistic: a figure stated as fact (a percentage, an amount, a
 * count, a change such as "doubled", a rank such as "the world's largest")
 * with no citation, "according to" or named source in reach.
 */
import { claimFindings } from '../claims/findings';
import type { ParsedDocument } from '../document/model';
import type { Finding } from '../types';
import type { RuleContext, SetRule } from './rule';

export const unsourcedStatistic: SetRule = {
  id: 'unsourced-statistic',
  scope: 'set',
  // A set rule so a "Source:" line under a figure can credit it; the analysis is cached per paragraph.
  check(documents: readonly ParsedDocument[], context: RuleContext): Map<string, Finding[]> {
    return claimFindings(documents, context, 'unsourced-statistic');
  },
};
