/**
 * Finding the Markdown and text files of a workspace folder on disk. Globbing
 * and ignore matching are tinyglobby's; this module adds what a language
 * server needs around it: a bound on the number of files (a workspace can be
 * a monorepo), cancellation, progress counts, and one path per real file
 * (symlinks must not make a file repeat itself).
 */
import * as fs from 'node:fs';
import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import { escapePath, glob } from 'tinyglobby';
import { SUPPORTED_EXTENSIONS } from '../engine';
import { IGNORED_DIRECTORIES } from '../cli/files';

/** At most this many files are linted per server: beyond it, the cost of a lint stops being interactive. */
export const MAX_SCAN_FILES = 20_000;

const EXTENSIONS = SUPPORTED_EXTENSIONS.map((ext) => ext.replace(/^\./, ''));
/** `**\/*.{md,markdown,txt}`, built from the engine's list so the two never drift apart. */
export const SUPPORTED_GLOB = `**/*.{${EXTENSIONS.join(',')}}`;
const SUPPORTED_NAME = new RegExp(`\\.(?:${EXTENSIONS.join('|')})$`, 'i');

/** Whether a file name has one of the extensions the server lints. */
export function isSupportedName(name: string): boolean {
  return SUPPORTED_NAME.test(name);
}

/** Thrown when a scan is cancelled through its signal. */
export class ScanCancelledError extends Error {
  constructor() {
    super('policylint: workspace scan cancelled');
    this.name = 'ScanCancelledError';
  }
}

function globsOf(pattern: string): string[] {
  const trimmed = pattern.trim().replace(/^\.\//, '').replace(/\/+$/, '');
  if (trimmed === '' || trimmed === '.' || path.isAbsolute(trimmed)) return [];
  // Like files.exclude, a pattern naming a folder excludes everything in it.
  return [trimmed, `${trimmed}/**`];
}

/**
 * The tinyglobby ignore list for a folder: `node_modules` and `.git` always,
 * the `files.exclude` globs whose value is `true` (VS Code's `{ when }`
 * conditions depend on sibling files and are not applied), and the
 * `policylint.ignore` globs. All are relative to the folder.
 */
export function scanIgnores(filesExclude: unknown, ignore: readonly string[]): string[] {
  const patterns = IGNORED_DIRECTORIES.flatMap((name) => globsOf(`**/${name}`));
  if (filesExclude !== null && typeof filesExclude === 'object' && !Array.isArray(filesExclude)) {
    for (const [pattern, enabled] of Object.entries(filesExclude)) if (enabled === true) patterns.push(...globsOf(pattern));
  }
  for (const pattern of ignore) patterns.push(...globsOf(pattern));
  return [...new Set(patterns)];
}

/**
 * The ignore list for open documents: only `policylint.ignore`. An open file
 * under `files.exclude` or `node_modules` was opened on purpose and is
 * linted; a `policylint.ignore` match is the user saying "never lint this".
 */
export function lintIgnores(ignore: readonly string[]): string[] {
  return [...new Set(ignore.flatMap(globsOf))];
}

/** Found files: absolute paths, one per real file, sorted; `truncated` when the bound cut the walk short. */
export interface FoundFiles {
  readonly paths: string[];
  readonly truncated: boolean;
}

export interface FindOptions {
  /** Stop after about this many candidate files (default {@link MAX_SCAN_FILES}). */
  readonly maxFiles?: number;
  /** A sub-folder of `root` (relative, `/`-separated) to look in instead of all of `root`. */
  readonly under?: string;
  readonly signal?: AbortSignal;
  /** Called as directories are read, with the number of candidate files seen so far. */
  readonly onProgress?: (found: number) => void;
}

type ReaddirCallback = (error: NodeJS.ErrnoException | null, entries: fs.Dirent[]) => void;

function globOptions(root: string, ignore: readonly string[]) {
  // `.MD` and `.Txt` are still drafts; ignores matching case-blind errs on the side of skipping.
  return { cwd: root, absolute: true, dot: true, caseSensitiveMatch: false, expandDirectories: false, ignore: [...ignore] };
}

/**
 * The supported files under `root`, minus `ignore`. Symlinks are followed
 * (fdir stops at loops); each real file is kept once, under its shortest
 * path, which is the one a loop did not lengthen. Throws
 * {@link ScanCancelledError} when `signal` aborts.
 */
export async function findFiles(root: string, ignore: readonly string[], options: FindOptions = {}): Promise<FoundFiles> {
  const maxFiles = options.maxFiles ?? MAX_SCAN_FILES;
  let seen = 0;
  let full = false;
  // tinyglobby has no file limit and aborting loses every result, so stop the walk
  // by showing it empty directories once enough candidates have been seen.
  const readdir = ((dir: fs.PathLike, opts: unknown, callback: ReaddirCallback) => {
    if (full) {
      callback(null, []);
      return;
    }
    fs.readdir(dir, opts as { withFileTypes: true }, (error, entries) => {
      if (!error) {
        for (const entry of entries) if (!entry.isDirectory() && isSupportedName(entry.name)) seen++;
        if (seen >= maxFiles) full = true;
        options.onProgress?.(seen);
      }
      callback(error, entries);
    });
  }) as unknown as typeof fs.readdir;

  const pattern = options.under ? `${escapePath(options.under)}/${SUPPORTED_GLOB}` : SUPPORTED_GLOB;
  const matches = await glob(pattern, {
    ...globOptions(root, ignore),
    fs: { readdir },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (options.signal?.aborted) throw new ScanCancelledError();
  const unique = await onePathPerFile(root, matches.map((file) => path.resolve(file)), options.signal);
  return { paths: unique.slice(0, maxFiles), truncated: full || unique.length > maxFiles };
}

/**
 * One path per real file. A file whose real location is inside `root` is
 * kept there and only if the walk found it there (so a link into an ignored
 * folder does not bring the folder back); a file outside `root` reached
 * through several links keeps its shortest path.
 */
async function onePathPerFile(root: string, paths: readonly string[], signal: AbortSignal | undefined): Promise<string[]> {
  const found = new Set(paths);
  const realRoot = await realpath(root).catch(() => root);
  const byRealPath = new Map<string, string>();
  const sorted = [...paths].sort(compareCodeUnits);
  for (let i = 0; i < sorted.length; i += 64) {
    if (signal?.aborted) throw new ScanCancelledError();
    const batch = sorted.slice(i, i + 64);
    const reals = await Promise.all(batch.map((file) => realpath(file).catch(() => undefined)));
    batch.forEach((file, index) => {
      const real = reals[index];
      // Gone since the walk, or a dangling link: nothing to read.
      if (real === undefined) return;
      const inside = path.relative(realRoot, real);
      if (!inside.startsWith('..') && !path.isAbsolute(inside)) {
        const home = path.join(root, inside);
        if (found.has(home)) byRealPath.set(real, home);
        return;
      }
      const kept = byRealPath.get(real);
      if (kept === undefined || file.length < kept.length) byRealPath.set(real, file);
    });
  }
  return [...byRealPath.values()].sort(compareCodeUnits);
}

/**
 * Which of `files` (absolute) exist under `root` with a supported name and
 * are not ignored; for file-change events, which arrive for ignored folders
 * too. One glob call per directory, each reading only that directory.
 */
export async function filterIncluded(root: string, files: readonly string[], ignore: readonly string[]): Promise<Set<string>> {
  const byDirectory = new Map<string, string[]>();
  for (const file of files) {
    const relative = path.relative(root, file);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative) || !isSupportedName(file)) continue;
    const dir = path.dirname(relative);
    const list = byDirectory.get(dir);
    const pattern = escapePath(relative.split(path.sep).join('/'));
    if (list) list.push(pattern);
    else byDirectory.set(dir, [pattern]);
  }
  const included = new Set<string>();
  for (const patterns of byDirectory.values()) {
    for (const match of await glob(patterns, globOptions(root, ignore))) included.add(path.resolve(match));
  }
  return included;
}

/**
 * Whether `file` (absolute, under `root`) matches `ignore`, or undefined
 * when it is not on disk: tinyglobby matches only files it finds, so an
 * unsaved or deleted file cannot be judged.
 */
export async function isIgnoredFile(root: string, file: string, ignore: readonly string[]): Promise<boolean | undefined> {
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  const pattern = escapePath(relative.split(path.sep).join('/'));
  if ((await glob([pattern], globOptions(root, []))).length === 0) return undefined;
  return (await glob([pattern], globOptions(root, ignore))).length === 0;
}

/** Locale-independent ordering: `localeCompare` differs between machines and ICU builds. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
