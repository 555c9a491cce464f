/**
 * Per-paragraph signatures for repeat detection: a hash of the folded text
 * for exact copies, word hashes for similarity, and word-trigram hashes for
 * the candidate index. Cached by text, so an edit recomputes one paragraph.
 *
 * Everything is numbers, not strings: a corpus's worth of word strings was
 * most of a summary's memory. Hashes only ever pick candidates; whatever is
 * reported is confirmed on the text itself (see `verify.ts`), so a
 * collision costs a comparison, never a wrong finding.
 */
import { BoundedCache, keepsHistory } from '../cache';
import { charClass, LETTER, NUMBER } from '../document/chars';
import { RecentVersions } from '../document/common-ends';
import { detached } from '../document/flatten';
import { foldForComparison } from '../document/words';
import { FNV_OFFSET, FNV_PRIME, fnvRange, homeSlot } from '../hash';

export interface Signature {
  /** 53-bit hash of the folded text plus hidden parts: equal for exact copies (confirm on the text). */
  readonly exact: number;
  /**
   * The source of masked spans and link targets, each after a U+0001 (''
   * when there are none, U+0001 alone for one empty link target): part of
   * exact identity.
   */
  readonly hidden: string;
  /** 32-bit hash of each lower-cased word, punctuation dropped. */
  readonly words: Uint32Array;
  /** Distinct hashes of consecutive word triples (single words when shorter), in first-seen order. */
  readonly shingles: Uint32Array;
}

const WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu;

/** The lower-cased words of folded `text`, punctuation dropped. */
export function wordsOf(folded: string): string[] {
  return folded.match(WORD) ?? [];
}

/** Whether the code point is a letter or digit, as `\p{L}\p{N}` reads it. */
function isWordCode(code: number): boolean {
  return (charClass(code) & (LETTER | NUMBER)) !== 0;
}

/** Code point at `i` (a lone surrogate stands for itself, as in a `u` regex). */
function codeAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  return unit < 0xd800 || unit > 0xdbff ? unit : text.codePointAt(i)!;
}

function width(code: number): number {
  return code > 0xffff ? 2 : 1;
}

/** ASCII letters and digits, by code: most text is ASCII, and a table lookup is the cheapest test. */
const ASCII_WORD = new Uint8Array(128).map((_, code) => (isWordCode(code) ? 1 : 0));

/** End of the run of letters and digits starting at `i` (i itself when none). */
function runEnd(text: string, i: number): number {
  while (i < text.length) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      if (ASCII_WORD[unit] === 0) break;
      i++;
      continue;
    }
    const code = codeAt(text, i);
    if (!isWordCode(code)) break;
    i += width(code);
  }
  return i;
}

/**
 * Calls `visit(start, end)` for each word of folded `text`, exactly the
 * matches of {@link wordsOf}, without making a string per word.
 */
export function scanWords(text: string, visit: (start: number, end: number) => void): void {
  scanWordsBetween(text, 0, text.length, visit);
}

/**
 * {@link scanWords} from `from` until a word would start at `to` or later.
 * `from` must be where the whole scan stands between words: 0, the end of
 * a word, or any {@link isSeparator} character.
 */
function scanWordsBetween(text: string, from: number, to: number, visit: (start: number, end: number) => void): void {
  let i = from;
  while (i < to) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80 ? ASCII_WORD[unit] === 0 : !isWordCode(codeAt(text, i))) {
      i += unit < 0x80 ? 1 : width(codeAt(text, i));
      continue;
    }
    const start = i;
    let end = runEnd(text, i);
    // An apostrophe or dot joins two runs ("don't", "u.s.a"), as the pattern's optional groups do.
    for (;;) {
      const joiner = text.charCodeAt(end);
      if (joiner !== 39 && joiner !== 0x2019 && joiner !== 46) break;
      const next = runEnd(text, end + 1);
      if (next === end + 1) break;
      end = next;
    }
    visit(start, end);
    i = end;
  }
}

/** Continues the second hash of {@link hash53} over `text[start, end)`. */
function mixRange(hash: number, text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x5bd1e995);
    hash ^= hash >>> 15;
  }
  return hash;
}

/** Joins two 32-bit hashes into one 53-bit number (exact in a double). */
function join53(first: number, second: number): number {
  return (first >>> 11) * 0x100000000 + (second >>> 0);
}

/** A 53-bit hash of `text`: two independent 32-bit hashes, so equal numbers almost always mean equal texts. */
export function hash53(text: string): number {
  return join53(fnvRange(FNV_OFFSET, text, 0, text.length), mixRange(0x9747b28c, text, 0, text.length));
}

/** Word boundaries of the text being hashed, reused between calls (start, end pairs). */
let bounds = new Int32Array(1024);

/** Makes room in {@link bounds} for `words` words, keeping what it holds. */
function reserveBounds(words: number): void {
  if (2 * words <= bounds.length) return;
  let size = bounds.length * 2;
  while (size < 2 * words) size *= 2;
  const grown = new Int32Array(size);
  grown.set(bounds);
  bounds = grown;
}

/** The words of folded `text` between `from` and `to` (see {@link scanWordsBetween}) as boundaries in {@link bounds} from word `first` on; returns the number of words then held. */
function boundsOf(text: string, from = 0, to = text.length, first = 0): number {
  let count = first;
  scanWordsBetween(text, from, to, (start, end) => {
    reserveBounds(count + 1);
    bounds[2 * count] = start;
    bounds[2 * count + 1] = end;
    count++;
  });
  return count;
}

/**
 * The 53-bit hash of the words of folded `text` joined by single spaces
 * (what {@link hash53} gives for `wordsOf(text).join(' ')`), and how many
 * words there are, without building the joined string.
 */
export function wordsHash(folded: string): { readonly hash: number; readonly count: number } {
  const count = boundsOf(folded);
  let first = FNV_OFFSET;
  let second = 0x9747b28c;
  for (let w = 0; w < count; w++) {
    if (w > 0) {
      first = Math.imul(first ^ 32, FNV_PRIME);
      second = Math.imul(second ^ 32, 0x5bd1e995);
      second ^= second >>> 15;
    }
    first = fnvRange(first, folded, bounds[2 * w]!, bounds[2 * w + 1]!);
    second = mixRange(second, folded, bounds[2 * w]!, bounds[2 * w + 1]!);
  }
  return { hash: join53(first, second), count };
}

/** Open-addressing table for {@link distinct}, reused between calls (hash + 1 per slot; 0 is empty). */
let table = new Float64Array(4096);
/** Candidate shingle hashes of the text being hashed, reused between calls. */
let pending = new Uint32Array(1024);

/** Makes room in {@link pending} for `count` candidates (what it holds is not kept). */
function reservePending(count: number): void {
  if (pending.length < count) pending = new Uint32Array(Math.max(count, 2 * pending.length));
}

/**
 * The distinct values among the first `count` of {@link pending}, in
 * first-seen order (the order candidates are met in, which breaks ties
 * between equally good copies). A reused table instead of a `Set`: a
 * corpus has about a million shingles.
 */
function distinct(count: number): Uint32Array {
  let size = 64;
  while (size < 2 * count) size *= 2;
  if (table.length < size) table = new Float64Array(size);
  table.fill(0, 0, size);
  const mask = size - 1;
  const out = new Uint32Array(count);
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const hash = pending[i]!;
    let slot = homeSlot(hash, mask);
    for (;;) {
      const held = table[slot]!;
      if (held === 0) {
        table[slot] = hash + 1;
        out[kept++] = hash;
        break;
      }
      if (held === hash + 1) break;
      slot = (slot + 1) & mask;
    }
  }
  return kept === count ? out : out.slice(0, kept);
}

/**
 * Prose whose every character folds to exactly one character, whatever
 * stands around it: ASCII, U+FFFC, the no-break space and the usual
 * typographic quotes and dashes (none changes under NFKC or lower-casing).
 * Most paragraphs are like this.
 */
const FOLDS_ONE_TO_ONE = /^[\x00-\x7f\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\ufffc]*$/;

/** Characters no single-character folding is taken for: combining marks and Hangul jamo compose with their neighbours under NFKC. */
const COMPOSES = /[\p{M}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]/u;
const WHITE = /\s/;
/** Not folded alone: capital sigma lower-cases by its context (final or not), surrogates come in pairs. */
function foldsByContext(code: number): boolean {
  return code === 0x3a3 || (code >= 0xd800 && code <= 0xdfff);
}

/**
 * Per UTF-16 unit above ASCII: what it folds to when it folds to one unit
 * whatever stands around it (a space for any white space), the unit itself
 * when it folds to several units that make neither a word nor a space (see
 * {@link expansions}), -1 otherwise, undefined until asked. Few distinct
 * characters occur, so a map.
 */
const foldedUnits = new Map<number, number>();

/**
 * Units that fold alone to several units, none a letter, digit or space:
 * "…" to "...". Such a unit is kept in place, unfolded. Its fold adds no
 * word and cannot join the words on either side (a dot or apostrophe joins
 * two runs only when a letter or digit follows it directly). So the words
 * are the same at the same offsets. Only the exact hash reads the fold, from
 * here (see {@link collapsedHash}). The ellipsis is in 4% of the corpus's
 * paragraphs, among them most long CRS footnote lists.
 */
const expansions = new Map<number, string>();

/** What the unit `code` folds to alone (see {@link foldedUnits}). */
function foldedUnit(code: number): number {
  let folded = foldedUnits.get(code);
  if (folded === undefined) {
    const char = String.fromCharCode(code);
    // `foldForComparison` itself decides, so the two never disagree; white space comes back trimmed away.
    const alone = foldForComparison(char);
    const normal = char.normalize('NFKC');
    folded =
      foldsByContext(code) || COMPOSES.test(char) || COMPOSES.test(normal) ? -1
      : alone.length === 1 ? alone.charCodeAt(0)
      : alone === '' && normal.length === 1 && WHITE.test(normal) ? 32
      : expandsApart(char, alone) ? code
      : -1;
    if (folded >= 0 && alone.length > 1) expansions.set(code, alone);
    foldedUnits.set(code, folded);
  }
  return folded;
}

/** Whether `char`, folding to several units `alone`, can stay in place (see {@link expansions}). */
function expandsApart(char: string, alone: string): boolean {
  if (alone.length < 2 || char.toLowerCase() !== char || isWordCode(char.charCodeAt(0))) return false;
  for (let i = 0; i < alone.length; i++) {
    if (WHITE.test(alone[i]!) || isWordCode(codeAt(alone, i))) return false;
  }
  return true;
}

/** Whether every unit of `prose` above ASCII folds alone (to one unit, or in place: see {@link foldedUnits}). */
function foldsUnitByUnit(prose: string): boolean {
  for (let i = 0; i < prose.length; i++) {
    const code = prose.charCodeAt(i);
    if (code >= 0x80 && foldedUnit(code) < 0) return false;
  }
  return true;
}

const ABOVE_ASCII = /[^\x00-\x7f]/g;
const TYPOGRAPHIC = /[\u2018\u2019\u201c\u201d\u2013\u2014]/g;

/** `char` (a unit that folds alone) folded. */
function foldChar(char: string): string {
  return String.fromCharCode(foldedUnit(char.charCodeAt(0)));
}

/**
 * For prose whose characters each fold to one character alone (see
 * {@link FOLDS_ONE_TO_ONE}, and most other letters and signs: "§", "ó",
 * the non-breaking hyphen) or stay in place (see {@link expansions}), the
 * character-by-character part of `foldForComparison` (lower case, plain
 * quotes and dashes, NFKC) at the same offsets; undefined for other prose.
 * Its words are the words of the folded text (collapsing spaces, the rest of
 * folding, never changes a word), so a sentence's words are those of its
 * slice, without folding it again.
 */
export function foldedInPlace(prose: string): string | undefined {
  // One copy for the case and one for the marks, not one per kind of mark: a 40 KB paragraph is folded on every edit.
  if (FOLDS_ONE_TO_ONE.test(prose)) return prose.toLowerCase().replace(TYPOGRAPHIC, foldChar);
  if (!foldsUnitByUnit(prose)) return undefined;
  // Lower-casing after: a folded unit is lower case already, and capital sigma never gets here.
  return prose.replace(ABOVE_ASCII, foldChar).toLowerCase();
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0;
}

/**
 * {@link hash53} of `foldedInPlace(prose)` with spaces collapsed and
 * trimmed and units kept in place expanded (that is, of
 * `foldForComparison(prose)`), then `suffix`, without building the folded
 * string.
 */
function collapsedHash(flat: string, suffix: string): number {
  let first = FNV_OFFSET;
  let second = 0x9747b28c;
  let started = false;
  let space = false;
  for (let i = 0; i < flat.length; i++) {
    const code = flat.charCodeAt(i);
    if (isSpace(code)) {
      space = started;
      continue;
    }
    if (space) {
      first = Math.imul(first ^ 32, FNV_PRIME);
      second = Math.imul(second ^ 32, 0x5bd1e995);
      second ^= second >>> 15;
      space = false;
    }
    started = true;
    const expansion = code < 0x80 ? undefined : expansions.get(code);
    if (expansion !== undefined) {
      first = fnvRange(first, expansion, 0, expansion.length);
      second = mixRange(second, expansion, 0, expansion.length);
      continue;
    }
    first = Math.imul(first ^ code, FNV_PRIME);
    second = Math.imul(second ^ code, 0x5bd1e995);
    second ^= second >>> 15;
  }
  return join53(fnvRange(first, suffix, 0, suffix.length), mixRange(second, suffix, 0, suffix.length));
}

/** The shingle candidate of the three words from word `w` of folded `prose` (bounds in {@link bounds}): "w1 w2 w3" hashed as FNV-1a of that string would be, without building it. */
function trigramHash(prose: string, w: number): number {
  let hash = fnvRange(FNV_OFFSET, prose, bounds[2 * w]!, bounds[2 * w + 1]!);
  hash = fnvRange(Math.imul(hash ^ 32, FNV_PRIME), prose, bounds[2 * w + 2]!, bounds[2 * w + 3]!);
  hash = fnvRange(Math.imul(hash ^ 32, FNV_PRIME), prose, bounds[2 * w + 4]!, bounds[2 * w + 5]!);
  return hash >>> 0;
}

/** Prose at least this long leaves what its words were (see {@link recentLong}) for its next version. */
const LONG_PROSE = 4096;

/** What {@link compute} read of a long prose, folded: the text, its word bounds, word hashes and shingle candidates (three words each, in order, before {@link distinct}). */
interface ReadWords {
  readonly folded: string;
  readonly bounds: Int32Array;
  readonly words: Uint32Array;
  readonly candidates: Uint32Array;
}

/**
 * The last 8 long proses {@link compute} read. An edit
 * inside a 58 KB paragraph changes a few words, and the next version's words
 * and candidates away from the edit are its previous version's (see
 * {@link editedWords}): finding and hashing all of them again took about
 * 0.8 ms a keystroke. Several, since keystrokes in a draft move between
 * its long paragraphs; each costs about 3 bytes per character of its text.
 */
const recentLong = new RecentVersions<ReadWords>(8, (read) => read.folded);
keepsHistory(() => recentLong.forget());

/**
 * Whether no word of folded text holds the character `code`, so that a word
 * scan always passes through it between words: ASCII that is neither a
 * letter, a digit nor a joiner (an apostrophe or dot may join two runs).
 */
function isSeparator(code: number): boolean {
  return code < 0x80 && ASCII_WORD[code] === 0 && code !== 39 && code !== 46;
}

/**
 * The words and shingle candidates of folded `prose` (bounds in
 * {@link bounds}, candidates in {@link pending}) made from `last`, what was
 * read of the version `prose` is an edit of, sharing `head` characters at
 * the start and `tail` at the end: the words wholly before the edit and the
 * candidates over them are kept, the words from the first separator after
 * the edit on are the old ones moved, and only those between are scanned
 * and hashed. Undefined when too few words remain; then the caller reads
 * `prose` whole, which gives the same.
 */
function editedWords(prose: string, last: ReadWords, head: number, tail: number): { readonly count: number; readonly words: Uint32Array; readonly candidates: number } | undefined {
  const old = last.folded;
  const oldCount = last.words.length;
  // Words ending two or more characters before the edit were read from unchanged text only (a word's end reads the character after it).
  let kept = 0;
  while (kept < oldCount && last.bounds[2 * kept + 1]! + 2 <= head) kept++;
  // The scan stands between words at a separator, so from the first one in the unchanged end the words are the old ones.
  let resume = prose.length - tail;
  while (resume < prose.length && !isSeparator(prose.charCodeAt(resume))) resume++;
  const shift = prose.length - old.length;
  let moved = kept;
  while (moved < oldCount && last.bounds[2 * moved]! < resume - shift) moved++;
  bounds.set(last.bounds.subarray(0, 2 * kept));
  const scanned = boundsOf(prose, kept > 0 ? last.bounds[2 * kept - 1]! : 0, resume, kept);
  const count = scanned + oldCount - moved;
  if (count < 3 || oldCount < 3) return undefined;
  reserveBounds(count);
  for (let w = moved; w < oldCount; w++) {
    bounds[2 * (w - moved + scanned)] = last.bounds[2 * w]! + shift;
    bounds[2 * (w - moved + scanned) + 1] = last.bounds[2 * w + 1]! + shift;
  }
  const words = new Uint32Array(count);
  words.set(last.words.subarray(0, kept));
  for (let w = kept; w < scanned; w++) words[w] = fnvRange(FNV_OFFSET, prose, bounds[2 * w]!, bounds[2 * w + 1]!) >>> 0;
  words.set(last.words.subarray(moved), scanned);
  // Candidate w reads words w to w + 2: kept when all three are, moved when all three moved, else hashed.
  reservePending(count);
  const candidates = count - 2;
  const before = Math.max(0, kept - 2);
  pending.set(last.candidates.subarray(0, before));
  for (let w = before; w < Math.min(scanned, candidates); w++) pending[w] = trigramHash(prose, w);
  if (scanned < candidates) pending.set(last.candidates.subarray(moved), scanned);
  return { count, words, candidates };
}

/** The signature of prose `raw` with `hidden` (see {@link Signature.hidden}). */
function compute(raw: string, hidden: string, folded: FoldedProse): Signature {
  // Most prose folds character by character: hash it as folded without building the folded string.
  const flat = folded();
  const prose = flat ?? foldForComparison(raw);
  const exact = flat !== undefined ? collapsedHash(flat, hidden) : hash53(`${prose}${hidden}`);
  const long = prose.length >= LONG_PROSE;
  // The recent long prose this one is an edit of, if any.
  const previous = long ? recentLong.closest(prose) : undefined;
  const edited = previous && editedWords(prose, previous.version, previous.head, previous.tail);
  let words: Uint32Array;
  let candidates = 0;
  if (edited) {
    ({ words, candidates } = edited);
  } else {
    const count = boundsOf(prose);
    words = new Uint32Array(count);
    for (let w = 0; w < count; w++) words[w] = fnvRange(FNV_OFFSET, prose, bounds[2 * w]!, bounds[2 * w + 1]!) >>> 0;
    reservePending(count);
    if (count < 3) for (const word of words) pending[candidates++] = word;
    for (let w = 0; w + 2 < count; w++) pending[candidates++] = trigramHash(prose, w);
  }
  if (long && words.length >= 3) recentLong.remember({ folded: prose, bounds: bounds.slice(0, 2 * words.length), words, candidates: pending.slice(0, candidates) }, previous?.version);
  return { exact, hidden, words, shingles: distinct(candidates) };
}

/** Signatures of one prose text: without hidden parts, and by joined hidden parts. */
interface Slot {
  plain?: Signature;
  hidden?: Map<string, Signature>;
}

/**
 * Keyed by the prose string itself (the parsed block's, so the cache holds
 * no copy of the text while the document is alive), hidden parts below it.
 */
const cache = new BoundedCache<string, Slot>(100_000);
/** Different hidden parts kept per prose text (the same words with other links are rare). */
const HIDDEN_VARIANTS = 8;

/** The in-place fold of a paragraph's prose, made when first asked (see {@link foldOnce}). */
export type FoldedProse = () => string | undefined;

/** {@link foldedInPlace} of `prose`, made at most once: a paragraph's signature and its sentence keys both read it. */
export function foldOnce(prose: string): FoldedProse {
  let folded: string | undefined | null = null;
  return () => (folded === null ? (folded = foldedInPlace(prose)) : folded);
}

/**
 * The signature of a paragraph (cached by its text). Words come from the
 * prose only; `hidden` (the source of masked spans and link targets) only
 * takes part in exact identity, so URLs never make two paragraphs "similar".
 */
export function signatureOf(prose: string, hidden: readonly string[], folded: FoldedProse = foldOnce(prose)): Signature {
  const slot = cache.get(prose, () => ({}));
  if (hidden.length === 0) return (slot.plain ??= compute(prose, '', folded));
  const joined = `\u0001${hidden.join('\u0001')}`;
  const variants = (slot.hidden ??= new Map());
  let signature = variants.get(joined);
  if (!signature) {
    if (variants.size >= HIDDEN_VARIANTS) variants.clear();
    // Stored as a copy: a single hidden part is a slice of the document's text, which the cache must not keep alive.
    const own = detached(joined);
    variants.set(own, (signature = compute(prose, own, folded)));
  }
  return signature;
}
