/**
 * The JSON Schema of project config files, generated from the engine's own
 * validation table and rule registry so that the editor's completion and
 * squiggles in `.policylint.json` / `.policylint.yaml` can never drift from
 * what policylint accepts. `npm run sync:manifest` writes it to
 * `client/schemas/policylint.schema.json`; a test checks it is current.
 */
import { SECTIONS, type FieldKind } from '../engine/config';
import { RULES } from '../engine/rules/registry';

/** Where the generated schema lives, relative to the repository (and extension) root. */
export const SCHEMA_PATH = 'client/schemas/policylint.schema.json';

const DESCRIPTIONS: Record<string, string> = {
  'repeated.minWords': 'Paragraphs with fewer words are never compared (default 8).',
  'repeated.similarity': 'Share of words that must line up for two paragraphs to be near copies, above 0 and at most 1 (default 0.8).',
  'repeated.allow': 'Boilerplate paragraphs (disclaimers, navigation) that may repeat freely.',
  'claims.vagueSources': 'Extra phrases that name no one ("people familiar with the matter").',
  'claims.trustedSources': 'Extra names that count as a source ("Brookings", "the Panel").',
  'claims.reportingVerbs': 'Extra verbs that report what a source said ("opined").',
  'names.preferred': 'Forms to prefer when a name is written several ways ("Zelenskyy", "U.S.").',
  'names.distinct': 'Groups of forms that are different names, never variants ([["Walz", "Waltz"]]).',
  'acronyms.known': 'Acronyms that need no definition in this project.',
};

function fieldSchema(kind: FieldKind, description: string | undefined): Record<string, unknown> {
  const base = description === undefined ? {} : { description };
  switch (kind) {
    case 'ratio':
      return { ...base, type: 'number', exclusiveMinimum: 0, maximum: 1 };
    case 'count':
      return { ...base, type: 'integer', minimum: 1 };
    case 'strings':
      return { ...base, type: 'array', items: { type: 'string' } };
    case 'stringGroups':
      return { ...base, type: 'array', items: { type: 'array', items: { type: 'string' } } };
  }
}

/** The JSON Schema (draft-07, which VS Code and yaml-language-server both read) of a project config file. */
export function configSchema(): Record<string, unknown> {
  const severity = { enum: ['error', 'warning', 'info', 'hint', 'off'] };
  const properties: Record<string, unknown> = {
    rules: {
      description: 'Severity per rule id; rules not listed keep their default.',
      type: 'object',
      properties: Object.fromEntries(
        RULES.map((rule) => [rule.id, { ...severity, description: `${rule.description} Default: ${rule.defaultSeverity}.` }]),
      ),
      additionalProperties: false,
    },
  };
  for (const [section, fields] of Object.entries(SECTIONS)) {
    properties[section] = {
      type: 'object',
      properties: Object.fromEntries(
        Object.entries(fields).map(([field, kind]) => [field, fieldSchema(kind, DESCRIPTIONS[`${section}.${field}`])]),
      ),
      additionalProperties: false,
    };
  }
  properties.ignore = { description: 'Globs (gitignore syntax, relative to this file) of files never linted.', type: 'array', items: { type: 'string' } };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'policylint project configuration (.policylint.yaml / .policylint.json)',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}
