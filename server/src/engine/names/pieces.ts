/**
 * The mentions of a long block in pieces, so that an edit inside a 40 KB
 * paragraph (a report's endnotes, minutes written as one line) re-extracts
 * the piece it changed rather than the block. A piece ends only where no
 * word's mentions depend on the other side: between sentences, where no
 * name, shouted run, two-word form, acronym definition or open parenthesis
 * reaches across. What a word's place in the whole block says (sentence
 * starts, quotations, links, the block's own flags) is worked out for the
 * block and handed to each piece, so the pieces' mentions, joined, are
 * exactly the block's (a property test holds them to that).
 */
import { charClass, LETTER, MARK, NUMBER } from '../document/chars';
import { commonPrefixLength, commonSuffixLength } from '../document/common-ends';
import type { ProseBlock } from '../document/model';
import { FNV_OFFSET, fnvRange } from '../hash';
import { blockFlagsOf, caseCounts, CONNECTORS, extractWith, markContext, shoutedBy, type BlockDefinition, type BlockMentions, type Mention } from './mentions';
import { isDottedAcronym } from './normalize';

/** Blocks at least this long are extracted in pieces while being edited; shorter ones whole, where cutting costs more than it saves. */
export const PIECED_MIN = 4096;

/** One safe boundary in this many (chosen by the text around it) ends a piece: pieces of a few sentences. */
const PIECE_BREAK = 4;

/** A long block's mentions, piece by piece, each with offsets relative to its piece. */
export interface PiecedMentions {
  /** Where each piece starts in the block's prose; the first at 0. */
  readonly starts: readonly number[];
  readonly pieces: readonly BlockMentions[];
  /** What each piece was extracted in besides its text (see {@link contextOf}): a piece is reused only in the same. */
  readonly contexts: readonly string[];
  /** Capitals and letters of each piece, two numbers a piece (see {@link caseCounts}): whether the block is shouted is their sums'. */
  readonly cases: readonly number[];
}

/** Block context marks, then a piece's copy of them (which extraction changes), reused from block to block. */
let blockMarks = new Uint8Array(0);
let pieceMarks = new Uint8Array(0);

/**
 * The mentions of `block` in pieces, reusing the pieces of `previous` (an
 * earlier version of the block, usually one keystroke ago) that lie in the
 * text the two versions share at the start or at the end and were extracted
 * in the same context.
 */
export function piecedMentions(block: ProseBlock, previous?: { readonly prose: string; readonly found: PiecedMentions }): PiecedMentions {
  const prose = block.prose;
  const length = prose.length;
  const old = previous?.prose ?? '';
  const prefix = previous ? commonPrefixLength(old, prose) : 0;
  const suffix = previous ? commonSuffixLength(old, prose, Math.min(old.length, prose.length) - prefix) : 0;
  const delta = length - old.length;
  const oldStarts = previous?.found.starts ?? [];
  const starts = previous ? startsAfterEdit(prose, old.length, oldStarts, prefix, suffix) : pieceStarts(prose);
  const count = starts.length;

  // The previous version's piece with the same text: at the same offset before the edit, as far from the end after it.
  const same: number[] = new Array(count).fill(-1);
  let k = 0;
  for (let i = 0; previous && i < count; i++) {
    const start = starts[i]!;
    const end = starts[i + 1] ?? length;
    if (end <= prefix || start >= length - suffix) {
      const oldStart = end <= prefix ? start : start - delta;
      while (k < oldStarts.length && oldStarts[k]! < oldStart) k++;
      if (oldStarts[k] === oldStart && (oldStarts[k + 1] ?? old.length) === oldStart + end - start) same[i] = k;
    }
  }
  const kept = previous?.found.cases ?? [];
  const { cases, shouted } = pieceCases(prose, starts, (i) => (same[i]! >= 0 ? [kept[2 * same[i]!]!, kept[2 * same[i]! + 1]!] : undefined));

  const marks = contextMarks(block);
  const flags = blockFlagsOf(block);
  const setting = `${flags}${shouted ? 's' : ''}`;
  const pieces: BlockMentions[] = [];
  const contexts: string[] = [];
  for (let i = 0; i < count; i++) {
    const start = starts[i]!;
    const end = starts[i + 1] ?? length;
    const context = `${setting}${contextOf(marks, start, end)}`;
    const at = same[i]!;
    let piece = at >= 0 && previous!.found.contexts[at] === context ? previous!.found.pieces[at] : undefined;
    if (!piece) {
      if (pieceMarks.length < end - start) pieceMarks = new Uint8Array(Math.max(end - start, pieceMarks.length * 2));
      const own = pieceMarks.subarray(0, end - start);
      own.set(marks.subarray(start, end));
      piece = extractWith(prose.slice(start, end), flags, shouted, own);
    }
    pieces.push(piece);
    contexts.push(context);
  }
  return { starts, pieces, contexts, cases };
}

/**
 * The capitals and letters of each piece, flat (upper, letters per piece),
 * and whether the block is shouted, from the sums of its pieces'. `known`
 * gives the counts of a piece unchanged since the previous version.
 */
function pieceCases(
  prose: string,
  starts: readonly number[],
  known?: (piece: number) => [upper: number, letters: number] | undefined,
): { cases: number[]; shouted: boolean } {
  const cases: number[] = new Array(2 * starts.length);
  let upper = 0;
  let letters = 0;
  for (let i = 0; i < starts.length; i++) {
    const [pieceUpper, pieceLetters] = known?.(i) ?? caseCounts(prose, starts[i]!, starts[i + 1] ?? prose.length);
    cases[2 * i] = pieceUpper;
    cases[2 * i + 1] = pieceLetters;
    upper += pieceUpper;
    letters += pieceLetters;
  }
  return { cases, shouted: shoutedBy(upper, letters) };
}

/**
 * The pieces of a block extracted whole (`found`, the mentions of `block`):
 * its lists cut at the block's piece boundaries, offsets moved to their
 * pieces', which is what extracting each piece gives. So the first edit of a
 * long block, extracted whole while no one edited it, reuses its mentions
 * rather than extracting every piece.
 */
export function piecesOfWhole(block: ProseBlock, found: BlockMentions): PiecedMentions {
  const prose = block.prose;
  const length = prose.length;
  const starts = pieceStarts(prose);
  const count = starts.length;
  const { cases, shouted } = pieceCases(prose, starts);
  const marks = contextMarks(block);
  const setting = `${blockFlagsOf(block)}${shouted ? 's' : ''}`;
  const { mentions, definitions, closedWords, closedStarts } = found;
  const pieces: BlockMentions[] = [];
  const contexts: string[] = [];
  let m = 0;
  let d = 0;
  let c = 0;
  for (let i = 0; i < count; i++) {
    const at = starts[i]!;
    const end = starts[i + 1] ?? length;
    // A piece's mentions, definitions and closed words start in it, and come after those of the pieces before.
    const piece: { mentions: Mention[]; definitions: BlockDefinition[]; closedWords: string[]; closedStarts: number[] } = { mentions: [], definitions: [], closedWords: [], closedStarts: [] };
    for (; m < mentions.length && mentions[m]!.start < end; m++) piece.mentions.push(at === 0 ? mentions[m]! : moved(mentions[m]!, at));
    for (; d < definitions.length && definitions[d]!.start < end; d++) {
      const x = definitions[d]!;
      piece.definitions.push(at === 0 ? x : { ...x, start: x.start - at, end: x.end - at, acronymStart: x.acronymStart - at, acronymEnd: x.acronymEnd - at });
    }
    for (; c < closedStarts.length && closedStarts[c]! < end; c++) {
      piece.closedWords.push(closedWords[c]!);
      piece.closedStarts.push(closedStarts[c]! - at);
    }
    pieces.push(piece);
    contexts.push(`${setting}${contextOf(marks, at, end)}`);
  }
  return { starts, pieces, contexts, cases };
}

/** A mention `by` characters further back. */
function moved(mention: Mention, by: number): Mention {
  const copy = { ...mention, start: mention.start - by, end: mention.end - by };
  if (mention.givenStart !== undefined) Object.assign(copy, { givenStart: mention.givenStart - by, givenEnd: mention.givenEnd! - by });
  return copy;
}

/** The context marks of `block` (see {@link markContext}), in a buffer reused from block to block. */
function contextMarks(block: ProseBlock): Uint8Array {
  const length = block.prose.length;
  if (blockMarks.length < length) blockMarks = new Uint8Array(Math.max(length, blockMarks.length * 2));
  const marks = blockMarks.subarray(0, length);
  markContext(block, marks);
  return marks;
}

/** The marks of prose[start, end) as the offsets (relative) where they change and their new values: short, as marks are sparse. */
function contextOf(marks: Uint8Array, start: number, end: number): string {
  let context = '';
  let current = 0;
  for (let i = start; i < end; i++) {
    const mark = marks[i]!;
    if (mark === current) continue;
    context += `,${i - start}:${mark}`;
    current = mark;
  }
  return context;
}

/** Where the pieces of a long block start: 0, then the safe boundaries (see {@link safeBoundary}) that the text around them picks. */
export function pieceStarts(prose: string): number[] {
  return scanStarts(prose, [0], 1, undefined);
}

/**
 * How far after a boundary its choice reads (the next word and the hashed
 * characters), with room to spare; before it, it reads back no further than
 * the white space before the word it follows.
 */
const LOOKAHEAD = 16;

/**
 * {@link pieceStarts} of `prose`, an edited text of `oldLength` characters
 * with boundaries `oldStarts`, sharing `prefix` characters at the start and
 * `suffix` at the end: the old boundaries chosen wholly in the shared start
 * stay, the text from there is scanned until a boundary well inside the
 * shared end that the old version had too, and the old boundaries after it
 * follow, moved. Past such a boundary, every choice reads the same text from
 * the same state (nothing open) as the old one did.
 */
function startsAfterEdit(prose: string, oldLength: number, oldStarts: readonly number[], prefix: number, suffix: number): number[] {
  const starts: number[] = [];
  for (const start of oldStarts) {
    if (start > 0 && start + LOOKAHEAD > prefix) break;
    starts.push(start);
  }
  const resume = { oldStarts, from: prose.length - suffix + LOOKAHEAD, delta: prose.length - oldLength };
  return scanStarts(prose, starts, starts[starts.length - 1]! + 1, resume);
}

/**
 * Appends to `starts` the boundaries after `from - 1`, which is a boundary
 * (or 0): no parenthesis or bracket is open there. With `resume`, stops at a
 * boundary from `resume.from` on that the old version also had (nothing open
 * there either) and appends the old boundaries after it.
 */
function scanStarts(
  prose: string,
  starts: number[],
  from: number,
  resume: { readonly oldStarts: readonly number[]; readonly from: number; readonly delta: number } | undefined,
): number[] {
  let open = false;
  let bracket = false;
  let k = 0;
  for (let b = from; b < prose.length; b++) {
    const c = prose.charCodeAt(b - 1);
    // Lower-case letters (most of prose) are above every character asked about.
    if (c > 93) continue;
    if (c === 40) open = true;
    else if (c === 41) open = false;
    else if (c === 91) bracket = true;
    else if (c === 93) bracket = false;
    else if ((c === 32 || c === 10) && !open && !bracket && endsSentence(prose.charCodeAt(b - 2)) && safeBoundary(prose, b)) {
      starts.push(b);
      if (!resume || b < resume.from) continue;
      const { oldStarts, delta } = resume;
      while (k < oldStarts.length && oldStarts[k]! < b - delta) k++;
      if (oldStarts[k] !== b - delta) continue;
      for (let i = k + 1; i < oldStarts.length; i++) starts.push(oldStarts[i]! + delta);
      return starts;
    }
  }
  return starts;
}

/**
 * Whether a space after this character may be a boundary: sentence
 * punctuation, a closing parenthesis or quotation mark, more white space.
 * Not after a word or a comma (most spaces of prose): asked before the call
 * of {@link safeBoundary}, which refuses those too.
 */
function endsSentence(c: number): boolean {
  return c === 46 || c === 41 || c === 34 || c === 59 || c === 33 || c === 63 || c === 93 || c === 32 || c === 10 || c === 0x201d || c === 0x2019 || c === 0xfffc;
}

/** Whether a code unit is one of the white space characters that delimit words for acronym definitions ([ \t\r\n]). */
function isBreak(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** The definition lookback stops at such a word (see longThenShort in acronyms.ts): sentence punctuation, no dotted acronym, no aside. */
const STOPS_DEFINITION = /[.!?;()[\]\uFFFC]|:(?!$)/;
const OPENS_PARENTHESIS = /^[([]/;
const CLOSES_PARENTHESIS = /[)\]]/;
const ASIDE = /^\([^()\s]+\)$/;

/**
 * Whether a piece may start at `b` (after a space or line break), and this
 * is one of the boundaries that end a piece. Safe means that extracting the
 * text on each side alone gives what the block gives: the word before is
 * followed by punctuation (no name, initial, connector or two-word form runs
 * on), the word after is not all capitals (no shouted run or speaker label),
 * the piece opens with no parenthesis and the word before would end an
 * acronym definition's lookback. Conservative: a boundary it refuses only
 * makes a piece longer.
 */
function safeBoundary(prose: string, b: number): boolean {
  const first = prose.charCodeAt(b);
  if (first <= 32 || first >= 127 || first === 40 || first === 91) return false;
  // The last character before the white space: punctuation, which no word ends with but a dotted acronym.
  let j = b - 1;
  while (j >= 0 && isBreak(prose.charCodeAt(j))) j--;
  if (j < 0) return false;
  const c = prose.charCodeAt(j);
  if (c === 46) {
    const before = prose.charCodeAt(j - 1);
    if ((before >= 97 && before <= 122) || (before >= 48 && before <= 57)) {
      // "... of. Next": a connector holds a name open over ". "; so does an initial ("G.", "G's.").
      let r = j - 1;
      while (r >= 0 && isAsciiLetter(prose.charCodeAt(r))) r--;
      if (CONNECTORS.has(prose.slice(r + 1, j))) return false;
      const apostrophe = prose.charCodeAt(r);
      if (apostrophe === 39 || apostrophe === 0x2019) return false;
    } else if (!(before > 32 && before < 127 && !isAsciiAlphanumeric(before))) return false;
  } else if (c >= 0xd800 && c <= 0xdfff) return false;
  else if (charClass(c) & (LETTER | MARK | NUMBER)) return false;
  // The first word after: not all capitals (an ASCII capital then a lower-case letter, a lower-case letter or a digit).
  let u = b;
  while (u < b + 8 && u < prose.length && isAsciiPunctuation(prose.charCodeAt(u))) u++;
  const lead = prose.charCodeAt(u);
  if (lead >= 65 && lead <= 90) {
    const second = prose.charCodeAt(u + 1);
    if (!(second >= 97 && second <= 122)) return false;
  } else if (!((lead >= 97 && lead <= 122) || (lead >= 48 && lead <= 57))) return false;
  if (!picked(prose, j, b)) return false;
  // The word before, as the definition lookback reads it, must stop it.
  let start = j;
  while (start > 0 && !isBreak(prose.charCodeAt(start - 1))) start--;
  const word = prose.slice(start, j + 1).replace(/^["\u201c]|["\u201d]$/g, '');
  if (OPENS_PARENTHESIS.test(word) && !CLOSES_PARENTHESIS.test(word)) return false;
  return STOPS_DEFINITION.test(word) && !isDottedAcronym(word) && !ASIDE.test(word);
}

/** Whether the safe boundary at `b` (with the last character before it at `j`) ends a piece: by a hash of the text around it, so an edit moves only the boundaries near it. */
function picked(prose: string, j: number, b: number): boolean {
  const hash = fnvRange(fnvRange(FNV_OFFSET, prose, Math.max(0, j - 7), j + 1), prose, b, Math.min(prose.length, b + 4)) >>> 0;
  return hash % PIECE_BREAK === 0;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isAsciiAlphanumeric(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57);
}

/** Printable ASCII other than letters and digits, and the space. */
function isAsciiPunctuation(c: number): boolean {
  return c >= 32 && c < 127 && !isAsciiAlphanumeric(c);
}
