/**
 * The resolved configuration the engine runs with, its defaults, and a
 * validator that turns user input (editor settings, project files, CLI
 * flags) into it without ever throwing: bad values are reported with the
 * dotted path of their key and replaced by the value underneath.
 */
import type { Severity, SeveritySetting } from './types';
import { RULE_IDS, ruleMeta } from './rules/registry';

export interface RepeatedConfig {
  /** Paragraphs with fewer words are never compared. */
  readonly minWords: number;
  /** Word-shingle resemblance at which two paragraphs count as near copies (0–1). */
  readonly similarity: number;
  /** Boilerplate paragraphs (disclaimers) that may repeat freely. */
  readonly allow: readonly string[];
}

export interface ClaimsConfig {
  /** Extra phrases that name no one ("people familiar with the matter"). */
  readonly vagueSources: readonly string[];
  /** Extra names that count as a source ("Brookings", "the Panel"). */
  readonly trustedSources: readonly string[];
  /** Extra verbs that report what a source said ("opined"). */
  readonly reportingVerbs: readonly string[];
}

export interface NamesConfig {
  /** Forms to prefer when a name is written several ways ("Zelenskyy"). */
  readonly preferred: readonly string[];
  /** Groups of forms that are different entities, never variants (["Walz", "Waltz"]). */
  readonly distinct: readonly (readonly string[])[];
}

export interface AcronymsConfig {
  /** Acronyms that need no definition in this project. */
  readonly known: readonly string[];
}

export interface LintConfig {
  /** Severity per rule id; a missing id means the rule's default. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly repeated: RepeatedConfig;
  readonly claims: ClaimsConfig;
  readonly names: NamesConfig;
  readonly acronyms: AcronymsConfig;
  /** Globs of files never linted (read by the CLI and the server, not the engine). */
  readonly ignore: readonly string[];
}

/** User input before validation: any shape at all. */
export type PartialLintConfig = { readonly [key: string]: unknown };

/** A problem found while validating configuration input. */
export interface ConfigProblem {
  /** Dotted path of the offending key, e.g. `rules.repeated-word`. */
  readonly path: string;
  readonly message: string;
  /** Unknown keys are warnings; wrong values are errors. */
  readonly severity: 'error' | 'warning';
}

const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

export const DEFAULT_CONFIG: LintConfig = deepFreeze({
  rules: {},
  repeated: { minWords: 8, similarity: 0.8, allow: [] },
  claims: { vagueSources: [], trustedSources: [], reportingVerbs: [] },
  names: { preferred: [], distinct: [] },
  acronyms: { known: [] },
  ignore: [],
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

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

export type FieldKind = 'ratio' | 'count' | 'strings' | 'stringGroups';

/** The shape of every section after `rules`; drives validation, merging and the JSON Schema. */
export const SECTIONS = {
  repeated: { minWords: 'count', similarity: 'ratio', allow: 'strings' },
  claims: { vagueSources: 'strings', trustedSources: 'strings', reportingVerbs: 'strings' },
  names: { preferred: 'strings', distinct: 'stringGroups' },
  acronyms: { known: 'strings' },
} as const satisfies Record<string, Record<string, FieldKind>>;

const FIELD_RULES: Record<FieldKind, { check: (value: unknown) => boolean; expected: string }> = {
  ratio: { check: (v) => typeof v === 'number' && v > 0 && v <= 1, expected: 'a number above 0 and at most 1' },
  count: { check: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1, expected: 'a whole number of at least 1' },
  strings: { check: (v) => Array.isArray(v) && v.every((s) => typeof s === 'string'), expected: 'a list of strings' },
  stringGroups: {
    check: (v) => Array.isArray(v) && v.every((g) => Array.isArray(g) && g.every((s) => typeof s === 'string')),
    expected: 'a list of lists of strings',
  },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates `input` over `base` (the input wins key by key) and returns the
 * merged configuration with every problem found; an invalid value keeps the
 * base value, so linting always goes on.
 */
export function resolveConfig(
  input: unknown,
  base: LintConfig = DEFAULT_CONFIG,
): { config: LintConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  if (input === undefined || input === null) return { config: base, problems };
  if (!isRecord(input)) {
    problems.push({ path: '', message: 'configuration must be an object of settings', severity: 'error' });
    return { config: base, problems };
  }
  const rules: Record<string, SeveritySetting> = { ...base.rules };
  const merged: Record<string, unknown> = { ...base, rules };
  for (const [key, value] of Object.entries(input)) {
    if (key === 'rules') {
      if (!isRecord(value)) {
        problems.push({ path: 'rules', message: '"rules" must map rule ids to a severity', severity: 'error' });
        continue;
      }
      for (const [id, severity] of Object.entries(value)) {
        if (!RULE_IDS.includes(id)) {
          problems.push({ path: `rules.${id}`, message: `unknown rule "${id}"; known rules: ${RULE_IDS.join(', ')}`, severity: 'warning' });
        } else if (!isSeveritySetting(severity)) {
          problems.push({
            path: `rules.${id}`,
            message: `severity of "${id}" must be one of ${SEVERITY_SETTINGS.join(', ')}, not ${JSON.stringify(severity)}`,
            severity: 'error',
          });
        } else {
          rules[id] = severity;
        }
      }
    } else if (key === 'ignore') {
      if (FIELD_RULES.strings.check(value)) merged.ignore = value;
      else problems.push({ path: 'ignore', message: '"ignore" must be a list of strings', severity: 'error' });
    } else if (Object.hasOwn(SECTIONS, key)) {
      const fields: Record<string, FieldKind> = SECTIONS[key as keyof typeof SECTIONS];
      if (!isRecord(value)) {
        problems.push({ path: key, message: `"${key}" must be an object with ${Object.keys(fields).join(', ')}`, severity: 'error' });
        continue;
      }
      const section: Record<string, unknown> = { ...(base as unknown as Record<string, Record<string, unknown>>)[key] };
      for (const [field, fieldValue] of Object.entries(value)) {
        // Own keys only: 'constructor' or '__proto__' must read as unknown, not as inherited members.
        const kind = Object.hasOwn(fields, field) ? fields[field] : undefined;
        if (!kind) {
          problems.push({ path: `${key}.${field}`, message: `unknown setting "${key}.${field}"; known: ${Object.keys(fields).join(', ')}`, severity: 'warning' });
        } else if (!FIELD_RULES[kind].check(fieldValue)) {
          problems.push({ path: `${key}.${field}`, message: `"${key}.${field}" must be ${FIELD_RULES[kind].expected}`, severity: 'error' });
        } else {
          section[field] = fieldValue;
        }
      }
      merged[key] = section;
    } else {
      problems.push({
        path: key,
        message: `unknown setting "${key}"; known: rules, ${Object.keys(SECTIONS).join(', ')}, ignore`,
        severity: 'warning',
      });
    }
  }
  return { config: merged as unknown as LintConfig, problems };
}

export type { Severity, SeveritySetting };
