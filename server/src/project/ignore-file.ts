/**
 * `.policylintignore` and `--ignore-path`: ignore patterns in a file of
 * their own, written like a `.gitignore`, for teams that keep "what not to
 * lint" apart from how to lint it (or point policylint at their .gitignore).
 * Patterns are matched by the same predicate as the config file's `ignore`
 * list, so both behave alike.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { createIgnorePredicate, type IgnorePredicate } from './ignore';
import { describeFsError } from './read';

/** Read from the working directory when `--ignore-path` is not given. */
export const IGNORE_FILE_NAME = '.policylintignore';

/**
 * The patterns of a .gitignore-style text: blank lines and `#` comments
 * dropped, `\#` unescaped to a literal `#`, unescaped trailing spaces
 * removed. A leading `\!` is kept escaped so that it stays a literal `!`
 * rather than a negation, and an escaped trailing space becomes `[ ]`,
 * which the glob matcher reads as a space but nothing trims away.
 */
export function parseIgnoreFile(text: string): string[] {
  const patterns: string[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    // Trailing spaces are dropped unless the last one is escaped ("name\ ").
    const line = raw.replace(/(?<!\\)[ \t]+$/, '').replace(/\\ $/, '[ ]');
    patterns.push(line.startsWith('\\#') ? line.slice(1) : line);
  }
  return patterns;
}

export type IgnoreFileOutcome =
  | { readonly kind: 'loaded'; readonly file: string; readonly isIgnored: IgnorePredicate }
  | { readonly kind: 'absent' }
  | { readonly kind: 'error'; readonly file: string; readonly reason: string };

/**
 * Loads the ignore file for a run: `ignorePath` (relative to `cwd`) when
 * given, which must exist, or else `.policylintignore` in `cwd`, which may
 * not. Patterns are relative to `cwd` in both cases, as with ESLint's
 * `--ignore-path`, so that a shared file kept elsewhere (`ci/lint.ignore`)
 * is written in the project's own paths.
 */
export async function loadIgnoreFile(ignorePath: string | undefined, cwd: string): Promise<IgnoreFileOutcome> {
  const file = path.resolve(cwd, ignorePath ?? IGNORE_FILE_NAME);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (ignorePath === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    return { kind: 'error', file, reason: describeFsError(error) };
  }
  return { kind: 'loaded', file, isIgnored: createIgnorePredicate(parseIgnoreFile(text), cwd) };
}
