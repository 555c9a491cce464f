/**
 * Per-paragraph claim analysis shared by the three claim rules: for each
 * sentence, whether it is a claim at all (questions, labels and quotations
 * are not), what credits it, what credits it vaguely, and which statistics
 * and claim cues it holds.
 *
 * The analysis depends only on the block's prose, its citation inlines and
 * the claims configuration, so it is cached under exactly those: an edit
 * re-analyses one paragraph, and a cached result is the one a fresh run
 * would compute. A large paragraph is cached sentence by sentence instead
 * (see `sentence-cache.ts`), so an edit re-analyses the sentence it touched.
 */
import { BoundedCache } from '../cache';
import type { ClaimsConfig } from '../config';
import { contentToken } from '../document/content';
import type { ProseBlock } from '../document/model';
import type { OffsetRange } from '../types';
import type { AttributionKind } from './attribution';
import type { CueKind } from './lexicon/cues';
import { lexiconFor, type Lexicon } from './lexicon/index';
import { CitationCursor, citationRanges, hasSourceLine, isNoteLine, isSourceLine } from './markers';
import { analyzeSentence, wordFlagsOf, type Carried } from './sentence';
import { cachedSentenceClaims, LARGE_BLOCK, resetSentenceCache } from './sentence-cache';
import type { StatisticKind } from './statistics';
import { tokenize } from './tokens';

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

/** Analyses one prose block without the cache. */
export function analyzeBlockUncached(block: ProseBlock, lexicon: Lexicon): BlockClaims {
  const prose = block.prose;
  const tokens = tokenize(prose);
  const flags = wordFlagsOf(lexicon).ofTokens(tokens);
  const citations = new CitationCursor(citationRanges(block));
  const base = block.range[0];
  const sentences: SentenceClaims[] = [];
  const carried: Carried = { previous: 'none', settings: new Set() };
  let t = 0;
  const ranges = block.sentences;
  for (let index = 0; index < ranges.length; index++) {
    const start = ranges[index]!.start - base;
    const end = ranges[index]!.end - base;
    while (t < tokens.length && tokens.start[t]! < start) t++;
    const from = t;
    while (t < tokens.length && tokens.end[t]! <= end) t++;
    const nextStart = index + 1 < ranges.length ? ranges[index + 1]!.start - base : prose.length;
    const cited = citations.cited(start, end, nextStart);
    sentences.push(analyzeSentence(prose, tokens, flags, from, t, start, end, cited, lexicon, carried));
  }
  return withBlockLines(prose, sentences);
}

/** The block's analysis from its sentences' and its "Source:" and "Note:" lines. */
function withBlockLines(prose: string, sentences: readonly SentenceClaims[]): BlockClaims {
  return { sentences, sourceLine: hasSourceLine(prose), isSourceLine: isSourceLine(prose), isNoteLine: isNoteLine(prose) };
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
  resetSentenceCache();
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
  const claims = block.prose.length >= LARGE_BLOCK ? withBlockLines(block.prose, cachedSentenceClaims(block, lexicon)) : analyzeByProse(block, lexicon);
  byBlock.set(token, { fingerprint: lexicon.fingerprint, claims });
  return claims;
}

/** The analysis of a block of ordinary size, cached by its prose, its citation inlines and the lexicon. */
function analyzeByProse(block: ProseBlock, lexicon: Lexicon): BlockClaims {
  const variants = cache.get(block.prose, () => []);
  const key = `${lexicon.fingerprint}\u0001${inlineSignature(block)}`;
  let claims: BlockClaims | undefined;
  for (let i = 0; i < variants.length && !claims; i += 2) if (variants[i] === key) claims = variants[i + 1] as BlockClaims;
  if (!claims) {
    claims = analyzeBlockUncached(block, lexicon);
    variants.push(key, claims);
  }
  return claims;
}
