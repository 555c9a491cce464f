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
  /** Whether the first segment is front matter (which must be parsed at the start of the input). */
  readonly frontMatter: boolean;
}

/**
 * Splits `text` into top-level segments and collects its definition lines.
 * Runs on every keystroke over the whole draft, so lines are walked by
 * offset (no object or string per line) and the line patterns are tried
 * only on lines whose first character could start them.
 */
export function segmentMarkdown(text: string): Segmentation {
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const segments: OffsetRange[] = [];
  const definitions: string[] = [];
  const matterEnd = frontMatterEnd(text, from);
  let start = -1;
  let lastEnd = from;
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let previousBlank = true;
  // Whether the current segment has a line that an indented line after a blank one may continue.
  let mayContinue = false;
  if (matterEnd > from) segments.push([from, matterEnd]);
  for (let lineStart = from; lineStart <= text.length; ) {
    const end = lineEnd(text, lineStart);
    if (!(end <= matterEnd && matterEnd > from)) {
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
        if (DEFINITION_LINE.test(line)) definitions.push(line.trim());
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
  return { segments, definitions, frontMatter: matterEnd > from };
}
