/**
 * Paths as CI formats want them. Annotations, code-scanning alerts and test
 * reports are matched against the repository's files, so they use paths
 * relative to the working directory (the checkout, in CI) with `/` on every
 * platform, never the absolute path of one runner's workspace.
 */
import * as path from 'node:path';

/** True when `filePath` is an absolute path inside `cwd` (not `cwd` itself). */
export function isInside(filePath: string, cwd: string): boolean {
  if (!path.isAbsolute(filePath)) return false;
  const relative = path.relative(cwd, filePath);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/**
 * `filePath` relative to `cwd` with `/` separators. A path that is not
 * absolute (`<text>` for unnamed stdin) is kept as it is, and so is one on
 * another drive, where no relative path exists.
 */
export function slashRelative(filePath: string, cwd: string): string {
  if (!path.isAbsolute(filePath)) return filePath;
  const relative = path.relative(cwd, filePath);
  if (relative === '' || path.isAbsolute(relative)) return filePath.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}
