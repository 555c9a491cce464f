import { Linter, resolveConfig, RULE_IDS, type Finding, type LintConfig, type SourceDocument } from '../../server/src/engine/index';

export const NAME_RULES = [
  'inconsistent-name',
  'inconsistent-spelling',
  'possible-name-typo',
  'acronym-before-definition',
  'acronym-redefined',
  'acronym-undefined',
] as const;

/** A configuration with only the name rules on (plus `extra` settings). */
export function namesConfig(extra: Record<string, unknown> = {}): LintConfig {
  const rules: Record<string, string> = {};
  for (const id of RULE_IDS) if (!(NAME_RULES as readonly string[]).includes(id)) rules[id] = 'off';
  const { config, problems } = resolveConfig({ ...extra, rules: { ...rules, ...((extra.rules as Record<string, string>) ?? {}) } });
  if (problems.length > 0) throw new Error(JSON.stringify(problems));
  return config;
}

/** The findings of one rule per document uri, linting `docs` together. */
export function findingsOf(ruleId: string, docs: readonly SourceDocument[], config = namesConfig()): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const result of new Linter().lint(docs, config)) out.set(result.uri, result.findings.filter((f) => f.ruleId === ruleId));
  return out;
}

/** The text each finding covers, in order. */
export function covered(text: string, findings: readonly Finding[]): string[] {
  return findings.map((f) => text.slice(f.range[0], f.range[1]));
}

/** All findings of the six name rules on `docs`. */
export function allNameFindings(docs: readonly SourceDocument[], config = namesConfig()): Finding[] {
  return new Linter().lint(docs, config).flatMap((r) => r.findings.filter((f) => (NAME_RULES as readonly string[]).includes(f.ruleId)));
}
