/**
 * Writing names.preferred / names.distinct into project config files: the
 * writer's comments and layout survive, the new setting is the one that
 * applies, broken files are refused untouched, and files are created when
 * missing.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../server/src/engine/index';
import { applyConfigChange, writeConfigChange } from '../../server/src/project/config-edit';
import { parseConfigText } from '../../server/src/project/config-file';

const PREFER_ZELENSKYY = { key: 'names.preferred', value: 'Zelenskyy', replaces: ['Zelensky', 'Zelenskiy'] } as const;
const WALZ_WALTZ = { key: 'names.distinct', value: ['Walz', 'Waltz'] } as const;

const YAML = `# yaml-language-server: $schema=./policylint.schema.json
rules:
  repeated-word: off # too noisy for minutes
names:
  # forms the editors chose
  preferred:
    - NATO
    - Zelensky # before the style guide changed
`;

function edited(text: string, file: string, change: Parameters<typeof applyConfigChange>[2]): string {
  const result = applyConfigChange(text, file, change);
  if (!result.ok) throw new Error(result.error);
  return result.text;
}

/** The settings a config text resolves to, failing on any problem. */
function settingsOf(text: string, file: string) {
  const parsed = parseConfigText(text, file);
  expect(parsed.problems).toEqual([]);
  return resolveConfig(parsed.config).config;
}

describe('applyConfigChange on YAML', () => {
  it('replaces other forms of the name in names.preferred and keeps every comment', () => {
    const text = edited(YAML, '.policylint.yaml', PREFER_ZELENSKYY);
    expect(text).toBe(YAML.replace('    - Zelensky # before the style guide changed\n', '    - Zelenskyy\n'));
    expect(settingsOf(text, '.policylint.yaml').names.preferred).toEqual(['NATO', 'Zelenskyy']);
  });

  it('appends a names.distinct group as a flow list, leaving the rest as written', () => {
    const text = edited(YAML, '.policylint.yaml', WALZ_WALTZ);
    expect(text).toBe(`${YAML}  distinct:\n    - [Walz, Waltz]\n`);
    expect(settingsOf(text, '.policylint.yaml').names.distinct).toEqual([['Walz', 'Waltz']]);
  });

  it('says "unchanged" when the file already holds the setting', () => {
    const once = edited(YAML, '.policylint.yaml', WALZ_WALTZ);
    expect(applyConfigChange(once, '.policylint.yaml', { key: 'names.distinct', value: ['waltz', 'WALZ'] })).toEqual({ ok: true, text: once, changed: false });
    const preferred = edited(YAML, '.policylint.yaml', PREFER_ZELENSKYY);
    expect(applyConfigChange(preferred, '.policylint.yaml', PREFER_ZELENSKYY)).toMatchObject({ changed: false });
  });

  it('fills an empty or comment-only file', () => {
    expect(edited('', '.policylint.yaml', PREFER_ZELENSKYY)).toBe('names:\n  preferred:\n    - Zelenskyy\n');
    const commented = edited('# shared settings\n', '.policylint.yml', WALZ_WALTZ);
    expect(commented.startsWith('# shared settings\n')).toBe(true);
    expect(settingsOf(commented, '.policylint.yml').names.distinct).toEqual([['Walz', 'Waltz']]);
  });

  it('adds a names section to a file without one', () => {
    const text = edited('rules:\n  vague-attribution: error\n', '.policylint.yaml', PREFER_ZELENSKYY);
    const settings = settingsOf(text, '.policylint.yaml');
    expect(settings.rules['vague-attribution']).toBe('error');
    expect(settings.names.preferred).toEqual(['Zelenskyy']);
  });

  it('refuses a file with YAML errors or the wrong shape, naming the problem', () => {
    expect(applyConfigChange('names: [\n', '.policylint.yaml', PREFER_ZELENSKYY)).toMatchObject({ ok: false, error: expect.stringMatching(/YAML errors/) });
    expect(applyConfigChange('- a\n- b\n', '.policylint.yaml', PREFER_ZELENSKYY)).toEqual({ ok: false, error: 'the file is not a mapping of settings' });
    expect(applyConfigChange('names: 3\n', '.policylint.yaml', PREFER_ZELENSKYY)).toEqual({ ok: false, error: '"names" is not a mapping' });
    expect(applyConfigChange('names:\n  preferred: US\n', '.policylint.yaml', PREFER_ZELENSKYY)).toEqual({ ok: false, error: '"names.preferred" is not a list' });
  });
});

describe('applyConfigChange on JSON', () => {
  it('keeps the file\'s indentation and other settings', () => {
    const json = '{\n    "rules": { "repeated-word": "off" }\n}\n';
    const text = edited(json, '.policylint.json', PREFER_ZELENSKYY);
    expect(text).toBe('{\n    "rules": {\n        "repeated-word": "off"\n    },\n    "names": {\n        "preferred": [\n            "Zelenskyy"\n        ]\n    }\n}\n');
    expect(settingsOf(text, '.policylint.json').names.preferred).toEqual(['Zelenskyy']);
  });

  it('refuses JSON that does not parse', () => {
    expect(applyConfigChange('{ "names": ', '.policylint.json', WALZ_WALTZ)).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON/) });
  });
});

describe('writeConfigChange on disk', () => {
  const dirs: string[] = [];
  const scratch = (): string => {
    const dir = mkdtempSync(path.join(tmpdir(), 'policylint-config-edit-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('creates the file when missing, then edits it in place', async () => {
    const file = path.join(scratch(), '.policylint.yaml');
    expect(await writeConfigChange(file, PREFER_ZELENSKYY)).toEqual({ ok: true, changed: true, created: true });
    expect(await writeConfigChange(file, WALZ_WALTZ)).toEqual({ ok: true, changed: true, created: false });
    expect(readFileSync(file, 'utf8')).toBe('names:\n  preferred:\n    - Zelenskyy\n  distinct:\n    - [Walz, Waltz]\n');
    expect(await writeConfigChange(file, WALZ_WALTZ)).toEqual({ ok: true, changed: false, created: false });
  });

  it('leaves a broken file exactly as it was', async () => {
    const file = path.join(scratch(), '.policylint.yaml');
    writeFileSync(file, 'names: [\n# half-typed\n');
    expect(await writeConfigChange(file, PREFER_ZELENSKYY)).toMatchObject({ ok: false });
    expect(readFileSync(file, 'utf8')).toBe('names: [\n# half-typed\n');
  });

  it('reports a directory in the config file\'s place instead of throwing', async () => {
    const file = path.join(scratch(), '.policylint.yaml');
    mkdirSync(file);
    expect(await writeConfigChange(file, PREFER_ZELENSKYY)).toMatchObject({ ok: false, error: expect.any(String) });
  });
});
