/**
 * Writing fixed files for `--fix` without ever losing someone's work: the
 * new content goes to a temporary file in the same folder, which then
 * replaces the original in one rename, so a crash or a full disk leaves
 * either the old file or the new one, never half of each. A file whose
 * bytes on disk differ from what was linted (an editor saved it meanwhile)
 * is left alone.
 */
import { randomBytes } from 'node:crypto';
import { access, constants, open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import * as path from 'node:path';
import { describeFsError } from './read';

export type WriteOutcome =
  | { readonly kind: 'written' }
  /** The file on disk no longer holds the bytes the fixes were computed from. */
  | { readonly kind: 'changed' }
  | { readonly kind: 'error'; readonly reason: string };

export interface WriteOptions {
  /**
   * Called after the new content is safely in the temporary file and just
   * before the final comparison with the file on disk: the window in which
   * another program's save must be noticed. Tests use it to make that save
   * happen deterministically.
   */
  readonly beforeCompare?: () => void | Promise<void>;
}

/**
 * Replaces `file` with `content` if it still holds exactly `expected`.
 * Keeps the file's permission bits (and owner, where allowed), writes
 * through a symbolic link to its target, and refuses read-only files.
 * Never throws. A save landing between the final comparison and the rename
 * can still be lost; without locks, which editors do not take, that
 * microsecond window cannot be closed.
 */
export async function writeFileAtomic(
  file: string,
  expected: Uint8Array,
  content: string,
  options: WriteOptions = {},
): Promise<WriteOutcome> {
  let temp: string | undefined;
  try {
    // Renaming over a link would replace the link with a plain file.
    const target = await realpath(file);
    const stats = await stat(target);
    if (!stats.isFile()) return { kind: 'error', reason: 'not a regular file' };
    // A file nobody may write is protected on purpose; the rename below would get past that.
    if ((stats.mode & 0o222) === 0) return { kind: 'error', reason: 'file is read-only' };
    await access(target, constants.W_OK);
    // Cheap early exit before creating anything.
    if (!(await holds(target, expected))) return { kind: 'changed' };

    temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.policylint-tmp`);
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.chmod(stats.mode & 0o7777);
      if (typeof process.getuid === 'function' && (stats.uid !== process.getuid() || stats.gid !== process.getgid?.())) {
        // Only root may give a file away; anyone else keeps their own ownership, as an editor's save would.
        await handle.chown(stats.uid, stats.gid).catch(() => undefined);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }

    await options.beforeCompare?.();
    if (!(await holds(target, expected))) {
      await unlink(temp).catch(() => undefined);
      temp = undefined;
      return { kind: 'changed' };
    }
    await rename(temp, target);
    temp = undefined;
    await syncDirectory(path.dirname(target));
    return { kind: 'written' };
  } catch (error) {
    return { kind: 'error', reason: describeFsError(error) };
  } finally {
    if (temp !== undefined) await unlink(temp).catch(() => undefined);
  }
}

async function holds(file: string, expected: Uint8Array): Promise<boolean> {
  const current = await readFile(file);
  return Buffer.compare(current, expected) === 0;
}

/** Makes the rename itself durable; not possible on every platform (Windows), and not worth failing over. */
async function syncDirectory(directory: string): Promise<void> {
  let handle;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch {
    // Best effort.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
