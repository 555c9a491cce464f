/**
 * Attribution within one sentence: who, if anyone, the sentence credits.
 * Sources of credit, strongest first: citation markers (found per block, in
 * `markers.ts`), "according to <source>", a reporting verb with a named
 * subject ("Waltz underlined", "a 2023 GAO report found"), a nominal source
 * ("remarks made by…", "data from the Census Bureau"), and a pronoun or "the
 * report" continuing the previous sentence's source. Vague credit ("experts
 * say", "it is believed", "reportedly") is collected separately, with the
 * phrase the message will quote.
 */
import type { Lexicon } from './lexicon/index';
import {
  BETWEEN_SUBJECT_AND_VERB,
  classifyPhrase,
  isBoundary,
  isName,
  PREPOSITIONS,
  phraseEndAfter,
  phraseStartBefore,
  phrasesIn,
  type SentenceTokens,
  type SourceClass,
} from './subject';
import { isAcronym, isCapitalized, NUMBER, PUNCT, stripPossessive, WORD } from './tokens';
import {
  CREDIT_TRIGGER,
  DOCUMENT_VERB,
  GROUP_NOUN,
  HEARSAY_ADVERB,
  NOMINAL_SOURCE,
  POINTER_NOUN,
  REPORTING_VERB,
  SERIES_START,
  VAGUE_START,
  type WordSets,
} from './word-flags';

/** How the previous sentence of the paragraph was credited; continuations inherit it. */
export type PreviousCredit = 'named' | 'vague' | 'none';

export type AttributionKind = 'according-to' | 'reporting' | 'nominal' | 'author' | 'continuation' | 'document';

export interface Attribution {
  readonly kind: AttributionKind;
  /** Token range of the source phrase (or the pronoun that continues one). */
  readonly start: number;
  readonly end: number;
}

export interface VagueCredit {
  /** `unnamed`: a subject that names no one ("experts"); `impersonal`: no subject at all ("it is believed"). */
  readonly kind: 'unnamed' | 'impersonal';
  /** Token range of the phrase to quote and highlight. */
  readonly start: number;
  readonly end: number;
}

export interface SentenceCredit {
  readonly attribution?: Attribution;
  /** The sentence names a group ("participants", "members") that a following "others" or "several" may refer to. */
  readonly mentionsGroup: boolean;
  readonly vague: readonly VagueCredit[];
  /** The sentence continues a vaguely credited one ("Experts said… They added…"). */
  readonly continuesVague: boolean;
}

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "it's"]);
const AUXILIARIES = new Set([
  'has', 'have', 'had', 'will', 'would', 'could', 'may', 'might', 'can', 'should', 'must', 'not', 'also', 'often',
  'long', 'now', 'widely', 'generally', 'commonly', 'still', 'already', 'previously',
]);
const BETWEEN_BE_AND_PARTICIPLE = new Set([
  'then', 'usually', 'typically', 'widely', 'generally', 'often', 'also', 'now', 'long', 'commonly', 'previously', 'repeatedly', 'increasingly',
  'broadly', 'frequently', 'sometimes', 'still', 'further', 'not', 'never', 'once', 'first', 'originally',
  'initially', 'reportedly', 'largely', 'mostly', 'universally', 'almost', 'variously', 'occasionally', 'even',
  'been', 'being', 'be',
]);
/** Words before a verb form that make it a noun ("the claims", "its estimates"). */
const DETERMINERS = new Set([
  'the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'these', 'those', 'this', 'such', 'any',
  'no', 'every', 'each', 'whose',
]);
/** Words before a form that is also a plural noun ("insurance claims", "some reports"); they rule out only strict forms. */
const NOUN_MODIFIERS = new Set([
  'some', 'many', 'several', 'other', 'further', 'additional', 'new', 'recent', 'public', 'official', 'media',
  'news', 'press', 'insurance', 'unemployment', 'jobless', 'initial', 'continuing', 'various', 'multiple',
  'numerous', 'false', 'unfounded', 'conflicting', 'competing', 'most', 'few', 'earlier', 'previous', 'later',
  'quarterly', 'annual', 'monthly', 'weekly', 'daily', 'staff', 'committee', 'agency', 'market', 'survey',
]);
const RELATIVES = new Set(['who', 'which', 'that']);
/** Verbs that may come before their speaker: "…, said the minister", "…, added Smith". */
const INVERSION_VERBS = new Set([
  'said', 'says', 'added', 'adds', 'noted', 'notes', 'wrote', 'writes', 'told', 'argued', 'argues', 'warned', 'warns',
  'explained', 'continued', 'stressed', 'insisted', 'recalled', 'observed', 'remarked', 'replied', 'responded',
  'asked', 'declared', 'concluded', 'acknowledged', 'cautioned', 'claimed', 'claims', 'according',
]);
/** Auxiliaries and modals: a phrase holding one is a clause, not a subject. */
const CLAUSE_VERBS = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'been', 'be', 'will', 'would', 'can', 'could', 'may', 'might', 'should', 'must', 'shall', 'do', 'does', 'did']);
const MODALS = new Set(['will', 'would', 'can', 'could', 'may', 'might', 'should', 'must', 'shall']);
const POINTER_NOUNS = new Set(['table', 'figure', 'chart', 'graph', 'appendix', 'exhibit', 'box', 'map']);
const PROGRESSIVE_AUX = new Set(['is', 'are', 'was', 'were', 'been', 'be', "'s", "'re"]);
const POINTER_PARTICIPLES = new Set(['shown', 'noted', 'discussed', 'described', 'detailed', 'illustrated', 'explained', 'reported', 'indicated', 'documented', 'depicted', 'summarized', 'outlined', 'listed', 'presented', 'estimated', 'calculated', 'defined', 'set']);
/** Nouns for a measured series; an acronym before one names its source ("ACS poverty rate", "BLS data"). */
const MEASURE_NOUNS = new Set(['rate', 'rates', 'data', 'estimate', 'estimates', 'figures', 'count', 'counts', 'index', 'survey', 'statistics', 'numbers', 'series', 'measure', 'baseline', 'projections', 'score']);
/** Irregular first verbs of a coordinated predicate ("…has X and says Y"). */
const FIRST_PREDICATES = new Set(['has', 'had', 'is', 'was', 'are', 'were', 'says', 'said', 'told', 'wrote', 'made', 'took', 'gave', 'held', 'met', 'saw', 'found', 'sent', 'left', 'led', 'ran', 'won', 'lost', 'thought', 'knew', 'came', 'went', 'began']);
const SPEECH_QUOTES = new Set(['"', '“', '”', '«', '»']);
const STRICT_END = new Set([',', ':', ';', '.', '"', '“', '”', '—', '–', '!', '\uFFFC']);
const NUMBER_LEADS = new Set(['$', '€', '£', '¥']);
const NUMBER_TAKING = new Set([
  'estimates', 'estimated', 'reports', 'reported', 'finds', 'found', 'projects', 'projected', 'forecasts',
  'forecasted', 'counted', 'shows', 'showed', 'shown', 'documented',
]);
const BASE_NOUNS = new Set(['project', 'report', 'state', 'note', 'claim', 'estimate', 'forecast', 'remark', 'signal', 'comment', 'dispute', 'question', 'document', 'view', 'release', 'point', 'answer', 'reply', 'counter', 'call', 'warning', 'caution']);
const TO_TAKING = new Set(['considers', 'considered', 'consider', 'expects', 'expected', 'expect', 'believes', 'believed', 'estimates', 'estimated', 'projects', 'projected', 'claims', 'claimed', 'feared', 'fears', 'hopes', 'hoped', 'found', 'finds']);
const CLAUSE_PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we', 'there', 'i']);
const OBJECT_DETERMINERS = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'this', 'these', 'those', 'such']);
/** Forms that, before an object, usually do something rather than report it ("the economy added the most jobs"). */
const NO_OBJECT_REPORTING = new Set([
  'add', 'adds', 'added', 'see', 'sees', 'saw', 'seen', 'feel', 'feels', 'felt', 'point', 'points', 'pointed',
  'express', 'expresses', 'expressed', 'show', 'shows', 'showed', 'shown', 'document', 'documents', 'documented',
  'direct', 'directs', 'directed', 'question', 'questions', 'questioned', 'answer', 'answers', 'answered',
  'counter', 'counters', 'countered', 'signal', 'signals', 'signaled', 'signalled', 'vote', 'votes', 'voted',
  'approve', 'approves', 'approved', 'authorize', 'authorizes', 'authorized', 'project', 'projects',
  'view', 'views', 'viewed', 'consider', 'considers', 'considered', 'decide', 'decides', 'decided',
  'determine', 'determines', 'determined', 'hope', 'hopes', 'hoped', 'fear', 'fears', 'feared', 'worry',
  'worries', 'worried', 'doubt', 'doubts', 'doubted', 'state', 'states', 'report', 'note', 'claim', 'estimate',
  'forecast', 'remark', 'remarks', 'comment', 'comments', 'cite', 'mention', 'describe', 'warning', 'caution',
]);
const OBJECT_TAKING = new Set(['point', 'points', 'pointed', 'express', 'expresses', 'expressed']);

/** Nouns that report what a source said or measured ("remarks made by…", "data from…"). */
const NOMINAL_SOURCES = new Set([
  'remarks', 'remark', 'statement', 'statements', 'comments', 'comment', 'testimony', 'report', 'reports', 'data',
  'estimate', 'estimates', 'figures', 'analysis', 'analyses', 'survey', 'surveys', 'projections', 'projection',
  'forecast', 'forecasts', 'study', 'studies', 'research', 'assessment', 'findings', 'calculations', 'interview',
  'speech', 'letter', 'memo', 'polling', 'poll', 'statistics', 'census', 'reporting', 'review', 'audit', 'tally',
  'count', 'counts', 'records', 'account', 'accounts', 'briefing', 'announcement', 'words', 'view', 'views',
  'assessments', 'evaluation', 'guidance', 'readout', 'transcript', 'testimonies', 'warning', 'warnings',
  'projected', 'estimated', 'reported', 'definition', 'definitions', 'calculation', 'tabulation', 'tabulations',
  'dataset', 'database', 'index', 'model', 'modeling', 'scoring', 'score', 'baseline',
]);
const NOMINAL_PARTICIPLES = new Set([
  'made', 'released', 'published', 'issued', 'compiled', 'conducted', 'prepared', 'provided', 'collected',
  'gathered', 'delivered', 'given', 'cited', 'produced', 'commissioned', 'offered', 'expressed', 'shared',
]);

function isSpeechQuote(text: string): boolean {
  return SPEECH_QUOTES.has(text);
}

/** Whether a strict verb form is followed by what a reporting use needs. */
function strictComplement(sentence: SentenceTokens, v: number, lexicon: Lexicon): boolean {
  const { tokens } = sentence;
  const verb = tokens.lower[v]!;
  if (v + 1 >= sentence.to) return true;
  const text = tokens.text[v + 1]!;
  const next = tokens.lower[v + 1]!;
  const kind = tokens.kind[v + 1];
  // A base form that ends the sentence is a noun ("…benefit an individual research project.").
  if (text === '.' && BASE_NOUNS.has(verb)) return false;
  if (kind === PUNCT) return STRICT_END.has(text) || (NUMBER_TAKING.has(verb) && NUMBER_LEADS.has(text));
  if (next === 'that') return true;
  if (kind === NUMBER) return NUMBER_TAKING.has(verb);
  // "CBO estimates it would cost…": a clause without "that".
  if (CLAUSE_PRONOUNS.has(next)) return true;
  // "which ERCOT considers to be loads greater than 75 MW", "expects to".
  if (next === 'to' && TO_TAKING.has(verb)) return true;
  // "Peru claims a maritime zone", "this study found an elasticity": a verb before its object.
  if (OBJECT_DETERMINERS.has(next)) return !NO_OBJECT_REPORTING.has(verb);
  if (OBJECT_TAKING.has(verb)) return lexicon.strictObjects.has(next);
  return false;
}

/**
 * Finds the credit of one sentence. `previous` is how the sentence before it
 * in the same paragraph was credited, for pronouns and ellipsis ("Others
 * noted…") to continue.
 */
export function findCredit(sentence: SentenceTokens, lexicon: Lexicon, previous: PreviousCredit): SentenceCredit {
  const { tokens, from, to } = sentence;
  const vague: VagueCredit[] = [];
  let attribution: Attribution | undefined;
  let continuesVague = false;

  const attribute = (kind: AttributionKind, start: number, end: number): void => {
    attribution ??= { kind, start, end };
  };

  /** Applies a classified source to the sentence's credit. */
  const credit = (cls: SourceClass, verbKind: 'speech' | 'cognition' | 'evidence' | 'decision' | 'nominal', verb = ''): void => {
    switch (cls.kind) {
      case 'named':
      case 'group':
        attribute(verbKind === 'nominal' ? 'nominal' : 'reporting', cls.start, cls.end);
        return;
      case 'author':
        attribute('author', cls.start, cls.end);
        return;
      case 'anaphor':
        if (cls.continues === 'pronoun' && previous === 'vague') continuesVague = true;
        else attribute(cls.continues ? 'continuation' : 'reporting', cls.start, cls.end);
        return;
      case 'vague': {
        if (verbKind === 'decision' || verbKind === 'nominal') return;
        const head = tokens.lower[cls.end - 1]!;
        const documentish = lexicon.vagueDocuments.has(head) || lexicon.vagueDocumentSingulars.has(head);
        if (verbKind === 'evidence' && !documentish) return;
        if (cls.continues === 'quantifier' && tokens.lower[cls.start] === 'others' && cls.start !== sentence.firstWord) {
          // "Some central banks raised rates; others suggested…": the others of the set just named.
          attribute('continuation', cls.start, cls.end);
          return;
        }
        if (cls.continues === 'quantifier') {
          // Elliptical: "Several participants noted X; others saw Y." Only opinion verbs make "some" a weasel.
          if (previous === 'named' || attribution !== undefined || !lexicon.weaselVerbs.has(verb)) {
            attribute('continuation', cls.start, cls.end);
            return;
          }
        }
        vague.push({ kind: 'unnamed', start: cls.start, end: cls.end });
        return;
      }
      default:
    }
  };

  const flags = sentence.flags;
  let mentionsGroup = false;
  for (let v = from; v < to; v++) {
    if (tokens.kind[v] !== WORD || tokens.quoted[v]) continue;
    const lower = tokens.lower[v]!;
    const bits = flags[v]!;
    if (bits & GROUP_NOUN) mentionsGroup = true;
    // The trigger bit rules out most words.
    if ((bits & CREDIT_TRIGGER) === 0 && !lower.endsWith("'s")) {
      // A series named by its source: "the 2018 SAIPE poverty rate", "BLS data".
      const text = tokens.text[v]!;
      const second = text.charCodeAt(1);
      if (((second >= 65 && second <= 90) || second === 46) && isAcronym(text)) {
        for (let k = v + 1; k < Math.min(to, v + 3); k++) {
          if (tokens.kind[k] === PUNCT) break;
          if (MEASURE_NOUNS.has(tokens.lower[k]!)) {
            attribute('nominal', v, v + 1);
            break;
          }
        }
      }
      continue;
    }

    if (lower === 'according' && tokens.lower[v + 1] === 'to' && v + 2 < to) {
      const end = phraseEndAfter(sentence, v + 2, 16);
      if (end > v + 2) {
        const cls = classifyPhrase(sentence, v + 2, end, lexicon);
        if (cls.kind === 'vague') vague.push({ kind: 'unnamed', start: v, end: cls.end });
        else if (cls.kind === 'anaphor' && cls.continues === 'pronoun' && previous === 'vague') continuesVague = true;
        else attribute('according-to', v + 2, end);
      }
      v++;
      continue;
    }

    if (bits & HEARSAY_ADVERB) {
      // "reportedly by a team at Microsoft" names the reporter.
      if (tokens.lower[v + 1] === 'by' && v + 2 < to) {
        const cls = classifyPhrase(sentence, v + 2, phraseEndAfter(sentence, v + 2, 12, true), lexicon);
        if (cls.kind === 'named' || cls.kind === 'group') {
          attribute('reporting', cls.start, cls.end);
          continue;
        }
      }
      vague.push({ kind: 'impersonal', start: v, end: v + 1 });
      continue;
    }

    if (bits & NOMINAL_SOURCE) {
      nominalCredit(sentence, v, lexicon, credit);
      // A nominal source may also be a verb ("Reuters reports that"); fall through.
    }

    // A pointer into the document or another work: "As shown in Appendix A", "as discussed in the report".
    if (lower === 'as' && POINTER_PARTICIPLES.has(tokens.lower[v + 1] ?? '') && (tokens.lower[v + 2] === 'in' || tokens.lower[v + 2] === 'by') && v + 3 < to) {
      const end = phraseEndAfter(sentence, v + 3, 10, true);
      const cls = classifyPhrase(sentence, v + 3, end, lexicon);
      if (cls.kind !== 'vague' && end > v + 3) attribute('nominal', v + 3, end);
      continue;
    }

    // "(rounded to 1% in the table below)", "see Figure 3": the figure or table carries the source.
    if (bits & POINTER_NOUN) {
      const next = tokens.lower[v + 1];
      if (next !== undefined && v + 1 < to && (next === 'below' || next === 'above' || /^(?:\d{1,3}|[a-z]|[ivx]{1,4})(?:[.-]\d{1,2})?$/.test(next))) {
        attribute('nominal', v, v + 2);
      }
    }

    if (lower === 'based' && tokens.lower[v + 1] === 'on' && v + 2 < to) {
      // "(based on the same dataset)", "based on CBO estimates".
      const end = phraseEndAfter(sentence, v + 2, 12, true);
      const cls = classifyPhrase(sentence, v + 2, end, lexicon);
      if (cls.kind === 'named' || cls.kind === 'group' || (cls.kind === 'anaphor' && !cls.continues)) attribute('nominal', cls.start, cls.end);
      continue;
    }

    if ((lower === 'citing' || lower === 'per') && v + 1 < to) {
      const end = phraseEndAfter(sentence, v + 1, 10, true);
      const cls = classifyPhrase(sentence, v + 1, end, lexicon);
      if (cls.kind === 'named') attribute('nominal', cls.start, cls.end);
      continue;
    }

    // "Under EGTRRA, the limit was set…": the sentence reports what a named law provides.
    if ((lower === 'under' || lower === 'for' || lower === 'in' || lower === 'by') && v === sentence.firstWord) {
      let comma = v + 1;
      while (comma < to && comma - v <= 10 && tokens.text[comma] !== ',') comma++;
      if (comma < to && tokens.text[comma] === ',') {
        const cls = classifyPhrase(sentence, v + 1, comma, lexicon);
        const head = cls.head !== undefined ? stripPossessive(tokens.lower[cls.head]!) : '';
        const legal = lexicon.legalDocuments.has(head);
        const source = NOMINAL_SOURCES.has(head) || lexicon.definiteSources.has(head);
        const named = cls.kind === 'named' && (lower === 'under' || legal || source);
        if (named || (cls.kind === 'anaphor' && (legal || source) && lower !== 'by')) {
          attribute(legal ? 'document' : 'nominal', cls.start, cls.end);
        }
      }
      continue;
    }

    // A name's document: "the CBO's estimate", "GAO's 2023 analysis".
    if (lower.endsWith("'s") && isName(sentence, v, lexicon)) {
      for (let k = v + 1; k < Math.min(to, v + 4); k++) {
        if (tokens.kind[k] === PUNCT) break;
        if (NOMINAL_SOURCES.has(tokens.lower[k]!)) {
          attribute('nominal', v, v + 1);
          break;
        }
      }
    }

    // An opinion's agent: "regarded by many as", "perceived by market participants".
    if (lower === 'by' && v + 1 < to) {
      let p = v - 1;
      while (p > from && p >= v - 3 && BETWEEN_BE_AND_PARTICIPLE.has(tokens.lower[p]!)) p--;
      const agent = tokens.lower[v + 1]!;
      const participle = p >= from ? tokens.lower[p]! : '';
      if (agent !== 'any' && agent !== 'no' && agent !== 'every') {
        const end = phraseEndAfter(sentence, v + 1, 12, true);
        if (lexicon.opinionParticiples.has(participle)) {
          credit(classifyPhrase(sentence, v + 1, end, lexicon), 'cognition', 'said');
        } else if (lexicon.agentParticiples.has(participle)) {
          const cls = classifyPhrase(sentence, v + 1, end, lexicon);
          if (cls.kind === 'named' || cls.kind === 'group') attribute('reporting', cls.start, cls.end);
        }
      }
      continue;
    }

    if ((bits & DOCUMENT_VERB) !== 0 && (v > from && isFiniteAfter(tokens.lower[v - 1]!)) && (!lexicon.documentModals.has(lower) || modalGovernsDocumentVerb(sentence, v, lexicon))) {
      // A document stating its own terms: "the bill would provide…", "the PWAA authorized…".
      const cls = subjectOf(sentence, v, lexicon);
      if (cls && (cls.kind === 'named' || cls.kind === 'anaphor' || cls.kind === 'none') && namesLegalDocument(sentence, cls, lexicon)) {
        const determiner = cls.start - 1 >= from && lexicon.definiteDeterminers.has(tokens.lower[cls.start - 1]!);
        if (cls.kind !== 'none' || determiner || startsWithDefinite(sentence, cls.start, lexicon)) attribute('document', cls.start, cls.end);
      } else if ((cls?.kind === 'named' || (cls?.kind === 'anaphor' && !cls.continues) || (cls?.kind === 'anaphor' && previous === 'named')) && isLegalAct(sentence, v, lexicon) && (!PROVIDING.has(lower) || amountFollows(sentence, v))) {
        attribute('document', cls.start, cls.end);
      }
    }

    if ((bits & REPORTING_VERB) === 0) continue;
    const info = lexicon.verbs.get(lower)!;
    // "-ing" forms are participial clauses ("…, adding that"), whose subject the main verb already gave, unless progressive ("is announcing that").
    if (v === sentence.firstWord || (lower.endsWith('ing') && !PROGRESSIVE_AUX.has(tokens.lower[v - 1] ?? ''))) continue;
    if (v > from && tokens.kind[v - 1] === WORD) {
      const prev = tokens.lower[v - 1]!;
      if (DETERMINERS.has(prev) || prev.endsWith("'s") || prev === 'to') continue;
      if (info.strict && (NOUN_MODIFIERS.has(prev) || PREPOSITIONS.has(prev))) continue;
    }
    if (isCapitalized(tokens.text[v]!)) continue; // "the Reports Consolidation Act"

    // Agent after the verb: "was reported by Reuters", "as noted by the GAO".
    if (tokens.lower[v + 1] === 'by' && v + 2 < to) {
      const end = phraseEndAfter(sentence, v + 2, 12, true);
      credit(classifyPhrase(sentence, v + 2, end, lexicon), info.kind, lower);
      v++;
      continue;
    }
    if (info.strict && !strictComplement(sentence, v, lexicon)) continue;

    // Agentless passive: "it is widely believed", "he is said to have".
    let j = v - 1;
    while (j >= from && BETWEEN_BE_AND_PARTICIPLE.has(tokens.lower[j]!) && !BE_FORMS.has(tokens.lower[j]!)) j--;
    if (j >= from && BE_FORMS.has(tokens.lower[j]!)) {
      let s = j - 1;
      while (s >= from && (AUXILIARIES.has(tokens.lower[s]!) || BE_FORMS.has(tokens.lower[s]!))) s--;
      const subject = s >= from ? tokens.lower[s] : undefined;
      const next = tokens.lower[v + 1];
      if (subject === 'it' && next !== 'to' && lexicon.impersonalParticiples.has(lower)) {
        vague.push({ kind: 'impersonal', start: s, end: v + 1 });
      } else if (next === 'to' && lexicon.hearsayBeforeTo.has(lower) && infinitiveAfter(sentence, v + 2)) {
        vague.push({ kind: 'impersonal', start: j, end: v + 2 });
      }
      continue;
    }
    if (tokens.lower[j] === "it's" && lexicon.impersonalParticiples.has(lower)) {
      vague.push({ kind: 'impersonal', start: j, end: v + 1 });
      continue;
    }

    const cls = subjectOf(sentence, v, lexicon);
    if (cls) credit(cls, info.kind, lower);
  }

  if (!attribution) {
    const series = phrasesIn(sentence, lexicon.officialSeries, SERIES_START)[0];
    if (series) attribute('nominal', series.start, series.end);
  }

  for (const hit of phrasesIn(sentence, lexicon.vaguePhrases, VAGUE_START)) {
    vague.push({ kind: hit.value.kind, start: hit.start, end: hit.end });
  }
  // "Even if an empirical study found…": a hypothetical source, not a claim's credit.
  for (let i = vague.length - 1; i >= 0; i--) if (inCondition(sentence, vague[i]!.start)) vague.splice(i, 1);

  // A speaker or citation in the sentence covers the unnamed voices it reports ("Smith said critics argue…");
  // a document stating its terms ("Globis provides training and has been praised by many") does not.
  if (attribution && attribution.kind !== 'document') return { attribution, mentionsGroup, vague: [], continuesVague: false };
  if (attribution) return { attribution, mentionsGroup, vague: dedupe(vague), continuesVague: false };
  return { mentionsGroup, vague: dedupe(vague), continuesVague: continuesVague && vague.length === 0 };
}

/** The word sets behind the bits the credit scan reads (see `word-flags.ts`). */
export function creditWordSets(lexicon: Lexicon): WordSets {
  return [
    [CREDIT_TRIGGER, creditTriggers(lexicon)],
    [GROUP_NOUN, lexicon.groupNouns],
    [HEARSAY_ADVERB, lexicon.hearsayAdverbs],
    [NOMINAL_SOURCE, NOMINAL_SOURCES],
    [POINTER_NOUN, POINTER_NOUNS],
    [DOCUMENT_VERB, new Set([...lexicon.documentVerbs, ...lexicon.legalActs])],
    [REPORTING_VERB, new Set(lexicon.verbs.keys())],
  ];
}

/** Every word the credit scan reacts to, so it can skip the rest. */
function creditTriggers(lexicon: Lexicon): ReadonlySet<string> {
  return new Set([
    'according', 'citing', 'per', 'by', 'under', 'as', 'for', 'in', ...POINTER_NOUNS,
    ...lexicon.hearsayAdverbs,
    ...NOMINAL_SOURCES,
    ...lexicon.documentVerbs,
    ...lexicon.legalActs,
    'based',
    ...lexicon.verbs.keys(),
    ...lexicon.groupNouns,
    ...lexicon.agentParticiples,
  ]);
}

/** The subject of the verb at `v`, found by walking back (or forward, after a quotation). */
function subjectOf(sentence: SentenceTokens, v: number, lexicon: Lexicon): SourceClass | undefined {
  const { tokens, from } = sentence;
  let k = v - 1;
  while (k >= from && tokens.kind[k] === WORD && (BETWEEN_SUBJECT_AND_VERB.has(tokens.lower[k]!) || isAdverb(tokens.lower[k]!))) {
    // "Lawmakers may assess…", "critics might argue": a possibility, not a report.
    if (MODALS.has(tokens.lower[k]!)) return undefined;
    k--;
  }
  if (k < from) return undefined;
  if (tokens.text[k] === ')') {
    // "The Federal Highway Administration (FHWA) projects…": step over the parenthesis.
    let open = k - 1;
    while (open > from && k - open < 10 && tokens.text[open] !== '(') open--;
    if (open > from && tokens.text[open] === '(') k = open - 1;
  }
  const before = tokens.lower[k]!;
  if (tokens.kind[k] === PUNCT) {
    if (before !== ',' && !isSpeechQuote(before) && before !== '—') return undefined;
    // Inverted after a quotation or clause: "…," said the minister. Other verbs after a comma start a series ("…, discusses estimates").
    const end = phraseEndAfter(sentence, v + 1, 8, true);
    if (end > v + 1 && (INVERSION_VERBS.has(tokens.lower[v]!) || isSpeechQuote(before) || isSpeechQuote(tokens.text[k - 1] ?? ''))) {
      const forward = classifyPhrase(sentence, v + 1, end, lexicon);
      if (forward.kind !== 'none') return forward;
    }
    if (before !== ',') return undefined;
    // Parenthetical between subject and verb: "Critics, including Senator X, argued".
    let open = k - 1;
    while (open >= from && k - open < 14 && tokens.text[open] !== ',' && !isHardBoundary(tokens.text[open]!)) open--;
    if (open < from || tokens.text[open] !== ',') return undefined;
    const inner = classifyPhrase(sentence, open + 1, k, lexicon);
    const subjectStart = phraseStartBefore(sentence, open);
    const outer = classifyPhrase(sentence, subjectStart, open, lexicon);
    if (inner.kind === 'named' && appositive(sentence, open + 1, k, lexicon)) return inner;
    return outer;
  }
  if ((before === 'and' || before === 'but' || before === 'or') && k > from) {
    // A second predicate ("CRS used a model and concluded…") shares the first one's subject.
    for (let p = k - 1; p > from && k - p <= 12; p--) {
      if (tokens.kind[p] === PUNCT) break;
      const word = tokens.lower[p]!;
      if (FIRST_PREDICATES.has(word) || (word.endsWith('ed') && word.length > 4 && !isCapitalized(tokens.text[p]!))) {
        return subjectOf(sentence, p, lexicon);
      }
    }
    return undefined;
  }
  if (RELATIVES.has(before)) {
    let r = k - 1;
    if (r >= from && tokens.text[r] === ',') r--;
    if (r < from) return undefined;
    // The antecedent is the phrase right before the relative, not any earlier prepositional phrase.
    let start = r + 1;
    while (start > from && r + 1 - start < 8 && !isBoundary(tokens, start - 1) && !PREPOSITIONS.has(tokens.lower[start - 1]!)) start--;
    return classifyPhrase(sentence, start, r + 1, lexicon);
  }
  const start = subjectStart(sentence, phraseStartBefore(sentence, k + 1), k + 1);
  if (start < 0) return undefined;
  const cls = classifyPhrase(sentence, start, k + 1, lexicon);
  // "The July SLOOS and other surveys suggested…": a named first conjunct names the pair.
  if (cls.kind === 'vague' && start - 1 > from && (tokens.lower[start - 1] === 'and' || tokens.lower[start - 1] === 'or')) {
    const first = classifyPhrase(sentence, phraseStartBefore(sentence, start - 1), start - 1, lexicon);
    if (first.kind === 'named' || first.kind === 'group') return first;
  }
  return cls;
}

/** Whether a verb form after the word `before` may be finite: not "into a direct conflict", "to offer membership" (an adjective or an infinitive). */
function isFiniteAfter(before: string): boolean {
  return !DETERMINERS.has(before) && before !== 'to' && !before.endsWith("'s");
}

const MODAL_FILLERS = new Set(['also', 'not', 'have', 'generally', 'only', 'effectively', 'further', 'instead', 'still', 'then', 'thus', 'likewise', 'similarly', 'each', 'both', 'all']);

const PROVIDING = new Set(['provided', 'provides']);

/** Whether an amount follows within four words ("Congress provided $562 million"), which makes "provided" an appropriation. */
function amountFollows(sentence: SentenceTokens, v: number): boolean {
  for (let k = v + 1; k < Math.min(sentence.to, v + 6); k++) {
    const text = sentence.tokens.text[k]!;
    if (sentence.tokens.kind[k] === NUMBER || text === '$' || text === '€' || text === '£') return true;
  }
  return false;
}

/** Whether the word at `v` is a legal act, itself or as the verb a modal governs ("would increase"). */
function isLegalAct(sentence: SentenceTokens, v: number, lexicon: Lexicon): boolean {
  const lower = sentence.tokens.lower[v]!;
  if (!lexicon.documentModals.has(lower)) return lexicon.legalActs.has(lower);
  let k = v + 1;
  while (k < sentence.to && MODAL_FILLERS.has(sentence.tokens.lower[k]!)) k++;
  const verb = k < sentence.to ? sentence.tokens.lower[k]! : '';
  return lexicon.legalActs.has(verb) || lexicon.legalActBases.has(verb);
}

/** Whether the modal at `v` governs a verb by which a document states its terms ("would provide", "would have provided"). */
function modalGovernsDocumentVerb(sentence: SentenceTokens, v: number, lexicon: Lexicon): boolean {
  let k = v + 1;
  while (k < sentence.to && MODAL_FILLERS.has(sentence.tokens.lower[k]!)) k++;
  const next = sentence.tokens.lower[k];
  return next !== undefined && k < sentence.to && lexicon.documentVerbs.has(next) && !lexicon.documentModals.has(next);
}

/** Whether a subject's head words include a legal document ("Section 199A of the tax code", "the bills"). */
function namesLegalDocument(sentence: SentenceTokens, cls: SourceClass, lexicon: Lexicon): boolean {
  const last = cls.head ?? cls.end - 1;
  for (let k = cls.start; k <= last && k < cls.end; k++) {
    if (lexicon.legalDocuments.has(stripPossessive(sentence.tokens.lower[k]!))) return true;
  }
  return false;
}

/** Whether the phrase at `start` opens with a definite determiner ("the bills", "this provision"). */
function startsWithDefinite(sentence: SentenceTokens, start: number, lexicon: Lexicon): boolean {
  const first = sentence.tokens.lower[start] ?? '';
  return lexicon.definiteDeterminers.has(first) || first === 'each' || first === 'both' || first === 'either';
}

/** Whether the word at `k` starts an infinitive ("said to have", not "reported to the FHWA"). */
function infinitiveAfter(sentence: SentenceTokens, k: number): boolean {
  const { tokens } = sentence;
  if (k >= sentence.to || tokens.kind[k] !== WORD) return false;
  const lower = tokens.lower[k]!;
  return !DETERMINERS.has(lower) && !isCapitalized(tokens.text[k]!) && !OBJECT_DETERMINERS.has(lower);
}

/** Whether token `at` stands in an "if" or "unless" clause (up to the next comma). */
function inCondition(sentence: SentenceTokens, at: number): boolean {
  for (let k = at - 1; k >= sentence.from; k--) {
    const lower = sentence.tokens.lower[k]!;
    if (lower === ',' || lower === ';') return false;
    if (lower === 'if' || lower === 'unless') return true;
  }
  return false;
}

/**
 * Where the subject in a walked-back phrase starts, or -1 when the phrase
 * is a clause ("the program has been a source of…" holds an auxiliary). An
 * article that no preposition brings opens the subject ("In 2023 the agency
 * reported" → "the agency"; "officials at the Treasury" stays whole).
 */
function subjectStart(sentence: SentenceTokens, start: number, end: number): number {
  let subject = start;
  for (let i = start; i < end; i++) {
    const lower = sentence.tokens.lower[i]!;
    if (CLAUSE_VERBS.has(lower)) return -1;
    if (i > start && (lower === 'a' || lower === 'an' || lower === 'the') && !PREPOSITIONS.has(sentence.tokens.lower[i - 1]!)) subject = i;
  }
  return subject;
}

/** A manner adverb between subject and verb ("contacts predominantly pointed to"). */
function isAdverb(lower: string): boolean {
  return lower.length > 5 && lower.endsWith('ly') && !ADJECTIVES_IN_LY.has(lower);
}
const ADJECTIVES_IN_LY = new Set(['family', 'quarterly', 'monthly', 'weekly', 'daily', 'yearly', 'early', 'likely', 'italy', 'elderly', 'friendly', 'costly', 'timely', 'orderly', 'unlikely', 'only', 'july']);

function isHardBoundary(text: string): boolean {
  return text === ';' || text === ':' || text === '(' || text === ')' || text === '.' || text === '"' || text === '“' || text === '”';
}

/** Whether a parenthetical names who the subject is ("John Smith", "including Senator X"). */
function appositive(sentence: SentenceTokens, from: number, to: number, lexicon: Lexicon): boolean {
  const first = sentence.tokens.lower[from];
  if (first === 'including' || first === 'such' || first === 'notably' || first === 'like' || first === 'led' || first === 'namely') return true;
  for (let i = from; i < to; i++) {
    if (sentence.tokens.kind[i] === PUNCT) continue;
    const lower = sentence.tokens.lower[i]!;
    if (!isName(sentence, i, lexicon) && lower !== 'of' && lower !== 'the') return false;
  }
  return true;
}

/** Credits a nominal source: "remarks made by X", "data from the Census Bureau", "estimates of the CBO". */
function nominalCredit(
  sentence: SentenceTokens,
  v: number,
  lexicon: Lexicon,
  credit: (cls: SourceClass, kind: 'nominal') => void,
): void {
  const { tokens, to } = sentence;
  let k = v + 1;
  while (k < to && k - v <= 2 && NOMINAL_PARTICIPLES.has(tokens.lower[k]!)) k++;
  const prep = tokens.lower[k];
  if (prep !== 'by' && prep !== 'from' && prep !== 'of') return;
  if (k + 1 >= to) return;
  const end = phraseEndAfter(sentence, k + 1, 12, true);
  const cls = classifyPhrase(sentence, k + 1, end, lexicon);
  if (prep === 'of' && cls.kind !== 'named') return;
  if (cls.kind === 'named' || cls.kind === 'group' || (cls.kind === 'anaphor' && !cls.continues)) credit(cls, 'nominal');
}

function dedupe(list: VagueCredit[]): VagueCredit[] {
  list.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: VagueCredit[] = [];
  for (const hit of list) {
    const last = out[out.length - 1];
    if (last && hit.start < last.end) continue;
    out.push(hit);
  }
  return out;
}
