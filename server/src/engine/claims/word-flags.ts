/**
 * Lexicon bits per token: which of the word sets the claim scans test first
 * a token belongs to, found with one lookup per token instead of a
 * Set lookup per list in each scan (the credit scan, the statistic scan and
 * four phrase sets each tested every word of every sentence, and the credit
 * scan tested common words such as "in" and "for" against half a dozen lists).
 *
 * A bit only says whether a scan should look closer; the scans still make
 * every decision from the word itself. Each bit is exactly membership in
 * its set (or always set, for a phrase set any word may start).
 */
import type { TokenList } from './tokens';

/** The word is one the credit scan reacts to (attribution.ts). */
export const CREDIT_TRIGGER = 1;
/** The word is a group noun ("participants"). */
export const GROUP_NOUN = 2;
/** The word is one the statistic scan reacts to besides numbers (statistics.ts). */
export const STATISTIC_TRIGGER = 4;
/** The word states a rule or works an example ("must", "="): the sentence holds no statistic. */
export const RULE_WORD = 8;
/** The word may start a claim cue. */
export const CUE_START = 16;
/** The word may start a vague phrase. */
export const VAGUE_START = 32;
/** The word may start an official series ("consumer price index"). */
export const SERIES_START = 64;
/** The word may start a trusted source's name. */
export const TRUSTED_START = 128;
/** The word is a hearsay adverb ("reportedly"). */
export const HEARSAY_ADVERB = 256;
/** The word is a noun for what a source said or measured ("remarks", "data"). */
export const NOMINAL_SOURCE = 512;
/** The word points to a table or figure ("table", "figure"). */
export const POINTER_NOUN = 1024;
/** The word is a verb by which a document states its terms, or a legal act ("provides", "authorized"). */
export const DOCUMENT_VERB = 2048;
/** The word is a reporting verb form ("said", "argues"). */
export const REPORTING_VERB = 4096;

/** The sets behind each bit; `undefined` for a phrase set any word may start. */
export type WordSets = readonly (readonly [bit: number, words: ReadonlySet<string> | undefined])[];

/** Size of the {@link WordFlags} filter: a power of two, a few times the lexicon's word count. */
const FILTER_SIZE = 4096;

/** Where a word falls in the filter: its first and last characters and its length, which no lookup of the whole word needs. */
function filterSlot(word: string): number {
  return (word.charCodeAt(0) * 961 + word.charCodeAt(word.length - 1) * 31 + word.length) & (FILTER_SIZE - 1);
}

/**
 * The bits of every word under one lexicon. Built from the sets up front,
 * so it holds the few thousand words of the lexicon only: most words of a
 * text miss it with one lookup in a small table (a memo of every word seen
 * was a large table whose lookups cost more than the set lookups saved).
 * A filter by first and last character and length answers most misses
 * before that lookup hashes the word (seven tokens in ten of the CRS
 * reports: punctuation, numbers and most words).
 */
export class WordFlags {
  private readonly bits = new Map<string, number>();
  private readonly filter = new Uint8Array(FILTER_SIZE);
  private readonly always: number;

  constructor(sets: WordSets) {
    let always = 0;
    for (const [bit, words] of sets) {
      if (!words) always |= bit;
      else {
        for (const word of words) {
          this.bits.set(word, (this.bits.get(word) ?? 0) | bit);
          this.filter[filterSlot(word)] = 1;
        }
      }
    }
    this.always = always;
  }

  /** The bits of a lower-cased word. */
  of(lower: string): number {
    if (this.filter[filterSlot(lower)] === 0) return this.always;
    return (this.bits.get(lower) ?? 0) | this.always;
  }

  /** The bits of every token; punctuation gets the bits of its text (none of the sets holds a mark but "=" and "×"). */
  ofTokens(tokens: TokenList): Uint16Array {
    const flags = new Uint16Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) flags[i] = this.of(tokens.lower[i]!);
    return flags;
  }
}
