/**
 * The configuration of one CLI run: the config file (named by `--config`,
 * or the nearest one above the working directory, as in ESLint's flat
 * config), then the `--rule` overrides over it, and the ignore file
 * (`.policylintignore` or `--ignore-path`). Problems are returned as
 * ready-to-print lines so the caller decides when they appear.
 */
import * as path from 'node:path';
import { DEFAULT_CONFIG, resolveConfig, RULE_IDS, ruleSeverity, type LintConfig, type SeveritySetting } from '../engine';
import { findConfigFile, hasConfigErrors, loadConfigFile, type ConfigFileResult } from '../project/config-file';
import { createIgnorePredicate, type IgnorePredicate } from '../project/ignore';
import type { CliOptions } from './args';
import { loadIgnoreFile } from '../project/ignore-file';
import { LineIndex } from './positions';

export interface RunConfig {
  readonly config: LintConfig;
  readonly isIgnored: IgnorePredicate;
  /** The file whose patterns ignore `absolutePath` (the config file or the ignore file), or undefined when none does. */
  readonly ignoredBy: (absolutePath: string) => string | undefined;
  /** The config file used, if any. */
  readonly file: string | undefined;
  /** The ignore file read, if any. */
  readonly ignoreFile: string | undefined;
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
  let configIgnores: IgnorePredicate = () => false;
  if (file !== undefined) {
    const loaded = await loadConfigFile(file);
    messages.push(...formatConfigProblems(loaded, cwd));
    failed = hasConfigErrors(loaded);
    // resolveConfig keeps the default for every key the file got wrong.
    base = resolveConfig(loaded.config, DEFAULT_CONFIG).config;
    configIgnores = createIgnorePredicate(base.ignore, path.dirname(file));
  }
  // --rule values were validated while parsing the arguments.
  const config = Object.keys(options.rules).length > 0 ? resolveConfig({ rules: options.rules }, base).config : base;

  let ignoreFile: string | undefined;
  let fileIgnores: IgnorePredicate = () => false;
  const ignore = await loadIgnoreFile(options.ignorePath, cwd);
  if (ignore.kind === 'loaded') {
    ignoreFile = ignore.file;
    fileIgnores = ignore.isIgnored;
  } else if (ignore.kind === 'error') {
    // Like a broken config file: lint on, but the run fails, since files meant to be skipped may have been linted.
    messages.push(`policylint: cannot read ignore file ${path.relative(cwd, ignore.file) || ignore.file}: ${ignore.reason}`);
    failed = true;
  }

  // Either file can ignore a file; a `!` pattern in one cannot re-include what the other ignores.
  const ignoredBy = (absolutePath: string): string | undefined => {
    if (file !== undefined && configIgnores(absolutePath)) return file;
    if (ignoreFile !== undefined && fileIgnores(absolutePath)) return ignoreFile;
    return undefined;
  };
  return { config, isIgnored: (absolutePath) => ignoredBy(absolutePath) !== undefined, ignoredBy, file, ignoreFile, messages, failed };
}

/**
 * The configuration as `--print-config` shows it: the engine's settings with
 * every rule's severity spelled out, defaults included, because "which rules
 * run, and how loudly" is what people ask the command to tell them.
 */
export function describeConfig(config: LintConfig): Record<string, unknown> {
  const rules: Record<string, SeveritySetting> = {};
  for (const id of RULE_IDS) rules[id] = ruleSeverity(config, id);
  // Every other section as it is, so a section the engine adds later is shown without a change here.
  const { rules: _overrides, ...sections } = config;
  return { rules, ...sections };
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
