/**
 * Command-line argument parsing. Flags follow ESLint's names and meanings
 * (`--format`, `--max-warnings`, `--quiet`, `--output-file`, `--stdin`,
 * `--stdin-filename`, `--config`, `--no-config`, `--rule`, `--ignore-path`,
 * `--print-config`, `--fix`, `--fix-dry-run`, `--cache`, `--cache-location`,
 * `--concurrency`, `--no-error-on-unmatched-pattern`) because CI maintainers
 * already know them.
 */
import { parseArgs } from 'node:util';
import { isSeveritySetting, RULE_IDS, type SeveritySetting } from '../engine';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'checkstyle'] as const;
export type FormatName = (typeof FORMATS)[number];

/** Everything the command line asked for, validated. */
export interface CliOptions {
  /** Paths, directories or globs; empty means "the working directory". */
  readonly patterns: readonly string[];
  readonly format: FormatName;
  /** Warnings allowed before the exit code becomes 1; -1 means no limit. */
  readonly maxWarnings: number;
  /** `--quiet`: report errors only (warnings still count toward --max-warnings, as in ESLint). */
  readonly quiet: boolean;
  /** `--output-file F`: write the report to F (as given, relative to the working directory) instead of stdout. */
  readonly outputFile: string | undefined;
  readonly stdin: boolean;
  /** The name stdin text is reported under and whose extension picks the language. */
  readonly stdinFilename: string | undefined;
  /** `--config F`: this file and no search; undefined means search from the working directory. */
  readonly config: string | undefined;
  /** `--no-config`: no config file at all. */
  readonly noConfig: boolean;
  /** `--ignore-path F`: read ignore patterns from F instead of `.policylintignore`. */
  readonly ignorePath: string | undefined;
  /** `--print-config FILE`: print the configuration FILE would be linted with, and lint nothing. */
  readonly printConfig: string | undefined;
  /** `--rule id:severity` overrides, applied over the config file; the last one for an id wins. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** `--fix`: write safe fixes to the files (with `--stdin`: print the fixed text). */
  readonly fix: boolean;
  /** `--fix-dry-run`: print the fixes as a diff and write nothing. */
  readonly fixDryRun: boolean;
  /** `--concurrency`: worker threads for linting files; 1 lints in-process. */
  readonly concurrency: Concurrency;
  /** `--cache`: reuse the results of unchanged files from the cache file. */
  readonly cache: boolean;
  /** `--cache-location F`: the cache file (as given, relative to the working directory); undefined means `.policylintcache`. */
  readonly cacheLocation: string | undefined;
  /** `--shard i/n`: report only the i-th of n deterministic shares of the files (1-based). */
  readonly shard: Shard | undefined;
  /** `--max-file-size`: files larger than this many bytes are skipped with a warning. */
  readonly maxFileBytes: number;
  /** `--no-error-on-unmatched-pattern`: a path or glob that matches nothing is a warning, not exit 2. */
  readonly errorOnUnmatchedPattern: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

/** `auto`, or a number of worker threads (1: no worker, lint in-process). */
export type Concurrency = 'auto' | number;

/** One share of the files for a CI matrix job: `index` of `count`, 1-based. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** The default `--max-file-size`: no policy draft is this big, and linting one would stall CI. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Either the options or a one-line usage error (without the `policylint:` prefix). */
export type ParseResult = { readonly ok: true; readonly options: CliOptions } | { readonly ok: false; readonly error: string };

export const USAGE = `Usage: policylint [options] [file|dir|glob ...]

Lints policy drafts (Markdown and plain text). Without arguments, lints the
.md, .markdown and .txt files under the working directory, skipping
node_modules and .git. A directory means those files under it; a file is
linted whatever its extension (as Markdown if .md or .markdown, else as text).

Options:
  -f, --format <name>      Output format: stylish (default), json, sarif,
                           github, junit or checkstyle
  -o, --output-file <f>    Write the report to file f (creating its folders)
                           instead of standard output
      --quiet              Report errors only
      --max-warnings <n>   Exit with 1 when there are more than n warnings
                           (default: -1, no limit); with --quiet, warnings
                           still count although they are not reported
      --stdin              Lint text read from standard input
      --stdin-filename <f> Report stdin text as file f (its extension picks
                           the language)
      --max-file-size <s>  Skip files larger than s, with a warning: bytes,
                           or a number with kb or mb (default: 5mb)
      --no-error-on-unmatched-pattern
                           A path or glob that matches no file is a warning,
                           not exit code 2

Speed and CI:
      --concurrency <n>    Lint files in n worker threads; auto (default)
                           uses up to one per two cores for larger runs;
                           1 lints in the main thread. Results never
                           depend on it.
      --cache              Reuse the findings and cross-file data of files
                           unchanged since the last run with the same
                           configuration and policylint version
      --cache-location <f> The cache file (default: .policylintcache in the
                           working directory; a folder means a
                           .policylintcache in it)
      --shard <i/n>        Report only the i-th of n shares of the files
                           (for a CI matrix); cross-file rules still compare
                           every file. The shares are the same on every
                           machine and together report every file once.

Configuration:
  -c, --config <file>      Use this config file (YAML, or JSON if it ends in
                           .json) instead of searching for one
      --no-config          Use no config file, only the defaults and --rule
      --rule <id:severity> Set a rule's severity (error, warning, info, hint,
                           off) over the config file; repeatable, e.g.
                           --rule repeated-word:error
      --ignore-path <f>    Read ignore patterns (.gitignore syntax, relative
                           to the working directory) from file f instead of
                           .policylintignore
      --print-config <f>   Print, as JSON, the settings that file f would be
                           linted with, and lint nothing
  Without --config, the nearest .policylint.yaml, .policylint.yml or
  .policylint.json in the working directory or above it configures the whole
  run (nothing is merged from further up). Its "ignore" globs, relative to its
  folder, skip files found in folders or by globs; a file named on the command
  line that they match is skipped with a warning. A .policylintignore file in
  the working directory (or the --ignore-path file) skips files the same way,
  with .gitignore's syntax and rules. Problems in the config file
  are printed as file:line:col; errors in it end with exit code 2, after
  linting with the defaults in place of the settings that failed.

Fixing:
      --fix                Apply safe fixes and rewrite the files, then report
                           what is left. A file that changed on disk during
                           the run is not written (exit 2). With --stdin, print
                           the fixed text to stdout and the report to stderr.
      --fix-dry-run        Print the safe fixes as a unified diff on stdout,
                           then the report of what would be left; write
                           nothing. With --format json, no diff: each fixed
                           file gets ESLint's "output" (its fixed text).
  Fixes are applied until none is left (at most 10 passes). With errors in the
  config file, nothing is fixed. With --quiet, only fixes for errors apply.
  Fixing lints in the main thread and neither reads nor writes the cache;
  with --shard, only the shard's files are fixed.

  -h, --help               Show this help
  -v, --version            Show the version

Exit codes: 0 no errors and warnings within --max-warnings; 1 errors or too
many warnings; 2 bad usage, configuration or internal error.
`;

/**
 * Parses `argv` (without the node and script paths). Never throws: a bad
 * command line is an expected input and must become exit code 2 with a
 * readable message, not a stack trace.
 */
export function parseCliArgs(argv: readonly string[]): ParseResult {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        quiet: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean' },
        rule: { type: 'string', multiple: true },
        'ignore-path': { type: 'string' },
        'print-config': { type: 'string' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        concurrency: { type: 'string' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        shard: { type: 'string' },
        'max-file-size': { type: 'string' },
        'no-error-on-unmatched-pattern': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return { ok: false, error: describeParseError(error) };
  }
  const { values, positionals } = parsed;

  const format = values.format ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) {
    return { ok: false, error: `unknown format "${format}"; use one of ${FORMATS.join(', ')}` };
  }

  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    const text = values['max-warnings'].trim();
    maxWarnings = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(maxWarnings) || maxWarnings < -1) {
      return { ok: false, error: `--max-warnings must be a whole number of at least -1, not "${values['max-warnings']}"` };
    }
  }

  const stdin = values.stdin ?? false;
  const stdinFilename = values['stdin-filename'];
  if (stdinFilename !== undefined && !stdin) {
    return { ok: false, error: '--stdin-filename needs --stdin' };
  }
  if (stdinFilename !== undefined && stdinFilename.trim() === '') {
    return { ok: false, error: '--stdin-filename must not be empty' };
  }
  if (stdin && positionals.length > 0) {
    return { ok: false, error: '--stdin cannot be combined with file arguments' };
  }

  const config = values.config;
  const noConfig = values['no-config'] ?? false;
  if (config !== undefined && config.trim() === '') return { ok: false, error: '--config must name a file' };
  if (config !== undefined && noConfig) return { ok: false, error: '--config and --no-config cannot be used together' };

  const rules: Record<string, SeveritySetting> = {};
  for (const text of values.rule ?? []) {
    const parsedRule = parseRuleOption(text);
    if (typeof parsedRule === 'string') return { ok: false, error: parsedRule };
    rules[parsedRule.id] = parsedRule.severity;
  }

  const fix = values.fix ?? false;
  const fixDryRun = values['fix-dry-run'] ?? false;
  if (fix && fixDryRun) return { ok: false, error: '--fix and --fix-dry-run cannot be used together' };

  const outputFile = values['output-file'];
  if (outputFile !== undefined && outputFile.trim() === '') return { ok: false, error: '--output-file must name a file' };
  const ignorePath = values['ignore-path'];
  if (ignorePath !== undefined && ignorePath.trim() === '') return { ok: false, error: '--ignore-path must name a file' };

  const printConfig = values['print-config'];
  if (printConfig !== undefined) {
    // As in ESLint: the file to describe is the option's value, so anything else to lint is a mistake.
    if (printConfig.trim() === '') return { ok: false, error: '--print-config must name a file' };
    if (positionals.length > 0) return { ok: false, error: '--print-config takes one file and cannot be combined with file arguments' };
    if (stdin) return { ok: false, error: '--print-config cannot be combined with --stdin' };
  }

  const concurrency = parseConcurrency(values.concurrency ?? 'auto');
  if (typeof concurrency === 'string' && concurrency !== 'auto') return { ok: false, error: concurrency };

  const cache = values.cache ?? false;
  const cacheLocation = values['cache-location'];
  if (cacheLocation !== undefined && cacheLocation.trim() === '') return { ok: false, error: '--cache-location must name a file or folder' };
  if (cacheLocation !== undefined && !cache) return { ok: false, error: '--cache-location needs --cache' };
  if (cache && stdin) return { ok: false, error: '--cache cannot be combined with --stdin' };

  let shard: Shard | undefined;
  if (values.shard !== undefined) {
    const parsedShard = parseShard(values.shard);
    if (typeof parsedShard === 'string') return { ok: false, error: parsedShard };
    if (stdin) return { ok: false, error: '--shard cannot be combined with --stdin' };
    shard = parsedShard;
  }

  let maxFileBytes = DEFAULT_MAX_FILE_BYTES;
  if (values['max-file-size'] !== undefined) {
    const size = parseSize(values['max-file-size']);
    if (size === undefined) return { ok: false, error: `--max-file-size takes a size such as 500000, 500kb or 5mb, not "${values['max-file-size']}"` };
    maxFileBytes = size;
  }

  return {
    ok: true,
    options: {
      patterns: positionals,
      format: format as FormatName,
      maxWarnings,
      quiet: values.quiet ?? false,
      outputFile,
      stdin,
      stdinFilename,
      config,
      noConfig,
      ignorePath,
      printConfig,
      rules,
      fix,
      fixDryRun,
      concurrency,
      cache,
      cacheLocation,
      shard,
      maxFileBytes,
      errorOnUnmatchedPattern: !(values['no-error-on-unmatched-pattern'] ?? false),
      help: values.help ?? false,
      version: values.version ?? false,
    },
  };
}

/** `auto` or a whole number of at least 1; a message for anything else. */
function parseConcurrency(text: string): Concurrency | string {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'auto') return 'auto';
  const count = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(count) || count < 1) return `--concurrency takes auto or a whole number of at least 1, not "${text}"`;
  return count;
}

/** `i/n` with 1 ≤ i ≤ n; a message for anything else. */
function parseShard(text: string): Shard | string {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = match ? Number(match[1]) : Number.NaN;
  const count = match ? Number(match[2]) : Number.NaN;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    return `--shard takes i/n with 1 <= i <= n (e.g. 2/3), not "${text}"`;
  }
  return { index, count };
}

const SIZE_UNITS: Readonly<Record<string, number>> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 * 1024, mb: 1024 * 1024, g: 1024 ** 3, gb: 1024 ** 3 };

/** A size in bytes from "500000", "500kb", "5mb" or "1.5 MB" (binary units: 1kb = 1,024 bytes); undefined when unreadable. */
export function parseSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!match) return undefined;
  const unit = SIZE_UNITS[match[2]!.toLowerCase()];
  if (unit === undefined) return undefined;
  const bytes = Math.floor(Number(match[1]) * unit);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

/** `id:severity` with optional spaces; a message for anything else, naming what would have been accepted. */
function parseRuleOption(text: string): { id: string; severity: SeveritySetting } | string {
  const colon = text.lastIndexOf(':');
  if (colon < 0) return `--rule takes id:severity (e.g. repeated-word:error), not "${text}"`;
  const id = text.slice(0, colon).trim();
  const severity = text.slice(colon + 1).trim();
  if (!RULE_IDS.includes(id)) return `--rule: unknown rule "${id}"; known rules: ${RULE_IDS.join(', ')}`;
  if (!isSeveritySetting(severity)) return `--rule: severity of "${id}" must be one of error, warning, info, hint, off, not "${severity}"`;
  return { id, severity };
}

/** Node's parseArgs messages run over several sentences and lines; keep the first, which names the problem. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = (message.split('\n')[0] ?? '').split('. ')[0]!.replace(/\.$/, '').trim();
  const text = first === '' ? 'invalid arguments' : first.charAt(0).toLowerCase() + first.slice(1);
  return `${text} (see policylint --help)`;
}
