/**
 * Running the rules over a set of documents, in two steps: per document
 * (parse, summary, block and document rules: `Linter.analyze`) and across
 * the set (set rules over the summaries, then directives:
 * `combineAnalyses`). `Linter.lint` does both. A `Linter` keeps caches
 * between runs (parsed documents and their summaries by text, block-rule
 * results by block text) so an editor that re-lints after each keystroke
 * re-examines only what changed.
 */
import { DEFAULT_CONFIG, ruleSeverity, type LintConfig } from './config';
import { BlockResultStore, type BlockUse } from './block-results';
import { applyDirectives, DIRECTIVE_RULE_ID } from './directives';
import type { ParsedDocument } from './document/model';
import { parseDocument } from './document/parse';
import { configFingerprint } from './names/consistency';
import { NameIndexState, useNameState } from './names/index';
import { primeRepeats } from './repeats/set-analysis';
import { RepeatIndex } from './repeats/incremental';
import { RULE_IMPLEMENTATIONS } from './rules/index';
import equal from 'fast-deep-equal';
import { summarizeDocument, type DocumentSummary } from './summary';
import {
  LintCancelledError,
  type CancellationToken,
  type DocumentResult,
  type Finding,
  type Fix,
  type OffsetRange,
  type Severity,
  type SourceDocument,
} from './types';

function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new LintCancelledError();
}

function shiftRange(range: OffsetRange, by: number): OffsetRange {
  return [range[0] + by, range[1] + by];
}

/** Moves a block rule's block-relative finding to document offsets. */
function atDocumentOffsets(finding: Finding, by: number, severity: Severity): Finding {
  const fixes = finding.fixes?.map(
    (fix): Fix => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, range: shiftRange(edit.range, by) })) }),
  );
  return {
    ...finding,
    severity,
    range: shiftRange(finding.range, by),
    ...(fixes ? { fixes } : {}),
    ...(finding.related ? { related: finding.related.map((r) => ({ ...r, range: shiftRange(r.range, by) })) } : {}),
  };
}

function compareFindings(a: Finding, b: Finding): number {
  return a.range[0] - b.range[0] || a.range[1] - b.range[1] || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/**
 * One document's own share of a lint run: its summary for the cross-document
 * rules, and the findings of the rules that read it alone. Plain data, so a
 * worker thread can compute it and post it back, and a cache can keep it.
 */
export interface DocumentAnalysis {
  readonly summary: DocumentSummary;
  /**
   * Block- and document-rule findings at document offsets, before inline
   * directives. Absent when the document was only summarised (another CI
   * shard's file): it then feeds cross-file rules but is not reported.
   */
  readonly findings?: readonly Finding[];
}

function compareUris(a: { readonly uri: string }, b: { readonly uri: string }): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0;
}

const blockConfigKeys = new WeakMap<LintConfig, string>();

/** Block results depend on the rule settings beyond severity (lexicons, thresholds); memoised, as every document of a run shares one config. */
function blockConfigKey(config: LintConfig): string {
  let key = blockConfigKeys.get(config);
  if (key === undefined) blockConfigKeys.set(config, (key = JSON.stringify({ ...config, rules: undefined, ignore: undefined })));
  return key;
}

/** A document's local findings under one configuration, with the block results they read. */
interface LocalResult {
  readonly config: string;
  readonly findings: Finding[];
  /** The block results it uses in the linter's store. */
  readonly blocks: readonly BlockUse[];
}

/**
 * What a linter keeps of a document between runs: its summary and local
 * findings, valid while its text stays the same. The parsed form is let go
 * once both exist (an editor holds hundreds of documents, and their block
 * trees would be most of its memory); a new configuration parses again.
 */
interface DocumentEntry {
  readonly text: string;
  readonly languageId: SourceDocument['languageId'];
  readonly summary: DocumentSummary;
  parsed: ParsedDocument | undefined;
  local: LocalResult | undefined;
}

/** Lints sets of documents, caching per document text and per block text. */
export class Linter {
  private entries = new Map<string, DocumentEntry>();
  /** Block-rule results in use by the kept documents. */
  private readonly blockResults = new BlockResultStore();
  /** Cross-document indexes carried from run to run, so an edit re-compares one document, not the set. */
  private readonly crossFile = new CrossFileState();

  /**
   * Lints `documents` together (cross-document rules see all of them) and
   * returns one result per document, in the order given. Documents are
   * compared in uri order, so "the earlier copy" does not depend on the
   * order a caller happens to pass them in.
   */
  lint(
    documents: readonly SourceDocument[],
    config: LintConfig = DEFAULT_CONFIG,
    token?: CancellationToken,
  ): DocumentResult[] {
    const entries = new Map<string, DocumentEntry>();
    const retired: DocumentEntry[] = [];
    try {
      const analyses = new Map<string, DocumentAnalysis>();
      for (const doc of documents) {
        throwIfCancelled(token);
        const entry = this.entry(doc, retired);
        entries.set(doc.uri, entry);
        // Local findings right after the parse, which they then let go: a thousand block trees alive at once were the peak of a first lint.
        analyses.set(doc.uri, { summary: entry.summary, findings: this.localFindings(entry, config, token) });
      }
      for (const [uri, entry] of this.entries) if (entries.get(uri) !== entry) retired.push(entry);
      this.entries = entries;
      return combineAnalyses(
        documents.map((doc) => analyses.get(doc.uri)!),
        config,
        token,
        this.crossFile,
      );
    } finally {
      // After the new texts took their block results, so a block moved from one document to another is not examined again.
      this.retire(retired);
    }
  }

  /**
   * The per-document share of a run for one document: parse, summarise and,
   * unless `summaryOnly`, run the block and document rules. Combine the
   * analyses of a whole set with {@link combineAnalyses}. Block results are
   * shared across calls, so a paragraph pasted into many files is examined
   * once.
   */
  analyze(document: SourceDocument, config: LintConfig = DEFAULT_CONFIG, options: { summaryOnly?: boolean } = {}): DocumentAnalysis {
    const retired: DocumentEntry[] = [];
    try {
      const entry = this.entry(document, retired);
      if (options.summaryOnly) return { summary: entry.summary };
      return { summary: entry.summary, findings: this.localFindings(entry, config) };
    } finally {
      this.retire(retired);
    }
  }

  /** The entry for `doc`'s current text: the kept one, or a fresh parse and summary (the replaced entry goes to `retired`). */
  private entry(doc: SourceDocument, retired: DocumentEntry[]): DocumentEntry {
    const kept = this.entries.get(doc.uri);
    if (kept && kept.text === doc.text && kept.languageId === doc.languageId) return kept;
    if (kept) retired.push(kept);
    const parsed = parseDocument(doc);
    const entry: DocumentEntry = { text: doc.text, languageId: doc.languageId, summary: summarizeDocument(parsed), parsed, local: undefined };
    this.entries.set(doc.uri, entry);
    return entry;
  }

  private retire(entries: readonly DocumentEntry[]): void {
    for (const entry of entries) {
      if (entry.local) this.blockResults.release(entry.local.blocks);
      entry.local = undefined;
    }
  }

  /** The findings of the block and document rules in a document, in rule order, at document offsets. */
  private localFindings(entry: DocumentEntry, config: LintConfig, token?: CancellationToken): Finding[] {
    const fingerprint = configFingerprint(config);
    const previous = entry.local;
    if (previous && previous.config === fingerprint) return previous.findings;
    const doc = entry.parsed ?? parseDocument({ uri: entry.summary.uri, languageId: entry.languageId, text: entry.text });
    const findings: Finding[] = [];
    const blocks: BlockUse[] = [];
    const configKey = blockConfigKey(config);
    try {
      for (const rule of RULE_IMPLEMENTATIONS) {
        if (rule.scope === 'set') continue;
        const severity = ruleSeverity(config, rule.id);
        if (severity === 'off') continue;
        throwIfCancelled(token);
        const context = { config, severity };
        if (rule.scope === 'document') {
          findings.push(...rule.check(doc, context));
          continue;
        }
        // One key per rule and kind, shared by every block's entry; severity is not part of it (re-applied on read).
        const keys = { paragraph: `${rule.id}\u0000${configKey}\u0000paragraph`, heading: `${rule.id}\u0000${configKey}\u0000heading` };
        for (const block of doc.prose) {
          if (!rule.applies(block)) continue;
          const key = keys[block.kind];
          const use = this.blockResults.use(key, block.prose, () => rule.check(block, context));
          blocks.push(use);
          for (const finding of use.result) findings.push(atDocumentOffsets(finding, block.range[0], severity));
        }
      }
    } catch (error) {
      this.blockResults.release(blocks);
      throw error;
    }
    if (previous) this.blockResults.release(previous.blocks);
    entry.local = { config: fingerprint, findings, blocks };
    entry.parsed = undefined;
    return findings;
  }
}

/**
 * Cross-document indexes kept between runs of {@link combineAnalyses}: each
 * run updates them for the documents whose summary changed instead of
 * rebuilding them, with the same results as a fresh run.
 */
export class CrossFileState {
  readonly repeats = new RepeatIndex();
  readonly names = new NameIndexState();
  /** Each document's last result and what it was made from; see {@link combineAnalyses}. */
  readonly finished = new WeakMap<
    DocumentSummary,
    { readonly local: readonly Finding[]; readonly set: readonly Finding[]; readonly directiveSeverity: Severity | 'off'; readonly result: DocumentResult }
  >();
}

/**
 * The cross-document step of a run: runs the set rules over every
 * document's summary (in uri order), then, for each analysis that has
 * findings, merges them with its own, applies its inline directives and
 * sorts. Returns one result per reported analysis, in the order given.
 * Everything it reads is plain data, so the analyses may come from worker
 * threads or a cache. With `state`, the cross-document indexes of the
 * previous call with that state are updated rather than rebuilt.
 */
export function combineAnalyses(
  analyses: readonly DocumentAnalysis[],
  config: LintConfig = DEFAULT_CONFIG,
  token?: CancellationToken,
  state?: CrossFileState,
): DocumentResult[] {
  const byUri = new Map<string, DocumentSummary>();
  for (const analysis of analyses) byUri.set(analysis.summary.uri, analysis.summary);
  const ordered = [...byUri.values()].sort(compareUris);
  if (state && (ruleSeverity(config, 'repeated-paragraph') !== 'off' || ruleSeverity(config, 'repeated-sentence') !== 'off')) {
    primeRepeats(ordered, config, state.repeats.update(ordered, config));
  }
  if (state) useNameState(ordered, state.names);
  const reported = analyses.filter((analysis) => analysis.findings !== undefined);
  const fromSet = new Map<string, Finding[]>(reported.map((analysis) => [analysis.summary.uri, []]));
  for (const rule of RULE_IMPLEMENTATIONS) {
    if (rule.scope !== 'set') continue;
    const severity = ruleSeverity(config, rule.id);
    if (severity === 'off') continue;
    throwIfCancelled(token);
    for (const [uri, list] of rule.check(ordered, { config, severity })) fromSet.get(uri)?.push(...list);
  }
  const directiveSeverity = ruleSeverity(config, DIRECTIVE_RULE_ID);
  return reported.map(({ summary, findings: local }) => {
    const doc = byUri.get(summary.uri)!;
    const set = fromSet.get(doc.uri)!;
    const before = state?.finished.get(doc);
    // The same summary, local findings and set findings give the same result: an edit elsewhere does not redo this document.
    // Set findings are compared by value (deeply, stopping at the first difference), as some set rules make new but equal
    // findings each run; an unchanged result object then tells every cache downstream, the server's among them, that
    // nothing changed.
    if (before && before.local === local && before.directiveSeverity === directiveSeverity && equal(before.set, set)) return before.result;
    // The findings as the rules made them: the fix that disables a rule for a line is made by whoever offers fixes (fixesToOffer).
    const kept = applyDirectives(doc, [...local!, ...set].sort(compareFindings), doc.directives);
    if (directiveSeverity !== 'off') kept.push(...doc.directiveProblems.map((p) => ({ ...p, severity: directiveSeverity })));
    const result: DocumentResult = { uri: doc.uri, findings: kept.sort(compareFindings) };
    state?.finished.set(doc, { local: local!, set, directiveSeverity, result });
    return result;
  });
}

/** Lints `documents` once with a fresh linter; see {@link Linter.lint}. */
export function lintDocuments(
  documents: readonly SourceDocument[],
  config: LintConfig = DEFAULT_CONFIG,
  token?: CancellationToken,
): DocumentResult[] {
  return new Linter().lint(documents, config, token);
}
