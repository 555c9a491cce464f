/**
 * Line bookkeeping for messages ("repeats the paragraph on line 2"). Editors
 * and the CLI convert ranges themselves; the engine only needs line numbers
 * to write messages a person can follow.
 */

/** Offsets at which each line of `text` starts (LF, CRLF and CR breaks). */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10 /* \n */) {
      starts.push(i + 1);
    }
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
