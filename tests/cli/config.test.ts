// Config files, --config, --no-config, --rule and ignore globs, through the built command.
import { mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { byRule, runCli, runJson, SEED, stderrLines, useScratch, write } from './harness';

const tempDir = useScratch('policylint-cli-config-');
const SEED_TEXT = readFileSync(SEED, 'utf8');

const PARA = 'Member states shall publish their annual emission reports before the end of March each year.';
const OTHER = 'The committee reviews every report and may ask for clarifications within sixty days.';

/** A project with the founding draft (two repeated paragraphs, warnings by default) in `docs/`. */
function project(config?: { name: string; text: string }): { dir: string; docs: string } {
  const dir = tempDir();
  write(dir, 'docs/seed.txt', SEED_TEXT);
  if (config) write(dir, config.name, config.text);
  return { dir, docs: path.join(dir, 'docs') };
}

const repeatLevels = (run: ReturnType<typeof runJson>): string[] => byRule(run.results[0], 'repeated-paragraph').map((m) => m.level);

describe('config file discovery', () => {
  it('uses the nearest config file above the working directory', () => {
    const { docs } = project({ name: '.policylint.yaml', text: 'rules:\n  repeated-paragraph: error\n' });
    const run = runJson(['seed.txt'], { cwd: docs });
    expect(run.stderr).toBe('');
    expect(repeatLevels(run)).toEqual(['error', 'error']);
    expect(run.code).toBe(1);
  });

  it('takes the nearest file only, merging nothing from further up', () => {
    const { dir, docs } = project({ name: '.policylint.yaml', text: 'rules:\n  repeated-paragraph: error\n' });
    write(dir, 'docs/.policylint.yml', 'repeated:\n  minWords: 9\n');
    const run = runJson(['seed.txt'], { cwd: docs });
    expect(repeatLevels(run)).toEqual(['warning', 'warning']);
    expect(run.code).toBe(0);
  });

  it('reads .policylint.json', () => {
    const { dir } = project({ name: '.policylint.json', text: '{ "rules": { "repeated-paragraph": "info" } }\n' });
    expect(repeatLevels(runJson(['docs/seed.txt'], { cwd: dir }))).toEqual(['info', 'info']);
  });

  it('prefers YAML over JSON in one folder, and says so', () => {
    const { dir } = project({ name: '.policylint.json', text: '{ "rules": { "repeated-paragraph": "info" } }\n' });
    write(dir, '.policylint.yaml', 'rules:\n  repeated-paragraph: error\n');
    const run = runJson(['docs/seed.txt'], { cwd: dir });
    expect(repeatLevels(run)).toEqual(['error', 'error']);
    expect(stderrLines(run)).toEqual([
      `policylint: warning: ${path.join(dir, '.policylint.json')} is ignored: .policylint.yaml in the same folder takes precedence`,
    ]);
  });

  it('--config uses the named file instead of searching, and --no-config uses none', () => {
    const { dir } = project({ name: '.policylint.yaml', text: 'rules:\n  repeated-paragraph: error\n' });
    write(dir, 'ci/strict.yaml', 'rules:\n  repeated-paragraph: hint\n');
    expect(repeatLevels(runJson(['--config', 'ci/strict.yaml', 'docs/seed.txt'], { cwd: dir }))).toEqual(['hint', 'hint']);
    expect(repeatLevels(runJson(['--no-config', 'docs/seed.txt'], { cwd: dir }))).toEqual(['warning', 'warning']);
  });

  it('exits 2 for a missing --config file, after linting with the defaults', () => {
    const { dir } = project();
    const run = runJson(['--config', 'missing.yaml', 'docs/seed.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(stderrLines(run)).toEqual(['missing.yaml:1:1: error cannot read the configuration: no such file or directory']);
    expect(repeatLevels(run)).toEqual(['warning', 'warning']);
  });

  it('reports a directory named .policylint.yaml instead of silently using the defaults', () => {
    const { dir } = project();
    mkdirSync(path.join(dir, '.policylint.yaml'));
    const run = runJson(['docs/seed.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(stderrLines(run)).toEqual(['.policylint.yaml:1:1: error cannot read the configuration: it is a directory']);
    expect(repeatLevels(run)).toEqual(['warning', 'warning']);
  });
});

describe('--rule', () => {
  it('overrides the config file, rule by rule', () => {
    const { dir } = project({ name: '.policylint.yaml', text: 'rules:\n  repeated-paragraph: error\n  repeated-word: off\n' });
    write(dir, 'docs/word.txt', 'We met with the the minister yesterday.\n');
    const run = runJson(['--rule', 'repeated-paragraph:info', 'docs'], { cwd: dir });
    const seed = run.results.find((r) => r.filePath.endsWith('seed.txt'));
    const word = run.results.find((r) => r.filePath.endsWith('word.txt'));
    expect(byRule(seed, 'repeated-paragraph').map((m) => m.level)).toEqual(['info', 'info']);
    // Not overridden, so the file's "off" stands.
    expect(byRule(word, 'repeated-word')).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('turns a rule off or up with --no-config too', () => {
    const { dir } = project();
    expect(repeatLevels(runJson(['--no-config', '--rule', 'repeated-paragraph:off', 'docs/seed.txt'], { cwd: dir }))).toEqual([]);
    const run = runJson(['--no-config', '--rule', 'repeated-paragraph:error', 'docs/seed.txt'], { cwd: dir });
    expect(repeatLevels(run)).toEqual(['error', 'error']);
    expect(run.code).toBe(1);
  });

  it.each([['no-such-rule:error'], ['repeated-word:loud'], ['repeated-word']])('exits 2 for --rule %s with one line', (rule) => {
    const run = runCli(['--rule', rule, SEED]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(stderrLines(run)).toHaveLength(1);
    expect(stderrLines(run)[0]).toMatch(/^policylint: --rule/);
  });
});

describe('problems in the config file', () => {
  it('reports broken YAML as file:line:col, still lints with the defaults, and exits 2', () => {
    const { dir } = project({ name: '.policylint.yaml', text: 'rules:\n\trepeated-paragraph: error\n' });
    const run = runJson(['docs/seed.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(stderrLines(run)).toEqual(['.policylint.yaml:2:1: error Tabs are not allowed as indentation']);
    // Nothing from the broken file applies: the defaults do.
    expect(repeatLevels(run)).toEqual(['warning', 'warning']);
  });

  it('points at a bad value, keeps the default for it, applies the rest of the file, and exits 2', () => {
    const { dir } = project({ name: '.policylint.yaml', text: 'rules:\n  repeated-paragraph: loud\nrepeated:\n  minWords: 9\n' });
    const run = runJson(['docs/seed.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(stderrLines(run)).toEqual([
      '.policylint.yaml:2:23: error severity of "repeated-paragraph" must be one of error, warning, info, hint, off, not "loud"',
    ]);
    expect(repeatLevels(run)).toEqual(['warning', 'warning']);
  });

  it('warns about unknown keys without failing the run', () => {
    const { dir } = project({ name: '.policylint.yaml', text: 'rules:\n  repeated-paragraph: error\ncolour: blue\n' });
    const run = runJson(['docs/seed.txt'], { cwd: dir });
    expect(stderrLines(run)).toEqual([expect.stringMatching(/^\.policylint\.yaml:3:1: warning unknown setting "colour"; known: /)]);
    expect(repeatLevels(run)).toEqual(['error', 'error']);
    expect(run.code).toBe(1);
  });

  it('reports a JSON syntax error at its line and column', () => {
    const { dir } = project({ name: '.policylint.json', text: '{\n  "rules": { "repeated-paragraph": "error", }\n}\n' });
    const run = runJson(['docs/seed.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(stderrLines(run)).toEqual(['.policylint.json:2:45: error invalid JSON: expected a double-quoted property name, found "}"']);
  });
});

describe('ignore globs', () => {
  function ignoringProject(): string {
    const dir = tempDir();
    write(dir, '.policylint.yaml', 'ignore:\n  - archive/\n  - "*.tmp.md"\n');
    write(dir, 'a.md', `${PARA}\n`);
    write(dir, 'archive/old.md', `${PARA}\n`);
    write(dir, 'notes/x.tmp.md', `${PARA}\n`);
    write(dir, 'notes/b.md', `${OTHER}\n`);
    return dir;
  }

  it('leaves ignored files out of folder walks, and out of cross-file comparison', () => {
    const dir = ignoringProject();
    const run = runJson([], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.results.map((r) => path.relative(dir, r.filePath))).toEqual(['a.md', path.join('notes', 'b.md')]);
    expect(run.results.flatMap((r) => byRule(r, 'repeated-paragraph'))).toEqual([]);
  });

  it('skips an ignored file named on the command line, with a warning', () => {
    const dir = ignoringProject();
    const run = runJson(['a.md', 'archive/old.md'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(stderrLines(run)).toEqual(['policylint: skipped archive/old.md: ignored by .policylint.yaml']);
    expect(run.results.map((r) => path.relative(dir, r.filePath))).toEqual(['a.md']);
  });

  it('exits 2 when every file a glob matches is ignored', () => {
    const dir = ignoringProject();
    const run = runJson(['archive/*.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(stderrLines(run)).toEqual(['policylint: all files matching the pattern "archive/*.md" are ignored by the configuration']);
  });

  it('reads globs relative to the config file, not the working directory', () => {
    const dir = ignoringProject();
    const run = runJson(['.'], { cwd: path.join(dir, 'notes') });
    expect(run.results.map((r) => path.basename(r.filePath))).toEqual(['b.md']);
    const explicit = runJson(['--config', '../.policylint.yaml', '.'], { cwd: path.join(dir, 'notes') });
    expect(explicit.results.map((r) => path.basename(r.filePath))).toEqual(['b.md']);
  });

  it('applies no globs with --no-config', () => {
    const dir = ignoringProject();
    expect(runJson(['--no-config'], { cwd: dir }).results).toHaveLength(4);
  });
});

describe('help', () => {
  it('documents the new options', () => {
    const run = runCli(['--help']);
    for (const flag of ['--config', '--no-config', '--rule', '--fix', '--fix-dry-run', '.policylint.yaml']) expect(run.stdout).toContain(flag);
  });
});
