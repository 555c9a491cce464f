/**
 * The whole command, as a function of its arguments and I/O, so tests can run
 * it in-process and the entry point stays a one-liner. Exit codes are ESLint's:
 * 0 clean (warnings within --max-warnings), 1 problems, 2 the run itself failed.
 */
import * as path from 'node:path';
import { version as packageVersion } from '../../../package.json';
import { DEFAULT_CONFIG, languageFromPath, lintDocuments, type SourceDocument } from '../engine';
import { parseCliArgs, USAGE, type CliOptions } from './args';
import { colorEnabled } from './color';
import { discoverFiles } from './files';
import { FORMATTERS } from './formatters';
import { readSourceFiles } from './read';
import { buildReports, totalsOf, type LintedSource } from './report';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FAILURE = 2;

/** Where output goes; `process.stdout` fits, and so does a string collector in tests. */
export interface OutputStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Read only with `--stdin`; `process.stdin` fits. */
  readonly stdin?: AsyncIterable<string | Uint8Array>;
  readonly cwd: string;
  /** Consulted for `NO_COLOR` and `FORCE_COLOR`; defaults to none set. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The name ESLint reports unnamed stdin text under. */
export const STDIN_PLACEHOLDER = '<text>';

/** The version baked in at build time (esbuild inlines package.json). */
export const VERSION: string = packageVersion;

/**
 * Runs the command and resolves to its exit code. Never rejects: any
 * unexpected failure becomes exit 2 with a one-line message, because CI
 * must be able to tell "the drafts have problems" from "the linter broke".
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`policylint: internal error: ${firstLine(message)}\n`);
    return EXIT_FAILURE;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const fail = (message: string): void => {
    io.stderr.write(`policylint: ${firstLine(message)}\n`);
  };

  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    fail(parsed.error);
    return EXIT_FAILURE;
  }
  const options = parsed.options;
  if (options.help) {
    io.stdout.write(USAGE);
    return EXIT_OK;
  }
  if (options.version) {
    io.stdout.write(`${VERSION}\n`);
    return EXIT_OK;
  }

  let failed = false;
  let sources: LintedSource[];
  let documents: SourceDocument[];
  if (options.stdin) {
    if (!io.stdin) {
      fail('--stdin was given but no standard input is available');
      return EXIT_FAILURE;
    }
    const source = await readStdinSource(io.stdin, options, io.cwd);
    sources = [source];
    documents = [toDocument(source, options.stdinFilename ?? '')];
  } else {
    const discovery = await discoverFiles(options.patterns, io.cwd);
    for (const error of discovery.errors) fail(error);
    failed = discovery.errors.length > 0;

    const outcomes = await readSourceFiles(discovery.files);
    sources = [];
    documents = [];
    discovery.files.forEach((file, index) => {
      const outcome = outcomes[index]!;
      const shown = path.relative(io.cwd, file) || file;
      if (outcome.kind === 'skipped') {
        fail(`skipped ${shown}: ${outcome.reason}`);
      } else if (outcome.kind === 'error') {
        fail(`cannot read ${shown}: ${outcome.reason}`);
        failed = true;
      } else {
        const source: LintedSource = { uri: file, filePath: file, text: outcome.text };
        sources.push(source);
        documents.push(toDocument(source, file));
      }
    });
  }

  // One call for every document: cross-file rules need to see the whole set.
  const results = documents.length > 0 ? lintDocuments(documents, DEFAULT_CONFIG) : [];
  const reports = buildReports(results, sources);

  const formatter = FORMATTERS[options.format];
  const output = formatter(reports, { cwd: io.cwd, color: colorEnabled(io.stdout, io.env ?? {}) });
  if (output !== '') io.stdout.write(output.endsWith('\n') ? output : `${output}\n`);

  const totals = totalsOf(reports);
  if (failed) return EXIT_FAILURE;
  if (totals.errorCount > 0) return EXIT_PROBLEMS;
  if (options.maxWarnings >= 0 && totals.warningCount > options.maxWarnings) {
    fail(`too many warnings (${totals.warningCount}; maximum: ${options.maxWarnings})`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

/** Stdin is decoded in one piece so a multi-byte character split across chunks survives. */
async function readStdinSource(stdin: AsyncIterable<string | Uint8Array>, options: CliOptions, cwd: string): Promise<LintedSource> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  const text = Buffer.concat(chunks).toString('utf8');
  const filePath = options.stdinFilename !== undefined ? path.resolve(cwd, options.stdinFilename) : STDIN_PLACEHOLDER;
  return { uri: filePath, filePath, text };
}

/** Markdown by extension, plain text for anything else: a file named explicitly is linted whatever it is called. */
function toDocument(source: LintedSource, name: string): SourceDocument {
  return { uri: source.uri, languageId: languageFromPath(name) ?? 'plaintext', text: source.text };
}

function firstLine(text: string): string {
  return text.split(/\r\n|\r|\n/)[0]!.trim();
}
