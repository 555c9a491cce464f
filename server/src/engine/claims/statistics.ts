/**
 * Statistics in a sentence: percentages, amounts of money, counts at scale
 * or of countable things, rates of change and ranks. Numbers that label or
 * define ("Article 5", "the 2008 vow", "a 5-year plan", "H.R. 5376", "a 25%
 * tariff") are not statistics.
 */
import type { Lexicon } from './lexicon/index';
import type { SentenceTokens } from './subject';
import { isAcronym, type Token } from './tokens';
import { RULE_WORD, STATISTIC_TRIGGER, type WordSets } from './word-flags';

export type StatisticKind = 'percent' | 'money' | 'count' | 'change' | 'rank';

export interface StatisticHit {
  readonly kind: StatisticKind;
  /** Token range of the statistic. */
  readonly start: number;
  readonly end: number;
}

const CURRENCY_SYMBOLS = new Set(['$', '€', '£', '¥', '₽', '₴', '₹']);
const PERCENT_SIGNS = new Set(['%', '‰']);
const DETERMINER_BEFORE_PARAMETER = new Set([
  'a', 'an', 'the', 'its', 'their', 'this', 'that', 'each', 'any', 'no', 'new', 'additional', 'flat', 'uniform',
  'higher', 'lower', 'proposed', 'current', 'existing', 'annual', 'statutory', 'effective', 'blanket', 'universal',
  'baseline', 'maximum', 'minimum', 'top', 'base', 'reciprocal', 'his', 'her', 'our', 'another', 'first', 'second',
]);
const AMOUNT_MODIFIERS = new Set(['a', 'an', 'the', 'additional', 'another', 'nearly', 'over', 'about', 'approximately', 'roughly', 'almost', 'more', 'than', 'some', 'up', 'to', 'at', 'least', 'new', 'total', 'of', 'another', 'extra', 'further']);
const ARITHMETIC = new Set(['=', '×', 'multiplied', 'divided', 'plus', 'minus']);
/** What may stand between the figures of one list ("8.0%, 9.6%, and 17.6%"). */
const LIST_GLUE = new Set([',', 'and', 'or', 'to', '%', '$', 'percent', 'respectively', 'through', '–', '-']);
const LINK_FILLERS = new Set(['at', 'least', 'most', 'up', 'exactly', 'about', 'roughly', 'approximately', 'nearly', 'than', 'more', 'less', 'no', 'not', 'just', 'only', 'around', 'some', 'over', 'under', 'and', 'or', 'an', 'a', 'annual', 'additional']);
const THRESHOLD_TAILS = new Set(['more', 'greater', 'higher', 'less', 'fewer', 'lower', 'above', 'below', 'over', 'under', 'older', 'younger']);
const NEGATORS = new Set(['not', 'no']);
const PARAMETER_LINKS = new Set(['of', 'at', 'to', 'from', 'above', 'below', 'is', 'are', 'was', 'were', 'be', 'remains', 'equals', 'by']);
/** Words before an amount that make it a document's figure ("the requested $181.4 billion"). */
const DOCUMENT_FIGURE_LEADS = new Set(['requested', 'enacted', 'appropriated', 'authorized', 'proposed', 'budgeted', 'allocated', 'obligated', 'recommended', 'provided']);
const EXAMPLE_LEADS = new Set(['e.g.', 'e.g', 'eg', 'i.e.', 'i.e', 'ie', 'for', 'such', 'say', 'hypothetically', 'suppose', 'example', 'illustratively']);
const AGE_WORDS = new Set(['aged', 'age', 'ages', 'ager', 'aging']);
const TIMES_LEADS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twice']);
const TIMES_FOLLOWERS = new Set(['as', 'more', 'higher', 'larger', 'greater', 'faster', 'bigger', 'the', 'that', 'lower', 'smaller', 'less', 'fewer']);
const WORLD_POSSESSIVES = new Set(["world's", "nation's", "country's", "america's", "europe's", "region's", "continent's", "planet's"]);
const RANK_VERBS = new Set(['ranks', 'ranked', 'ranking', 'rank']);
const RANK_POSITIONS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'last', 'top', 'no.', 'no', 'number']);
const RECORD_NOUNS = new Set(['high', 'highs', 'low', 'lows', 'level', 'levels', 'number', 'numbers', 'amount', 'amounts', 'pace', 'volume', 'volumes']);
const ORDINAL_SUPERLATIVE = /^(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th))-(?:largest|biggest|highest|lowest|smallest|most|least|fastest|slowest|richest|poorest|busiest|strongest|weakest|deadliest|worst|best|greatest|oldest|longest)$/;
const N_FOLD = /^\d+(?:\.\d+)?-fold$/;
const YEAR = /^(?:1[5-9]\d\d|20\d\d)$/;
const YEAR_RANGE = /^(?:1[5-9]\d\d|20\d\d)[-–](?:1[5-9]\d\d|20\d\d|\d\d)$/;

/** The word sets behind the bits the statistic scan reads (see `word-flags.ts`). */
export function statisticWordSets(lexicon: Lexicon): WordSets {
  return [
    [STATISTIC_TRIGGER, statisticTriggers(lexicon)],
    [RULE_WORD, new Set([...lexicon.requirementWords, ...ARITHMETIC])],
  ];
}

/** Every word the statistic scan reacts to besides numbers. */
function statisticTriggers(lexicon: Lexicon): ReadonlySet<string> {
  return new Set([
    ...lexicon.changeWords,
    ...TIMES_LEADS,
    ...WORLD_POSSESSIVES,
    ...RANK_VERBS,
    ...lexicon.superlatives,
    'record', 'all-time', 'record-high', 'record-low',
  ]);
}

function numericValue(text: string): number {
  const first = text.split(/[-–]/)[0]!.replace(/,/g, '');
  return Number.parseFloat(first);
}

function isWord(token: Token | undefined): token is Token {
  return token !== undefined && token.kind !== 'punct';
}

/**
 * Finds the statistics of one sentence, outside quotations. `tokens` are
 * the block's; the sentence spans `[from, to)`. `settings` carries the
 * figures the paragraph has already used as settings ("the Committee's 2
 * percent objective"): the same figure later ("inflation above 2 percent")
 * is that setting again, not a new measurement. It is updated in place.
 */
export function findStatistics(sentence: SentenceTokens, lexicon: Lexicon, settings: Set<string> = new Set()): StatisticHit[] {
  const { tokens, from, to, flags } = sentence;
  // A sentence that states a rule gives terms, not measurements; one with "=" works an example.
  if ((sentence.bits & RULE_WORD) !== 0) {
    for (let i = from; i < to; i++) {
      const token = tokens[i]!;
      if (!token.quoted && (flags[i]! & RULE_WORD) !== 0) return [];
    }
  }
  // "For example, a retailer with $1 million in sales would earn…": a worked illustration.
  const first = tokens[sentence.firstWord]?.lower;
  if ((first === 'for' && ['example', 'instance'].includes(tokens[sentence.firstWord + 1]?.lower ?? '')) || first === 'suppose') {
    for (let i = from; i < to; i++) if (tokens[i]!.lower === 'would') return [];
  }
  return mayHoldStatistic(sentence) ? scanStatistics(sentence, lexicon, settings) : [];
}

/**
 * Whether any token outside quotations is one the scan looks at: a number,
 * or a word that is a trigger, starts with a digit or holds a hyphen. Most
 * sentences hold none, and this answers before the scan builds its helpers.
 */
function mayHoldStatistic(sentence: SentenceTokens): boolean {
  const { tokens, from, to, flags } = sentence;
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (token.quoted || token.kind === 'punct') continue;
    if (token.kind === 'number' || (flags[i]! & STATISTIC_TRIGGER) !== 0) return true;
    const code = token.lower.charCodeAt(0);
    if ((code >= 48 && code <= 57) || token.lower.includes('-')) return true;
  }
  return false;
}

/** The statistic scan proper (see {@link findStatistics}). */
function scanStatistics(sentence: SentenceTokens, lexicon: Lexicon, settings: Set<string>): StatisticHit[] {
  const { tokens, from, to, flags } = sentence;
  const hits: StatisticHit[] = [];
  const at = (i: number): Token | undefined => (i >= from && i < to ? tokens[i] : undefined);
  let conditional = false;

  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (token.quoted) continue;
    // Figures in a condition ("if Bitcoin doubled in price", "if the rate is at least 6.5%") are hypothetical.
    if (token.lower === 'if' || token.lower === 'unless' || token.lower === 'whether') conditional = true;
    else if (token.text === ',' || token.text === ';') conditional = false;
    if (conditional) continue;
    if (token.text === '(' && EXAMPLE_LEADS.has(at(i + 1)?.lower ?? '')) {
      // "(e.g., a county with a poverty rate of 19.9%)": an illustration, not a finding.
      while (i < to && tokens[i]!.text !== ')') i++;
      continue;
    }

    if (token.kind === 'number') {
      const hit = numberStatistic(i);
      if (hit) {
        hits.push(hit);
        i = hit.end - 1;
      } else if (parameterAt(i)) {
        // The rest of a list of settings are settings too: "the tax rates are 8.0%, 9.6%, and 17.6%".
        let k = i + 1;
        while (k < to && (tokens[k]!.kind === 'number' || LIST_GLUE.has(tokens[k]!.lower))) k++;
        i = k - 1;
      }
      continue;
    }
    if (token.kind !== 'word') continue;
    const lower = token.lower;
    const code = lower.charCodeAt(0);
    // The trigger bit rules out most words; hyphenated and digit-led words may be ranks or folds.
    if ((flags[i]! & STATISTIC_TRIGGER) === 0 && !(code >= 48 && code <= 57) && !lower.includes('-')) continue;

    if (lexicon.changeWords.has(lower) || N_FOLD.test(lower)) {
      const next = at(i + 1);
      const prev = at(i - 1);
      const idiom = next?.lower === 'down' || prev?.lower === 'a' || prev?.lower === 'the';
      const followedWell = !next || next.kind === 'punct' || lexicon.changeFollowers.has(next.lower);
      if (!idiom && followedWell && !next?.quoted) hits.push({ kind: 'change', start: i, end: i + 1 });
      continue;
    }
    if (TIMES_LEADS.has(lower) || (code >= 48 && code <= 57)) {
      const times = lower === 'twice' ? i : at(i + 1)?.lower === 'times' ? i + 1 : -1;
      if (times >= 0 && TIMES_FOLLOWERS.has(at(times + 1)?.lower ?? '') && (lower !== 'twice' || at(i + 1)?.lower === 'as')) {
        hits.push({ kind: 'change', start: i, end: times + 2 });
        i = times + 1;
        continue;
      }
    }
    if (ORDINAL_SUPERLATIVE.test(lower)) {
      hits.push({ kind: 'rank', start: i, end: i + 1 });
      continue;
    }
    if (WORLD_POSSESSIVES.has(lower)) {
      const next = at(i + 1);
      if (next && (lexicon.superlatives.has(next.lower) || ORDINAL_SUPERLATIVE.test(next.lower)) && next.lower !== 'most' && next.lower !== 'least') {
        hits.push({ kind: 'rank', start: i, end: i + 2 });
        i++;
      }
      continue;
    }
    if (RANK_VERBS.has(lower)) {
      const next = at(i + 1);
      const position = next?.lower === 'among' ? at(i + 2) : next;
      if (position && (RANK_POSITIONS.has(position.lower) || /^\d{1,3}(?:st|nd|rd|th)$/.test(position.lower) || lexicon.ordinals.has(position.lower))) {
        hits.push({ kind: 'rank', start: i, end: i + 2 });
        i++;
      }
      continue;
    }
    if ((lower === 'record' || lower === 'all-time' || lower === 'record-high' || lower === 'record-low') && at(i - 1)?.lower !== 'the') {
      const next = at(i + 1);
      if (lower === 'record-high' || lower === 'record-low' || (next && RECORD_NOUNS.has(next.lower))) {
        hits.push({ kind: 'rank', start: i, end: lower.startsWith('record-') ? i + 1 : i + 2 });
        i++;
      }
      continue;
    }
    if (lexicon.superlatives.has(lower) && lower !== 'most' && lower !== 'least' && lower !== 'top' && lower !== 'leading') {
      // "the highest since 1981", "the largest on record", "the worst in history".
      for (let k = i + 1; k < Math.min(to, i + 7); k++) {
        const next = tokens[k]!;
        if (next.kind === 'punct') break;
        const after = at(k + 1);
        const marks =
          (next.lower === 'since' && after?.kind === 'number') ||
          (next.lower === 'on' && after?.lower === 'record') ||
          (next.lower === 'in' && after?.lower === 'history') ||
          (next.lower === 'ever' && k === i + 1) ||
          (next.lower === 'in' && after?.kind === 'number' && /^(?:decades|years)$/.test(at(k + 2)?.lower ?? ''));
        if (marks) {
          hits.push({ kind: 'rank', start: i, end: next.lower === 'ever' ? k + 1 : k + 2 });
          i = k + 1;
          break;
        }
      }
    }
  }
  return hits;

  function numberStatistic(i: number): StatisticHit | undefined {
    const token = tokens[i]!;
    let start = i;
    let end = i + 1;
    let kind: StatisticKind | undefined;
    const prev = at(i - 1);
    if (prev && prev.kind === 'punct' && CURRENCY_SYMBOLS.has(prev.text) && prev.end === token.start) {
      kind = 'money';
      start = i - 1;
      const code = at(i - 2);
      if (code && code.kind === 'word' && code.end === prev.start && lexicon.currencyCodes.has(code.lower)) start = i - 2;
    } else if (prev && prev.kind === 'word' && lexicon.currencyCodes.has(prev.lower) && prev.text === prev.text.toUpperCase() && prev.lower !== 'us') {
      kind = 'money';
      start = i - 1;
    }
    const next = at(end);
    if (next && next.kind === 'punct' && PERCENT_SIGNS.has(next.text)) {
      kind = 'percent';
      end++;
    } else {
      const percent = lexicon.percentWords.matchAt(tokens, end, to);
      if (percent) {
        kind = 'percent';
        end = percent.end;
      }
    }
    if (kind !== 'percent') {
      const magnitude = at(end);
      if (magnitude && lexicon.magnitudes.has(magnitude.lower)) {
        kind ??= 'count';
        end++;
      }
      const currency = at(end);
      // "in 2024 dollars" is a price basis, not an amount.
      if (currency && lexicon.currencyWords.has(currency.lower) && (kind !== undefined || (numericValue(token.text) >= 1 && !YEAR.test(token.text)))) {
        kind = 'money';
        end++;
      }
    }
    // "100%" is a whole ("may not sum to 100%") and "0%" a setting ("0% interest loans"), not measurements.
    if (kind === 'percent' && (numericValue(token.text) === 100 || numericValue(token.text) === 0)) return undefined;
    const lead = at(start - 1)?.lower ?? '';
    if (kind === 'money' && (committedAmount(start) || incomeBracket(start))) return undefined;
    // "incomes of $500,000 or more", "not less than $5 million": a category boundary or a legal floor.
    const after = at(end)?.lower;
    if ((after === 'or' || after === 'and') && THRESHOLD_TAILS.has(at(end + 1)?.lower ?? '')) return undefined;
    if (lead === 'than' && (at(start - 2)?.lower === 'less' || at(start - 2)?.lower === 'more') && NEGATORS.has(at(start - 3)?.lower ?? '')) return undefined;
    // "AGI above $75,000": a bracket boundary.
    if (kind === 'money' && (lead === 'above' || lead === 'below' || lead === 'exceeding')) return undefined;
    // "$433.0 million requested for FY2026": a figure from the request itself.
    if (kind === 'money' && DOCUMENT_FIGURE_LEADS.has(after ?? '')) return undefined;
    if (kind === 'money' && (DOCUMENT_FIGURE_LEADS.has(lead) || lead === 'first' || lead === 'next')) return undefined;
    // "loans of up to $300,000": a ceiling set by a program.
    if (lead === 'to' && at(start - 2)?.lower === 'up' && kind === 'money') return undefined;
    if (kind === 'percent' || kind === 'money') {
      const key = figureKey(start, end);
      if (settings.has(key)) return undefined;
      if (isParameter(start, end)) {
        settings.add(key);
        return undefined;
      }
      return { kind, start, end };
    }
    if (kind) return { kind, start, end };
    return bareCount(i);
  }

  /** The figure as words, to recognise it when it comes again ("2 percent"). */
  function figureKey(start: number, end: number): string {
    let key = '';
    for (let k = start; k < end; k++) key += `${tokens[k]!.lower} `;
    return key;
  }

  /** An amount someone commits ("to invest an additional $17 billion"), found by stepping back over its modifiers. */
  function committedAmount(start: number): boolean {
    let k = start - 1;
    while (k >= from && k >= start - 4 && AMOUNT_MODIFIERS.has(tokens[k]!.lower)) k--;
    return k >= from && lexicon.commitmentVerbs.has(tokens[k]!.lower);
  }

  /** An amount that bounds an income bracket ("families making less than $400,000"). */
  function incomeBracket(start: number): boolean {
    for (let k = start - 1; k >= Math.max(from, start - 4); k--) {
      const word = tokens[k]!;
      if (word.kind === 'punct') return false;
      if (lexicon.incomeWords.has(word.lower)) return true;
    }
    return false;
  }

  /** Whether the number at `i` is a percentage or amount that sets a rule (see {@link isParameter}). */
  function parameterAt(i: number): boolean {
    let start = i;
    if (at(i - 1)?.kind === 'punct' && CURRENCY_SYMBOLS.has(at(i - 1)!.text)) start = i - 1;
    let end = i + 1;
    if (at(end)?.kind === 'punct' && PERCENT_SIGNS.has(at(end)!.text)) end++;
    else if (at(end)?.lower === 'percent') end++;
    else if (start === i) return false;
    return isParameter(start, end);
  }

  /**
   * A figure that sets a rule rather than measures: "a 25% tariff", "an
   * annual $1,000 limit", "an inflation objective of 2 percent", "the tax
   * rate was cut from 46% to 34%".
   */
  function isParameter(start: number, end: number): boolean {
    const before = at(start - 1);
    if (before && (DETERMINER_BEFORE_PARAMETER.has(before.lower) || before.lower.endsWith("'s") || before.lower.endsWith('-run'))) {
      for (let k = end; k < Math.min(to, end + 3); k++) {
        const word = tokens[k]!;
        if (word.kind === 'punct') break;
        if (lexicon.parameterNouns.has(word.lower)) return true;
      }
    }
    // The link ("of", "at", "to", "is") stands right before the figure, past "at least", "from 46% to" and the like…
    let link = start - 1;
    while (link >= from && start - link <= 5 && !PARAMETER_LINKS.has(tokens[link]!.lower)) {
      const word = tokens[link]!;
      const skippable = word.kind === 'number' || PERCENT_SIGNS.has(word.text) || CURRENCY_SYMBOLS.has(word.text) || LINK_FILLERS.has(word.lower);
      if (!skippable) return false;
      link--;
    }
    if (link < from || !PARAMETER_LINKS.has(tokens[link]!.lower)) return false;
    // …and the setting's name stands right before the link ("the corporate tax rate was cut from 46%", "rate cut (from 35%").
    for (let k = link - 1; k >= Math.max(from, link - 5); k--) {
      const word = tokens[k]!;
      if (word.kind === 'punct' && word.text !== '(') break;
      if (lexicon.parameterHeads.has(word.lower)) return true;
      if ((word.lower === 'rate' || word.lower === 'rates') && lexicon.settingRateModifiers.has(at(k - 1)?.lower ?? '')) return true;
    }
    return false;
  }

  /** A number with no unit: a count when large, or when it counts things worth sourcing. */
  function bareCount(i: number): StatisticHit | undefined {
    const token = tokens[i]!;
    const text = token.text;
    // Style guides spell out a number that opens a sentence; one that does is a label or a split reference ("H.R. | 2372").
    if (YEAR.test(text) || YEAR_RANGE.test(text) || i === sentence.firstWord) return undefined;
    let p = i - 1;
    if (at(p)?.text === '.') p--;
    const prev = at(p);
    if (prev) {
      if (prev.kind === 'punct' && (prev.text === '§' || prev.text === '#' || prev.text === '№')) return undefined;
      const label = prev.lower.replace(/\.$/, '');
      // "DODD 3000.09", "COVID 19": a code after an acronym.
      if (prev.kind === 'word' && isAcronym(prev.text) && prev.end + 1 >= token.start) return undefined;
      if (prev.kind === 'word' && (lexicon.identifierWords.has(prev.lower) || lexicon.identifierWords.has(label) || AGE_WORDS.has(label))) {
        return undefined;
      }
    }
    const next = at(i + 1);
    // Parts of dates, times and codes: "9:30", "5/12", "10-K".
    if (next && next.kind === 'punct' && (next.text === ':' || next.text === '/') && next.start === token.end) return undefined;
    if (prev && prev.kind === 'punct' && (prev.text === ':' || prev.text === '/') && prev.end === token.start) return undefined;
    const value = numericValue(text);
    if (!Number.isFinite(value)) return undefined;
    if (value >= 1000 && (text.includes(',') || text.replace(/\..*$/, '').length >= 5 || !YEAR.test(text))) {
      // A big count; but not a page or an identifier run together ("pp. 1200-1250").
      if (next && next.kind === 'word' && /^(?:bc|bce|ad|ce)$/.test(next.lower)) return undefined;
      const noun = countNounAfter(i + 1);
      return { kind: 'count', start: i, end: noun ?? i + 1 };
    }
    if (value >= 10 && !text.includes('.')) {
      const noun = countNounAfter(i + 1);
      if (noun !== undefined) return { kind: 'count', start: i, end: noun };
    }
    return undefined;
  }

  /** End of a countable noun within three words after `k` ("330 intercontinental ballistic missiles"). */
  function countNounAfter(k: number): number | undefined {
    for (let j = k; j < Math.min(to, k + 4); j++) {
      const word = tokens[j]!;
      if (!isWord(word) || word.quoted) return undefined;
      if (word.kind === 'number') return undefined;
      const hit = lexicon.countNouns.matchAt(tokens, j, to);
      if (hit) return hit.end;
      if (j > k && /^(?:of|and|or|in|to|for|per|from|by|with|than|at|on)$/.test(word.lower)) return undefined;
    }
    return undefined;
  }
}
