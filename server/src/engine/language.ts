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

/**
 * The language to lint a path as: Markdown by extension, plain text for
 * anything else, since a file named explicitly is linted whatever it is called.
 */
export function lintLanguageOf(path: string): DocumentLanguage {
  return languageFromPath(path) ?? 'plaintext';
}
