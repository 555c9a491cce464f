/**
 * Findings → LSP diagnostics, and the `diagnostic.data` that code actions
 * read back. Data comes back from the client untrusted (any client may send
 * anything), so it is validated field by field before use.
 */
import { createHash } from 'node:crypto';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { ConfigChange, Finding, Fix, OffsetRange, TextEdit } from '../engine';
import { toLspRange, toLspSeverity, toLspTags } from './convert';

export const SOURCE = 'policylint';

/** What a diagnostic carries for code actions: offsets are valid for `version` only. */
export interface DiagnosticData {
  readonly ruleId: string;
  readonly version: number;
  readonly fixes: readonly Fix[];
}

/** Looks up an open document by uri, for related locations in other files. */
export type DocumentLookup = (uri: string) => TextDocument | undefined;

/**
 * Converts the findings of `doc` (computed for its current version). Related
 * locations whose document is not open are dropped: their offsets cannot be
 * turned into lines without the text.
 */
export function toDiagnostics(doc: TextDocument, findings: readonly Finding[], lookup: DocumentLookup): Diagnostic[] {
  return findings.map((finding) => toDiagnostic(doc, finding, lookup));
}

function toDiagnostic(doc: TextDocument, finding: Finding, lookup: DocumentLookup): Diagnostic {
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
  const data: DiagnosticData = { ruleId: finding.ruleId, version: doc.version, fixes: finding.fixes ?? [] };
  diagnostic.data = data;
  return diagnostic;
}

/** A short fingerprint of a diagnostics list, used as pull `resultId` and to skip redundant pushes. */
export function diagnosticsHash(diagnostics: readonly Diagnostic[]): string {
  return createHash('sha1').update(JSON.stringify(diagnostics)).digest('base64url').slice(0, 16);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function readRange(value: unknown): OffsetRange | undefined {
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [start, end] = value as unknown[];
  return isOffset(start) && isOffset(end) && start <= end ? [start, end] : undefined;
}

function readEdit(value: unknown): TextEdit | undefined {
  if (!isRecord(value) || typeof value.newText !== 'string') return undefined;
  if (value.uri !== undefined && typeof value.uri !== 'string') return undefined;
  const range = readRange(value.range);
  if (!range) return undefined;
  return value.uri === undefined ? { range, newText: value.newText } : { uri: value.uri, range, newText: value.newText };
}

function readFix(value: unknown): Fix | undefined {
  if (!isRecord(value) || typeof value.title !== 'string' || typeof value.safe !== 'boolean') return undefined;
  if (!Array.isArray(value.edits)) return undefined;
  const edits: TextEdit[] = [];
  for (const raw of value.edits) {
    const edit = readEdit(raw);
    if (!edit) return undefined;
    edits.push(edit);
  }
  if (value.config === undefined) return { title: value.title, edits, safe: value.safe };
  const config = readConfigChange(value.config);
  return config ? { title: value.title, edits, safe: value.safe, config } : undefined;
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

/**
 * Bounds on data read back. The engine's findings carry a handful of fixes
 * (the fix, "change all", "disable for this line"); every fix becomes a
 * code action that repeats the diagnostic, so data with thousands of fixes
 * would make an answer quadratic in the size of the request.
 */
const MAX_DATA_FIXES = 64;
const MAX_DATA_EDITS = 20_000;

/**
 * Reads `diagnostic.data` back, or undefined when it is missing, malformed
 * in any part or larger than the engine ever makes it; the caller then
 * recomputes the findings instead of guessing.
 */
export function readDiagnosticData(value: unknown): DiagnosticData | undefined {
  if (!isRecord(value) || typeof value.ruleId !== 'string') return undefined;
  if (typeof value.version !== 'number' || !Number.isInteger(value.version)) return undefined;
  if (!Array.isArray(value.fixes) || value.fixes.length > MAX_DATA_FIXES) return undefined;
  const fixes: Fix[] = [];
  let edits = 0;
  for (const raw of value.fixes) {
    const fix = readFix(raw);
    if (!fix) return undefined;
    edits += fix.edits.length;
    if (edits > MAX_DATA_EDITS) return undefined;
    fixes.push(fix);
  }
  return { ruleId: value.ruleId, version: value.version, fixes };
}
