/**
 * The per-file share of a lint run, as a worker thread or the main thread
 * does it: read the file, parse, lint and summarise it, and hash its bytes
 * for the cache. Everything returned is plain data,
 * so it can be posted between threads and written to the cache.
 */
import { createHash } from 'node:crypto';
import { lintLanguageOf, type DocumentAnalysis, type LintConfig, type Linter } from '../engine';
import { readSourceFile, type ReadOutcome } from '../project/read';

/** One file to analyse. */
export interface FileTask {
  /** Absolute path; also the document's uri. */
  readonly file: string;
  /** Only summarise (another shard's file): it feeds cross-file rules but is not reported. */
  readonly summaryOnly: boolean;
}

export type FileOutcome =
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'error'; readonly reason: string }
  | { readonly kind: 'analysed'; readonly hash: string; readonly analysis: DocumentAnalysis };

/** What every task of a run shares (the worker threads receive it once). */
export interface AnalysisSettings {
  readonly config: LintConfig;
  readonly maxFileBytes: number;
}

/** SHA-256 of the bytes as stored: the cache's notion of "unchanged". */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads and analyses one file; never throws for a bad file, which is an outcome like any other. */
export async function analyzeFile(linter: Linter, task: FileTask, settings: AnalysisSettings): Promise<FileOutcome> {
  return analyzeRead(linter, task, await readSourceFile(task.file, settings.maxFileBytes), settings);
}

/** Analyses one file already read (see {@link analyzeFile}). */
export function analyzeRead(linter: Linter, task: FileTask, read: ReadOutcome, settings: AnalysisSettings): FileOutcome {
  if (read.kind !== 'text') return read;
  const hash = contentHash(read.bytes);
  const document = { uri: task.file, languageId: lintLanguageOf(task.file), text: read.text };
  return { kind: 'analysed', hash, analysis: linter.analyze(document, settings.config, { summaryOnly: task.summaryOnly }) };
}
