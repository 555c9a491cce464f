/**
 * Runs file tasks in worker threads (`--concurrency`), or in the main thread
 * when one is enough. Workers take the next task as soon as they answer, so
 * a few large files do not hold up the rest; outcomes come back in task
 * order whatever order they finish in.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Linter } from '../engine';
import { readSourceFile, type ReadOutcome } from '../project/read';
import { analyzeRead, type AnalysisSettings, type FileOutcome, type FileTask } from './analyze-file';
import type { Concurrency } from './args';
import type { WorkerRequest, WorkerResponse } from './worker';

/** With `auto`, one worker per this many files at most: starting a worker costs about as much as linting a few files. */
export const FILES_PER_WORKER = 16;

/**
 * Files the main thread keeps being read while it analyses one. Reading the
 * next file only once the last is done left the thread idle between files,
 * waiting on the thread pool: about 160 ms of 3.5 s on `crs-reports`.
 */
export const READ_AHEAD = 8;

/** The worker bundle, next to the CLI bundle (`server/out/cli-worker.js`). */
export const WORKER_SCRIPT = path.join(__dirname, 'cli-worker.js');

/**
 * How many threads to use: `auto` is one per two cores, at most one per
 * {@link FILES_PER_WORKER} files, and at least 1 (the main thread alone).
 * Half the cores, as ESLint's `auto` does: each worker warms up its own
 * compiled code and caches, and V8's collector threads want a core too. On
 * two cores, two workers linted `crs-reports` in 6.1–6.6 s against 5.0 s
 * for the main thread alone (about 10 s of CPU against 7 s).
 */
export function resolveConcurrency(concurrency: Concurrency, files: number, cores = availableParallelism()): number {
  const wanted = concurrency === 'auto' ? Math.min(Math.floor(cores / 2), Math.floor(files / FILES_PER_WORKER)) : concurrency;
  return Math.max(1, Math.min(wanted, files));
}

/**
 * The outcome of every task, in task order. With `threads` 1, or without the
 * worker bundle (running from sources, as the in-process tests do), the
 * main thread does the work itself.
 */
export async function runTasks(tasks: readonly FileTask[], settings: AnalysisSettings, threads: number): Promise<FileOutcome[]> {
  if (threads <= 1 || tasks.length <= 1 || !existsSync(WORKER_SCRIPT)) {
    const linter = new Linter();
    const outcomes: FileOutcome[] = [];
    const reads: (Promise<ReadOutcome> | undefined)[] = [];
    for (let i = 0; i < tasks.length; i++) {
      for (let k = i; k < Math.min(tasks.length, i + READ_AHEAD); k++) reads[k] ??= readSourceFile(tasks[k]!.file, settings.maxFileBytes);
      const read = await reads[i]!;
      reads[i] = undefined;
      outcomes.push(analyzeRead(linter, tasks[i]!, read, settings));
    }
    return outcomes;
  }
  return runInWorkers(tasks, settings, threads);
}

function runInWorkers(tasks: readonly FileTask[], settings: AnalysisSettings, threads: number): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(tasks.length);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  return new Promise<FileOutcome[]>((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve(outcomes);
    };
    const feed = (worker: Worker): void => {
      if (next < tasks.length) {
        const id = next++;
        worker.postMessage({ id, task: tasks[id]! } satisfies WorkerRequest);
      }
    };
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(WORKER_SCRIPT, { workerData: settings });
      workers.push(worker);
      worker.on('message', (response: WorkerResponse) => {
        if ('failure' in response) return finish(new Error(`${tasks[response.id]!.file}: ${response.failure}`));
        outcomes[response.id] = response.outcome;
        if (++done === tasks.length) finish();
        else feed(worker);
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code) => {
        if (!settled && code !== 0) finish(new Error(`a worker thread stopped with exit code ${code}`));
      });
      feed(worker);
    }
  });
}
