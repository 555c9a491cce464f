/**
 * Command-line argument parsing. Flags follow ESLint's names and meanings
 * (`--format`, `--max-warnings`, `--stdin`, `--stdin-filename`) because CI
 * maintainers already know them.
 */
import { parseArgs } from 'node:util';

export const FORMATS = ['stylish', 'json'] as const;
export type FormatName = (typeof FORMATS)[number];

/** Everything the command line asked for, validated. */
export interface CliOptions {
  /** Paths, directories or globs; empty means "the working directory". */
  readonly patterns: readonly string[];
  readonly format: FormatName;
  /** Warnings allowed before the exit code becomes 1; -1 means no limit. */
  readonly maxWarnings: number;
  readonly stdin: boolean;
  /** The name stdin text is reported under and whose extension picks the language. */
  readonly stdinFilename: string | undefined;
  readonly help: boolean;
  readonly version: boolean;
}

/** Either the options or a one-line usage error (without the `policylint:` prefix). */
export type ParseResult = { readonly ok: true; readonly options: CliOptions } | { readonly ok: false; readonly error: string };

export const USAGE = `Usage: policylint [options] [file|dir|glob ...]

Lints policy drafts (Markdown and plain text). Without arguments, lints the
.md, .markdown and .txt files under the working directory, skipping
node_modules and .git. A directory means those files under it; a file is
linted whatever its extension (as Markdown if .md or .markdown, else as text).

Options:
  -f, --format <name>      Output format: stylish (default) or json
      --max-warnings <n>   Exit with 1 when there are more than n warnings
                           (default: -1, no limit)
      --stdin              Lint text read from standard input
      --stdin-filename <f> Report stdin text as file f (its extension picks
                           the language)
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
        'max-warnings': { type: 'string' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
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

  return {
    ok: true,
    options: {
      patterns: positionals,
      format: format as FormatName,
      maxWarnings,
      stdin,
      stdinFilename,
      help: values.help ?? false,
      version: values.version ?? false,
    },
  };
}

/** Node's parseArgs messages run over several sentences and lines; keep the first, which names the problem. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = (message.split('\n')[0] ?? '').split('. ')[0]!.replace(/\.$/, '').trim();
  const text = first === '' ? 'invalid arguments' : first.charAt(0).toLowerCase() + first.slice(1);
  return `${text} (see policylint --help)`;
}
