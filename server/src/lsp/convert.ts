/**
 * The one place engine offsets become LSP positions. The engine speaks
 * `[start, end)` UTF-16 offsets, which is also the LSP default position
 * encoding, so the conversion is a line lookup and never re-encodes text.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, DiagnosticTag, type Range, type TextEdit } from 'vscode-languageserver';
import type { DocumentLanguage, FindingTag, OffsetRange, Severity } from '../engine';

/**
 * Converts an engine offset range to an LSP range in `doc`. Offsets outside
 * the text are clamped by `positionAt`, so a stale range degrades to a wrong
 * highlight instead of an exception.
 */
export function toLspRange(doc: TextDocument, range: OffsetRange): Range {
  const start = Math.min(range[0], range[1]);
  return { start: doc.positionAt(start), end: doc.positionAt(Math.max(range[0], range[1])) };
}

/** Converts one engine edit, whose offsets must belong to `doc`'s current version. */
export function toLspTextEdit(doc: TextDocument, edit: { readonly range: OffsetRange; readonly newText: string }): TextEdit {
  return { range: toLspRange(doc, edit.range), newText: edit.newText };
}

/** Maps engine severities onto LSP's numeric ones. */
export function toLspSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'info':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
  }
}

/** Maps engine tags onto LSP diagnostic tags; undefined when none apply, to keep payloads small. */
export function toLspTags(tags: readonly FindingTag[] | undefined): DiagnosticTag[] | undefined {
  if (!tags?.includes('unnecessary')) return undefined;
  return [DiagnosticTag.Unnecessary];
}

/**
 * The engine language for an editor language id, or undefined for documents
 * the server must ignore (the client may still send them, e.g. other editors).
 */
export function toEngineLanguage(languageId: string): DocumentLanguage | undefined {
  if (languageId === 'markdown') return 'markdown';
  // Neovim and other clients name plain text 'text'.
  if (languageId === 'plaintext' || languageId === 'text') return 'plaintext';
  return undefined;
}

/** Whether two LSP ranges are identical. */
export function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

function isPosition(value: unknown): boolean {
  const p = value as { line?: unknown; character?: unknown } | null;
  return typeof p === 'object' && p !== null && Number.isInteger(p.line) && Number.isInteger(p.character);
}

/** Whether a value from the client (untrusted) has the shape of an LSP range. */
export function isRange(value: unknown): value is Range {
  const r = value as { start?: unknown; end?: unknown } | null;
  return typeof r === 'object' && r !== null && isPosition(r.start) && isPosition(r.end);
}
