/**
 * Cuts a Markdown document into top-level segments that the parser can read
 * one at a time with the same result as reading the whole document.
 *
 * Why: micromark copies the whole event list each time a container (list
 * item, block quote) closes, so one parse of a long draft full of lists is
 * quadratic (a 300 KB briefing took seconds); and parsing segments lets an
 * edit re-parse only the segment it touched. The real parser still does all
 * parsing; this scanner only finds places where a new top-level block must
 * start: a line at column 0 after a blank line, outside fenced code, outside
 * the HTML blocks that may hold blank lines, and after front matter. Where
 * it is unsure it does not cut, which is always correct, only slower.
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

interface Line {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function lines(text: string, from: number): Line[] {
  const out: Line[] = [];
  let start = from;
  for (let i = from; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : -1;
    if (code === 10 || code === 13 || code === -1) {
      out.push({ start, end: i, text: text.slice(start, i) });
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return out;
}

// CommonMark blank lines hold only spaces and tabs; a no-break space is text.
const isBlank = (line: Line): boolean => /^[ \t]*$/.test(line.text);

/** Where front matter (`---` or `+++` fenced, first line only) ends, or `from`. */
function frontMatterEnd(all: readonly Line[], from: number): number {
  const first = all[0];
  if (!first || (first.text !== '---' && first.text !== '+++')) return from;
  for (let i = 1; i < all.length; i++) if (all[i]!.text === first.text) return all[i]!.end;
  return from;
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

/** Splits `text` into top-level segments and collects its definition lines. */
export function segmentMarkdown(text: string): Segmentation {
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const all = lines(text, from);
  const segments: OffsetRange[] = [];
  const definitions: string[] = [];
  const matterEnd = frontMatterEnd(all, from);
  let start = -1;
  let lastEnd = from;
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let previousBlank = true;
  if (matterEnd > from) segments.push([from, matterEnd]);
  for (const line of all) {
    if (line.end <= matterEnd && matterEnd > from) continue;
    const blank = isBlank(line);
    if (!blank && start >= 0 && previousBlank && !fence && !htmlEnd && line.text.charCodeAt(0) !== 32 && line.text.charCodeAt(0) !== 9) {
      segments.push([start, lastEnd]);
      start = -1;
    }
    if (!blank && start < 0) start = line.start;
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line.text);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) fence = undefined;
    } else if (htmlEnd) {
      if (htmlEnd.test(line.text)) htmlEnd = undefined;
    } else {
      if (DEFINITION_LINE.test(line.text)) definitions.push(line.text.trim());
      const open = FENCE_OPEN.exec(line.text);
      if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
        fence = { char: open[1]![0]!, length: open[1]!.length };
      } else {
        const html = HTML_OPEN.find(([opener]) => opener.test(line.text));
        // The end marker may sit on the opening line itself.
        if (html && !html[1].test(line.text.replace(html[0], ''))) htmlEnd = html[1];
      }
    }
    if (!blank) lastEnd = line.end;
    previousBlank = blank;
  }
  if (start >= 0) segments.push([start, lastEnd]);
  return { segments, definitions, frontMatter: matterEnd > from };
}
