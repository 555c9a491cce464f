// Runs the built command (`server/out/cli.js`) as a real process, the way
// users and CI run it; `npm test` builds before testing.
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, SEED, runCli, useScratch, write, type JsonResult, type Run } from './harness';

/** Long enough (≥ 8 words) for repeated-paragraph to compare it. */
const PARA = 'Member states shall publish their annual emission reports before the end of March each year.';
const OTHER = 'The committee reviews every report and may ask for clarifications within sixty days.';
const THIRD = 'Regional offices keep paper copies of each filing for at least seven years after submission.';
/** Indented: a code block in Markdown (not prose), an ordinary paragraph in plain text. */
const INDENTED_THEN_PLAIN = `    ${PARA}\n\n${PARA}\n`;




function runJson(args: string[], options?: Parameters<typeof runCli>[1]): Run & { results: JsonResult[] } {
  const run = runCli(['--format', 'json', ...args], options);
  let results: JsonResult[];
  try {
    results = JSON.parse(run.stdout) as JsonResult[];
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.code}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
  return { ...run, results };
}

function stderrLines(run: Run): string[] {
  return run.stderr.split('\n').filter((line) => line !== '');
}

const byRule = (result: JsonResult | undefined, ruleId: string) => (result?.messages ?? []).filter((m) => m.ruleId === ruleId);

/** A fresh directory per test, so tests can't see each other's files. */
const tempDir = useScratch('policylint-cli-');

describe('the seed draft', () => {
  it('reports exactly the two repeated paragraphs, on lines 4 and 5, pointing at lines 2 and 3', () => {
    const run = runJson(['tests/fixtures/seed-article.txt']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.results).toHaveLength(1);
    const [result] = run.results;
    expect(result!.filePath).toBe(SEED);
    const repeats = byRule(result, 'repeated-paragraph');
    expect(repeats.map((m) => m.line)).toEqual([4, 5]);
    expect(repeats[0]!.message).toMatch(/\bline 2\b/);
    expect(repeats[1]!.message).toMatch(/\bline 3\b/);
    expect(repeats.map((m) => [m.column, m.severity, m.level])).toEqual([
      [1, 1, 'warning'],
      [1, 1, 'warning'],
    ]);
    expect(repeats.map((m) => m.related.map((r) => [r.filePath, r.line, r.column]))).toEqual([
      [[SEED, 2, 1]],
      [[SEED, 3, 1]],
    ]);
  });

  it('fails on warnings only beyond --max-warnings', () => {
    const warnings = runJson([SEED]).results[0]!.warningCount;
    expect(warnings).toBeGreaterThanOrEqual(2);

    const within = runCli(['--max-warnings', String(warnings), SEED]);
    expect(within.code).toBe(0);

    const over = runCli(['--max-warnings', '0', SEED]);
    expect(over.code).toBe(1);
    expect(stderrLines(over)).toEqual([`policylint: too many warnings (${warnings}; maximum: 0)`]);
  });

  it('prints stylish output with a relative path, aligned rows and the summary', () => {
    const run = runCli(['tests/fixtures/seed-article.txt']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\ntests/fixtures/seed-article.txt\n');
    expect(run.stdout).toMatch(/^ +4:1 +warning +.*\bline 2\b.* +repeated-paragraph$/m);
    expect(run.stdout).toMatch(/^ +5:1 +warning +.*\bline 3\b.* +repeated-paragraph$/m);
    expect(run.stdout).toMatch(/^✖ \d+ problems \(\d+ errors?, \d+ warnings?, \d+ infos?\)$/m);
    // Not a terminal: no colour.
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('colours stylish output when FORCE_COLOR asks, even into a pipe', () => {
    const run = runCli([SEED], { env: { FORCE_COLOR: '1' } });
    expect(run.stdout).toContain('\u001b[33mwarning\u001b[39m');
  });
});

describe('--stdin', () => {
  it('lints stdin as the named file, with CRLF line numbers', () => {
    const input = `# Draft\r\n\r\n${PARA}\r\n\r\n${PARA}\r\n`;
    const run = runJson(['--stdin', '--stdin-filename', 'drafts/x.md'], { input });
    expect(run.code).toBe(0);
    const filePath = path.join(ROOT, 'drafts/x.md');
    expect(run.results.map((r) => r.filePath)).toEqual([filePath]);
    const [repeat] = byRule(run.results[0], 'repeated-paragraph');
    expect(repeat).toMatchObject({ line: 5, column: 1, endLine: 5, endColumn: PARA.length + 1 });
    expect(repeat!.message).toMatch(/\bline 3\b/);
    expect(repeat!.related.map((r) => [r.filePath, r.line])).toEqual([[filePath, 3]]);
  });

  it('picks the language from --stdin-filename', () => {
    const asMarkdown = runJson(['--stdin', '--stdin-filename', 'x.md'], { input: INDENTED_THEN_PLAIN });
    const asText = runJson(['--stdin', '--stdin-filename', 'x.txt'], { input: INDENTED_THEN_PLAIN });
    expect(byRule(asMarkdown.results[0], 'repeated-paragraph')).toHaveLength(0);
    expect(byRule(asText.results[0], 'repeated-paragraph').map((m) => m.line)).toEqual([3]);
  });

  it('reports unnamed stdin as <text> and numbers columns after a BOM from 1', () => {
    const run = runJson(['--stdin'], { input: `\uFEFF${PARA}\n\n${PARA}\n` });
    expect(run.results.map((r) => r.filePath)).toEqual(['<text>']);
    const [repeat] = byRule(run.results[0], 'repeated-paragraph');
    expect(repeat).toMatchObject({ line: 3, column: 1 });
    expect(repeat!.related.map((r) => [r.line, r.column])).toEqual([[1, 1]]);
  });
});

describe('file discovery', () => {
  /** A small project with files that must and must not be linted. */
  function project(): string {
    const dir = tempDir();
    write(dir, 'a.md', `# Notes\n\n${PARA}\n`);
    write(dir, 'sub/b.txt', `${OTHER}\n\n${PARA}\n`);
    write(dir, 'sub/C.MD', `${THIRD}\n`);
    write(dir, 'notes.rst', `${PARA}\n`);
    write(dir, 'node_modules/pkg/readme.md', `${PARA}\n`);
    write(dir, 'node_modules/pkg/notes.txt', `${PARA}\n`);
    write(dir, '.git/description.md', `${PARA}\n`);
    write(dir, 'deep/node_modules/x.md', `${PARA}\n`);
    return dir;
  }

  it('lints .md, .markdown and .txt under the working directory, skipping node_modules and .git, sorted by path', () => {
    const dir = project();
    write(dir, 'z.markdown', `${OTHER}\n`);
    const run = runJson([], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.results.map((r) => path.relative(dir, r.filePath))).toEqual([
      'a.md',
      path.join('sub', 'C.MD'),
      path.join('sub', 'b.txt'),
      'z.markdown',
    ]);
  });

  it('lints all files in one run, so repeats across files are found', () => {
    const dir = project();
    const run = runJson([], { cwd: dir });
    const b = run.results.find((r) => r.filePath === path.join(dir, 'sub/b.txt'));
    const [repeat] = byRule(b, 'repeated-paragraph');
    expect(repeat).toMatchObject({ line: 3, column: 1 });
    expect(repeat!.related.map((r) => [r.filePath, r.line])).toEqual([[path.join(dir, 'a.md'), 3]]);
    // Nothing under node_modules or .git took part, or a.md would repeat them.
    expect(byRule(run.results[0], 'repeated-paragraph')).toEqual([]);
  });

  it('walks a directory argument the same way, and only it', () => {
    const dir = project();
    const run = runJson(['sub'], { cwd: dir });
    expect(run.results.map((r) => path.relative(dir, r.filePath))).toEqual([path.join('sub', 'C.MD'), path.join('sub', 'b.txt')]);
    // a.md was not linted, so b.txt repeats nothing.
    expect(run.results.flatMap((r) => byRule(r, 'repeated-paragraph'))).toEqual([]);
  });

  it('expands globs, still skipping node_modules', () => {
    const dir = project();
    const run = runJson(['**/*.txt'], { cwd: dir });
    expect(run.results.map((r) => path.relative(dir, r.filePath))).toEqual([path.join('sub', 'b.txt')]);
  });

  it('lints a named file whatever its extension, as plain text unless .md or .markdown', () => {
    const dir = tempDir();
    write(dir, 'policy.draft', INDENTED_THEN_PLAIN);
    write(dir, 'policy.markdown', INDENTED_THEN_PLAIN);
    // Linted one at a time: together, each file's plain paragraph would repeat the other's.
    const draft = runJson(['policy.draft'], { cwd: dir });
    const markdown = runJson(['policy.markdown'], { cwd: dir });
    expect(draft.results.map((r) => path.basename(r.filePath))).toEqual(['policy.draft']);
    expect(byRule(draft.results[0], 'repeated-paragraph').map((m) => m.line)).toEqual([3]);
    expect(markdown.results.map((r) => path.basename(r.filePath))).toEqual(['policy.markdown']);
    expect(byRule(markdown.results[0], 'repeated-paragraph')).toEqual([]);
  });

  it('lints a file named twice only once', () => {
    const dir = tempDir();
    write(dir, 'a.md', `${PARA}\n`);
    const run = runJson(['a.md', './a.md', '.'], { cwd: dir });
    expect(run.results).toHaveLength(1);
  });

  it('skips binary and huge files with a note, without failing', () => {
    const dir = tempDir();
    write(dir, 'a.md', `${OTHER}\n`);
    write(dir, 'scan.txt', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
    write(dir, 'huge.txt', Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
    write(dir, 'data.bin', Buffer.from('abc\u0000def'));
    const run = runJson(['.', 'data.bin'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.results.map((r) => path.basename(r.filePath))).toEqual(['a.md']);
    expect(stderrLines(run)).toEqual([
      'policylint: skipped data.bin: binary file',
      'policylint: skipped huge.txt: larger than 5 MB',
      'policylint: skipped scan.txt: binary file',
    ]);
  });

  it('exits 2 for a missing file with one line on stderr, but still lints the rest', () => {
    const dir = tempDir();
    write(dir, 'a.md', `${OTHER}\n`);
    const run = runJson(['missing.md', 'a.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(stderrLines(run)).toEqual(['policylint: missing.md: no such file or directory']);
    expect(run.results.map((r) => path.basename(r.filePath))).toEqual(['a.md']);
  });

  // Creating symlinks on Windows needs privileges.
  it.skipIf(process.platform === 'win32')('says why a named path cannot be used, not just that it is missing', () => {
    const dir = tempDir();
    write(dir, 'a.md', `${OTHER}\n`);
    symlinkSync('loop.md', path.join(dir, 'loop.md'));
    const run = runJson(['loop.md', 'a.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(stderrLines(run)).toEqual(['policylint: loop.md: too many levels of symbolic links']);
    expect(run.results.map((r) => path.basename(r.filePath))).toEqual(['a.md']);
  });

  it('exits 2 for a glob that matches nothing', () => {
    const run = runCli(['nothing-here/**/*.md'], { cwd: tempDir() });
    expect(run.code).toBe(2);
    expect(stderrLines(run)).toEqual(['policylint: no files match the pattern "nothing-here/**/*.md"']);
  });

  // Root reads any file regardless of its mode, so this case needs an ordinary user.
  it.skipIf(process.getuid?.() === 0)('exits 2 for an unreadable file, but still lints the rest', () => {
    const dir = tempDir();
    write(dir, 'a.md', `${OTHER}\n`);
    const locked = write(dir, 'locked.md', `${OTHER}\n`);
    chmodSync(locked, 0o000);
    try {
      const run = runJson([], { cwd: dir });
      expect(run.code).toBe(2);
      expect(stderrLines(run)).toEqual(['policylint: cannot read locked.md: permission denied']);
      expect(run.results.map((r) => path.basename(r.filePath))).toEqual(['a.md']);
    } finally {
      chmodSync(locked, 0o644);
    }
  });

  it('exits 0 with an empty report when there is nothing to lint', () => {
    const run = runJson([], { cwd: tempDir() });
    expect(run.code).toBe(0);
    expect(run.results).toEqual([]);
    expect(runCli([], { cwd: tempDir() }).stdout).toBe('');
  });
});

describe('usage', () => {
  it.each([
    [['--bogus']],
    [['--format', 'xml', SEED]],
    [['--max-warnings', 'lots', SEED]],
    [['--stdin-filename', 'x.md']],
    [['--format']],
  ])('exits 2 with one stderr line for %j', (args) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = stderrLines(run);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^policylint: \S/);
  });

  it('is an executable bin, so `npx policylint` runs it as the README says', () => {
    expect(statSync(CLI).mode & 0o111).not.toBe(0);
    const run = spawnSync(CLI, ['--version'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('prints the version from package.json', () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const run = runCli([flag]);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${version}\n`);
    }
  });

  it('prints help', () => {
    const run = runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Usage: policylint /);
    for (const flag of ['--format', '--max-warnings', '--stdin', '--stdin-filename', '--version']) {
      expect(run.stdout).toContain(flag);
    }
  });
});
