import { lintDocuments, resolveConfig, type Finding, type LintConfig } from '../../server/src/engine/index';
import { doc } from './helpers';

export const CLAIM_RULES = ['vague-attribution', 'unsourced-statistic', 'unattributed-claim'] as const;
export type ClaimRule = (typeof CLAIM_RULES)[number];

/** The claim findings of one document, in position order. */
export function claimFindings(text: string, uri = 'a.md', config?: LintConfig): Finding[] {
  return lintDocuments([doc(uri, text)], config)[0]!.findings.filter((f) => (CLAIM_RULES as readonly string[]).includes(f.ruleId));
}

/** Each claim finding as `rule: highlighted text`, for compact expectations. */
export function summarize(text: string, uri = 'a.md', config?: LintConfig): string[] {
  return claimFindings(text, uri, config).map((f) => `${f.ruleId}: ${text.slice(f.range[0], f.range[1])}`);
}

/** A configuration built through the validator, failing the test on any problem. */
export function config(input: Record<string, unknown>): LintConfig {
  const { config: resolved, problems } = resolveConfig(input);
  if (problems.length > 0) throw new Error(JSON.stringify(problems));
  return resolved;
}
