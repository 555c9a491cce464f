/**
 * Finding the Markdown and text files of a workspace folder on disk. Globbing
 * and ignore matching are tinyglobby's; this module adds what a language
 * server needs around it: a bound on the number of files (a workspace can be
 * a monorepo), cancellation, progress counts, one path per real file
 * (symlinks must not make a file repeat itself), and never a step outside
 * the folder (a link out of it is not followed: the scan reads only what
 * the user opened as their workspace).
 */
import * as fs from 'node:fs';
import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import { escapePath, glob } from 'tinyglobby';
import { SUPPORTED_EXTENSIONS } from '../engine';
import { IGNORED_DIRECTORIES } from '../project/ignore';

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
type RealpathCallback = (error: NodeJS.ErrnoException | null, resolved: string) => void;

/** Whether absolute `file` is `root` or lies below it. */
function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * `fs.realpath` for the walk, failing for links whose target lies outside
 * `realRoot`. The walker treats a failed link as one to skip, so it never
 * lists a folder outside the workspace (a link to `/` or to a home folder)
 * nor returns a file from one.
 */
function realpathInside(realRoot: string) {
  return ((file: fs.PathLike, callback: RealpathCallback) => {
    fs.realpath(file, (error, resolved) => {
      if (error) callback(error, '');
      else if (!isInside(realRoot, resolved)) {
        callback(Object.assign(new Error(`policylint: ${String(file)} links outside the workspace folder`), { code: 'EXDEV' }), '');
      } else callback(null, resolved);
    });
  }) as unknown as typeof fs.realpath;
}

/** The folder's real location: the bound every link must stay within. */
async function realRootOf(root: string): Promise<string> {
  return realpath(root).catch(() => root);
}

function globOptions(root: string, realRoot: string, ignore: readonly string[], readdir?: typeof fs.readdir) {
  // `.MD` and `.Txt` are still drafts; ignores matching case-blind errs on the side of skipping.
  return {
    cwd: root,
    absolute: true,
    dot: true,
    caseSensitiveMatch: false,
    expandDirectories: false,
    ignore: [...ignore],
    fs: { realpath: realpathInside(realRoot), ...(readdir ? { readdir } : {}) },
  };
}

/**
 * The supported files under `root`, minus `ignore`. Symlinks are followed
 * while they stay inside `root` (fdir stops at loops); each real file is
 * kept once, under its own path in `root`. Throws
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
  const realRoot = await realRootOf(root);
  const matches = await glob(pattern, {
    ...globOptions(root, realRoot, ignore, readdir),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (options.signal?.aborted) throw new ScanCancelledError();
  const unique = await onePathPerFile(root, realRoot, matches.map((file) => path.resolve(file)), options.signal);
  return { paths: unique.slice(0, maxFiles), truncated: full || unique.length > maxFiles };
}

/**
 * One path per real file: its own path in `root`, and only if the walk
 * found it there (so a link into an ignored folder does not bring the
 * folder back). Files whose real location is outside `root` are dropped:
 * the walk refuses such links already, this catches a link changed since.
 */
async function onePathPerFile(root: string, realRoot: string, paths: readonly string[], signal: AbortSignal | undefined): Promise<string[]> {
  const found = new Set(paths);
  const byRealPath = new Map<string, string>();
  const sorted = [...paths].sort(compareCodeUnits);
  for (let i = 0; i < sorted.length; i += 64) {
    if (signal?.aborted) throw new ScanCancelledError();
    const batch = sorted.slice(i, i + 64);
    const reals = await Promise.all(batch.map((file) => realpath(file).catch(() => undefined)));
    batch.forEach((_, index) => {
      const real = reals[index];
      // Gone since the walk, a dangling link, or a link out of the folder: nothing to read.
      if (real === undefined || !isInside(realRoot, real)) return;
      const home = path.join(root, path.relative(realRoot, real));
      if (found.has(home)) byRealPath.set(real, home);
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
  const realRoot = await realRootOf(root);
  for (const patterns of byDirectory.values()) {
    for (const match of await glob(patterns, globOptions(root, realRoot, ignore))) {
      // The glob starts in the file's own directory, so a link on the way there was never resolved: check the file itself.
      const file = path.resolve(match);
      const real = await realpath(file).catch(() => undefined);
      if (real !== undefined && isInside(realRoot, real)) included.add(file);
    }
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
  const realRoot = await realRootOf(root);
  if ((await glob([pattern], globOptions(root, realRoot, []))).length === 0) return undefined;
  return (await glob([pattern], globOptions(root, realRoot, ignore))).length === 0;
}

/** Locale-independent ordering: `localeCompare` differs between machines and ICU builds. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
