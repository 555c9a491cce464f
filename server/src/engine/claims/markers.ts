/**
 * Citation markers and "Source:" lines in a prose block. Markers come from
 * the document model (links, footnote references, bare URLs) and from the
 * text itself, for plain text and for Markdown written without footnote
 * syntax: "[1]", "[^note]", "(Smith 2021)", "(GAO, 2023)", "(P.L. 117-58)",
 * and the "[citation needed]" placeholder this linter's own fix inserts.
 *
 * Every expression here is linear: bounded repetitions or negated classes,
 * with no nested quantifiers that could backtrack.
 */
import type { ProseBlock } from '../document/model';
import type { OffsetRange } from '../types';

/** "[1]", "[1, 3]", "[2–4]", "[^note]", "[a12]", "[citation needed]", "[source]". */
const BRACKET_MARKER = /\[(?:\d{1,3}(?:\s?[,–-]\s?\d{1,3}){0,6}|\^[^\]\s]{1,40}|[a-z]{1,3}\d{1,3}|citation needed|cite|source|sources|ref|note \d{1,3})\]/gi;

/** A parenthesis with no nested parentheses, short enough to be a citation. */
const PARENTHESIS = /\(([^()\n]{2,120})\)/g;

/** An author-year citation inside a parenthesis: "Smith 2021", "GAO, 2023, p. 4", "see World Bank 2020a". */
const AUTHOR_YEAR = /^(?:see(?: also)? |e\.g\.,? |cf\. |for example,? )?(?:the )?\p{Lu}[\p{L}.&'’-]{0,40}(?:(?: |, ?)(?:and|&|et al\.?|of|for|the|on|\p{Lu}[\p{L}.&'’-]{0,40})){0,8},? (?:1[6-9]\d\d|20\d\d)[a-z]?(?:[,:;] ?[^()]{0,60})?$/u;

/** Legal citations: public laws, the U.S. Code, the CFR, sections, Statutes at Large, court reporters. */
const LEGAL_CITATION = /\b\d{1,3}[ _*]{1,3}(?:Federal Register|Fed\. Reg\.|FR)[ _*]{1,3}\d{1,6}|\b\d{4} WL \d{3,9}|\b\d{1,4} F\.(?: Supp\.)?(?: ?\dd)? \d{1,5}|\bP\.\s?L\.\s?\d{2,3}-\d{1,4}|\b\d{1,2}\s?U\.S\.C\.|\bU\.S\.C\.\s?§|\b\d{1,2}\s?C\.F\.R\.|§\s?\d|\b\d{1,3}\s?Stat\.\s?\d|\b\d{1,3}\s(?:U\.S\.|F\.\d?d|F\. Supp\.|S\. Ct\.)\s\d/;

/** The same legal citations, found anywhere in the text ("See 7 U.S.C. §2201."). */
const LEGAL_ANYWHERE = new RegExp(LEGAL_CITATION.source, 'g');
const HAS_DIGIT_OR_SECTION = /[0-9§]/;

/** First words of a parenthesis that make it a date or a period, not a citation ("(March 2021)", "(FY 2024)"). */
const NOT_AN_AUTHOR = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'in', 'by',
  'since', 'as', 'from', 'through', 'until', 'before', 'after', 'during', 'fy', 'fiscal', 'effective', 'est',
  'approx', 'circa', 'ca', 'updated', 'revised', 'enacted', 'version', 'ended', 'ending', 'beginning', 'starting',
  'spring', 'summer', 'fall', 'autumn', 'winter', 'q1', 'q2', 'q3', 'q4', 'first', 'second', 'third', 'fourth',
  'calendar', 'cy', 'year', 'born', 'died', 'founded', 'established', 'also', 'the', 'then', 'now', 'up',
  'down', 'about', 'around', 'over', 'under', 'between', 'at', 'on', 'for', 'of', 'to', 'and', 'or', 'both',
]);

/** A line of the block that opens with "Source:", "Sources:", "Data source:" and the like. */
const SOURCE_LINE = /(?:^|\n)[ \t>*_]{0,12}(?:data sources?|sources? and notes?|notes? and sources?|sources?)[ \t*_]{0,4}:/i;
/** The same, only at the start of the block. */
const STARTS_WITH_SOURCE = /^[ \t>*_]{0,12}(?:data sources?|sources? and notes?|notes? and sources?|sources?)[ \t*_]{0,4}:/i;

/** A citation marker; `trailing` ones ("[3]", a footnote reference) may follow the sentence they cite. */
export interface CitationMarker {
  readonly range: OffsetRange;
  readonly trailing: boolean;
}

/** Whether a parenthesis holds a citation. */
export function isCitationParenthesis(inner: string): boolean {
  if (LEGAL_CITATION.test(inner)) return true;
  const trimmed = inner.trim();
  if (!AUTHOR_YEAR.test(trimmed)) return false;
  const first = trimmed.replace(/^(?:see(?: also)?|e\.g\.,?|cf\.|for example,?)\s+/i, '').split(/[\s,]/)[0]!.toLowerCase();
  return !NOT_AN_AUTHOR.has(first.replace(/\.$/, ''));
}

/**
 * Ranges (relative to the block's prose) of every citation marker in the
 * block, sorted by start. Anchors within the page ("#section") and mail
 * links are navigation, not sources. A link's range covers its brackets,
 * which the prose masks, so it may start just before the sentence it cites.
 */
export function citationRanges(block: ProseBlock): CitationMarker[] {
  const ranges: CitationMarker[] = [];
  const base = block.range[0];
  for (const inline of block.inlines) {
    const cites =
      inline.kind === 'footnoteReference' ||
      inline.kind === 'url' ||
      (inline.kind === 'link' && inline.url !== undefined && !inline.url.startsWith('#') && !inline.url.startsWith('mailto:'));
    if (cites) ranges.push({ range: [inline.range[0] - base, inline.range[1] - base], trailing: inline.kind === 'footnoteReference' });
  }
  const prose = block.prose;
  BRACKET_MARKER.lastIndex = 0;
  for (let m = BRACKET_MARKER.exec(prose); m !== null; m = BRACKET_MARKER.exec(prose)) ranges.push({ range: [m.index, m.index + m[0].length], trailing: true });
  // Every legal citation holds a digit or "§"; the search for one is far cheaper than trying the citation pattern at each place.
  if (HAS_DIGIT_OR_SECTION.test(prose)) {
    LEGAL_ANYWHERE.lastIndex = 0;
    for (let m = LEGAL_ANYWHERE.exec(prose); m !== null; m = LEGAL_ANYWHERE.exec(prose)) {
      ranges.push({ range: [m.index, m.index + m[0].length], trailing: true });
    }
  }
  if (prose.includes('(')) {
    PARENTHESIS.lastIndex = 0;
    for (let m = PARENTHESIS.exec(prose); m !== null; m = PARENTHESIS.exec(prose)) {
      if (isCitationParenthesis(m[1]!)) ranges.push({ range: [m.index, m.index + m[0].length], trailing: true });
    }
  }
  return ranges.sort((a, b) => a.range[0] - b.range[0]);
}

/** Whether the block holds a "Source:" line, which credits everything in it. */
export function hasSourceLine(prose: string): boolean {
  // Most paragraphs have no "source" at all; a plain search rules them out before the line pattern runs.
  return /ource/i.test(prose) && SOURCE_LINE.test(prose);
}

/** Whether the block opens with "Source:", which credits the block before it (a table, a figure, a list of figures). */
export function isSourceLine(prose: string): boolean {
  return STARTS_WITH_SOURCE.test(prose);
}

/** Whether the block opens with "Note:" or "Notes:", which may stand between a figure and its source line. */
export function isNoteLine(prose: string): boolean {
  return /^[ \t>*_]{0,12}notes?[ \t*_]{0,4}:/i.test(prose);
}

/**
 * Whether each sentence of a block is cited, asked in order: a marker in the
 * sentence, or between it and the next one ("…end. [3] Next…").
 */
export class CitationCursor {
  private next = 0;

  /** `markers` as {@link citationRanges} gives them, sorted by start. */
  constructor(private readonly markers: readonly CitationMarker[]) {}

  /** Whether the sentence `[start, end)`, followed by the next one at `nextStart`, is cited; sentences are asked in order. */
  cited(start: number, end: number, nextStart: number): boolean {
    const markers = this.markers;
    while (this.next < markers.length && markers[this.next]!.range[1] <= start) this.next++;
    for (let k = this.next; k < markers.length; k++) {
      const { range: [s, e], trailing } = markers[k]!;
      if (s > nextStart) return false;
      if ((s < end && e > start) || (trailing && s >= end)) return true;
    }
    return false;
  }
}
