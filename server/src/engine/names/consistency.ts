/**
 * One entity written in several forms: choosing the preferred form and
 * writing the findings, fixes and related locations. Shared by
 * `inconsistent-name` and `inconsistent-spelling`, which differ only in the
 * mentions they read and the words of their messages.
 */
import type { LintConfig } from '../config';
import { lineNumberAt } from '../document/lines';
import type { DocumentRef } from '../document/model';
import type { Finding, Fix, RelatedLocation, Severity, TextEdit } from '../types';
import { changedSince, compareMentions, type DocMention, type NameIndex } from './index';
import { ACRONYM_COMPOUND, HEADING, NOT_OWN, SENTENCE_INITIAL, WITH_DIGITS, type Mention } from './mentions';
import { matchCase } from './normalize';
import { confusableKnownNames } from './tables';

/** One form of an entity and where it is written. */
export interface Form {
  /** What is compared (see {@link Mention.form}). */
  readonly form: string;
  /** How the form reads, from its first use ("U.S.", "cease-fire"). */
  readonly text: string;
  readonly mentions: DocMention[];
}

/**
 * Mentions that are the writer's own form: not quoted, not a cited title, not
 * inside a fixed compound of acronyms, not a designation with digits ("PS-30").
 */
export function ownMentions(group: readonly DocMention[]): DocMention[] {
  return group.filter((m) => (m.mention.flags & (NOT_OWN | ACRONYM_COMPOUND)) === 0 && !(m.mention.kind === 'acronym' && m.mention.flags & WITH_DIGITS));
}

/**
 * Groups mentions by form. A capital that only the sentence start or a
 * heading put there says nothing about the form, so such a mention joins the
 * form it matches apart from case ("Nato" opening a sentence beside "NATO"
 * elsewhere is not counted as "Nato").
 */
export function formsOf(group: readonly DocMention[]): Form[] {
  const forms = new Map<string, Form>();
  const deferred: DocMention[] = [];
  for (const m of group) {
    const unreliable = (m.mention.kind === 'name' || m.mention.kind === 'acronym') && (m.mention.flags & (SENTENCE_INITIAL | HEADING)) !== 0;
    if (unreliable) {
      deferred.push(m);
      continue;
    }
    const form = forms.get(m.mention.form);
    if (form) form.mentions.push(m);
    else forms.set(m.mention.form, { form: m.mention.form, text: displayText(m.mention), mentions: [m] });
  }
  for (const m of deferred) {
    const lower = m.mention.form.toLowerCase();
    const match = forms.get(m.mention.form) ?? [...forms.values()].find((form) => form.form.toLowerCase() === lower);
    if (match) match.mentions.push(m);
    else {
      const form = forms.get(m.mention.form);
      if (form) form.mentions.push(m);
      else forms.set(m.mention.form, { form: m.mention.form, text: displayText(m.mention), mentions: [m] });
    }
  }
  const list = [...forms.values()];
  for (const form of list) form.mentions.sort(compareMentions);
  return list;
}

function displayText(mention: Mention): string {
  if (mention.kind === 'spelling') return mention.variants?.[mention.form] ?? mention.text.toLowerCase();
  return mention.text;
}

/**
 * The form to keep: the configured one (`names.preferred`), else the most
 * frequent, ties going to the one used first.
 */
export function preferredForm(forms: readonly Form[], config: LintConfig): { form: Form; configured: boolean } {
  const preferred = config.names.preferred;
  for (const wanted of preferred) {
    const exact = forms.find((f) => f.text === wanted || f.mentions.some((m) => m.mention.text === wanted));
    if (exact) return { form: exact, configured: true };
  }
  for (const wanted of preferred) {
    const lower = wanted.toLowerCase();
    const loose = forms.find((f) => f.text.toLowerCase() === lower);
    if (loose) return { form: loose, configured: true };
  }
  const sorted = [...forms].sort((a, b) => b.mentions.length - a.mentions.length || compareMentions(a.mentions[0]!, b.mentions[0]!));
  return { form: sorted[0]!, configured: false };
}

/**
 * Whether two forms differ only by capitals that say nothing about the name:
 * a word shouted in capitals ("AMERICA" beside "America"), or a long word
 * whose usual form is capitals in headings ("CRITICAL"). Only a short
 * acronym written in lower case ("Nato" beside "NATO") is a real variant.
 */
export function typographicCase(form: string, preferred: Form): boolean {
  const target = preferred.text;
  if (form.toLowerCase() !== target.toLowerCase() || form === target) return false;
  const upper = (s: string): boolean => s === s.toUpperCase();
  if (upper(form) && !upper(target)) return true;
  if (upper(target) && !upper(form)) {
    // An acronym is established by use ("NATO" again and again); one "SHIELD" beside a "Dalkon Shield" is not.
    const letters = form.replace(/[^\p{L}]/gu, '');
    return letters.length > 6 || preferred.mentions.length < 3 || confusableKnownNames().has(letters.toLowerCase());
  }
  return false;
}

/**
 * Whether two forms of a compound differ only as a noun and its modifier:
 * "health care" (the noun) and "health-care policy" (hyphenated before a
 * noun) are both right; only the closed form competes with either.
 */
export function modifierHyphen(form: string, preferred: string): boolean {
  return (form === 'hyphen' && preferred === 'space') || (form === 'space' && preferred === 'hyphen');
}

/** Whether `names.distinct` says two forms are different entities. */
export function declaredDistinct(config: LintConfig, a: string, b: string): boolean {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return config.names.distinct.some((group) => {
    const lower = group.map((s) => s.toLowerCase());
    return lower.includes(la) && lower.includes(lb);
  });
}

/** The file name of a uri or path, for messages ("brief.md"). */
export function baseName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || uri;
}

/** "line 4" in the same document, "line 4 of brief.md" in another. */
export function where(doc: DocumentRef, offset: number, from: DocumentRef): string {
  const line = lineNumberAt(doc.lineStarts, offset);
  return doc === from ? `line ${line}` : `line ${line} of ${baseName(doc.uri)}`;
}

/** A count as messages write it ("2×"). */
export function times(count: number): string {
  return `${count}×`;
}

/** The text that replaces `m` to write it in the preferred form. */
export function replacementFor(m: DocMention, preferred: Form): { range: readonly [number, number]; text: string } {
  const mention = m.mention;
  if (mention.kind === 'spelling') {
    const target = mention.variants?.[preferred.form] ?? preferred.text;
    return { range: [m.start, m.end], text: matchCase(mention.text, target) };
  }
  if (mention.kind === 'person') {
    // Only the given name changes ("Mike" → "Michael"); middle initials stay.
    const model = preferred.mentions[0]!.mention;
    const given = model.text.slice(0, model.givenEnd! - model.start);
    const offset = m.start - mention.start;
    return { range: [offset + mention.givenStart!, offset + mention.givenEnd!], text: given };
  }
  let text = preferred.text;
  let end = m.end;
  const doc = m.doc.text;
  // "in the US." → "in the U.S." must not end in "..", and "the U.S." ending a sentence keeps its full stop.
  if (text.endsWith('.') && doc[end] === '.') end++;
  else if (mention.text.endsWith('.') && !text.endsWith('.') && endsSentence(doc, end)) text += '.';
  return { range: [m.start, end], text };
}

function endsSentence(text: string, end: number): boolean {
  const rest = text.slice(end, end + 3);
  return rest === '' || /^(?:\s*$|\s+[\p{Lu}"“(]|\s*\n)/u.test(rest) || /^["”’)]/.test(rest);
}

/** What differs between the two consistency rules: their words and how safe their fixes are. */
export interface ConsistencyWording {
  /** Sentence for a form differing from the preferred one. */
  message(here: string, others: string, scope: string, preferred: string, configured: boolean, mention: DocMention): string;
  /** Whether "Change to" may be applied without review. */
  safe(mention: Mention): boolean;
  /** Whether the forms may name different things, so that "These are different names" (`names.distinct`) is offered. */
  readonly distinct: boolean;
}

/** An entity written inconsistently: its forms, the one to keep, and the ones to report. */
export interface VariantForms {
  /** The writer's own mentions (see {@link ownMentions}). */
  readonly own: readonly DocMention[];
  readonly forms: readonly Form[];
  readonly preferred: Form;
  /** Whether `preferred` comes from `names.preferred`. */
  readonly configured: boolean;
  /** The forms reported as variants: never empty. */
  readonly others: readonly Form[];
}

/**
 * The forms of one group of mentions, or undefined when nothing in it is an
 * inconsistency (one form, or only forms that are not variants of the
 * preferred one: declared distinct, shouted capitals, a modifier's hyphen).
 */
export function variantForms(group: readonly DocMention[], config: LintConfig): VariantForms | undefined {
  const own = ownMentions(group);
  const forms = formsOf(own);
  if (forms.length < 2) return undefined;
  const { form: preferred, configured } = preferredForm(forms, config);
  const others = forms.filter(
    (f) =>
      f !== preferred &&
      !declaredDistinct(config, f.text, preferred.text) &&
      !typographicCase(f.text, preferred) &&
      !modifierHyphen(f.form, preferred.form),
  );
  return others.length === 0 ? undefined : { own, forms, preferred, configured, others };
}

const fingerprints = new WeakMap<LintConfig, string>();

/**
 * The configuration as a string, for memos that must survive runs: the
 * language server builds a new configuration object for every run, so
 * object identity would never match.
 */
export function configFingerprint(config: LintConfig): string {
  let fingerprint = fingerprints.get(config);
  if (fingerprint === undefined) fingerprints.set(config, (fingerprint = JSON.stringify(config)));
  return fingerprint;
}

/** A group's findings from an earlier run, valid while the group array, the rule, the configuration and the severity are the same. */
interface GroupFindings {
  readonly ruleId: string;
  readonly config: string;
  readonly severity: Severity;
  readonly found: readonly (readonly [uri: string, findings: readonly Finding[]])[];
}

/**
 * One entry per group, not a map by rule: each group is judged by one rule
 * (names and spellings are apart), and with thousands of groups kept a small
 * map each would weigh more than the findings.
 */
const groupFindings = new WeakMap<readonly DocMention[], GroupFindings>();
/** The findings of the many groups that have none. */
const NO_FINDINGS: GroupFindings['found'] = [];

/** A group's verdict from an earlier run, valid while the group array, the rule and the configuration are the same. */
interface GroupVerdict {
  readonly ruleId: string;
  readonly config: string;
  readonly variants: readonly VariantForms[];
}

/** Verdicts of groups whose mentions may have moved since (see {@link memoisedGroup}). */
const groupVerdicts = new WeakMap<readonly DocMention[], GroupVerdict>();
/** The verdict of the many groups written one way. */
const CONSISTENT: readonly VariantForms[] = [];

/**
 * A rule's judgement of one group (the key it is filed under, its mentions):
 * its inconsistent parts. A module-level function rather than a closure per
 * group, since the name rules walk every key of the index on every run.
 */
export type GroupJudge = (key: string, group: readonly DocMention[], config: LintConfig) => readonly (VariantForms | undefined)[];

/** Reports each inconsistent part; says whether there was one. */
function reportAll(ruleId: string, severity: Severity, variants: readonly (VariantForms | undefined)[], wording: ConsistencyWording, into: Map<string, Finding[]>): boolean {
  let reported = false;
  for (const found of variants) {
    if (!found) continue;
    reportVariants(ruleId, severity, found, wording, into);
    reported = true;
  }
  return reported;
}

/**
 * Writes the findings of `group` into `out`: `judge` gives its inconsistent
 * parts (from the mentions' words only), {@link reportVariants} places them.
 * An incrementally updated name index keeps the arrays of groups no change
 * touched, so an edit re-judges only the groups it touched: with
 * `index.carriesOver` their findings are kept, and a group that only moved
 * (`index.moved`) keeps its verdict and is placed again;
 * with only `index.keepsGroups` (a one-document draft, whose mentions move
 * in place) their verdicts are, and only the few inconsistent groups are
 * placed again. The verdict reads no position but the order of mentions,
 * which a move keeps.
 */
export function memoisedGroup(
  ruleId: string,
  severity: Severity,
  config: LintConfig,
  key: string,
  group: readonly DocMention[],
  judge: GroupJudge,
  wording: ConsistencyWording,
  out: Map<string, Finding[]>,
  index: Pick<NameIndex, 'carriesOver' | 'keepsGroups' | 'moved'>,
): boolean {
  if (index.carriesOver) {
    let cached = groupFindings.get(group);
    const fingerprint = configFingerprint(config);
    // A moved group's findings hold the positions before the edit; its verdict holds.
    if (!cached || cached.ruleId !== ruleId || cached.config !== fingerprint || cached.severity !== severity || index.moved?.has(group)) {
      const local = new Map<string, Finding[]>();
      reportAll(ruleId, severity, memoisedVerdict(ruleId, fingerprint, config, key, group, judge, index.moved), wording, local);
      cached = { ruleId, config: fingerprint, severity, found: local.size === 0 ? NO_FINDINGS : [...local] };
      groupFindings.set(group, cached);
    }
    for (const [uri, findings] of cached.found) {
      const list = out.get(uri);
      if (list) list.push(...findings);
      else out.set(uri, [...findings]);
    }
    return cached.found.length > 0;
  }
  if (!index.keepsGroups) return reportAll(ruleId, severity, judge(key, group, config), wording, out);
  return reportAll(ruleId, severity, memoisedVerdict(ruleId, configFingerprint(config), config, key, group, judge, undefined), wording, out);
}

/** The keys a rule reported at its last walk of an index's map (see {@link walkGroups}), in the map's order. */
interface GroupWalk {
  readonly generation: number | undefined;
  readonly config: string;
  readonly severity: Severity;
  readonly reported: readonly string[];
}

/** By index map, per rule: an index patched in place keeps its map. */
const walks = new WeakMap<ReadonlyMap<string, readonly DocMention[]>, Map<string, GroupWalk>>();
/** Where each key stands in an index map, made when first needed: a patch in place keeps every key's place. */
const keyOrders = new WeakMap<ReadonlyMap<string, readonly DocMention[]>, ReadonlyMap<string, number>>();

function keyOrder(byKey: ReadonlyMap<string, readonly DocMention[]>): ReadonlyMap<string, number> {
  let order = keyOrders.get(byKey);
  if (!order) {
    const made = new Map<string, number>();
    for (const key of byKey.keys()) made.set(key, made.size);
    keyOrders.set(byKey, (order = made));
  }
  return order;
}

/**
 * Runs {@link memoisedGroup} over the groups of `index` that `eligible`
 * admits, for rule `ruleId`. When the index is the one the rule walked last
 * (unchanged) or the next generation of it patched in place (see
 * {@link NameIndex.patchedKeys}), only the keys patched and the keys the
 * rule reported last time are visited, in the map's order as a full walk
 * visits them: every other group is the same array, so its verdict holds,
 * and a group found consistent reports nothing wherever its mentions moved.
 * An edit of a 2 MB draft patches a few of its tens of thousands of keys,
 * and visiting them all cost about 2 ms per rule on every keystroke.
 */
export function walkGroups(
  ruleId: string,
  severity: Severity,
  config: LintConfig,
  index: NameIndex,
  eligible: (group: readonly DocMention[]) => boolean,
  judge: GroupJudge,
  wording: ConsistencyWording,
  out: Map<string, Finding[]>,
): void {
  const byKey = index.byKey;
  const fingerprint = configFingerprint(config);
  let perRule = walks.get(byKey);
  if (!perRule) walks.set(byKey, (perRule = new Map()));
  const last = perRule.get(ruleId);
  const reported: string[] = [];
  const visit = (group: readonly DocMention[] | undefined, key: string): void => {
    if (group && eligible(group) && memoisedGroup(ruleId, severity, config, key, group, judge, wording, out, index)) reported.push(key);
  };
  const changed = last && last.config === fingerprint && last.severity === severity ? changedSince(index, last.generation) : undefined;
  if (last && changed) {
    let keys = last.reported;
    if (changed.size > 0) {
      const order = keyOrder(byKey);
      keys = [...new Set([...keys, ...changed])].sort((a, b) => order.get(a)! - order.get(b)!);
    }
    for (const key of keys) visit(byKey.get(key), key);
  } else {
    // forEach rather than for-of: no entry pair made for each of the index's keys.
    byKey.forEach(visit);
  }
  perRule.set(ruleId, { generation: index.generation, config: fingerprint, severity, reported });
}

/** Whether a memoised verdict was made by `ruleId` under the configuration with `fingerprint`. */
function holds(verdict: GroupVerdict | undefined, ruleId: string, fingerprint: string): verdict is GroupVerdict {
  return verdict !== undefined && verdict.ruleId === ruleId && verdict.config === fingerprint;
}

/**
 * The inconsistent parts of `group`, judged once per group array; a group
 * that only moved (`moved`, see {@link NameIndex.moved}) takes its old
 * array's verdict.
 */
function memoisedVerdict(
  ruleId: string,
  fingerprint: string,
  config: LintConfig,
  key: string,
  group: readonly DocMention[],
  judge: GroupJudge,
  moved: NameIndex['moved'],
): readonly VariantForms[] {
  let verdict = groupVerdicts.get(group);
  if (holds(verdict, ruleId, fingerprint)) return verdict.variants;
  const before = moved?.get(group);
  verdict = before && groupVerdicts.get(before);
  if (!holds(verdict, ruleId, fingerprint)) {
    const found = judge(key, group, config).filter((v): v is VariantForms => v !== undefined);
    verdict = { ruleId, config: fingerprint, variants: found.length === 0 ? CONSISTENT : found };
  }
  groupVerdicts.set(group, verdict);
  return verdict.variants;
}

/**
 * Findings of an inconsistent group: every mention not in the preferred form, with
 * counts, related locations of the preferred form (in other files too), a
 * "Change to" fix, and "Change all" fixes for the file and the workspace.
 */
export function reportVariants(ruleId: string, severity: Severity, variants: VariantForms, wording: ConsistencyWording, out: Map<string, Finding[]>): void {
  const { own, forms, preferred, configured, others } = variants;
  const toChange = others.flatMap((f) => f.mentions).sort(compareMentions);
  const scope = new Set(own.map((m) => m.doc)).size === 1 ? 'in this document' : 'in this document set';
  const preferredText = oneLine(preferred.text);
  // What the findings of one document share: made once, not once per finding, since the "Change all" fixes of a
  // group written k times hold k edits each.
  const shared = new Map<DocumentRef, { readonly related: RelatedLocation[]; readonly changeAll: Fix[] }>();
  const sharedIn = (doc: DocumentRef): { readonly related: RelatedLocation[]; readonly changeAll: Fix[] } => {
    let found = shared.get(doc);
    if (found) return found;
    const related: RelatedLocation[] = preferred.mentions.slice(0, 8).map((p) => ({
      uri: p.doc.uri,
      range: [p.start, p.end],
      message: `"${preferredText}" (${where(p.doc, p.start, doc)})`,
    }));
    const changeAll: Fix[] = [];
    const inFile = toChange.filter((x) => x.doc === doc);
    if (inFile.length > 1) {
      changeAll.push({ title: `Change all ${inFile.length} to "${preferredText}" in this file`, edits: inFile.map((x) => edit(x, preferred)), safe: false });
    }
    if (inFile.length < toChange.length) {
      changeAll.push({
        title: `Change all ${toChange.length} to "${preferredText}" in the workspace`,
        edits: toChange.map((x) => edit(x, preferred, x.doc === doc ? undefined : x.doc.uri)),
        safe: false,
      });
    }
    shared.set(doc, (found = { related, changeAll }));
    return found;
  };
  for (const form of others) {
    const rest = forms
      .filter((f) => f !== form)
      .sort((a, b) => (a === preferred ? -1 : b === preferred ? 1 : b.mentions.length - a.mentions.length))
      .map((f) => `"${oneLine(f.text)}" (${times(f.mentions.length)})`);
    const othersText = rest.length === 1 ? rest[0]! : `${rest.slice(0, -1).join(', ')} and ${rest[rest.length - 1]}`;
    const settle = configFixes(form, forms, preferred, wording);
    for (const m of form.mentions) {
      const { related, changeAll } = sharedIn(m.doc);
      const single = replacementFor(m, preferred);
      // The title names the form, not a full stop kept for the sentence.
      const shown = single.text.endsWith('.') && !preferred.text.endsWith('.') ? single.text.slice(0, -1) : single.text;
      const fixes: Fix[] = [
        { title: `Change to "${oneLine(shown)}"`, edits: [{ range: single.range, newText: single.text }], safe: wording.safe(m.mention) },
        ...changeAll,
        ...settle,
      ];
      const finding: Finding = {
        ruleId,
        severity,
        message: wording.message(oneLine(m.mention.text), othersText, scope, preferredText, configured, m),
        range: [m.start, m.end],
        related,
        fixes,
      };
      const list = out.get(m.doc.uri);
      if (list) list.push(finding);
      else out.set(m.doc.uri, [finding]);
    }
  }
}

/**
 * The fixes that settle a finding in the project file instead of the text:
 * make this form the preferred one, or (for names) declare the two forms
 * different names. Never safe: they change what the rule reports.
 */
function configFixes(form: Form, forms: readonly Form[], preferred: Form, wording: ConsistencyWording): Fix[] {
  const here = oneLine(form.text);
  const there = oneLine(preferred.text);
  // Every spelling of the other forms, so that none of them stays listed ahead of this one.
  const replaces = new Set<string>();
  for (const other of forms) {
    if (other === form) continue;
    replaces.add(oneLine(other.text));
    for (const m of other.mentions) replaces.add(oneLine(m.mention.text));
  }
  replaces.delete(here);
  const fixes: Fix[] = [
    {
      title: `Prefer "${here}" in this project (names.preferred)`,
      edits: [],
      safe: false,
      config: { key: 'names.preferred', value: here, replaces: [...replaces].slice(0, 20) },
    },
  ];
  if (wording.distinct) {
    fixes.push({
      title: `"${here}" and "${there}" are different names (names.distinct)`,
      edits: [],
      safe: false,
      config: { key: 'names.distinct', value: [here, there] },
    });
  }
  return fixes;
}

/** Mentions may span a line break ("Robert F.\nKennedy"); messages and titles read on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function edit(m: DocMention, preferred: Form, uri?: string): TextEdit {
  const r = replacementFor(m, preferred);
  return uri === undefined ? { range: r.range, newText: r.text } : { uri, range: r.range, newText: r.text };
}
