/**
 * The whole command, as a function of its arguments and I/O, so tests can run
 * it in-process and the entry point stays a one-liner. Exit codes are ESLint's:
 * 0 clean (warnings within --max-warnings), 1 problems, 2 the run itself failed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { lintDocuments, lintLanguageOf, type DocumentResult, type SourceDocument } from '../engine';
import { parseCliArgs, USAGE, type CliOptions } from './args';
import { colorEnabled } from './color';
import { cacheKey, resolveCacheFile } from './cache';
import { describeConfig, loadRunConfig } from './config';
import { unifiedDiff } from './diff';
import { discoverFiles } from './files';
import { fixUntilStable, MAX_FIX_PASSES } from './fix';
import { FORMATTERS } from './formatters';
import { lintFiles } from './lint-files';
import { describeFsError, readSourceFiles } from '../project/read';
import { buildReports, errorsOnly, totalsOf, type LintedSource } from './report';
import { inShard } from './shard';
import { ENGINE_BUILD, VERSION } from './version';
import { writeFileAtomic } from '../project/write';

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

export { VERSION } from './version';

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
  const shown = (file: string): string => (path.isAbsolute(file) ? path.relative(io.cwd, file) || file : file);

  const runConfig = await loadRunConfig(options, io.cwd);
  for (const message of runConfig.messages) io.stderr.write(`${message}\n`);
  let failed = runConfig.failed;

  if (options.printConfig !== undefined) {
    // One configuration serves the whole run; the file only matters for whether it is linted at all.
    const target = path.resolve(io.cwd, options.printConfig);
    const ignoredBy = runConfig.ignoredBy(target);
    if (ignoredBy !== undefined) fail(`warning: ${options.printConfig} is ignored by ${shown(ignoredBy)}, so it is not linted`);
    io.stdout.write(`${JSON.stringify(describeConfig(runConfig.config), null, 2)}\n`);
    return failed ? EXIT_FAILURE : EXIT_OK;
  }

  const fixing = options.fix || options.fixDryRun;
  /** The reported files, matching `results` once linted. */
  let sources: LintedSource[];
  /** Files linted but not reported (other shards'): related locations may point into them. */
  let others: LintedSource[] = [];
  /** What the fixing and stdin paths lint in one process; the other path lints files itself. */
  let documents: SourceDocument[] = [];
  let results: DocumentResult[] | undefined;
  /** Bytes as read, per uri, for files that --fix may rewrite. */
  const bytesRead = new Map<string, Buffer>();
  /** With --shard and fixing: the uris of the shard's own files. */
  let ownUris: ReadonlySet<string> | undefined;
  if (options.stdin) {
    if (!io.stdin) {
      fail('--stdin was given but no standard input is available');
      return EXIT_FAILURE;
    }
    const source = await readStdinSource(io.stdin, options, io.cwd);
    sources = [source];
    documents = [documentOf(source)];
  } else {
    const discovery = await discoverFiles(options.patterns, io.cwd, runConfig.isIgnored);
    for (const error of discovery.errors) {
      // --no-error-on-unmatched-pattern: a pattern that matches nothing is worth a word, not a failed run.
      if (error.unmatched && !options.errorOnUnmatchedPattern) {
        fail(`warning: ${error.message}`);
        continue;
      }
      fail(error.message);
      failed = true;
    }
    for (const file of discovery.ignored) {
      const source = runConfig.ignoredBy(path.resolve(io.cwd, file));
      fail(`skipped ${file}: ignored by ${source === undefined ? 'the configuration' : shown(source)}`);
    }

    if (!fixing) {
      const cache = options.cache
        ? { file: await resolveCacheFile(options.cacheLocation, io.cwd), key: cacheKey(`${VERSION}+${ENGINE_BUILD}`, runConfig.config) }
        : undefined;
      const linted = await lintFiles(discovery.files, {
        config: runConfig.config,
        concurrency: options.concurrency,
        maxFileBytes: options.maxFileBytes,
        shard: options.shard,
        cache,
        debugCache: Boolean(io.env?.POLICYLINT_DEBUG_CACHE),
      });
      for (const problem of linted.problems) {
        if (problem.kind === 'skipped') fail(`skipped ${shown(problem.file)}: ${problem.reason}`);
        else {
          fail(`cannot read ${shown(problem.file)}: ${problem.reason}`);
          failed = true;
        }
      }
      for (const note of linted.notes) fail(note);
      sources = linted.reported;
      others = linted.others;
      results = linted.results;
    } else {
      const outcomes = await readSourceFiles(discovery.files, 16, options.maxFileBytes);
      sources = [];
      const own = new Set<string>();
      discovery.files.forEach((file, index) => {
        const outcome = outcomes[index]!;
        const mine = inShard(index, options.shard);
        if (mine) own.add(file);
        if (outcome.kind === 'skipped') {
          if (mine) fail(`skipped ${shown(file)}: ${outcome.reason}`);
        } else if (outcome.kind === 'error') {
          if (mine) {
            fail(`cannot read ${shown(file)}: ${outcome.reason}`);
            failed = true;
          }
        } else {
          const source: LintedSource = { uri: file, filePath: file, text: outcome.text, languageId: lintLanguageOf(file) };
          sources.push(source);
          documents.push(documentOf(source));
          if (mine) bytesRead.set(file, outcome.bytes);
        }
      });
      if (options.shard) ownUris = own;
    }
  }

  let fixed: ReadonlyMap<string, number> = new Map();
  if (fixing && runConfig.failed) {
    // Fixing under the defaults could undo what the broken file meant to switch off.
    fail(`not fixing: ${shown(runConfig.file ?? 'the configuration')} has errors`);
  }
  if (fixing && !runConfig.failed && documents.length > 0) {
    const unfixable = new Set<string>();
    for (const [uri, bytes] of bytesRead) {
      // Writing the decoded text back would turn every invalid byte into U+FFFD.
      if (!Buffer.from(sources.find((s) => s.uri === uri)!.text, 'utf8').equals(bytes)) {
        unfixable.add(uri);
        fail(`not fixing ${shown(uri)}: not valid UTF-8, so it cannot be rewritten without changing other bytes`);
        failed = true;
      }
    }
    const fixRun = fixUntilStable(documents, runConfig.config, {
      // Another shard fixes its own files.
      canFix: (uri) => !unfixable.has(uri) && (ownUris === undefined || ownUris.has(uri)),
      // ESLint's --quiet fixes only what it reports.
      ...(options.quiet ? { select: (finding) => finding.severity === 'error' } : {}),
    });
    for (const [uri, reason] of fixRun.failures) {
      fail(`could not fix ${shown(uri)}: ${reason}`);
      failed = true;
    }
    if (!fixRun.settled) fail(`stopped fixing after ${MAX_FIX_PASSES} passes; run again to apply what is left`);
    results = fixRun.results;
    fixed = fixRun.fixed;
    const before = new Map(sources.map((source) => [source.uri, source.text]));
    sources = sources.map((source, index) => ({ ...source, text: fixRun.documents[index]!.text }));

    if (options.fix && !options.stdin) {
      for (const source of sources) {
        const count = fixed.get(source.uri);
        if (!count) continue;
        const outcome = await writeFileAtomic(source.uri, bytesRead.get(source.uri)!, source.text);
        if (outcome.kind === 'written') {
          io.stderr.write(`policylint: fixed ${count} ${count === 1 ? 'problem' : 'problems'} in ${shown(source.uri)}\n`);
        } else if (outcome.kind === 'changed') {
          fail(`skipped writing ${shown(source.uri)}: changed on disk during the run`);
          failed = true;
        } else {
          fail(`cannot write ${shown(source.uri)}: ${outcome.reason}`);
          failed = true;
        }
      }
    } else if (options.fixDryRun && options.format !== 'json') {
      for (const source of sources) {
        const name = diffName(source.filePath, io.cwd);
        io.stdout.write(unifiedDiff(before.get(source.uri)!, source.text, `a/${name}`, `b/${name}`));
      }
    }
  } else if (results === undefined) {
    // One call for every document: cross-file rules need to see the whole set.
    results = documents.length > 0 ? lintDocuments(documents, runConfig.config) : [];
  }
  if (ownUris !== undefined) {
    // Fixing lints every file together; a shard reports its own.
    const own = ownUris;
    others = sources.filter((source) => !own.has(source.uri));
    sources = sources.filter((source) => own.has(source.uri));
    results = results.filter((result) => own.has(result.uri));
  }

  let reports = buildReports(results, [...sources, ...others]);
  if (fixed.size > 0) {
    // ESLint's `output`: the fixed text of each file that fixes changed.
    reports = reports.map((report, index) => (fixed.has(sources[index]!.uri) ? { ...report, output: sources[index]!.text } : report));
  }

  // With --stdin --fix the fixed text owns stdout, so that `policylint --stdin --fix < a > b` works as a filter.
  const stdinFix = options.stdin && options.fix;
  const reportStream = stdinFix ? io.stderr : io.stdout;
  if (stdinFix) {
    io.stdout.write(sources[0]?.text ?? '');
    const count = fixed.get(sources[0]?.uri ?? '');
    if (count) io.stderr.write(`policylint: fixed ${count} ${count === 1 ? 'problem' : 'problems'} in ${shown(sources[0]!.filePath)}\n`);
  }
  const formatter = FORMATTERS[options.format];
  // --quiet hides warnings from the report, not from the count: --max-warnings still sees them, as in ESLint.
  const shownReports = options.quiet ? errorsOnly(reports) : reports;
  if (options.outputFile !== undefined) {
    // A file is never a terminal: no colour, whatever stdout is.
    const output = formatter(shownReports, { cwd: io.cwd, color: false });
    const error = await writeReport(path.resolve(io.cwd, options.outputFile), output);
    if (error !== undefined) {
      fail(`cannot write ${options.outputFile}: ${error}`);
      failed = true;
    }
  } else {
    const output = formatter(shownReports, { cwd: io.cwd, color: colorEnabled(reportStream, io.env ?? {}) });
    if (output !== '') reportStream.write(output.endsWith('\n') ? output : `${output}\n`);
  }

  const totals = totalsOf(reports);
  if (failed) return EXIT_FAILURE;
  if (totals.errorCount > 0) return EXIT_PROBLEMS;
  if (options.maxWarnings >= 0 && totals.warningCount > options.maxWarnings) {
    fail(`too many warnings (${totals.warningCount}; maximum: ${options.maxWarnings})`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

/**
 * Writes the report for --output-file, creating its folders; returns why it
 * could not. The whole report is written even when empty, as ESLint does, so
 * a CI step that uploads the file never finds last run's report there.
 */
async function writeReport(file: string, output: string): Promise<string | undefined> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, output.endsWith('\n') || output === '' ? output : `${output}\n`);
    return undefined;
  } catch (error) {
    return describeFsError(error);
  }
}

/** The path a diff header names: relative to the working directory with `/`, so `git apply` and `patch -p1` take it. */
function diffName(filePath: string, cwd: string): string {
  if (!path.isAbsolute(filePath)) return filePath;
  return (path.relative(cwd, filePath) || path.basename(filePath)).split(path.sep).join('/');
}

/** Stdin is decoded in one piece so a multi-byte character split across chunks survives. */
async function readStdinSource(stdin: AsyncIterable<string | Uint8Array>, options: CliOptions, cwd: string): Promise<LintedSource> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  const text = Buffer.concat(chunks).toString('utf8');
  const filePath = options.stdinFilename !== undefined ? path.resolve(cwd, options.stdinFilename) : STDIN_PLACEHOLDER;
  return { uri: filePath, filePath, text, languageId: lintLanguageOf(options.stdinFilename ?? '') };
}

/** The engine's document for a source; its language was chosen where it was read ({@link lintLanguageOf}). */
function documentOf(source: LintedSource): SourceDocument {
  return { uri: source.uri, languageId: source.languageId, text: source.text };
}

function firstLine(text: string): string {
  return text.split(/\r\n|\r|\n/)[0]!.trim();
}
