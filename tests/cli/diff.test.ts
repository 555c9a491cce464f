import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitLines, unifiedDiff } from '../../server/src/cli/diff';

/**
 * Applies a unified diff produced by `unifiedDiff` to `text`, checking every
 * context and removed line against the text: proof that the hunks' numbers
 * and lines are right, independent of how the diff was computed.
 */
function applyPatch(text: string, patch: string): string {
  const source = splitLines(text);
  const lines = patch.split(/(?<=\n)/);
  expect(lines[0]).toMatch(/^--- /);
  expect(lines[1]).toMatch(/^\+\+\+ /);
  const out: string[] = [];
  let cursor = 0;
  let i = 2;
  while (i < lines.length) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n$/.exec(lines[i]!);
    expect(header, lines[i]).not.toBeNull();
    const oldStart = Number(header![1]);
    const oldCount = header![2] === undefined ? 1 : Number(header![2]);
    const newCount = header![4] === undefined ? 1 : Number(header![4]);
    const from = oldCount === 0 ? oldStart : oldStart - 1;
    out.push(...source.slice(cursor, from));
    cursor = from;
    i++;
    let seenOld = 0;
    let seenNew = 0;
    while (i < lines.length && !lines[i]!.startsWith('@@')) {
      const line = lines[i]!;
      let body = line.slice(1);
      if (lines[i + 1] === '\\ No newline at end of file\n') {
        body = body.slice(0, -1);
        i++;
      }
      if (line[0] === ' ' || line[0] === '-') {
        expect(source[cursor]).toBe(body);
        cursor++;
        seenOld++;
      }
      if (line[0] === ' ' || line[0] === '+') {
        out.push(body);
        seenNew++;
      }
      i++;
    }
    expect([seenOld, seenNew]).toEqual([oldCount, newCount]);
  }
  out.push(...source.slice(cursor));
  return out.join('');
}

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n', 'a/x', 'b/x')).toBe('');
  });

  it('prints what diff -u prints for a deleted block, with three lines of context', () => {
    const before = '1\n2\n3\n4\n5\n6\n7\n8\n9\n';
    const after = '1\n2\n3\n4\n7\n8\n9\n';
    expect(unifiedDiff(before, after, 'a/f.txt', 'b/f.txt')).toBe(
      ['--- a/f.txt', '+++ b/f.txt', '@@ -2,8 +2,6 @@', ' 2', ' 3', ' 4', '-5', '-6', ' 7', ' 8', ' 9', ''].join('\n'),
    );
  });

  it('marks a last line without a newline, on either side', () => {
    expect(unifiedDiff('a\nb', 'a\nc', 'a/f', 'b/f')).toBe(
      ['--- a/f', '+++ b/f', '@@ -1,2 +1,2 @@', ' a', '-b', '\\ No newline at end of file', '+c', '\\ No newline at end of file', ''].join('\n'),
    );
    expect(unifiedDiff('a\n', 'a', 'a/f', 'b/f')).toBe(['--- a/f', '+++ b/f', '@@ -1 +1 @@', '-a', '+a', '\\ No newline at end of file', ''].join('\n'));
  });

  it('numbers an empty side from the line before it, and leaves out a count of 1, as diff -u does', () => {
    expect(unifiedDiff('', 'new\n', 'a/f', 'b/f')).toBe(['--- a/f', '+++ b/f', '@@ -0,0 +1 @@', '+new', ''].join('\n'));
    expect(unifiedDiff('a\nb\n', 'a\n', 'a/f', 'b/f')).toBe(['--- a/f', '+++ b/f', '@@ -1,2 +1 @@', ' a', '-b', ''].join('\n'));
  });

  it('keeps changes far apart in separate hunks and merges close ones', () => {
    const before = Array.from({ length: 30 }, (_, i) => `line ${i + 1}\n`).join('');
    const far = before.replace('line 2\n', 'line two\n').replace('line 25\n', 'line twenty-five\n');
    expect(unifiedDiff(before, far, 'a/f', 'b/f').match(/^@@ .* @@$/gm)).toEqual(['@@ -1,5 +1,5 @@', '@@ -22,7 +22,7 @@']);
    // Six unchanged lines between two changes: the two hunks' context meets, so diff -u prints one hunk.
    const near = before.replace('line 5\n', 'line five\n').replace('line 12\n', 'line twelve\n');
    expect(unifiedDiff(before, near, 'a/f', 'b/f').match(/^@@ .* @@$/gm)).toEqual(['@@ -2,14 +2,14 @@']);
  });

  it('keeps CRLF line endings in the lines it prints', () => {
    const patch = unifiedDiff('a\r\nb\r\nc\r\n', 'a\r\nc\r\n', 'a/f', 'b/f');
    expect(patch).toBe('--- a/f\n+++ b/f\n@@ -1,3 +1,2 @@\n a\r\n-b\r\n c\r\n');
  });

  it('produces patches that turn the old text into the new one', () => {
    // A deterministic pseudo-random sample of edits over a small alphabet, so lines repeat and alignments are ambiguous.
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const before = Array.from({ length: random(25) }, () => `${'abcde'[random(5)]}\n`);
      const after = [...before];
      for (let edits = random(6); edits > 0; edits--) {
        const at = random(after.length + 1);
        if (random(2) === 0 && after.length > 0) after.splice(Math.min(at, after.length - 1), 1 + random(3));
        else after.splice(at, 0, `${'abcdefg'[random(7)]}\n`);
      }
      let oldText = before.join('');
      let newText = after.join('');
      if (random(3) === 0) oldText = oldText.replace(/\n$/, '');
      if (random(3) === 0) newText = newText.replace(/\n$/, '');
      const patch = unifiedDiff(oldText, newText, 'a/f', 'b/f');
      if (oldText === newText) {
        expect(patch).toBe('');
        continue;
      }
      expect(applyPatch(oldText, patch), `round ${round}\n${patch}`).toBe(newText);
    }
  });

  it.skipIf(spawnSync('patch', ['--version']).status !== 0)('is accepted by patch -p1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'policylint-diff-'));
    try {
      const before = 'Title\n\nFirst paragraph.\n\nSecond paragraph.\n\nFirst paragraph.\n';
      const after = 'Title\n\nFirst paragraph.\n\nSecond paragraph.\n';
      writeFileSync(path.join(dir, 'draft.md'), before);
      const run = spawnSync('patch', ['-p1', '--batch'], { cwd: dir, input: unifiedDiff(before, after, 'a/draft.md', 'b/draft.md'), encoding: 'utf8' });
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expect(readFileSync(path.join(dir, 'draft.md'), 'utf8')).toBe(after);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
