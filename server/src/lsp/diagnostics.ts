/**
 * Findings → LSP diagnostics, and the `diagnostic.data` that code actions
 * read back. Data comes back from the client untrusted (any client may send
 * anything), so it is validated field by field before use. It names the
 * finding rather than carrying its fixes: the fixes were two fifths of every
 * diagnostics list, serialised and sent again after each keystroke, while
 * code actions can take them from the server's own findings.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { ConfigChange, Finding } from '../engine';
import { toLspRange, toLspSeverity, toLspTags } from './convert';

export const SOURCE = 'policylint';

/** What a diagnostic carries for code actions: which finding of which version of its document it shows. */
export interface DiagnosticData {
  readonly ruleId: string;
  readonly version: number;
  /** Its place among the document's findings for `version`; a hint, checked against rule and range before use. */
  readonly index: number;
}

/** Looks up an open document by uri, for related locations in other files. */
export type DocumentLookup = (uri: string) => TextDocument | undefined;

/**
 * Converts the findings of `doc` (computed for its current version). Related
 * locations whose document is not open are dropped: their offsets cannot be
 * turned into lines without the text.
 */
export function toDiagnostics(doc: TextDocument, findings: readonly Finding[], lookup: DocumentLookup): Diagnostic[] {
  return findings.map((finding, index) => toDiagnostic(doc, finding, index, lookup));
}

function toDiagnostic(doc: TextDocument, finding: Finding, index: number, lookup: DocumentLookup): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toLspRange(doc, finding.range),
    severity: toLspSeverity(finding.severity),
    source: SOURCE,
    code: finding.ruleId,
    message: finding.message,
  };
  const tags = toLspTags(finding.tags);
  if (tags) diagnostic.tags = tags;
  const related: DiagnosticRelatedInformation[] = [];
  for (const location of finding.related ?? []) {
    const target = location.uri === doc.uri ? doc : lookup(location.uri);
    if (!target) continue;
    related.push({ location: { uri: location.uri, range: toLspRange(target, location.range) }, message: location.message });
  }
  if (related.length > 0) diagnostic.relatedInformation = related;
  const data: DiagnosticData = { ruleId: finding.ruleId, version: doc.version, index };
  diagnostic.data = data;
  return diagnostic;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** A config change as the engine makes them; anything else is refused. */
export function readConfigChange(value: unknown): ConfigChange | undefined {
  if (!isRecord(value)) return undefined;
  if (value.key === 'names.preferred' && typeof value.value === 'string' && isStringList(value.replaces)) {
    return { key: value.key, value: value.value, replaces: value.replaces };
  }
  if (value.key === 'names.distinct' && isStringList(value.value) && value.value.length >= 2) {
    return { key: value.key, value: value.value };
  }
  return undefined;
}

/** Reads `diagnostic.data` back, or undefined when it is missing or malformed in any part. */
export function readDiagnosticData(value: unknown): DiagnosticData | undefined {
  if (!isRecord(value) || typeof value.ruleId !== 'string') return undefined;
  if (typeof value.version !== 'number' || !Number.isInteger(value.version)) return undefined;
  if (typeof value.index !== 'number' || !Number.isInteger(value.index) || value.index < 0) return undefined;
  return { ruleId: value.ruleId, version: value.version, index: value.index };
}
