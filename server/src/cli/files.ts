/**
 * Turns command-line arguments into the sorted list of files to lint.
 * Directories are walked for the supported extensions only; a file named
 * explicitly is linted whatever its extension, because the user asked for it.
 */
import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { IGNORED_DIRECTORIES } from '../project/ignore';
import { SUPPORTED_EXTENSIONS } from '../engine';
import { describeFsError } from '../project/read';


const IGNORE_GLOBS = IGNORED_DIRECTORIES.map((name) => `**/${name}/**`);

/** `**\/*.{md,markdown,txt}` built from the engine's list so the two never drift apart. */
const SUPPORTED_GLOB = `**/*.{${SUPPORTED_EXTENSIONS.map((ext) => ext.replace(/^\./, '')).join(',')}}`;

/** An argument that could not be used. */
export interface DiscoveryError {
  /** One line, without the `policylint:` prefix. */
  readonly message: string;
  /**
   * The argument only matched nothing (a missing path, a glob without
   * matches, a glob whose matches are all ignored), which
   * `--no-error-on-unmatched-pattern` turns into a warning.
   */
  readonly unmatched: boolean;
}

export interface Discovery {
  /** Absolute paths, unique, sorted by code unit so output order is the same on every machine. */
  readonly files: string[];
  /** One per argument that could not be used, in argument order. */
  readonly errors: DiscoveryError[];
  /** Files named on the command line that the config's `ignore` globs match, as given; not in `files`. */
  readonly ignored: string[];
}

/**
 * Resolves `patterns` (paths, directories, globs) against `cwd`; no patterns
 * means `cwd` itself. An argument that matches nothing is reported, not
 * thrown, so the other arguments are still linted. Files that `isIgnored`
 * matches are dropped silently when a folder or glob found them and listed
 * in `ignored` when named outright, as ESLint does: the user asked for that
 * file, so silence would look like a clean result. A glob whose every match
 * is ignored is an error, as in ESLint, for the same reason.
 */
export async function discoverFiles(
  patterns: readonly string[],
  cwd: string,
  isIgnored: (absolutePath: string) => boolean = () => false,
): Promise<Discovery> {
  const found = new Set<string>();
  const errors: DiscoveryError[] = [];
  const error = (message: string): number => errors.push({ message, unmatched: false });
  const unmatched = (message: string): number => errors.push({ message, unmatched: true });
  const ignored: string[] = [];
  const ignoredPaths = new Set<string>();
  const targets = patterns.length === 0 ? ['.'] : patterns;

  for (const pattern of targets) {
    const absolute = path.resolve(cwd, pattern);
    let stats: Stats | undefined;
    try {
      stats = await stat(absolute);
    } catch (problem) {
      const code = (problem as NodeJS.ErrnoException).code;
      // Anything but "not there" (a symlink loop, a locked parent) is worth saying as it is.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        error(`${pattern}: ${describeFsError(problem)}`);
        continue;
      }
    }
    if (stats?.isDirectory()) {
      for (const file of await walkDirectory(absolute)) if (!isIgnored(file)) found.add(file);
    } else if (stats?.isFile()) {
      if (!isIgnored(absolute)) found.add(absolute);
      else if (!ignoredPaths.has(absolute)) {
        ignoredPaths.add(absolute);
        ignored.push(pattern);
      }
    } else if (stats) {
      // FIFOs and devices would block or never end when read.
      error(`${pattern}: not a regular file or directory`);
    } else if (isDynamicPattern(pattern)) {
      const matches = await glob(pattern, {
        cwd,
        absolute: true,
        dot: true,
        expandDirectories: false,
        ignore: IGNORE_GLOBS,
      });
      const kept = matches.map((file) => path.resolve(file)).filter((file) => !isIgnored(file));
      if (matches.length === 0) unmatched(`no files match the pattern "${pattern}"`);
      else if (kept.length === 0) unmatched(`all files matching the pattern "${pattern}" are ignored by the configuration`);
      for (const file of kept) found.add(file);
    } else {
      unmatched(`${pattern}: no such file or directory`);
    }
  }

  return { files: [...found].sort(compareCodeUnits), errors, ignored };
}

/** The supported files under `directory`, skipping the ignored directories at any depth. */
async function walkDirectory(directory: string): Promise<string[]> {
  const matches = await glob(SUPPORTED_GLOB, {
    cwd: directory,
    absolute: true,
    dot: true,
    // `.MD` and `.Txt` are still drafts.
    caseSensitiveMatch: false,
    expandDirectories: false,
    ignore: IGNORE_GLOBS,
  });
  return matches.map((file) => path.resolve(file));
}

/** Locale-independent ordering: `localeCompare` differs between machines and ICU builds. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
