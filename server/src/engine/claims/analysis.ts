/**
 * Per-paragraph claim analysis shared by the three claim rules: for each
 * sentence, whether it is a claim at all (questions, labels and quotations
 * are not), what credits it, what credits it vaguely, and which statistics
 * and claim cues it holds.
 *
 * The analysis depends only on the block's prose, its citation inlines and
 * the claims configuration, so it is cached under exactly those: an edit
 * re-analyses one paragraph, and a cached result is the one a fresh run
 * would compute.
 */
import { BoundedCache } from '../cache';
import type { ClaimsConfig } from '../config';
import { contentToken } from '../document/content';
import { detached } from '../document/flatten';
import { OBJECT_MASK, type ProseBlock } from '../document/model';
import type { OffsetRange } from '../types';
import { creditWordSets, findCredit, type AttributionKind, type PreviousCredit } from './attribution';
import { findCue } from './cues';
import type { CueKind } from './lexicon/cues';
import { lexiconFor, type Lexicon } from './lexicon/index';
import { citationRanges, hasSourceLine, isNoteLine, isSourceLine } from './markers';
import { findStatistics, statisticWordSets, type StatisticKind } from './statistics';
import type { SentenceTokens } from './subject';
import { isCapitalized, PUNCT, tokenize, type TokenList } from './tokens';
import { CUE_START, SERIES_START, TRUSTED_START, VAGUE_START, WordFlags } from './word-flags';

/** A phrase found in a sentence; ranges are relative to the block's prose. */
export interface Phrase<K extends string> {
  readonly kind: K;
  readonly range: OffsetRange;
  /** The phrase as written, whitespace folded. */
  readonly text: string;
}

export interface ClaimCue extends Phrase<CueKind> {
  /** The claim itself: the sentence, or its trailing clause when the cue sits there ("…, which would offer…"). */
  readonly claimRange: OffsetRange;
}

export interface SentenceClaims {
  /** The sentence, relative to the block's prose. */
  readonly range: OffsetRange;
  /** Why the sentence is not a claim at all, if it is not. */
  readonly skipped?: 'question' | 'label' | 'quotation';
  /** A citation marker stands in the sentence or right after it. */
  readonly cited: boolean;
  /** How the sentence names its source, if it does. */
  readonly attribution?: Phrase<AttributionKind>;
  /** Credit to no one in particular ("experts say", "it is believed"). */
  readonly vague: readonly Phrase<'unnamed' | 'impersonal'>[];
  /** Continues a vaguely credited sentence ("Experts said… They added…"): already reported there. */
  readonly continuesVague: boolean;
  readonly statistics: readonly Phrase<StatisticKind>[];
  readonly cue?: ClaimCue;
}

export interface BlockClaims {
  readonly sentences: readonly SentenceClaims[];
  /** A "Source:" line inside the block credits all of it. */
  readonly sourceLine: boolean;
  /** The block is a "Source:" line: it credits the block before it. */
  readonly isSourceLine: boolean;
  /** The block is a "Note:" line, which may stand between a figure and its source line. */
  readonly isNoteLine: boolean;
}

const TERMINALS = new Set(['.', '!', '?', '…', ':', ';']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»', '*', '_', OBJECT_MASK]);

function isSpaceChar(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0';
}

/** The last character of `prose[start, end)` that is not a closing quote, bracket or space (read in place: no copy of each sentence). */
function finalMark(prose: string, start: number, end: number): string {
  for (let i = Math.min(end, prose.length) - 1; i >= start; i--) {
    const ch = prose[i]!;
    if (!CLOSERS.has(ch) && !isSpaceChar(ch)) return ch;
  }
  return '';
}

/** A phrase's words, single-spaced; a copy of its own, as the analysis is cached past the text the prose was cut from. */
function phraseText(prose: string, tokens: TokenList, start: number, end: number): string {
  return detached(prose.slice(tokens.start[start]!, tokens.end[end - 1]!).replace(/\s+/g, ' '));
}

function rangeOf(tokens: TokenList, start: number, end: number): OffsetRange {
  return [tokens.start[start]!, tokens.end[end - 1]!];
}

/** The empty list of every sentence without vague credit or statistics: analyses are cached, and most sentences have neither. */
const NOTHING: readonly never[] = [];

/** A sentence that is no claim; written out rather than spread from a template, which cost more than the rest of its making. */
function skippedSentence(start: number, end: number, cited: boolean, skipped: NonNullable<SentenceClaims['skipped']>): SentenceClaims {
  return { range: [start, end], cited, vague: NOTHING, continuesVague: false, statistics: NOTHING, skipped };
}

const wordFlags = new WeakMap<Lexicon, WordFlags>();

/** The token bits the scans read (see `word-flags.ts`), memoised per lexicon. */
function wordFlagsOf(lexicon: Lexicon): WordFlags {
  let flags = wordFlags.get(lexicon);
  if (!flags) {
    flags = new WordFlags([
      ...creditWordSets(lexicon),
      ...statisticWordSets(lexicon),
      [CUE_START, lexicon.cues.firstWords()],
      [VAGUE_START, lexicon.vaguePhrases.firstWords()],
      [SERIES_START, lexicon.officialSeries.firstWords()],
      [TRUSTED_START, lexicon.trusted.firstWords()],
    ]);
    wordFlags.set(lexicon, flags);
  }
  return flags;
}

/** Analyses one prose block without the cache. */
export function analyzeBlockUncached(block: ProseBlock, lexicon: Lexicon): BlockClaims {
  const prose = block.prose;
  const tokens = tokenize(prose);
  const flags = wordFlagsOf(lexicon).ofTokens(tokens);
  const markers = citationRanges(block);
  const base = block.range[0];
  const sentences: SentenceClaims[] = [];
  let previous: PreviousCredit = 'none';
  const settings = new Set<string>();
  let t = 0;
  let m = 0;
  const ranges = block.sentences;
  for (let index = 0; index < ranges.length; index++) {
    const start = ranges[index]!.start - base;
    const end = ranges[index]!.end - base;
    while (t < tokens.length && tokens.start[t]! < start) t++;
    const from = t;
    while (t < tokens.length && tokens.end[t]! <= end) t++;
    const to = t;
    let wordCount = 0;
    let quotedWords = 0;
    let capitalizedWords = 0;
    let bits = 0;
    for (let k = from; k < to; k++) {
      bits |= flags[k]!;
      if (tokens.kind[k] === PUNCT) continue;
      wordCount++;
      if (tokens.quoted[k]) quotedWords++;
      if (isCapitalized(tokens.text[k]!)) capitalizedWords++;
    }
    const nextStart = index + 1 < ranges.length ? ranges[index + 1]!.start - base : prose.length;
    // A marker in the sentence, or between it and the next one ("…end. [3] Next…"). Markers are sorted by start.
    while (m < markers.length && markers[m]!.range[1] <= start) m++;
    let cited = false;
    for (let k = m; k < markers.length && !cited; k++) {
      const { range: [s, e], trailing } = markers[k]!;
      if (s > nextStart) break;
      cited = (s < end && e > start) || (trailing && s >= end);
    }
    const mark = finalMark(prose, start, end);
    if (mark === '?') {
      sentences.push(skippedSentence(start, end, cited, 'question'));
      previous = 'none';
      continue;
    }
    if (!TERMINALS.has(mark) && (wordCount <= 6 || capitalizedWords / wordCount >= 0.7)) {
      // A line with no final punctuation that is short or title-cased is a label or heading ("Force Structure").
      sentences.push(skippedSentence(start, end, cited, 'label'));
      continue;
    }
    if (wordCount > 0 && quotedWords === wordCount) {
      // A quotation continued from an earlier sentence belongs to that sentence's speaker.
      sentences.push(skippedSentence(start, end, cited, 'quotation'));
      continue;
    }
    let firstWord = from;
    while (firstWord < to && tokens.kind[firstWord] === PUNCT) firstWord++;
    const view: SentenceTokens = { tokens, from, to, firstWord: firstWord < to ? firstWord : from, flags, bits };
    const credit = findCredit(view, lexicon, previous);
    const hits = findStatistics(view, lexicon, settings);
    // Most sentences have none: share one empty list rather than keep a new one per cached sentence.
    const statistics = hits.length === 0 ? NOTHING : hits.map((hit) => ({
      kind: hit.kind,
      range: rangeOf(tokens, hit.start, hit.end),
      text: phraseText(prose, tokens, hit.start, hit.end),
    }));
    const cueHit = findCue(view, lexicon);
    const cue: ClaimCue | undefined = cueHit && {
      kind: cueHit.kind,
      range: rangeOf(tokens, cueHit.start, cueHit.end),
      text: phraseText(prose, tokens, cueHit.start, cueHit.end),
      claimRange: cueHit.clauseStart > from ? [tokens.start[cueHit.clauseStart]!, end] : [start, end],
    };
    const vague = credit.vague.length === 0 ? NOTHING : credit.vague.map((hit) => ({
      kind: hit.kind,
      range: rangeOf(tokens, hit.start, hit.end),
      text: quotable(tokens, hit.start, phraseText(prose, tokens, hit.start, hit.end), view, lexicon),
    }));
    const attribution = credit.attribution && {
      kind: credit.attribution.kind,
      range: rangeOf(tokens, credit.attribution.start, credit.attribution.end),
      text: phraseText(prose, tokens, credit.attribution.start, credit.attribution.end),
    };
    sentences.push({
      range: [start, end],
      cited,
      ...(attribution ? { attribution } : {}),
      vague,
      continuesVague: credit.continuesVague,
      statistics,
      ...(cue ? { cue } : {}),
    });
    previous = cited || attribution ? 'named' : vague.length > 0 || credit.continuesVague ? 'vague' : credit.mentionsGroup ? 'named' : 'none';
  }
  return { sentences, sourceLine: hasSourceLine(prose), isSourceLine: isSourceLine(prose), isNoteLine: isNoteLine(prose) };
}

/** The phrase as a message quotes it: a capital that only opens the sentence is lowered ("Experts" → "experts"). */
function quotable(tokens: TokenList, start: number, text: string, view: SentenceTokens, lexicon: Lexicon): string {
  const first = tokens.text[start]!;
  if (start === view.firstWord && isCapitalized(first) && !/^[A-Z]{2}/.test(first) && lexicon.commonWords.has(tokens.lower[start]!)) {
    return text[0]!.toLowerCase() + text.slice(1);
  }
  return text;
}

/** What a block's analysis depends on besides its prose: where its citation inlines are. */
function inlineSignature(block: ProseBlock): string {
  let signature = '';
  for (const inline of block.inlines) {
    if (inline.kind === 'code' || inline.kind === 'html' || inline.kind === 'image') continue;
    const anchor = inline.kind === 'link' && (inline.url?.startsWith('#') || inline.url?.startsWith('mailto:')) ? '#' : '';
    signature += `${inline.kind[0]}${anchor}${inline.range[0] - block.range[0]},`;
  }
  return signature;
}

/** Analyses of one prose under each configuration and inline signature seen: keys and results alternating (usually one pair). */
type Variants = (string | BlockClaims)[];

/**
 * Analyses by the block's prose, then by configuration fingerprint and
 * inline signature. Keyed by the prose string itself rather than by a key
 * built around it: a built key is a second copy of every paragraph (kept
 * as long as the entry), and building and hashing it cost more than the
 * analysis saves on the few paragraphs that repeat.
 */
let cache = new BoundedCache<string, Variants>(20_000);
/**
 * The same results by block content (see `document/content.ts`): the linter
 * reuses parsed blocks while a document is unchanged and moves them after an
 * edit, so the three rules and later runs skip hashing the paragraph text.
 */
let byBlock = new WeakMap<object, { readonly fingerprint: string; readonly claims: BlockClaims }>();

/** Forgets every cached analysis, so a benchmark can time cold analysis again; results never depend on it. */
export function resetClaimAnalysisCache(): void {
  cache = new BoundedCache<string, Variants>(20_000);
  byBlock = new WeakMap();
}

/**
 * The claim analysis of `block` under `config`, cached by the block's prose,
 * its citation inlines and the configuration's fingerprint.
 */
export function analyzeBlock(block: ProseBlock, config: ClaimsConfig): BlockClaims {
  const lexicon = lexiconFor(config);
  // By content, not object: a block moved by an edit before it has the same (prose-relative) analysis.
  const token = contentToken(block);
  const known = byBlock.get(token);
  if (known && known.fingerprint === lexicon.fingerprint) return known.claims;
  const variants = cache.get(block.prose, () => []);
  const key = `${lexicon.fingerprint}\u0001${inlineSignature(block)}`;
  let claims: BlockClaims | undefined;
  for (let i = 0; i < variants.length && !claims; i += 2) if (variants[i] === key) claims = variants[i + 1] as BlockClaims;
  if (!claims) {
    claims = analyzeBlockUncached(block, lexicon);
    variants.push(key, claims);
  }
  byBlock.set(token, { fingerprint: lexicon.fingerprint, claims });
  return claims;
}
