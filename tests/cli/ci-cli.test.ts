// The CI formats and options through the built command, run as a process:
// --format sarif|github|junit|checkstyle, --output-file, --quiet,
// .policylintignore and --ignore-path, and --print-config.
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY } from '../../server/src/cli/formatters/sarif';
import { DEFAULT_CONFIG, RULE_IDS, RULES } from '../../server/src/engine';
import { runCli, runJson, SEED, stderrLines, useScratch, write } from './harness';
import { sarifSchemaErrors } from './sarif-schema';
import { findAll, parseXml } from './xml-tree';

const tempDir = useScratch('policylint-cli-ci-');
const SEED_TEXT = readFileSync(SEED, 'utf8');

const PARA = 'Member states shall publish their annual emission reports before the end of March each year.';
const OTHER = 'The committee reviews every report and may ask for clarifications within sixty days.';

/** Only these rules run (at their default level unless given), so the findings asserted are exactly theirs. */
function only(rules: Record<string, string>): string[] {
  return ['--no-config', ...RULE_IDS.flatMap((id) => ['--rule', `${id}:${rules[id] ?? 'off'}`])];
}
const REPEATS = only({ 'repeated-paragraph': 'warning' });

function seedCopy(name = 'seed.txt'): string {
  const dir = tempDir();
  write(dir, name, SEED_TEXT);
  return dir;
}

const schemaErrors = sarifSchemaErrors();

describe('--format sarif', () => {
  it('prints a schema-valid log with relative URIs and exits by the findings', () => {
    const dir = seedCopy();
    const run = runCli(['--format', 'sarif', 'seed.txt'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const log = JSON.parse(run.stdout) as Sarif.Log;
    expect(schemaErrors(log)).toEqual([]);
    const results = log.runs[0]!.results!;
    const repeats = results.filter((result) => result.ruleId === 'repeated-paragraph');
    expect(repeats.map((result) => result.locations![0]!.physicalLocation!.region!.startLine)).toEqual([4, 5]);
    expect(repeats[0]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'seed.txt', uriBaseId: '%SRCROOT%' });
    expect(log.runs[0]!.tool.driver.rules!.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id));

    const failing = runCli(['--format', 'sarif', ...only({ 'repeated-paragraph': 'error' }), 'seed.txt'], { cwd: dir });
    expect(failing.code).toBe(1);
    expect((JSON.parse(failing.stdout) as Sarif.Log).runs[0]!.results!.map((result) => result.level)).toEqual(['error', 'error']);
  });

  it('relates a cross-file repeat to the other file, and keeps fingerprints when lines are added above', () => {
    const dir = tempDir();
    write(dir, 'a.md', `${PARA}\n`);
    write(dir, 'docs/b.md', `${OTHER}\n\n${PARA}\n`);
    const first = JSON.parse(runCli(['--format', 'sarif', ...REPEATS], { cwd: dir }).stdout) as Sarif.Log;
    const [result] = first.runs[0]!.results!;
    expect(result!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('docs/b.md');
    expect(result!.relatedLocations!.map((related) => related.physicalLocation!.artifactLocation!.uri)).toEqual(['a.md']);

    write(dir, 'docs/b.md', `# Annex\n\nA new opening line.\n\n${OTHER}\n\n${PARA}\n`);
    const second = JSON.parse(runCli(['--format', 'sarif', ...REPEATS], { cwd: dir }).stdout) as Sarif.Log;
    const [moved] = second.runs[0]!.results!;
    expect(moved!.locations![0]!.physicalLocation!.region!.startLine).toBe(result!.locations![0]!.physicalLocation!.region!.startLine! + 4);
    expect(moved!.partialFingerprints![FINGERPRINT_KEY]).toBe(result!.partialFingerprints![FINGERPRINT_KEY]);
  });
});

describe('--format github, junit, checkstyle', () => {
  it('github: one annotation per finding, relative path, rule as title', () => {
    const dir = seedCopy('notes, draft.txt');
    const run = runCli(['--format', 'github', ...REPEATS], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      '::warning file=notes%2C draft.txt,line=4,col=1,endLine=4,endColumn=682,title=repeated-paragraph::This paragraph repeats the paragraph on line 2 (identical).',
      '::warning file=notes%2C draft.txt,line=5,col=1,endLine=5,endColumn=668,title=repeated-paragraph::This paragraph repeats the paragraph on line 3 (identical).',
      '',
    ]);
  });

  it('junit: a test case per file, failures typed by rule', () => {
    const dir = seedCopy();
    write(dir, 'clean.md', `${OTHER}\n`);
    const run = runCli(['--format', 'junit', ...REPEATS], { cwd: dir });
    expect(run.code).toBe(0);
    const cases = findAll(parseXml(run.stdout), 'testcase');
    expect(cases.map((c) => [c.attributes.name, findAll(c, 'failure').map((f) => f.attributes.type)])).toEqual([
      ['clean.md', []],
      ['seed.txt', ['repeated-paragraph', 'repeated-paragraph']],
    ]);
  });

  it('checkstyle: absolute file names and policylint.<rule> sources', () => {
    const dir = seedCopy();
    const run = runCli(['--format', 'checkstyle', ...REPEATS], { cwd: dir });
    expect(run.code).toBe(0);
    const [fileElement] = findAll(parseXml(run.stdout), 'file');
    expect(fileElement!.attributes.name).toBe(path.join(dir, 'seed.txt'));
    expect(findAll(fileElement!, 'error').map((e) => [e.attributes.line, e.attributes.source])).toEqual([
      ['4', 'policylint.repeated-paragraph'],
      ['5', 'policylint.repeated-paragraph'],
    ]);
  });
});

describe('--output-file', () => {
  it('writes the report into new folders, leaves stdout empty, and still exits 1 on errors', () => {
    const dir = seedCopy();
    const run = runCli(['--format', 'sarif', '--output-file', 'reports/ci/policylint.sarif', ...only({ 'repeated-paragraph': 'error' }), 'seed.txt'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
    const log = JSON.parse(readFileSync(path.join(dir, 'reports/ci/policylint.sarif'), 'utf8')) as Sarif.Log;
    expect(schemaErrors(log)).toEqual([]);
    expect(log.runs[0]!.results).toHaveLength(2);
  });

  it('keeps notes on stderr, writes no colour even when forced, and writes an empty file for a clean run', () => {
    const dir = seedCopy();
    const fixed = runCli(['--fix', '--output-file', 'out.txt', ...REPEATS, 'seed.txt'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toBe('');
    expect(stderrLines(fixed)).toEqual(['policylint: fixed 2 problems in seed.txt']);
    expect(readFileSync(path.join(dir, 'out.txt'), 'utf8')).toBe('');

    write(dir, 'other.txt', SEED_TEXT);
    const stylish = runCli(['--output-file', 'out.txt', ...REPEATS, 'other.txt'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    const report = readFileSync(path.join(dir, 'out.txt'), 'utf8');
    expect(stylish.stdout).toBe('');
    expect(report).toContain('repeated-paragraph');
    expect(report).not.toContain('\u001b[');
  });

  it('exits 2 with a message when the file cannot be written', () => {
    const dir = seedCopy();
    write(dir, 'taken/keep', '');
    const run = runCli(['--output-file', 'taken', ...REPEATS, 'seed.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(stderrLines(run)).toEqual(['policylint: cannot write taken: is a directory']);
    expect(statSync(path.join(dir, 'taken')).isDirectory()).toBe(true);
  });
});

describe('--quiet', () => {
  const MIXED = only({ 'repeated-paragraph': 'error', 'inconsistent-name': 'warning', 'unattributed-claim': 'info' });

  it('reports errors only and exits 0 when only warnings are left', () => {
    const dir = seedCopy();
    const loud = runJson([...MIXED, 'seed.txt'], { cwd: dir });
    expect(new Set(loud.results[0]!.messages.map((m) => m.level))).toEqual(new Set(['error', 'warning', 'info']));

    const quiet = runJson(['--quiet', ...MIXED, 'seed.txt'], { cwd: dir });
    expect(quiet.code).toBe(1);
    expect(quiet.results[0]!.messages.map((m) => [m.ruleId, m.level])).toEqual([
      ['repeated-paragraph', 'error'],
      ['repeated-paragraph', 'error'],
    ]);
    expect(quiet.results[0]).toMatchObject({ errorCount: 2, warningCount: 0, infoCount: 0 });

    const warningsOnly = runCli(['--quiet', ...only({ 'inconsistent-name': 'warning' }), 'seed.txt'], { cwd: dir });
    expect(warningsOnly.code).toBe(0);
    expect(warningsOnly.stdout).toBe('');
  });

  it('still counts the hidden warnings toward --max-warnings, as ESLint does', () => {
    const dir = seedCopy();
    const run = runCli(['--quiet', '--max-warnings', '0', ...only({ 'inconsistent-name': 'warning' }), 'seed.txt'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(stderrLines(run)).toEqual([expect.stringMatching(/^policylint: too many warnings \(\d+; maximum: 0\)$/)]);
  });

  it('with --fix, applies only the fixes of errors', () => {
    const dir = seedCopy();
    const run = runCli(['--quiet', '--fix', ...only({ 'repeated-paragraph': 'error', 'inconsistent-name': 'warning' }), 'seed.txt'], { cwd: dir });
    expect(run.code).toBe(0);
    const text = readFileSync(path.join(dir, 'seed.txt'), 'utf8');
    // The repeats (errors) are gone; "U.S." beside "US" (a warning) is left for a person to see.
    expect(text).toBe(SEED_TEXT.split('\n').slice(0, 3).join('\n'));
    expect(text).toContain('U.S.');
  });
});

describe('.policylintignore and --ignore-path', () => {
  function project(): string {
    const dir = tempDir();
    write(dir, 'a.md', `${PARA}\n`);
    write(dir, 'archive/old.md', `${PARA}\n`);
    write(dir, 'archive/keep.md', `${OTHER}\n`);
    write(dir, 'notes/scratch.tmp.md', `${PARA}\n`);
    return dir;
  }
  const linted = (dir: string, results: { filePath: string }[]) => results.map((r) => path.relative(dir, r.filePath).split(path.sep).join('/'));

  it('skips what .policylintignore in the working directory matches, with gitignore rules, also for cross-file rules', () => {
    const dir = project();
    write(dir, '.policylintignore', '# not drafts\narchive/\n!archive/keep.md\n*.tmp.md\n');
    // z.md comes after archive/old.md: had the ignored copy been read, z.md's paragraph would be a repeat.
    write(dir, 'a.md', 'Regional offices keep paper copies of each filing for at least seven years after submission.\n');
    write(dir, 'z.md', `${PARA}\n`);
    const run = runJson(REPEATS, { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    // As with the config file's list, a later "!" pattern brings one file back.
    expect(linted(dir, run.results)).toEqual(['a.md', 'archive/keep.md', 'z.md']);
    expect(run.results.flatMap((r) => r.messages)).toEqual([]);
    // The same files with an empty ignore file instead: z.md repeats archive/old.md.
    write(dir, 'empty.ignore', '');
    const unignored = runJson([...REPEATS, '--ignore-path', 'empty.ignore'], { cwd: dir });
    expect(unignored.results.find((r) => r.filePath.endsWith('z.md'))!.messages.map((m) => m.ruleId)).toEqual(['repeated-paragraph']);
  });

  it('warns about an ignored file named on the command line, naming the ignore file', () => {
    const dir = project();
    write(dir, '.policylintignore', 'archive/old.md\n');
    const run = runJson([...REPEATS, 'a.md', 'archive/old.md'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(stderrLines(run)).toEqual(['policylint: skipped archive/old.md: ignored by .policylintignore']);
    expect(linted(dir, run.results)).toEqual(['a.md']);
  });

  it('combines with the config file ignore list, each skipped file naming its own source', () => {
    const dir = project();
    write(dir, '.policylintignore', 'notes/\n');
    write(dir, '.policylint.yaml', 'ignore:\n  - archive/\n');
    const run = runJson(['a.md', 'archive/old.md', 'notes/scratch.tmp.md'], { cwd: dir });
    expect(stderrLines(run)).toEqual([
      'policylint: skipped archive/old.md: ignored by .policylint.yaml',
      'policylint: skipped notes/scratch.tmp.md: ignored by .policylintignore',
    ]);
    expect(linted(dir, run.results)).toEqual(['a.md']);
  });

  it('--ignore-path reads another file instead of .policylintignore, patterns relative to the working directory', () => {
    const dir = project();
    write(dir, '.policylintignore', 'a.md\n');
    write(dir, 'ci/lint.ignore', '/archive/old.md\n*.tmp.md\n');
    const run = runJson([...REPEATS, '--ignore-path', 'ci/lint.ignore'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(linted(dir, run.results)).toEqual(['a.md', 'archive/keep.md']);
  });

  it('exits 2 when the --ignore-path file is missing', () => {
    const dir = project();
    const run = runJson([...REPEATS, '--ignore-path', 'nope.ignore'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(stderrLines(run)).toEqual(['policylint: cannot read ignore file nope.ignore: no such file or directory']);
  });
});

describe('--print-config', () => {
  it('prints every rule severity and setting as JSON, with the config file and --rule applied, and lints nothing', () => {
    const dir = tempDir();
    write(dir, '.policylint.yaml', 'rules:\n  repeated-sentence: off\nrepeated:\n  minWords: 12\n');
    write(dir, 'a.md', `${PARA}\n\n${PARA}\n`);
    const run = runCli(['--print-config', 'a.md', '--rule', 'repeated-word:error'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const printed = JSON.parse(run.stdout) as { rules: Record<string, string>; repeated: { minWords: number }; ignore: string[] };
    expect(Object.keys(printed.rules)).toEqual(RULE_IDS);
    expect(printed.rules['repeated-sentence']).toBe('off');
    expect(printed.rules['repeated-word']).toBe('error');
    expect(printed.rules['repeated-paragraph']).toBe('warning');
    expect(printed.repeated.minWords).toBe(12);
    expect(Object.keys(printed)).toEqual(Object.keys(DEFAULT_CONFIG));
  });

  it('works for a file that does not exist yet, and warns when the file would be ignored', () => {
    const dir = tempDir();
    write(dir, '.policylintignore', 'drafts/\n');
    expect(runCli(['--print-config', 'new.md'], { cwd: dir }).code).toBe(0);
    const ignored = runCli(['--print-config', 'drafts/x.md'], { cwd: dir });
    expect(ignored.code).toBe(0);
    expect(stderrLines(ignored)).toEqual(['policylint: warning: drafts/x.md is ignored by .policylintignore, so it is not linted']);
    expect(JSON.parse(ignored.stdout)).toHaveProperty('rules');
  });

  it('exits 2 for a broken config file, still printing the configuration used', () => {
    const dir = tempDir();
    write(dir, '.policylint.yaml', 'repeated:\n  minWords: many\n');
    const run = runCli(['--print-config', 'a.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(stderrLines(run)[0]).toMatch(/^\.policylint\.yaml:2:\d+: error /);
    expect((JSON.parse(run.stdout) as { repeated: { minWords: number } }).repeated.minWords).toBe(8);
    expect(existsSync(path.join(dir, 'a.md'))).toBe(false);
  });
});
