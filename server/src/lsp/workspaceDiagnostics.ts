/**
 * `workspace/diagnostic`: diagnostics of files that are not open. The
 * request is held open until something changes (VS Code's client re-sends
 * it two seconds after every answer, so answering "nothing new" at once
 * would re-lint on a timer), and an answer lists only the files whose
 * diagnostics the client does not have yet.
 */
import type { CancellationToken, Diagnostic, Disposable, WorkspaceFullDocumentDiagnosticReport } from 'vscode-languageserver';
import { EMPTY_RESULT_ID } from './resultIds';

/**
 * Tells held requests that the inputs of a lint changed. Changes are
 * batched until `delayMs` pass without one (at most `10 × delayMs` after
 * the first), so a burst of keystrokes or file events wakes them once, and
 * not in the middle of typing: a woken workspace request lints the whole
 * set, which the next keystroke would make stale at once.
 */
export class ChangeSignal {
  private generation = 0;
  private timer: NodeJS.Timeout | undefined;
  /** When the pending batch began; the batch flushes by `batchStart + maxDelayMs` whatever comes after. */
  private batchStart = 0;
  private readonly maxDelayMs: number;
  private readonly waiters = new Set<() => void>();
  private closed = false;

  constructor(private readonly delayMs: number) {
    this.maxDelayMs = 10 * delayMs;
  }

  /** The number of batches so far; pass it to {@link wait} to miss none between reading and waiting. */
  get current(): number {
    return this.generation;
  }

  /** Records a change; waiters wake once changes have paused for the batch delay. */
  bump(): void {
    if (this.closed) return;
    const now = Date.now();
    if (this.timer === undefined) this.batchStart = now;
    clearTimeout(this.timer);
    const delay = Math.max(0, Math.min(this.delayMs, this.batchStart + this.maxDelayMs - now));
    this.timer = setTimeout(() => this.flush(), delay);
  }

  /** Resolves after the first batch later than `since`, on cancellation, or at once when closed. */
  wait(since: number, token: CancellationToken): Promise<void> {
    if (this.closed || this.generation !== since || token.isCancellationRequested) return Promise.resolve();
    return new Promise((resolve) => {
      let subscription: Disposable | undefined;
      const done = (): void => {
        this.waiters.delete(done);
        subscription?.dispose();
        resolve();
      };
      this.waiters.add(done);
      subscription = token.onCancellationRequested(done);
    });
  }

  /** Releases every waiter for good (shutdown). */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const waiter of [...this.waiters]) waiter();
  }

  private flush(): void {
    this.timer = undefined;
    this.generation++;
    for (const waiter of [...this.waiters]) waiter();
  }
}

/** The diagnostics the server has now for one file that is not open. */
export interface ClosedFileDiagnostics {
  readonly uri: string;
  readonly diagnostics: Diagnostic[];
  readonly resultId: string;
}

/**
 * The reports a `workspace/diagnostic` answer must carry: files whose
 * diagnostics differ from the client's `previous` resultIds (canonical
 * URIs), files that are gone (reported empty once), and files the client
 * may still show from when they were open (`touched`). A file with no
 * diagnostics that the client never heard of is left out: listing every
 * clean file of a large workspace would only make every request bigger.
 */
export function workspaceReports(
  current: Iterable<ClosedFileDiagnostics>,
  previous: ReadonlyMap<string, string>,
  isOpen: (uri: string) => boolean,
  touched: ReadonlySet<string>,
): WorkspaceFullDocumentDiagnosticReport[] {
  const reports: WorkspaceFullDocumentDiagnosticReport[] = [];
  const known = new Set<string>();
  for (const file of current) {
    known.add(file.uri);
    const before = previous.get(file.uri);
    if (before === file.resultId) continue;
    if (before === undefined && file.diagnostics.length === 0 && !touched.has(file.uri)) continue;
    reports.push({ kind: 'full', uri: file.uri, version: null, resultId: file.resultId, items: file.diagnostics });
  }
  const gone = new Set([...previous.keys(), ...touched]);
  for (const uri of gone) {
    if (known.has(uri) || isOpen(uri)) continue;
    const before = previous.get(uri);
    if (before === EMPTY_RESULT_ID || (before === undefined && !touched.has(uri))) continue;
    reports.push({ kind: 'full', uri, version: null, resultId: EMPTY_RESULT_ID, items: [] });
  }
  return reports;
}
