/**
 * `--cache`: each file's analysis (its summary for cross-file rules, and its
 * own findings) kept between runs, keyed by the file's content hash. The
 * whole cache belongs to one configuration and one policylint version;
 * either changing empties it. Stored with `v8.serialize`, which keeps the
 * typed arrays and shared objects of summaries as they are and reads back
 * far faster than JSON. A cache that cannot be read is a warning and an
 * empty cache, never a failed run: it only ever saves time.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { DocumentAnalysis, LintConfig } from '../engine';
import { describeFsError } from '../project/read';

/** The cache file used when `--cache-location` does not name one. */
export const DEFAULT_CACHE_FILE = '.policylintcache';

/** Bumped when the file layout changes, so an old file is dropped rather than misread (the key also holds the engine build, see `ENGINE_BUILD`). */
const FORMAT = 2;

/** One file's cached analysis. */
export interface CacheEntry {
  /** SHA-256 of the file's bytes when analysed. */
  readonly hash: string;
  /** Without `findings` when the file was only summarised (another shard's file). */
  readonly analysis: DocumentAnalysis;
}

interface CacheData {
  readonly format: number;
  /** policylint version, engine build and resolved configuration: a cache made under others is not used. */
  readonly key: string;
  readonly entries: Map<string, CacheEntry>;
}

/** What decides whether cached analyses still hold, besides the file content. */
export function cacheKey(version: string, config: LintConfig): string {
  return JSON.stringify({ version, config });
}

/**
 * The cache file for `--cache-location` (relative to `cwd`): a folder, or a
 * location ending in a slash, means `.policylintcache` inside it.
 */
export async function resolveCacheFile(location: string | undefined, cwd: string): Promise<string> {
  if (location === undefined) return path.resolve(cwd, DEFAULT_CACHE_FILE);
  const resolved = path.resolve(cwd, location);
  if (/[\\/]$/.test(location)) return path.join(resolved, DEFAULT_CACHE_FILE);
  const stats = await stat(resolved).catch(() => undefined);
  return stats?.isDirectory() ? path.join(resolved, DEFAULT_CACHE_FILE) : resolved;
}

/**
 * The entries of `file` if it was made under `key`; an empty map when there
 * is no cache yet or it was made under another key, and an empty map with
 * a warning when it cannot be read or is not a policylint cache.
 */
export async function loadCache(file: string, key: string): Promise<{ entries: Map<string, CacheEntry>; warning?: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    // No cache yet (or no folder for it yet): the first run makes it.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { entries: new Map() };
    return { entries: new Map(), warning: describeFsError(error) };
  }
  try {
    const data = deserialize(bytes) as Partial<CacheData> | null;
    if (!data || data.format !== FORMAT || !(data.entries instanceof Map)) return { entries: new Map(), warning: 'not a policylint cache of this version' };
    return { entries: data.key === key ? data.entries : new Map() };
  } catch {
    return { entries: new Map(), warning: 'the file is damaged' };
  }
}

/**
 * Writes the cache atomically (a temporary file renamed over the old one),
 * so a run that is killed, or two runs at once, never leave half a file.
 * Returns why it could not be written.
 */
export async function saveCache(file: string, key: string, entries: Map<string, CacheEntry>): Promise<string | undefined> {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, serialize({ format: FORMAT, key, entries } satisfies CacheData));
    await rename(temporary, file);
    return undefined;
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    return describeFsError(error);
  }
}
