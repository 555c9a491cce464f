/**
 * Claim cues in a sentence: the phrase that makes it a cause, consensus,
 * prediction, verdict or motive, unless a hedge in the same clause keeps it
 * from being stated as fact.
 */
import type { CueKind } from './lexicon/cues';
import type { Lexicon } from './lexicon/index';
import { phrasesIn, type SentenceTokens } from './subject';
import { PUNCT, WORD } from './tokens';
import { CUE_START } from './word-flags';

export interface CueHit {
  readonly kind: CueKind;
  /** Token range of the cue phrase. */
  readonly start: number;
  readonly end: number;
  /** First token of the clause that makes the claim (the whole sentence unless the cue sits in a trailing clause). */
  readonly clauseStart: number;
}

/** Words that open a trailing clause after a comma: the claim is that clause, not the whole sentence. */
const CLAUSE_OPENERS = new Set(['which', 'and', 'but', 'while', 'whereas', 'although', 'though', 'so', 'thus', 'yet']);

/** Where the clause holding token `at` begins. */
function clauseStartOf(sentence: SentenceTokens, at: number): number {
  const { tokens, from } = sentence;
  for (let k = at - 1; k > from; k--) {
    if (tokens.kind[k] !== PUNCT) continue;
    const text = tokens.text[k]!;
    if (text === ';' || text === '—' || text === ':') return k + 1;
    if (text === ',' && CLAUSE_OPENERS.has(tokens.lower[k + 1] ?? '')) return k + 1;
  }
  return from;
}

const LEAD_DETERMINERS = new Set(['the', 'a', 'an']);
const LEAD_VERBS = new Set(['is', 'are', 'was', 'were', 'remains', 'remain', 'remained']);

/** Starts a cue at its verb when one leads into it, so the message quotes "are the main reasons for", not "main reasons for". */
function quotedStart(sentence: SentenceTokens, start: number, clauseStart: number): number {
  let s = start;
  if (s - 1 >= clauseStart && LEAD_DETERMINERS.has(sentence.tokens.lower[s - 1]!)) s--;
  if (s < start && s - 1 >= clauseStart && LEAD_VERBS.has(sentence.tokens.lower[s - 1]!)) s--;
  return s;
}

/** The first unhedged claim cue of the sentence, outside quotations. */
export function findCue(sentence: SentenceTokens, lexicon: Lexicon): CueHit | undefined {
  const { tokens, from, to } = sentence;
  for (const match of phrasesIn(sentence, lexicon.cues, CUE_START)) {
    const cue = match.value;
    const next = match.end < to ? match.end : -1;
    if (cue.notBefore && next >= 0 && tokens.kind[next] !== PUNCT && cue.notBefore.includes(tokens.lower[next]!)) continue;
    if (cue.after) {
      let found = false;
      for (let k = match.start - 1; k >= Math.max(from, match.start - 4) && !found; k--) found = cue.after.includes(tokens.lower[k]!);
      if (!found) continue;
    }
    const clauseStart = clauseStartOf(sentence, match.start);
    let hedged = false;
    for (let k = clauseStart; k < match.end && !hedged; k++) {
      if (tokens.kind[k] === WORD && !tokens.quoted[k] && lexicon.hedges.has(tokens.lower[k]!)) hedged = true;
    }
    // "the assumption that the new roads would lead to…": the claim is held, not made.
    for (let k = from; k + 1 < match.start && !hedged; k++) {
      if (lexicon.embeddingNouns.has(tokens.lower[k]!) && tokens.lower[k + 1] === 'that') hedged = true;
    }
    // A conditional anywhere before the cue ("If X, this would lead to…") is a hedge too.
    for (let k = from; k < clauseStart && !hedged; k++) {
      const lower = tokens.lower[k]!;
      if (lower === 'if' || lower === 'unless') hedged = true;
    }
    // "is considered a small business if…" defines; it does not claim a consensus.
    if (cue.kind === 'consensus') {
      for (let k = match.end; k < to && !hedged; k++) {
        const lower = tokens.lower[k]!;
        if (lower === 'if' || lower === 'unless' || lower === 'when' || lower === 'provided') hedged = true;
      }
    }
    if (hedged) continue;
    return { kind: cue.kind, start: quotedStart(sentence, match.start, clauseStart), end: match.end, clauseStart };
  }
  return undefined;
}
