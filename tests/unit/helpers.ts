import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentLanguage, SourceDocument } from '../../server/src/engine/index';

/** Reads a fixture from tests/fixtures as text. */
export function fixture(name: string): string {
  return readFileSync(join(__dirname, '../fixtures', name), 'utf8');
}

/** A document for the engine; the language follows the uri's extension. */
export function doc(uri: string, text: string, languageId?: DocumentLanguage): SourceDocument {
  return { uri, text, languageId: languageId ?? (uri.endsWith('.md') ? 'markdown' : 'plaintext') };
}

/**
 * Where an edit goes, as a fraction of the text's length, spread over the
 * whole text with its two ends often among them. Not `fc.double` in [0, 1]:
 * doubles are drawn by bit pattern, so 99% of them lie within a thousandth of
 * 0 or 1, and property tests that placed edits with them hardly ever edited
 * the middle of a text.
 */
export const editAt: fc.Arbitrary<number> = fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1_000_000);

/** `source` with `remove` characters at fraction `at` of it (see {@link editAt}) replaced by `insert`. */
export function applyEdit(source: string, { at, remove, insert }: { readonly at: number; readonly remove: number; readonly insert: string }): string {
  const start = Math.floor(at * source.length);
  return source.slice(0, start) + insert + source.slice(Math.min(source.length, start + remove));
}
