/**
 * Who a noun phrase is, as a source: a name, a group the document's context
 * names, something a pronoun or "the report" points back to, the writer, an
 * unnamed crowd ("experts", "some", "studies"), or nothing that speaks at all.
 *
 * There is no parser here: noun phrases are found by walking from a verb to
 * the nearest clause boundary, and classified by their head word (the last
 * word before any prepositional phrase) plus any name in them. Good enough
 * for the subject of a reporting verb, which is short in policy prose.
 */
import type { Lexicon } from './lexicon/index';
import type { PhraseMatch, PhraseSet } from './phrases';
import { isAcronym, isCapitalized, PUNCT, stripPossessive, WORD, type TokenList } from './tokens';
import { TRUSTED_START, VAGUE_START } from './word-flags';

export type SourceKind = 'named' | 'group' | 'anaphor' | 'author' | 'vague' | 'none';

export interface SourceClass {
  readonly kind: SourceKind;
  /** Token range of the phrase that decided the class (for vague ones, what the message quotes). */
  readonly start: number;
  readonly end: number;
  /** Token index of the head word, the last word before any modifier ("officials" in "officials at the Treasury"). */
  readonly head?: number;
  /**
   * For anaphors and bare quantifiers: the attribution depends on the
   * sentence before ("They added…" after "Experts said…" stays unnamed).
   */
  readonly continues?: 'pronoun' | 'quantifier';
}

/** Words that end a subject when walking back from its verb. */
const BOUNDARY_WORDS: ReadonlySet<string> = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'while', 'whereas', 'because', 'since', 'although', 'though', 'if',
  'when', 'whenever', 'after', 'before', 'until', 'unless', 'as', 'but', 'and', 'or', 'nor', 'yet', 'so',
  'despite', 'amid', 'following', 'where', 'once', 'than', 'whether', 'however', 'meanwhile', 'moreover',
  'furthermore', 'thus', 'therefore', 'hence', 'instead', 'according', 'then', 'what', 'how', 'why',
]);

/** Prepositions that start a modifier after a head noun ("officials at the Treasury"). */
export const PREPOSITIONS: ReadonlySet<string> = new Set([
  'of', 'at', 'from', 'with', 'in', 'for', 'on', 'within', 'inside', 'across', 'among', 'to', 'by', 'about',
  'over', 'under', 'into', 'near', 'behind', 'beyond', 'via', 'per', 'around', 'throughout', 'between', 'against',
  'toward', 'towards', 'during', 'without', 'familiar', 'close', 'briefed', 'outside',
]);

/** Words after a head noun that introduce named members ("critics, including Senator X"). */
const APPOSITIVE_MARKERS: ReadonlySet<string> = new Set(['including', 'such', 'like', 'notably', 'led', 'especially', 'particularly', 'namely']);

/** Heads that only measure the phrase after "of" ("a number of participants"). */
const QUANTITY_HEADS: ReadonlySet<string> = new Set([
  'number', 'majority', 'minority', 'handful', 'couple', 'group', 'few', 'all', 'none', 'one', 'two', 'three',
  'each', 'any', 'half', 'both', 'most', 'some', 'many', 'several', 'portion', 'share', 'range', 'variety',
]);

/** Auxiliaries and adverbs that may stand between a subject and its verb. */
export const BETWEEN_SUBJECT_AND_VERB: ReadonlySet<string> = new Set([
  'has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'will', 'would', 'shall', 'should',
  'can', 'could', 'may', 'might', 'must', 'do', 'does', 'did', 'also', 'further', 'previously', 'repeatedly',
  'recently', 'publicly', 'privately', 'often', 'long', 'already', 'still', 'again', 'later', 'earlier', 'even',
  'now', 'generally', 'widely', 'consistently', 'explicitly', 'frequently', 'similarly', 'likewise',
  'separately', 'correctly', 'rightly', 'not', 'never', 'always', 'once', 'first', 'just', 'too', 'initially',
  'subsequently', 'ultimately', 'openly', 'strongly', 'firmly', 'clearly', 'specifically', 'formally',
  'officially', 'reportedly', 'increasingly', 'commonly', 'broadly', 'largely', 'mostly', 'broadly', 'typically',
  'usually', 'sometimes', 'then', "didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't", "wasn't",
  "weren't", "isn't", "aren't", "won't", "wouldn't", 'unanimously', 'jointly', 'collectively', 'independently',
  'emphatically', 'flatly', 'vehemently', 'categorically', 'privately', 'tentatively', 'cautiously',
]);

const CLAUSE_PUNCT = new Set([',', ';', ':', '(', ')', '[', ']', '"', '“', '”', '«', '»', '—', '–', '.', '!', '?', '\uFFFC', '…']);

/** Whether token `i` ends a noun phrase walk. */
export function isBoundary(tokens: TokenList, i: number): boolean {
  if (tokens.kind[i] === PUNCT) {
    const text = tokens.text[i]!;
    return CLAUSE_PUNCT.has(text) || text === '\u2018' || text === '\u2019';
  }
  return BOUNDARY_WORDS.has(tokens.lower[i]!);
}

/**
 * Reads tokens for a sentence: where it starts, so a capital at its start
 * is not mistaken for a name.
 */
export interface SentenceTokens {
  readonly tokens: TokenList;
  /** First token of the sentence. */
  readonly from: number;
  /** One past the last token of the sentence. */
  readonly to: number;
  /** Index of the sentence's first word token (capitalised by position, not by name). */
  readonly firstWord: number;
  /** The lexicon bits of each token of `tokens` (see `word-flags.ts`). */
  readonly flags: Uint16Array;
  /** The union of `flags` over the sentence: a bit missing here is missing from every token of it. */
  readonly bits: number;
}

const NO_MATCHES: readonly never[] = [];

/**
 * The phrases of `set` in the sentence's tokens `[from, to)`, trying only
 * tokens with `bit` (the set's start bit), and none at all when no token of
 * the sentence has it, which is most sentences for most sets.
 */
export function phrasesIn<T>(sentence: SentenceTokens, set: PhraseSet<T>, bit: number, from = sentence.from, to = sentence.to): readonly PhraseMatch<T>[] {
  if ((sentence.bits & bit) === 0) return NO_MATCHES;
  return set.findAll(sentence.tokens, from, to, sentence.flags, bit);
}

/** Whether the token at `i` is a name (a proper noun or acronym) rather than a capitalised common word. */
export function isName(sentence: SentenceTokens, i: number, lexicon: Lexicon): boolean {
  const tokens = sentence.tokens;
  if (tokens.kind[i] !== WORD) return false;
  const text = tokens.text[i]!;
  if (isAcronym(text)) return !lexicon.nonNamingCapitals.has(stripPossessive(tokens.lower[i]!));
  if (!isCapitalized(text)) return false;
  const bare = stripPossessive(tokens.lower[i]!);
  if (lexicon.nonNamingCapitals.has(bare)) return false;
  // A capital at the start of a sentence, or after an opening quotation or colon, is positional.
  const prev = tokens.text[i - 1];
  const positional = i === sentence.firstWord || (prev !== undefined && i > sentence.from && tokens.kind[i - 1] === PUNCT && (prev === ':' || prev === '“' || prev === '"'));
  if (!positional) return true;
  // "Well-placed figures…": a compound with a lower-case tail is a capitalised common word.
  const hyphen = text.indexOf('-');
  if (hyphen > 0 && hyphen + 1 < text.length && !isCapitalized(text.slice(hyphen + 1))) return false;
  return !lexicon.commonWords.has(bare);
}

function hasName(sentence: SentenceTokens, from: number, to: number, lexicon: Lexicon): boolean {
  for (let i = from; i < to; i++) if (isName(sentence, i, lexicon)) return true;
  return false;
}

function hasTrusted(sentence: SentenceTokens, from: number, to: number, lexicon: Lexicon): boolean {
  return phrasesIn(sentence, lexicon.trusted, TRUSTED_START, from, to).length > 0;
}

function wordAt(sentence: SentenceTokens, i: number): string | undefined {
  const tokens = sentence.tokens;
  return tokens.kind[i] !== undefined && tokens.kind[i] !== PUNCT ? tokens.lower[i] : undefined;
}

/** A phrase that is no source. Built where returned rather than spread from a template: a spread copy was a fifth of `classifyPhrase`. */
function noSource(start: number, end: number, head?: number): SourceClass {
  return head === undefined ? { kind: 'none', start, end } : { kind: 'none', start, end, head };
}

/**
 * Classifies the noun phrase `tokens[from, to)` as a source. `to` is
 * exclusive; the phrase holds no clause boundary.
 */
export function classifyPhrase(sentence: SentenceTokens, from: number, to: number, lexicon: Lexicon): SourceClass {
  // Skip leading punctuation-free junk such as a stray opening preposition ("During the meeting participants…").
  let a = from;
  while (a < to && sentence.tokens.kind[a] === PUNCT) a++;
  let b = to;
  while (b > a && sentence.tokens.kind[b - 1] === PUNCT) b--;
  if (a >= b) return noSource(from, to);
  // A configured vague phrase ("well-placed figures") outranks any capital in it.
  const configured = phrasesIn(sentence, lexicon.vaguePhrases, VAGUE_START, a, b).find((hit) => hit.value.kind === 'unnamed');
  if (configured) return { kind: 'vague', start: configured.start, end: configured.end };
  if (hasTrusted(sentence, a, b, lexicon)) return { kind: 'named', start: a, end: b };

  let headEnd = b;
  let tailStart = b;
  if (PREPOSITIONS.has(sentence.tokens.lower[a]!)) {
    a++;
  } else {
    for (let i = a + 1; i < b; i++) {
      const lower = sentence.tokens.lower[i]!;
      if (PREPOSITIONS.has(lower) || APPOSITIVE_MARKERS.has(lower)) {
        headEnd = i;
        tailStart = i;
        break;
      }
    }
  }
  if (a >= headEnd) return noSource(from, to);
  let head = headEnd - 1;
  while (head > a && sentence.tokens.kind[head] !== WORD) head--;
  if (sentence.tokens.kind[head] !== WORD) return noSource(from, to);
  const headWord = stripPossessive(sentence.tokens.lower[head]!);
  const single = head === a;

  if (single && lexicon.continuingPronouns.has(headWord)) {
    return { head, kind: 'anaphor', start: a, end: headEnd, continues: headWord === 'he' || headWord === 'she' ? undefined : 'pronoun' };
  }
  if (single && lexicon.authorPronouns.has(headWord)) return { head, kind: 'author', start: a, end: headEnd };

  let definite = false;
  let indefinite = false;
  for (let i = a; i < head; i++) {
    const lower = sentence.tokens.lower[i]!;
    if (lexicon.definiteDeterminers.has(lower) || lower.endsWith("'s") || lower.endsWith("'")) definite = true;
    if (lexicon.indefiniteDeterminers.has(lower)) indefinite = true;
  }
  const tailNamed = tailStart < b && (hasName(sentence, tailStart, b, lexicon) || hasTrusted(sentence, tailStart, b, lexicon));
  const tailFirst = wordAt(sentence, tailStart);
  const appositiveNamed = tailFirst !== undefined && APPOSITIVE_MARKERS.has(tailFirst) && tailNamed;

  const nameable = lexicon.vaguePeople.get(headWord);
  if (nameable !== undefined && !isName(sentence, head, lexicon)) {
    if (hasName(sentence, a, head, lexicon) || appositiveNamed) return { head, kind: 'named', start: a, end: b };
    if (nameable && tailNamed) return { head, kind: 'named', start: a, end: b };
    if (nameable && tailStart < b && tailDefiniteInstitution(sentence, tailStart, b, lexicon)) return { head, kind: 'named', start: a, end: b };
    if (definite && !indefinite) return { head, kind: 'anaphor', start: a, end: headEnd, continues: 'pronoun' };
    return { head, kind: 'vague', start: a, end: headEnd };
  }

  if (hasName(sentence, a, headEnd, lexicon)) return { head, kind: 'named', start: a, end: b };

  // "some of the participants", "a number of experts": the quantity is whoever follows "of".
  if (tailFirst === 'of' && (QUANTITY_HEADS.has(headWord) || lexicon.vaguePronouns.has(headWord))) {
    const inner = classifyPhrase(sentence, tailStart + 1, b, lexicon);
    if (inner.kind !== 'none') return inner.kind === 'vague' ? { ...inner, start: a } : inner;
  }
  if (lexicon.vaguePronouns.has(headWord) && !definite) {
    if (single || sentence.tokens.lower.slice(a, head).every((lower) => lexicon.indefiniteDeterminers.has(lower))) {
      return { head, kind: 'vague', start: a, end: headEnd, continues: 'quantifier' };
    }
  }

  if (lexicon.vagueDocuments.has(headWord) || lexicon.vagueDocumentSingulars.has(headWord)) {
    if (tailFirst === 'by' || tailFirst === 'from' || tailFirst === 'of' || tailFirst === 'at') {
      // "reports from business contacts", "research by the Fed".
      if (tailNamed) return { head, kind: 'named', start: a, end: b };
      const inner = classifyPhrase(sentence, tailStart + 1, b, lexicon);
      if (inner.kind === 'group' || inner.kind === 'named') return { head, kind: 'named', start: a, end: b };
    }
    if (definite) return { head, kind: 'anaphor', start: a, end: headEnd };
    const plural = lexicon.vagueDocuments.has(headWord);
    if (plural || indefinite) return { head, kind: 'vague', start: a, end: headEnd };
    return noSource(from, to, head);
  }

  if (lexicon.groupNouns.has(headWord)) return { head, kind: 'group', start: a, end: b };
  // "Statute states that…", "Law requires…": a legal text needs no article to be one.
  if (lexicon.legalDocuments.has(headWord) && !indefinite && single) return { head, kind: 'anaphor', start: a, end: b };
  if (lexicon.definiteSources.has(headWord) && definite) return { head, kind: 'anaphor', start: a, end: b };
  return noSource(from, to, head);
}

/** Whether a modifier names an institution by pointing back to it ("a spokesperson for the ministry"). */
function tailDefiniteInstitution(sentence: SentenceTokens, from: number, to: number, lexicon: Lexicon): boolean {
  let definite = false;
  for (let i = from; i < to; i++) {
    const lower = sentence.tokens.lower[i]!;
    if (lexicon.definiteDeterminers.has(lower)) definite = true;
    else if (definite && lexicon.definiteSources.has(stripPossessive(lower)) && !lexicon.vaguePeople.has(stripPossessive(lower))) return true;
  }
  return false;
}

/** Walks back from just before `end` to the nearest boundary, at most `limit` tokens; returns the start. */
export function phraseStartBefore(sentence: SentenceTokens, end: number, limit = 10): number {
  let start = end;
  const { tokens, from } = sentence;
  while (start > from && end - start < limit) {
    // "Congressional Budget Office (CBO) projections": an acronym in parentheses is part of the name.
    if (tokens.text[start - 1] === ')' && start - 3 >= from && tokens.text[start - 3] === '(' && isAcronym(tokens.text[start - 2]!)) {
      start -= 3;
      continue;
    }
    if (isBoundary(tokens, start - 1)) break;
    start--;
  }
  return start;
}

/** Walks forward from `start` to the nearest boundary or preposition that ends a name; returns the end. */
export function phraseEndAfter(sentence: SentenceTokens, start: number, limit = 14, stopAtPrepositions = false): number {
  let end = start;
  while (end < sentence.to && end - start < limit) {
    if (isBoundary(sentence.tokens, end)) break;
    const lower = sentence.tokens.lower[end]!;
    if (stopAtPrepositions && end > start && PREPOSITIONS.has(lower) && lower !== 'of') break;
    end++;
  }
  return end;
}
