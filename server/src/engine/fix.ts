/**
 * Applying fixes to text, shared by the CLI's --fix and the editor's
 * fix-all so both produce exactly the same result.
 */
import type { Finding, TextEdit } from './types';

/**
 * Applies non-overlapping `edits` to `text` and returns the new text.
 * Throws when two edits overlap or one lies outside the text, because
 * guessing would corrupt the document.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    const [start, end] = edit.range;
    if (start < cursor || end < start || end > text.length) {
      throw new RangeError(`policylint: edit [${start}, ${end}) overlaps another edit or lies outside the text`);
    }
    out += text.slice(cursor, start) + edit.newText;
    cursor = end;
  }
  return out + text.slice(cursor);
}

/**
 * Applies the first safe fix of each finding whose edits touch only `uri`
 * and do not overlap an edit already taken; returns the text and how many
 * findings were fixed. Skipped fixes are left for a later pass.
 */
export function applySafeFixes(
  text: string,
  findings: readonly Finding[],
  uri?: string,
): { text: string; fixed: number } {
  const taken: TextEdit[] = [];
  let fixed = 0;
  for (const finding of findings) {
    const fix = finding.fixes?.find((candidate) => candidate.safe);
    if (!fix) continue;
    if (fix.edits.some((edit) => edit.uri !== undefined && edit.uri !== uri)) continue;
    const overlaps = fix.edits.some((edit) =>
      taken.some((other) => edit.range[0] < other.range[1] && other.range[0] < edit.range[1]) ||
      // Two insertions at one point would have an undefined order.
      taken.some((other) => edit.range[0] === other.range[0] && edit.range[1] === other.range[1]),
    );
    if (overlaps) continue;
    taken.push(...fix.edits);
    fixed++;
  }
  return { text: applyEdits(text, taken), fixed };
}
