/**
 * Running the rules over a set of documents. A `Linter` keeps caches between
 * runs (parsed documents by text, block-rule results by block text) so an
 * editor that re-lints after each keystroke re-examines only what changed.
 */
import { DEFAULT_CONFIG, ruleSeverity, type LintConfig } from './config';
import { applyDirectives, disableLineFix, DIRECTIVE_RULE_ID, findDirectives } from './directives';
import type { ParsedDocument, ProseBlock } from './document/model';
import { parseDocument } from './document/parse';
import { RULE_IMPLEMENTATIONS } from './rules/index';
import type { BlockRule } from './rules/rule';
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

/** Lints sets of documents, caching per document text and per block text. */
export class Linter {
  private parsed = new Map<string, ParsedDocument>();
  /** Block-rule results keyed by rule id and block text; rebuilt each run to hold only live blocks. */
  private blockResults = new Map<string, Finding[]>();

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
      const cached = this.parsed.get(doc.uri);
      parsed.set(
        doc.uri,
        cached && cached.text === doc.text && cached.languageId === doc.languageId ? cached : parseDocument(doc),
      );
    }
    this.parsed = parsed;

    const findings = new Map<string, Finding[]>(documents.map((doc) => [doc.uri, []]));
    const ordered = [...parsed.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    const liveBlockResults = new Map<string, Finding[]>();
    // Block results depend on the rule settings beyond severity (lexicons, thresholds).
    const configKey = JSON.stringify({ ...config, rules: undefined, ignore: undefined });
    for (const rule of RULE_IMPLEMENTATIONS) {
      const severity = ruleSeverity(config, rule.id);
      if (severity === 'off') continue;
      throwIfCancelled(token);
      const context = { config, severity };
      if (rule.scope === 'set') {
        for (const [uri, list] of rule.check(ordered, context)) findings.get(uri)?.push(...list);
        continue;
      }
      for (const doc of ordered) {
        throwIfCancelled(token);
        for (const block of doc.prose) {
          if (!rule.applies(block)) continue;
          const local = this.blockFindings(rule, block, context, `${rule.id}\u0000${configKey}`, liveBlockResults);
          for (const finding of local) findings.get(doc.uri)!.push(toDocumentOffsets(finding, block.range[0], severity));
        }
      }
    }
    this.blockResults = liveBlockResults;
    const directiveSeverity = ruleSeverity(config, DIRECTIVE_RULE_ID);
    return documents.map((source) => {
      const doc = parsed.get(source.uri)!;
      const { directives, problems } = findDirectives(doc);
      const kept = applyDirectives(doc, findings.get(source.uri)!.sort(compareFindings), directives).map(
        (finding): Finding => ({ ...finding, fixes: [...(finding.fixes ?? []), disableLineFix(doc, finding.range[0], finding.ruleId)] }),
      );
      if (directiveSeverity !== 'off') kept.push(...problems.map((p) => ({ ...p, severity: directiveSeverity })));
      return { uri: source.uri, findings: kept.sort(compareFindings) };
    });
  }

  private blockFindings(
    rule: BlockRule,
    block: ProseBlock,
    context: { config: LintConfig; severity: Severity },
    keyPrefix: string,
    live: Map<string, Finding[]>,
  ): Finding[] {
    // Severity is not part of the key: it is re-applied on read.
    const key = `${keyPrefix}\u0000${block.kind}\u0000${block.prose}`;
    const cached = live.get(key) ?? this.blockResults.get(key);
    const result = cached ?? rule.check(block, context);
    live.set(key, result);
    return result;
  }
}

/** Lints `documents` once with a fresh linter; see {@link Linter.lint}. */
export function lintDocuments(
  documents: readonly SourceDocument[],
  config: LintConfig = DEFAULT_CONFIG,
  token?: CancellationToken,
): DocumentResult[] {
  return new Linter().lint(documents, config, token);
}
