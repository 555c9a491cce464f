/**
 * Mention extraction for one prose block: name words, acronyms, hyphenated
 * and two-word names, full person names, spelling-variant words and acronym
 * definitions, each with the context rules need to skip what is not the
 * writer's own form (quotations, cited titles, sentence-initial and heading
 * capitals). Results depend only on the block, so they are cached by its
 * text and an edit re-extracts one paragraph (of a long one, one piece: see
 * `pieces.ts`).
 */
import { detached } from '../document/flatten';
import type { ProseBlock } from '../document/model';
import { findDefinitions, type AcronymDefinition } from './acronyms';
import {
  acronymKey,
  compoundNameKey,
  foldDiacritics,
  isAcronymShape,
  isDottedAcronym,
  nameWordKey,
  acronymPluralBase,
  possessiveBase,
  spellingFamily,
} from './normalize';
import {
  commonWords,
  compounds,
  HYPHEN_TRAPS,
  lexicalVariants,
  nicknames,
  spacedCompoundStarts,
  spacedLexicalStarts,
  shortestSpellingWord,
  spellingWords,
  stateCodes,
  surelyNoSpellingWord,
  ukToUs,
  wellKnownAcronyms,
  usToUk,
} from './tables';
import { tokenize, type Tokens } from './tokens';

/** Context flags of a mention. */
export const SENTENCE_INITIAL = 1;
/** In a heading or a title-like line, where capitals are typographic. */
export const HEADING = 2;
/** Inside quotation marks or a block quote: someone else's words. */
export const QUOTED = 4;
/** Link text or a footnote: usually the title of a cited work. */
export const CITATION = 8;
/** Part of a hyphenated compound ("Australia-UK-US", "COVID-19"). */
export const IN_COMPOUND = 16;
/** The acronym of a definition itself ("(NATO)"). */
export const DEFINING = 32;
/** Next to digits ("F-35", "COVID-19"): a designation, not an acronym to define. */
export const WITH_DIGITS = 64;

/** Inside a compound of several acronyms ("Australia-UK-US"), whose style is the compound's own. */
export const ACRONYM_COMPOUND = 128;

/** A row of a table written as text ("| FY2025 | 12.5 |"): data, not sentences. */
export const TABLE_ROW = 256;
/** A table or figure caption, a source or note line: written to stand alone, so it repeats definitions. */
export const CAPTION = 512;

/** What is not the writer's own form. */
export const NOT_OWN = QUOTED | CITATION;

export type MentionKind = 'name' | 'acronym' | 'compound' | 'person' | 'spelling';

/** One mention, with offsets relative to the block's prose. */
export interface Mention {
  readonly kind: MentionKind;
  /** Mentions with one key are forms of one entity. */
  readonly key: string;
  /**
   * What differs between forms: the surface for names and acronyms, the
   * separators for compound names, the given name for persons, and a variant
   * label ("uk", "us", "closed", "hyphen", "space", "lex0") for spellings.
   */
  readonly form: string;
  /** The mention as written, without a possessive or plural ending. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly flags: number;
  /** The capitalised word before a name word in its name ("Pete" before "Hegseth"). */
  readonly prev?: string;
  /** Spellings: the text of each variant label, lower case. */
  readonly variants?: Readonly<Record<string, string>>;
  /** Persons: where the given name is, to change only that. */
  readonly givenStart?: number;
  readonly givenEnd?: number;
}

/** Everything the name rules need from one block. */
export interface BlockMentions {
  readonly mentions: readonly Mention[];
  readonly definitions: readonly BlockDefinition[];
  /**
   * Uncommon closed lower-case words ("cybersecurity"), so a hyphenated form
   * elsewhere in the set ("cyber-security") finds them; their offsets are in
   * `closedStarts` (two flat lists rather than a pair per word).
   */
  readonly closedWords: readonly string[];
  readonly closedStarts: readonly number[];
}

/** A definition with the context flags of its acronym. */
export interface BlockDefinition extends AcronymDefinition {
  readonly flags: number;
}

/** Numbered endnotes laid out as table rows ("| 143. | For example, see ..."), as exported reports have them. */
const ENDNOTE_ROW = /^\s*\|\s*\d+\.\s*\|/;

/** A paragraph that is a table pasted as text: it opens with a cell. */
const TABLE_LINE = /^\s*\|/;
/** Captions, sources and notes of tables and figures. */
const CAPTION_START = /^[\s*_]*(?:Table|Figure|Box|Chart|Map|Sources?|Notes?)\b\s*(?:[A-Z]?-?\d+[.:]?|:)/;

/** Lower-case words that join the capitalised words of one name. */
export const CONNECTORS: ReadonlySet<string> = new Set([
  'of', 'the', 'for', 'and', 'on', 'de', 'del', 'della', 'da', 'di', 'du', 'des', 'van', 'von', 'der', 'den', 'la', 'le', 'el', 'al', 'bin', 'ibn', 'y',
]);
/** Name particles that may stand in front of a hyphen or a space ("al-Qaeda", "al Qaeda"). */
const PARTICLES = new Set(['al', 'el', 'ad', 'ar', 'as', 'at', 'az', 'bin', 'ibn', 'abu', 'de', 'da', 'di', 'van', 'von', 'le', 'la']);

/** Abbreviations written with a full stop that look like capitalised words ("Sec.", "Doc.", "Gen."). */
const ABBREVIATIONS = new Set([
  'sec', 'secs', 'doc', 'docs', 'elect', 'gen', 'sen', 'sens', 'rep', 'reps', 'gov', 'govt', 'dept', 'art', 'arts', 'fig', 'figs', 'vol', 'vols',
  'inc', 'corp', 'ltd', 'bros', 'univ', 'assn', 'ave', 'blvd', 'approx', 'est', 'cong', 'sess', 'supp', 'ibid', 'amb', 'adm', 'capt', 'col',
  'maj', 'sgt', 'cmdr', 'lieut', 'hon', 'rev', 'prof', 'mrs', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov',
  'dec', 'pub', 'stat', 'reg', 'regs', 'ch', 'chap', 'para', 'pt', 'pts', 'tit', 'subch', 'cir', 'app', 'ct', 'dist', 'div', 'nat', 'int',
  'intl', 'comm', 'admin', 'exec', 'fed', 'res', 'amdt', 'cl', 'ed', 'eds', 'no', 'nos',
]);

/**
 * Whether an all-caps token is shouted rather than an acronym: part of a run
 * of capitals with a common word in it ("MAKING AMERICA GREAT AGAIN",
 * "FACT SHEET"), or a transcript's speaker label ("MS. PSAKI:").
 */
function shoutedToken(tokens: Tokens, t: number, prose: string): boolean {
  const { text, start, end } = tokens;
  if (!isAllCaps(text[t]!)) return false;
  let first = t;
  while (first > 0 && isAllCaps(text[first - 1]!) && onlyRunSeparators(prose, end[first - 1]!, start[first]!)) first--;
  let last = t;
  while (last + 1 < text.length && isAllCaps(text[last + 1]!) && onlyRunSeparators(prose, end[last]!, start[last + 1]!)) last++;
  if (last > first) {
    for (let r = first; r <= last; r++) if (text[r]!.length >= 3 && commonWords().has(text[r]!.toLowerCase())) return true;
  }
  // A speaker label opens a line and ends with a colon.
  const lineStart = prose.lastIndexOf('\n', start[first]! - 1) + 1;
  return /^[\s*>-]*$/.test(prose.slice(lineStart, start[first]!)) && /^\s*:/.test(prose.slice(end[last]!, end[last]! + 3));
}

/** Whether prose[from, to) holds only what separates the words of a shouted run (as /^[ \t\u00a0:,;&.\u2013\u2014-]*$/). */
function onlyRunSeparators(prose: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = prose.charCodeAt(i);
    if (!(c === 32 || c === 9 || c === 0xa0 || c === 58 || c === 44 || c === 59 || c === 38 || c === 46 || c === 0x2013 || c === 0x2014 || c === 45)) return false;
  }
  return true;
}

/** Roman numerals of two letters or more ("Title IV-E" is a title and a part, not an acronym). */
const ROMAN_NUMERAL = /^(?=[IVXL]{2})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/** A part of a hyphenated acronym that is a code of its own ("UK" in "UK-US"). */
function standsAlone(part: string): boolean {
  return wellKnownAcronyms().has(part) || stateCodes().has(part);
}

const ALL_CAPS = /^[\p{Lu}][\p{Lu}\p{N}.'’&-]*$/u;
const TWO_CAPITALS = /\p{Lu}.*\p{Lu}/u;

function isAllCaps(text: string): boolean {
  // Most capitalised words are title case: an ASCII lower-case letter second settles it without a regex.
  const second = text.charCodeAt(1);
  if (second >= 97 && second <= 122) return false;
  return ALL_CAPS.test(text) && TWO_CAPITALS.test(text.replace(/['’]S$/, ''));
}

/** Titles that stand before a person's name, never given names themselves. */
export const TITLES: ReadonlySet<string> = new Set([
  'president', 'vice', 'secretary', 'senator', 'sen', 'representative', 'rep', 'governor', 'gov', 'mayor', 'minister', 'prime',
  'ambassador', 'amb', 'general', 'gen', 'admiral', 'adm', 'colonel', 'col', 'judge', 'justice', 'chairman', 'chair', 'director',
  'mr', 'mrs', 'ms', 'dr', 'prof', 'professor', 'king', 'queen', 'prince', 'princess', 'pope', 'leader', 'speaker', 'chancellor',
]);

function isUpperLetter(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isCapitalised(text: string): boolean {
  // ASCII first: no case-mapped strings for the common case.
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return isUpperLetter(text[0] ?? '');
}

const LOWER_LETTER = /\p{Ll}/u;

function isTitleCase(text: string): boolean {
  if (!isCapitalised(text)) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
    if (c >= 128) return LOWER_LETTER.test(text);
  }
  return false;
}

/** JavaScript's \s (WhiteSpace and LineTerminator), by char code. */
function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether prose[from, to) is one or more spaces (as /^\s+$/ on the slice, without the slice). */
function isSpaceRun(prose: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (!isSpaceCode(prose.charCodeAt(i))) return false;
  return true;
}

/** Whether a token holds a hyphen of any style ("-", U+2010, U+2011). */
function hasHyphen(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 45 || c === 0x2010 || c === 0x2011) return true;
  }
  return false;
}

const SINGLE_CAPITAL = /^\p{Lu}$/u;

/** Spans of quoted text: paired double quotes of any style, curly single quotes, guillemets. */
function quotedSpans(prose: string): [number, number][] {
  const spans: [number, number][] = [];
  let openCurly = -1;
  let openStraight = -1;
  let openSingle = -1;
  let openGuillemet = -1;
  for (let i = 0; i < prose.length; i++) {
    // Quotation marks by code: most characters (curly apostrophes and dashes too) are settled with no string made.
    const code = prose.charCodeAt(i);
    if (code !== 34 && code !== 0xab && code !== 0xbb && (code < 0x2018 || code > 0x201e)) continue;
    if (code === 0x201c || code === 0x201e) {
      if (openCurly < 0) openCurly = i;
    } else if (code === 0x201d) {
      if (openCurly >= 0) spans.push([openCurly, i + 1]);
      openCurly = -1;
    } else if (code === 34) {
      // Straight quotes do not say which way they face; the neighbours do.
      const before = prose[i - 1] ?? ' ';
      const after = prose[i + 1] ?? ' ';
      const opens = /[\s([{\u2014\u2013/-]/.test(before) && !/\s/.test(after);
      const closes = !/\s/.test(before) && /[\s.,;:!?)\]}\u2014\u2013-]/.test(after);
      if (openStraight >= 0 && (closes || !opens)) {
        spans.push([openStraight, i + 1]);
        openStraight = -1;
      } else if (opens || openStraight < 0) {
        openStraight = i;
      }
    } else if (code === 0xab) {
      openGuillemet = i;
    } else if (code === 0xbb) {
      if (openGuillemet >= 0) spans.push([openGuillemet, i + 1]);
      openGuillemet = -1;
    } else if (code === 0x2018) {
      if (!/[\p{L}\p{N}]/u.test(prose[i - 1] ?? ' ')) openSingle = i;
    } else if (code === 0x2019 && openSingle >= 0 && !/[\p{L}]/u.test(prose[i + 1] ?? ' ')) {
      spans.push([openSingle, i + 1]);
      openSingle = -1;
    }
  }
  // A quotation left open runs to the end of the paragraph (multi-paragraph quotes).
  for (const open of [openCurly, openStraight]) if (open >= 0) spans.push([open, prose.length]);
  return spans;
}

/**
 * Whether a paragraph reads as a title: short, no closing full stop, most
 * longer words capitalised. Its capitals are typographic, like a heading's.
 */
function isTitleLike(prose: string): boolean {
  // Trimmed by hand: an anchored /\s+$/ is quadratic on long runs of masked markup.
  let end = prose.length;
  while (end > 0 && /[\s\uFFFC]/.test(prose[end - 1]!)) end--;
  if (end === 0 || /[.!?:]/.test(prose[end - 1]!) || end > 300) return false;
  const words = prose.slice(0, end).match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  if (words.length === 0 || words.length > 14) return false;
  const long = words.filter((w) => w.length >= 4);
  return long.length > 0 && long.filter(isCapitalised).length / long.length >= 0.7;
}

/** Case of each UTF-16 code unit, as {@link isShouted} counts it: 0 unknown, else KNOWN_CASE with CASED and UPPER_CASE bits. */
const caseOfUnit = new Uint8Array(0x10000);
const KNOWN_CASE = 1;
const CASED = 2;
const UPPER_CASE = 4;

/** Whether a non-ASCII code unit has case ({@link CASED}) and is upper case ({@link UPPER_CASE}); kept once asked, as curly quotes and dashes fill prose. */
function caseOf(code: number): number {
  let known = caseOfUnit[code]!;
  if (known === 0) {
    const ch = String.fromCharCode(code);
    const cased = !(ch === ch.toLowerCase() && ch === ch.toUpperCase());
    caseOfUnit[code] = known = KNOWN_CASE | (cased ? CASED : 0) | (isUpperLetter(ch) ? UPPER_CASE : 0);
  }
  return known;
}

/** Whether a block is shouted: mostly capitals, so capitals say nothing. */
function isShouted(prose: string): boolean {
  const [upper, letters] = caseCounts(prose, 0, prose.length);
  return shoutedBy(upper, letters);
}

/** Whether a block with these counts (see {@link caseCounts}) is shouted. */
export function shoutedBy(upper: number, letters: number): boolean {
  return letters >= 12 && upper / letters >= 0.7;
}

/** The capitals and the letters of prose[start, end): a block's are the sums of its pieces'. */
export function caseCounts(prose: string, start: number, end: number): [upper: number, letters: number] {
  let upper = 0;
  let letters = 0;
  for (let i = start; i < end; i++) {
    const code = prose.charCodeAt(i);
    if (code >= 65 && code <= 90) {
      upper++;
      letters++;
    } else if (code >= 97 && code <= 122) {
      letters++;
    } else if (code > 127) {
      const known = caseOf(code);
      if ((known & CASED) === 0) continue;
      letters++;
      if (known & UPPER_CASE) upper++;
    }
  }
  return [upper, letters];
}

/** Marks {@link SENTENCE_INITIAL} where a sentence's first word starts (relative offsets), and after a colon. */
function markSentenceStarts(block: ProseBlock, marks: Uint8Array): void {
  const base = block.range[0];
  for (const sentence of block.sentences) {
    const rel = sentence.range[0] - base;
    const m = /[\p{L}\p{N}]/u.exec(block.prose.slice(rel, rel + 40));
    if (m) marks[rel + m.index]! |= SENTENCE_INITIAL;
  }
  for (let i = block.prose.indexOf(':'); i >= 0; i = block.prose.indexOf(':', i + 1)) {
    const m = /^[\s"“‘(]*(?=[\p{L}])/u.exec(block.prose.slice(i + 1, i + 10));
    if (m) marks[i + 1 + m[0].length]! |= SENTENCE_INITIAL;
  }
  // A list or line start after a bullet-like mark in plain text ("- The ...").
  const lineStart = /(?:^|\n)[ \t]*(?:[-*•–]\s+|\d+[.)]\s+)?(?=[\p{L}])/gu;
  for (let m = lineStart.exec(block.prose); m; m = lineStart.exec(block.prose)) {
    marks[m.index + m[0].length]! |= SENTENCE_INITIAL;
    // A zero-length match must step a whole code point: a /u regex steps back out of a surrogate pair.
    if (m[0].length === 0) lineStart.lastIndex = m.index + ((block.prose.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
  }
}

/** Marks `flag` over each span, so a token's context is two array reads, not a scan of every span. */
function markSpans(marks: Uint8Array, spans: readonly (readonly [number, number])[], flag: number): void {
  for (const [s, e] of spans) for (let i = Math.max(0, s); i < Math.min(e, marks.length); i++) marks[i]! |= flag;
}

/** Context marks per prose offset, reused from block to block (cleared per block) rather than allocated for each. */
let marksBuffer = new Uint8Array(4096);

/**
 * One string per distinct key, form or word, and one variant table per
 * distinct spelling: mentions are kept in the summary of every open document,
 * so equal strings should not be kept once per mention. Bounded: cleared when
 * full, which only costs sharing, never correctness.
 */
const shared = new Map<string, string>();
const sharedVariants = new Map<string, Readonly<Record<string, string>>>();
const SHARED_LIMIT = 200_000;

/** The shared copy of `text`. */
export function intern(text: string): string {
  const found = shared.get(text);
  if (found !== undefined) return found;
  if (shared.size >= SHARED_LIMIT) shared.clear();
  const own = detached(text);
  shared.set(own, own);
  return own;
}

/**
 * What `make` says of `text`, from a table of such answers by text, made on
 * a miss under a detached copy of the text. Bounded like the shared strings:
 * cleared when full, which costs only the work of making answers again.
 */
function byText<V>(table: Map<string, V>, text: string, make: (text: string) => V): V {
  let found = table.get(text);
  if (found === undefined) {
    if (table.size >= SHARED_LIMIT) table.clear();
    table.set(detached(text), (found = make(text)));
  }
  return found;
}

/** A word's shared form and key, looked up once per distinct word rather than folded for every mention. */
interface KeyedWord {
  readonly form: string;
  readonly key: string;
}
const nameWords = new Map<string, KeyedWord>();
const acronymWords = new Map<string, KeyedWord>();

function keyedWord(words: Map<string, KeyedWord>, word: string, key: (word: string) => string): KeyedWord {
  let found = words.get(word);
  if (found === undefined) {
    if (words.size >= SHARED_LIMIT) words.clear();
    found = { form: intern(word), key: intern(key(word)) };
    words.set(found.form, found);
  }
  return found;
}

const nameWordKeyOf = (word: string): string => `N:${nameWordKey(word)}`;
const acronymKeyOf = (word: string): string => `N:${acronymKey(word)}`;

function internVariants(key: string, make: () => Record<string, string>): Readonly<Record<string, string>> {
  let found = sharedVariants.get(key);
  if (found === undefined) {
    if (sharedVariants.size >= SHARED_LIMIT) sharedVariants.clear();
    sharedVariants.set(key, (found = make()));
  }
  return found;
}

const HYPHENS = /[-‐‑]/;
const HYPHENS_ALL = /[-‐‑]/g;
const DOTTED_PLURAL = /^(?:\p{Lu}\.){2,}s$/u;
const ONLY_LETTERS = /^[\p{L}\p{M}'’]+$/u;
const CONTRACTION = /['’](?:ve|re|ll|d|m|t)$/i;
const CAPS_PART = /^[A-Z]+$/;
const PARTY = /^[RDI]$/;
const ASCII_LOWER_WORD = /[^a-z]/;
const LETTERS = /^\p{L}+$/u;
const POSSESSIVE_S = /['’]s$/;

/** Context flags that hold for every word of a block: heading or title, block quote, footnote or endnote row, table row, caption. */
export function blockFlagsOf(block: ProseBlock): number {
  const prose = block.prose;
  return (
    (block.kind === 'heading' || isTitleLike(prose) ? HEADING : 0) |
    (block.container === 'blockquote' ? QUOTED : 0) |
    (block.container === 'footnote' || ENDNOTE_ROW.test(prose) ? CITATION : 0) |
    (TABLE_LINE.test(prose) ? TABLE_ROW : 0) |
    (CAPTION_START.test(prose) ? CAPTION : 0)
  );
}

/**
 * Marks in `marks` (one per prose offset, cleared here) what a word's place
 * in its block says: {@link SENTENCE_INITIAL} (from the block's sentences,
 * colons and line starts), {@link QUOTED} and {@link CITATION} (link text).
 * Everything else a mention depends on is in the words around it.
 */
export function markContext(block: ProseBlock, marks: Uint8Array): void {
  const base = block.range[0];
  marks.fill(0);
  markSentenceStarts(block, marks);
  markSpans(marks, quotedSpans(block.prose), QUOTED);
  for (const span of block.inlines) if (span.kind === 'link') markSpans(marks, [[span.range[0] - base, span.range[1] - base]], CITATION);
}

/** Extracts the mentions of one block (uncached; see {@link MentionCache}). */
export function extractMentions(block: ProseBlock): BlockMentions {
  const prose = block.prose;
  if (marksBuffer.length < prose.length) marksBuffer = new Uint8Array(Math.max(prose.length, marksBuffer.length * 2));
  const marks = marksBuffer.subarray(0, prose.length);
  markContext(block, marks);
  return extractWith(prose, blockFlagsOf(block), isShouted(prose), marks);
}

/**
 * The mentions of `prose` in its setting: `blockFlags` and `shouted` of its
 * block, and `marks` as {@link markContext} makes them (changed here: the
 * acronyms of definitions are marked {@link DEFINING}). `prose` may be a
 * piece of a block cut where no word's mentions depend on the other side
 * (see `pieces.ts`); its results are then the block's, offsets relative to
 * the piece.
 */
export function extractWith(prose: string, blockFlags: number, shouted: boolean, marks: Uint8Array): BlockMentions {
  const mentions: Mention[] = [];
  const closedWords: string[] = [];
  const closedStarts: number[] = [];
  const definitions = shouted ? [] : findDefinitions(prose);

  const tokens = tokenize(prose);
  const { text: texts, start: tokenStarts, end: tokenEnds } = tokens;

  for (const d of definitions) markSpans(marks, [[d.acronymStart, d.acronymEnd]], DEFINING);
  const flagsAt = (start: number, end: number): number =>
    // A sentence start counts at the word's start only; the other marks must cover the whole word.
    blockFlags | (marks[start]! & SENTENCE_INITIAL) | (marks[start]! & marks[end - 1]!);

  // Capitalised words of the current name span, for person names and typo context.
  let span: SpanWord[] = [];
  let connectorPending = false;
  const closeSpan = (): void => {
    if (span.length > 1) personMentions(span, prose, mentions);
    if (span.length > 0) span = [];
    connectorPending = false;
  };

  // The capitalised word of the token before, if it is one.
  let before: CapitalWord | undefined;
  for (let t = 0; t < texts.length; t++) {
    const text = texts[t]!;
    const start = tokenStarts[t]!;
    const end = tokenEnds[t]!;
    const last = span[span.length - 1];
    // A name continues over spaces, or over ". " after an initial ("Michael G. Waltz").
    let adjacent = false;
    if (last !== undefined) {
      const gapStart = tokenEnds[t - 1]!;
      adjacent =
        isSpaceRun(prose, gapStart, start) ||
        (prose.charCodeAt(gapStart) === 46 && isSpaceRun(prose, gapStart + 1, start) && last.capital.initial);
    }
    const flags = flagsAt(start, end);
    if (isCapitalised(text)) {
      const capital = capitalOf(text);
      if (!(last && adjacent)) closeSpan();
      wordMentions(capital, tokens, t, flags, shouted, span[span.length - 1]?.capital.word, prose, mentions);
      if (!shouted) compoundMentions(capital, before, tokens, t, flags, prose, mentions);
      before = capital;
      span.push({ start, capital, flags, afterConnector: connectorPending });
      connectorPending = false;
      if (capital.possessive) closeSpan();
      // Sentence-initial capitals are grammar: the word may still be a spelling variant ("Defence spending ...").
      if (flags & SENTENCE_INITIAL && !(flags & HEADING) && capital.titleCase) {
        const next = t + 1 < texts.length ? t + 1 : -1;
        const nameFollows = next >= 0 && isCapitalised(texts[next]!) && tokenStarts[next]! - end === 1 && prose.charCodeAt(end) === 32;
        if (!nameFollows) spellingMentions(tokens, t, flags, prose, mentions, closedWords, closedStarts);
      }
    } else {
      before = undefined;
      if (last && adjacent && !connectorPending && CONNECTORS.has(text)) connectorPending = true;
      else closeSpan();
      spellingMentions(tokens, t, flags, prose, mentions, closedWords, closedStarts);
    }
  }
  closeSpan();
  const placed = definitions.map((d): BlockDefinition => ({ ...d, acronym: intern(d.acronym), key: intern(d.key), long: intern(d.long), flags: flagsAt(d.acronymStart, d.acronymEnd) }));
  return { mentions, definitions: placed, closedWords, closedStarts };
}

interface SpanWord {
  /** Where the token starts. */
  readonly start: number;
  /** What the token's text says; `capital.word` is the token without a possessive. */
  readonly capital: CapitalWord;
  readonly flags: number;
  /** Joined to the word before by a connector ("of" in "Secretary of Defense"). */
  readonly afterConnector: boolean;
}

/** A name word or acronym of a capitalised word, placed relative to the word. */
interface WordPart {
  readonly kind: 'name' | 'acronym';
  readonly key: string;
  /** As written (the mention's text too); its length is the mention's. */
  readonly form: string;
  /** Where it starts in the word. */
  readonly offset: number;
  /** Flags it adds to the word's context. */
  readonly flags: number;
  /** A name that is a known abbreviation ("Sec"): none when a full stop follows. */
  readonly abbreviation: boolean;
}

/**
 * What a capitalised word's text alone says: its name words and acronyms,
 * its hyphenated name, whether it may open a two-word name. A document
 * repeats its names, titles and acronyms over and over, so each distinct
 * word is split, folded, looked up and interned once (see {@link capitalOf});
 * only what its neighbours decide is left for each use.
 */
interface CapitalWord {
  /** The word without a possessive ending, shared. */
  readonly word: string;
  /** Whether a possessive ending was cut off. */
  readonly possessive: boolean;
  /** Whether the token, possessive and all, is title case. */
  readonly titleCase: boolean;
  /** A dotted or hyphenated acronym as a whole ("U.S.", "ARPA-E"), placed at the word's start. */
  readonly whole: WordPart | undefined;
  readonly parts: readonly WordPart[];
  /** Whether `word` holds a hyphen: it is then a hyphenated name or none, never half of a two-word one. */
  readonly hyphenated: boolean;
  /** Its hyphenated name ("Jean-Pierre"), kind `compound`. */
  readonly compound: CompoundForm | undefined;
  /** Whether `word` may be the second word of a two-word name. */
  readonly nameLike: boolean;
  /** Whether it may be the first word of one: no possessive, and name-like or a particle. */
  readonly leads: boolean;
  /** A single capital ("G" of "Michael G. Waltz"). */
  readonly initial: boolean;
  /** Lower case, when it may be a given name before a surname (a nickname-table name, title case, no title). */
  readonly given: string | undefined;
  /** Whether it is a common word in lower case. */
  readonly common: boolean;
  /** Whether it is in the nickname table. */
  readonly nickname: boolean;
  /** Whether it may be a surname after a given name: title case, unhyphenated, no common word. */
  readonly surname: boolean;
  /** Its key as a surname, made when first needed. */
  surnameKey: string | undefined;
}

/** A compound name mention's parts that follow from its text. */
interface CompoundForm {
  readonly key: string;
  readonly form: string;
  readonly text: string;
}

const capitals = new Map<string, CapitalWord>();

/** The {@link CapitalWord} of a capitalised token's text, made once per distinct text. */
function capitalOf(text: string): CapitalWord {
  return byText(capitals, text, capitalWord);
}

/** Everything {@link CapitalWord} holds, worked out from the text. */
function capitalWord(text: string): CapitalWord {
  const word = possessiveBase(text);
  const hyphenated = hasHyphen(word);
  const isNameLike = nameLike(word);
  const lower = word.toLowerCase();
  const common = commonWords().has(lower);
  const nickname = nicknames().has(lower);
  const wordTitleCase = isTitleCase(word);
  return {
    word: intern(word),
    possessive: word !== text,
    titleCase: isTitleCase(text),
    whole: wholeAcronym(text),
    parts: wordParts(text),
    hyphenated,
    compound: hyphenated ? hyphenatedName(word) : undefined,
    nameLike: isNameLike,
    leads: word === text && (isNameLike || PARTICLES.has(text.toLowerCase())),
    initial: SINGLE_CAPITAL.test(word),
    given: nickname && !TITLES.has(lower) && wordTitleCase ? intern(lower) : undefined,
    common,
    nickname,
    surname: wordTitleCase && !word.includes('-') && !common,
    surnameKey: undefined,
  };
}

/** A token that is one acronym as a whole: dotted ("U.S.", "U.S.’s") or capitals joined by hyphens ("ARPA-E"). */
function wholeAcronym(text: string): WordPart | undefined {
  // Dotted forms hold a full stop; no other token does.
  if (text.includes('.') && (isDottedAcronym(text.replace(POSSESSIVE_S, '')) || DOTTED_PLURAL.test(text))) {
    const { form, key } = keyedWord(acronymWords, acronymPluralBase(possessiveBase(text)), acronymKeyOf);
    return { kind: 'acronym', key, form, offset: 0, flags: 0, abbreviation: false };
  }
  if (!hasHyphen(text)) return undefined;
  const whole = acronymPluralBase(possessiveBase(text));
  // "ARPA-E", "G-SIB", "SAFETEA-LU": capitals joined by hyphens are one acronym, unless every part
  // stands alone as a known code ("UK-US") or a party and a state ("R-TX").
  const capsParts = whole.split(HYPHENS);
  if (
    capsParts.length > 1 &&
    capsParts.every((p) => CAPS_PART.test(p) && !ROMAN_NUMERAL.test(p)) &&
    capsParts.some((p) => p.length > 1 && !standsAlone(p)) &&
    !(capsParts.length === 2 && PARTY.test(capsParts[0]!) && stateCodes().has(capsParts[1]!))
  ) {
    return { kind: 'acronym', key: intern(`N:${acronymKey(whole.replace(HYPHENS_ALL, ''))}`), form: intern(whole), offset: 0, flags: 0, abbreviation: false };
  }
  return undefined;
}

/** Name words and acronyms of a capitalised token, each part of a hyphenated one, before what the context rules out. */
function wordParts(text: string): WordPart[] {
  const found: WordPart[] = [];
  const parts = hasHyphen(text) ? text.split(HYPHENS) : [text];
  const compound = parts.length > 1;
  // "Australia-UK-US": acronyms that match each other inside one fixed name.
  let acronymParts = 0;
  if (compound) for (const part of parts) if (isAcronymShape(possessiveBase(part))) acronymParts++;
  const hasDigits = /[0-9]/.test(text);
  const flags = (compound ? IN_COMPOUND : 0) | (hasDigits ? WITH_DIGITS : 0) | (acronymParts >= 2 ? ACRONYM_COMPOUND : 0);
  let offset = 0;
  for (const part of parts) {
    const partStart = offset;
    offset += part.length + 1;
    if (!isCapitalised(part)) continue;
    const word = possessiveBase(part);
    const baseForm = acronymPluralBase(word);
    if (isAcronymShape(baseForm)) {
      if (/^[0-9]/.test(baseForm)) continue;
      const { form, key } = keyedWord(acronymWords, baseForm, acronymKeyOf);
      found.push({ kind: 'acronym', key, form, offset: partStart, flags, abbreviation: false });
      continue;
    }
    if (!isTitleCase(word) || word.length < 3 || /[0-9]/.test(word)) continue;
    // "I’ve", "Don’t": contractions, not names (and "I’ve" must not meet "IV-E").
    if (CONTRACTION.test(word)) continue;
    const lower = word.toLowerCase();
    // A capitalised common word ("Act", "Us") is no name; its capital is grammar or a title's.
    if (commonWords().has(lower)) continue;
    const { form, key } = keyedWord(nameWords, word, nameWordKeyOf);
    found.push({ kind: 'name', key, form, offset: partStart, flags, abbreviation: !compound && word === text && ABBREVIATIONS.has(lower) });
  }
  return found;
}

/** Name words and acronyms of one capitalised token (each part of a hyphenated one). */
function wordMentions(word: CapitalWord, tokens: Tokens, t: number, flags: number, blockShouted: boolean, prev: string | undefined, prose: string, out: Mention[]): void {
  const start = tokens.start[t]!;
  // Asked only of acronyms: a shouted run or a speaker label is no acronym, yet its words may be names.
  let shouted: boolean | undefined;
  const whole = word.whole;
  if (whole) {
    if (!(blockShouted || shoutedToken(tokens, t, prose))) out.push({ kind: 'acronym', key: whole.key, form: whole.form, text: whole.form, start, end: start + whole.form.length, flags });
    return;
  }
  for (const part of word.parts) {
    const partStart = start + part.offset;
    const { key, form } = part;
    const end = partStart + form.length;
    if (part.kind === 'acronym') {
      if ((shouted ??= blockShouted || shoutedToken(tokens, t, prose))) continue;
      // "US$12 billion", "the FRB/US model": a currency or a model name, not the country.
      const after = prose.charCodeAt(end);
      if (after === 36 || after === 47 || prose.charCodeAt(partStart - 1) === 47) continue;
      out.push({ kind: 'acronym', key, form, text: form, start: partStart, end, flags: flags | part.flags });
      continue;
    }
    // "Sec. 122", "Doc. 5", "Elect. Sec. Grants": abbreviations, not names.
    if (part.abbreviation && prose.charCodeAt(tokens.end[t]!) === 46) continue;
    out.push(
      prev !== undefined && part.offset === 0
        ? { kind: 'name', key, form, text: form, start: partStart, end, flags: flags | part.flags, prev }
        : { kind: 'name', key, form, text: form, start: partStart, end, flags: flags | part.flags },
    );
  }
}

/** Title-case words other than common ones (unless given names): what may be part of a name. */
function nameLike(part: string): boolean {
  if (!isTitleCase(part) || !ONLY_LETTERS.test(part)) return false;
  const lower = part.toLowerCase();
  return !commonWords().has(lower) || nicknames().has(lower);
}

/** A hyphenated name ("Jean-Pierre", "al-Qaeda") of at most three parts; title-case common words ("Deep-Sea", "Energy-Efficient") are compound modifiers, hyphenated by grammar. */
function hyphenatedName(word: string): CompoundForm | undefined {
  const parts = word.split(HYPHENS);
  if (parts.length > 3 || !parts.every((part, i) => nameLike(part) || (i === 0 && PARTICLES.has(part.toLowerCase())))) return undefined;
  return { key: intern(`C:${compoundNameKey(word)}`), form: intern(foldDiacritics(word).toLowerCase().replace(/[‐‑]/g, '-')), text: intern(word) };
}

/** Two-word names ("Jean Pierre", "al Qaeda") by their text: a document names the same people and bodies again and again. */
const spacedNames = new Map<string, CompoundForm>();

function spacedName(pair: string): CompoundForm {
  return byText(spacedNames, pair, spacedForm);
}

function spacedForm(pair: string): CompoundForm {
  return { key: intern(`C:${compoundNameKey(pair)}`), form: intern(foldDiacritics(pair).toLowerCase().replace(/\s+/g, ' ')), text: intern(pair) };
}

/** Hyphenated names ("Jean-Pierre", "al-Qaeda") and two-word names ("Jean Pierre", "al Qaeda"), compared on their separators. */
function compoundMentions(word: CapitalWord, before: CapitalWord | undefined, tokens: Tokens, t: number, flags: number, prose: string, out: Mention[]): void {
  const start = tokens.start[t]!;
  if (word.hyphenated) {
    const compound = word.compound;
    if (compound) out.push({ kind: 'compound', key: compound.key, form: compound.form, text: compound.text, start, end: start + compound.text.length, flags });
    return;
  }
  if (t === 0 || !word.nameLike) return;
  const beforeEnd = tokens.end[t - 1]!;
  if (start - beforeEnd !== 1 || !isSpaceCode(prose.charCodeAt(beforeEnd))) return;
  const beforeText = tokens.text[t - 1]!;
  if (!(before ? before.leads : possessiveBase(beforeText) === beforeText && PARTICLES.has(beforeText.toLowerCase()))) return;
  const beforeStart = tokens.start[t - 1]!;
  const end = start + word.word.length;
  const pair = spacedName(prose.slice(beforeStart, end));
  out.push({ kind: 'compound', key: pair.key, form: pair.form, text: pair.text, start: beforeStart, end, flags });
}

/**
 * Full names whose given name is in the nickname table ("Mike Waltz",
 * "Michael G. Waltz"): keyed by surname, compared on the given name.
 */
function personMentions(span: readonly SpanWord[], prose: string, out: Mention[]): void {
  for (let i = 0; i + 1 < span.length; i++) {
    const given = span[i]!;
    const lower = given.capital.given;
    if (lower === undefined) continue;
    // "Will Russia ..." opens a sentence with a verb, not a name.
    if (given.flags & SENTENCE_INITIAL && given.capital.common) continue;
    let j = i + 1;
    while (j < span.length && span[j]!.capital.initial && !span[j]!.afterConnector) j++;
    const surname = span[j];
    // "Bill Act", "Mary Parish": a common word after a given name is not a surname.
    if (!surname || surname.afterConnector || !surname.capital.surname) continue;
    if (surname.capital.nickname && j + 1 < span.length) continue;
    const word = surname.capital.word;
    const end = surname.start + word.length;
    out.push({
      kind: 'person',
      key: (surname.capital.surnameKey ??= intern(`P:${nameWordKey(word)}`)),
      form: lower,
      text: intern(prose.slice(given.start, end)),
      start: given.start,
      end,
      flags: given.flags,
      givenStart: given.start,
      givenEnd: given.start + given.capital.word.length,
    });
    i = j;
  }
}

/** What a word's text alone says about its spelling mentions (see {@link spellingOf}). */
interface SpellingVerdict {
  /** An uncommon closed lower-case word, to be listed with the block's closed words. */
  readonly closed: string | undefined;
  /** The word in lower case when it may open a two-word form ("cease fire"), which only its neighbour settles. */
  readonly spacedFrom: string | undefined;
  /** Its mention (without a place) when it is no two-word form. */
  readonly found: SpellingForm | undefined;
}

/** A spelling mention's parts that follow from its text. */
interface SpellingForm {
  readonly key: string;
  readonly form: string;
  readonly text: string;
  readonly variants: Readonly<Record<string, string>>;
}

/** The shortest closed word worth listing: shorter lower-case words are nearly all ordinary ones. */
const CLOSED_WORD_MIN = 7;

const NO_SPELLING: SpellingVerdict = { closed: undefined, spacedFrom: undefined, found: undefined };

/**
 * Verdicts by word text: most of a document's words are ordinary ones seen
 * many times over, so each distinct text is looked up in the tables, folded
 * and interned once. Bounded like the shared strings.
 */
const spellingVerdicts = new Map<string, SpellingVerdict>();

/** The {@link SpellingVerdict} of a word, as written. */
function spellingOf(text: string): SpellingVerdict {
  // A short ordinary word (most of prose) is no spelling-table word, and too short to be a closed word.
  if (text.length < CLOSED_WORD_MIN && surelyNoSpellingWord(text)) return NO_SPELLING;
  return byText(spellingVerdicts, text, spellingVerdict);
}

/** The checks of the spelling tables in their order of precedence: UK/US pairs, lexical variants, two-word forms, compounds. */
function spellingVerdict(text: string): SpellingVerdict {
  const lower = text.toLowerCase();
  const hyphenated = hasHyphen(lower);
  if (!hyphenated && !spellingWords().has(lower)) {
    if (lower.length >= CLOSED_WORD_MIN && !ASCII_LOWER_WORD.test(lower) && !commonWords().has(lower)) return { closed: detached(lower), spacedFrom: undefined, found: undefined };
    return NO_SPELLING;
  }
  if (/[0-9]/.test(text)) return NO_SPELLING;
  const us = ukToUs().get(lower);
  if (us !== undefined) return spelt(text, `S:${spellingFamily(us)}`, 'uk', internVariants(`uk\u0000${lower}`, () => ({ uk: lower, us })));
  const uk = usToUk().get(lower);
  if (uk !== undefined) return spelt(text, `S:${spellingFamily(lower)}`, 'us', internVariants(`us\u0000${lower}`, () => ({ uk, us: lower })));
  const lexical = lexicalVariants().get(lower);
  if (lexical) return spelt(text, `L:${lexical.key}`, `lex${lexical.index}`, lexicalTable(lexical.forms));
  const single = compoundVerdict(text, lower, hyphenated);
  if (spacedLexicalStarts().has(lower) || spacedCompoundStarts().has(lower)) return { closed: undefined, spacedFrom: intern(lower), found: single?.found };
  return single ?? NO_SPELLING;
}

/** The verdict of a word that is a spelling mention of its own. */
function spelt(text: string, key: string, form: string, variants: Readonly<Record<string, string>>): SpellingVerdict {
  return { closed: undefined, spacedFrom: undefined, found: { key: intern(key), form, text: intern(text), variants } };
}

/** A hyphenated or closed compound ("cyber-security", "ceasefire"), after the UK/US and lexical tables. */
function compoundVerdict(text: string, lower: string, hyphenated: boolean): SpellingVerdict | undefined {
  if (hyphenated) {
    const parts = lower.split(HYPHENS);
    if (parts.length !== 2 || parts.some((p) => p.length < 1 || !LETTERS.test(p))) return undefined;
    const normalised = `${parts[0]}-${parts[1]}`;
    if (HYPHEN_TRAPS.has(normalised)) return undefined;
    const joined = parts.join('');
    const entry = compounds().get(joined) ?? compounds().get(joined.replace(/s$/, ''));
    const plural = entry && entry.closed !== joined ? 's' : '';
    const key = entry ? entry.closed : joined;
    // Outside the table, a hyphenated word only meets its closed form if that is a real compound (not "e-g").
    if (!entry && (parts[0]!.length < 2 || parts[1]!.length < 3)) return undefined;
    return spelt(text, `H:${key}`, 'hyphen', sharedCompoundVariants(key, parts[0]!.length, plural));
  }
  const entry = compounds().get(lower) ?? (lower.endsWith('s') ? compounds().get(lower.slice(0, -1)) : undefined);
  if (!entry) return undefined;
  const plural = entry.closed !== lower ? 's' : '';
  return spelt(text, `H:${entry.closed}`, 'closed', sharedCompoundVariants(entry.closed, entry.split, plural));
}

/** Spelling-variant words: UK/US pairs, compounds (closed, hyphenated, two words), lexical variants. */
function spellingMentions(tokens: Tokens, t: number, flags: number, prose: string, out: Mention[], closedWords: string[], closedStarts: number[]): void {
  const text = tokens.text[t]!;
  // "of", "to", "a": shorter than any word of the spelling tables, a closed word (seven letters) or a hyphenated
  // token (three characters), so no lookup.
  if (text.length < 3 && text.length < shortestSpellingWord()) return;
  const verdict = spellingOf(text);
  if (verdict === NO_SPELLING) return;
  const start = tokens.start[t]!;
  if (verdict.closed !== undefined) {
    closedWords.push(verdict.closed);
    closedStarts.push(start);
    return;
  }
  const end = tokens.end[t]!;
  const lower = verdict.spacedFrom;
  // Two-word forms: "cease fire", "per cent".
  const next = t + 1 < tokens.text.length ? t + 1 : -1;
  if (lower !== undefined && next >= 0 && tokens.start[next]! - end === 1 && prose.charCodeAt(end) === 32 && !isCapitalised(tokens.text[next]!)) {
    const push = (key: string, form: string, variants: Readonly<Record<string, string>>, to: number, surface: string): void => {
      out.push({ kind: 'spelling', key: intern(key), form, text: intern(surface), start, end: to, flags, variants });
    };
    const nextText = tokens.text[next]!;
    const nextEnd = tokens.end[next]!;
    const pair = `${lower} ${nextText.toLowerCase()}`;
    const spacedLexical = spacedLexicalStarts().get(lower)?.find((form) => form === pair);
    if (spacedLexical) {
      const entry = lexicalVariants().get(spacedLexical)!;
      return push(`L:${entry.key}`, `lex${entry.index}`, lexicalTable(entry.forms), nextEnd, prose.slice(start, nextEnd));
    }
    for (const compound of spacedCompoundStarts().get(lower) ?? []) {
      const right = compound.closed.slice(compound.split);
      const second = nextText.toLowerCase();
      if (second === right || second === `${right}s`) {
        const plural = second.length > right.length ? 's' : '';
        return push(`H:${compound.closed}`, 'space', sharedCompoundVariants(compound.closed, compound.split, plural), nextEnd, prose.slice(start, nextEnd));
      }
    }
  }
  const found = verdict.found;
  if (found) out.push({ kind: 'spelling', key: found.key, form: found.form, text: found.text, start, end, flags, variants: found.variants });
}

const lexicalTables = new WeakMap<readonly string[], Readonly<Record<string, string>>>();

/** The variant table of a lexical family, one per family. */
function lexicalTable(forms: readonly string[]): Readonly<Record<string, string>> {
  let table = lexicalTables.get(forms);
  if (!table) lexicalTables.set(forms, (table = variantsOf(forms)));
  return table;
}

/** {@link compoundVariants}, one table per compound and ending. */
function sharedCompoundVariants(closed: string, split: number, plural: string): Readonly<Record<string, string>> {
  return internVariants(`${closed}\u0000${split}\u0000${plural}`, () => compoundVariants(closed, split, plural));
}

function variantsOf(forms: readonly string[]): Record<string, string> {
  const variants: Record<string, string> = {};
  forms.forEach((form, index) => (variants[`lex${index}`] = form));
  return variants;
}

/** The closed, hyphenated and two-word texts of a compound, with a plural ending. */
export function compoundVariants(closed: string, split: number, plural: string): Record<string, string> {
  const left = closed.slice(0, split);
  const right = closed.slice(split);
  return { closed: closed + plural, hyphen: `${left}-${right}${plural}`, space: `${left} ${right}${plural}` };
}

/**
 * Per-block mention lists cached by block text. Each run keeps only the
 * entries it used, so the cache holds the live document set and no more.
 */
export class MentionCache {
  private previous = new Map<string, BlockMentions>();
  private current = new Map<string, BlockMentions>();

  /** The mentions of `block`, extracted once per distinct block text. */
  get(block: ProseBlock): BlockMentions {
    const key = mentionCacheKey(block);
    let found = this.current.get(key) ?? this.previous.get(key);
    if (!found) found = extractMentions(block);
    this.current.set(key, found);
    return found;
  }

  /** Ends a run: entries not used since the last call are dropped. */
  endRun(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  /** Number of cached blocks, for tests. */
  get size(): number {
    return new Set([...this.previous.keys(), ...this.current.keys()]).size;
  }
}

/**
 * The block prose plus what else shapes the result: the block kind and
 * container (headings, quotes, footnotes) and where links sit (cited titles).
 * Sentence starts follow from the prose itself.
 */
export function mentionCacheKey(block: ProseBlock): string {
  const base = block.range[0];
  const links = block.inlines
    .filter((span) => span.kind === 'link')
    .map((span) => `${span.range[0] - base}-${span.range[1] - base}`)
    .join(',');
  return `${block.kind}\u0000${block.container}\u0000${links}\u0000${block.prose}`;
}

