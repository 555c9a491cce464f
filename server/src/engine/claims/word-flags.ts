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
import type { Token } from './tokens';

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

/**
 * The bits of every word under one lexicon. Built from the sets up front,
 * so it holds the few thousand words of the lexicon only: most words of a
 * text miss it with one lookup in a small table (a memo of every word seen
 * was a large table whose lookups cost more than the set lookups saved).
 */
export class WordFlags {
  private readonly bits = new Map<string, number>();
  private readonly always: number;

  constructor(sets: WordSets) {
    let always = 0;
    for (const [bit, words] of sets) {
      if (!words) always |= bit;
      else for (const word of words) this.bits.set(word, (this.bits.get(word) ?? 0) | bit);
    }
    this.always = always;
  }

  /** The bits of a lower-cased word. */
  of(lower: string): number {
    return (this.bits.get(lower) ?? 0) | this.always;
  }

  /** The bits of every token; punctuation gets the bits of its text (none of the sets holds a mark but "=" and "×"). */
  ofTokens(tokens: readonly Token[]): Uint16Array {
    const flags = new Uint16Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) flags[i] = this.of(tokens[i]!.lower);
    return flags;
  }
}
