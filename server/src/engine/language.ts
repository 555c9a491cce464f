/** Maps file names to the document languages the engine understands. */
import type { DocumentLanguage } from './types';

/** File extensions linted by default, lower case with the dot. */
export const SUPPORTED_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.txt'];

/** The language of a path or URI by its extension, or undefined when unsupported. */
export function languageFromPath(path: string): DocumentLanguage | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  if (lower.endsWith('.txt') || lower.endsWith('.text')) return 'plaintext';
  return undefined;
}
