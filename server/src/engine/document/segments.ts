/**
 * Cuts a Markdown document into top-level segments that the parser can read
 * one at a time with the same result as reading the whole document.
 *
 * Why: micromark copies the whole event list each time a container (list
 * item, block quote) closes, so one parse of a long draft full of lists is
 * quadratic (a 300 KB briefing took seconds); and parsing segments lets an
 * edit re-parse only the segment it touched. The real parser still does all
 * parsing; this scanner only finds places where a new top-level block must
 * start: a line at column 0 after a blank line (or an indented one, when
 * nothing before it in the segment could be continued by it), outside fenced
 * code, outside the HTML blocks that may hold blank lines, and after front
 * matter. Where it is unsure it does not cut, which is always correct, only
 * slower.
 */
import type { OffsetRange } from '../types';

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})([^`]*)$/;
const HTML_OPEN: readonly (readonly [RegExp, RegExp])[] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
const DEFINITION_LINE = /^ {0,3}\[\^?[^\]\n]{1,999}\]:/;

/** Where front matter (`---` or `+++` fenced, first line only) ends, or `from`. */
function frontMatterEnd(text: string, from: number): number {
  const firstEnd = lineEnd(text, from);
  const first = text.slice(from, firstEnd);
  if (first !== '---' && first !== '+++') return from;
  for (let start = nextLine(text, firstEnd); start <= text.length; ) {
    const end = lineEnd(text, start);
    if (end - start === 3 && text.startsWith(first, start)) return end;
    if (end >= text.length) break;
    start = nextLine(text, end);
  }
  return from;
}

/** The end of the line starting at `start` (its line break, or the end of the text). */
function lineEnd(text: string, start: number): number {
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i;
  }
  return text.length;
}

/** The start of the line after the break at `end` (CRLF is one break). */
function nextLine(text: string, end: number): number {
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}

/**
 * Whether the line at `lineStart` (first non-blank character at `first`) may
 * open something that indented lines after a blank line continue: indented
 * code (four columns or a tab), or a container (list item, block quote,
 * footnote definition) whose marker may follow up to three spaces. Generous
 * on purpose: a line of any other kind only loses a cut.
 */
function mayBeContinued(text: string, lineStart: number, first: number): boolean {
  for (let i = lineStart; i < first; i++) if (text.charCodeAt(i) === 9) return true;
  if (first - lineStart >= 4) return true;
  const code = text.charCodeAt(first);
  return (
    code === 45 /* - */ ||
    code === 43 /* + */ ||
    code === 42 /* * */ ||
    code === 62 /* > */ ||
    (code >= 48 && code <= 57) /* an ordered list's number */ ||
    (code === 91 /* [ */ && text.charCodeAt(first + 1) === 94) /* [^ a footnote definition */
  );
}

export interface Segmentation {
  /** `[start, end)` of each top-level segment, in order; blank lines between them are left out. */
  readonly segments: OffsetRange[];
  /**
   * Link reference and footnote definition lines outside code and HTML: a
   * segment parsed alone must still know them, or its `[label]` references
   * and `[^1]` footnote markers would read as plain text.
   */
  readonly definitions: string[];
  /** The index of the segment each definition line is in. */
  readonly definitionSegments: number[];
  /** Whether the first segment is front matter (which must be parsed at the start of the input). */
  readonly frontMatter: boolean;
}

/**
 * Scans lines from `lineStart`, where no block is open and a new segment
 * opens at the next line that is not blank, adding segments and definitions
 * to `out`. Before opening a segment at a line, asks `stop` (when given)
 * whether to end the scan there instead: returns that line's start, or -1
 * after the last line. Lines are walked by offset (no object or string per
 * line) and the line patterns are tried only on lines whose first character
 * could start them: it runs over the whole of a newly opened draft.
 */
function scanSegments(text: string, lineStart: number, matterEnd: number, out: Segmentation, stop?: (start: number) => boolean): number {
  const { segments, definitions, definitionSegments } = out;
  const inMatter = out.frontMatter;
  let start = -1;
  let lastEnd = lineStart;
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let previousBlank = true;
  // Whether the current segment has a line that an indented line after a blank one may continue.
  let mayContinue = false;
  for (; lineStart <= text.length; ) {
    const end = lineEnd(text, lineStart);
    if (!(inMatter && end <= matterEnd)) {
      // CommonMark blank lines hold only spaces and tabs; a no-break space is text.
      let first = lineStart;
      while (first < end && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
      const blank = first === end;
      const column0 = text.charCodeAt(lineStart);
      const indented = column0 === 32 || column0 === 9;
      // An indented line after a blank one starts a block of its own unless something may still be open that
      // it continues: a list item or footnote (a container marker line), indented code (a line indented 4 or more).
      if (!blank && start >= 0 && previousBlank && !fence && !htmlEnd && (!indented || !mayContinue)) {
        segments.push([start, lastEnd]);
        start = -1;
      }
      if (!blank && start < 0) {
        if (stop?.(lineStart)) return lineStart;
        start = lineStart;
        mayContinue = false;
      }
      if (!blank && !mayContinue) mayContinue = mayBeContinued(text, lineStart, first);
      // Every line pattern allows at most three leading spaces, then needs one of these characters.
      let lead = lineStart;
      while (lead < end && lead - lineStart < 3 && text.charCodeAt(lead) === 32) lead++;
      const opener = text.charCodeAt(lead);
      const mayFence = opener === 96 /* ` */ || opener === 126; /* ~ */
      if (fence) {
        const close = mayFence ? /^ {0,3}(`{3,}|~{3,})\s*$/.exec(text.slice(lineStart, end)) : null;
        if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) fence = undefined;
      } else if (htmlEnd) {
        if (htmlEnd.test(text.slice(lineStart, end))) htmlEnd = undefined;
      } else if (mayFence || opener === 60 /* < */ || opener === 91 /* [ */) {
        const line = text.slice(lineStart, end);
        if (DEFINITION_LINE.test(line)) {
          definitions.push(line.trim());
          definitionSegments.push(segments.length);
        }
        const open = FENCE_OPEN.exec(line);
        if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
          fence = { char: open[1]![0]!, length: open[1]!.length };
        } else {
          const html = HTML_OPEN.find(([pattern]) => pattern.test(line));
          // The end marker may sit on the opening line itself.
          if (html && !html[1].test(line.replace(html[0], ''))) htmlEnd = html[1];
        }
      }
      if (!blank) lastEnd = end;
      previousBlank = blank;
    }
    if (end >= text.length) break;
    lineStart = nextLine(text, end);
  }
  if (start >= 0) segments.push([start, lastEnd]);
  return -1;
}

/** Where the text proper starts (after a byte order mark). */
function textStart(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/** An empty segmentation, with the front matter segment of `text` when it has one, and where that ends. */
function opening(text: string): { out: Segmentation; matterEnd: number } {
  const from = textStart(text);
  const matterEnd = frontMatterEnd(text, from);
  const frontMatter = matterEnd > from;
  return { out: { segments: frontMatter ? [[from, matterEnd]] : [], definitions: [], definitionSegments: [], frontMatter }, matterEnd };
}

/** Splits `text` into top-level segments and collects its definition lines. */
export function segmentMarkdown(text: string): Segmentation {
  const { out, matterEnd } = opening(text);
  scanSegments(text, textStart(text), matterEnd, out);
  return out;
}

/** A segmentation of an edited text, and which of its segments are those of the text before the edit. */
export interface Resegmentation {
  readonly segmentation: Segmentation;
  /** Segments `[0, kept)` are the old ones at the same offsets. */
  readonly kept: number;
  /** Segments from `newTail` on are the old ones from `oldTail` on, moved by the edit's change in length. */
  readonly newTail: number;
  readonly oldTail: number;
}

/**
 * Segments `text`, which is `old.text` with `[head, old.text.length - tail)`
 * replaced, as {@link segmentMarkdown} would, reading only around the edit:
 * the scan starts at the last old segment whose first line lies before
 * the edit, and stops at the first segment it opens past the edit where
 * an old segment opened at the same text. Sound because a segment opens
 * only where no block is open, so everything from there on depends on the
 * text from there on alone; and front matter, which is found from the start
 * of the text, must end at the same place, before the edit.
 */
export function resegmentMarkdown(text: string, old: { readonly text: string; readonly segmentation: Segmentation }, head: number, tail: number): Resegmentation {
  const { out, matterEnd } = opening(text);
  const before = old.segmentation;
  const oldSegments = before.segments;
  const oldMatterEnd = before.frontMatter ? oldSegments[0]![1] : textStart(old.text);
  const first = out.frontMatter ? 1 : 0;
  if (head === 0 || matterEnd !== oldMatterEnd || out.frontMatter !== before.frontMatter || (out.frontMatter && head <= matterEnd)) {
    scanSegments(text, textStart(text), matterEnd, out);
    return { segmentation: out, kept: 0, newTail: out.segments.length, oldTail: oldSegments.length };
  }
  // Restart at the last old segment whose first line, line break included, lies before the edit (at most the
  // second last that starts before it), or at the start.
  let low = first;
  for (let high = oldSegments.length; low < high; ) {
    const mid = (low + high) >> 1;
    if (oldSegments[mid]![0] < head) low = mid + 1;
    else high = mid;
  }
  let kept = first;
  let restart = textStart(text);
  for (let k = low - 1; k >= first; k--) {
    if (lineEnd(old.text, oldSegments[k]![0]) < head) {
      kept = k;
      restart = oldSegments[k]![0];
      break;
    }
  }
  for (let i = first; i < kept; i++) out.segments.push(oldSegments[i]!);
  for (let d = 0; d < before.definitions.length && before.definitionSegments[d]! < kept; d++) {
    out.definitions.push(before.definitions[d]!);
    out.definitionSegments.push(before.definitionSegments[d]!);
  }
  const by = text.length - old.text.length;
  const changedEnd = text.length - tail;
  let oldIndex = kept;
  const stopAt = scanSegments(text, restart, matterEnd, out, (start) => {
    if (start < changedEnd) return false;
    while (oldIndex < oldSegments.length && oldSegments[oldIndex]![0] < start - by) oldIndex++;
    return oldIndex < oldSegments.length && oldSegments[oldIndex]![0] === start - by;
  });
  const newTail = out.segments.length;
  if (stopAt < 0) return { segmentation: out, kept, newTail, oldTail: oldSegments.length };
  for (let i = oldIndex; i < oldSegments.length; i++) {
    const [start, end] = oldSegments[i]!;
    out.segments.push([start + by, end + by]);
  }
  for (let d = 0; d < before.definitions.length; d++) {
    if (before.definitionSegments[d]! < oldIndex) continue;
    out.definitions.push(before.definitions[d]!);
    out.definitionSegments.push(before.definitionSegments[d]! - oldIndex + newTail);
  }
  return { segmentation: out, kept, newTail, oldTail: oldIndex };
}
