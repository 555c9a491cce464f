/**
 * A document's summary: everything the cross-document rules and the final
 * directive step need from it, as plain data (structured-clone-able, no
 * functions, no class instances). Computing it is the expensive per-document
 * part of those rules (paragraph signatures, sentence keys, name mentions);
 * what runs over the whole set then reads summaries only. So a worker thread
 * can summarise a file and post the summary back, a cache can keep the
 * summaries of unchanged files, a CI shard can summarise every file and
 * report only its own, and an editor re-summarises only the file that changed.
 */
import { findDirectives, type Directive } from './directives';
import type { DocumentRef, ParsedDocument } from './document/model';
import { summarizeNames, type NamesSummary } from './names/index';
import { summarizeParagraphs, type ParagraphSummary } from './repeats/summary';
import type { Finding } from './types';

export interface DocumentSummary extends DocumentRef {
  /** The document's inline directives. */
  readonly directives: readonly Directive[];
  /** Malformed directives, reported as `invalid-directive` (severity applied when reported). */
  readonly directiveProblems: readonly Finding[];
  /** Prose paragraphs for repeated-paragraph and repeated-sentence. */
  readonly paragraphs: readonly ParagraphSummary[];
  /** Mentions and acronym definitions for the name and acronym rules. */
  readonly names: NamesSummary;
}

const summaries = new WeakMap<ParsedDocument, DocumentSummary>();

/**
 * The summary of `doc`, computed once per parsed document. It depends on the
 * text alone, not on the configuration, so it can be cached by content.
 */
export function summarizeDocument(doc: ParsedDocument): DocumentSummary {
  const cached = summaries.get(doc);
  if (cached) return cached;
  const { directives, problems } = findDirectives(doc);
  const summary: DocumentSummary = {
    uri: doc.uri,
    languageId: doc.languageId,
    text: doc.text,
    lineStarts: doc.lineStarts,
    directives,
    directiveProblems: problems,
    paragraphs: summarizeParagraphs(doc),
    names: summarizeNames(doc),
  };
  summaries.set(doc, summary);
  return summary;
}
