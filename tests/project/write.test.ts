import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, lstatSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../server/src/project/write';

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'policylint-write-'));
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function fileWith(content: string, mode = 0o644): { dir: string; file: string; bytes: Buffer } {
  const dir = mkdtempSync(path.join(scratch, 'case-'));
  const file = path.join(dir, 'draft.md');
  writeFileSync(file, content);
  chmodSync(file, mode);
  return { dir, file, bytes: readFileSync(file) };
}

const isWindows = process.platform === 'win32';

describe('writeFileAtomic', () => {
  it('replaces the content, keeps the permission bits and leaves no temporary file', async () => {
    const { dir, file, bytes } = fileWith('old text\n', 0o640);
    expect(await writeFileAtomic(file, bytes, 'new text ✓\n')).toEqual({ kind: 'written' });
    expect(readFileSync(file, 'utf8')).toBe('new text ✓\n');
    if (!isWindows) expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['draft.md']);
  });

  it('does not overwrite a file saved by someone else after the temporary file was written', async () => {
    const { dir, file, bytes } = fileWith('as linted\n');
    const outcome = await writeFileAtomic(file, bytes, 'fixed\n', {
      beforeCompare: () => writeFileSync(file, 'saved by an editor meanwhile\n'),
    });
    expect(outcome).toEqual({ kind: 'changed' });
    expect(readFileSync(file, 'utf8')).toBe('saved by an editor meanwhile\n');
    expect(readdirSync(dir)).toEqual(['draft.md']);
  });

  it('notices a change even when the size stays the same', async () => {
    const { file, bytes } = fileWith('abc\n');
    const outcome = await writeFileAtomic(file, bytes, 'fixed\n', { beforeCompare: () => writeFileSync(file, 'abd\n') });
    expect(outcome).toEqual({ kind: 'changed' });
    expect(readFileSync(file, 'utf8')).toBe('abd\n');
  });

  it('does not even start when the file already differs from what was read', async () => {
    const { dir, file } = fileWith('current\n');
    let called = false;
    const outcome = await writeFileAtomic(file, Buffer.from('what was linted\n'), 'fixed\n', { beforeCompare: () => void (called = true) });
    expect(outcome).toEqual({ kind: 'changed' });
    expect(called).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('current\n');
    expect(readdirSync(dir)).toEqual(['draft.md']);
  });

  it('refuses a read-only file', async () => {
    const { file, bytes } = fileWith('locked\n', 0o444);
    expect(await writeFileAtomic(file, bytes, 'fixed\n')).toEqual({ kind: 'error', reason: 'file is read-only' });
    expect(readFileSync(file, 'utf8')).toBe('locked\n');
  });

  it('reports a vanished file as an error', async () => {
    const { file, bytes } = fileWith('here\n');
    rmSync(file);
    expect(await writeFileAtomic(file, bytes, 'fixed\n')).toEqual({ kind: 'error', reason: 'no such file or directory' });
  });

  it.skipIf(isWindows)('writes through a symbolic link, keeping the link', async () => {
    const { dir, file, bytes } = fileWith('target text\n');
    const link = path.join(dir, 'link.md');
    symlinkSync('draft.md', link);
    expect(await writeFileAtomic(link, bytes, 'fixed\n')).toEqual({ kind: 'written' });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('fixed\n');
  });

  // Root may write into any folder regardless of its mode.
  it.skipIf(isWindows || process.getuid?.() === 0)('reports a folder it may not write into, leaving the file as it was', async () => {
    const { dir, file, bytes } = fileWith('text\n');
    const locked = path.join(dir, 'locked');
    mkdirSync(locked);
    const inner = path.join(locked, 'a.md');
    writeFileSync(inner, 'text\n');
    chmodSync(locked, 0o555);
    try {
      expect(await writeFileAtomic(inner, bytes, 'fixed\n')).toEqual({ kind: 'error', reason: 'permission denied' });
      expect(readFileSync(inner, 'utf8')).toBe('text\n');
    } finally {
      chmodSync(locked, 0o755);
    }
    expect(readFileSync(file, 'utf8')).toBe('text\n');
  });
});
