/** Builds the document model for a source document. */
import type { SourceDocument } from '../types';
import { flatten } from './flatten';
import { computeLineStarts } from './lines';
import { parseMarkdownBlocks } from './markdown';
import { isProse, type ParsedDocument } from './model';
import { parsePlainTextBlocks } from './plaintext';

/** Parses `doc` into blocks, prose blocks and sentences with document offsets. */
export function parseDocument(doc: SourceDocument): ParsedDocument {
  // The text an editor hands over after an edit is usually a rope of concatenations, on which every
  // character read walks the rope (5-7 times slower); the engine then scans it many times.
  flatten(doc.text);
  const blocks = doc.languageId === 'markdown' ? parseMarkdownBlocks(doc.text) : parsePlainTextBlocks(doc.text);
  return {
    uri: doc.uri,
    languageId: doc.languageId,
    text: doc.text,
    blocks,
    prose: blocks.filter(isProse),
    lineStarts: computeLineStarts(doc.text),
  };
}
