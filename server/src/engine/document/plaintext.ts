/**
 * Plain-text documents. Paragraphs are separated by blank lines; a run of
 * lines too long to be hard-wrapped (pasted from a word processor, one
 * paragraph per line, as in the founding draft) is one paragraph per line.
 */
import { BoundedCache } from '../cache';
import type { OffsetRange } from '../types';
import { charClass, SPACE } from './chars';
import { placeRun } from './content';
import { detached } from './flatten';
import { OBJECT_MASK, type Block, type InlineSpan, type ProseBlock } from './model';
import type { ParsedRun } from './previous-parses';
import { splitSentences } from './sentences';

/** No hard-wrapped prose has lines this long; a block with one is one paragraph per line. */
const UNWRAPPED_LINE_LENGTH = 150;

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"'()]+/g;
const COMMENT_LINE = /^\s*<!--.*-->\s*$/;

interface Line {
  readonly start: number;
  /** End of the line's content, before its line break. */
  readonly end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : -1;
    if (code === 10 || code === 13 || code === -1) {
      lines.push({ start, end: i });
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return lines;
}

/** Whether the line holds only white space (`\s`, what `trim` removes), read in place rather than from a copy of the line. */
function isBlank(text: string, line: Line): boolean {
  for (let i = line.start; i < line.end; i++) if (!(charClass(text.charCodeAt(i)) & SPACE)) return false;
  return true;
}

/** Parses plain `text` into paragraph blocks (and comment lines as `html`). */
export function parsePlainTextBlocks(text: string): Block[] {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = splitLines(text);
  if (lines[0]) lines[0] = { start: Math.max(lines[0].start, start), end: lines[0].end };
  const blocks: Block[] = [];
  let group: Line[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    const unwrapped = group.some((line) => line.end - line.start > UNWRAPPED_LINE_LENGTH);
    if (unwrapped) for (const line of group) blocks.push(paragraph(text, [line.start, line.end]));
    else blocks.push(paragraph(text, [group[0]!.start, group[group.length - 1]!.end]));
    group = [];
  };
  for (const line of lines) {
    if (isBlank(text, line)) {
      flush();
    } else if (COMMENT_LINE.test(text.slice(line.start, line.end))) {
      // Directive comments are markup, never prose.
      flush();
      blocks.push({ kind: 'html', container: 'root', range: [line.start, line.end] });
    } else {
      group.push(line);
    }
  }
  flush();
  return blocks;
}

/**
 * Paragraphs by their text, so an edit parses only the paragraph it touched.
 * Each is parsed from its key, a copy: blocks cut from the document's text
 * would keep that whole text alive as long as the entry, a copy of the
 * document per keystroke.
 */
const paragraphs = new BoundedCache<string, ParsedRun>(50_000);

function paragraph(text: string, range: OffsetRange): ProseBlock {
  const raw = text.slice(range[0], range[1]);
  // Looked up by the slice among recent entries, else by a copy: a copy per paragraph per keystroke would be a copy
  // of the document, and an entry moved up from the old generation is kept under the key it was looked up by.
  const entry = paragraphs.peekRecent(raw) ?? paragraphs.get(detached(raw), (own) => ({ blocks: [parseParagraph(own)], start: 0 }));
  return placeRun(entry, range[0])[0] as ProseBlock;
}

/** The paragraph block of `raw`, at offset 0. */
function parseParagraph(raw: string): ProseBlock {
  // Leading indentation is not part of the paragraph's range.
  const start = raw.length - raw.trimStart().length;
  let prose = raw.slice(start);
  const inlines: InlineSpan[] = [];
  prose = prose.replace(URL_PATTERN, (url, offset: number) => {
    inlines.push({ kind: 'url', range: [start + offset, start + offset + url.length], url });
    return OBJECT_MASK.repeat(url.length);
  });
  return {
    kind: 'paragraph',
    container: 'root',
    range: [start, raw.length],
    prose,
    inlines,
    sentences: splitSentences(prose, start),
  };
}
