/**
 * The one place where engine offsets (UTF-16 code units into the text) become
 * the 1-based line and column numbers people and CI tools read. Line breaks
 * are `\r\n`, `\r` and `\n`, as in the LSP, so the CLI and the editor agree on
 * line numbers for every file whatever its line endings. A leading BOM is
 * part of the text (offsets index the file as stored) but takes no column:
 * editors hide it and ESLint strips it, so counting it would put every
 * column on line 1 one to the right of where people look.
 */

/** A 1-based line and a 1-based column counted in UTF-16 code units, as ESLint reports them. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/** Converts offsets of one text to lines and columns; build once per text, query many times. */
export class LineIndex {
  /** Offset of each line's column 1; line 1 starts after a BOM, if any. */
  private readonly lineStarts: number[];
  private readonly length: number;

  constructor(text: string) {
    this.length = text.length;
    this.lineStarts = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x0d /* \r */) {
        // A CRLF pair is one break: the next line starts after the \n.
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        this.lineStarts.push(i + 1);
      } else if (code === 0x0a /* \n */) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  /**
   * The line and column of `offset`. Out-of-range offsets are clamped to the
   * text, because a stale or buggy range must still print somewhere sensible
   * rather than crash the report.
   */
  position(offset: number): LineColumn {
    const clamped = Math.min(Math.max(Number.isFinite(offset) ? Math.trunc(offset) : 0, 0), this.length);
    // Binary search for the last line starting at or before the offset
    // (line 1 always qualifies, even for the BOM's own offset 0).
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: Math.max(clamped - this.lineStarts[low]!, 0) + 1 };
  }
}
