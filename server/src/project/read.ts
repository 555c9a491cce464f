/**
 * Reads the files to lint. Text is kept exactly as stored (a BOM included)
 * because engine offsets must index the file as it is on disk; binary and
 * huge files are skipped rather than failing the run, since a glob or a
 * directory can easily pick up one by accident.
 */
import { open } from 'node:fs/promises';

/** Files larger than this are skipped by default (`--max-file-size`): no policy draft is this big, and linting one would stall CI. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** How far to look for a NUL byte, the same heuristic git and grep use to call a file binary. */
export const BINARY_SNIFF_BYTES = 8 * 1024;

export type ReadOutcome =
  /** `bytes` as read, so `--fix` can tell whether the file changed on disk since and whether the text re-encodes losslessly. */
  | { readonly kind: 'text'; readonly text: string; readonly bytes: Buffer }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'error'; readonly reason: string };

/** Reads one file; never throws, so one unreadable file cannot stop the others. */
export async function readSourceFile(file: string, maxBytes = MAX_FILE_BYTES): Promise<ReadOutcome> {
  let handle;
  try {
    handle = await open(file, 'r');
    const { size } = await handle.stat();
    if (size > maxBytes) return { kind: 'skipped', reason: `larger than ${formatSize(maxBytes)}` };
    const bytes = await handle.readFile();
    // The file may have grown since stat.
    if (bytes.length > maxBytes) return { kind: 'skipped', reason: `larger than ${formatSize(maxBytes)}` };
    if (looksBinary(bytes)) return { kind: 'skipped', reason: 'binary file' };
    // Buffer#toString keeps a leading BOM (TextDecoder would drop it and shift every offset).
    return { kind: 'text', text: bytes.toString('utf8'), bytes };
  } catch (error) {
    return { kind: 'error', reason: describeFsError(error) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Reads `files` a few at a time, keeping their order: thousands of parallel opens would hit EMFILE. */
export async function readSourceFiles(files: readonly string[], concurrency = 16, maxBytes = MAX_FILE_BYTES): Promise<ReadOutcome[]> {
  const outcomes: ReadOutcome[] = new Array(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      outcomes[index] = await readSourceFile(files[index]!, maxBytes);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  return outcomes;
}

/** True when the first bytes contain a NUL, which no UTF-8 text file does. */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/** "5 MB", "500 KB", or bytes when neither divides it, as --max-file-size was likely written. */
export function formatSize(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes.toLocaleString('en-US')} bytes`;
}

/** Node's fs messages repeat the path and the errno name; this keeps the human part for a one-line report. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
