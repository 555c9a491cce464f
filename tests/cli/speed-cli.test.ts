// Speed and CI-matrix options through the built command, run as a process:
// --concurrency (worker threads), --cache and --cache-location, --shard.
// Whatever the option, the findings must be exactly those of a plain run.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson, SEED, stderrLines, useScratch, write, type JsonResult } from './harness';

const tempDir = useScratch('policylint-cli-speed-');

const PARA = 'Member states shall publish their annual emission reports before the end of March each year.';
const NEAR = 'Member states shall publish their yearly emission reports before the end of March every year.';
const OTHER = 'The committee reviews every report and may ask for clarifications within sixty days.';

/** Eight files whose findings depend on each other: repeats, names, spellings and acronyms across files. */
function fixtureSet(): string {
  const dir = tempDir();
  write(dir, 'seed.txt', readFileSync(SEED, 'utf8'));
  write(dir, 'a/brief.md', `# Brief\n\n${PARA}\n\nThe U.S. and NATO met with Zelenskyy. The Government Accountability Office (GAO) agreed.\n\nExperts say 70% of households lack broadband.\n`);
  write(dir, 'a/annex.md', `# Annex\n\n${PARA}\n\n${NEAR}\n\nThe US and Nato met with Zelensky. The GAO and the CBO agreed on the defence budget.\n`);
  write(dir, 'b/notes.txt', `Notes\n\nThe the defense budget grew. ${OTHER}\n\n${NEAR}\n`);
  write(dir, 'b/memo.md', `# Memo\n\n${OTHER}\n\nPete Hegseth spoke. Secretary Hegseth agreed. Pete Hegseth left. Later, Hegsith returned.\n`);
  write(dir, 'c/one.md', `${OTHER}\n\nThe CBO (Congressional Budget Office) reported. The CBO (Congressional Budget Office) agreed.\n`);
  write(dir, 'c/two.md', `${PARA}\n\n<!-- policylint-disable-next-line repeated-paragraph -->\n${OTHER}\n`);
  write(dir, 'c/three.txt', `Three\n\nThe U.S. Senate met. ${NEAR}\n`);
  return dir;
}

/** A run's findings as comparable data: every message of every file, paths relative. */
function findings(results: JsonResult[], dir: string): unknown {
  return results.map((result) => ({ ...result, filePath: path.relative(dir, result.filePath), messages: result.messages.map((m) => ({ ...m, related: m.related.map((r) => ({ ...r, filePath: path.relative(dir, r.filePath) })) })) }));
}

function cacheLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('policylint: cache: '));
}

describe('--concurrency', () => {
  it('gives the same results with worker threads as in one thread', () => {
    const dir = fixtureSet();
    const single = runJson(['--concurrency', '1'], { cwd: dir });
    expect(single.code).toBe(0);
    expect(single.results).toHaveLength(8);
    // Cross-file findings exist, so the comparison tests the merge of summaries.
    const rules = new Set(single.results.flatMap((r) => r.messages.map((m) => m.ruleId)));
    for (const id of ['repeated-paragraph', 'inconsistent-name', 'inconsistent-spelling', 'acronym-redefined', 'repeated-word']) expect(rules).toContain(id);
    for (const concurrency of ['2', '3', 'auto']) {
      const run = runJson(['--concurrency', concurrency], { cwd: dir });
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect(findings(run.results, dir)).toEqual(findings(single.results, dir));
    }
  });

  it('rejects anything but auto or a whole number of at least 1', () => {
    for (const bad of ['0', 'two', '1.5']) {
      const run = runCli(['--concurrency', bad, 'x.md'], { cwd: tempDir() });
      expect(run.code).toBe(2);
      expect(stderrLines(run)).toEqual([`policylint: --concurrency takes auto or a whole number of at least 1, not "${bad}"`]);
    }
  });

  it('reports skipped and unreadable files from workers as from the main thread', () => {
    const dir = tempDir();
    write(dir, 'a.md', `${PARA}\n`);
    write(dir, 'b.md', `${PARA}\n`);
    write(dir, 'bin.txt', Buffer.from([0x50, 0x00, 0x51]));
    const run = runJson(['--concurrency', '2', '.'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(stderrLines(run)).toEqual(['policylint: skipped bin.txt: binary file']);
    expect(run.results.map((r) => path.basename(r.filePath))).toEqual(['a.md', 'b.md']);
  });
});

describe('--cache', () => {
  it('reads unchanged files from the cache, with the same results, and re-lints only an edited file', () => {
    const dir = fixtureSet();
    const env = { POLICYLINT_DEBUG_CACHE: '1' };
    const plain = runJson([], { cwd: dir });
    const first = runJson(['--cache'], { cwd: dir, env });
    expect(first.code).toBe(0);
    expect(cacheLines(first.stderr)).toContain('policylint: cache: 0 of 8 files unchanged');
    expect(statSync(path.join(dir, '.policylintcache')).size).toBeGreaterThan(0);
    expect(findings(first.results, dir)).toEqual(findings(plain.results, dir));

    const second = runJson(['--cache'], { cwd: dir, env });
    expect(cacheLines(second.stderr)).toContain('policylint: cache: 8 of 8 files unchanged');
    expect(cacheLines(second.stderr).filter((line) => line.includes(' hit '))).toHaveLength(8);
    // Cached findings are still reported, cross-file ones included.
    expect(findings(second.results, dir)).toEqual(findings(plain.results, dir));

    // Editing one file: only it is analysed again, and the cross-file findings of the others follow the edit.
    write(dir, 'a/annex.md', `# Annex\n\n${OTHER}\n\nThe US met.\n`);
    const third = runJson(['--cache'], { cwd: dir, env });
    expect(cacheLines(third.stderr).filter((line) => line.includes(' miss '))).toEqual([`policylint: cache: miss ${path.join(dir, 'a/annex.md')}`]);
    expect(cacheLines(third.stderr)).toContain('policylint: cache: 7 of 8 files unchanged');
    expect(findings(third.results, dir)).toEqual(findings(runJson([], { cwd: dir }).results, dir));
  });

  it('uses --cache-location, a file or a folder, and works with worker threads', () => {
    const dir = fixtureSet();
    const env = { POLICYLINT_DEBUG_CACHE: '1' };
    const plain = runJson([], { cwd: dir });
    runJson(['--cache', '--cache-location', 'tmp/lint.cache', '--concurrency', '2'], { cwd: dir, env });
    expect(statSync(path.join(dir, 'tmp/lint.cache')).isFile()).toBe(true);
    const warm = runJson(['--cache', '--cache-location', 'tmp/lint.cache', '--concurrency', '2'], { cwd: dir, env });
    expect(cacheLines(warm.stderr)).toContain('policylint: cache: 8 of 8 files unchanged');
    expect(findings(warm.results, dir)).toEqual(findings(plain.results, dir));

    runJson(['--cache', '--cache-location', 'tmp/'], { cwd: dir });
    expect(statSync(path.join(dir, 'tmp/.policylintcache')).isFile()).toBe(true);
  });

  it('starts afresh when the configuration changes', () => {
    const dir = fixtureSet();
    const env = { POLICYLINT_DEBUG_CACHE: '1' };
    runJson(['--cache'], { cwd: dir, env });
    const changed = runJson(['--cache', '--rule', 'repeated-word:error'], { cwd: dir, env });
    expect(cacheLines(changed.stderr)).toContain('policylint: cache: 0 of 8 files unchanged');
    expect(changed.code).toBe(1);
    expect(findings(changed.results, dir)).toEqual(findings(runJson(['--rule', 'repeated-word:error'], { cwd: dir }).results, dir));
  });

  it('warns about a damaged cache and lints every file, then replaces it', () => {
    const dir = fixtureSet();
    writeFileSync(path.join(dir, '.policylintcache'), 'not a cache at all');
    const plain = runJson([], { cwd: dir });
    const run = runJson(['--cache'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(stderrLines(run)).toEqual([`policylint: warning: cannot use the cache ${path.join(dir, '.policylintcache')} (the file is damaged); linting every file`]);
    expect(findings(run.results, dir)).toEqual(findings(plain.results, dir));
    const again = runJson(['--cache'], { cwd: dir, env: { POLICYLINT_DEBUG_CACHE: '1' } });
    expect(cacheLines(again.stderr)).toContain('policylint: cache: 8 of 8 files unchanged');
  });

  it('warns when the cache cannot be written, and the exit code still follows the findings', () => {
    const dir = fixtureSet();
    write(dir, 'blocker', 'a file where the cache folder should be');
    const run = runJson(['--cache', '--cache-location', 'blocker/cache'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(stderrLines(run)).toHaveLength(1);
    expect(stderrLines(run)[0]).toMatch(/^policylint: warning: cannot write the cache .*blocker\/cache: /);
  });

  it('rejects --cache-location without --cache, and --cache with --stdin', () => {
    expect(stderrLines(runCli(['--cache-location', 'x'], { cwd: tempDir() }))).toEqual(['policylint: --cache-location needs --cache']);
    const stdin = runCli(['--cache', '--stdin'], { cwd: tempDir(), input: 'text' });
    expect(stdin.code).toBe(2);
    expect(stderrLines(stdin)).toEqual(['policylint: --cache cannot be combined with --stdin']);
  });
});

describe('--shard', () => {
  it('splits the files into shares that together report exactly the whole run, cross-file findings included', () => {
    const dir = fixtureSet();
    const whole = findings(runJson([], { cwd: dir }).results, dir) as { filePath: string }[];
    const shards = ['1/3', '2/3', '3/3'].map((shard) => findings(runJson(['--shard', shard], { cwd: dir }).results, dir) as { filePath: string }[]);
    for (const shard of shards) expect(shard.length).toBeGreaterThanOrEqual(2);
    const union = shards.flat().sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
    expect(union).toEqual(whole);
    // The same shares on every run, with workers or without, and from the cache.
    expect(findings(runJson(['--shard', '2/3', '--concurrency', '2'], { cwd: dir }).results, dir)).toEqual(shards[1]);
    runJson(['--shard', '2/3', '--cache'], { cwd: dir });
    expect(findings(runJson(['--shard', '2/3', '--cache'], { cwd: dir }).results, dir)).toEqual(shards[1]);
    expect(findings(runJson(['--shard', '1/3', '--cache'], { cwd: dir }).results, dir)).toEqual(shards[0]);
  });

  it('exits by its own files only', () => {
    const dir = tempDir();
    write(dir, 'a.md', `${PARA}\n`);
    write(dir, 'b.md', `${PARA}\n`);
    const args = ['--rule', 'repeated-paragraph:error'];
    // b.md repeats a.md: the finding is in b.md, the second file, so only shard 2/2 fails.
    expect(runJson([...args, '--shard', '1/2'], { cwd: dir }).code).toBe(0);
    const second = runJson([...args, '--shard', '2/2'], { cwd: dir });
    expect(second.code).toBe(1);
    expect(second.results.map((r) => path.basename(r.filePath))).toEqual(['b.md']);
    expect(second.results[0]!.messages[0]!.related.map((r) => path.basename(r.filePath))).toEqual(['a.md']);
  });

  it('fixes only its own files', () => {
    const dir = tempDir();
    write(dir, 'a.md', `${PARA}\n\n${PARA}\n`);
    write(dir, 'b.md', `${OTHER}\n\n${OTHER}\n`);
    const run = runCli(['--fix', '--shard', '2/2'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(`${PARA}\n\n${PARA}\n`);
    expect(readFileSync(path.join(dir, 'b.md'), 'utf8')).toBe(`${OTHER}\n`);
  });

  it('rejects a malformed share', () => {
    for (const bad of ['0/3', '4/3', '1/0', '1', 'a/b', '1/2/3']) {
      const run = runCli(['--shard', bad], { cwd: tempDir() });
      expect(run.code).toBe(2);
      expect(stderrLines(run)).toEqual([`policylint: --shard takes i/n with 1 <= i <= n (e.g. 2/3), not "${bad}"`]);
    }
  });
});
