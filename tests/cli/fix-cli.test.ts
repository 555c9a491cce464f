// --fix, --fix-dry-run and --stdin --fix through the built command. The
// "changed on disk during the run" case is tested on writeFileAtomic itself
// (write.test.ts), where a hook makes the race happen without sleeps.
import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../server/src/engine';
import { byRule, runCli, runJson, SEED, stderrLines, useScratch, write } from './harness';

const tempDir = useScratch('policylint-cli-fix-');
const SEED_TEXT = readFileSync(SEED, 'utf8');
const FIRST_THREE_LINES = SEED_TEXT.split('\n').slice(0, 3).join('\n');

const PARA = 'Member states shall publish their annual emission reports before the end of March each year.';
const OTHER = 'The committee reviews every report and may ask for clarifications within sixty days.';

/** Only repeated-paragraph runs: what the fix does is then exactly the two deletions, whatever other rules exist. */
const ONLY_REPEATS = ['--no-config', ...RULE_IDS.filter((id) => id !== 'repeated-paragraph').flatMap((id) => ['--rule', `${id}:off`])];

const isWindows = process.platform === 'win32';

function seedCopy(mode = 0o640): { dir: string; file: string } {
  const dir = tempDir();
  const file = write(dir, 'seed.txt', SEED_TEXT);
  chmodSync(file, mode);
  return { dir, file };
}

describe('--fix', () => {
  it('deletes the two repeated paragraphs of the founding draft, leaving exactly lines 1-3, and keeps the file mode', () => {
    const { dir, file } = seedCopy(0o640);
    const run = runJson([...ONLY_REPEATS, '--fix', 'seed.txt'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(FIRST_THREE_LINES);
    if (!isWindows) expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(stderrLines(run)).toEqual(['policylint: fixed 2 problems in seed.txt']);
    // The report is about the fixed file: nothing left, and ESLint's `output` holds the new text.
    expect(run.results).toHaveLength(1);
    expect(run.results[0]!.messages).toEqual([]);
    expect(run.results[0]!.output).toBe(FIRST_THREE_LINES);
    // No temporary file left behind.
    expect(readdirSync(dir)).toEqual(['seed.txt']);
  });

  it('with every rule on, removes the repeats and reaches a fixed point: a second run changes nothing', () => {
    const { dir, file } = seedCopy();
    const first = runJson(['--fix', 'seed.txt'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(stderrLines(first)).toEqual([expect.stringMatching(/^policylint: fixed \d+ problems in seed\.txt$/)]);
    const fixed = readFileSync(file, 'utf8');
    expect(fixed.split('\n')).toHaveLength(3);
    expect(byRule(first.results[0], 'repeated-paragraph')).toEqual([]);
    // "U.S." (once) becomes the draft's usual "US"; the name finding is gone.
    expect(fixed).not.toContain('U.S.');
    expect(fixed).toMatch(/\bUS\b/);
    expect(byRule(first.results[0], 'inconsistent-name')).toEqual([]);

    const second = runJson(['--fix', 'seed.txt'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stderr).toBe('');
    expect(second.results[0]!.output).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe(fixed);
  });

  it('fixes across files: the later copy is deleted and the earlier file is not touched', () => {
    const dir = tempDir();
    const a = write(dir, 'a.md', `# Brief\n\n${PARA}\n`);
    const b = write(dir, 'b.md', `${OTHER}\n\n${PARA}\n`);
    const before = statSync(a).mtimeMs;
    const run = runJson([...ONLY_REPEATS, '--fix'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(stderrLines(run)).toEqual(['policylint: fixed 1 problem in b.md']);
    expect(readFileSync(b, 'utf8')).toBe(`${OTHER}\n`);
    expect(readFileSync(a, 'utf8')).toBe(`# Brief\n\n${PARA}\n`);
    expect(statSync(a).mtimeMs).toBe(before);
  });

  it('reports what is left and exits by it', () => {
    const dir = tempDir();
    // Identical copies are fixed; the near copy (one word changed) has no safe fix and stays.
    write(dir, 'a.md', `${PARA}\n\n${PARA}\n\n${PARA.replace('annual', 'yearly')}\n`);
    const run = runJson([...ONLY_REPEATS, '--rule', 'repeated-paragraph:error', '--fix', 'a.md'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(`${PARA}\n\n${PARA.replace('annual', 'yearly')}\n`);
    expect(byRule(run.results[0], 'repeated-paragraph').map((m) => m.line)).toEqual([3]);
    expect(run.code).toBe(1);
  });

  it('does not fix anything when the config file has errors, and exits 2', () => {
    const { dir, file } = seedCopy();
    write(dir, '.policylint.yaml', 'rules:\n  repeated-paragraph: [off\n');
    const run = runCli(['--fix', 'seed.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(SEED_TEXT);
    expect(stderrLines(run)).toContain('policylint: not fixing: .policylint.yaml has errors');
  });

  it('leaves a file that is not valid UTF-8 alone rather than rewrite its other bytes', () => {
    const dir = tempDir();
    const bytes = Buffer.concat([Buffer.from(`${PARA}\n\n${PARA}\n\nLatin-1: `), Buffer.from([0xe9]), Buffer.from('t\xe9\n', 'latin1')]);
    const file = write(dir, 'old.txt', bytes);
    const run = runCli([...ONLY_REPEATS, '--fix', 'old.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(stderrLines(run)).toEqual(['policylint: not fixing old.txt: not valid UTF-8, so it cannot be rewritten without changing other bytes']);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('does not write a read-only file, and exits 2', () => {
    const { dir, file } = seedCopy(0o444);
    const run = runCli([...ONLY_REPEATS, '--fix', 'seed.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(stderrLines(run)).toEqual(['policylint: cannot write seed.txt: file is read-only']);
    expect(readFileSync(file, 'utf8')).toBe(SEED_TEXT);
  });
});

describe('--fix-dry-run', () => {
  it('prints a unified diff, then the report, and writes nothing', () => {
    const { dir, file } = seedCopy();
    const before = statSync(file).mtimeMs;
    const run = runCli([...ONLY_REPEATS, '--rule', 'repeated-word:error', '--fix-dry-run', 'seed.txt'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = SEED_TEXT.split('\n');
    // Exactly what `diff -u` prints for this change: line 3 lost its newline, so the shortest script
    // deletes lines 3 and 4 and keeps line 5 (the same text as line 3, without the newline).
    expect(run.stdout).toBe(
      ['--- a/seed.txt', '+++ b/seed.txt', '@@ -1,5 +1,3 @@', ` ${lines[0]}`, ` ${lines[1]}`, `-${lines[2]}`, `-${lines[3]}`, ` ${lines[4]}`, '\\ No newline at end of file', ''].join('\n'),
    );
    expect(readFileSync(file, 'utf8')).toBe(SEED_TEXT);
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('prints the report of what would be left after the diff', () => {
    const dir = tempDir();
    write(dir, 'a.md', `${PARA}\n\n${PARA}\n\nWe met with the the minister.\n`);
    const run = runCli(['--no-config', '--fix-dry-run', 'a.md'], { cwd: dir });
    const [diff, report] = run.stdout.split('\n\na.md\n');
    expect(diff).toMatch(/^--- a\/a\.md\n\+\+\+ b\/a\.md\n@@ /);
    // Both fixes are in the diff, so nothing of either rule is left to report.
    expect(diff).toContain('+We met with the minister.');
    expect(report ?? '').not.toMatch(/repeated-(paragraph|word)/);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(`${PARA}\n\n${PARA}\n\nWe met with the the minister.\n`);
  });

  it('with --format json, prints no diff but ESLint\'s output per fixed file', () => {
    const { dir, file } = seedCopy();
    const run = runJson([...ONLY_REPEATS, '--fix-dry-run', 'seed.txt'], { cwd: dir });
    expect(run.results[0]!.output).toBe(FIRST_THREE_LINES);
    expect(readFileSync(file, 'utf8')).toBe(SEED_TEXT);
  });
});

describe('--stdin --fix', () => {
  it('prints the fixed text on stdout and the report on stderr', () => {
    const input = `${PARA}\n\n${PARA}\n\nWe met with the the minister.\n`;
    const run = runCli([...ONLY_REPEATS, '--rule', 'repeated-word:error', '--stdin', '--stdin-filename', 'x.md', '--fix'], { input });
    expect(run.stdout).toBe(`${PARA}\n\nWe met with the minister.\n`);
    expect(stderrLines(run)).toEqual(['policylint: fixed 2 problems in x.md']);
    expect(run.code).toBe(0);
  });

  it('prints the text unchanged when there is nothing to fix, with the findings on stderr', () => {
    const input = `${PARA}\n\n${PARA.replace('annual', 'yearly')}\n`;
    const run = runCli([...ONLY_REPEATS, '--rule', 'repeated-paragraph:error', '--stdin', '--fix'], { input });
    expect(run.stdout).toBe(input);
    expect(run.stderr).toMatch(/^ +3:1 +error +.*repeated-paragraph$/m);
    expect(run.code).toBe(1);
  });
});
