/**
 * The worker-thread side of `--concurrency`: receives file tasks one at a
 * time, answers each with its outcome. One Linter per worker, so a paragraph
 * pasted into many files is examined once per worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Linter } from '../engine';
import { analyzeFile, type AnalysisSettings, type FileOutcome, type FileTask } from './analyze-file';

/** A task as posted to a worker: its index in the run, so answers can arrive in any order. */
export interface WorkerRequest {
  readonly id: number;
  readonly task: FileTask;
}

export type WorkerResponse = { readonly id: number; readonly outcome: FileOutcome } | { readonly id: number; readonly failure: string };

/** Serves tasks until the main thread terminates the worker. */
export function serveWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('policylint: the CLI worker must run in a worker thread');
  const settings = workerData as AnalysisSettings;
  const linter = new Linter();
  port.on('message', (request: WorkerRequest) => {
    analyzeFile(linter, request.task, settings).then(
      (outcome) => port.postMessage({ id: request.id, outcome } satisfies WorkerResponse),
      (error: unknown) => port.postMessage({ id: request.id, failure: error instanceof Error ? error.message : String(error) } satisfies WorkerResponse),
    );
  });
}
