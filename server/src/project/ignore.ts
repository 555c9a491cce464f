/**
 * The `ignore` globs of a config file, turned into a predicate on absolute
 * paths. Shared by the CLI's file discovery and the language server's
 * workspace scan, so both skip exactly the same files.
 */
import * as path from 'node:path';
import picomatch from 'picomatch/posix';

/** Decides whether a file (not a folder: pass file paths) is left out of linting. */
export type IgnorePredicate = (absolutePath: string) => boolean;

/**
 * Builds `isIgnored` for `patterns` written relative to `baseDir` (the
 * config file's folder). The rules are .gitignore's, so that people need to
 * learn one syntax (and a later `.policylintignore` can share it):
 *
 * - globs use picomatch syntax (`*`, `**`, `{a,b}`, `[abc]`) and match dot
 *   files too (`.drafts/**`), case-sensitively;
 * - a pattern without a `/` (other than a trailing one) matches a name at
 *   any depth (`*.tmp.md`, `archive`); one with a leading or inner `/` is
 *   anchored to `baseDir` (`/notes.md`, `drafts/old/*.md`); a leading `./`
 *   anchors too;
 * - a pattern that matches a folder ignores everything under it, so
 *   `archive`, `archive/` and `archive/**` all ignore the whole folder; a
 *   trailing `/` makes a pattern match folders only;
 * - `!pattern` re-includes what an earlier pattern ignored; the last
 *   matching pattern wins;
 * - files outside `baseDir` are never ignored: a config file speaks only for
 *   its own folder, so patterns with `..` match nothing.
 */
export function createIgnorePredicate(patterns: readonly string[], baseDir: string): IgnorePredicate {
  const base = path.resolve(baseDir);
  const compiled = patterns.flatMap((raw) => {
    let pattern = raw.trim();
    const negated = pattern.startsWith('!');
    if (negated) pattern = pattern.slice(1);
    // Windows users write backslashes; picomatch's posix flavour would read them as escapes.
    if (path.sep === '\\') pattern = pattern.replace(/\\/g, '/');
    const directoryOnly = pattern.endsWith('/');
    pattern = pattern.replace(/\/+$/, '');
    const anchored = pattern.includes('/');
    pattern = pattern.replace(/^(?:\.\/|\/)+/, '');
    if (pattern === '') return [];
    if (!anchored) pattern = `**/${pattern}`;
    return [{ negated, directoryOnly, matches: picomatch(pattern, { dot: true }) }];
  });
  if (compiled.length === 0) return () => false;

  return (absolutePath) => {
    const relative = path.relative(base, path.resolve(absolutePath));
    if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return false;
    const segments = relative.split(path.sep);
    // The file itself, then each folder it is in: "archive/2024/a.md", "archive/2024", "archive".
    const candidates = segments.map((_, index) => ({
      text: segments.slice(0, segments.length - index).join('/'),
      isDirectory: index > 0,
    }));
    let ignored = false;
    for (const pattern of compiled) {
      const hit = candidates.some((candidate) => (candidate.isDirectory || !pattern.directoryOnly) && pattern.matches(candidate.text));
      if (hit) ignored = !pattern.negated;
    }
    return ignored;
  };
}

/** Directories never walked: dependencies and version-control internals hold no drafts. */
export const IGNORED_DIRECTORIES: readonly string[] = ['node_modules', '.git'];
