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

/**
 * A change to the project configuration (`.policylint.yaml`) that settles a
 * finding instead of editing the text: naming the preferred form of a name,
 * or declaring two forms different names. The engine only describes it; the
 * editor writes the file.
 */
export type ConfigChange =
  | {
      readonly key: 'names.preferred';
      readonly value: string;
      /** Other forms of the same name, taken out of the list so that `value` is the one that applies. */
      readonly replaces: readonly string[];
    }
  | { readonly key: 'names.distinct'; readonly value: readonly string[] };

/**
 * A way to resolve a finding; `safe` fixes may be applied without review.
 * A fix with a `config` change has no text edits and is never safe.
 */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly safe: boolean;
  readonly config?: ConfigChange;
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
