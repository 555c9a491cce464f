// --max-file-size and --no-error-on-unmatched-pattern through the built command.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson, stderrLines, useScratch, write } from './harness';

const tempDir = useScratch('policylint-cli-files-');
const PARA = 'Member states shall publish their annual emission reports before the end of March each year.';

describe('--max-file-size', () => {
  it('skips larger files with a warning naming them, in bytes, kb or mb', () => {
    const dir = tempDir();
    write(dir, 'small.md', `${PARA}\n`);
    write(dir, 'big.md', `${PARA}\n\n`.repeat(20));
    for (const [size, shown] of [['1000', '1,000 bytes'], ['1kb', '1 KB'], ['0.001mb', '1,048 bytes']] as const) {
      const run = runJson(['--max-file-size', size], { cwd: dir });
      expect(run.code).toBe(0);
      expect(stderrLines(run)).toEqual([`policylint: skipped big.md: larger than ${shown}`]);
      expect(run.results.map((r) => path.basename(r.filePath))).toEqual(['small.md']);
    }
    const all = runJson(['--max-file-size', '5MB', '--concurrency', '2'], { cwd: dir });
    expect(all.stderr).toBe('');
    expect(all.results).toHaveLength(2);
  });

  it('applies to --fix too', () => {
    const dir = tempDir();
    write(dir, 'big.md', `${PARA}\n\n${PARA}\n`);
    const run = runCli(['--fix', '--max-file-size', '100'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(stderrLines(run)).toEqual(['policylint: skipped big.md: larger than 100 bytes']);
  });

  it('rejects a size it cannot read', () => {
    for (const bad of ['', 'big', '5tb', '0']) {
      const run = runCli(['--max-file-size', bad, 'x.md'], { cwd: tempDir() });
      expect(run.code).toBe(2);
      expect(stderrLines(run)).toEqual([`policylint: --max-file-size takes a size such as 500000, 500kb or 5mb, not "${bad}"`]);
    }
  });
});

describe('--no-error-on-unmatched-pattern', () => {
  it('turns a missing path or an empty glob into a warning and lints the rest', () => {
    const dir = tempDir();
    write(dir, 'a.md', `${PARA}\n`);
    const strict = runJson(['missing.md', 'nothing/**/*.md', 'a.md'], { cwd: dir });
    expect(strict.code).toBe(2);
    expect(stderrLines(strict)).toEqual(['policylint: missing.md: no such file or directory', 'policylint: no files match the pattern "nothing/**/*.md"']);
    const lenient = runJson(['--no-error-on-unmatched-pattern', 'missing.md', 'nothing/**/*.md', 'a.md'], { cwd: dir });
    expect(lenient.code).toBe(0);
    expect(stderrLines(lenient)).toEqual([
      'policylint: warning: missing.md: no such file or directory',
      'policylint: warning: no files match the pattern "nothing/**/*.md"',
    ]);
    expect(lenient.results.map((r) => path.basename(r.filePath))).toEqual(['a.md']);
  });

  it('exits 0 with an empty report when nothing matches at all', () => {
    const run = runJson(['--no-error-on-unmatched-pattern', 'drafts/**/*.md'], { cwd: tempDir() });
    expect(run.code).toBe(0);
    expect(run.results).toEqual([]);
  });

  it('covers a glob whose every match is ignored, but not other errors', () => {
    const dir = tempDir();
    write(dir, '.policylintignore', 'archive/\n');
    write(dir, 'archive/old.md', `${PARA}\n`);
    const run = runCli(['--no-error-on-unmatched-pattern', 'archive/*.md'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(stderrLines(run)).toEqual(['policylint: warning: all files matching the pattern "archive/*.md" are ignored by the configuration']);
  });
});
