/**
 * A minimal LSP client for tests: spawns the built server over stdio and
 * exposes what the tests wait for (published diagnostics, refresh requests,
 * log messages) as inboxes, so tests wait on events instead of sleeping.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RULES } from '../../server/src/engine/index';
import {
  CancellationTokenSource,
  CodeActionRequest,
  ConfigurationRequest,
  DidChangeWatchedFilesNotification,
  ExecuteCommandRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  ProgressType,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  DiagnosticRefreshRequest,
  WorkDoneProgressCreateRequest,
  WorkspaceDiagnosticRequest,
  type ClientCapabilities,
  type CodeAction,
  type ConfigurationItem,
  type ConfigurationParams,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type FileEvent,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type RegistrationParams,
  type ShowDocumentParams,
  type TextEdit,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
  type WorkspaceDiagnosticReport,
  type WorkspaceEdit,
  type WorkspaceFolder,
} from 'vscode-languageserver-protocol/node';

/**
 * What VS Code announces, as far as policylint cares: pull diagnostics with
 * refresh, related information, code action literals, settings pulled per
 * scope, workspace folders, watched files and work-done progress.
 */
export const VSCODE_LIKE_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    publishDiagnostics: { relatedInformation: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
  },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    diagnostics: { refreshSupport: true },
  },
  window: { workDoneProgress: true },
};

export const SERVER_PATH = fileURLToPath(new URL('../../server/out/server.js', import.meta.url));

/** The rules these tests are about; every other rule is turned off so that new rules cannot change what they see. */
const BASELINE_RULE_IDS: ReadonlySet<string> = new Set(['repeated-paragraph', 'repeated-sentence', 'repeated-word', 'invalid-directive']);

/** A `policylint.rules` setting: the baseline rules at their defaults, the others off. */
export const BASELINE_RULES: Readonly<Record<string, string>> = Object.fromEntries(
  RULES.map((rule) => [rule.id, BASELINE_RULE_IDS.has(rule.id) ? rule.defaultSeverity : 'off']),
);

/** Items arriving over time; `next` resolves with the first unconsumed item matching a predicate. */
export class Inbox<T> {
  private readonly items: T[] = [];
  private readonly waiters: { match: (item: T) => boolean; resolve: (item: T) => void }[] = [];

  push(item: T): void {
    const index = this.waiters.findIndex((waiter) => waiter.match(item));
    if (index >= 0) {
      this.waiters.splice(index, 1)[0]!.resolve(item);
      return;
    }
    this.items.push(item);
  }

  /** Forgets unconsumed items, so a following `next` sees only what arrives after this point. */
  clear(): void {
    this.items.length = 0;
  }

  /** Every item received and not yet consumed. */
  get pending(): readonly T[] {
    return this.items;
  }

  /** Resolves with (and consumes) the first matching item in arrival order; rejects after `timeoutMs`. */
  next(match: (item: T) => boolean = () => true, timeoutMs = 10_000): Promise<T> {
    const index = this.items.findIndex(match);
    if (index >= 0) return Promise.resolve(this.items.splice(index, 1)[0]!);
    return new Promise<T>((resolve, reject) => {
      const waiter = {
        match,
        resolve: (item: T) => {
          clearTimeout(timer);
          resolve(item);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no matching message within ${timeoutMs} ms; unconsumed: ${JSON.stringify(this.items).slice(0, 2000)}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }
}

/** One `$/progress` notification. */
export interface ProgressEvent {
  readonly token: string | number;
  readonly value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;
}

/** What `initialize` sends besides capabilities. */
export interface InitializeExtras {
  readonly workspaceFolders?: WorkspaceFolder[] | null;
  readonly rootUri?: string | null;
  readonly initializationOptions?: unknown;
}

const WORK_DONE = new ProgressType<WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd>();

/** A spawned server and the client side of its connection. */
export class TestServer {
  readonly published = new Inbox<PublishDiagnosticsParams>();
  readonly refreshes = new Inbox<null>();
  readonly logs = new Inbox<LogMessageParams>();
  readonly configurationRequests = new Inbox<ConfigurationParams>();
  readonly registrations = new Inbox<RegistrationParams>();
  /** Tokens of server-created work-done progress, in order. */
  readonly progressCreated = new Inbox<string | number>();
  readonly progress = new Inbox<ProgressEvent>();
  readonly shownDocuments = new Inbox<ShowDocumentParams>();
  /** Answer to every `workspace/configuration` item, unless `configuration` is set. */
  settings: unknown = {};
  /** Answers `workspace/configuration` per item (section and scope); defaults to `settings` for everything. */
  configuration: ((item: ConfigurationItem) => unknown) | undefined;
  readonly documents = new Map<string, TextDocument>();
  /** Methods of server-to-client requests this client never answers (a hung or broken client). */
  readonly unanswered = new Set<string>();
  readonly exited: Promise<number | null>;
  stderr = '';

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {
    this.exited = new Promise((resolve) => process.once('exit', (code) => resolve(code)));
    process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.published.push(params));
    connection.onNotification(LogMessageNotification.type, (params) => this.logs.push(params));
    const never = new Promise<never>(() => undefined);
    connection.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests.push(params);
      if (this.unanswered.has(ConfigurationRequest.method)) return never;
      return params.items.map((item) => (this.configuration ? this.configuration(item) : this.settings));
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
      if (this.unanswered.has(WorkDoneProgressCreateRequest.method)) return never;
      this.progressCreated.push(params.token);
      // Progress for a token arrives as `$/progress`; listen before answering so nothing is missed.
      connection.onProgress(WORK_DONE, params.token, (value) => this.progress.push({ token: params.token, value }));
    });
    connection.onRequest(ShowDocumentRequest.type, (params) => {
      this.shownDocuments.push(params);
      return { success: true };
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(params);
    });
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshes.push(null);
    });
    connection.listen();
  }

  /**
   * Spawns `node server/out/server.js --stdio`; call `initialize` next.
   * `nodeArgs` go before the script (`--cpu-prof` for the bench), `env`
   * replaces the environment (the no-network test), `serverPath` runs
   * another build of the server (the bench's build comparison), `serverArgs`
   * go after `--stdio` (`--no-warm-up`).
   */
  static spawn(options: { nodeArgs?: readonly string[]; env?: NodeJS.ProcessEnv; serverPath?: string; serverArgs?: readonly string[] } = {}): TestServer {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.serverPath ?? SERVER_PATH, '--stdio', ...(options.serverArgs ?? [])], {
      stdio: 'pipe',
      ...(options.env ? { env: options.env } : {}),
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    return new TestServer(child, connection);
  }

  async initialize(capabilities: ClientCapabilities, extras: InitializeExtras = {}): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: extras.rootUri ?? null,
      capabilities,
      workspaceFolders: extras.workspaceFolders ?? null,
      ...(extras.initializationOptions === undefined ? {} : { initializationOptions: extras.initializationOptions }),
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  async open(uri: string, languageId: string, text: string): Promise<TextDocument> {
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.documents.set(uri, doc);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return doc;
  }

  /**
   * Applies `edits` locally and sends them as incremental changes. Changes
   * apply one after another on the server, so they go last-first to keep
   * every range valid in the text it is applied to.
   */
  async change(uri: string, edits: readonly TextEdit[]): Promise<TextDocument> {
    const before = this.doc(uri);
    const ordered = [...edits].sort((a, b) => before.offsetAt(b.range.start) - before.offsetAt(a.range.start));
    const after = TextDocument.create(uri, before.languageId, before.version + 1, TextDocument.applyEdits(before, [...edits]));
    this.documents.set(uri, after);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: after.version },
      contentChanges: ordered.map((edit) => ({ range: edit.range, text: edit.newText })),
    });
    return after;
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async configurationChanged(settings: unknown = null): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });
  }

  /** Full pull report items; fails the test when the server answers "unchanged". */
  async pullItems(uri: string): Promise<Diagnostic[]> {
    const report = await this.pull(uri);
    if (report.kind !== 'full') throw new Error(`expected a full report, got ${report.kind}`);
    return report.items;
  }

  /**
   * Sends `workspace/diagnostic`. The server holds it until it has news,
   * so the result may settle only after a later change; `cancel` ends it.
   */
  workspacePull(previousResultIds: { uri: string; value: string }[] = []): { result: Promise<WorkspaceDiagnosticReport>; cancel: () => void } {
    const source = new CancellationTokenSource();
    const result = this.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds }, source.token);
    return { result, cancel: () => source.cancel() };
  }

  async watchedFilesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** Sends any request with a cancellation source, for tests that cancel it. */
  cancellable<R>(method: string, params: unknown): { result: Promise<R>; cancel: () => void } {
    const source = new CancellationTokenSource();
    const result = this.connection.sendRequest<R>(method, params, source.token);
    return { result, cancel: () => source.cancel() };
  }

  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  async codeActions(uri: string, range: Range, diagnostics: unknown[], only?: string[]): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics: diagnostics as Diagnostic[], ...(only ? { only } : {}) },
    });
    return (result ?? []) as CodeAction[];
  }

  doc(uri: string): TextDocument {
    const doc = this.documents.get(uri);
    if (!doc) throw new Error(`${uri} is not open`);
    return doc;
  }

  /** Shuts the server down politely and resolves with its exit code. */
  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    return this.exited;
  }

  /** Last resort for afterAll: the process must not outlive the suite. */
  kill(): void {
    this.connection.dispose();
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill();
  }
}

/** The text edits a workspace edit makes to `uri`, from either `changes` or `documentChanges`. */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const edits: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) {
      for (const e of change.edits) if ('range' in e && 'newText' in e) edits.push({ range: e.range, newText: e.newText });
    }
  }
  return edits;
}

/** Deletes or replaces text and checks that no two edits of one action overlap. */
export function applyWorkspaceEdit(doc: TextDocument, edit: WorkspaceEdit | undefined): string {
  const edits = editsFor(edit, doc.uri);
  const spans = edits
    .map((e) => [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)] as const)
    .sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]![0] < spans[i - 1]![1]) throw new Error('workspace edit has overlapping text edits');
  }
  return TextDocument.applyEdits(doc, edits);
}
