/**
 * The policylint version, in its own module so that formatters (SARIF names
 * the tool's version) can read it without importing the whole command.
 */
import { version as packageVersion } from '../../../package.json';

/** The version baked in at build time (esbuild inlines package.json). */
export const VERSION: string = packageVersion;
