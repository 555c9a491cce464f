/**
 * Acronym uses and definitions per document, as the three acronym rules read
 * them: only the writer's own running text counts as a use (not headings,
 * quotations, cited titles, or the acronym inside its own definition).
 */
import { charClass, SPACE, UPPER } from '../document/chars';
import type { DocumentSet } from '../rules/rule';
import type { Finding, Severity } from '../types';
import { nameIndex, type DocDefinition, type DocMention, type DocumentNames } from './index';
import { CAPTION, CITATION, DEFINING, HEADING, QUOTED, TABLE_ROW } from './mentions';

/** One document's acronyms as the acronym rules read them. */
export interface AcronymUsage {
  /** Uses by key, in document order. */
  readonly uses: ReadonlyMap<string, readonly DocMention[]>;
  /** Definitions in running text by key, in document order. */
  readonly definitions: ReadonlyMap<string, readonly DocDefinition[]>;
  /** Keys defined anywhere, captions and notes included. */
  readonly definedAnywhere: ReadonlySet<string>;
}

/** Not running text: headings, quotations, cited titles, tables, captions, the definition itself. */
const NOT_A_USE = HEADING | QUOTED | CITATION | DEFINING | TABLE_ROW | CAPTION;
/** Definitions there stand alone by design (a caption repeats its acronyms) or are someone else's. */
const NOT_A_DEFINITION = HEADING | QUOTED | CITATION | TABLE_ROW | CAPTION;

const usage = new WeakMap<DocumentNames, AcronymUsage>();

/** The acronym uses and definitions of one document (memoised per index entry). */
export function acronymUsage(names: DocumentNames): AcronymUsage {
  const cached = usage.get(names);
  if (cached) return cached;
  const uses = new Map<string, DocMention[]>();
  for (const m of names.acronyms) {
    if (m.mention.flags & NOT_A_USE || citesReport(names.doc.text, m.end)) continue;
    const list = uses.get(m.mention.key);
    if (list) list.push(m);
    else uses.set(m.mention.key, [m]);
  }
  const definitions = new Map<string, DocDefinition[]>();
  const definedAnywhere = new Set<string>();
  for (const d of names.definitions) {
    definedAnywhere.add(d.definition.key);
    if (d.definition.flags & NOT_A_DEFINITION) continue;
    const list = definitions.get(d.definition.key);
    if (list) list.push(d);
    else definitions.set(d.definition.key, [d]);
  }
  const result = { uses, definitions, definedAnywhere };
  usage.set(names, result);
  return result;
}

/**
 * Whether the acronym names a publisher in a cross-reference ("see CRS Report
 * R46687", "GAO Report GAO-23-105"): a citation, not a use in the text.
 */
export function citesReport(text: string, end: number): boolean {
  // The pattern opens with white space and a capital, which most acronyms lack: checked in place first, so that
  // an edited draft's thousands of uses are not each sliced and matched again.
  const limit = Math.min(text.length, end + 40);
  let i = end;
  while (i < limit && charClass(text.charCodeAt(i)) & SPACE) i++;
  if (i === end || i === limit || !(charClass(text.charCodeAt(i)) & UPPER)) return false;
  return CITES_REPORT.test(text.slice(end, end + 40));
}

const CITES_REPORT = /^\s+(?:[A-Z][a-z]+\s+){1,2}[_*]*[A-Z]{0,4}-?\d/;

/** Folds a long form for comparison: case, hyphens, spacing, a leading "the", possessives, plurals, a year ("Act of 1986"). */
export function foldLongForm(long: string): string {
  return long
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+of\s+\d{4}$/, '')
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .map((word) => (word.length > 3 ? word.replace(/(?:ies)$/, 'y').replace(/(?<!s)s$/, '') : word))
    .join(' ');
}

/**
 * {@link foldLongForm} by long form: a draft's repeated definitions are
 * compared again on every edit. Bounded: cleared when full.
 */
const foldedLongForms = new Map<string, string>();
const FOLDED_LIMIT = 10_000;

function foldedLongForm(long: string): string {
  let folded = foldedLongForms.get(long);
  if (folded === undefined) {
    if (foldedLongForms.size >= FOLDED_LIMIT) foldedLongForms.clear();
    foldedLongForms.set(long, (folded = foldLongForm(long)));
  }
  return folded;
}

/** Whether two long forms define the same thing, one perhaps adding a word ("Protection and advocacy (system)"). */
export function sameLongForm(a: string, b: string): boolean {
  const fa = foldedLongForm(a);
  const fb = foldedLongForm(b);
  if (fa === fb) return true;
  const [short, long] = fa.length < fb.length ? [fa, fb] : [fb, fa];
  return long.startsWith(`${short} `) || long.endsWith(` ${short}`);
}

/**
 * A per-document acronym check with memory: the findings of each document
 * are kept with its entry in the name index, which an incrementally updated
 * index carries over for unchanged documents, so an edit re-checks only the
 * documents it touched. For checks that read nothing outside the document.
 */
export function perDocumentCheck(
  check: (names: DocumentNames, severity: Severity) => Finding[],
): (documents: DocumentSet, severity: Severity) => Map<string, Finding[]> {
  const previous = new WeakMap<DocumentNames, { readonly severity: Severity; readonly list: readonly Finding[] }>();
  return (documents, severity) => {
    const findings = new Map<string, Finding[]>();
    for (const names of nameIndex(documents).documents) {
      const cached = previous.get(names);
      const list = cached && cached.severity === severity ? cached.list : check(names, severity);
      if (list !== cached?.list) previous.set(names, { severity, list });
      if (list.length > 0) findings.set(names.doc.uri, [...list]);
    }
    return findings;
  };
}
