/**
 * The resolved configuration the engine runs with, its defaults, and a
 * validator that turns user input (settings, config files) into it without
 * ever throwing: bad values are reported and replaced by defaults.
 */
import type { Severity, SeveritySetting } from './types';
import { RULE_IDS, ruleMeta } from './rules/registry';

export interface RepeatedConfig {
  /** Paragraphs with fewer words are never compared. */
  readonly minWords: number;
}

export interface LintConfig {
  /** Severity per rule id; a missing id means the rule's default. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly repeated: RepeatedConfig;
}

/** User input before validation: every part optional, values unchecked. */
export interface PartialLintConfig {
  readonly rules?: Readonly<Record<string, unknown>>;
  readonly repeated?: { readonly minWords?: unknown };
}

/** A problem found while validating configuration input. */
export interface ConfigProblem {
  /** Dotted path of the offending key, e.g. `rules.repeated-word`. */
  readonly path: string;
  readonly message: string;
}

const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

export const DEFAULT_CONFIG: LintConfig = Object.freeze({
  rules: Object.freeze({}),
  repeated: Object.freeze({ minWords: 8 }),
});

/** Returns true when `value` names a severity setting (`error` … `off`). */
export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value);
}

/** The effective severity of a rule under `config`, or `off`. */
export function ruleSeverity(config: LintConfig, ruleId: string): SeveritySetting {
  return config.rules[ruleId] ?? ruleMeta(ruleId)?.defaultSeverity ?? 'off';
}

/** Whether a rule runs at all under `config`. */
export function isRuleEnabled(config: LintConfig, ruleId: string): boolean {
  return ruleSeverity(config, ruleId) !== 'off';
}

/**
 * Validates `input` over `base` (later layers win) and returns the merged
 * configuration with every problem found; invalid values keep the base value.
 */
export function resolveConfig(
  input: PartialLintConfig | undefined,
  base: LintConfig = DEFAULT_CONFIG,
): { config: LintConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const rules: Record<string, SeveritySetting> = { ...base.rules };
  let minWords = base.repeated.minWords;
  if (input === undefined || input === null) return { config: base, problems };
  if (typeof input !== 'object') {
    problems.push({ path: '', message: 'configuration must be an object' });
    return { config: base, problems };
  }
  if (input.rules !== undefined) {
    if (typeof input.rules !== 'object' || input.rules === null || Array.isArray(input.rules)) {
      problems.push({ path: 'rules', message: '"rules" must map rule ids to a severity' });
    } else {
      for (const [id, value] of Object.entries(input.rules)) {
        if (!RULE_IDS.includes(id)) {
          problems.push({ path: `rules.${id}`, message: `unknown rule "${id}"; known rules: ${RULE_IDS.join(', ')}` });
        } else if (!isSeveritySetting(value)) {
          problems.push({
            path: `rules.${id}`,
            message: `severity of "${id}" must be one of ${SEVERITY_SETTINGS.join(', ')}, not ${JSON.stringify(value)}`,
          });
        } else {
          rules[id] = value;
        }
      }
    }
  }
  if (input.repeated !== undefined) {
    const value = (input.repeated as { minWords?: unknown }).minWords;
    if (value !== undefined) {
      if (typeof value === 'number' && Number.isInteger(value) && value >= 1) minWords = value;
      else problems.push({ path: 'repeated.minWords', message: '"repeated.minWords" must be a whole number of at least 1' });
    }
  }
  return { config: { rules, repeated: { minWords } }, problems };
}

export type { Severity, SeveritySetting };
