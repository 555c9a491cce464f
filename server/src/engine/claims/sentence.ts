/**
 * The claim analysis of one sentence, given its block's tokens around it and
 * what the sentences before it in the block carry (how the last one was
 * credited, which figures the block uses as settings). The block analysis
 * runs it over every sentence; the sentence cache runs it over the changed
 * ones of a large block.
 */
import { detached } from '../document/flatten';
import { OBJECT_MASK } from '../document/model';
import type { OffsetRange } from '../types';
import type { ClaimCue, SentenceClaims } from './analysis';
import { creditWordSets, findCredit, type PreviousCredit } from './attribution';
import { findCue } from './cues';
import type { Lexicon } from './lexicon/index';
import { findStatistics, statisticWordSets } from './statistics';
import type { SentenceTokens } from './subject';
import { isCapitalized, PUNCT, type TokenList } from './tokens';
import { CUE_START, SERIES_START, TRUSTED_START, VAGUE_START, WordFlags } from './word-flags';

/** What the analysis of a block's sentences carries from one sentence to the next. */
export interface Carried {
  /** How the sentence before was credited; continuations inherit it. */
  previous: PreviousCredit;
  /** Figures the block has used as settings (see `findStatistics`); updated in place. */
  readonly settings: Set<string>;
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
export const NOTHING: readonly never[] = [];

/** A sentence that is no claim; written out rather than spread from a template, which cost more than the rest of its making. */
function skippedSentence(start: number, end: number, cited: boolean, skipped: NonNullable<SentenceClaims['skipped']>): SentenceClaims {
  return { range: [start, end], cited, vague: NOTHING, continuesVague: false, statistics: NOTHING, skipped };
}

const wordFlags = new WeakMap<Lexicon, WordFlags>();

/** The token bits the scans read (see `word-flags.ts`), memoised per lexicon. */
export function wordFlagsOf(lexicon: Lexicon): WordFlags {
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

/**
 * Analyses the sentence `prose[start, end)`, whose tokens are
 * `tokens[from, to)` with `flags`; `cited` says whether a citation marker
 * stands in it or right after it. Ranges are in `prose`, as the tokens'
 * offsets are. The analysis reads the tokens of the sentence and the one on
 * each side of it, and updates `carried` for the next sentence.
 */
export function analyzeSentence(
  prose: string,
  tokens: TokenList,
  flags: Uint16Array,
  from: number,
  to: number,
  start: number,
  end: number,
  cited: boolean,
  lexicon: Lexicon,
  carried: Carried,
): SentenceClaims {
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
  const mark = finalMark(prose, start, end);
  if (mark === '?') {
    carried.previous = 'none';
    return skippedSentence(start, end, cited, 'question');
  }
  if (!TERMINALS.has(mark) && (wordCount <= 6 || capitalizedWords / wordCount >= 0.7)) {
    // A line with no final punctuation that is short or title-cased is a label or heading ("Force Structure").
    return skippedSentence(start, end, cited, 'label');
  }
  if (wordCount > 0 && quotedWords === wordCount) {
    // A quotation continued from an earlier sentence belongs to that sentence's speaker.
    return skippedSentence(start, end, cited, 'quotation');
  }
  let firstWord = from;
  while (firstWord < to && tokens.kind[firstWord] === PUNCT) firstWord++;
  const view: SentenceTokens = { tokens, from, to, firstWord: firstWord < to ? firstWord : from, flags, bits };
  const credit = findCredit(view, lexicon, carried.previous);
  const hits = findStatistics(view, lexicon, carried.settings);
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
  carried.previous = cited || attribution ? 'named' : vague.length > 0 || credit.continuesVague ? 'vague' : credit.mentionsGroup ? 'named' : 'none';
  return {
    range: [start, end],
    cited,
    ...(attribution ? { attribution } : {}),
    vague,
    continuesVague: credit.continuesVague,
    statistics,
    ...(cue ? { cue } : {}),
  };
}

/** The phrase as a message quotes it: a capital that only opens the sentence is lowered ("Experts" → "experts"). */
function quotable(tokens: TokenList, start: number, text: string, view: SentenceTokens, lexicon: Lexicon): string {
  const first = tokens.text[start]!;
  if (start === view.firstWord && isCapitalized(first) && !/^[A-Z]{2}/.test(first) && lexicon.commonWords.has(tokens.lower[start]!)) {
    return text[0]!.toLowerCase() + text.slice(1);
  }
  return text;
}
