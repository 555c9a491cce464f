/**
 * Line bookkeeping for messages ("repeats the paragraph on line 2"). Editors
 * and the CLI convert ranges themselves; the engine only needs line numbers
 * to write messages a person can follow.
 */

/**
 * Offsets at which each line of `text` starts (LF, CRLF and CR breaks).
 * Searches with `indexOf` rather than reading every character: it is run on
 * every keystroke for the whole document, and the native search is several
 * times faster on long drafts (most have no CR at all).
 */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    if (cr < 0 || (lf >= 0 && lf < cr)) {
      starts.push(lf + 1);
      lf = text.indexOf('\n', lf + 1);
      continue;
    }
    // A CR, alone or as the first half of a CRLF (one break either way).
    const end = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
    starts.push(end);
    if (lf >= 0 && lf < end) lf = text.indexOf('\n', end);
    cr = text.indexOf('\r', end);
  }
  return starts;
}

/** The 1-based line number holding `offset`. */
export function lineNumberAt(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}
