import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../server/src/cli/positions';

/** Every offset of `text` as "line:column", to compare whole mappings at a glance. */
function allPositions(text: string): string[] {
  const index = new LineIndex(text);
  return Array.from({ length: text.length + 1 }, (_, offset) => {
    const { line, column } = index.position(offset);
    return `${line}:${column}`;
  });
}

describe('LineIndex', () => {
  it('numbers lines and columns from 1', () => {
    expect(allPositions('ab\ncd')).toEqual(['1:1', '1:2', '1:3', '2:1', '2:2', '2:3']);
  });

  it('treats CRLF as one line break', () => {
    // offsets: a=0 \r=1 \n=2 b=3 \r=4 \n=5 (end)=6
    expect(allPositions('a\r\nb\r\n')).toEqual(['1:1', '1:2', '1:3', '2:1', '2:2', '2:3', '3:1']);
  });

  it('treats a lone CR as a line break (classic Mac files)', () => {
    expect(allPositions('a\rb\rc')).toEqual(['1:1', '1:2', '2:1', '2:2', '3:1', '3:2']);
  });

  it('handles mixed endings and blank lines', () => {
    const text = 'one\r\n\r\ntwo\n\nthree\rfour';
    const index = new LineIndex(text);
    expect(index.position(text.indexOf('two'))).toEqual({ line: 3, column: 1 });
    expect(index.position(text.indexOf('three'))).toEqual({ line: 5, column: 1 });
    expect(index.position(text.indexOf('four'))).toEqual({ line: 6, column: 1 });
    expect(index.position(text.length)).toEqual({ line: 6, column: 5 });
  });

  it('counts columns in UTF-16 code units, so an emoji takes two', () => {
    const text = 'a😀b\n😀😀x';
    const index = new LineIndex(text);
    expect(index.position(text.indexOf('b'))).toEqual({ line: 1, column: 4 });
    expect(index.position(text.indexOf('x'))).toEqual({ line: 2, column: 5 });
    // The end of a range covering the emoji is the column after both halves.
    expect(index.position(text.indexOf('😀') + 2)).toEqual({ line: 1, column: 4 });
  });

  it('gives the BOM no column but keeps offsets indexing the raw text', () => {
    const text = '\uFEFFword\nnext';
    const index = new LineIndex(text);
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
    expect(index.position(1)).toEqual({ line: 1, column: 1 });
    expect(index.position(5)).toEqual({ line: 1, column: 5 });
    expect(index.position(6)).toEqual({ line: 2, column: 1 });
  });

  it('clamps offsets outside the text instead of throwing', () => {
    const index = new LineIndex('ab\ncd');
    expect(index.position(-3)).toEqual({ line: 1, column: 1 });
    expect(index.position(99)).toEqual({ line: 2, column: 3 });
    expect(new LineIndex('').position(0)).toEqual({ line: 1, column: 1 });
  });
});
