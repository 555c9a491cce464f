/**
 * Wires the LSP connection to the engine: document sync, settings, the
 * workspace scan, pull (document and workspace) or push diagnostics, and
 * code actions. Everything is per connection so tests (and a future
 * in-process host) can run a server without globals.
 */
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  WatchKind,
  CancellationToken as LspCancellationToken,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceDiagnosticReport,
} from 'vscode-languageserver';
import { Linter, LintCancelledError, type CancellationToken } from '../engine';
import { CONFIG_FILE_NAMES } from '../project/config-file';
import { IGNORE_FILE_NAME } from '../project/ignore-file';
import { FIX_ALL_KIND, provideCodeActions, SHOW_LOCATION_COMMAND } from './codeActions';
import { updateConfig, UPDATE_CONFIG_COMMAND } from './configCommand';
import { buildConsistencyReport, CONSISTENCY_REPORT_REQUEST, type ConsistencyReportParams, type ConsistencyReportResult } from './report';
import { isRange, toEngineLanguage } from './convert';
import { ClientRequests } from './clientRequests';
import { toDiagnostics } from './diagnostics';
import { createDocuments } from './documents';
import { configDiagnostics, isConfigFileName, ProjectConfigs, type ProjectConfig } from './projectConfig';
import type { IdleCollector } from './idleCollection';
import { IgnoreFiles, isIgnoreFileName } from './ignoreFiles';
import { ResultIds } from './resultIds';
import type { EditWarmUp } from './warmUp';
import { ResultCache, type DocumentFindings, type LintInput, type LinterLike, type Snapshot } from './results';
import { SUPPORTED_GLOB } from './scan';
import { DEFAULT_SETTINGS, SettingsStore } from './settings';
import { canonicalUri, fileUri, uriToPath } from './uris';
import { WorkspaceScanner, type FolderSettings, type WorkspaceFolderInput } from './workspace';
import { ChangeSignal, workspaceReports, type ClosedFileDiagnostics } from './workspaceDiagnostics';

/** Knobs for tests; production uses the defaults. */
/** The client's "policylint: Lint workspace" command: rescan the workspace folders and refresh all diagnostics. */
export const LINT_WORKSPACE_REQUEST = 'policylint/lintWorkspace';

/** The answer to {@link LINT_WORKSPACE_REQUEST}. */
export interface LintWorkspaceResult {
  /** Files in the workspace index after the scan. */
  readonly files: number;
}

export interface ServerOptions {
  readonly linter?: LinterLike;
  /** Quiet time after the last change to a document before pushing its diagnostics. */
  readonly pushDelayMs?: number;
  /** Bound of the workspace scan. */
  readonly maxFiles?: number;
  /** Told after each lint run, so that memory is given back once the server is quiet (see idleCollection.ts). */
  readonly idleCollector?: Pick<IdleCollector, 'workDone' | 'dispose'>;
  /** Told after each lint run and of each document change, so that the edit path is warmed up while the writer reads (see warmUp.ts). */
  readonly warmUp?: Pick<EditWarmUp, 'workDone' | 'interrupt' | 'dispose'>;
}

/** What the process running the server may do with it. */
export interface LanguageServer {
  /**
   * Lets go of the diagnostics converted for clients, keeping their result
   * ids; returns how many lists that let go. For a quiet server (see
   * idleCollection.ts): the next pull of a document converts its findings
   * again, which costs far less than holding every list.
   */
  releaseDiagnostics(): number;
}

/** What a client may pass as `initializationOptions`. */
interface InitializationOptions {
  /** Commands the client runs itself; the VS Code extension lists `policylint.showLocation`. */
  readonly clientCommands?: readonly string[];
  /** False in an untrusted workspace (VS Code's restricted mode): project files then set rule severities only. */
  readonly trusted?: boolean;
}

/** `**\/{.policylint.yaml,...}`: config files, watched so that edits to them apply at once. */
const CONFIG_GLOB = `**/{${CONFIG_FILE_NAMES.join(',')}}`;
/** `.policylintignore`, watched for the same reason (only a folder's root one applies, but re-reading costs nothing). */
const IGNORE_FILE_GLOB = `**/${IGNORE_FILE_NAME}`;

/** How many times a lint waits for settings of documents that opened meanwhile before using defaults. */
const SETTINGS_ATTEMPTS = 5;

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function clientCommands(options: unknown): readonly string[] {
  const commands = (options as InitializationOptions | null | undefined)?.clientCommands;
  return Array.isArray(commands) ? commands.filter((command): command is string => typeof command === 'string') : [];
}

/** The folders to scan: `workspaceFolders`, else the deprecated single root. */
function initialFolders(params: InitializeParams | undefined): WorkspaceFolderInput[] {
  if (Array.isArray(params?.workspaceFolders)) return params.workspaceFolders;
  const root = typeof params?.rootUri === 'string' ? params.rootUri : typeof params?.rootPath === 'string' ? fileUri(params.rootPath) : undefined;
  if (root === undefined) return [];
  const file = uriToPath(root);
  return [{ uri: root, name: file ? path.basename(file) : root }];
}

/** The cancellation token of a custom request: sent without params, the handler gets the token as its only argument. */
function requestToken(args: readonly unknown[]): LspCancellationToken {
  return args.find((arg): arg is LspCancellationToken => LspCancellationToken.is(arg)) ?? LspCancellationToken.None;
}

function untilCancelled(token: LspCancellationToken): Promise<void> {
  return new Promise((resolve) => {
    if (token.isCancellationRequested) resolve();
    else token.onCancellationRequested(() => resolve());
  });
}

/**
 * Registers every handler of the policylint language server on `connection`
 * and starts listening for document events. The caller calls
 * `connection.listen()`.
 */
export function createServer(connection: Connection, options: ServerOptions = {}): LanguageServer {
  const pushDelayMs = options.pushDelayMs ?? 200;
  const log = {
    info: (message: string) => connection.console.log(message),
    warn: (message: string) => connection.console.warn(message),
    error: (message: string) => connection.console.error(message),
  };
  const documents = createDocuments(log.warn);
  // A client that never answers must not hold up linting (with defaults) or the scan (without progress).
  const configurationRequests = new ClientRequests('workspace/configuration', () => settingsArrivedLate());
  const progressRequests = new ClientRequests('window/workDoneProgress/create', () => undefined);
  const cache = new ResultCache(options.linter ?? new Linter(), log.error);

  let pullMode = false;
  let refreshSupport = false;
  let dynamicConfiguration = false;
  let documentChanges = false;
  let configurationSupport = false;
  let watchedFilesSupport = false;
  let folderChangeSupport = false;
  let showLocation: 'client' | 'server' | undefined;
  let folders: WorkspaceFolderInput[] = [];
  /** The last `didChangeConfiguration` payload, for clients that cannot be asked for settings. */
  let pushedSettings: unknown;
  let shuttingDown = false;
  let settings = new SettingsStore({ warn: log.warn });
  /** Canonical URIs of documents opened at some point: the client may still show what it pulled for them. */
  const touched = new Set<string>();
  const changes = new ChangeSignal(pushDelayMs);

  const scanner = new WorkspaceScanner(
    {
      folderSettings: async (folderUri): Promise<FolderSettings> => {
        if (configurationSupport) {
          const [filesExclude, policylint] = (await configurationRequests.bounded(connection.workspace.getConfiguration([
            { scopeUri: folderUri, section: 'files.exclude' },
            { scopeUri: folderUri, section: 'policylint' },
          ]))) as unknown[];
          return { filesExclude, policylint };
        }
        const pushed = (pushedSettings ?? {}) as { files?: { exclude?: unknown }; policylint?: unknown };
        return { filesExclude: pushed.files?.exclude, policylint: pushed.policylint };
      },
      createProgress: () => progressRequests.bounded(connection.window.createWorkDoneProgress()),
      log: log.info,
      warn: log.warn,
      changed: () => workspaceChanged(),
      afterScan: async () => {
        // The first lint of a whole workspace is the slow one: run it while the progress is showing.
        try {
          await currentSnapshot();
        } catch (error) {
          if (!(error instanceof LintCancelledError)) log.error(`policylint: diagnostics failed: ${describe(error)}`);
        }
      },
    },
    options.maxFiles,
  );

  const projectConfigs = new ProjectConfigs(log.warn);
  const ignoreFiles = new IgnoreFiles(log.warn);

  const lookup = (uri: string): TextDocument | undefined => documents.get(uri) ?? scanner.index.get(uri);
  // A didOpen without text must not poison the shared lint of every other document.
  const isLintable = (doc: TextDocument): boolean =>
    toEngineLanguage(doc.languageId) !== undefined && typeof doc.getText() === 'string';
  const lintableDocuments = (): TextDocument[] => documents.all().filter(isLintable);
  /** A result entry for the disk text of a file (not an open document); versions tell them apart. */
  const diskDocument = (uri: string, entry: DocumentFindings): TextDocument | undefined => {
    const doc = scanner.index.get(uri);
    return doc && doc.version === entry.version ? doc : undefined;
  };

  interface Target {
    readonly doc: TextDocument;
    /** Whose settings apply: the document's own when open, its folder's when read from disk. */
    readonly settingsUri: string;
    readonly config: ProjectConfig | null;
  }

  // Paths are looked up per lint for every scanned file; a document object keeps its URI.
  const paths = new WeakMap<TextDocument, string | null>();
  const pathOf = (doc: TextDocument): string | null => {
    let file = paths.get(doc);
    if (file === undefined) {
      file = uriToPath(doc.uri) ?? null;
      paths.set(doc, file);
    }
    return file;
  };

  /**
   * Open documents, then the scanned files they do not shadow (open text
   * always wins over disk), minus what `policylint.ignore`, a config
   * file's `ignore` or the folder's `.policylintignore` leaves out.
   * `waiting` holds the lookups still running; until they settle a document
   * counts as not ignored and without a config file.
   */
  function lintTargets(): { targets: Target[]; waiting: Promise<unknown>[] } {
    const targets: Target[] = [];
    const waiting: Promise<unknown>[] = [];
    const configFor = (doc: TextDocument, canonical: string): ProjectConfig | null | 'ignored' => {
      const file = pathOf(doc);
      if (file === null) return null;
      const stop = scanner.folderOf(canonical)?.path;
      if (stop !== undefined) {
        const isIgnored = ignoreFiles.peek(stop);
        if (isIgnored === undefined) waiting.push(ignoreFiles.resolve(stop));
        else if (isIgnored?.(file)) return 'ignored';
      }
      let config = projectConfigs.peek(file, stop);
      if (config === undefined) {
        waiting.push(projectConfigs.resolve(file, stop));
        config = null;
      }
      return config?.isIgnored(file) ? 'ignored' : config;
    };
    // Any open document shadows its file on disk, even one in a language the server does not lint.
    const open = new Set(documents.all().map((doc) => canonicalUri(doc.uri)));
    for (const doc of lintableDocuments()) {
      const canonical = canonicalUri(doc.uri);
      const ignored = scanner.peekLintIgnored(doc.uri);
      if (ignored === undefined) waiting.push(scanner.isLintIgnored(doc.uri));
      const config = configFor(doc, canonical);
      if (ignored !== true && config !== 'ignored') targets.push({ doc, settingsUri: doc.uri, config });
    }
    for (const doc of scanner.index.values()) {
      if (open.has(doc.uri)) continue;
      const config = configFor(doc, doc.uri);
      if (config !== 'ignored') targets.push({ doc, settingsUri: scanner.folderOf(doc.uri)?.clientUri ?? doc.uri, config });
    }
    return { targets, waiting };
  }

  /** Result ids of the documents' diagnostics lists, kept to the uris of the latest snapshot. */
  const resultIds = new ResultIds();
  let prunedFor: Snapshot | undefined;

  /** Results for the documents as they are now; lints only when something changed. */
  async function currentSnapshot(token?: CancellationToken): Promise<Snapshot> {
    const snapshot = cache.get(await currentInputs(token), settings.generation, token);
    if (snapshot !== prunedFor) {
      // A new snapshot means a lint ran; asking again for unchanged documents (a client re-pulling on focus) is not work.
      options.idleCollector?.workDone();
      options.warmUp?.workDone(() => {
        // The document opened last: the one a writer is about to edit.
        const doc = lintableDocuments().at(-1);
        return doc && { uri: doc.uri, languageId: toEngineLanguage(doc.languageId)!, text: doc.getText() };
      });
      prunedFor = snapshot;
      resultIds.prune((uri) => snapshot.results.has(uri));
    }
    return snapshot;
  }

  /** The documents to lint as they are now, each with its settings (waiting for settings not yet fetched). */
  async function currentInputs(token?: CancellationToken): Promise<LintInput[]> {
    for (let attempt = 0; ; attempt++) {
      const { targets, waiting } = lintTargets();
      const scopes = new Set(targets.map((target) => target.settingsUri).filter((uri) => settings.peek(uri) === undefined));
      if ((scopes.size > 0 || waiting.length > 0) && attempt < SETTINGS_ATTEMPTS) {
        await Promise.all([...[...scopes].map((uri) => settings.get(uri)), ...waiting]);
        if (token?.isCancellationRequested) throw new LintCancelledError();
        // Documents may have opened or settings changed while waiting: look again.
        continue;
      }
      const inputs: LintInput[] = targets.map(({ doc, settingsUri, config }) => ({
        uri: doc.uri,
        version: doc.version,
        languageId: toEngineLanguage(doc.languageId)!,
        text: doc.getText(),
        settings: projectConfigs.apply(settings.peek(settingsUri) ?? DEFAULT_SETTINGS, config),
      }));
      return inputs;
    }
  }

  /** The problems of the config files in use, as diagnostics on those files (memoised per read of a file). */
  const configReports = new WeakMap<ProjectConfig, { diagnostics: Diagnostic[]; resultId: string }>();
  // Config files are few and never part of a snapshot: their ids are kept apart and never pruned.
  const configIds = new ResultIds();
  function configFileReports(): ClosedFileDiagnostics[] {
    return projectConfigs.inUse().map((config) => {
      let result = configReports.get(config);
      if (!result) {
        const diagnostics = configDiagnostics(config);
        result = { diagnostics, resultId: configIds.idFor(config.uri, diagnostics) };
        configReports.set(config, result);
      }
      return { uri: config.uri, ...result };
    });
  }

  // Conversion is memoised per snapshot entry: a refresh re-pulls every document from one lint.
  let converted = new WeakMap<DocumentFindings, { diagnostics: Diagnostic[]; resultId: string }>();
  function report(doc: TextDocument, entry: DocumentFindings): { diagnostics: Diagnostic[]; resultId: string } {
    let result = converted.get(entry);
    if (!result) {
      const diagnostics = toDiagnostics(doc, entry.findings, lookup);
      result = { diagnostics, resultId: resultIds.idFor(doc.uri, diagnostics) };
      converted.set(entry, result);
    }
    return result;
  }

  /** The index or what counts as ignored changed: tell whichever diagnostic model is in use. */
  function workspaceChanged(): void {
    changes.bump();
    if (!pullMode) schedulePushAll();
    else if (refreshSupport) scheduleRefresh();
  }

  // ---- push model -------------------------------------------------------
  const pushTimers = new Map<string, NodeJS.Timeout>();
  let pushAllTimer: NodeJS.Timeout | undefined;
  const published = new Map<string, string>();

  function schedulePush(uri: string, delay = pushDelayMs): void {
    clearTimeout(pushTimers.get(uri));
    pushTimers.set(
      uri,
      setTimeout(() => {
        pushTimers.delete(uri);
        void pushNow(uri);
      }, delay),
    );
  }

  /** Re-pushes everything not being edited, for changes made elsewhere (other files, settings, the disk). */
  function schedulePushAll(delay = pushDelayMs): void {
    if (pushAllTimer) return;
    pushAllTimer = setTimeout(() => {
      pushAllTimer = undefined;
      void pushNow(undefined);
    }, delay);
  }

  /**
   * Publishes `trigger` and every other document or scanned file whose
   * diagnostics changed in the same lint, except documents still inside
   * their own debounce window.
   */
  async function pushNow(trigger: string | undefined): Promise<void> {
    try {
      const snapshot = await currentSnapshot();
      const send = (uri: string, diagnostics: Diagnostic[], version?: number): void => {
        connection.sendDiagnostics({ uri, ...(version === undefined ? {} : { version }), diagnostics }).catch((error: unknown) => {
          log.error(`policylint: could not publish diagnostics: ${describe(error)}`);
        });
      };
      const configs = configFileReports();
      const current = new Set([...snapshot.results.keys(), ...configs.map((config) => config.uri)]);
      // Clear first: a closed document's URI and its disk file's canonical URI may name one file.
      for (const uri of [...published.keys()]) {
        if (current.has(uri)) continue;
        published.delete(uri);
        send(uri, []);
      }
      for (const { uri, diagnostics, resultId } of configs) {
        if (published.get(uri) === resultId) continue;
        published.set(uri, resultId);
        send(uri, diagnostics);
      }
      for (const [uri, entry] of snapshot.results) {
        const open = documents.get(uri);
        const doc = open && open.version === entry.version ? open : diskDocument(uri, entry);
        if (!doc) continue;
        if (doc === open && uri !== trigger && pushTimers.has(uri)) continue;
        const { diagnostics, resultId } = report(doc, entry);
        if (published.get(uri) === resultId) continue;
        published.set(uri, resultId);
        send(uri, diagnostics, doc === open ? doc.version : undefined);
      }
    } catch (error) {
      log.error(`policylint: diagnostics failed: ${describe(error)}`);
    }
  }

  // ---- pull model -------------------------------------------------------
  /** resultId last handed to the client per open document; tells whether a cross-file change made it stale. */
  const reported = new Map<string, string>();
  let staleTimer: NodeJS.Timeout | undefined;
  let refreshTimer: NodeJS.Timeout | undefined;
  let refreshedFor: Snapshot | undefined;

  function requestRefresh(snapshot?: Snapshot): void {
    refreshedFor = snapshot;
    // The client re-pulls what it shows; documents it does not re-pull must not keep triggering refreshes.
    reported.clear();
    connection.languages.diagnostics.refresh().catch((error: unknown) => {
      log.error(`policylint: diagnostic refresh failed: ${describe(error)}`);
    });
  }

  /** One refresh per burst of file events or scan results. */
  function scheduleRefresh(): void {
    if (refreshTimer) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      requestRefresh();
    }, pushDelayMs);
  }

  /**
   * Clients pull only the document that changed (VS Code also re-pulls
   * others with `interFileDependencies`, other clients may not), so after a
   * pull, open or close check whether another document's diagnostics moved.
   */
  function scheduleStaleCheck(): void {
    if (!pullMode || !refreshSupport) return;
    clearTimeout(staleTimer);
    staleTimer = setTimeout(() => {
      staleTimer = undefined;
      void checkStale();
    }, pushDelayMs);
  }

  async function checkStale(): Promise<void> {
    try {
      const snapshot = await currentSnapshot();
      if (snapshot === refreshedFor) return;
      for (const [uri, resultId] of reported) {
        const doc = documents.get(uri);
        const entry = snapshot.results.get(uri);
        if (doc && entry && entry.version === doc.version && report(doc, entry).resultId !== resultId) {
          requestRefresh(snapshot);
          return;
        }
      }
    } catch (error) {
      log.error(`policylint: diagnostics check failed: ${describe(error)}`);
    }
  }

  // ---- lifecycle --------------------------------------------------------
  connection.onInitialize((params): InitializeResult => {
    const capabilities = params?.capabilities ?? {};
    pullMode = capabilities.textDocument?.diagnostic !== undefined;
    refreshSupport = capabilities.workspace?.diagnostics?.refreshSupport === true;
    dynamicConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    documentChanges = capabilities.workspace?.workspaceEdit?.documentChanges === true;
    configurationSupport = capabilities.workspace?.configuration === true;
    watchedFilesSupport = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folderChangeSupport = capabilities.workspace?.workspaceFolders === true;
    folders = initialFolders(params);
    projectConfigs.trusted = (params?.initializationOptions as InitializationOptions | null | undefined)?.trusted !== false;
    ignoreFiles.trusted = projectConfigs.trusted;
    if (clientCommands(params?.initializationOptions).includes(SHOW_LOCATION_COMMAND)) showLocation = 'client';
    else if (capabilities.window?.showDocument?.support === true) showLocation = 'server';
    settings = new SettingsStore({
      warn: log.warn,
      fetch: configurationSupport
        ? (uri) => configurationRequests.bounded(connection.workspace.getConfiguration({ scopeUri: uri, section: 'policylint' }))
        : undefined,
    });
    const codeActionLiterals = capabilities.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        // Clients without literal support only understand commands; policylint offers edits.
        ...(codeActionLiterals ? { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } } : {}),
        ...(pullMode
          ? { diagnosticProvider: { identifier: 'policylint', interFileDependencies: true, workspaceDiagnostics: true } }
          : {}),
        // showLocation only when the server runs it: a client that runs it itself would see a duplicate.
        executeCommandProvider: { commands: [UPDATE_CONFIG_COMMAND, ...(showLocation === 'server' ? [SHOW_LOCATION_COMMAND] : [])] },
        ...(folderChangeSupport ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
      },
      serverInfo: { name: 'policylint' },
    };
  });

  connection.onInitialized(() => {
    if (dynamicConfiguration) {
      // Without this registration VS Code's client sends no change notifications for these sections.
      connection.client
        .register(DidChangeConfigurationNotification.type, { section: ['policylint', 'files.exclude'] })
        .catch((error: unknown) => log.error(`policylint: could not register for configuration changes: ${describe(error)}`));
    }
    if (watchedFilesSupport) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [
            { globPattern: SUPPORTED_GLOB },
            { globPattern: CONFIG_GLOB },
            { globPattern: IGNORE_FILE_GLOB },
            // A deleted or renamed folder is one event for the folder, whatever its files are called.
            { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
          ],
        })
        .catch((error: unknown) => log.error(`policylint: could not watch workspace files: ${describe(error)}`));
    }
    if (folderChangeSupport) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => scanner.changeFolders(event.added, event.removed));
    }
    scanner.start(folders);
  });

  /** Forgets every settings answer and lints again with fresh ones. */
  function settingsChanged(): void {
    settings.clear(pushedSettings);
    scanner.settingsChanged();
    changes.bump();
    if (pullMode) {
      if (refreshSupport) requestRefresh();
    } else {
      schedulePushAll(0);
    }
  }

  connection.onDidChangeConfiguration((change) => {
    pushedSettings = change?.settings;
    settingsChanged();
  });

  /**
   * A settings answer came after linting went on with defaults: read the
   * settings again now (once for a burst of late answers; later requests
   * wait longer, see `ClientRequests`).
   */
  let lateSettingsTimer: NodeJS.Timeout | undefined;
  function settingsArrivedLate(): void {
    if (lateSettingsTimer || shuttingDown) return;
    lateSettingsTimer = setTimeout(() => {
      lateSettingsTimer = undefined;
      if (!shuttingDown) settingsChanged();
    }, 0);
  }

  connection.onDidChangeWatchedFiles((params) => {
    if (!Array.isArray(params?.changes)) return;
    scanner.filesChanged(params.changes);
    const changedFiles = params.changes.flatMap((change) => {
      const file = typeof change?.uri === 'string' ? uriToPath(change.uri) : undefined;
      return file === undefined ? [] : [file];
    });
    const configChanged = changedFiles.some(isConfigFileName);
    const ignoreFileChanged = changedFiles.some(isIgnoreFileName);
    // A config file applies to every folder below it: look everything up again.
    if (configChanged) projectConfigs.invalidate();
    if (ignoreFileChanged) ignoreFiles.invalidate();
    if (configChanged || ignoreFileChanged) workspaceChanged();
  });

  documents.onDidOpen(({ document }) => {
    options.warmUp?.interrupt();
    touched.add(canonicalUri(document.uri));
    // A reopened document may reuse a version number for different text.
    cache.invalidate();
    changes.bump();
    scheduleStaleCheck();
  });

  documents.onDidChangeContent(({ document }) => {
    options.warmUp?.interrupt();
    changes.bump();
    if (!pullMode && isLintable(document)) schedulePush(document.uri);
  });

  documents.onDidClose(({ document }) => {
    const uri = document.uri;
    settings.forget(uri);
    reported.delete(uri);
    clearTimeout(pushTimers.get(uri));
    pushTimers.delete(uri);
    changes.bump();
    // A scanned file goes back to its disk text, which the next push publishes.
    const onDisk = scanner.index.has(canonicalUri(uri));
    if (!onDisk && published.delete(uri)) {
      connection.sendDiagnostics({ uri, diagnostics: [] }).catch((error: unknown) => {
        log.error(`policylint: could not clear diagnostics: ${describe(error)}`);
      });
    }
    // Copies in the closed document no longer count as "earlier" for the others.
    if (pullMode) scheduleStaleCheck();
    else schedulePushAll();
  });

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const uri: unknown = params?.textDocument?.uri;
    if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'policylint: textDocument.uri is required');
    // Let queued cancellations and changes land first: after a long lint, most queued pulls are stale.
    await new Promise((resolve) => setImmediate(resolve));
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'policylint: pull cancelled');
    const open = documents.get(uri);
    // A closed file still has diagnostics if it was scanned (VS Code pulls once more on close).
    const doc = open ? (isLintable(open) ? open : undefined) : scanner.index.get(canonicalUri(uri));
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    let snapshot: Snapshot;
    try {
      snapshot = await currentSnapshot(token);
    } catch (error) {
      if (error instanceof LintCancelledError) throw new ResponseError(LSPErrorCodes.RequestCancelled, error.message);
      throw error;
    }
    const entry = snapshot.results.get(doc.uri);
    if (!entry || entry.version !== doc.version) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const { diagnostics, resultId } = report(doc, entry);
    if (doc === open) {
      reported.set(uri, resultId);
      scheduleStaleCheck();
    }
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: diagnostics };
  });

  connection.languages.diagnostics.onWorkspace(async (params, token): Promise<WorkspaceDiagnosticReport> => {
    await Promise.race([scanner.ready, untilCancelled(token)]);
    const previous = new Map<string, string>();
    const ids: unknown = params?.previousResultIds;
    for (const item of Array.isArray(ids) ? (ids as { uri?: unknown; value?: unknown }[]) : []) {
      if (typeof item?.uri === 'string' && typeof item.value === 'string') previous.set(canonicalUri(item.uri), item.value);
    }
    // Held until there is something new to say: see workspaceDiagnostics.ts.
    for (;;) {
      if (token.isCancellationRequested || shuttingDown) return { items: [] };
      const since = changes.current;
      let snapshot: Snapshot;
      try {
        snapshot = await currentSnapshot(token);
      } catch (error) {
        if (error instanceof LintCancelledError) return { items: [] };
        throw error;
      }
      const open = new Set(documents.all().map((doc) => canonicalUri(doc.uri)));
      const closedFiles = function* (): Generator<ClosedFileDiagnostics> {
        for (const [uri, entry] of snapshot.results) {
          const doc = diskDocument(uri, entry);
          if (doc) yield { uri, ...report(doc, entry) };
        }
        // Config files are never linted documents, so their problems always travel this way.
        yield* configFileReports();
      };
      const items = workspaceReports(closedFiles(), previous, (uri) => open.has(uri), touched);
      if (items.length > 0) return { items };
      await changes.wait(since, token);
    }
  });

  connection.onCodeAction(async (params, token) => {
    const uri: unknown = params?.textDocument?.uri;
    const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!doc || !isLintable(doc)) return [];
    try {
      return await provideCodeActions(doc, params, {
        lookup,
        documentChanges,
        showLocation: showLocation !== undefined,
        configCommands: uriToPath(doc.uri) !== undefined,
        warn: log.warn,
        currentFindings: async () => (await currentSnapshot(token)).results.get(doc.uri),
      });
    } catch (error) {
      if (error instanceof LintCancelledError) throw new ResponseError(LSPErrorCodes.RequestCancelled, error.message);
      log.error(`policylint: code actions failed: ${describe(error)}`);
      return [];
    }
  });

  connection.onExecuteCommand(async (params) => {
    if (params?.command === UPDATE_CONFIG_COMMAND) {
      return updateConfig(params.arguments, {
        locate: async (file) => {
          const folder = scanner.folderOf(canonicalUri(fileUri(file)))?.path;
          const config = await projectConfigs.resolve(file, folder);
          return { configFile: config?.file, folder };
        },
        written: () => {
          projectConfigs.invalidate();
          workspaceChanged();
        },
        inform: (message) => void connection.window.showInformationMessage(message),
        fail: (message) => {
          log.warn(message);
          void connection.window.showErrorMessage(message);
        },
      });
    }
    if (params?.command !== SHOW_LOCATION_COMMAND) {
      throw new ResponseError(ErrorCodes.InvalidParams, `policylint: unknown command ${String(params?.command)}`);
    }
    const [uri, range] = Array.isArray(params.arguments) ? (params.arguments as unknown[]) : [];
    if (typeof uri !== 'string' || !isRange(range)) {
      throw new ResponseError(ErrorCodes.InvalidParams, `policylint: ${SHOW_LOCATION_COMMAND} takes a uri and a range`);
    }
    const shown = await connection.window.showDocument({ uri, takeFocus: true, selection: range });
    if (!shown.success) log.warn(`policylint: the editor could not show ${uri}`);
  });

  // "policylint: Lint workspace": every folder scanned again (with progress), then every file's diagnostics refreshed.
  connection.onRequest(LINT_WORKSPACE_REQUEST, async (...args: unknown[]): Promise<LintWorkspaceResult> => {
    const token = requestToken(args);
    if (shuttingDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'policylint: the server is shutting down');
    await scanner.rescanAll(token);
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'policylint: workspace lint cancelled');
    changes.bump();
    if (pullMode) {
      if (refreshSupport) requestRefresh();
    } else {
      schedulePushAll(0);
    }
    return { files: scanner.index.size };
  });

  // "policylint: Show consistency report": names and their forms, acronyms, repeated-paragraph groups.
  connection.onRequest(CONSISTENCY_REPORT_REQUEST, async (...args: unknown[]): Promise<ConsistencyReportResult> => {
    const token = requestToken(args);
    const params = LspCancellationToken.is(args[0]) ? undefined : (args[0] as ConsistencyReportParams | null | undefined);
    if (shuttingDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'policylint: the server is shutting down');
    await Promise.race([scanner.ready, untilCancelled(token)]);
    const inputs = await currentInputs(token);
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'policylint: report cancelled');
    const uri = typeof params?.uri === 'string' ? params.uri : undefined;
    const reportUri = typeof params?.reportUri === 'string' ? params.reportUri : undefined;
    return buildConsistencyReport(inputs, { uri, reportUri }, (u) => scanner.folderOf(canonicalUri(u)), DEFAULT_SETTINGS.config);
  });

  connection.onShutdown(() => {
    shuttingDown = true;
    for (const timer of pushTimers.values()) clearTimeout(timer);
    pushTimers.clear();
    clearTimeout(pushAllTimer);
    clearTimeout(staleTimer);
    clearTimeout(refreshTimer);
    clearTimeout(lateSettingsTimer);
    changes.close();
    scanner.dispose();
    options.idleCollector?.dispose();
    options.warmUp?.dispose();
  });

  documents.listen(connection);
  return {
    releaseDiagnostics(): number {
      // A pull after this converts its document again; ids stay what they were (see ResultIds.compact).
      converted = new WeakMap();
      return resultIds.compact();
    },
  };
}
