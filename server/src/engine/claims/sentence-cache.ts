/**
 * Claim analysis of a large block sentence by sentence, each sentence cached
 * under exactly what its analysis reads, so an edit inside a 40 KB paragraph
 * re-analyses the sentence it touched rather than the paragraph (the FOMC
 * minutes and CRS footnote sections are single paragraphs of 20–60 KB).
 *
 * A sentence's analysis reads its tokens and the one on each side of them,
 * which of those stand in a quotation, whether a citation marker stands in
 * or after it, and what the sentences before it carry (how the last one was
 * credited, the figures used as settings so far). The key is the prose from
 * where the tokenizer starts afresh before the token preceding the sentence
 * to a few characters past the token following it, with the sentence's
 * offsets in it, the quotations over it, the citation bit, the carried state
 * and the lexicon: all relative, so a sentence moved by an edit before it
 * still hits, and a sentence whose neighbour changed misses.
 */
import { BoundedCache } from '../cache';
import type { ProseBlock } from '../document/model';
import { detached } from '../document/flatten';
import type { OffsetRange } from '../types';
import type { ClaimCue, Phrase, SentenceClaims } from './analysis';
import type { PreviousCredit } from './attribution';
import type { Lexicon } from './lexicon/index';
import { CitationCursor, citationRanges } from './markers';
import { analyzeSentence, NOTHING, wordFlagsOf, type Carried } from './sentence';
import { quoteSpans, scanStartOfTokenBefore, spanReadEnd, tokenize, tokenizeSpan, type QuoteSpans, type TokenList } from './tokens';

/**
 * Blocks of at least this many characters are analysed through the sentence
 * cache; smaller ones are cached whole (see `analysis.ts`), which costs less
 * when the block is new, as every block is in a cold run.
 */
export const LARGE_BLOCK = 4096;

/** One cached sentence analysis: what it read besides the key's text, and what it gives. */
interface Entry {
  readonly fingerprint: string;
  /** The sentence's offsets, relative to the start of the key. */
  readonly start: number;
  readonly end: number;
  readonly cited: boolean;
  /** How the sentence before was credited. */
  readonly before: PreviousCredit;
  /** The quotations over the key (see {@link quotesOver}). */
  readonly quotes: string;
  /** The settings the sentences before had used, in order. */
  readonly settingsBefore: string;
  /** How the sentence leaves the credit for the next one. */
  readonly previous: PreviousCredit;
  /** The figures it adds to the settings, in order. */
  readonly settings: readonly string[];
  /**
   * The analysis as last handed out, with ranges in its block's prose, and
   * where the key started there: most edits leave a sentence where it was,
   * and one moved is this copy moved.
   */
  sentence: SentenceClaims;
  at: number;
}

/**
 * Entries per generation of the cache: an edit reads the sentences of the
 * one block it changed (a few hundred), so this keeps every block being
 * edited and bounds what the large blocks of other documents leave behind
 * (each entry is a copy of its sentence).
 */
const CAPACITY = 4096;
/**
 * Characters of sentence texts kept, every key counted: the sentences of the
 * long blocks being edited, many times over. By entries alone, the long
 * sentences of CRS footnote lists (each edit makes one anew) filled it with
 * megabytes of old versions.
 */
const CHARS = 1_000_000;

/** An empty cache of sentences of large blocks by key text; several entries when the state around a text differs. */
function emptyCache(): BoundedCache<string, Entry[]> {
  return new BoundedCache<string, Entry[]>(CAPACITY, CHARS, 0);
}

let cache = emptyCache();

/** Forgets every cached sentence analysis (results never depend on it). */
export function resetSentenceCache(): void {
  cache = emptyCache();
}

/** Separates the settings in a state key (no figure holds it). */
const SETTING_END = '\u0002';

/**
 * The analyses of `block`'s sentences, as the block analysis would make
 * them, from the cache where the sentence and what it reads are unchanged.
 */
export function cachedSentenceClaims(block: ProseBlock, lexicon: Lexicon): SentenceClaims[] {
  const prose = block.prose;
  const base = block.range[0];
  const citations = new CitationCursor(citationRanges(block));
  const quotes = quoteSpans(prose);
  const carried: Carried = { previous: 'none', settings: new Set() };
  let settingsKey = '';
  let q = 0;
  let misses = 0;
  let whole: SentenceTokensOf | undefined;
  let t = 0;
  const sentences: SentenceClaims[] = [];
  const ranges = block.sentences;
  for (let index = 0; index < ranges.length; index++) {
    const start = ranges[index]!.start - base;
    const end = ranges[index]!.end - base;
    const nextStart = index + 1 < ranges.length ? ranges[index + 1]!.start - base : prose.length;
    const cited = citations.cited(start, end, nextStart);
    const at = scanStartOfTokenBefore(prose, start);
    const stop = spanReadEnd(prose, end);
    // Quotations closed before the key cannot reach it, nor any later key.
    while (q < quotes.length && quotes[q + 1]! <= at) q += 2;
    const quoted = quotesOver(quotes, q, at, stop);
    // A copy, not a view of the prose: the cache keeps the key it is asked with when an entry moves to its young generation.
    const text = detached(prose.slice(at, stop));
    const entries = cache.peek(text);
    let entry: Entry | undefined;
    for (let k = 0; entries && k < entries.length && !entry; k++) {
      const e = entries[k]!;
      if (
        e.start === start - at && e.end === end - at && e.cited === cited && e.before === carried.previous &&
        e.quotes === quoted && e.settingsBefore === settingsKey && e.fingerprint === lexicon.fingerprint
      ) entry = e;
    }
    if (entry) {
      if (entry.at !== at) {
        entry.sentence = shifted(entry.sentence, at - entry.at);
        entry.at = at;
      }
      sentences.push(entry.sentence);
      carried.previous = entry.previous;
      for (const setting of entry.settings) {
        carried.settings.add(setting);
        settingsKey += setting + SETTING_END;
      }
      continue;
    }
    // A few changed sentences are tokenised alone; past that (a block seen for the first time), the block once.
    if (!whole && ++misses > SPAN_MISSES) whole = blockTokens(prose, lexicon);
    const { tokens, flags } = whole ?? spanTokens(prose, at, start, end, quotes, lexicon);
    let from = whole ? t : 0;
    while (from < tokens.length && tokens.start[from]! < start) from++;
    let to = from;
    while (to < tokens.length && tokens.end[to]! <= end) to++;
    if (whole) t = to;
    const before = carried.previous;
    const settingsBefore = settingsKey;
    const count = carried.settings.size;
    const sentence = analyzeSentence(prose, tokens, flags, from, to, start, end, cited, lexicon, carried);
    const added = carried.settings.size === count ? NOTHING : [...carried.settings].slice(count).map(detached);
    for (const setting of added) settingsKey += setting + SETTING_END;
    const made: Entry = {
      fingerprint: lexicon.fingerprint, start: start - at, end: end - at, cited, before, quotes: quoted, settingsBefore,
      previous: carried.previous, settings: added, sentence, at,
    };
    if (entries) entries.push(made);
    else cache.get(text, () => [made]);
    sentences.push(sentence);
  }
  return sentences;
}

/** Sentences of a block analysed from tokens of their own, before the block is tokenised whole. */
const SPAN_MISSES = 8;

/** Tokens to analyse sentences from, and their lexicon bits. */
interface SentenceTokensOf {
  readonly tokens: TokenList;
  readonly flags: Uint16Array;
}

function blockTokens(prose: string, lexicon: Lexicon): SentenceTokensOf {
  const tokens = tokenize(prose);
  return { tokens, flags: wordFlagsOf(lexicon).ofTokens(tokens) };
}

function spanTokens(prose: string, at: number, start: number, end: number, quotes: QuoteSpans, lexicon: Lexicon): SentenceTokensOf {
  const tokens = tokenizeSpan(prose, at, start, end, quotes);
  return { tokens, flags: wordFlagsOf(lexicon).ofTokens(tokens) };
}

/**
 * The quotations (see {@link QuoteSpans}) that reach tokens starting in
 * `[at, stop)`, clipped to it and relative to `at`: the tokens of the key
 * are quoted alike wherever two keys with the same text give the same list.
 */
function quotesOver(quotes: QuoteSpans, first: number, at: number, stop: number): string {
  let key = '';
  for (let k = first; k < quotes.length && quotes[k]! < stop; k += 2) {
    key += `;${Math.max(quotes[k]!, at - 1) - at}-${Math.min(quotes[k + 1]!, stop) - at}`;
  }
  return key;
}

function moved(range: OffsetRange, by: number): OffsetRange {
  return [range[0] + by, range[1] + by];
}

function movedPhrase<K extends string>(phrase: Phrase<K>, by: number): Phrase<K> {
  return { kind: phrase.kind, range: moved(phrase.range, by), text: phrase.text };
}

/** `sentence` with every range `by` characters further on (same fields, in the same order, as the analysis makes them). */
function shifted(sentence: SentenceClaims, by: number): SentenceClaims {
  const range = moved(sentence.range, by);
  if (sentence.skipped) {
    return { range, cited: sentence.cited, vague: NOTHING, continuesVague: false, statistics: NOTHING, skipped: sentence.skipped };
  }
  const { attribution, cue } = sentence;
  const movedCue: ClaimCue | undefined = cue && { ...movedPhrase(cue, by), claimRange: moved(cue.claimRange, by) };
  return {
    range,
    cited: sentence.cited,
    ...(attribution ? { attribution: movedPhrase(attribution, by) } : {}),
    vague: sentence.vague.length === 0 ? NOTHING : sentence.vague.map((phrase) => movedPhrase(phrase, by)),
    continuesVague: sentence.continuesVague,
    statistics: sentence.statistics.length === 0 ? NOTHING : sentence.statistics.map((phrase) => movedPhrase(phrase, by)),
    ...(movedCue ? { cue: movedCue } : {}),
  };
}
