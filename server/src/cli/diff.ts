/**
 * A unified diff of two texts, line by line, for `--fix-dry-run`. Written
 * here rather than taken from the `diff` package: fixes change a handful of
 * lines, so Myers' O((N+M)·D) algorithm over lines in ~100 lines does the
 * job, and the output only has to be what `git apply` and `patch -p1` read.
 */

/** Lines of context around each change, as `diff -u` and git default to. */
export const DEFAULT_CONTEXT = 3;

/**
 * Past this many changed lines the edit script falls back to "replace the
 * changed middle": Myers' trace grows with the square of the edit distance,
 * and a fix that rewrites thousands of lines is not one a reader compares
 * line by line anyway.
 */
const MAX_EDIT_DISTANCE = 2000;

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string };

/**
 * The unified diff turning `before` into `after`, with `---`/`+++` headers
 * naming `oldName` and `newName`; the empty string when the texts are equal.
 * Lines keep their own endings (a CRLF file diffs as CRLF lines) and a last
 * line without one gets `\ No newline at end of file`, as in `diff -u`.
 */
export function unifiedDiff(before: string, after: string, oldName: string, newName: string, context = DEFAULT_CONTEXT): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  let out = `--- ${oldName}\n+++ ${newName}\n`;
  for (const hunk of hunks(ops, context)) out += hunk;
  return out;
}

/** Lines with their terminators: joining them gives the text back. */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** The edit script from `a` to `b`: common prefix and suffix first, Myers for the middle. */
function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const middle = myers(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix));
  return [
    ...a.slice(0, prefix).map((line): Op => ({ kind: ' ', line })),
    ...middle,
    ...a.slice(a.length - suffix).map((line): Op => ({ kind: ' ', line })),
  ];
}

/** Myers' greedy shortest edit script (1986), deletions before insertions within a change, as `diff` prints them. */
function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        v = next;
        found = true;
        break outer;
      }
    }
    v = next;
  }
  if (!found) {
    return [...a.map((line): Op => ({ kind: '-', line })), ...b.map((line): Op => ({ kind: '+', line }))];
  }

  // Walk the trace back from (n, m) to (0, 0).
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const before = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && before[offset + k - 1]! < before[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : before[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[--x]! });
      y--;
    }
    if (d === 0) break;
    if (x === prevX) ops.push({ kind: '+', line: b[--y]! });
    else ops.push({ kind: '-', line: a[--x]! });
  }
  ops.reverse();
  return groupDeletionsFirst(ops);
}

/** Within each run of changes, put every `-` before every `+`, which is how diff tools show a replaced block. */
function groupDeletionsFirst(ops: Op[]): Op[] {
  const out: Op[] = [];
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.kind === ' ') {
      out.push(ops[i++]!);
      continue;
    }
    const removed: Op[] = [];
    const added: Op[] = [];
    while (i < ops.length && ops[i]!.kind !== ' ') (ops[i]!.kind === '-' ? removed : added).push(ops[i++]!);
    out.push(...removed, ...added);
  }
  return out;
}

/** Groups the script into `@@` hunks with `context` lines around changes, merging hunks whose context would touch. */
function hunks(ops: readonly Op[], context: number): string[] {
  const changed = ops.map((op, index) => (op.kind === ' ' ? -1 : index)).filter((index) => index >= 0);
  const result: string[] = [];
  let i = 0;
  while (i < changed.length) {
    const start = Math.max(changed[i]! - context, 0);
    let end = Math.min(changed[i]! + context + 1, ops.length);
    while (i + 1 < changed.length && changed[i + 1]! - context <= end) {
      i++;
      end = Math.min(changed[i]! + context + 1, ops.length);
    }
    i++;

    // Line numbers where the hunk starts in each text: count what comes before it.
    let oldLine = 1;
    let newLine = 1;
    for (let j = 0; j < start; j++) {
      if (ops[j]!.kind !== '+') oldLine++;
      if (ops[j]!.kind !== '-') newLine++;
    }
    let oldCount = 0;
    let newCount = 0;
    let body = '';
    for (let j = start; j < end; j++) {
      const op = ops[j]!;
      if (op.kind !== '+') oldCount++;
      if (op.kind !== '-') newCount++;
      const ended = op.line.endsWith('\n');
      body += `${op.kind}${ended ? op.line : `${op.line}\n\\ No newline at end of file\n`}`;
    }
    result.push(`@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@\n${body}`);
  }
  return result;
}

/** `start,count` as diff writes it: `,1` is left out, and an empty range names the line before it. */
function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}
