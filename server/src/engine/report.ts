/**
 * The consistency report of a document set: every name written more than
 * one way (with each form's count and first use), every acronym with its
 * definitions, and the groups of repeated paragraphs. It is the whole
 * picture behind the name and repeat findings, computed by the same code the
 * rules use, so the report and the Problems view never disagree.
 */
import { DEFAULT_CONFIG, type LintConfig } from './config';
import { lineNumberAt } from './document/lines';
import type { ParsedDocument, ProseBlock } from './document/model';
import { parseDocument } from './document/parse';
import { oneLine, variantForms, type Form } from './names/consistency';
import { nameIndex, type DocMention } from './names/index';
import type { CopyKind } from './repeats/analyze';
import { analyzeRepeats } from './repeats/set-analysis';
import type { ParagraphSummary } from './repeats/summary';
import { nameGroups } from './rules/inconsistent-name';
import { spellingGroups } from './rules/inconsistent-spelling';
import { summarizeDocument, type DocumentSummary } from './summary';
import type { OffsetRange, SourceDocument } from './types';

/** A place in the set, with its 1-based line for display. */
export interface ReportLocation {
  readonly uri: string;
  readonly range: OffsetRange;
  readonly line: number;
}

/** One form of a name and how often it is used. */
export interface ReportForm {
  readonly text: string;
  readonly count: number;
  readonly first: ReportLocation;
}

/** A name (or word) written more than one way. */
export interface ReportName {
  readonly rule: 'inconsistent-name' | 'inconsistent-spelling';
  readonly preferred: ReportForm;
  /** Whether the preferred form comes from `names.preferred`. */
  readonly configured: boolean;
  /** The other forms, most used first. */
  readonly variants: readonly ReportForm[];
}

/** An acronym defined somewhere in the set. */
export interface ReportAcronym {
  readonly acronym: string;
  /** Distinct long forms, each at its first definition; more than one is an inconsistency. */
  readonly definitions: readonly { readonly long: string; readonly at: ReportLocation }[];
  /** Uses of the acronym in the set, definitions excluded. */
  readonly uses: number;
}

/** One paragraph of a repeat group. */
export interface ReportCopy {
  readonly at: ReportLocation;
  /** How it relates to the earlier copy it was matched with; `first` for the earliest. */
  readonly kind: CopyKind | 'first';
  /** Similarity or containment, 0–1. */
  readonly score: number;
}

/** Paragraphs that are copies of each other, earliest first. */
export interface ReportRepeatGroup {
  readonly excerpt: string;
  readonly copies: readonly ReportCopy[];
}

export interface ConsistencyReport {
  readonly files: number;
  readonly names: readonly ReportName[];
  readonly acronyms: readonly ReportAcronym[];
  readonly repeats: readonly ReportRepeatGroup[];
}

function locate(doc: Pick<ParsedDocument, 'uri' | 'lineStarts'>, range: OffsetRange): ReportLocation {
  return { uri: doc.uri, range, line: lineNumberAt(doc.lineStarts, range[0]) };
}

function reportForm(form: Form): ReportForm {
  const first = form.mentions[0]!;
  return { text: oneLine(form.text), count: form.mentions.length, first: locate(first.doc, [first.start, first.end]) };
}

function names(ordered: readonly DocumentSummary[], config: LintConfig): ReportName[] {
  const index = nameIndex(ordered);
  const out: ReportName[] = [];
  const add = (rule: ReportName['rule'], groups: Iterable<readonly DocMention[]>): void => {
    for (const group of groups) {
      const found = variantForms(group, config);
      if (!found) continue;
      const variants = [...found.others].sort((a, b) => b.mentions.length - a.mentions.length).map(reportForm);
      out.push({ rule, preferred: reportForm(found.preferred), configured: found.configured, variants });
    }
  };
  add('inconsistent-name', nameGroups(index));
  add('inconsistent-spelling', spellingGroups(index));
  const total = (name: ReportName): number => name.preferred.count + name.variants.reduce((sum, v) => sum + v.count, 0);
  return out.sort((a, b) => total(b) - total(a) || a.preferred.text.localeCompare(b.preferred.text));
}

function acronyms(ordered: readonly DocumentSummary[]): ReportAcronym[] {
  const index = nameIndex(ordered);
  const byKey = new Map<string, { acronym: string; definitions: { long: string; at: ReportLocation }[] }>();
  for (const names of index.documents) {
    for (const d of names.definitions) {
      let entry = byKey.get(d.definition.key);
      if (!entry) byKey.set(d.definition.key, (entry = { acronym: d.definition.acronym, definitions: [] }));
      const long = oneLine(d.definition.long);
      if (!entry.definitions.some((x) => x.long.toLowerCase() === long.toLowerCase())) {
        entry.definitions.push({ long, at: locate(d.doc, [d.start, d.end]) });
      }
    }
  }
  const uses = new Map<string, number>();
  for (const names of index.documents) {
    for (const m of names.mentions) if (byKey.has(m.mention.key)) uses.set(m.mention.key, (uses.get(m.mention.key) ?? 0) + 1);
  }
  return [...byKey.entries()]
    .map(([key, entry]) => ({ ...entry, uses: uses.get(key) ?? 0 }))
    .sort((a, b) => a.acronym.localeCompare(b.acronym));
}

const EXCERPT_WORDS = 24;

function excerpt(block: ProseBlock): string {
  const words = block.prose.replace(/\uFFFC/g, ' ').trim().split(/\s+/);
  return words.length > EXCERPT_WORDS ? `${words.slice(0, EXCERPT_WORDS).join(' ')} …` : words.join(' ');
}

function repeats(ordered: readonly DocumentSummary[], config: LintConfig, prose: (uri: string, block: ParagraphSummary) => ProseBlock): ReportRepeatGroup[] {
  const order = new Map(ordered.map((doc, i) => [doc, i]));
  const id = (doc: DocumentSummary, block: ParagraphSummary): string => `${order.get(doc)}\u0000${block.range[0]}`;
  // Union-find over paragraphs: a copy of a copy belongs to the same group.
  const parent = new Map<string, string>();
  const members = new Map<string, { doc: DocumentSummary; block: ParagraphSummary; kind: CopyKind | 'first'; score: number }>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const add = (doc: DocumentSummary, block: ParagraphSummary, kind: CopyKind | 'first', score: number): string => {
    const key = id(doc, block);
    if (!parent.has(key)) parent.set(key, key);
    const known = members.get(key);
    if (!known || known.kind === 'first') members.set(key, { doc, block, kind, score });
    return key;
  };
  for (const repeat of analyzeRepeats(ordered, config).paragraphs) {
    const best = repeat.earlier[0];
    if (!best) continue;
    const later = add(repeat.doc, repeat.block, best.kind, best.score);
    for (const copy of repeat.earlier) {
      const earlier = add(copy.doc, copy.block, 'first', 1);
      parent.set(find(later), find(earlier));
    }
  }
  const groups = new Map<string, { doc: DocumentSummary; block: ParagraphSummary; kind: CopyKind | 'first'; score: number }[]>();
  for (const [key, member] of members) {
    const root = find(key);
    const list = groups.get(root);
    if (list) list.push(member);
    else groups.set(root, [member]);
  }
  const position = (m: { doc: DocumentSummary; block: ParagraphSummary }): [number, number] => [order.get(m.doc)!, m.block.range[0]];
  return [...groups.values()]
    .map((list) => {
      list.sort((a, b) => position(a)[0] - position(b)[0] || position(a)[1] - position(b)[1]);
      return {
        excerpt: excerpt(prose(list[0]!.doc.uri, list[0]!.block)),
        copies: list.map((m, i) => ({ at: locate(m.doc, m.block.range), kind: i === 0 ? 'first' : m.kind === 'first' ? 'identical' : m.kind, score: i === 0 ? 1 : m.score })),
      } satisfies ReportRepeatGroup;
    })
    .sort((a, b) => b.copies.length - a.copies.length || a.copies[0]!.at.uri.localeCompare(b.copies[0]!.at.uri) || a.copies[0]!.at.range[0] - b.copies[0]!.at.range[0]);
}

/** Builds the consistency report of `documents` (compared in uri order, as the linter does). */
export function consistencyReport(documents: readonly SourceDocument[], config: LintConfig = DEFAULT_CONFIG): ConsistencyReport {
  const parsed = documents.map(parseDocument).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const ordered = parsed.map(summarizeDocument);
  // Summaries keep a paragraph's place, not its prose; the excerpt reads the parsed block there.
  const byUri = new Map(parsed.map((doc): [string, ParsedDocument] => [doc.uri, doc]));
  const prose = (uri: string, block: ParagraphSummary): ProseBlock => byUri.get(uri)!.prose.find((b) => b.range[0] === block.range[0])!;
  return { files: ordered.length, names: names(ordered, config), acronyms: acronyms(ordered), repeats: repeats(ordered, config, prose) };
}

/** How the Markdown rendering names and links places. */
export interface ReportRendering {
  /** A short name for a document ("drafts/brief.md"). */
  readonly label: (uri: string) => string;
  /** A link target opening `uri` at `line` (1-based). */
  readonly link: (uri: string, line: number) => string;
  /** At most this many repeat groups and names are listed; the rest are counted. */
  readonly limit?: number;
}

/** Text safe inside a Markdown table cell or link label. */
function cell(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

function place(at: ReportLocation, r: ReportRendering): string {
  return `[${cell(r.label(at.uri))}:${at.line}](<${r.link(at.uri, at.line)}>)`;
}

const KIND_WORDS: Record<CopyKind | 'first', string> = {
  first: 'first',
  identical: 'identical',
  similar: 'near copy',
  contained: 'contained in the first',
  contains: 'contains the first',
};

/** Renders the report as a Markdown document, for a preview in the editor. */
export function renderConsistencyReport(report: ConsistencyReport, r: ReportRendering): string {
  const limit = r.limit ?? 200;
  const out: string[] = ['# policylint consistency report', ''];
  const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  out.push(
    `${count(report.files, 'file', 'files')}: ${count(report.names.length, 'name', 'names')} written more than one way, ` +
      `${count(report.acronyms.length, 'acronym', 'acronyms')} defined, ${count(report.repeats.length, 'group', 'groups')} of repeated paragraphs.`,
    '',
  );

  out.push('## Names written more than one way', '');
  if (report.names.length === 0) out.push('None: every name is written one way.', '');
  else {
    out.push('| Preferred form | Other forms | Kind |', '|---|---|---|');
    for (const name of report.names.slice(0, limit)) {
      const preferred = `**${cell(name.preferred.text)}** (${name.preferred.count}×, first ${place(name.preferred.first, r)})${name.configured ? ' — `names.preferred`' : ''}`;
      const variants = name.variants.map((v) => `${cell(v.text)} (${v.count}×, first ${place(v.first, r)})`).join('<br>');
      out.push(`| ${preferred} | ${variants} | ${name.rule === 'inconsistent-name' ? 'name' : 'spelling'} |`);
    }
    if (report.names.length > limit) out.push('', `… and ${report.names.length - limit} more.`);
    out.push('');
  }

  out.push('## Acronyms', '');
  if (report.acronyms.length === 0) out.push('No acronym is defined ("Full Name (ACR)") in these files.', '');
  else {
    out.push('| Acronym | Defined as | Uses |', '|---|---|---|');
    for (const a of report.acronyms.slice(0, limit)) {
      const definitions = a.definitions.map((d) => `${cell(d.long)} (${place(d.at, r)})`).join('<br>');
      const warning = a.definitions.length > 1 ? ' ⚠ defined more than one way' : '';
      out.push(`| ${cell(a.acronym)} | ${definitions}${warning} | ${a.uses} |`);
    }
    if (report.acronyms.length > limit) out.push('', `… and ${report.acronyms.length - limit} more.`);
    out.push('');
  }

  out.push('## Repeated paragraphs', '');
  if (report.repeats.length === 0) out.push('None.', '');
  for (const [i, group] of report.repeats.slice(0, limit).entries()) {
    out.push(`### ${i + 1}. ${group.copies.length} copies`, '', `> ${cell(group.excerpt)}`, '');
    for (const copy of group.copies) {
      const score = copy.kind === 'first' || copy.kind === 'identical' ? '' : ` (${Math.round(copy.score * 100)}%)`;
      out.push(`- ${place(copy.at, r)}: ${KIND_WORDS[copy.kind]}${score}`);
    }
    out.push('');
  }
  if (report.repeats.length > limit) out.push(`… and ${report.repeats.length - limit} more groups.`, '');
  return out.join('\n');
}
