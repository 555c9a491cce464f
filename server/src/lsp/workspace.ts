/**
 * The workspace scan: which folders the server watches, their ignore
 * settings, the initial scan with progress, and keeping the index current
 * from file-change events. Every change to the index goes through one
 * queue, so a scan that read a file cannot overwrite a later event's view
 * of it, and the host hears about changes once per batch.
 */
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { FileChangeType, type CancellationToken, type FileEvent, type WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { readSourceFile } from '../project/read';
import {
  filterIncluded,
  findFiles,
  isIgnoredFile,
  isSupportedName,
  lintIgnores,
  MAX_SCAN_FILES,
  ScanCancelledError,
  scanIgnores,
} from './scan';
import { canonicalUri, fileUri, isUnder, uriToPath } from './uris';
import { WorkspaceIndex } from './workspaceIndex';

/** A workspace folder as the client names it. */
export interface WorkspaceFolderInput {
  readonly uri: string;
  readonly name: string;
}

/** The raw settings the scan depends on, for one folder. */
export interface FolderSettings {
  readonly filesExclude: unknown;
  /** The whole `policylint` section; only `ignore` is read here. */
  readonly policylint: unknown;
}

/** What the scanner needs from the server around it. */
export interface ScannerHost {
  readonly folderSettings: (folderUri: string) => Promise<FolderSettings>;
  readonly createProgress: () => Promise<WorkDoneProgressServerReporter>;
  readonly log: (message: string) => void;
  readonly warn: (message: string) => void;
  /** The index, or what counts as ignored, changed for `uris`; called once per batch of work. */
  readonly changed: (uris: readonly string[]) => void;
  /** Runs at the end of the initial scan, inside its progress (the first lint of the new files). */
  readonly afterScan?: (progress: WorkDoneProgressServerReporter, files: number) => Promise<void>;
}

interface FolderState {
  /** Canonical; the key of the folder. */
  readonly uri: string;
  /** As the client spelled it: the scope for `workspace/configuration`. */
  readonly clientUri: string;
  readonly name: string;
  readonly path: string;
  scanIgnore: string[];
  lintIgnore: string[];
  /** Aborted when the folder is removed or the server stops; a cancelled scan aborts only its own controller. */
  readonly controller: AbortController;
}

/** A batch of file events larger than this rescans its folders instead (a branch switch, a large copy). */
const RESCAN_THRESHOLD = 2_000;
const READ_CONCURRENCY = 16;
/** Progress notifications at most this often: each is a message the client must render. */
const PROGRESS_INTERVAL_MS = 100;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Calls `report` at most every {@link PROGRESS_INTERVAL_MS}, except when forced. */
function throttled(report: (message: string, percentage?: number) => void) {
  let last = 0;
  return (message: string, percentage?: number, force = false) => {
    const now = Date.now();
    if (!force && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    report(message, percentage);
  };
}

/**
 * Scans workspace folders into a {@link WorkspaceIndex} and keeps it
 * current. Bounded by `maxFiles` over all folders together.
 */
export class WorkspaceScanner {
  readonly index = new WorkspaceIndex();
  private readonly folders = new Map<string, FolderState>();
  private queue: Promise<void> = Promise.resolve();
  private readonly readyPromise: Promise<void>;
  private markReady!: () => void;
  private disposed = false;
  /** Whether an open document matches `policylint.ignore`, by canonical URI; cleared when that can change. */
  private readonly lintIgnored = new Map<string, Promise<boolean>>();
  private readonly settled = new Map<string, boolean>();
  private warnedFull = false;

  constructor(
    private readonly host: ScannerHost,
    private readonly maxFiles = MAX_SCAN_FILES,
  ) {
    this.readyPromise = new Promise((resolve) => (this.markReady = resolve));
  }

  /** Settles when the initial scan has finished (or failed, or was cancelled). */
  get ready(): Promise<void> {
    return this.readyPromise;
  }

  /** Settles when everything queued so far (scans, file events, settings changes) has been applied. */
  whenIdle(): Promise<void> {
    return this.queue;
  }

  /** The workspace folder holding canonical `uri` (the innermost, for nested folders). */
  folderOf(uri: string): { uri: string; clientUri: string; name: string; path: string } | undefined {
    let best: FolderState | undefined;
    for (const folder of this.folders.values()) {
      if (isUnder(uri, folder.uri) && (!best || folder.uri.length > best.uri.length)) best = folder;
    }
    return best;
  }

  /** Starts the initial scan of `folders`; {@link ready} settles when it is done. */
  start(folders: readonly WorkspaceFolderInput[]): void {
    const added = this.addFolders(folders);
    this.enqueue(async () => {
      try {
        await this.initialScan(added);
      } finally {
        this.markReady();
      }
    });
  }

  /**
   * Scans every folder again as the initial scan does, with progress and the
   * first lint inside it ("policylint: Lint workspace"). Settles when done,
   * or soon after `token` is cancelled (the index then keeps what it had).
   */
  rescanAll(token?: CancellationToken): Promise<void> {
    const folders = [...this.folders.values()];
    this.enqueue(async () => {
      this.lintIgnored.clear();
      this.settled.clear();
      await this.initialScan(folders, token);
      // Ignore lists were reloaded by the scan: forget answers given under the old ones.
      this.lintIgnored.clear();
      this.settled.clear();
    });
    return this.queue;
  }

  /** Scans added folders and forgets removed ones (`workspace/didChangeWorkspaceFolders`). */
  changeFolders(added: readonly WorkspaceFolderInput[], removed: readonly WorkspaceFolderInput[]): void {
    const dropped: FolderState[] = [];
    for (const folder of removed) {
      const state = this.folders.get(canonicalUri(folder.uri));
      if (!state) continue;
      state.controller.abort();
      this.folders.delete(state.uri);
      dropped.push(state);
    }
    const states = this.addFolders(added);
    this.enqueue(async () => {
      const changed: string[] = [];
      // A file may still belong to another (enclosing) folder that stays.
      for (const folder of dropped) {
        for (const uri of [...this.index.values()].map((doc) => doc.uri)) {
          if (isUnder(uri, folder.uri) && !this.folderOf(uri)) changed.push(...this.index.deleteUnder(uri));
        }
      }
      for (const folder of states) changed.push(...(await this.rescan(folder)));
      this.lintIgnored.clear();
      this.settled.clear();
      if (changed.length > 0) this.host.changed(changed);
    });
  }

  /** Applies `workspace/didChangeWatchedFiles` events. */
  filesChanged(events: readonly FileEvent[]): void {
    // Later events for a URI supersede earlier ones in the same batch.
    const latest = new Map<string, FileChangeType>();
    for (const event of events) {
      if (typeof event?.uri !== 'string') continue;
      const uri = canonicalUri(event.uri);
      latest.delete(uri);
      latest.set(uri, event.type);
      this.lintIgnored.delete(uri);
      this.settled.delete(uri);
    }
    if (latest.size > 0) this.enqueue(() => this.applyEvents(latest));
  }

  /**
   * Re-reads the ignore settings of every folder after a configuration
   * change and rescans the folders whose ignores changed.
   */
  settingsChanged(): void {
    this.enqueue(async () => {
      const changed: string[] = [];
      for (const folder of [...this.folders.values()]) {
        const before = { scan: folder.scanIgnore, lint: folder.lintIgnore };
        await this.loadIgnores(folder);
        if (!sameList(before.lint, folder.lintIgnore)) {
          for (const uri of this.settled.keys()) if (isUnder(uri, folder.uri)) changed.push(uri);
          this.lintIgnored.clear();
          this.settled.clear();
        }
        if (!sameList(before.scan, folder.scanIgnore)) changed.push(...(await this.rescan(folder)));
      }
      if (changed.length > 0) this.host.changed(changed);
    });
  }

  /**
   * Whether an open document must not be linted because it matches its
   * folder's `policylint.ignore`. Answers from the file on disk; a file not
   * saved yet is linted.
   */
  isLintIgnored(uri: string): Promise<boolean> {
    const canonical = canonicalUri(uri);
    let known = this.lintIgnored.get(canonical);
    if (!known) {
      known = this.checkLintIgnored(canonical).then((ignored) => {
        if (this.lintIgnored.get(canonical) === known) this.settled.set(canonical, ignored);
        return ignored;
      });
      this.lintIgnored.set(canonical, known);
    }
    return known;
  }

  /** {@link isLintIgnored} if already known, without waiting. */
  peekLintIgnored(uri: string): boolean | undefined {
    return this.settled.get(canonicalUri(uri));
  }

  /** Cancels running scans; queued work finishes without touching the disk. */
  dispose(): void {
    this.disposed = true;
    for (const folder of this.folders.values()) folder.controller.abort();
  }

  private async checkLintIgnored(uri: string): Promise<boolean> {
    const state = this.stateOf(uri);
    const file = uriToPath(uri);
    if (!state || file === undefined || state.lintIgnore.length === 0) return false;
    try {
      return (await isIgnoredFile(state.path, file, state.lintIgnore)) === true;
    } catch (error) {
      this.host.warn(`policylint: could not match ${file} against policylint.ignore: ${describe(error)}`);
      return false;
    }
  }

  private stateOf(uri: string): FolderState | undefined {
    const folder = this.folderOf(uri);
    return folder ? this.folders.get(folder.uri) : undefined;
  }

  private addFolders(folders: readonly WorkspaceFolderInput[]): FolderState[] {
    const added: FolderState[] = [];
    for (const folder of folders) {
      const file = typeof folder?.uri === 'string' ? uriToPath(folder.uri) : undefined;
      if (file === undefined) {
        // Virtual workspaces (vscode-vfs:, github:) have no disk to scan.
        if (typeof folder?.uri === 'string') this.host.log(`policylint: not scanning ${folder.uri}: not a local folder`);
        continue;
      }
      const uri = fileUri(file);
      if (this.folders.has(uri)) continue;
      const state: FolderState = {
        uri,
        clientUri: folder.uri,
        name: typeof folder.name === 'string' && folder.name ? folder.name : path.basename(file),
        path: file,
        scanIgnore: scanIgnores(undefined, []),
        lintIgnore: [],
        controller: new AbortController(),
      };
      this.folders.set(uri, state);
      added.push(state);
    }
    return added;
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(async () => {
      if (this.disposed) return;
      try {
        await task();
      } catch (error) {
        if (error instanceof ScanCancelledError) this.host.log(error.message);
        else this.host.warn(`policylint: workspace scan failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    });
  }

  private async loadIgnores(folder: FolderState): Promise<void> {
    let settings: FolderSettings;
    try {
      settings = await this.host.folderSettings(folder.clientUri);
    } catch (error) {
      this.host.warn(`policylint: could not read the settings of ${folder.name}: ${describe(error)}`);
      settings = { filesExclude: undefined, policylint: undefined };
    }
    const raw = settings.policylint !== null && typeof settings.policylint === 'object'
      ? (settings.policylint as { ignore?: unknown }).ignore
      : undefined;
    let ignore: string[] = [];
    if (Array.isArray(raw) && raw.every((item) => typeof item === 'string')) ignore = raw;
    else if (raw !== undefined && raw !== null) {
      this.host.warn(`policylint.ignore: must be a list of glob patterns, not ${JSON.stringify(raw)}`);
    }
    folder.scanIgnore = scanIgnores(settings.filesExclude, ignore);
    folder.lintIgnore = lintIgnores(ignore);
  }

  private budgetFor(folder: FolderState): number {
    let elsewhere = 0;
    for (const doc of this.index.values()) if (!isUnder(doc.uri, folder.uri)) elsewhere++;
    return Math.max(0, this.maxFiles - elsewhere);
  }

  private async initialScan(folders: readonly FolderState[], token?: CancellationToken): Promise<void> {
    if (folders.length === 0 || token?.isCancellationRequested) return;
    // This scan's own signal: cancelling it must not abort the folders for every later scan and file event.
    const scan = new AbortController();
    const abort = (): void => scan.abort();
    for (const folder of folders) folder.controller.signal.addEventListener('abort', abort);
    if (folders.some((folder) => folder.controller.signal.aborted)) abort();
    const requestCancelled = token?.onCancellationRequested(abort);
    const progress = await this.host.createProgress().catch((error: unknown) => {
      this.host.warn(`policylint: no scan progress: ${describe(error)}`);
      return undefined;
    });
    const cancelled = progress?.token.onCancellationRequested(abort);
    const started = Date.now();
    try {
      progress?.begin('policylint: scanning workspace', 0, `Looking for Markdown and text files in ${folders.length === 1 ? folders[0]!.name : `${folders.length} folders`}`, true);
      const report = throttled((message, percentage) => {
        if (percentage === undefined) progress?.report(message);
        else progress?.report(percentage, message);
      });
      const changed: string[] = [];
      for (const folder of folders) {
        await this.loadIgnores(folder);
        changed.push(...(await this.scanFolder(folder, report, scan.signal)));
      }
      this.host.log(`policylint: scanned ${this.index.size} files in ${Date.now() - started} ms`);
      if (changed.length > 0) this.host.changed(changed);
      if (progress && this.host.afterScan) {
        progress.report(100, `Linting ${this.index.size} files`);
        await this.host.afterScan(progress, this.index.size);
      }
    } finally {
      cancelled?.dispose();
      requestCancelled?.dispose();
      for (const folder of folders) folder.controller.signal.removeEventListener('abort', abort);
      progress?.done();
    }
  }

  private async rescan(folder: FolderState): Promise<string[]> {
    if (!this.folders.has(folder.uri)) return [];
    return this.scanFolder(folder, () => undefined, folder.controller.signal);
  }

  /** Finds and reads the files of `folder`, then makes the index match; returns the URIs that changed. */
  private async scanFolder(
    folder: FolderState,
    report: (message: string, percentage?: number, force?: boolean) => void,
    signal: AbortSignal,
  ): Promise<string[]> {
    const budget = this.budgetFor(folder);
    const found = await findFiles(folder.path, folder.scanIgnore, {
      maxFiles: budget,
      signal,
      onProgress: (count) => report(`${folder.name}: ${count} files found`),
    });
    if (found.truncated) {
      this.host.warn(
        `policylint: ${folder.name}: the workspace scan stopped at ${this.maxFiles} files; the rest are not compared (policylint.ignore can leave folders out)`,
      );
    }
    const texts = await this.readFiles(found.paths, signal, (done) =>
      report(`${folder.name}: read ${done} of ${found.paths.length} files`, Math.round((done / Math.max(1, found.paths.length)) * 100), done === found.paths.length),
    );
    return this.index.replaceFolder(folder.uri, texts);
  }

  private async readFiles(files: readonly string[], signal: AbortSignal, onRead: (done: number) => void): Promise<Map<string, string>> {
    const texts = new Map<string, string>();
    let next = 0;
    let done = 0;
    const worker = async (): Promise<void> => {
      while (next < files.length) {
        if (signal.aborted) throw new ScanCancelledError();
        const file = files[next++]!;
        const outcome = await readSourceFile(file);
        if (outcome.kind === 'text') texts.set(fileUri(file), outcome.text);
        else if (outcome.kind === 'skipped') this.host.log(`policylint: skipped ${file}: ${outcome.reason}`);
        // Deleted between the walk and the read: an event will say so, nothing to report.
        else if (!outcome.reason.startsWith('no such file')) this.host.warn(`policylint: could not read ${file}: ${outcome.reason}`);
        onRead(++done);
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
    return texts;
  }

  private async applyEvents(events: ReadonlyMap<string, FileChangeType>): Promise<void> {
    const changed: string[] = [];
    const candidates = new Map<FolderState, string[]>();
    const createdDirectories: { folder: FolderState; file: string }[] = [];
    for (const [uri, type] of events) {
      if (type === FileChangeType.Deleted) {
        changed.push(...this.index.deleteUnder(uri));
        continue;
      }
      const folder = this.stateOf(uri);
      const file = uriToPath(uri);
      if (!folder || file === undefined) continue;
      if (isSupportedName(file)) {
        const list = candidates.get(folder);
        if (list) list.push(file);
        else candidates.set(folder, [file]);
      } else if (type === FileChangeType.Created) {
        // A folder moved or copied in arrives as one event for the folder.
        createdDirectories.push({ folder, file });
      }
    }

    const total = [...candidates.values()].reduce((sum, list) => sum + list.length, 0);
    if (total > RESCAN_THRESHOLD) {
      for (const folder of candidates.keys()) changed.push(...(await this.rescan(folder)));
    } else {
      for (const [folder, files] of candidates) changed.push(...(await this.refreshFiles(folder, files)));
    }
    for (const { folder, file } of createdDirectories) changed.push(...(await this.addDirectory(folder, file)));
    if (changed.length > 0) this.host.changed([...new Set(changed)]);
  }

  /** Re-reads `files` of `folder`: included ones are stored, the rest (ignored, gone, binary) dropped. */
  private async refreshFiles(folder: FolderState, files: readonly string[]): Promise<string[]> {
    const included = await filterIncluded(folder.path, files, folder.scanIgnore);
    const changed: string[] = [];
    for (const file of files) {
      const uri = fileUri(file);
      if (!included.has(file)) {
        changed.push(...this.index.deleteUnder(uri));
        continue;
      }
      const outcome = await readSourceFile(file);
      if (outcome.kind !== 'text') {
        if (outcome.kind === 'skipped') this.host.log(`policylint: skipped ${file}: ${outcome.reason}`);
        changed.push(...this.index.deleteUnder(uri));
        continue;
      }
      if (!this.index.has(uri) && this.index.size >= this.maxFiles) {
        if (!this.warnedFull) this.host.warn(`policylint: ${this.maxFiles} workspace files are indexed already; ${file} and later new files are not compared`);
        this.warnedFull = true;
        continue;
      }
      if (this.index.set(uri, outcome.text)) changed.push(uri);
    }
    return changed;
  }

  private async addDirectory(folder: FolderState, directory: string): Promise<string[]> {
    const stats = await stat(directory).catch(() => undefined);
    if (!stats?.isDirectory()) return [];
    const under = path.relative(folder.path, directory).split(path.sep).join('/');
    if (under === '' || under.startsWith('..')) return [];
    const found = await findFiles(folder.path, folder.scanIgnore, { under, maxFiles: this.budgetFor(folder), signal: folder.controller.signal });
    return this.refreshFiles(folder, found.paths);
  }
}
