/**
 * Lint results for the current set of documents: the open ones and the
 * scanned workspace files that are not open. All are linted in one
 * `Linter.lint` call (cross-file repeats need the whole set), while clients
 * ask for diagnostics one document at a time; the result of a call is
 * therefore kept until any document version or setting changes. A new
 * snapshot reuses what it can of the last one: no lint at all when only
 * version numbers moved (an undo back to a linted text, a reopen), and the
 * previous entry object of every document whose findings did not change,
 * so the server's per-entry conversion to diagnostics is not redone.
 */
import {
  DEFAULT_CONFIG,
  LintCancelledError,
  RULE_IDS,
  ruleSeverity,
  type CancellationToken,
  type DocumentLanguage,
  type DocumentResult,
  type Finding,
  type LintConfig,
  type SeveritySetting,
  type SourceDocument,
} from '../engine';
import equal from 'fast-deep-equal';
import type { ServerSettings } from './settings';

/** The part of the engine's `Linter` the server uses; tests substitute a counting fake. */
export interface LinterLike {
  lint(documents: readonly SourceDocument[], config?: LintConfig, token?: CancellationToken): DocumentResult[];
}

/** One document as the cache sees it; disk snapshots have negative versions (see `WorkspaceIndex`). */
export interface LintInput {
  readonly uri: string;
  readonly version: number;
  readonly languageId: DocumentLanguage;
  readonly text: string;
  readonly settings: ServerSettings;
}

/** The findings of one document, tied to the version they were computed for. */
export interface DocumentFindings {
  readonly uri: string;
  readonly version: number;
  readonly findings: readonly Finding[];
}

/** The results of one lint call; the same object as long as its inputs stay the same. */
export interface Snapshot {
  readonly results: ReadonlyMap<string, DocumentFindings>;
}

/** A snapshot with what it was computed from, for reuse by the next one. */
interface Computed extends Snapshot {
  readonly generation: number;
  /** In uri order. */
  readonly sorted: readonly LintInput[];
  /** By uri, in uri order. */
  readonly inputs: ReadonlyMap<string, LintInput>;
}

// Keys are memoised per config object: with a scanned workspace thousands of inputs share one config.
const sectionKeys = new WeakMap<LintConfig, string>();
const configIds = new WeakMap<LintConfig, number>();
/** Severities and sections of every configuration seen, interned: each document has its own (equal) config object. */
const idsByContent = new Map<string, number>();

/** Everything but the severities: documents differing here cannot share a lint call. */
function sectionsKey(config: LintConfig): string {
  let key = sectionKeys.get(config);
  if (key === undefined) {
    key = JSON.stringify({ ...config, rules: undefined });
    sectionKeys.set(config, key);
  }
  return key;
}

/** A small number per configuration content, so comparing thousands of inputs' configs is comparing numbers. */
function configId(config: LintConfig): number {
  let id = configIds.get(config);
  if (id === undefined) {
    const content = `${RULE_IDS.map((rule) => ruleSeverity(config, rule)).join(',')}|${sectionsKey(config)}`;
    id = idsByContent.get(content);
    if (id === undefined) idsByContent.set(content, (id = idsByContent.size));
    configIds.set(config, id);
  }
  return id;
}

/**
 * The configuration of one lint call: a rule runs when any document wants
 * it. Each document's own severities are re-applied afterwards, so documents
 * with different `rules` settings still share one call (and see each other).
 */
function mergedConfig(inputs: readonly LintInput[]): LintConfig {
  const first = inputs[0]?.settings.config ?? DEFAULT_CONFIG;
  // One config per content, in order of first use, so the rules are read once per content rather than once per document.
  const distinct = new Map<number, LintConfig>();
  for (const input of inputs) {
    const id = configId(input.settings.config);
    if (!distinct.has(id)) distinct.set(id, input.settings.config);
  }
  const rules: Record<string, SeveritySetting> = {};
  for (const id of RULE_IDS) {
    const wanted = [...distinct.values()].map((config) => ruleSeverity(config, id)).find((s) => s !== 'off');
    rules[id] = wanted ?? 'off';
  }
  return { ...first, rules };
}

const pointedInto = new WeakMap<readonly Finding[], ReadonlySet<string>>();

/**
 * Documents whose offsets `findings` hold (related locations, fix edits),
 * their own document's included when named. Memoised per array: an
 * unchanged document's findings are the same array lint after lint.
 */
function urisIn(findings: readonly Finding[]): ReadonlySet<string> {
  let uris = pointedInto.get(findings);
  if (uris) return uris;
  const found = new Set<string>();
  for (const finding of findings) {
    for (const related of finding.related ?? []) found.add(related.uri);
    for (const fix of finding.fixes ?? []) for (const edit of fix.edits) if (edit.uri !== undefined) found.add(edit.uri);
  }
  pointedInto.set(findings, (uris = found));
  return uris;
}

/** Whether two sorted input lists name the same documents, versions and settings (texts aside: versions stand for them). */
function sameVersions(a: readonly LintInput[], b: readonly LintInput[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.uri !== y.uri || x.version !== y.version || x.languageId !== y.languageId || x.settings.enable !== y.settings.enable) return false;
    if (configId(x.settings.config) !== configId(y.settings.config)) return false;
  }
  return true;
}

/** Whether two lint inputs are the same document in the same state, versions aside. */
function sameInput(a: LintInput | undefined, b: LintInput | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.uri === b.uri &&
    a.languageId === b.languageId &&
    a.text === b.text &&
    a.settings.enable === b.settings.enable &&
    configId(a.settings.config) === configId(b.settings.config)
  );
}

const adjusted = new WeakMap<readonly Finding[], { readonly config: number; readonly findings: readonly Finding[] }>();

/**
 * `findings` with the document's own severities. The engine's array itself
 * when they already match (the usual case): the engine hands back the same
 * array for a document it did not redo, and then comparing with the
 * previous snapshot is one identity check instead of a deep walk. Memoised
 * per engine array and configuration, so that holds for adjusted arrays
 * too, and an unchanged document costs a lookup rather than a pass.
 */
function forDocument(findings: readonly Finding[], config: LintConfig): readonly Finding[] {
  const id = configId(config);
  const memo = adjusted.get(findings);
  if (memo?.config === id) return memo.findings;
  let out: readonly Finding[] = findings;
  if (!findings.every((finding) => ruleSeverity(config, finding.ruleId) === finding.severity)) {
    const kept: Finding[] = [];
    for (const finding of findings) {
      const severity = ruleSeverity(config, finding.ruleId);
      if (severity === 'off') continue;
      kept.push(severity === finding.severity ? finding : { ...finding, severity });
    }
    out = kept;
  }
  adjusted.set(findings, { config: id, findings: out });
  return out;
}

/** Caches the latest lint of the set, keyed by every document's uri, version and settings. */
export class ResultCache {
  private latest: Computed | undefined;
  /** Set when a version may name another text than before: equal versions alone no longer prove a hit. */
  private keyUntrusted = false;

  constructor(
    private readonly linter: LinterLike,
    private readonly logError: (message: string) => void,
  ) {}

  /**
   * The results for exactly `inputs`, linting only when they differ from the
   * last call. Throws the engine's `LintCancelledError` when `token` is
   * cancelled; other engine failures are logged and yield no findings, so a
   * rule bug cannot take the editor's diagnostics down with it.
   */
  get(inputs: readonly LintInput[], settingsGeneration: number, token?: CancellationToken): Snapshot {
    const sorted = [...inputs].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    const previous = this.latest;
    if (previous && previous.generation === settingsGeneration && sameVersions(previous.sorted, sorted) && !this.keyUntrusted) return previous;
    this.keyUntrusted = false;
    const inputsByUri = new Map(sorted.map((input) => [input.uri, input]));

    // Only versions moved: the findings stand, stamped with the new versions.
    if (previous && previous.generation === settingsGeneration && previous.inputs.size === sorted.length && sorted.every((input) => sameInput(input, previous.inputs.get(input.uri)))) {
      const results = new Map<string, DocumentFindings>();
      for (const input of sorted) {
        const before = previous.results.get(input.uri)!;
        results.set(input.uri, before.version === input.version ? before : { uri: input.uri, version: input.version, findings: before.findings });
      }
      this.latest = { results, generation: settingsGeneration, sorted, inputs: inputsByUri };
      return this.latest;
    }

    // Settings carry only `rules` today, so this is one group; other sections could differ per folder later.
    const groups = new Map<string, LintInput[]>();
    for (const input of sorted) {
      if (!input.settings.enable) continue;
      const group = groups.get(sectionsKey(input.settings.config));
      if (group) group.push(input);
      else groups.set(sectionsKey(input.settings.config), [input]);
    }
    const byUri = new Map<string, readonly Finding[]>();
    for (const group of groups.values()) {
      try {
        const docs: SourceDocument[] = group.map(({ uri, languageId, text }) => ({ uri, languageId, text }));
        for (const result of this.linter.lint(docs, mergedConfig(group), token)) byUri.set(result.uri, result.findings);
      } catch (error) {
        if (error instanceof LintCancelledError) throw error;
        this.logError(`policylint: lint failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
    const results = new Map<string, DocumentFindings>();
    for (const input of sorted) {
      const findings = input.settings.enable ? forDocument(byUri.get(input.uri) ?? [], input.settings.config) : [];
      const before = previous?.results.get(input.uri);
      // Same text, version and findings, and every document the findings point into unchanged: the old entry converts the same.
      const reusable =
        before !== undefined &&
        before.version === input.version &&
        sameInput(input, previous!.inputs.get(input.uri)) &&
        equal(before.findings, findings) &&
        [...urisIn(findings)].every((uri) => uri === input.uri || sameInput(inputsByUri.get(uri), previous!.inputs.get(uri)));
      results.set(input.uri, reusable ? before : { uri: input.uri, version: input.version, findings });
    }
    this.latest = { results, generation: settingsGeneration, sorted, inputs: inputsByUri };
    return this.latest;
  }

  /** For when a version number may no longer identify a text (a reopened document): the next call compares texts. */
  invalidate(): void {
    this.keyUntrusted = true;
  }
}
