/**
 * The configuration of one CLI run: the config file (named by `--config`,
 * or the nearest one above the working directory, as in ESLint's flat
 * config), then the `--rule` overrides over it. Problems are returned as
 * ready-to-print lines so the caller decides when they appear.
 */
import * as path from 'node:path';
import { DEFAULT_CONFIG, resolveConfig, type LintConfig } from '../engine';
import { findConfigFile, hasConfigErrors, loadConfigFile, type ConfigFileResult } from '../project/config-file';
import { createIgnorePredicate, type IgnorePredicate } from '../project/ignore';
import type { CliOptions } from './args';
import { LineIndex } from './positions';

export interface RunConfig {
  readonly config: LintConfig;
  readonly isIgnored: IgnorePredicate;
  /** The config file used, if any. */
  readonly file: string | undefined;
  /** Lines for stderr: `file:line:col: error|warning message` per problem, and notes about shadowed files. */
  readonly messages: readonly string[];
  /** True when the config file has errors: the run must end with exit code 2 and must not fix. */
  readonly failed: boolean;
}

/**
 * Loads the configuration `options` ask for. Never throws: a broken config
 * file still yields a usable configuration (the defaults in place of what
 * failed) so that the run can report both the config problems and the drafts'.
 */
export async function loadRunConfig(options: CliOptions, cwd: string): Promise<RunConfig> {
  const messages: string[] = [];
  let file: string | undefined;
  if (options.config !== undefined) {
    file = path.resolve(cwd, options.config);
  } else if (!options.noConfig) {
    const found = await findConfigFile(cwd);
    if (found) {
      file = found.path;
      for (const warning of found.warnings) messages.push(`policylint: warning: ${warning}`);
    }
  }

  let base = DEFAULT_CONFIG;
  let failed = false;
  let isIgnored: IgnorePredicate = () => false;
  if (file !== undefined) {
    const loaded = await loadConfigFile(file);
    messages.push(...formatConfigProblems(loaded, cwd));
    failed = hasConfigErrors(loaded);
    // resolveConfig keeps the default for every key the file got wrong.
    base = resolveConfig(loaded.config, DEFAULT_CONFIG).config;
    isIgnored = createIgnorePredicate(base.ignore, path.dirname(file));
  }
  // --rule values were validated while parsing the arguments.
  const config = Object.keys(options.rules).length > 0 ? resolveConfig({ rules: options.rules }, base).config : base;
  return { config, isIgnored, file, messages, failed };
}

/**
 * `file:line:col: severity message`, the shape compilers print and that
 * terminals and editors turn into links. Lines and columns are 1-based.
 */
export function formatConfigProblems(result: ConfigFileResult, cwd: string): string[] {
  const shown = path.relative(cwd, result.path) || result.path;
  const lines = new LineIndex(result.text);
  return result.problems.map((problem) => {
    const { line, column } = lines.position(problem.range[0]);
    return `${shown}:${line}:${column}: ${problem.severity} ${problem.message.replace(/\s*[\r\n]+\s*/g, ' ')}`;
  });
}
