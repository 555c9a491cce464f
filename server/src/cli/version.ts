/**
 * The policylint version, in its own module so that formatters (SARIF names
 * the tool's version) can read it without importing the whole command.
 */
import { version as packageVersion } from '../../../package.json';

/** The version baked in at build time (esbuild inlines package.json). */
export const VERSION: string = packageVersion;

declare const POLICYLINT_ENGINE_BUILD: string | undefined;

/** A hash of the engine's sources, set by the build (`source` when run unbundled, as in unit tests). */
export const ENGINE_BUILD: string = typeof POLICYLINT_ENGINE_BUILD === 'string' ? POLICYLINT_ENGINE_BUILD : 'source';
