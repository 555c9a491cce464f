/**
 * Public types of the pure lint engine. Everything here is plain data so the
 * language server, the CLI and the tests can share it without conversions.
 * Ranges are `[start, end)` offsets in UTF-16 code units (JavaScript string
 * indices), the LSP's default position encoding.
 */

/** A half-open `[start, end)` range of UTF-16 offsets into a document's text. */
export type OffsetRange = readonly [start: number, end: number];

/** How serious a finding is; `off` disables a rule. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** The two document kinds the engine understands. */
export type DocumentLanguage = 'markdown' | 'plaintext';

/** A document handed to the engine: an identifier, its language and its text. */
export interface SourceDocument {
  /** Any stable identifier: a `file://` URI in the server, a path in the CLI. */
  readonly uri: string;
  readonly languageId: DocumentLanguage;
  readonly text: string;
}

/** A single text replacement; `uri` defaults to the finding's document. */
export interface TextEdit {
  readonly uri?: string;
  readonly range: OffsetRange;
  readonly newText: string;
}

/** A way to resolve a finding; `safe` fixes may be applied without review. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly safe: boolean;
}

/** Another place involved in a finding, such as the first copy of a paragraph. */
export interface RelatedLocation {
  readonly uri: string;
  readonly range: OffsetRange;
  readonly message: string;
}

/** Extra meaning an editor can render (LSP `DiagnosticTag`). */
export type FindingTag = 'unnecessary';

/** One problem found in a document. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: OffsetRange;
  readonly related?: readonly RelatedLocation[];
  readonly fixes?: readonly Fix[];
  readonly tags?: readonly FindingTag[];
}

/** The findings of one document, sorted by position. */
export interface DocumentResult {
  readonly uri: string;
  readonly findings: readonly Finding[];
}

/** Anything with the shape of an LSP cancellation token. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

/** Thrown when a lint run is cancelled through its token. */
export class LintCancelledError extends Error {
  constructor() {
    super('policylint: lint cancelled');
    this.name = 'LintCancelledError';
  }
}
