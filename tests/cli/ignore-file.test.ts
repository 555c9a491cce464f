// .policylintignore parsing and loading, in-process.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IGNORE_FILE_NAME, loadIgnoreFile, parseIgnoreFile } from '../../server/src/project/ignore-file';

const scratch = mkdtempSync(path.join(tmpdir(), 'policylint-ignore-file-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('parseIgnoreFile', () => {
  it('drops blank lines and comments, and reads any line ending and a BOM', () => {
    expect(parseIgnoreFile('\uFEFF# drafts\r\narchive/\r\n\r\n   \n*.tmp.md\r!keep.md\n')).toEqual(['archive/', '*.tmp.md', '!keep.md']);
  });

  it('unescapes a leading \\# and keeps a leading \\! literal rather than a negation', () => {
    expect(parseIgnoreFile('\\#notes.md\n\\!important.md\n')).toEqual(['#notes.md', '\\!important.md']);
  });

  it('drops unescaped trailing spaces and keeps an escaped one as a space the matcher cannot trim', () => {
    expect(parseIgnoreFile('old.md   \nname\\ \n')).toEqual(['old.md', 'name[ ]']);
  });
});

describe('loadIgnoreFile', () => {
  function project(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(scratch, 'case-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return dir;
  }

  it('reads .policylintignore from the working directory, with gitignore rules relative to it', async () => {
    const dir = project({ [IGNORE_FILE_NAME]: 'archive/\n*.tmp.md\n!keep.tmp.md\n/top.md\n' });
    const outcome = await loadIgnoreFile(undefined, dir);
    if (outcome.kind !== 'loaded') throw new Error(`expected loaded, got ${outcome.kind}`);
    expect(outcome.file).toBe(path.join(dir, IGNORE_FILE_NAME));
    const ignored = (name: string) => outcome.isIgnored(path.join(dir, name));
    expect(['archive/a.md', 'docs/x.tmp.md', 'top.md'].map(ignored)).toEqual([true, true, true]);
    expect(['docs/keep.tmp.md', 'docs/top.md', 'docs/a.md'].map(ignored)).toEqual([false, false, false]);
  });

  it('treats a missing .policylintignore as none, but a missing --ignore-path file as an error', async () => {
    const dir = project({});
    expect(await loadIgnoreFile(undefined, dir)).toEqual({ kind: 'absent' });
    expect(await loadIgnoreFile('ci/ignore', dir)).toEqual({ kind: 'error', file: path.join(dir, 'ci/ignore'), reason: 'no such file or directory' });
  });

  it('reads --ignore-path instead of .policylintignore, with patterns relative to the working directory as in ESLint', async () => {
    const dir = project({ 'ci/lint.ignore': '/old/\n', [IGNORE_FILE_NAME]: 'docs/\n' });
    const outcome = await loadIgnoreFile('ci/lint.ignore', dir);
    if (outcome.kind !== 'loaded') throw new Error(`expected loaded, got ${outcome.kind}`);
    expect(outcome.file).toBe(path.join(dir, 'ci/lint.ignore'));
    expect(outcome.isIgnored(path.join(dir, 'old/a.md'))).toBe(true);
    expect(outcome.isIgnored(path.join(dir, 'ci/old/a.md'))).toBe(false);
    expect(outcome.isIgnored(path.join(dir, 'docs/a.md'))).toBe(false);
  });
});
