/**
 * The extension manifest against the engine: every rule is configurable in
 * the settings UI with its real default (`npm run sync:manifest` regenerates
 * it from the registry), and packaging ships bundles only.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../server/src/engine/index';

interface Manifest {
  main: string;
  activationEvents: string[];
  files: string[];
  contributes: {
    configuration: { properties: Record<string, { default?: unknown; properties?: Record<string, { default?: unknown; enum?: string[] }> }> };
    commands: { command: string; title: string; category?: string }[];
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
});
