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
