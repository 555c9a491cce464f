/**
 * vague-attribution: a claim credited to nobody in particular ("experts say",
 * "critics argue", "it is widely believed", "studies show", "reportedly").
 * A citation in reach silences it; naming the body ("Pentagon officials")
 * makes the source real.
 */
import { claimFindings } from '../claims/findings';
import type { ParsedDocument } from '../document/model';
import type { Finding } from '../types';
import type { RuleContext, SetRule } from './rule';

export const vagueAttribution: SetRule = {
  id: 'vague-attribution',
  scope: 'set',
  // A set rule so a "Source:" paragraph can credit the block before it; the analysis is cached per paragraph.
  check(documents: readonly ParsedDocument[], context: RuleContext): Map<string, Finding[]> {
    return claimFindings(documents, context, 'vague-attribution');
  },
};
