/**
 * Linting the files of a run without fixing: every file is analysed (in
 * worker threads with `--concurrency`, or taken from the `--cache`), then the
 * cross-file rules run once over all the summaries in the main thread. With
 * `--shard`, every file is still summarised, since cross-file rules compare
 * them all, but only the shard's own files are linted and reported.
 */
import { combineAnalyses, type DocumentAnalysis, type DocumentResult, type LintConfig } from '../engine';
import { contentHash, type AnalysisSettings, type FileOutcome, type FileTask } from './analyze-file';
import type { Concurrency, Shard } from './args';
import { loadCache, saveCache, type CacheEntry } from './cache';
import { resolveConcurrency, runTasks } from './pool';
import { readSourceFiles } from '../project/read';
import type { LintedSource } from './report';
import { inShard } from './shard';

export interface LintFilesOptions {
  readonly config: LintConfig;
  readonly concurrency: Concurrency;
  readonly maxFileBytes: number;
  readonly shard: Shard | undefined;
  /** The cache file and the key its entries must have been made under; undefined without `--cache`. */
  readonly cache: { readonly file: string; readonly key: string } | undefined;
  /** `POLICYLINT_DEBUG_CACHE`: say which files came from the cache. */
  readonly debugCache: boolean;
}

/** A file of the run that was not linted, and why. */
export interface FileProblem {
  readonly file: string;
  readonly kind: 'skipped' | 'error';
  readonly reason: string;
}

export interface LintFilesResult {
  /** The shard's files that were linted, in path order, matching `results`. */
  readonly reported: LintedSource[];
  /** Every other file read: related locations may point into them. */
  readonly others: LintedSource[];
  readonly results: DocumentResult[];
  /** The shard's files that were skipped or could not be read, in path order. */
  readonly problems: FileProblem[];
  /** Notes for stderr (cache warnings and debugging), without the `policylint:` prefix. */
  readonly notes: string[];
}

/** Lints `files` (absolute, sorted) as {@link LintFilesOptions} say. */
export async function lintFiles(files: readonly string[], options: LintFilesOptions): Promise<LintFilesResult> {
  const notes: string[] = [];
  let cached = new Map<string, CacheEntry>();
  if (options.cache) {
    const loaded = await loadCache(options.cache.file, options.cache.key);
    if (loaded.warning) notes.push(`warning: cannot use the cache ${options.cache.file} (${loaded.warning}); linting every file`);
    cached = loaded.entries;
  }

  const own = files.map((_, position) => inShard(position, options.shard));
  const settings: AnalysisSettings = { config: options.config, maxFileBytes: options.maxFileBytes };
  // Unresolved until read: from the cache in the main thread, or analysed.
  const outcomes: (FileOutcome | { readonly kind: 'unchanged' } | undefined)[] = new Array(files.length);
  if (options.cache) {
    // Hash in the main thread first: reading is cheap, and files the cache
    // already holds then need no worker at all (starting one costs more than reading).
    const reads = await readSourceFiles(files, 16, options.maxFileBytes);
    reads.forEach((read, position) => {
      if (read.kind !== 'text') outcomes[position] = read;
      else {
        const entry = cached.get(files[position]!);
        // A summary-only entry cannot stand in for a file this run must report.
        const usable = entry !== undefined && (!own[position] || entry.analysis.findings !== undefined);
        if (usable && entry.hash === contentHash(read.bytes)) outcomes[position] = { kind: 'unchanged' };
      }
    });
  }
  const pending = files.flatMap((_, position) => (outcomes[position] ? [] : [position]));
  const tasks: FileTask[] = pending.map((position) => ({ file: files[position]!, summaryOnly: !own[position] }));
  const analysed = await runTasks(tasks, settings, resolveConcurrency(options.concurrency, tasks.length));
  pending.forEach((position, index) => (outcomes[position] = analysed[index]!));

  const analyses: DocumentAnalysis[] = [];
  const reported: LintedSource[] = [];
  const others: LintedSource[] = [];
  const problems: FileProblem[] = [];
  const fresh = new Map<string, CacheEntry>();
  let hits = 0;
  outcomes.forEach((outcome, position) => {
    if (!outcome) return;
    const file = files[position]!;
    let entry: CacheEntry;
    if (outcome.kind === 'unchanged') {
      entry = cached.get(file)!;
      hits++;
      if (options.debugCache) notes.push(`cache: hit ${file}`);
    } else if (outcome.kind === 'analysed') {
      entry = { hash: outcome.hash, analysis: outcome.analysis };
      if (options.debugCache && options.cache) notes.push(`cache: miss ${file}`);
    } else {
      if (own[position]) problems.push({ file, kind: outcome.kind, reason: outcome.reason });
      return;
    }
    fresh.set(file, entry);
    const source: LintedSource = { uri: file, filePath: file, text: entry.analysis.summary.text, languageId: entry.analysis.summary.languageId };
    if (own[position]) {
      analyses.push(entry.analysis);
      reported.push(source);
    } else {
      // A cached entry may hold findings; another shard's file must not be reported.
      analyses.push({ summary: entry.analysis.summary });
      others.push(source);
    }
  });
  if (options.debugCache && options.cache) notes.push(`cache: ${hits} of ${files.length} files unchanged`);

  const results = combineAnalyses(analyses, options.config);
  // Only this run's files are kept, so the cache never outgrows the repository; an unchanged cache is not rewritten.
  if (options.cache && !(hits === fresh.size && fresh.size === cached.size)) {
    const failure = await saveCache(options.cache.file, options.cache.key, fresh);
    if (failure) notes.push(`warning: cannot write the cache ${options.cache.file}: ${failure}`);
  }
  return { reported, others, results, problems, notes };
}
