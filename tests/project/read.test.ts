import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BINARY_SNIFF_BYTES, looksBinary, MAX_FILE_BYTES, readSourceFile, readSourceFiles } from '../../server/src/project/read';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'policylint-read-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const full = path.join(dir, name);
  writeFileSync(full, content);
  return full;
}

describe('readSourceFile', () => {
  it('keeps the text exactly as stored: BOM, CRLF and all', async () => {
    const text = '\uFEFFTitle\r\nBody 😀\r';
    expect(await readSourceFile(file('bom.md', text))).toEqual({ kind: 'text', text, bytes: Buffer.from(text, 'utf8') });
  });

  it('skips files with a NUL near the start as binary', async () => {
    expect(await readSourceFile(file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00])))).toEqual({
      kind: 'skipped',
      reason: 'binary file',
    });
  });

  it('skips files over the size limit without reading them as text', async () => {
    expect(await readSourceFile(file('huge.txt', Buffer.alloc(MAX_FILE_BYTES + 1, 0x61)))).toEqual({
      kind: 'skipped',
      reason: 'larger than 5 MB',
    });
    expect((await readSourceFile(file('limit.txt', Buffer.alloc(MAX_FILE_BYTES, 0x61)))).kind).toBe('text');
  });

  it('reports failures as a short reason instead of throwing', async () => {
    expect(await readSourceFile(path.join(dir, 'absent.md'))).toEqual({ kind: 'error', reason: 'no such file or directory' });
    expect(await readSourceFile(dir)).toEqual({ kind: 'error', reason: 'is a directory' });
  });

  it('reads many files in their given order', async () => {
    const names = Array.from({ length: 40 }, (_, i) => file(`many-${i}.txt`, `file ${i}`));
    const outcomes = await readSourceFiles(names, 4);
    expect(outcomes).toEqual(names.map((_, i) => ({ kind: 'text', text: `file ${i}`, bytes: Buffer.from(`file ${i}`) })));
  });
});

describe('looksBinary', () => {
  it('looks for NUL only in the first 8 KB', () => {
    const late = Buffer.alloc(BINARY_SNIFF_BYTES + 1, 0x61);
    late[BINARY_SNIFF_BYTES] = 0;
    expect(looksBinary(late)).toBe(false);
    late[BINARY_SNIFF_BYTES - 1] = 0;
    expect(looksBinary(late)).toBe(true);
  });

  it('does not mistake UTF-8 text for binary', () => {
    expect(looksBinary(Buffer.from('naïve café — 😀', 'utf8'))).toBe(false);
  });
});
