/**
 * Wires the LSP connection to the engine: document sync, settings, pull or
 * push diagnostics, and code actions. Everything is per connection so tests
 * (and a future in-process host) can run a server without globals.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeResult,
} from 'vscode-languageserver';
import { Linter, LintCancelledError, type CancellationToken } from '../engine';
import { FIX_ALL_KIND, provideCodeActions } from './codeActions';
import { toEngineLanguage } from './convert';
import { diagnosticsHash, toDiagnostics } from './diagnostics';
import { ResultCache, type DocumentFindings, type LintInput, type LinterLike, type Snapshot } from './results';
import { DEFAULT_SETTINGS, SettingsStore } from './settings';

/** Knobs for tests; production uses the defaults. */
export interface ServerOptions {
  readonly linter?: LinterLike;
  /** Quiet time after the last change to a document before pushing its diagnostics. */
  readonly pushDelayMs?: number;
}

/** How many times a lint waits for settings of documents that opened meanwhile before using defaults. */
const SETTINGS_ATTEMPTS = 5;

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * Registers every handler of the policylint language server on `connection`
 * and starts listening for document events. The caller calls
 * `connection.listen()`.
 */
export function createServer(connection: Connection, options: ServerOptions = {}): void {
  const pushDelayMs = options.pushDelayMs ?? 200;
  const documents = new TextDocuments(TextDocument);
  const log = {
    warn: (message: string) => connection.console.warn(message),
    error: (message: string) => connection.console.error(message),
  };
  const cache = new ResultCache(options.linter ?? new Linter(), log.error);

  let pullMode = false;
  let refreshSupport = false;
  let dynamicConfiguration = false;
  let documentChanges = false;
  let settings = new SettingsStore({ warn: log.warn });

  const lookup = (uri: string): TextDocument | undefined => documents.get(uri);
  // A didOpen without text must not poison the shared lint of every other document.
  const isLintable = (doc: TextDocument): boolean =>
    toEngineLanguage(doc.languageId) !== undefined && typeof doc.getText() === 'string';
  const lintableDocuments = (): TextDocument[] => documents.all().filter(isLintable);

  /** Results for the open documents as they are now; lints only when something changed. */
  async function currentSnapshot(token?: CancellationToken): Promise<Snapshot> {
    for (let attempt = 0; ; attempt++) {
      const docs = lintableDocuments();
      const missing = docs.filter((doc) => settings.peek(doc.uri) === undefined);
      if (missing.length > 0 && attempt < SETTINGS_ATTEMPTS) {
        await Promise.all(missing.map((doc) => settings.get(doc.uri)));
        if (token?.isCancellationRequested) throw new LintCancelledError();
        // Documents may have opened or settings changed while waiting: look again.
        continue;
      }
      const inputs: LintInput[] = docs.map((doc) => ({
        uri: doc.uri,
        version: doc.version,
        languageId: toEngineLanguage(doc.languageId)!,
        text: doc.getText(),
        settings: settings.peek(doc.uri) ?? DEFAULT_SETTINGS,
      }));
      return cache.get(inputs, settings.generation, token);
    }
  }

  // Conversion is memoised per snapshot entry: a refresh re-pulls every document from one lint.
  const converted = new WeakMap<DocumentFindings, { diagnostics: Diagnostic[]; hash: string }>();
  function report(doc: TextDocument, entry: DocumentFindings): { diagnostics: Diagnostic[]; hash: string } {
    let result = converted.get(entry);
    if (!result) {
      const diagnostics = toDiagnostics(doc, entry.findings, lookup);
      result = { diagnostics, hash: diagnosticsHash(diagnostics) };
      converted.set(entry, result);
    }
    return result;
  }

  // ---- push model -------------------------------------------------------
  const pushTimers = new Map<string, NodeJS.Timeout>();
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

  /** Re-pushes documents that are not being edited, for changes made elsewhere (other files, settings). */
  function schedulePushForIdle(delay = pushDelayMs): void {
    for (const doc of lintableDocuments()) if (!pushTimers.has(doc.uri)) schedulePush(doc.uri, delay);
  }

  /**
   * Publishes `trigger` and every other document whose diagnostics changed in
   * the same lint, except documents still inside their own debounce window.
   */
  async function pushNow(trigger: string): Promise<void> {
    try {
      const snapshot = await currentSnapshot();
      for (const doc of lintableDocuments()) {
        if (doc.uri !== trigger && pushTimers.has(doc.uri)) continue;
        const entry = snapshot.results.get(doc.uri);
        if (!entry || entry.version !== doc.version) continue;
        const { diagnostics, hash } = report(doc, entry);
        if (published.get(doc.uri) === hash) continue;
        published.set(doc.uri, hash);
        connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics }).catch((error: unknown) => {
          log.error(`policylint: could not publish diagnostics: ${describe(error)}`);
        });
      }
    } catch (error) {
      log.error(`policylint: diagnostics failed: ${describe(error)}`);
    }
  }

  // ---- pull model -------------------------------------------------------
  /** resultId last handed to the client per document; tells whether a cross-file change made it stale. */
  const reported = new Map<string, string>();
  let staleTimer: NodeJS.Timeout | undefined;
  let refreshedFor: string | undefined;

  function requestRefresh(snapshotKey?: string): void {
    refreshedFor = snapshotKey;
    // The client re-pulls what it shows; documents it does not re-pull must not keep triggering refreshes.
    reported.clear();
    connection.languages.diagnostics.refresh().catch((error: unknown) => {
      log.error(`policylint: diagnostic refresh failed: ${describe(error)}`);
    });
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
      if (snapshot.key === refreshedFor) return;
      for (const [uri, hash] of reported) {
        const doc = documents.get(uri);
        const entry = snapshot.results.get(uri);
        if (doc && entry && entry.version === doc.version && report(doc, entry).hash !== hash) {
          requestRefresh(snapshot.key);
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
    const configuration = capabilities.workspace?.configuration === true;
    settings = new SettingsStore({
      warn: log.warn,
      fetch: configuration
        ? (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'policylint' })
        : undefined,
    });
    const codeActionLiterals = capabilities.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        // Clients without literal support only understand commands; policylint offers edits.
        ...(codeActionLiterals ? { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } } : {}),
        ...(pullMode
          ? { diagnosticProvider: { identifier: 'policylint', interFileDependencies: true, workspaceDiagnostics: false } }
          : {}),
      },
      serverInfo: { name: 'policylint' },
    };
  });

  connection.onInitialized(() => {
    if (!dynamicConfiguration) return;
    // Without this registration VS Code's client sends no change notifications for our section.
    connection.client.register(DidChangeConfigurationNotification.type, { section: 'policylint' }).catch((error: unknown) => {
      log.error(`policylint: could not register for configuration changes: ${describe(error)}`);
    });
  });

  connection.onDidChangeConfiguration((change) => {
    settings.clear(change?.settings);
    if (pullMode) {
      if (refreshSupport) requestRefresh();
    } else {
      schedulePushForIdle(0);
    }
  });

  documents.onDidOpen(() => {
    // A reopened document may reuse a version number for different text.
    cache.invalidate();
    scheduleStaleCheck();
  });

  documents.onDidChangeContent(({ document }) => {
    if (!pullMode && isLintable(document)) schedulePush(document.uri);
  });

  documents.onDidClose(({ document }) => {
    const uri = document.uri;
    settings.forget(uri);
    reported.delete(uri);
    clearTimeout(pushTimers.get(uri));
    pushTimers.delete(uri);
    if (published.delete(uri)) {
      connection.sendDiagnostics({ uri, diagnostics: [] }).catch((error: unknown) => {
        log.error(`policylint: could not clear diagnostics: ${describe(error)}`);
      });
    }
    // Copies in the closed document no longer count as "earlier" for the others.
    if (pullMode) scheduleStaleCheck();
    else schedulePushForIdle();
  });

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const uri: unknown = params?.textDocument?.uri;
    if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'policylint: textDocument.uri is required');
    const doc = documents.get(uri);
    if (!doc || !isLintable(doc)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    let snapshot: Snapshot;
    try {
      snapshot = await currentSnapshot(token);
    } catch (error) {
      if (error instanceof LintCancelledError) throw new ResponseError(LSPErrorCodes.RequestCancelled, error.message);
      throw error;
    }
    const entry = snapshot.results.get(uri);
    if (!entry || entry.version !== doc.version) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const { diagnostics, hash } = report(doc, entry);
    reported.set(uri, hash);
    scheduleStaleCheck();
    if (params.previousResultId === hash) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: hash };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: hash, items: diagnostics };
  });

  connection.onCodeAction(async (params, token) => {
    const uri: unknown = params?.textDocument?.uri;
    const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!doc || !isLintable(doc)) return [];
    try {
      return await provideCodeActions(doc, params, {
        lookup,
        documentChanges,
        warn: log.warn,
        currentFindings: async () => (await currentSnapshot(token)).results.get(doc.uri),
      });
    } catch (error) {
      if (error instanceof LintCancelledError) throw new ResponseError(LSPErrorCodes.RequestCancelled, error.message);
      log.error(`policylint: code actions failed: ${describe(error)}`);
      return [];
    }
  });

  connection.onShutdown(() => {
    for (const timer of pushTimers.values()) clearTimeout(timer);
    pushTimers.clear();
    clearTimeout(staleTimer);
  });

  documents.listen(connection);
}
