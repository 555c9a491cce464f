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
import { applyDirectives, disableLineFix, DIRECTIVE_RULE_ID } from './directives';
import type { ParsedDocument, ProseBlock } from './document/model';
import { parseDocument } from './document/parse';
import { configFingerprint } from './names/consistency';
import { NameIndexState, useNameState } from './names/index';
import { primeRepeats } from './repeats/analyze';
import { RepeatIndex } from './repeats/incremental';
import { RULE_IMPLEMENTATIONS } from './rules/index';
import type { BlockRule } from './rules/rule';
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
function toDocumentOffsets(finding: Finding, by: number, severity: Severity): Finding {
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

/** Block-result keys and results, alternating (one array rather than a pair per block and rule). */
type BlockResult = string | Finding[];

/** Lints sets of documents, caching per document text and per block text. */
export class Linter {
  private parsed = new Map<string, ParsedDocument>();
  /** Block-rule results keyed by rule id and block text; `lint` rebuilds it each run to hold only live blocks. */
  private blockResults = new Map<string, Finding[]>();
  /**
   * Each parsed document's block- and document-rule findings, with the block
   * results they read: an unchanged document skips building a cache key per
   * block and rule (each holds the block's text) and re-shifting its findings.
   */
  private localResults = new WeakMap<ParsedDocument, { readonly config: string; readonly findings: Finding[]; readonly blocks: readonly BlockResult[] }>();
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
    const parsed = new Map<string, ParsedDocument>();
    for (const doc of documents) {
      throwIfCancelled(token);
      parsed.set(doc.uri, this.parse(doc));
    }
    this.parsed = parsed;

    const live = new Map<string, Finding[]>();
    const analyses = new Map<string, DocumentAnalysis>();
    for (const doc of [...parsed.values()].sort(compareUris)) {
      throwIfCancelled(token);
      analyses.set(doc.uri, { summary: summarizeDocument(doc), findings: this.localFindings(doc, config, live, token) });
    }
    this.blockResults = live;
    return combineAnalyses(
      documents.map((doc) => analyses.get(doc.uri)!),
      config,
      token,
      this.crossFile,
    );
  }

  /**
   * The per-document share of a run for one document: parse, summarise and,
   * unless `summaryOnly`, run the block and document rules. Combine the
   * analyses of a whole set with {@link combineAnalyses}. Block results are
   * cached across calls (and kept until the next {@link Linter.lint}), so
   * a paragraph pasted into many files is examined once.
   */
  analyze(document: SourceDocument, config: LintConfig = DEFAULT_CONFIG, options: { summaryOnly?: boolean } = {}): DocumentAnalysis {
    const doc = this.parse(document);
    const summary = summarizeDocument(doc);
    if (options.summaryOnly) return { summary };
    return { summary, findings: this.localFindings(doc, config, this.blockResults) };
  }

  private parse(doc: SourceDocument): ParsedDocument {
    const cached = this.parsed.get(doc.uri);
    if (cached && cached.text === doc.text && cached.languageId === doc.languageId) return cached;
    const parsed = parseDocument(doc);
    this.parsed.set(doc.uri, parsed);
    return parsed;
  }

  /** The findings of the block and document rules in `doc`, in rule order, at document offsets. */
  private localFindings(doc: ParsedDocument, config: LintConfig, live: Map<string, Finding[]>, token?: CancellationToken): Finding[] {
    const fingerprint = configFingerprint(config);
    const previous = this.localResults.get(doc);
    if (previous && previous.config === fingerprint) {
      // Keep its block results live, for when the document is next edited.
      for (let i = 0; i < previous.blocks.length; i += 2) live.set(previous.blocks[i] as string, previous.blocks[i + 1] as Finding[]);
      return previous.findings;
    }
    const findings: Finding[] = [];
    const blocks: BlockResult[] = [];
    // Block results depend on the rule settings beyond severity (lexicons, thresholds).
    const configKey = JSON.stringify({ ...config, rules: undefined, ignore: undefined });
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
      for (const block of doc.prose) {
        if (!rule.applies(block)) continue;
        const local = this.blockFindings(rule, block, context, `${rule.id}\u0000${configKey}`, live, blocks);
        for (const finding of local) findings.push(toDocumentOffsets(finding, block.range[0], severity));
      }
    }
    this.localResults.set(doc, { config: fingerprint, findings, blocks });
    return findings;
  }

  private blockFindings(
    rule: BlockRule,
    block: ProseBlock,
    context: { config: LintConfig; severity: Severity },
    keyPrefix: string,
    live: Map<string, Finding[]>,
    used: BlockResult[],
  ): Finding[] {
    // Severity is not part of the key: it is re-applied on read.
    const key = `${keyPrefix}\u0000${block.kind}\u0000${block.prose}`;
    const cached = live.get(key) ?? this.blockResults.get(key);
    const result = cached ?? rule.check(block, context);
    live.set(key, result);
    used.push(key, result);
    return result;
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
  const findings = new Map<string, Finding[]>(reported.map((analysis) => [analysis.summary.uri, [...analysis.findings!]]));
  for (const rule of RULE_IMPLEMENTATIONS) {
    if (rule.scope !== 'set') continue;
    const severity = ruleSeverity(config, rule.id);
    if (severity === 'off') continue;
    throwIfCancelled(token);
    for (const [uri, list] of rule.check(ordered, { config, severity })) findings.get(uri)?.push(...list);
  }
  const directiveSeverity = ruleSeverity(config, DIRECTIVE_RULE_ID);
  return reported.map(({ summary }) => {
    const doc = byUri.get(summary.uri)!;
    const kept = applyDirectives(doc, findings.get(doc.uri)!.sort(compareFindings), doc.directives).map(
      (finding): Finding => ({ ...finding, fixes: [...(finding.fixes ?? []), disableLineFix(doc, finding.range[0], finding.ruleId)] }),
    );
    if (directiveSeverity !== 'off') kept.push(...doc.directiveProblems.map((p) => ({ ...p, severity: directiveSeverity })));
    return { uri: doc.uri, findings: kept.sort(compareFindings) };
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
