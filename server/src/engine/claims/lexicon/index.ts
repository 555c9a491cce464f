/**
 * The compiled lexicon: the built-in word lists as sets and phrase tries,
 * extended by the `claims` section of the configuration. Compiled once per
 * distinct configuration; its fingerprint keys the per-paragraph cache, so a
 * change to the lists can never serve stale analysis.
 */
import type { ClaimsConfig } from '../../config';
import { PhraseSet } from '../phrases';
import { PUNCT, tokenize } from '../tokens';
import { CLAIM_CUES, EMBEDDING_NOUNS, HEDGES, VAGUE_PHRASES, type CuePattern } from './cues';
import {
  COGNITION_VERBS,
  DECISION_VERBS,
  DOCUMENT_MODALS,
  DOCUMENT_VERBS,
  AGENT_PARTICIPLES,
  LEGAL_ACT_BASES,
  LEGAL_ACTS,
  OPINION_PARTICIPLES,
  WEASEL_VERBS,
  EVIDENCE_VERBS,
  HEARSAY_ADVERBS,
  HEARSAY_BEFORE_TO,
  IMPERSONAL_PARTICIPLES,
  SPEECH_VERBS,
  STRICT_FORMS,
  STRICT_OBJECTS,
  type VerbKind,
} from './reporting-verbs';
import {
  AUTHOR_PRONOUNS,
  CONTINUING_PRONOUNS,
  DEFINITE_DETERMINERS,
  DEFINITE_SOURCES,
  GROUP_NOUNS,
  INDEFINITE_DETERMINERS,
  LEGAL_DOCUMENTS,
  NON_NAMING_CAPITALS,
  VAGUE_DOCUMENT_SINGULARS,
  VAGUE_DOCUMENTS,
  VAGUE_PEOPLE,
  VAGUE_PRONOUNS,
} from './sources';
import {
  CHANGE_FOLLOWERS,
  CHANGE_WORDS,
  COUNT_NOUNS,
  CURRENCY_CODES,
  CURRENCY_WORDS,
  IDENTIFIER_WORDS,
  MAGNITUDES,
  ORDINALS,
  PARAMETER_HEADS,
  PARAMETER_NOUNS,
  PERCENT_WORDS,
  RECORD_MARKERS,
  REQUIREMENT_WORDS,
  OFFICIAL_SERIES,
  COMMITMENT_VERBS,
  INCOME_WORDS,
  SETTING_RATE_MODIFIERS,
  SUPERLATIVES,
} from './statistics';

export interface VerbInfo {
  readonly kind: VerbKind;
  /** Needs "that", a colon, a comma, a quotation or the end after it to count as reporting. */
  readonly strict: boolean;
}

/** A vague phrase: `impersonal` ones ("it is believed") have no subject at all. */
export interface VaguePhrase {
  readonly kind: 'unnamed' | 'impersonal';
}

export interface Lexicon {
  /** Identifies the configuration the lexicon was built from. */
  readonly fingerprint: string;
  readonly verbs: ReadonlyMap<string, VerbInfo>;
  readonly strictObjects: ReadonlySet<string>;
  readonly impersonalParticiples: ReadonlySet<string>;
  readonly hearsayBeforeTo: ReadonlySet<string>;
  readonly hearsayAdverbs: ReadonlySet<string>;
  readonly documentVerbs: ReadonlySet<string>;
  readonly documentModals: ReadonlySet<string>;
  readonly legalActs: ReadonlySet<string>;
  readonly legalActBases: ReadonlySet<string>;
  readonly legalDocuments: ReadonlySet<string>;
  readonly weaselVerbs: ReadonlySet<string>;
  readonly opinionParticiples: ReadonlySet<string>;
  readonly agentParticiples: ReadonlySet<string>;
  /** Unnamed people, with whether naming their body ("officials at the Treasury") attributes them. */
  readonly vaguePeople: ReadonlyMap<string, boolean>;
  readonly vaguePronouns: ReadonlySet<string>;
  readonly vagueDocuments: ReadonlySet<string>;
  readonly vagueDocumentSingulars: ReadonlySet<string>;
  readonly groupNouns: ReadonlySet<string>;
  readonly definiteSources: ReadonlySet<string>;
  readonly definiteDeterminers: ReadonlySet<string>;
  readonly indefiniteDeterminers: ReadonlySet<string>;
  readonly nonNamingCapitals: ReadonlySet<string>;
  readonly continuingPronouns: ReadonlySet<string>;
  readonly authorPronouns: ReadonlySet<string>;
  /** Words that, capitalised at the start of a sentence, are still not names. */
  readonly commonWords: ReadonlySet<string>;
  readonly trusted: PhraseSet<true>;
  readonly vaguePhrases: PhraseSet<VaguePhrase>;
  readonly cues: PhraseSet<CuePattern>;
  readonly hedges: ReadonlySet<string>;
  readonly embeddingNouns: ReadonlySet<string>;
  readonly percentWords: PhraseSet<true>;
  readonly magnitudes: ReadonlySet<string>;
  readonly currencyWords: ReadonlySet<string>;
  readonly currencyCodes: ReadonlySet<string>;
  readonly identifierWords: ReadonlySet<string>;
  readonly countNouns: PhraseSet<true>;
  readonly parameterNouns: ReadonlySet<string>;
  readonly parameterHeads: ReadonlySet<string>;
  readonly settingRateModifiers: ReadonlySet<string>;
  readonly requirementWords: ReadonlySet<string>;
  readonly officialSeries: PhraseSet<true>;
  readonly commitmentVerbs: ReadonlySet<string>;
  readonly incomeWords: ReadonlySet<string>;
  readonly superlatives: ReadonlySet<string>;
  readonly ordinals: ReadonlySet<string>;
  readonly changeWords: ReadonlySet<string>;
  readonly changeFollowers: ReadonlySet<string>;
  readonly recordMarkers: ReadonlySet<string>;
}

function words(lines: readonly string[]): string[] {
  return lines.flatMap((line) => line.split(/\s+/).filter(Boolean));
}

/** Function words: capitalised only because they open a sentence. */
const FUNCTION_WORDS = [
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'it', 'its', 'in', 'on', 'at', 'by', 'for', 'from', 'of',
  'to', 'with', 'without', 'but', 'and', 'or', 'so', 'yet', 'however', 'moreover', 'meanwhile', 'still', 'also',
  'then', 'thus', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'there', 'here', 'as',
  'if', 'when', 'while', 'after', 'before', 'since', 'although', 'though', 'because', 'all', 'one', 'each',
  'both', 'such', 'no', 'not', 'what', 'why', 'how', 'who', 'which', 'where', 'despite', 'according', 'under',
  'other', 'further', 'furthermore', 'instead', 'today', 'yesterday', 'recently', 'previously', 'earlier',
  'later', 'now', 'indeed', 'overall', 'similarly', 'likewise', 'nonetheless', 'nevertheless', 'notably',
  'finally', 'first', 'second', 'third', 'last', 'next', 'few', 'more', 'less', 'only', 'even', 'during',
  'among', 'between', 'within', 'into', 'over', 'about', 'against', 'through', 'toward', 'towards', 'upon',
  'amid', 'following', 'once', 'until', 'unless', 'whether', 'either', 'neither', 'any', 'every', 'another',
  'much', 'my', 'your', 'public', 'private', 'senior', 'top', 'local', 'federal', 'national', 'state',
  'foreign', 'independent', 'outside', 'new', 'recent', 'former', 'current', 'leading', 'prominent',
  'anonymous', 'unnamed', 'government', 'administration', 'industry', 'military', 'health', 'security', 'defense',
  'intelligence', 'policy', 'trade', 'market', 'financial', 'economic', 'legal', 'political', 'academic',
  'independent', 'western', 'eastern', 'many', 'most', 'some', 'several', 'certain', 'various', 'numerous',
];

/** Institutions whose name is a common word capitalised: "Congress decided…" names its source even first in a sentence. */
const PROPER_INSTITUTIONS = new Set(['congress', 'senate', 'kremlin', 'pentagon', 'treasury', 'white', 'parliament']);

/** A word form for each inflection a user-supplied verb may take ("opined" → opine, opines, opined, opining). */
export function inflect(verb: string): string[] {
  const w = verb.toLowerCase().trim();
  const bases = new Set<string>([w]);
  if (w.endsWith('ied')) bases.add(`${w.slice(0, -3)}y`);
  else if (w.endsWith('ed')) {
    bases.add(w.slice(0, -2));
    bases.add(w.slice(0, -1));
  }
  if (w.endsWith('ies')) bases.add(`${w.slice(0, -3)}y`);
  else if (w.endsWith('es')) {
    bases.add(w.slice(0, -2));
    bases.add(w.slice(0, -1));
  } else if (w.endsWith('s')) bases.add(w.slice(0, -1));
  if (w.endsWith('ing')) {
    bases.add(w.slice(0, -3));
    bases.add(`${w.slice(0, -3)}e`);
  }
  const forms = new Set<string>([w]);
  for (const base of bases) {
    if (base.length < 2) continue;
    forms.add(base);
    if (base.endsWith('y') && !/[aeiou]y$/.test(base)) {
      forms.add(`${base.slice(0, -1)}ies`);
      forms.add(`${base.slice(0, -1)}ied`);
    } else {
      forms.add(base.endsWith('s') || base.endsWith('sh') || base.endsWith('ch') ? `${base}es` : `${base}s`);
      forms.add(base.endsWith('e') ? `${base}d` : `${base}ed`);
    }
  }
  return [...forms];
}

/**
 * The lower-cased words of a user phrase, as the tokenizer would split them.
 * Punctuation is dropped, so braces, bars and stars in user input can never
 * be read as pattern syntax.
 */
function phraseWords(phrase: string): string[] {
  const tokens = tokenize(phrase);
  return tokens.lower.filter((_, i) => tokens.kind[i] !== PUNCT);
}

function build(config: ClaimsConfig, fingerprint: string): Lexicon {
  const verbs = new Map<string, VerbInfo>();
  const strict = new Set(STRICT_FORMS);
  const addVerbs = (lines: readonly string[], kind: VerbKind): void => {
    for (const form of words(lines)) if (!verbs.has(form)) verbs.set(form, { kind, strict: strict.has(form) });
  };
  addVerbs(SPEECH_VERBS, 'speech');
  addVerbs(COGNITION_VERBS, 'cognition');
  addVerbs(EVIDENCE_VERBS, 'evidence');
  addVerbs(DECISION_VERBS, 'decision');
  for (const verb of config.reportingVerbs) {
    for (const form of inflect(verb)) if (!verbs.has(form)) verbs.set(form, { kind: 'speech', strict: false });
  }

  const vaguePeople = new Map<string, boolean>();
  for (const entry of VAGUE_PEOPLE) for (const word of words([entry.words])) vaguePeople.set(word, entry.nameable);

  const vaguePhrases = new PhraseSet<VaguePhrase>();
  for (const pattern of VAGUE_PHRASES) vaguePhrases.add(pattern, { kind: 'impersonal' });
  for (const phrase of config.vagueSources) {
    const list = phraseWords(phrase);
    // One word is a kind of person ("insiders"): vague as the subject of a reporting verb.
    // Several words are a phrase ("people briefed on the talks"): vague wherever they stand.
    if (list.length === 1) vaguePeople.set(list[0]!, false);
    else if (list.length > 1) vaguePhrases.add(list.join(' '), { kind: 'unnamed' });
  }

  const trusted = new PhraseSet<true>();
  for (const name of config.trustedSources) {
    const list = phraseWords(name);
    if (list.length > 0) trusted.add(list.join(' '), true);
  }

  const cues = new PhraseSet<CuePattern>();
  for (const cue of CLAIM_CUES) cues.add(cue.pattern, cue);

  const percentWords = new PhraseSet<true>();
  for (const word of PERCENT_WORDS) percentWords.add(word, true);
  const officialSeries = new PhraseSet<true>();
  for (const pattern of OFFICIAL_SERIES) officialSeries.add(pattern, true);
  const countNouns = new PhraseSet<true>();
  for (const word of COUNT_NOUNS) countNouns.add(word, true);

  const commonWords = new Set<string>([
    ...FUNCTION_WORDS,
    ...vaguePeople.keys(),
    ...VAGUE_PRONOUNS,
    ...VAGUE_DOCUMENTS,
    ...VAGUE_DOCUMENT_SINGULARS,
    ...GROUP_NOUNS,
    ...DEFINITE_SOURCES.filter((word) => !PROPER_INSTITUTIONS.has(word)),
    ...DEFINITE_DETERMINERS,
    ...INDEFINITE_DETERMINERS,
    ...verbs.keys(),
  ]);

  return {
    fingerprint,
    verbs,
    strictObjects: new Set(STRICT_OBJECTS),
    impersonalParticiples: new Set(IMPERSONAL_PARTICIPLES),
    hearsayBeforeTo: new Set(HEARSAY_BEFORE_TO),
    hearsayAdverbs: new Set(HEARSAY_ADVERBS),
    documentVerbs: new Set(DOCUMENT_VERBS),
    documentModals: new Set(DOCUMENT_MODALS),
    legalActs: new Set(LEGAL_ACTS),
    legalActBases: new Set(LEGAL_ACT_BASES),
    legalDocuments: new Set(LEGAL_DOCUMENTS),
    weaselVerbs: new Set([...WEASEL_VERBS, ...config.reportingVerbs.flatMap(inflect)]),
    opinionParticiples: new Set(OPINION_PARTICIPLES),
    agentParticiples: new Set(AGENT_PARTICIPLES),
    vaguePeople,
    vaguePronouns: new Set(VAGUE_PRONOUNS),
    vagueDocuments: new Set(VAGUE_DOCUMENTS),
    vagueDocumentSingulars: new Set(VAGUE_DOCUMENT_SINGULARS),
    groupNouns: new Set(GROUP_NOUNS),
    definiteSources: new Set(DEFINITE_SOURCES),
    definiteDeterminers: new Set(DEFINITE_DETERMINERS),
    indefiniteDeterminers: new Set(INDEFINITE_DETERMINERS),
    nonNamingCapitals: new Set(NON_NAMING_CAPITALS),
    continuingPronouns: new Set(CONTINUING_PRONOUNS),
    authorPronouns: new Set(AUTHOR_PRONOUNS),
    commonWords,
    trusted,
    vaguePhrases,
    cues,
    hedges: new Set(HEDGES),
    embeddingNouns: new Set(EMBEDDING_NOUNS),
    percentWords,
    magnitudes: new Set(MAGNITUDES),
    currencyWords: new Set(CURRENCY_WORDS),
    currencyCodes: new Set(CURRENCY_CODES),
    identifierWords: new Set(IDENTIFIER_WORDS),
    countNouns,
    parameterNouns: new Set(PARAMETER_NOUNS),
    parameterHeads: new Set(PARAMETER_HEADS),
    settingRateModifiers: new Set(SETTING_RATE_MODIFIERS),
    requirementWords: new Set(REQUIREMENT_WORDS),
    officialSeries,
    commitmentVerbs: new Set(COMMITMENT_VERBS),
    incomeWords: new Set(INCOME_WORDS),
    superlatives: new Set(SUPERLATIVES),
    ordinals: new Set(ORDINALS),
    changeWords: new Set(CHANGE_WORDS),
    changeFollowers: new Set(CHANGE_FOLLOWERS),
    recordMarkers: new Set(RECORD_MARKERS),
  };
}

const compiled = new Map<string, Lexicon>();
const byConfig = new WeakMap<ClaimsConfig, Lexicon>();

/** A stable identity for the lexicon-relevant part of `config` (order of list entries does not matter). */
export function claimsFingerprint(config: ClaimsConfig): string {
  const norm = (list: readonly string[]): string[] => [...new Set(list.map((s) => s.trim()).filter(Boolean))].sort();
  return JSON.stringify([norm(config.vagueSources), norm(config.trustedSources), norm(config.reportingVerbs)]);
}

/** The lexicon for `config`, compiled on first use and shared by equal configurations. */
export function lexiconFor(config: ClaimsConfig): Lexicon {
  const known = byConfig.get(config);
  if (known) return known;
  const fingerprint = claimsFingerprint(config);
  let lexicon = compiled.get(fingerprint);
  if (!lexicon) {
    lexicon = build(config, fingerprint);
    // Configurations are few; a runaway (a settings UI typing letter by letter) only costs a rebuild.
    if (compiled.size >= 32) compiled.clear();
    compiled.set(fingerprint, lexicon);
  }
  byConfig.set(config, lexicon);
  return lexicon;
}
