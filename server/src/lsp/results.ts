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

/** The results of one lint call, with the key that identifies its inputs. */
export interface Snapshot {
  readonly key: string;
  readonly results: ReadonlyMap<string, DocumentFindings>;
}

/** A snapshot with what it was computed from, for reuse by the next one. */
interface Computed extends Snapshot {
  readonly generation: number;
  /** By uri, in uri order. */
  readonly inputs: ReadonlyMap<string, LintInput>;
}

// Keys are memoised per config object: with a scanned workspace thousands of inputs share one config.
const sectionKeys = new WeakMap<LintConfig, string>();
const configKeys = new WeakMap<LintConfig, string>();

/** Everything but the severities: documents differing here cannot share a lint call. */
function sectionsKey(config: LintConfig): string {
  let key = sectionKeys.get(config);
  if (key === undefined) {
    key = JSON.stringify({ ...config, rules: undefined });
    sectionKeys.set(config, key);
  }
  return key;
}

function configKey(config: LintConfig): string {
  let key = configKeys.get(config);
  if (key === undefined) {
    key = `${RULE_IDS.map((id) => ruleSeverity(config, id)).join(',')}|${sectionsKey(config)}`;
    configKeys.set(config, key);
  }
  return key;
}

/**
 * The configuration of one lint call: a rule runs when any document wants
 * it. Each document's own severities are re-applied afterwards, so documents
 * with different `rules` settings still share one call (and see each other).
 */
function mergedConfig(inputs: readonly LintInput[]): LintConfig {
  const first = inputs[0]?.settings.config ?? DEFAULT_CONFIG;
  const rules: Record<string, SeveritySetting> = {};
  for (const id of RULE_IDS) {
    const wanted = inputs.map((input) => ruleSeverity(input.settings.config, id)).find((s) => s !== 'off');
    rules[id] = wanted ?? 'off';
  }
  return { ...first, rules };
}

/** Structural equality of JSON-like values (findings are plain data). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  for (const key of keysA) {
    if (!sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** Documents, other than `uri` itself, whose offsets `findings` hold (related locations, fix edits). */
function otherUris(uri: string, findings: readonly Finding[]): Set<string> {
  const uris = new Set<string>();
  for (const finding of findings) {
    for (const related of finding.related ?? []) if (related.uri !== uri) uris.add(related.uri);
    for (const fix of finding.fixes ?? []) for (const edit of fix.edits) if (edit.uri !== undefined && edit.uri !== uri) uris.add(edit.uri);
  }
  return uris;
}

/** Whether two lint inputs are the same document in the same state, versions aside. */
function sameInput(a: LintInput | undefined, b: LintInput | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.uri === b.uri &&
    a.languageId === b.languageId &&
    a.text === b.text &&
    a.settings.enable === b.settings.enable &&
    configKey(a.settings.config) === configKey(b.settings.config)
  );
}

/**
 * `findings` with the document's own severities. The engine's array itself
 * when they already match (the usual case): the engine hands back the same
 * array for a document it did not redo, and then comparing with the
 * previous snapshot is one identity check instead of a deep walk.
 */
function forDocument(findings: readonly Finding[], config: LintConfig): readonly Finding[] {
  if (findings.every((finding) => ruleSeverity(config, finding.ruleId) === finding.severity)) return findings;
  const out: Finding[] = [];
  for (const finding of findings) {
    const severity = ruleSeverity(config, finding.ruleId);
    if (severity === 'off') continue;
    out.push(severity === finding.severity ? finding : { ...finding, severity });
  }
  return out;
}

/** Caches the latest lint of the set, keyed by every document's uri, version and settings. */
export class ResultCache {
  private latest: Computed | undefined;
  /** Set when a version may name another text than before: the key alone no longer proves a hit. */
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
    const key = JSON.stringify([
      settingsGeneration,
      sorted.map((i) => [i.uri, i.version, i.languageId, i.settings.enable, configKey(i.settings.config)]),
    ]);
    const previous = this.latest;
    if (previous?.key === key && !this.keyUntrusted) return previous;
    this.keyUntrusted = false;
    const inputsByUri = new Map(sorted.map((input) => [input.uri, input]));

    // Only versions moved: the findings stand, stamped with the new versions.
    if (previous && previous.generation === settingsGeneration && previous.inputs.size === sorted.length && sorted.every((input) => sameInput(input, previous.inputs.get(input.uri)))) {
      const results = new Map<string, DocumentFindings>();
      for (const input of sorted) {
        const before = previous.results.get(input.uri)!;
        results.set(input.uri, before.version === input.version ? before : { uri: input.uri, version: input.version, findings: before.findings });
      }
      this.latest = { key, results, generation: settingsGeneration, inputs: inputsByUri };
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
        sameData(before.findings, findings) &&
        [...otherUris(input.uri, findings)].every((uri) => sameInput(inputsByUri.get(uri), previous!.inputs.get(uri)));
      results.set(input.uri, reusable ? before : { uri: input.uri, version: input.version, findings });
    }
    this.latest = { key, results, generation: settingsGeneration, inputs: inputsByUri };
    return this.latest;
  }

  /** For when a version number may no longer identify a text (a reopened document): the next call compares texts. */
  invalidate(): void {
    this.keyUntrusted = true;
  }
}
