/**
 * Mention extraction for one prose block: name words, acronyms, hyphenated
 * and two-word names, full person names, spelling-variant words and acronym
 * definitions, each with the context rules need to skip what is not the
 * writer's own form (quotations, cited titles, sentence-initial and heading
 * capitals). Results depend only on the block, so they are cached by its
 * text and an edit re-extracts one paragraph.
 */
import type { ProseBlock } from '../document/model';
import { findDefinitions, type AcronymDefinition } from './acronyms';
import {
  acronymKey,
  compoundNameKey,
  foldDiacritics,
  isAcronymShape,
  isDottedAcronym,
  nameWordKey,
  spellingFamily,
  splitAcronymPlural,
  splitPossessive,
} from './normalize';
import {
  commonWords,
  compounds,
  HYPHEN_TRAPS,
  lexicalVariants,
  nicknames,
  spacedCompoundStarts,
  spacedLexicalStarts,
  spellingWords,
  stateCodes,
  ukToUs,
  wellKnownAcronyms,
  usToUk,
} from './tables';

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
   * Uncommon closed lower-case words ("cybersecurity") with their offsets, so
   * a hyphenated form elsewhere in the set ("cyber-security") finds them.
   */
  readonly closedWords: readonly (readonly [word: string, start: number])[];
}

/** A definition with the context flags of its acronym. */
export interface BlockDefinition extends AcronymDefinition {
  readonly flags: number;
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Words with inner apostrophes and hyphens, and dotted acronyms. Every
 * repetition must consume a delimiter, so matching stays linear.
 */
const TOKEN =
  /(?:\p{Lu}\.){2,}|\p{Lu}[\p{Lu}\p{N}]*&\p{Lu}[\p{Lu}\p{N}]*(?:s\b)?|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*(?:[-‐‑][\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*)*/gu;

/** Numbered endnotes laid out as table rows ("| 143. | For example, see ..."), as exported reports have them. */
const ENDNOTE_ROW = /^\s*\|\s*\d+\.\s*\|/;

/** A paragraph that is a table pasted as text: it opens with a cell. */
const TABLE_LINE = /^\s*\|/;
/** Captions, sources and notes of tables and figures. */
const CAPTION_START = /^[\s*_]*(?:Table|Figure|Box|Chart|Map|Sources?|Notes?)\b\s*(?:[A-Z]?-?\d+[.:]?|:)/;

/** Lower-case words that join the capitalised words of one name. */
const CONNECTORS = new Set([
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
function shoutedToken(tokens: readonly Token[], t: number, prose: string): boolean {
  const token = tokens[t]!;
  if (!isAllCaps(token.text)) return false;
  let first = t;
  while (first > 0 && isAllCaps(tokens[first - 1]!.text) && /^[ \t\u00a0:,;&.\u2013\u2014-]*$/.test(prose.slice(tokens[first - 1]!.end, tokens[first]!.start))) first--;
  let last = t;
  while (last + 1 < tokens.length && isAllCaps(tokens[last + 1]!.text) && /^[ \t\u00a0:,;&.\u2013\u2014-]*$/.test(prose.slice(tokens[last]!.end, tokens[last + 1]!.start))) last++;
  const run = tokens.slice(first, last + 1);
  if (run.length >= 2 && run.some((r) => r.text.length >= 3 && commonWords().has(r.text.toLowerCase()))) return true;
  // A speaker label opens a line and ends with a colon.
  const lineStart = prose.lastIndexOf('\n', run[0]!.start - 1) + 1;
  return /^[\s*>-]*$/.test(prose.slice(lineStart, run[0]!.start)) && /^\s*:/.test(prose.slice(run[run.length - 1]!.end, run[run.length - 1]!.end + 3));
}

/** Roman numerals of two letters or more ("Title IV-E" is a title and a part, not an acronym). */
const ROMAN_NUMERAL = /^(?=[IVXL]{2})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/** A part of a hyphenated acronym that is a code of its own ("UK" in "UK-US"). */
function standsAlone(part: string): boolean {
  return wellKnownAcronyms().has(part) || stateCodes().has(part);
}

function isAllCaps(text: string): boolean {
  return /^[\p{Lu}][\p{Lu}\p{N}.'’&-]*$/u.test(text) && /\p{Lu}.*\p{Lu}/u.test(text.replace(/['’]S$/, ''));
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
  return isUpperLetter(text[0] ?? '');
}

function isTitleCase(text: string): boolean {
  return isCapitalised(text) && /\p{Ll}/u.test(text);
}

/** Spans of quoted text: paired double quotes of any style, curly single quotes, guillemets. */
function quotedSpans(prose: string): [number, number][] {
  const spans: [number, number][] = [];
  let openCurly = -1;
  let openStraight = -1;
  let openSingle = -1;
  let openGuillemet = -1;
  for (let i = 0; i < prose.length; i++) {
    const ch = prose[i]!;
    if (ch === '\u201c' || ch === '\u201e') {
      if (openCurly < 0) openCurly = i;
    } else if (ch === '\u201d') {
      if (openCurly >= 0) spans.push([openCurly, i + 1]);
      openCurly = -1;
    } else if (ch === '"') {
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
    } else if (ch === '\u00ab') {
      openGuillemet = i;
    } else if (ch === '\u00bb') {
      if (openGuillemet >= 0) spans.push([openGuillemet, i + 1]);
      openGuillemet = -1;
    } else if (ch === '\u2018') {
      if (!/[\p{L}\p{N}]/u.test(prose[i - 1] ?? ' ')) openSingle = i;
    } else if (ch === '\u2019' && openSingle >= 0 && !/[\p{L}]/u.test(prose[i + 1] ?? ' ')) {
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

/** Whether a block is shouted: mostly capitals, so capitals say nothing. */
function isShouted(prose: string): boolean {
  let upper = 0;
  let letters = 0;
  for (let i = 0; i < prose.length; i++) {
    const code = prose.charCodeAt(i);
    if (code >= 65 && code <= 90) {
      upper++;
      letters++;
    } else if (code >= 97 && code <= 122) {
      letters++;
    } else if (code > 127) {
      const ch = prose[i]!;
      if (ch === ch.toLowerCase() && ch === ch.toUpperCase()) continue;
      letters++;
      if (isUpperLetter(ch)) upper++;
    }
  }
  return letters >= 12 && upper / letters >= 0.7;
}

/** Offsets (relative) where a sentence's first word starts, and after a colon. */
function sentenceStarts(block: ProseBlock): Set<number> {
  const starts = new Set<number>();
  const base = block.range[0];
  for (const sentence of block.sentences) {
    const rel = sentence.range[0] - base;
    const m = /[\p{L}\p{N}]/u.exec(block.prose.slice(rel, rel + 40));
    if (m) starts.add(rel + m.index);
  }
  for (let i = block.prose.indexOf(':'); i >= 0; i = block.prose.indexOf(':', i + 1)) {
    const m = /^[\s"“‘(]*(?=[\p{L}])/u.exec(block.prose.slice(i + 1, i + 10));
    if (m) starts.add(i + 1 + m[0].length);
  }
  // A list or line start after a bullet-like mark in plain text ("- The ...").
  const lineStart = /(?:^|\n)[ \t]*(?:[-*•–]\s+|\d+[.)]\s+)?(?=[\p{L}])/gu;
  for (let m = lineStart.exec(block.prose); m; m = lineStart.exec(block.prose)) {
    starts.add(m.index + m[0].length);
    // A zero-length match must step a whole code point: a /u regex steps back out of a surrogate pair.
    if (m[0].length === 0) lineStart.lastIndex = m.index + ((block.prose.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
  }
  return starts;
}

/** Marks `flag` over each span, so a token's context is two array reads, not a scan of every span. */
function markSpans(marks: Uint8Array, spans: readonly (readonly [number, number])[], flag: number): void {
  for (const [s, e] of spans) for (let i = Math.max(0, s); i < Math.min(e, marks.length); i++) marks[i]! |= flag;
}

/** Extracts the mentions of one block (uncached; see {@link MentionCache}). */
export function extractMentions(block: ProseBlock): BlockMentions {
  const prose = block.prose;
  const base = block.range[0];
  const mentions: Mention[] = [];
  const closedWords: [string, number][] = [];
  const quotes = quotedSpans(prose);
  const citations: [number, number][] = block.inlines
    .filter((span) => span.kind === 'link')
    .map((span) => [span.range[0] - base, span.range[1] - base]);
  const blockFlags =
    (block.kind === 'heading' || isTitleLike(prose) ? HEADING : 0) |
    (block.container === 'blockquote' ? QUOTED : 0) |
    (block.container === 'footnote' || ENDNOTE_ROW.test(prose) ? CITATION : 0) |
    (TABLE_LINE.test(prose) ? TABLE_ROW : 0) |
    (CAPTION_START.test(prose) ? CAPTION : 0);
  const shouted = isShouted(prose);
  const starts = sentenceStarts(block);
  const definitions = shouted ? [] : findDefinitions(prose);
  const defining = definitions.map((d) => [d.acronymStart, d.acronymEnd] as const);

  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(prose); m; m = TOKEN.exec(prose)) tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });

  const marks = new Uint8Array(prose.length);
  markSpans(marks, quotes, QUOTED);
  markSpans(marks, citations, CITATION);
  markSpans(marks, defining, DEFINING);
  const flagsAt = (start: number, end: number): number =>
    blockFlags | (starts.has(start) ? SENTENCE_INITIAL : 0) | (marks[start]! & marks[end - 1]!);

  // Capitalised words of the current name span, for person names and typo context.
  let span: SpanWord[] = [];
  let connectorPending = false;
  const closeSpan = (): void => {
    personMentions(span, prose, mentions);
    span = [];
    connectorPending = false;
  };

  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    const before = tokens[t - 1];
    const gap = before ? prose.slice(before.end, token.start) : '';
    const last = span[span.length - 1];
    // A name continues over spaces, or over ". " after an initial ("Michael G. Waltz").
    const adjacent = /^\s+$/.test(gap) || (last !== undefined && /^\.\s+$/.test(gap) && /^\p{Lu}$/u.test(last.word));
    const flags = flagsAt(token.start, token.end);
    if (isCapitalised(token.text)) {
      if (!(last && adjacent)) closeSpan();
      wordMentions(token, flags, shouted || shoutedToken(tokens, t, prose), span[span.length - 1]?.word, prose, mentions);
      if (!shouted) compoundMentions(token, flags, prose, before, mentions);
      const [word] = splitPossessive(token.text);
      span.push({ token, word, flags, afterConnector: connectorPending });
      connectorPending = false;
      if (word !== token.text) closeSpan();
      // Sentence-initial capitals are grammar: the word may still be a spelling variant ("Defence spending ...").
      const next = tokens[t + 1];
      const nameFollows = next !== undefined && isCapitalised(next.text) && /^ $/.test(prose.slice(token.end, next.start));
      if (flags & SENTENCE_INITIAL && !(flags & HEADING) && isTitleCase(token.text) && !nameFollows) {
        spellingMentions(token, flags, next, prose, mentions, closedWords);
      }
    } else {
      if (last && adjacent && !connectorPending && CONNECTORS.has(token.text)) connectorPending = true;
      else closeSpan();
      spellingMentions(token, flags, tokens[t + 1], prose, mentions, closedWords);
    }
  }
  closeSpan();
  const placed = definitions.map((d): BlockDefinition => ({ ...d, flags: flagsAt(d.acronymStart, d.acronymEnd) }));
  return { mentions, definitions: placed, closedWords };
}

interface SpanWord {
  readonly token: Token;
  /** The token without a possessive. */
  readonly word: string;
  readonly flags: number;
  /** Joined to the word before by a connector ("of" in "Secretary of Defense"). */
  readonly afterConnector: boolean;
}

/** Name words and acronyms of one capitalised token (each part of a hyphenated one). */
function wordMentions(token: Token, flags: number, shouted: boolean, prev: string | undefined, prose: string, out: Mention[]): void {
  if (isDottedAcronym(token.text.replace(/['’]s$/, '')) || /^(?:\p{Lu}\.){2,}s$/u.test(token.text)) {
    if (shouted) return;
    const [word] = splitPossessive(token.text);
    const [baseForm] = splitAcronymPlural(word);
    out.push({ kind: 'acronym', key: `N:${acronymKey(baseForm)}`, form: baseForm, text: baseForm, start: token.start, end: token.start + baseForm.length, flags });
    return;
  }
  const whole = splitAcronymPlural(splitPossessive(token.text)[0])[0];
  // "ARPA-E", "G-SIB", "SAFETEA-LU": capitals joined by hyphens are one acronym, unless every part
  // stands alone as a known code ("UK-US") or a party and a state ("R-TX").
  const capsParts = whole.split(/[-‐‑]/);
  if (
    capsParts.length > 1 &&
    capsParts.every((p) => /^[A-Z]+$/.test(p) && !ROMAN_NUMERAL.test(p)) &&
    capsParts.some((p) => p.length > 1 && !standsAlone(p)) &&
    !(capsParts.length === 2 && /^[RDI]$/.test(capsParts[0]!) && stateCodes().has(capsParts[1]!))
  ) {
    if (shouted) return;
    out.push({ kind: 'acronym', key: `N:${acronymKey(whole.replace(/[-‐‑]/g, ''))}`, form: whole, text: whole, start: token.start, end: token.start + whole.length, flags });
    return;
  }
  const parts = token.text.split(/[-‐‑]/);
  const compound = parts.length > 1;
  // "Australia-UK-US": acronyms that match each other inside one fixed name.
  const acronymParts = compound ? parts.filter((part) => isAcronymShape(splitPossessive(part)[0])).length : 0;
  const hasDigits = /[0-9]/.test(token.text);
  let offset = token.start;
  for (const part of parts) {
    const partStart = offset;
    offset += part.length + 1;
    if (!isCapitalised(part)) continue;
    const [word] = splitPossessive(part);
    const [baseForm] = splitAcronymPlural(word);
    const partFlags = flags | (compound ? IN_COMPOUND : 0) | (hasDigits ? WITH_DIGITS : 0) | (acronymParts >= 2 ? ACRONYM_COMPOUND : 0);
    if (isAcronymShape(baseForm)) {
      if (shouted || /^[0-9]/.test(baseForm)) continue;
      // "US$12 billion", "the FRB/US model": a currency or a model name, not the country.
      const after = prose[partStart + baseForm.length] ?? '';
      if (after === '$' || after === '/' || prose[partStart - 1] === '/') continue;
      out.push({ kind: 'acronym', key: `N:${acronymKey(baseForm)}`, form: baseForm, text: baseForm, start: partStart, end: partStart + baseForm.length, flags: partFlags });
      continue;
    }
    if (!isTitleCase(word) || word.length < 3 || /[0-9]/.test(word)) continue;
    // "I’ve", "Don’t": contractions, not names (and "I’ve" must not meet "IV-E").
    if (/['’](?:ve|re|ll|d|m|t)$/i.test(word)) continue;
    // "Sec. 122", "Doc. 5", "Elect. Sec. Grants": abbreviations, not names.
    if (!compound && word === token.text && ABBREVIATIONS.has(word.toLowerCase()) && prose[token.end] === '.') continue;
    // A capitalised common word ("Act", "Us") is no name; its capital is grammar or a title's.
    if (commonWords().has(word.toLowerCase())) continue;
    out.push({
      kind: 'name',
      key: `N:${nameWordKey(word)}`,
      form: word,
      text: word,
      start: partStart,
      end: partStart + word.length,
      flags: partFlags,
      ...(prev !== undefined && partStart === token.start ? { prev } : {}),
    });
  }
}

/** Hyphenated names ("Jean-Pierre", "al-Qaeda") and two-word names ("Jean Pierre", "al Qaeda"), compared on their separators. */
function compoundMentions(token: Token, flags: number, prose: string, before: Token | undefined, out: Mention[]): void {
  const [word] = splitPossessive(token.text);
  const parts = word.split(/[-‐‑]/);
  // Title-case common words ("Deep-Sea Mining", "Energy-Efficient") are compound modifiers, hyphenated by grammar.
  const nameLike = (part: string): boolean =>
    isTitleCase(part) && /^[\p{L}\p{M}'’]+$/u.test(part) && (!commonWords().has(part.toLowerCase()) || nicknames().has(part.toLowerCase()));
  const particle = (part: string): boolean => PARTICLES.has(part.toLowerCase());
  if (parts.length >= 2 && parts.length <= 3 && parts.every((part, i) => nameLike(part) || (i === 0 && particle(part)))) {
    out.push({
      kind: 'compound',
      key: `C:${compoundNameKey(word)}`,
      form: foldDiacritics(word).toLowerCase().replace(/[‐‑]/g, '-'),
      text: word,
      start: token.start,
      end: token.start + word.length,
      flags,
    });
  }
  if (!before || parts.length > 1 || !nameLike(word) || !/^\s$/.test(prose.slice(before.end, token.start))) return;
  if (splitPossessive(before.text)[1] > 0 || !(nameLike(before.text) || particle(before.text))) return;
  const text = prose.slice(before.start, token.start + word.length);
  out.push({
    kind: 'compound',
    key: `C:${compoundNameKey(text)}`,
    form: foldDiacritics(text).toLowerCase().replace(/\s+/g, ' '),
    text,
    start: before.start,
    end: token.start + word.length,
    flags,
  });
}

/**
 * Full names whose given name is in the nickname table ("Mike Waltz",
 * "Michael G. Waltz"): keyed by surname, compared on the given name.
 */
function personMentions(span: readonly SpanWord[], prose: string, out: Mention[]): void {
  for (let i = 0; i + 1 < span.length; i++) {
    const given = span[i]!;
    const lower = given.word.toLowerCase();
    if (!nicknames().has(lower) || TITLES.has(lower) || !isTitleCase(given.word)) continue;
    // "Will Russia ..." opens a sentence with a verb, not a name.
    if (given.flags & SENTENCE_INITIAL && commonWords().has(lower)) continue;
    let j = i + 1;
    while (j < span.length && /^\p{Lu}$/u.test(span[j]!.word) && !span[j]!.afterConnector) j++;
    const surname = span[j];
    if (!surname || surname.afterConnector || !isTitleCase(surname.word) || surname.word.includes('-')) continue;
    // "Bill Act", "Mary Parish": a common word after a given name is not a surname.
    if (commonWords().has(surname.word.toLowerCase())) continue;
    if (nicknames().has(surname.word.toLowerCase()) && j + 1 < span.length) continue;
    const end = surname.token.start + surname.word.length;
    out.push({
      kind: 'person',
      key: `P:${nameWordKey(surname.word)}`,
      form: lower,
      text: prose.slice(given.token.start, end),
      start: given.token.start,
      end,
      flags: given.flags,
      givenStart: given.token.start,
      givenEnd: given.token.start + given.word.length,
    });
    i = j;
  }
}

/** Spelling-variant words: UK/US pairs, compounds (closed, hyphenated, two words), lexical variants. */
function spellingMentions(token: Token, flags: number, next: Token | undefined, prose: string, out: Mention[], closed: [string, number][]): void {
  const text = token.text;
  const lower = text.toLowerCase();
  const hyphenated = /[-‐‑]/.test(lower);
  if (!hyphenated && !spellingWords().has(lower)) {
    if (lower.length >= 7 && !/[^a-z]/.test(lower) && !commonWords().has(lower)) closed.push([lower, token.start]);
    return;
  }
  if (/[0-9]/.test(text)) return;
  const push = (key: string, form: string, variants: Record<string, string>, end = token.end, surface = text): void => {
    out.push({ kind: 'spelling', key, form, text: surface, start: token.start, end, flags, variants });
  };
  const us = ukToUs().get(lower);
  if (us !== undefined) return push(`S:${spellingFamily(us)}`, 'uk', { uk: lower, us });
  const uk = usToUk().get(lower);
  if (uk !== undefined) return push(`S:${spellingFamily(lower)}`, 'us', { uk, us: lower });

  const lexical = lexicalVariants().get(lower);
  if (lexical) return push(`L:${lexical.key}`, `lex${lexical.index}`, variantsOf(lexical.forms));

  // Two-word forms: "cease fire", "per cent".
  const spacedStart = spacedLexicalStarts().has(lower) || spacedCompoundStarts().has(lower);
  if (spacedStart && next && prose.slice(token.end, next.start) === ' ' && !isCapitalised(next.text)) {
    const pair = `${lower} ${next.text.toLowerCase()}`;
    const spacedLexical = spacedLexicalStarts().get(lower)?.find((form) => form === pair);
    if (spacedLexical) {
      const entry = lexicalVariants().get(spacedLexical)!;
      return push(`L:${entry.key}`, `lex${entry.index}`, variantsOf(entry.forms), next.end, prose.slice(token.start, next.end));
    }
    for (const compound of spacedCompoundStarts().get(lower) ?? []) {
      const right = compound.closed.slice(compound.split);
      const second = next.text.toLowerCase();
      if (second === right || second === `${right}s`) {
        const plural = second.length > right.length ? 's' : '';
        return push(`H:${compound.closed}`, 'space', compoundVariants(compound.closed, compound.split, plural), next.end, prose.slice(token.start, next.end));
      }
    }
  }

  if (hyphenated) {
    const parts = lower.split(/[-‐‑]/);
    if (parts.length !== 2 || parts.some((p) => p.length < 1 || !/^\p{L}+$/u.test(p))) return;
    const normalised = `${parts[0]}-${parts[1]}`;
    if (HYPHEN_TRAPS.has(normalised)) return;
    const joined = parts.join('');
    const entry = compounds().get(joined) ?? compounds().get(joined.replace(/s$/, ''));
    const plural = entry && entry.closed !== joined ? 's' : '';
    const key = entry ? entry.closed : joined;
    // Outside the table, a hyphenated word only meets its closed form if that is a real compound (not "e-g").
    if (!entry && (parts[0]!.length < 2 || parts[1]!.length < 3)) return;
    return push(`H:${key}`, 'hyphen', compoundVariants(key, parts[0]!.length, plural));
  }
  const entry = compounds().get(lower) ?? (lower.endsWith('s') ? compounds().get(lower.slice(0, -1)) : undefined);
  if (entry) {
    const plural = entry.closed !== lower ? 's' : '';
    return push(`H:${entry.closed}`, 'closed', compoundVariants(entry.closed, entry.split, plural));
  }
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

