/**
 * The open documents as the client syncs them, with one guarantee the
 * protocol asks of clients but the server cannot assume: a document's
 * version only ever grows. Results, conversions and `diagnostic.data` are
 * all keyed by version, so a version that named two texts could serve
 * findings (and fix offsets) computed for the other text.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextDocuments, type TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { isRange } from './convert';

/** A change the text document can apply: text, and a well-formed range unless it replaces everything. */
function isChange(value: unknown): boolean {
  const change = value as { text?: unknown; range?: unknown } | null;
  return typeof change === 'object' && change !== null && typeof change.text === 'string' && (change.range === undefined || isRange(change.range));
}

/**
 * `TextDocuments` whose versions are strictly increasing: a change that
 * arrives with a version not above the document's (a stale or repeated
 * version from a misbehaving client) is applied, since the client's text
 * is the truth, under the next version instead, and `warn` says so. A
 * client holding the old version then has its versioned edits refused,
 * which is safe; it never gets findings for a text it no longer has.
 * A notification with a malformed change is refused whole (the error is
 * logged by the connection): applying `text: 42` would leave the
 * document's text and its line table out of step.
 */
export function createDocuments(warn: (message: string) => void): TextDocuments<TextDocument> {
  return new TextDocuments<TextDocument>({
    // A version that is not an integer would make every later version arithmetic produce strings.
    create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, Number.isInteger(version) ? version : 0, content),
    update: (document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument => {
      if (!Array.isArray(changes) || !changes.every(isChange)) {
        throw new Error(`policylint: ${document.uri}: malformed content change refused; the document keeps version ${document.version}`);
      }
      let next = version;
      if (!Number.isInteger(version) || version <= document.version) {
        next = document.version + 1;
        warn(`policylint: ${document.uri}: change with version ${String(version)} after version ${document.version}; applied as version ${next}`);
      }
      return TextDocument.update(document, changes, next);
    },
  });
}
