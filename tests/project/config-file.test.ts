import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, resolveConfig } from '../../server/src/engine';
import {
  findConfigFile,
  hasConfigErrors,
  loadConfigFile,
  MAX_CONFIG_BYTES,
  parseConfigText,
  type ConfigFileResult,
} from '../../server/src/project/config-file';

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'policylint-config-'));
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function tempDir(): string {
  return mkdtempSync(path.join(scratch, 'case-'));
}
function write(dir: string, relative: string, content: string | Buffer): string {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

/** Each problem as [severity, the text its range covers, message], which shows exactly where it points. */
function located(result: ConfigFileResult): [string, string, string][] {
  return result.problems.map((p) => [p.severity, result.text.slice(p.range[0], p.range[1]), p.message]);
}

describe('findConfigFile', () => {
  it('finds the nearest config file, searching upward', async () => {
    const root = tempDir();
    const outer = write(root, '.policylint.yaml', 'rules: {}\n');
    const inner = write(root, 'a/b/.policylint.json', '{}');
    mkdirSync(path.join(root, 'a/b/c/d'), { recursive: true });
    expect(await findConfigFile(path.join(root, 'a/b/c/d'))).toEqual({ path: inner, warnings: [] });
    expect(await findConfigFile(path.join(root, 'a/b'))).toEqual({ path: inner, warnings: [] });
    expect(await findConfigFile(path.join(root, 'a'))).toEqual({ path: outer, warnings: [] });
  });

  it('stops at stopDir, inclusive', async () => {
    const root = tempDir();
    write(root, '.policylint.yaml', 'rules: {}\n');
    const workspace = path.join(root, 'ws');
    mkdirSync(path.join(workspace, 'docs'), { recursive: true });
    expect(await findConfigFile(path.join(workspace, 'docs'), workspace)).toBeUndefined();
    const own = write(workspace, '.policylint.yml', '');
    expect(await findConfigFile(path.join(workspace, 'docs'), workspace)).toEqual({ path: own, warnings: [] });
  });

  it('searches on to the root when startDir is not inside stopDir', async () => {
    const root = tempDir();
    const config = write(root, '.policylint.yaml', '');
    mkdirSync(path.join(root, 'elsewhere'));
    mkdirSync(path.join(root, 'ws'));
    expect(await findConfigFile(path.join(root, 'elsewhere'), path.join(root, 'ws'))).toEqual({ path: config, warnings: [] });
  });

  it('prefers .yaml, then .yml, then .json in one folder, and warns about the others', async () => {
    const dir = tempDir();
    write(dir, '.policylint.json', '{}');
    const yml = write(dir, '.policylint.yml', '');
    expect(await findConfigFile(dir)).toEqual({
      path: yml,
      warnings: [`${path.join(dir, '.policylint.json')} is ignored: .policylint.yml in the same folder takes precedence`],
    });
    const yaml = write(dir, '.policylint.yaml', '');
    const found = await findConfigFile(dir);
    expect(found?.path).toBe(yaml);
    expect(found?.warnings).toEqual([
      `${path.join(dir, '.policylint.yml')} is ignored: .policylint.yaml in the same folder takes precedence`,
      `${path.join(dir, '.policylint.json')} is ignored: .policylint.yaml in the same folder takes precedence`,
    ]);
  });

  it('returns a directory named like a config file, so that loading it reports the mistake', async () => {
    const root = tempDir();
    write(root, '.policylint.yaml', 'rules: {}\n');
    const dir = path.join(root, 'sub');
    mkdirSync(path.join(dir, '.policylint.yaml'), { recursive: true });
    const found = await findConfigFile(dir);
    expect(found?.path).toBe(path.join(dir, '.policylint.yaml'));
    const loaded = await loadConfigFile(found!.path);
    expect(loaded.config).toBeUndefined();
    expect(loaded.problems).toEqual([{ message: 'cannot read the configuration: it is a directory', severity: 'error', range: [0, 0] }]);
  });
});

describe('loadConfigFile', () => {
  it('reads YAML into unvalidated input that resolveConfig accepts', async () => {
    const dir = tempDir();
    const file = write(
      dir,
      '.policylint.yaml',
      [
        '# project settings',
        'rules:',
        '  repeated-word: error',
        '  repeated-sentence: off',
        'repeated:',
        '  minWords: 12',
        '  allow:',
        '    - "This report is provided for information only."',
        'ignore: [archive/, "*.tmp.md"]',
        '',
      ].join('\n'),
    );
    const result = await loadConfigFile(file);
    expect(result.problems).toEqual([]);
    expect(hasConfigErrors(result)).toBe(false);
    const { config, problems } = resolveConfig(result.config);
    expect(problems).toEqual([]);
    expect(config.rules).toEqual({ 'repeated-word': 'error', 'repeated-sentence': 'off' });
    expect(config.repeated).toEqual({ minWords: 12, similarity: 0.8, allow: ['This report is provided for information only.'] });
    expect(config.ignore).toEqual(['archive/', '*.tmp.md']);
  });

  it('reads JSON the same way', async () => {
    const file = write(tempDir(), '.policylint.json', '{\n\t"rules": { "repeated-word": "info" },\n\t"acronyms": { "known": ["NATO"] }\n}\n');
    const result = await loadConfigFile(file);
    expect(result.problems).toEqual([]);
    expect(result.config).toEqual({ rules: { 'repeated-word': 'info' }, acronyms: { known: ['NATO'] } });
  });

  it('treats an empty file or one with only comments as setting nothing', () => {
    expect(parseConfigText('', '.policylint.yaml')).toMatchObject({ config: {}, problems: [] });
    expect(parseConfigText('# nothing yet\n', '.policylint.yaml')).toMatchObject({ config: {}, problems: [] });
  });

  it('refuses binary, oversized and missing files with one problem at [0, 0]', async () => {
    const dir = tempDir();
    const binary = await loadConfigFile(write(dir, 'binary.yaml', Buffer.from('rules:\u0000\n')));
    const huge = await loadConfigFile(write(dir, 'huge.yaml', Buffer.alloc(MAX_CONFIG_BYTES + 1, 0x20)));
    const missing = await loadConfigFile(path.join(dir, 'missing.yaml'));
    expect([binary, huge, missing].map((r) => [r.config, r.text, r.problems])).toEqual([
      [undefined, '', [{ message: 'configuration file is binary, not YAML or JSON text', severity: 'error', range: [0, 0] }]],
      [undefined, '', [{ message: 'configuration file is larger than 1 MB', severity: 'error', range: [0, 0] }]],
      [undefined, '', [{ message: 'cannot read the configuration: no such file or directory', severity: 'error', range: [0, 0] }]],
    ]);
  });

  it.skipIf(process.platform === 'win32')('reports a dangling link as unreadable rather than skipping it', async () => {
    const dir = tempDir();
    symlinkSync('nowhere.yaml', path.join(dir, '.policylint.yaml'));
    const found = await findConfigFile(dir);
    expect(found?.path).toBe(path.join(dir, '.policylint.yaml'));
    const result = await loadConfigFile(found!.path);
    expect(result.problems.map((p) => p.message)).toEqual(['cannot read the configuration: no such file or directory']);
  });

  // Root reads any file regardless of its mode.
  it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')('reports an unreadable file', async () => {
    const file = write(tempDir(), '.policylint.yaml', 'rules: {}\n');
    chmodSync(file, 0o000);
    try {
      const result = await loadConfigFile(file);
      expect(result.problems.map((p) => [p.message, p.range])).toEqual([['cannot read the configuration: permission denied', [0, 0]]]);
    } finally {
      chmodSync(file, 0o644);
    }
  });

  it('keeps a BOM in the text so ranges index the file as stored', async () => {
    const file = write(tempDir(), '.policylint.yaml', '\uFEFFrules:\n  repeated-word: loud\n');
    const result = await loadConfigFile(file);
    expect(result.text.charCodeAt(0)).toBe(0xfeff);
    expect(result.problems.map((p) => p.range)).toEqual([[25, 29]]);
    expect(located(result)[0]![1]).toBe('loud');
  });
});

describe('parseConfigText problems', () => {
  it('points a bad severity at the value, and an unknown rule at its key', () => {
    const text = 'rules:\n  repeated-word: loud\n  no-such-rule: error\n';
    const result = parseConfigText(text, '.policylint.yaml');
    expect(result.problems.map((p) => p.range)).toEqual([
      [24, 28],
      [31, 43],
    ]);
    expect(located(result)).toEqual([
      ['error', 'loud', expect.stringMatching(/^severity of "repeated-word" must be one of error, warning, info, hint, off, not "loud"$/)],
      ['warning', 'no-such-rule', expect.stringMatching(/^unknown rule "no-such-rule"; known rules: .*repeated-word/)],
    ]);
    // Still usable: resolveConfig keeps the default for the bad key.
    expect(result.config).toEqual({ rules: { 'repeated-word': 'loud', 'no-such-rule': 'error' } });
    expect(hasConfigErrors(result)).toBe(true);
    expect(resolveConfig(result.config).config.rules).toEqual({});
  });

  it('points at every kind of wrong value, and at unknown keys in sections and at the top', () => {
    const text = [
      'repeated:',
      '  minWords: 0',
      '  similarity: "high"',
      '  colour: blue',
      'claims: 3',
      'names:',
      '  distinct: [Walz, Waltz]',
      'ignore: archive/',
      'extends: base.yaml',
      '',
    ].join('\n');
    expect(located(parseConfigText(text, 'p.yaml'))).toEqual([
      ['error', '0', '"repeated.minWords" must be a whole number of at least 1'],
      ['error', '"high"', '"repeated.similarity" must be a number above 0 and at most 1'],
      ['warning', 'colour', 'unknown setting "repeated.colour"; known: minWords, similarity, allow'],
      ['error', '3', '"claims" must be an object with vagueSources, trustedSources, reportingVerbs'],
      ['error', '[Walz, Waltz]', '"names.distinct" must be a list of lists of strings'],
      ['error', 'archive/', '"ignore" must be a list of strings'],
      ['warning', 'extends', expect.stringMatching(/^unknown setting "extends"; known: rules, /)],
    ]);
  });

  it('tells a flat dotted key from the same path nested', () => {
    const text = 'repeated:\n  minWords: 0\nrepeated.minWords: 5\n';
    expect(located(parseConfigText(text, 'p.yaml'))).toEqual([
      ['error', '0', '"repeated.minWords" must be a whole number of at least 1'],
      ['warning', 'repeated.minWords', expect.stringMatching(/^unknown setting "repeated.minWords"; known: rules,/)],
    ]);
  });

  it('underlines a whole block value without the blank lines and comments after it', () => {
    const text = 'rules:\n  - repeated-word\n  - repeated-sentence\n\n# later\nignore: []\n';
    expect(located(parseConfigText(text, 'p.yaml'))).toEqual([
      ['error', '- repeated-word\n  - repeated-sentence', '"rules" must map rule ids to a severity'],
    ]);
  });

  it('points at the key when the value is missing', () => {
    expect(located(parseConfigText('rules:\nignore: []\n', 'p.yaml'))).toEqual([
      ['error', 'rules', '"rules" must map rule ids to a severity'],
    ]);
  });

  it('rejects a document that is not a mapping, using no settings from it', () => {
    const result = parseConfigText('- repeated-word\n- repeated-sentence\n', 'p.yaml');
    expect(result.config).toBeUndefined();
    expect(located(result)).toEqual([
      ['error', '- repeated-word\n- repeated-sentence', 'configuration must be a mapping of settings (key: value)'],
    ]);
    expect(located(parseConfigText('just words', 'p.yaml'))).toEqual([
      ['error', 'just words', 'configuration must be a mapping of settings (key: value)'],
    ]);
  });

  it('ranges JSON problems the same way, quotes included', () => {
    const text = '{\n  "rules": { "repeated-word": "loud", "nope": "off" },\n  "repeated": { "similarity": 2 }\n}\n';
    expect(located(parseConfigText(text, '.policylint.json'))).toEqual([
      ['error', '"loud"', expect.stringContaining('severity of "repeated-word"')],
      ['warning', '"nope"', expect.stringContaining('unknown rule "nope"')],
      ['error', '2', '"repeated.similarity" must be a number above 0 and at most 1'],
    ]);
  });

  it('reports an unresolved tag as a warning and never builds anything from it', () => {
    const text = 'rules: !!js/function "function () { return 1 }"\n';
    const result = parseConfigText(text, 'p.yaml');
    expect(located(result)).toEqual([
      ['warning', '!!js/function', 'Unresolved tag: tag:yaml.org,2002:js/function'],
      ['error', '"function () { return 1 }"', '"rules" must map rule ids to a severity'],
    ]);
    expect(result.config).toEqual({ rules: 'function () { return 1 }' });
  });

  it('reports names every object inherits as unknown keys and drops them, at the top and in sections', () => {
    const text = '__proto__:\n  polluted: true\nconstructor: 1\nrepeated:\n  toString: 3\n  minWords: 9\nrules:\n  hasOwnProperty: error\n';
    const result = parseConfigText(text, 'p.yaml');
    expect(located(result)).toEqual([
      ['warning', '__proto__', 'unknown setting "__proto__"'],
      ['warning', 'constructor', 'unknown setting "constructor"'],
      ['warning', 'toString', 'unknown setting "repeated.toString"'],
      ['warning', 'hasOwnProperty', 'unknown setting "rules.hasOwnProperty"'],
    ]);
    expect(result.config).toEqual({ repeated: { minWords: 9 }, rules: {} });
    expect(Object.getPrototypeOf(result.config)).toBe(Object.prototype);
    // What is handed on validates without surprises.
    expect(resolveConfig(result.config).problems).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseConfigText syntax errors', () => {
  it('reports YAML syntax errors at their position and returns no config', () => {
    const text = 'rules:\n  repeated-word: "error\n';
    const result = parseConfigText(text, '.policylint.yaml');
    expect(result.config).toBeUndefined();
    // yaml places it at the end of the text, where the quote is missing.
    expect(result.problems).toEqual([{ message: 'Missing closing "quote', severity: 'error', range: [text.length, text.length] }]);
  });

  it('reports a duplicate key at the second occurrence', () => {
    const text = 'rules:\n  repeated-word: error\nrules:\n  repeated-word: off\n';
    const result = parseConfigText(text, 'p.yaml');
    expect(result.config).toBeUndefined();
    expect(located(result)).toEqual([['error', 'rules', 'Map keys must be unique']]);
    expect(result.problems[0]!.range).toEqual([30, 35]);
  });

  it('reports a second document as an error', () => {
    const result = parseConfigText('rules: {}\n---\nrules: {}\n', 'p.yaml');
    expect(result.config).toBeUndefined();
    expect(result.problems.map((p) => p.message)).toEqual(['Source contains multiple documents; please use YAML.parseAllDocuments()']);
  });

  it('reports a bad indentation with its position', () => {
    const text = 'rules:\n  repeated-word: error\n    repeated-sentence: off\n';
    const result = parseConfigText(text, 'p.yaml');
    expect(result.config).toBeUndefined();
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) {
      expect(problem.severity).toBe('error');
      // Somewhere on the badly indented line or the one it continues, not at the start of the file.
      expect(problem.range[0]).toBeGreaterThanOrEqual(text.indexOf('repeated-word'));
    }
  });

  it('holds JSON files to JSON: comments, trailing commas and single quotes are errors at their offset', () => {
    const cases: [string, string, string][] = [
      ['{ "rules": {}, }', '}', 'invalid JSON: expected a double-quoted property name, found "}"'],
      ['{ "rules": {} }\n// note\n', '/', 'invalid JSON: unexpected "/" after the JSON value'],
      ["{ 'rules': {} }", "'", `invalid JSON: expected a double-quoted property name, found "'"`],
      ['{ rules: {} }', 'r', 'invalid JSON: expected a double-quoted property name, found "r"'],
      ['{ "rules": {} ', '', "invalid JSON: expected ',' or '}', found end of file"],
      ['{ "a": "x\\q" }', '\\', 'invalid JSON: invalid escape \\q'],
      ['{ "a": 01 }', '1', "invalid JSON: expected ',' or '}', found \"1\""],
      ['{ "a": tru }', 't', 'invalid JSON: expected a value, found "t"'],
    ];
    for (const [text, at, message] of cases) {
      const result = parseConfigText(text, 'x.json');
      expect(result.config, text).toBeUndefined();
      expect(located(result), text).toEqual([['error', at, message]]);
      expect(() => JSON.parse(text), text).toThrow();
    }
  });

  it('accepts every JSON that JSON.parse accepts, a BOM included', () => {
    for (const text of ['{}', ' {"a":[1,-2.5e3,true,false,null,"\\u00e9\\n\\/"]} ', '\uFEFF{"rules":{}}', '{"a":{"b":[[],{}]}}']) {
      const result = parseConfigText(text, 'x.json');
      expect(result.problems.filter((p) => p.message.startsWith('invalid JSON')), text).toEqual([]);
      expect(result.config, text).toEqual(JSON.parse(text.replace(/^\uFEFF/, '')));
    }
  });

  it('refuses nesting deep enough to exhaust the stack before parsing it, flow or block', () => {
    const message = 'configuration is nested more than 64 levels deep';
    for (const [name, text] of [
      ['p.yaml', `a: ${'['.repeat(50_000)}`],
      ['p.json', `{"a": ${'['.repeat(50_000)}`],
      ['p.yaml', `${'- '.repeat(20_000)}x\n`],
      ['p.yaml', `a: [${'{b: '.repeat(100)}`],
    ] as const) {
      const result = parseConfigText(text, name);
      expect(result.config).toBeUndefined();
      expect(result.problems.map((p) => [p.severity, p.message])).toEqual([['error', message]]);
      expect(result.problems[0]!.range[0]).toBeGreaterThan(0);
    }
  });

  it('accepts nesting a real configuration might use, and ignores brackets in quotes and comments', () => {
    const text = `repeated:\n  allow:\n    - "[[[[${'['.repeat(100)}"\n    - it's [fine]\n# ${'{'.repeat(100)}\nnames:\n  distinct: [[Walz, Waltz], [Lee, Li]]\n`;
    const result = parseConfigText(text, 'p.yaml');
    expect(result.problems).toEqual([]);
    expect(result.config).toMatchObject({ names: { distinct: [['Walz', 'Waltz'], ['Lee', 'Li']] } });
  });

  it('caps the list of syntax problems', () => {
    const result = parseConfigText(Array.from({ length: 40 }, (_, i) => `k${i}: "open\n  : ]`).join('\n'), 'p.yaml');
    expect(result.config).toBeUndefined();
    expect(result.problems.length).toBe(11);
    expect(result.problems[10]!.message).toMatch(/^\d+ more problems not shown$/);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const result = parseConfigText(`${lines.join('\n')}\n`, 'p.yaml');
    expect(result.config).toBeUndefined();
    expect(result.problems).toEqual([{ message: expect.stringMatching(/alias/i), severity: 'error', range: [0, 0] }]);
  });

  it('never throws, whatever the input', () => {
    const inputs = ['\u0000', ':', '? ? ?', '{{{', ']]]', '&a *a', '*undefined', '%YAML 9.9\n---\n', '!<tag:x> y', 'a: !!binary AAAA'];
    for (const text of inputs) {
      for (const name of ['p.yaml', 'p.json']) {
        const result = parseConfigText(text, name);
        expect(result.path).toBe(name);
        for (const problem of result.problems) {
          expect(problem.range[0]).toBeGreaterThanOrEqual(0);
          expect(problem.range[1]).toBeLessThanOrEqual(text.length);
          expect(problem.range[0]).toBeLessThanOrEqual(problem.range[1]);
        }
      }
    }
  });

  it('uses the defaults for anything a syntax error hides', () => {
    const result = parseConfigText('rules: [\n', 'p.yaml');
    expect(resolveConfig(result.config).config).toBe(DEFAULT_CONFIG);
  });
});
