/**
 * Paragraphs whose blocks are known without the parser: plain words, with
 * simple inline links (`[words](https://…)`) and URLs, or with simple
 * emphasis (`_term_`, `**Note:**`, links allowed too); and lists of such
 * paragraphs, one per item. Most policy prose is of these kinds (CRS
 * reports link a source in most paragraphs, fact sheets open list items
 * in bold), and micromark is the engine's most expensive step. Conservative on
 * purpose: anything doubtful goes to the real parser, which is correct
 * whatever the input; property tests check the two agree wherever these
 * apply.
 */
import { flatten } from './flatten';
import { OBJECT_MASK, type ProseBlock } from './model';
import { protocolAutolinks, type AutolinkRange } from './protocol-autolinks';
import { splitSentences } from './sentences';

/**
 * Characters that may start inline markup other than brackets and emphasis (what rules out a paragraph before
 * its emphasis is looked at), an autolink or an HTML tag anywhere in a line; tabs change what
 * counts as indentation; a character reference (`&#64;`, `&commat;`) may decode to an autolink's `@` or
 * `www.`, which GFM's autolink transform then links. Pipes matter only with a delimiter row (see {@link DELIMITER_ROW}).
 */
const INLINE_SYNTAX_BUT_EMPHASIS = /[\\`<~@\t]|:\/\/|www\.|mailto:|xmpp:|&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{0,31});/i;
/** The same with emphasis delimiters, for the text around and inside simple links (see {@link simpleInlines}). */
const INLINE_SYNTAX_BUT_BRACKETS = new RegExp(`[*_]|${INLINE_SYNTAX_BUT_EMPHASIS.source}`, 'i');
/** All of it: brackets and emphasis delimiters too. */
const INLINE_SYNTAX = new RegExp(`[*_[\\]]|${INLINE_SYNTAX_BUT_EMPHASIS.source}`, 'i');
/** A character reference, which a link destination decodes. */
const CHARACTER_REFERENCE = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{0,31});/i;
/** A line start that may open or interrupt a block (list, heading, quote, fence, setext underline, thematic break), or a blank line. */
export const BLOCK_START = /(?:^|\r\n|\n|\r(?!\n))[ ]*(?:[-+*#>=~`<_]|\d+[.)]|[\n\r]|$)/;
/**
 * A line that could be a table's delimiter row (only pipes, colons, dashes
 * and spaces; "word\n:--" is a one-column table). Without one there is no
 * table, and a pipe is just text: CRS reports' footnote lists ("| 1. | See …")
 * are paragraphs of such lines.
 */
export const DELIMITER_ROW = /(?:^|[\n\r])[ |:-]*-[ |:-]*(?:[\n\r]|$)/;

/** Whether `body` is one paragraph as far as blocks go: no line opens or interrupts a block, and it does not open with indentation. */
function oneParagraph(body: string): boolean {
  const first = body.charCodeAt(0);
  if (body.length === 0 || first === 32 || first === 10 || first === 13) return false;
  return !BLOCK_START.test(body) && !DELIMITER_ROW.test(body);
}

/**
 * Whether a segment is one paragraph of plain words that the parser would
 * read as exactly that: one line or more, no blank line, nothing that opens
 * a block or inline markup.
 */
export function isPlainParagraph(body: string): boolean {
  return !INLINE_SYNTAX.test(body) && oneParagraph(body);
}

/** The block the parser makes of a plain paragraph (see {@link isPlainParagraph}) at document offset `start`: its prose is its text. */
export function plainParagraph(body: string, start = 0): ProseBlock {
  return { kind: 'paragraph', container: 'root', range: [start, start + body.length], prose: body, inlines: [], sentences: splitSentences(body, start) };
}

/** A run of `*` or `_` opening a line, before a letter or digit: emphasis, if anything (see {@link simpleEmphasis}). */
const LINE_OPENING_EMPHASIS = /(?<=^|\n)[*_]{1,2}(?=[\p{L}\p{N}])/gu;
const asLetters = (run: string): string => 'a'.repeat(run.length);

/** An inline link `[label](destination)` in a paragraph: offsets of its `[`, its `]` and just after its `)`. */
interface SimpleLink {
  readonly open: number;
  readonly close: number;
  readonly end: number;
}

/**
 * Characters a simple link destination may hold: printable ASCII but
 * whitespace, angle brackets (`<…>` destinations), backslashes (escapes),
 * brackets, backticks and quotes. Parentheses nest (see {@link destinationEnd}).
 */
function isDestinationChar(code: number): boolean {
  return code > 32 && code < 127 && code !== 60 && code !== 62 && code !== 92 && code !== 91 && code !== 93 && code !== 96 && code !== 34 && code !== 39;
}

/** How deep a simple destination may nest parentheses (micromark allows 32). */
const MAX_NESTING = 8;

/** Where the simple destination starting at `from` ends (at its closing `)`), or -1 when it is not one. */
function destinationEnd(body: string, from: number): number {
  let depth = 0;
  for (let i = from; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if (!isDestinationChar(code)) return -1;
    if (code === 40 /* ( */ && ++depth > MAX_NESTING) return -1;
    if (code === 41 /* ) */ && depth-- === 0) return i > from ? i : -1;
  }
  return -1;
}

/** The inline constructs of a paragraph the fast path builds: simple links and protocol autolink literals, each in order. */
interface SimpleInlines {
  readonly links: readonly SimpleLink[];
  readonly urls: readonly AutolinkRange[];
  /** Simple emphasis runs outside the links and URLs, touching no URL (offset, length; see {@link simpleEmphasis}). */
  readonly emphasis: readonly number[];
}

/**
 * The inline links, URLs and emphasis of a paragraph of plain words, simple
 * links and protocol autolink literals, or of plain words, simple links and
 * simple emphasis, or undefined when it is not one. A simple link is
 * `[label](destination)` with a label of plain words (no brackets, not
 * opening with `^`; it may span lines) and a non-empty destination of
 * {@link isDestinationChar}s (balanced parentheses) without character
 * references, closed at once by `)`; every `](` must open one. Other
 * brackets are literal text only because no reference is defined
 * (`definitions` false): `[1]` is then text; but an unclosed one keeps a
 * later URL from being linked, so a URL must follow none. A URL is
 * what {@link protocolAutolinks} finds in the text outside the links; it must
 * not run into a link without whitespace between. The text outside the links
 * and URLs, and the labels, must be free of other inline syntax, but for
 * {@link simpleEmphasis} outside the links and URLs and touching no URL; and
 * a paragraph opening with `[` must not open with a definition's `[label]:`.
 */
function simpleInlines(body: string, definitions: boolean): SimpleInlines | undefined {
  // A line may open with emphasis ("**Title.** See [the plan](…)"): no list marker or break, if it is emphasis (checked
  // below). The copy with those runs as letters is made only then: long paragraphs are asked on every edit.
  if (definitions || !(oneParagraph(body) || (body.search(LINE_OPENING_EMPHASIS) >= 0 && oneParagraph(body.replace(LINE_OPENING_EMPHASIS, asLetters))))) {
    return undefined;
  }
  if (body.charCodeAt(0) === 91 /* [ */) {
    const close = body.indexOf(']');
    if (close < 0 || body.lastIndexOf('[', close) !== 0 || body.charCodeAt(close + 1) === 58 /* : */) return undefined;
  }
  const links: SimpleLink[] = [];
  // The body with each link blanked (same offsets), and the labels.
  let outside = '';
  let labels = '';
  let after = 0;
  for (let close = body.indexOf('](', after); close >= 0; close = body.indexOf('](', after)) {
    const open = body.lastIndexOf('[', close);
    if (open < after || body.charCodeAt(open - 1) === 33 /* ! opens an image */) return undefined;
    const label = body.slice(open + 1, close);
    if (!/^[^[\]\r]{0,999}$/.test(label) || !/\S/.test(label) || label.startsWith('^')) return undefined;
    const end = destinationEnd(body, close + 2);
    if (end < 0 || CHARACTER_REFERENCE.test(body.slice(close + 2, end))) return undefined;
    links.push({ open, close, end: end + 1 });
    outside += body.slice(after, open) + ' '.repeat(end + 1 - open);
    labels += ` ${label}`;
    after = end + 1;
  }
  outside += body.slice(after);
  const urls = protocolAutolinks(outside);
  if (!urls) return undefined;
  let words = labels;
  let from = 0;
  for (const [start, end] of urls) {
    const space = body.slice(end).search(/\s/);
    const stop = space < 0 ? body.length : end + space;
    if (links.some(({ open }) => open >= end && open < stop)) return undefined;
    words += ` ${outside.slice(from, start)}`;
    from = end;
  }
  words += ` ${outside.slice(from)}`;
  if (openBracketAt(outside, urls.map(([start]) => start))) return undefined;
  if (!INLINE_SYNTAX_BUT_BRACKETS.test(words)) return { links, urls, emphasis: NO_RUNS };
  // Emphasis around links and URLs, not in link labels. Each link reads as its bracket, letters and its parenthesis,
  // so that a run next to one sees what stands there. A URL ends and begins with letters, digits or other characters,
  // and its end depends on the characters after it: no run may touch one.
  if (INLINE_SYNTAX_BUT_EMPHASIS.test(words) || INLINE_SYNTAX_BUT_BRACKETS.test(labels)) return undefined;
  let plain = '';
  let last = 0;
  for (const { open, end } of links) {
    plain += `${outside.slice(last, open)}[${'a'.repeat(end - open - 2)})`;
    last = end;
  }
  plain = masked(plain + outside.slice(last), urls.flatMap(([start, end]) => [start, end - start]), ' ');
  const emphasis = simpleEmphasis(plain);
  if (!emphasis || INLINE_SYNTAX_BUT_BRACKETS.test(inlineView(plain, emphasis))) return undefined;
  for (const runs of [emphasis.paired, emphasis.literal]) {
    for (let r = 0; r < runs.length; r += 2) {
      const [at, end] = [runs[r]!, runs[r]! + runs[r + 1]!];
      if (urls.some(([start, stop]) => end === start || at === stop)) return undefined;
    }
  }
  return { links, urls, emphasis: emphasis.paired };
}

/**
 * Whether a `[` in `text` is still open at one of `ends` (ascending; each
 * `]` closes the nearest open one). GFM does not link a URL inside an open bracket.
 */
function openBracketAt(text: string, ends: readonly number[]): boolean {
  let open = 0;
  let i = 0;
  for (const end of ends) {
    for (; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code === 91 /* [ */) open++;
      else if (code === 93 /* ] */ && open > 0) open--;
    }
    if (open > 0) return true;
  }
  return false;
}

/** Whether `code` is an ASCII or Unicode letter or digit (never punctuation or white space, in CommonMark's terms). */
function isAlphanumeric(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER_OR_DIGIT.test(String.fromCharCode(code));
}
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** A space or line break: white space as far as flanking goes (tabs and other spaces are left to the parser). */
function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13;
}

/** ASCII punctuation after which a delimiter run closes when white space (or the end) follows, and which may follow a closing run. */
const CLOSING_PUNCTUATION = '.,:;!?)';

/** The emphasis delimiter runs of a text (offset, length each): those that pair up, and those that stay text. */
interface Emphasis {
  readonly paired: readonly number[];
  readonly literal: readonly number[];
}

/**
 * The emphasis delimiter runs of `body`, or undefined unless CommonMark's
 * reading of them is plain to see. Every run of `*` or `_` is one or two
 * long and, by what stands on either side, can only open (after the start,
 * white space or "(", before a letter or digit), only close (after a letter
 * or digit, before the end, white space or .,:;!?; or after that
 * punctuation, before white space), or neither (between white space, or an
 * underscore between letters or digits). No run can both open and close, so
 * the rule of three never applies. Each closer then pairs with the nearest
 * opener of its character before it, which must be as long (a longer one
 * would be split), and the openers between them stay text; a closer with no
 * such opener, an opener never closed and a run that can do neither stay
 * text too. `**Source: **CRS` is two openers and no emphasis; `snake_case`
 * is text; `**bold *and* nested**` nests. Anything else (`***both***`,
 * `x**y**`, `**a*`) is left to the parser.
 */
function simpleEmphasis(body: string): Emphasis | undefined {
  const paired: number[] = [];
  const literal: number[] = [];
  // Unmatched openers (offset, length), innermost last.
  const openers: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const char = body.charCodeAt(i);
    if (char !== 42 /* * */ && char !== 95 /* _ */) continue;
    let end = i + 1;
    while (body.charCodeAt(end) === char) end++;
    const length = end - i;
    if (length > 2) return undefined;
    const before = body.charCodeAt(i - 1);
    const after = body.charCodeAt(end);
    // Before the start or after the end there is no character (NaN), which counts as white space.
    const spaceBefore = Number.isNaN(before) || isSpace(before);
    const spaceAfter = Number.isNaN(after) || isSpace(after);
    // Left-flanking and not right-flanking: after the start, white space or "(", before a letter or digit.
    const opens = (spaceBefore || before === 40) /* ( */ && isAlphanumeric(after);
    // Right-flanking and not left-flanking: after a letter or digit and before white space or punctuation, or after
    // punctuation and before white space (between two punctuation marks a run would flank both ways).
    const closes = isAlphanumeric(before)
      ? spaceAfter || CLOSING_PUNCTUATION.includes(String.fromCharCode(after))
      : CLOSING_PUNCTUATION.includes(String.fromCharCode(before)) && spaceAfter;
    // Flanking neither way, or an underscore inside a word: text.
    const neither = (spaceBefore && spaceAfter) || (char === 95 && isAlphanumeric(before) && isAlphanumeric(after));
    if (opens) {
      openers.push(i, length);
    } else if (closes) {
      let k = openers.length - 2;
      while (k >= 0 && body.charCodeAt(openers[k]!) !== char) k -= 2;
      if (k < 0) literal.push(i, length);
      else if (openers[k + 1] !== length) return undefined;
      else {
        paired.push(openers[k]!, length, i, length);
        // The openers after the one that matched stay text.
        literal.push(...openers.splice(k).slice(2));
      }
    } else if (neither) {
      literal.push(i, length);
    } else {
      return undefined;
    }
    i = end - 1;
  }
  literal.push(...openers);
  return { paired: byOffset(paired), literal: byOffset(literal) };
}

/** Runs (offset, length each) in the order of their offsets. */
function byOffset(runs: readonly number[]): number[] {
  const pairs: [number, number][] = [];
  for (let r = 0; r < runs.length; r += 2) pairs.push([runs[r]!, runs[r + 1]!]);
  return pairs.sort((a, b) => a[0] - b[0]).flat();
}

/** `text` with its emphasis as the block checks read it: delimiters that pair, and runs before a letter or digit (which open no block), as letters. */
function blockView(text: string, emphasis: Emphasis): string {
  const beforeWords: number[] = [];
  const literal = emphasis.literal;
  for (let r = 0; r < literal.length; r += 2) {
    if (isAlphanumeric(text.charCodeAt(literal[r]! + literal[r + 1]!))) beforeWords.push(literal[r]!, literal[r + 1]!);
  }
  return masked(masked(text, emphasis.paired, 'a'), beforeWords, 'a');
}

/** `text` with its emphasis as the inline checks read it: no `*` or `_` left (delimiters as spaces, literal runs as letters). */
function inlineView(text: string, emphasis: Emphasis): string {
  return masked(masked(text, emphasis.paired, ' '), emphasis.literal, 'a');
}

const NO_RUNS: readonly number[] = [];

/** `text` with each run (offset, length) of `runs` written as `char`s, flat. */
function masked(text: string, runs: readonly number[], char: string): string {
  let out = '';
  let from = 0;
  for (let r = 0; r < runs.length; r += 2) {
    out += text.slice(from, runs[r]) + char.repeat(runs[r + 1]!);
    from = runs[r]! + runs[r + 1]!;
  }
  return flatten(out + text.slice(from));
}

/**
 * The block the parser makes of a paragraph of plain words and simple
 * emphasis (see {@link simpleEmphasis}) at document offset `start`, or
 * undefined: the delimiters are markup (spaces in the prose). The rest of
 * the paragraph must be plain words, and its lines must open no block even
 * with the delimiters read as letters (a line may open with `**Note:**`,
 * which is no list marker).
 */
function emphasisParagraph(body: string, start: number): ProseBlock | undefined {
  const emphasis = paragraphEmphasis(body);
  if (!emphasis) return undefined;
  const prose = masked(body, emphasis.paired, ' ');
  return { kind: 'paragraph', container: 'root', range: [start, start + body.length], prose, inlines: [], sentences: splitSentences(prose, start) };
}

/** The emphasis of a paragraph {@link emphasisParagraph} builds, without building it (see {@link isFastParagraph}). */
function paragraphEmphasis(body: string): Emphasis | undefined {
  if (!body.includes('*') && !body.includes('_')) return undefined;
  const emphasis = simpleEmphasis(body);
  return emphasis && oneParagraph(blockView(body, emphasis)) && !INLINE_SYNTAX.test(inlineView(body, emphasis)) ? emphasis : undefined;
}

/** How many spaces open `body`. */
function leadingSpaces(body: string): number {
  let i = 0;
  while (body.charCodeAt(i) === 32) i++;
  return i;
}

/** Whether a segment is a paragraph this module builds (see {@link fastParagraph}). */
function isFastParagraph(body: string, definitions: boolean): boolean {
  const indent = leadingSpaces(body);
  return (
    isPlainParagraph(body) ||
    (indent > 0 && indent < 4 && isPlainParagraph(body.slice(indent))) ||
    simpleInlines(body, definitions) !== undefined ||
    paragraphEmphasis(body) !== undefined
  );
}

/**
 * The block the parser makes of a paragraph of plain words, or of plain
 * words, simple inline links and URLs (see {@link simpleInlines}), at
 * document offset `start`; undefined for any other segment. A link's
 * brackets and destination are markup (spaces in the prose), its label is
 * prose; a URL is an object (U+FFFC).
 * `definitions`: the document defines link references or footnotes.
 */
export function fastParagraph(body: string, start: number, definitions: boolean): ProseBlock | undefined {
  if (isPlainParagraph(body)) return plainParagraph(body, start);
  // Up to three spaces may indent a paragraph's first line (CRS reports' closing disclaimer): the block starts after them.
  const indent = leadingSpaces(body);
  if (indent > 0 && indent < 4 && isPlainParagraph(body.slice(indent))) return plainParagraph(body.slice(indent), start + indent);
  const found = simpleInlines(body, definitions);
  if (!found) return emphasisParagraph(body, start);
  if (found.links.length === 0 && found.urls.length === 0 && found.emphasis.length === 0) return plainParagraph(body, start);
  const spans = [
    ...found.links.map(({ open, close, end }) => ({ open, end, inline: { kind: 'link', range: [start + open, start + end], url: body.slice(close + 2, end - 1) } as const, label: body.slice(open + 1, close) })),
    ...found.urls.map(([open, end]) => ({ open, end, inline: { kind: 'url', range: [start + open, start + end], url: body.slice(open, end) } as const, label: undefined })),
  ].sort((a, b) => a.open - b.open);
  let prose = '';
  let from = 0;
  for (const { open, end, label } of spans) {
    prose += body.slice(from, open) + (label === undefined ? OBJECT_MASK.repeat(end - open) : ` ${label}${' '.repeat(end - open - label.length - 1)}`);
    from = end;
  }
  // Built by concatenation: flat, so the block keeps one string rather than a rope of its pieces.
  prose = masked(prose + body.slice(from), found.emphasis, ' ');
  return {
    kind: 'paragraph',
    container: 'root',
    range: [start, start + body.length],
    prose,
    inlines: spans.map(({ inline }) => inline),
    sentences: splitSentences(prose, start),
  };
}

/**
 * The items of a simple bullet list: every line is `-`, `*` or `+`, one
 * space, then text that is not indented further and is no task-list check
 * (`[ ]`, `[x]`). `[start, end)` of each item's text; undefined for any
 * other segment (line breaks other than LF included).
 */
function listItems(body: string): (readonly [start: number, end: number])[] | undefined {
  if (body.includes('\r')) return undefined;
  const items: (readonly [number, number])[] = [];
  for (let lineStart = 0; lineStart < body.length; ) {
    const newline = body.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? body.length : newline;
    const marker = body.charCodeAt(lineStart);
    if ((marker !== 45 && marker !== 42 && marker !== 43) /* - * + */ || body.charCodeAt(lineStart + 1) !== 32) return undefined;
    if (body.charCodeAt(lineStart + 2) === 32 || /^\[[ xX]\]/.test(body.slice(lineStart + 2, lineStart + 5))) return undefined;
    items.push([lineStart + 2, lineEnd]);
    lineStart = lineEnd + 1;
  }
  return items.length > 0 ? items : undefined;
}

/** A list item's opening: its marker, then one to four spaces before the content (more would open indented code). */
export const LIST_ITEM_OPENING = /^(?:[-+*]|\d{1,9}[.)]) {1,4}(?! )/;
/**
 * How the content of a list item may begin so that its first line is
 * paragraph text: a letter, a number that is no list marker, or emphasis
 * opening on a word (fact sheets open items with "**Title.**"). A checkbox,
 * a nested marker, a heading, a quote or a fence would be something else.
 */
const ITEM_CONTENT_START = /^(?:\p{L}|\d+(?![.)\d])|\*\*?(?=[\p{L}\p{N}])|__?(?=[\p{L}\p{N}]))/u;

/**
 * Where each item of `body` starts, when `body` is list items each holding
 * one paragraph: a tight bullet list (one bullet character throughout), or
 * one item of any kind. Within an item every later line, indented to the
 * item's content column or less (a lazy continuation), opens and
 * interrupts nothing, by the same test a paragraph's lines pass (see
 * BLOCK_START): it continues the item's paragraph. Undefined for anything
 * else.
 * Policy fact sheets write lists of this kind 5–10 KB long, which were
 * parsed whole on every edit.
 *
 * Each item then parses alone as it does in the list (a paragraph's blocks
 * do not depend on the list being tight or on the items around it), and a
 * long one in pieces, of which only the first holds the marker: the others
 * parse as bare paragraphs and give the same text, inlines and sentences,
 * since a paragraph's continuation lines lose their leading spaces either
 * way and the prose keeps them as spaces either way.
 */
export function listItemStarts(body: string): number[] | undefined {
  // Most segments asked are no list: told by their first line before the scans of the whole text.
  if (!LIST_ITEM_OPENING.test(body) || body.includes('\r')) return undefined;
  // A delimiter row could make a table of the lines above it: left to the whole parse at once (a piece holding it would be declined).
  if (DELIMITER_ROW.test(body)) return undefined;
  const starts: number[] = [];
  for (let lineStart = 0; lineStart < body.length; ) {
    const newline = body.indexOf('\n', lineStart);
    const line = body.slice(lineStart, newline < 0 ? body.length : newline);
    const opening = LIST_ITEM_OPENING.exec(line)?.[0];
    if (opening !== undefined && (starts.length === 0 || line[0] === body[0])) {
      // A second item must be a bullet like the first: ordered items are left to the whole parse (their numbers and delimiters decide what continues the list).
      if ((starts.length > 0 && !'-+*'.includes(line[0]!)) || !ITEM_CONTENT_START.test(line.slice(opening.length))) return undefined;
      starts.push(lineStart);
    } else if (starts.length === 0 || BLOCK_START.test(line)) {
      // Indented to the content or less (a lazy continuation, as CRS reports' closing disclaimer follows their last list), a later
      // line continues the item's paragraph unless it opens or interrupts something.
      return undefined;
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return starts.length > 0 ? starts : undefined;
}

/**
 * The content of each item of a list {@link listItemStarts} takes (markers
 * followed by up to four spaces, later lines continuing the item's
 * paragraph): `[start, end)` of each, as {@link listItems} gives them;
 * undefined for any other segment. Policy fact sheets write their lists
 * this way (`-   **Title**. …` with wrapped lines). An item's paragraph
 * reads as it would alone: the indentation of its later lines (lazy ones
 * included) is spaces in the text and in the prose.
 */
function indentedItems(body: string): (readonly [start: number, end: number])[] | undefined {
  return listItemStarts(body)?.map((at, k, starts) => [
    contentStart(body, at),
    // Up to the line break before the next item, which no item's paragraph holds.
    k + 1 < starts.length ? starts[k + 1]! - 1 : body.length,
  ]);
}

/** Where the content of the list item whose marker stands at `at` begins, or -1 when none stands there. */
function contentStart(body: string, at: number): number {
  const opening = LIST_ITEM_OPENING.exec(body.slice(at, at + 16))?.[0];
  return opening === undefined ? -1 : at + opening.length;
}

/**
 * The paragraph of one list item of a list {@link listItemStarts} takes
 * (`text` from its marker to its end, at document offset `start`) when its
 * content is a fast paragraph; undefined otherwise.
 */
export function fastItem(text: string, start: number, definitions: boolean): ProseBlock | undefined {
  const from = contentStart(text, 0);
  const paragraph = from < 0 ? undefined : fastParagraph(text.slice(from), start + from, definitions);
  return paragraph && { ...paragraph, container: 'listItem' };
}

/** An ATX heading line: one to six `#`, then spaces, then its text (see {@link atxHeading}). */
const ATX_HEADING = /^(#{1,6} +)([^\n\r]*)$/;

/**
 * The block of a segment that is one ATX heading of plain words, or of plain
 * words and simple emphasis (see {@link simpleEmphasis}), at document offset
 * `start`: the opening `#`s and the spaces after them are markup (spaces in
 * the prose). Undefined for any other segment, and for a heading whose text
 * ends in `#`, which may be a closing sequence; reports open every section
 * with one, and micromark read each.
 */
function atxHeading(body: string, start: number): ProseBlock | undefined {
  const match = ATX_HEADING.exec(body);
  const text = match?.[2];
  if (!match || !text || !/^\S/.test(text) || text.trimEnd().endsWith('#')) return undefined;
  const emphasis = simpleEmphasis(text);
  if (!emphasis || INLINE_SYNTAX.test(inlineView(text, emphasis))) return undefined;
  const prose = flatten(' '.repeat(match[1]!.length) + masked(text, emphasis.paired, ' '));
  return { kind: 'heading', container: 'root', range: [start, start + body.length], prose, inlines: [], sentences: splitSentences(prose, start) };
}

/** Whether a segment is one this module builds (see {@link fastBlocks}). */
export function isFast(body: string, definitions: boolean): boolean {
  if (isFastParagraph(body, definitions) || atxHeading(body, 0)) return true;
  return (listItems(body) ?? indentedItems(body))?.every(([from, to]) => isFastParagraph(body.slice(from, to), definitions)) ?? false;
}

/**
 * The blocks the parser makes of a segment that is one fast paragraph (see
 * {@link fastParagraph}) or heading (see {@link atxHeading}), a simple bullet list of them (see
 * {@link listItems}: one paragraph per item, in a list item) or a list of
 * them with wider or wrapped items (see {@link indentedItems}), at document
 * offset `start`; undefined for any other segment.
 */
export function fastBlocks(body: string, start: number, definitions: boolean): ProseBlock[] | undefined {
  const paragraph = fastParagraph(body, start, definitions) ?? atxHeading(body, start);
  if (paragraph) return [paragraph];
  const items = listItems(body) ?? indentedItems(body);
  if (!items) return undefined;
  const blocks: ProseBlock[] = [];
  for (const [from, to] of items) {
    const item = fastParagraph(body.slice(from, to), start + from, definitions);
    if (!item) return undefined;
    blocks.push({ ...item, container: 'listItem' });
  }
  return blocks;
}
