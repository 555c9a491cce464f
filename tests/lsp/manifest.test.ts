/**
 * The extension manifest against the engine: every rule is configurable in
 * the settings UI with its real default (`npm run sync:manifest` regenerates
 * it from the registry), and packaging ships bundles only.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { resolveConfig, RULES } from '../../server/src/engine/index';
import { configSchema, SCHEMA_PATH } from '../../server/src/project/config-schema';

interface Manifest {
  main: string;
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; description?: string } };
  activationEvents: string[];
  files: string[];
  contributes: {
    configuration: { properties: Record<string, { default?: unknown; properties?: Record<string, { default?: unknown; enum?: string[] }> }> };
    commands: { command: string; title: string; category?: string }[];
    jsonValidation: { fileMatch: string | string[]; url: string }[];
    yamlValidation: { fileMatch: string | string[]; url: string }[];
  };
}

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as Manifest;
const properties = manifest.contributes.configuration.properties;

describe('package.json contributions', () => {
  it('declares a severity setting per registered rule, with the rule default', () => {
    const rules = properties['policylint.rules']!;
    expect(Object.keys(rules.properties!).sort()).toEqual(RULES.map((r) => r.id).sort());
    for (const rule of RULES) {
      expect(rules.properties![rule.id]).toMatchObject({ default: rule.defaultSeverity, enum: ['error', 'warning', 'info', 'hint', 'off'] });
      expect((rules.default as Record<string, string>)[rule.id]).toBe(rule.defaultSeverity);
    }
  });

  it('declares policylint.ignore as a list of globs, empty by default', () => {
    expect(properties['policylint.ignore']).toMatchObject({ type: 'array', items: { type: 'string' }, default: [], scope: 'resource' });
  });

  it('declares enable, trace and the restart, fix-all and lint-workspace commands', () => {
    expect(properties['policylint.enable']!.default).toBe(true);
    expect(properties['policylint.trace.server']).toMatchObject({ default: 'off', enum: ['off', 'messages', 'verbose'] });
    expect(manifest.contributes.commands).toContainEqual({ command: 'policylint.restartServer', title: 'Restart server', category: 'policylint' });
    expect(manifest.contributes.commands).toContainEqual({ command: 'policylint.fixAll', title: 'Fix all safe problems in file', category: 'policylint' });
    expect(manifest.contributes.commands).toContainEqual({ command: 'policylint.lintWorkspace', title: 'Lint workspace', category: 'policylint' });
    // workspaceContains starts the server (and its workspace scan) before any draft is opened.
    expect(manifest.activationEvents).toEqual(['onLanguage:markdown', 'onLanguage:plaintext', 'workspaceContains:**/*.{md,markdown,txt}']);
  });

  it('packages the bundles and no dependencies', () => {
    expect(manifest.files).toEqual(expect.arrayContaining(['client/out/extension.js', 'server/out/server.js']));
    expect(manifest.files).toContain(manifest.main.replace(/^\.\//, ''));
    expect(manifest.files.some((pattern) => pattern.includes('node_modules') || pattern.includes('src'))).toBe(false);
  });

  it('declares the consistency report command and limited support for untrusted workspaces', () => {
    expect(manifest.contributes.commands).toContainEqual({ command: 'policylint.showConsistencyReport', title: 'Show consistency report', category: 'policylint' });
    expect(manifest.capabilities.untrustedWorkspaces).toMatchObject({ supported: 'limited', description: expect.stringMatching(/only rule severities/) });
  });

  it('ships the config schema for .policylint.json and .policylint.yaml, generated from the engine', () => {
    expect(manifest.contributes.jsonValidation).toEqual([{ fileMatch: '.policylint.json', url: `./${SCHEMA_PATH}` }]);
    expect(manifest.contributes.yamlValidation).toEqual([{ fileMatch: ['.policylint.yaml', '.policylint.yml'], url: `./${SCHEMA_PATH}` }]);
    expect(manifest.files).toContain('client/schemas/**');
    const shipped = JSON.parse(readFileSync(new URL(`../../${SCHEMA_PATH}`, import.meta.url), 'utf8')) as unknown;
    // Stale after a new rule or setting until `npm run sync:manifest` is run.
    expect(shipped).toEqual(configSchema());
  });
});

describe('config schema', () => {
  const validate = new Ajv({ allErrors: true, strict: true }).compile(configSchema());

  /** Configs the engine accepts without a problem must pass the schema, and the reverse. */
  const samples: [unknown, boolean][] = [
    [{}, true],
    [{ rules: { 'repeated-word': 'off', 'vague-attribution': 'error' } }, true],
    [{ repeated: { minWords: 12, similarity: 0.9, allow: ['Disclaimer text.'] } }, true],
    [{ names: { preferred: ['Zelenskyy'], distinct: [['Walz', 'Waltz']] }, acronyms: { known: ['CBO'] }, ignore: ['drafts/old/**'] }, true],
    [{ claims: { vagueSources: ['insiders'], trustedSources: ['Brookings'], reportingVerbs: ['opined'] } }, true],
    [{ rules: { 'repeated-word': 'loud' } }, false],
    [{ rules: { 'no-such-rule': 'off' } }, false],
    [{ repeated: { similarity: 1.5 } }, false],
    [{ repeated: { minWords: 0 } }, false],
    [{ names: { distinct: ['Walz', 'Waltz'] } }, false],
    [{ names: { preffered: [] } }, false],
    [{ colour: 'red' }, false],
  ];

  it.each(samples)('agrees with the engine on %j', (sample, valid) => {
    expect(validate(sample)).toBe(valid);
    expect(resolveConfig(sample).problems.length === 0).toBe(valid);
  });
});
