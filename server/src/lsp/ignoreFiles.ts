/**
 * `.policylintignore` in the server. The CLI reads it from its working
 * directory, which in CI is the repository's root; the editor's counterpart
 * is the root of each workspace folder. Honouring it here keeps the editor
 * and CI agreeing on which files are linted and which count for cross-file
 * rules: a file CI leaves out must not report, nor be reported as the
 * earlier copy of a paragraph, in the editor. Reading and matching are the
 * CLI's own (`project/ignore-file.ts`).
 */
import * as path from 'node:path';
import { IGNORE_FILE_NAME, loadIgnoreFile } from '../project/ignore-file';
import type { IgnorePredicate } from '../project/ignore';
import { SettledLookups } from './settledLookups';

/** Whether a path names an ignore file, so that a change to it must be re-read. */
export function isIgnoreFileName(file: string): boolean {
  return path.basename(file) === IGNORE_FILE_NAME;
}

/**
 * Ignore files by workspace folder, cached until {@link invalidate}. Like
 * config files, a lint must not wait for the disk on every keystroke, so
 * settled answers are kept where {@link peek} finds them.
 */
export class IgnoreFiles {
  private readonly lookups: SettledLookups<IgnorePredicate>;

  /**
   * Whether the workspace is trusted. An untrusted one (VS Code's restricted
   * mode) must not decide what the editor hides, as with a config file's
   * `ignore` list, so its ignore file is not read.
   */
  trusted = true;

  constructor(private readonly warn: (message: string) => void) {
    this.lookups = new SettledLookups((folder, error) =>
      warn(`policylint: could not read the ${IGNORE_FILE_NAME} of ${folder}: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  /** The folder's ignore predicate if already read: null for none, undefined when not read yet. */
  peek(folder: string): IgnorePredicate | null | undefined {
    if (!this.trusted) return null;
    return this.lookups.peek(folder);
  }

  /** Reads (once per folder until invalidated) the ignore file at the root of `folder`. Never rejects. */
  resolve(folder: string): Promise<IgnorePredicate | null> {
    if (!this.trusted) return Promise.resolve(null);
    return this.lookups.get(folder, async () => {
      const outcome = await loadIgnoreFile(undefined, folder);
      if (outcome.kind === 'loaded') return outcome.isIgnored;
      // An unreadable file ignores nothing: say so, rather than quietly lint what the team meant to leave out.
      if (outcome.kind === 'error') this.warn(`policylint: could not read ${outcome.file}: ${outcome.reason}; it ignores nothing until it can be read`);
      return null;
    });
  }

  /** Forgets every file read: one appeared, changed or went away. */
  invalidate(): void {
    this.lookups.invalidate();
  }
}
