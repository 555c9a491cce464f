/**
 * Statistics in a sentence: percentages, amounts of money, counts at scale
 * or of countable things, rates of change and ranks. Numbers that label or
 * define ("Article 5", "the 2008 vow", "a 5-year plan", "H.R. 5376", "a 25%
 * tariff") are not statistics.
 */
import type { Lexicon } from './lexicon/index';
import type { SentenceTokens } from './subject';
import { isAcronym, NUMBER, PUNCT, WORD, type TokenList } from './tokens';
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
      if (!tokens.quoted[i] && (flags[i]! & RULE_WORD) !== 0) return [];
    }
  }
  // "For example, a retailer with $1 million in sales would earn…": a worked illustration.
  const first = tokens.lower[sentence.firstWord];
  if ((first === 'for' && ['example', 'instance'].includes(tokens.lower[sentence.firstWord + 1] ?? '')) || first === 'suppose') {
    for (let i = from; i < to; i++) if (tokens.lower[i] === 'would') return [];
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
    const kind = tokens.kind[i];
    if (tokens.quoted[i] || kind === PUNCT) continue;
    if (kind === NUMBER || (flags[i]! & STATISTIC_TRIGGER) !== 0) return true;
    const lower = tokens.lower[i]!;
    const code = lower.charCodeAt(0);
    if ((code >= 48 && code <= 57) || lower.includes('-')) return true;
  }
  return false;
}

/** The statistic scan proper (see {@link findStatistics}). */
function scanStatistics(sentence: SentenceTokens, lexicon: Lexicon, settings: Set<string>): StatisticHit[] {
  const { tokens, from, to, flags } = sentence;
  const scan: Scan = { sentence, tokens, from, to, lexicon, settings };
  const hits: StatisticHit[] = [];
  let conditional = false;

  for (let i = from; i < to; i++) {
    if (tokens.quoted[i]) continue;
    const lower = tokens.lower[i]!;
    const text = tokens.text[i]!;
    // Figures in a condition ("if Bitcoin doubled in price", "if the rate is at least 6.5%") are hypothetical.
    if (lower === 'if' || lower === 'unless' || lower === 'whether') conditional = true;
    else if (text === ',' || text === ';') conditional = false;
    if (conditional) continue;
    if (text === '(' && EXAMPLE_LEADS.has(lowerAt(scan, i + 1) ?? '')) {
      // "(e.g., a county with a poverty rate of 19.9%)": an illustration, not a finding.
      while (i < to && tokens.text[i] !== ')') i++;
      continue;
    }

    const kind = tokens.kind[i];
    if (kind === NUMBER) {
      const hit = numberStatistic(scan, i);
      if (hit) {
        hits.push(hit);
        i = hit.end - 1;
      } else if (parameterAt(scan, i)) {
        // The rest of a list of settings are settings too: "the tax rates are 8.0%, 9.6%, and 17.6%".
        let k = i + 1;
        while (k < to && (tokens.kind[k] === NUMBER || LIST_GLUE.has(tokens.lower[k]!))) k++;
        i = k - 1;
      }
      continue;
    }
    if (kind !== WORD) continue;
    const code = lower.charCodeAt(0);
    // The trigger bit rules out most words; hyphenated and digit-led words may be ranks or folds.
    if ((flags[i]! & STATISTIC_TRIGGER) === 0 && !(code >= 48 && code <= 57) && !lower.includes('-')) continue;

    if (lexicon.changeWords.has(lower) || N_FOLD.test(lower)) {
      const next = lowerAt(scan, i + 1);
      const prev = lowerAt(scan, i - 1);
      const idiom = next === 'down' || prev === 'a' || prev === 'the';
      const followedWell = next === undefined || tokens.kind[i + 1] === PUNCT || lexicon.changeFollowers.has(next);
      if (!idiom && followedWell && !(next !== undefined && tokens.quoted[i + 1])) hits.push({ kind: 'change', start: i, end: i + 1 });
      continue;
    }
    if (TIMES_LEADS.has(lower) || (code >= 48 && code <= 57)) {
      const times = lower === 'twice' ? i : lowerAt(scan, i + 1) === 'times' ? i + 1 : -1;
      if (times >= 0 && TIMES_FOLLOWERS.has(lowerAt(scan, times + 1) ?? '') && (lower !== 'twice' || lowerAt(scan, i + 1) === 'as')) {
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
      const next = lowerAt(scan, i + 1);
      const ranked = next !== undefined && (lexicon.superlatives.has(next) || ORDINAL_SUPERLATIVE.test(next)) && next !== 'most' && next !== 'least';
      if (ranked && !((next === 'top' || next === 'leading') && namesAGroup(scan, i + 2))) {
        hits.push({ kind: 'rank', start: i, end: i + 2 });
        i++;
      }
      continue;
    }
    if (RANK_VERBS.has(lower)) {
      const next = lowerAt(scan, i + 1);
      const position = next === 'among' ? lowerAt(scan, i + 2) : next;
      if (position !== undefined && (RANK_POSITIONS.has(position) || /^\d{1,3}(?:st|nd|rd|th)$/.test(position) || lexicon.ordinals.has(position))) {
        hits.push({ kind: 'rank', start: i, end: i + 2 });
        i++;
      }
      continue;
    }
    if ((lower === 'record' || lower === 'all-time' || lower === 'record-high' || lower === 'record-low') && lowerAt(scan, i - 1) !== 'the') {
      const next = lowerAt(scan, i + 1);
      if (lower === 'record-high' || lower === 'record-low' || (next !== undefined && RECORD_NOUNS.has(next))) {
        hits.push({ kind: 'rank', start: i, end: lower.startsWith('record-') ? i + 1 : i + 2 });
        i++;
      }
      continue;
    }
    if (lexicon.superlatives.has(lower) && lower !== 'most' && lower !== 'least' && lower !== 'top' && lower !== 'leading') {
      // "the highest since 1981", "the largest on record", "the worst in history".
      for (let k = i + 1; k < Math.min(to, i + 7); k++) {
        if (tokens.kind[k] === PUNCT) break;
        const next = tokens.lower[k]!;
        const after = lowerAt(scan, k + 1);
        const marks =
          (next === 'since' && kindAt(scan, k + 1) === NUMBER) ||
          (next === 'on' && after === 'record') ||
          (next === 'in' && after === 'history') ||
          (next === 'ever' && k === i + 1) ||
          (next === 'in' && kindAt(scan, k + 1) === NUMBER && /^(?:decades|years)$/.test(lowerAt(scan, k + 2) ?? ''));
        if (marks) {
          hits.push({ kind: 'rank', start: i, end: next === 'ever' ? k + 1 : k + 2 });
          i = k + 1;
          break;
        }
      }
    }
  }
  return hits;
}

/**
 * What the scan's helpers read. Module functions taking it rather than
 * closures inside the scan: closures made anew for every sentence cost an
 * allocation each and sent the optimised scan back to the interpreter
 * ("wrong call target") when a new one was called.
 */
interface Scan {
  readonly sentence: SentenceTokens;
  readonly tokens: TokenList;
  readonly from: number;
  readonly to: number;
  readonly lexicon: Lexicon;
  /** See {@link findStatistics}; updated in place. */
  readonly settings: Set<string>;
}

/** Words that end a noun phrase: what follows its head. */
const PHRASE_ENDS = new Set(['of', 'in', 'on', 'for', 'to', 'and', 'or', 'who', 'that', 'which', 'with', 'by', 'at', 'from', 'as', 'is', 'are', 'was', 'were', 'have', 'has']);

/**
 * Whether the noun phrase starting at `i` ends in a plural ("legal minds",
 * "officials"). "The nation's top legal minds" praises a group, where "the
 * world's leading producer" claims a position that one holder can be
 * measured to hold; only "top" and "leading" read both ways ("the world's
 * largest banks" is still a rank). A plural is told by its ending alone,
 * which is enough for the head nouns that follow "top": "-ss", "-us" and
 * "-is" words are singular.
 */
function namesAGroup(scan: Scan, i: number): boolean {
  let head: string | undefined;
  for (let k = i; k < Math.min(scan.to, i + 4) && kindAt(scan, k) === WORD && !PHRASE_ENDS.has(scan.tokens.lower[k]!); k++) head = scan.tokens.lower[k];
  return head !== undefined && /[^su]s$/.test(head) && !head.endsWith('is');
}

/** Tokens outside the sentence read as missing. */
function lowerAt(scan: Scan, i: number): string | undefined {
  return i >= scan.from && i < scan.to ? scan.tokens.lower[i] : undefined;
}

function textAt(scan: Scan, i: number): string | undefined {
  return i >= scan.from && i < scan.to ? scan.tokens.text[i] : undefined;
}

function kindAt(scan: Scan, i: number): number | undefined {
  return i >= scan.from && i < scan.to ? scan.tokens.kind[i] : undefined;
}

/** The statistic a number starts: an amount, a percentage, a count, or none (a label, a setting, a year). */
function numberStatistic(scan: Scan, i: number): StatisticHit | undefined {
  const { tokens, to, lexicon, settings } = scan;
  const text = tokens.text[i]!;
  let start = i;
  let end = i + 1;
  let kind: StatisticKind | undefined;
  const prev = i - 1;
  const prevKind = kindAt(scan, prev);
  if (prevKind === PUNCT && CURRENCY_SYMBOLS.has(tokens.text[prev]!) && tokens.end[prev] === tokens.start[i]) {
    kind = 'money';
    start = i - 1;
    if (kindAt(scan, i - 2) === WORD && tokens.end[i - 2] === tokens.start[prev] && lexicon.currencyCodes.has(tokens.lower[i - 2]!)) start = i - 2;
  } else if (prevKind === WORD && lexicon.currencyCodes.has(tokens.lower[prev]!) && tokens.text[prev] === tokens.text[prev]!.toUpperCase() && tokens.lower[prev] !== 'us') {
    kind = 'money';
    start = i - 1;
  }
  if (kindAt(scan, end) === PUNCT && PERCENT_SIGNS.has(tokens.text[end]!)) {
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
    const magnitude = lowerAt(scan, end);
    if (magnitude !== undefined && lexicon.magnitudes.has(magnitude)) {
      kind ??= 'count';
      end++;
    }
    const currency = lowerAt(scan, end);
    // "in 2024 dollars" is a price basis, not an amount.
    if (currency !== undefined && lexicon.currencyWords.has(currency) && (kind !== undefined || (numericValue(text) >= 1 && !YEAR.test(text)))) {
      kind = 'money';
      end++;
    }
  }
  // "100%" is a whole ("may not sum to 100%") and "0%" a setting ("0% interest loans"), not measurements.
  if (kind === 'percent' && (numericValue(text) === 100 || numericValue(text) === 0)) return undefined;
  const lead = lowerAt(scan, start - 1) ?? '';
  if (kind === 'money' && (committedAmount(scan, start) || incomeBracket(scan, start))) return undefined;
  // "incomes of $500,000 or more", "not less than $5 million": a category boundary or a legal floor.
  const after = lowerAt(scan, end);
  if ((after === 'or' || after === 'and') && THRESHOLD_TAILS.has(lowerAt(scan, end + 1) ?? '')) return undefined;
  if (lead === 'than' && (lowerAt(scan, start - 2) === 'less' || lowerAt(scan, start - 2) === 'more') && NEGATORS.has(lowerAt(scan, start - 3) ?? '')) return undefined;
  // "AGI above $75,000": a bracket boundary.
  if (kind === 'money' && (lead === 'above' || lead === 'below' || lead === 'exceeding')) return undefined;
  // "$433.0 million requested for FY2026": a figure from the request itself.
  if (kind === 'money' && DOCUMENT_FIGURE_LEADS.has(after ?? '')) return undefined;
  if (kind === 'money' && (DOCUMENT_FIGURE_LEADS.has(lead) || lead === 'first' || lead === 'next')) return undefined;
  // "loans of up to $300,000": a ceiling set by a program.
  if (lead === 'to' && lowerAt(scan, start - 2) === 'up' && kind === 'money') return undefined;
  if (kind === 'percent' || kind === 'money') {
    const key = figureKey(scan, start, end);
    if (settings.has(key)) return undefined;
    if (isParameter(scan, start, end)) {
      settings.add(key);
      return undefined;
    }
    return { kind, start, end };
  }
  if (kind) return { kind, start, end };
  return bareCount(scan, i);
}

/** The figure as words, to recognise it when it comes again ("2 percent"). */
function figureKey(scan: Scan, start: number, end: number): string {
  const { tokens } = scan;
  let key = '';
  for (let k = start; k < end; k++) key += `${tokens.lower[k]!} `;
  return key;
}

/** An amount someone commits ("to invest an additional $17 billion"), found by stepping back over its modifiers. */
function committedAmount(scan: Scan, start: number): boolean {
  const { tokens, from, lexicon } = scan;
  let k = start - 1;
  while (k >= from && k >= start - 4 && AMOUNT_MODIFIERS.has(tokens.lower[k]!)) k--;
  return k >= from && lexicon.commitmentVerbs.has(tokens.lower[k]!);
}

/** An amount that bounds an income bracket ("families making less than $400,000"). */
function incomeBracket(scan: Scan, start: number): boolean {
  const { tokens, from, lexicon } = scan;
  for (let k = start - 1; k >= Math.max(from, start - 4); k--) {
    if (tokens.kind[k] === PUNCT) return false;
    if (lexicon.incomeWords.has(tokens.lower[k]!)) return true;
  }
  return false;
}

/** Whether the number at `i` is a percentage or amount that sets a rule (see {@link isParameter}). */
function parameterAt(scan: Scan, i: number): boolean {
  const { tokens } = scan;
  let start = i;
  if (kindAt(scan, i - 1) === PUNCT && CURRENCY_SYMBOLS.has(tokens.text[i - 1]!)) start = i - 1;
  let end = i + 1;
  if (kindAt(scan, end) === PUNCT && PERCENT_SIGNS.has(tokens.text[end]!)) end++;
  else if (lowerAt(scan, end) === 'percent') end++;
  else if (start === i) return false;
  return isParameter(scan, start, end);
}

/**
 * A figure that sets a rule rather than measures: "a 25% tariff", "an
 * annual $1,000 limit", "an inflation objective of 2 percent", "the tax
 * rate was cut from 46% to 34%".
 */
function isParameter(scan: Scan, start: number, end: number): boolean {
  const { tokens, from, to, lexicon } = scan;
  const before = lowerAt(scan, start - 1);
  if (before !== undefined && (DETERMINER_BEFORE_PARAMETER.has(before) || before.endsWith("'s") || before.endsWith('-run'))) {
    for (let k = end; k < Math.min(to, end + 3); k++) {
      if (tokens.kind[k] === PUNCT) break;
      if (lexicon.parameterNouns.has(tokens.lower[k]!)) return true;
    }
  }
  // The link ("of", "at", "to", "is") stands right before the figure, past "at least", "from 46% to" and the like…
  let link = start - 1;
  while (link >= from && start - link <= 5 && !PARAMETER_LINKS.has(tokens.lower[link]!)) {
    const word = tokens.text[link]!;
    const skippable = tokens.kind[link] === NUMBER || PERCENT_SIGNS.has(word) || CURRENCY_SYMBOLS.has(word) || LINK_FILLERS.has(tokens.lower[link]!);
    if (!skippable) return false;
    link--;
  }
  if (link < from || !PARAMETER_LINKS.has(tokens.lower[link]!)) return false;
  // …and the setting's name stands right before the link ("the corporate tax rate was cut from 46%", "rate cut (from 35%").
  for (let k = link - 1; k >= Math.max(from, link - 5); k--) {
    if (tokens.kind[k] === PUNCT && tokens.text[k] !== '(') break;
    const word = tokens.lower[k]!;
    if (lexicon.parameterHeads.has(word)) return true;
    if ((word === 'rate' || word === 'rates') && lexicon.settingRateModifiers.has(lowerAt(scan, k - 1) ?? '')) return true;
  }
  return false;
}

/** A number with no unit: a count when large, or when it counts things worth sourcing. */
function bareCount(scan: Scan, i: number): StatisticHit | undefined {
  const { sentence, tokens, lexicon } = scan;
  const text = tokens.text[i]!;
  // Style guides spell out a number that opens a sentence; one that does is a label or a split reference ("H.R. | 2372").
  if (YEAR.test(text) || YEAR_RANGE.test(text) || i === sentence.firstWord) return undefined;
  let p = i - 1;
  if (textAt(scan, p) === '.') p--;
  const prevText = textAt(scan, p);
  const prevKind = tokens.kind[p];
  if (prevText !== undefined) {
    if (prevKind === PUNCT && (prevText === '§' || prevText === '#' || prevText === '№')) return undefined;
    const prevLower = tokens.lower[p]!;
    const label = prevLower.replace(/\.$/, '');
    // "DODD 3000.09", "COVID 19": a code after an acronym.
    if (prevKind === WORD && isAcronym(prevText) && tokens.end[p]! + 1 >= tokens.start[i]!) return undefined;
    if (prevKind === WORD && (lexicon.identifierWords.has(prevLower) || lexicon.identifierWords.has(label) || AGE_WORDS.has(label))) {
      return undefined;
    }
  }
  const nextText = textAt(scan, i + 1);
  // Parts of dates, times and codes: "9:30", "5/12", "10-K".
  if (nextText !== undefined && tokens.kind[i + 1] === PUNCT && (nextText === ':' || nextText === '/') && tokens.start[i + 1] === tokens.end[i]) return undefined;
  if (prevText !== undefined && prevKind === PUNCT && (prevText === ':' || prevText === '/') && tokens.end[p] === tokens.start[i]) return undefined;
  const value = numericValue(text);
  if (!Number.isFinite(value)) return undefined;
  if (value >= 1000 && (text.includes(',') || text.replace(/\..*$/, '').length >= 5 || !YEAR.test(text))) {
    // A big count; but not a page or an identifier run together ("pp. 1200-1250").
    if (nextText !== undefined && tokens.kind[i + 1] === WORD && /^(?:bc|bce|ad|ce)$/.test(tokens.lower[i + 1]!)) return undefined;
    const noun = countNounAfter(scan, i + 1);
    return { kind: 'count', start: i, end: noun ?? i + 1 };
  }
  if (value >= 10 && !text.includes('.')) {
    const noun = countNounAfter(scan, i + 1);
    if (noun !== undefined) return { kind: 'count', start: i, end: noun };
  }
  return undefined;
}

/** End of a countable noun within three words after `k` ("330 intercontinental ballistic missiles"). */
function countNounAfter(scan: Scan, k: number): number | undefined {
  const { tokens, to, lexicon } = scan;
  for (let j = k; j < Math.min(to, k + 4); j++) {
    const kind = tokens.kind[j];
    if (kind === undefined || kind === PUNCT || tokens.quoted[j]) return undefined;
    if (kind === NUMBER) return undefined;
    const hit = lexicon.countNouns.matchAt(tokens, j, to);
    if (hit) return hit.end;
    if (j > k && /^(?:of|and|or|in|to|for|per|from|by|with|than|at|on)$/.test(tokens.lower[j]!)) return undefined;
  }
  return undefined;
}
