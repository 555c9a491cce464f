/**
 * Converts engine results into the CLI's report: ESLint's result shape
 * (1-based lines and columns, numeric severities) plus policylint's extras.
 * Formatters receive only this, so they stay pure string builders.
 */
import { createHash } from 'node:crypto';
import type { DocumentLanguage, DocumentResult, Finding, Fix, LineFixSource, Severity } from '../engine';
import { applyEdits, fixesToOffer, lineFixSource } from '../engine';
import { LineIndex } from './positions';

/** ESLint's fix: one replacement of `range` (offsets into the file as read) by `text`. */
export interface EslintFix {
  readonly range: readonly [number, number];
  readonly text: string;
}

/** ESLint's suggestion: a fix that needs a human decision. */
export interface EslintSuggestion {
  readonly desc: string;
  readonly fix: EslintFix;
}

/** A span of a file in 1-based lines and UTF-16 columns, the end exclusive (ESLint's `endColumn`). */
export interface ReportRegion {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** Where ESLint's `fix` applies, in lines and columns, and what it is called: SARIF's `fixes` need both. */
export interface ReportFixLocation extends ReportRegion {
  readonly title: string;
}

export interface ReportRelated {
  readonly filePath: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
}

/** One message: ESLint's fields plus policylint's `level` and `related`. */
export interface ReportMessage {
  readonly ruleId: string;
  /** ESLint's numbers: 2 error, 1 warning, 0 info or hint. */
  readonly severity: 0 | 1 | 2;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly fix?: EslintFix;
  readonly suggestions?: readonly EslintSuggestion[];
  readonly level: Severity;
  readonly related: readonly ReportRelated[];
  /** Where `fix` applies; present exactly when `fix` is. */
  readonly fixLocation?: ReportFixLocation;
  /**
   * SHA-256 (hex) of the flagged text with whitespace runs folded to one
   * space: names the finding by what it flags rather than where, so CI
   * fingerprints survive edits elsewhere in the file and re-wrapped lines.
   */
  readonly contentHash: string;
}

export interface FileReport {
  /** Absolute path (or `<text>` for unnamed stdin), as in ESLint's JSON. */
  readonly filePath: string;
  readonly messages: readonly ReportMessage[];
  readonly errorCount: number;
  /** Always 0: policylint has no parse failures; kept because ESLint consumers read it. */
  readonly fatalErrorCount: number;
  readonly warningCount: number;
  readonly fixableErrorCount: number;
  readonly fixableWarningCount: number;
  /** Messages of severity 0: info and hint. */
  readonly infoCount: number;
  /** ESLint's `output`: with --fix or --fix-dry-run, the fixed text, present only when fixes changed the file. */
  readonly output?: string;
}

/** A linted document as the CLI knows it: where it came from and its exact text. */
export interface LintedSource {
  /** The `uri` given to the engine. */
  readonly uri: string;
  /** The path to report; usually the same absolute path as `uri`. */
  readonly filePath: string;
  readonly text: string;
  /** The language it was linted as: the fix that disables a rule for a line is written for it. */
  readonly languageId: DocumentLanguage;
}

export interface Totals {
  readonly errorCount: number;
  readonly warningCount: number;
  readonly infoCount: number;
}

const SEVERITY_NUMBER: Readonly<Record<Severity, 0 | 1 | 2>> = { error: 2, warning: 1, info: 0, hint: 0 };

/**
 * Builds one report per result, in the results' order. `sources` must hold
 * every linted document, because related locations may point into any of
 * them and need that file's text for their line numbers.
 */
export function buildReports(results: readonly DocumentResult[], sources: readonly LintedSource[]): FileReport[] {
  const byUri = new Map<string, { source: LintedSource; lines?: LineIndex }>();
  for (const source of sources) byUri.set(source.uri, { source });
  const lookup = (uri: string): { source: LintedSource; lines: LineIndex } | undefined => {
    const entry = byUri.get(uri);
    if (!entry) return undefined;
    entry.lines ??= new LineIndex(entry.source.text);
    return entry as { source: LintedSource; lines: LineIndex };
  };

  return results.map((result) => {
    const own = lookup(result.uri);
    if (!own) throw new Error(`no source text for engine result ${result.uri}`);
    const fixSource = lineFixSource(own.source.text, own.source.languageId);
    const messages = result.findings.map((finding) => toMessage(finding, own.source, own.lines, fixSource, lookup));
    let errorCount = 0;
    let warningCount = 0;
    let infoCount = 0;
    let fixableErrorCount = 0;
    let fixableWarningCount = 0;
    for (const message of messages) {
      if (message.severity === 2) {
        errorCount++;
        if (message.fix) fixableErrorCount++;
      } else if (message.severity === 1) {
        warningCount++;
        if (message.fix) fixableWarningCount++;
      } else {
        infoCount++;
      }
    }
    return {
      filePath: own.source.filePath,
      messages,
      errorCount,
      fatalErrorCount: 0,
      warningCount,
      fixableErrorCount,
      fixableWarningCount,
      infoCount,
    };
  });
}

/**
 * `--quiet`: the same reports with only their errors, and the counts to
 * match, as ESLint's `getErrorResults` makes them. Unlike ESLint, files
 * left without messages stay in the list, so that formats with one entry
 * per file (JUnit, JSON) still show every file that was linted.
 */
export function errorsOnly(reports: readonly FileReport[]): FileReport[] {
  return reports.map((report) => ({
    ...report,
    messages: report.messages.filter((message) => message.severity === 2),
    warningCount: 0,
    fixableWarningCount: 0,
    infoCount: 0,
  }));
}

/** Sums the counts over all reports. */
export function totalsOf(reports: readonly FileReport[]): Totals {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  for (const report of reports) {
    errorCount += report.errorCount;
    warningCount += report.warningCount;
    infoCount += report.infoCount;
  }
  return { errorCount, warningCount, infoCount };
}

function toMessage(
  finding: Finding,
  source: LintedSource,
  lines: LineIndex,
  fixSource: LineFixSource,
  lookup: (uri: string) => { source: LintedSource; lines: LineIndex } | undefined,
): ReportMessage {
  const start = lines.position(finding.range[0]);
  const end = lines.position(finding.range[1]);

  const related: ReportRelated[] = [];
  for (const location of finding.related ?? []) {
    // The engine only relates documents it was given, and the CLI gives it
    // all of them; a location elsewhere has no text to number, so it is left out.
    const target = lookup(location.uri);
    if (!target) continue;
    const from = target.lines.position(location.range[0]);
    const to = target.lines.position(location.range[1]);
    related.push({
      filePath: target.source.filePath,
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
      message: location.message,
    });
  }

  // ESLint's `fix` is what `--fix` would apply: the first safe fix. Every
  // other fix becomes a suggestion, as in ESLint. Fixes editing other files
  // cannot be written in ESLint's single-file shape and are left out.
  let fix: EslintFix | undefined;
  let fixLocation: ReportFixLocation | undefined;
  const suggestions: EslintSuggestion[] = [];
  for (const candidate of fixesToOffer(fixSource, finding)) {
    const merged = mergeFix(candidate, source);
    if (!merged) continue;
    if (candidate.safe && !fix) {
      fix = merged;
      const from = lines.position(merged.range[0]);
      const to = lines.position(merged.range[1]);
      fixLocation = { title: candidate.title, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
    } else {
      suggestions.push({ desc: candidate.title, fix: merged });
    }
  }

  return {
    ruleId: finding.ruleId,
    severity: SEVERITY_NUMBER[finding.severity],
    message: finding.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    ...(fix ? { fix } : {}),
    ...(suggestions.length > 0 ? { suggestions } : {}),
    level: finding.severity,
    related,
    ...(fixLocation ? { fixLocation } : {}),
    contentHash: contentHash(source.text.slice(finding.range[0], finding.range[1])),
  };
}

/**
 * Whitespace is folded because re-wrapping a paragraph or switching line
 * endings does not change what was flagged; NFC so that the same words typed
 * with combining accents hash alike.
 */
function contentHash(text: string): string {
  const normalized = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  return createHash('sha256').update(normalized, 'utf8').digest('hex');
}

/**
 * Collapses a fix's edits into one replacement, as ESLint merges fixes: the
 * span from the first edit's start to the last edit's end, rewritten. Returns
 * undefined when an edit targets another file or the edits are invalid.
 */
function mergeFix(fix: Fix, source: LintedSource): EslintFix | undefined {
  if (fix.edits.length === 0) return undefined;
  if (fix.edits.some((edit) => edit.uri !== undefined && edit.uri !== source.uri)) return undefined;
  const start = Math.min(...fix.edits.map((edit) => edit.range[0]));
  const end = Math.max(...fix.edits.map((edit) => edit.range[1]));
  if (start < 0 || end > source.text.length) return undefined;
  try {
    const text = applyEdits(
      source.text.slice(start, end),
      fix.edits.map((edit) => ({ range: [edit.range[0] - start, edit.range[1] - start] as const, newText: edit.newText })),
    );
    return { range: [start, end], text };
  } catch {
    return undefined;
  }
}
