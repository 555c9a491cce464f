/**
 * The policylint VS Code extension: starts the bundled language server over
 * IPC, offers restart, fix-all, lint-workspace and consistency-report commands, shows the active file's count in
 * the status bar, and runs the "show location" command that the server's
 * "Show the earlier copy" code actions carry. All linting happens in the
 * server, so the editor and the CLI report exactly the same findings.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SERVER_ENV, SERVER_NODE_FLAGS } from './serverFlags';

let client: LanguageClient | undefined;

/** Opens a document and selects a range; the server's "Show the earlier copy" actions name it. */
const SHOW_LOCATION_COMMAND = 'policylint.showLocation';

interface LspRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

function isLspRange(value: unknown): value is LspRange {
  const position = (p: unknown): boolean => {
    const q = p as { line?: unknown; character?: unknown } | null;
    return typeof q === 'object' && q !== null && Number.isInteger(q.line) && Number.isInteger(q.character);
  };
  const range = value as { start?: unknown; end?: unknown } | null;
  return typeof range === 'object' && range !== null && position(range.start) && position(range.end);
}

/** Arguments come from a code action, i.e. from the server: check them before trusting them. */
async function showLocation(uri: unknown, range: unknown): Promise<void> {
  if (typeof uri !== 'string' || !isLspRange(range)) throw new Error(`${SHOW_LOCATION_COMMAND} takes a uri and a range`);
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  await vscode.window.showTextDocument(document, { selection, preview: true });
}

/** The languages the server lints; the status bar item shows only for them. */
const LANGUAGES = ['markdown', 'plaintext'];
/** The server's request behind "policylint: Lint workspace" (LINT_WORKSPACE_REQUEST in server/src/lsp/connection.ts). */
const LINT_WORKSPACE_REQUEST = 'policylint/lintWorkspace';
/** The server's request behind "policylint: Show consistency report" (server/src/lsp/report.ts). */
const CONSISTENCY_REPORT_REQUEST = 'policylint/consistencyReport';
/** The kind of the server's fix-all code action. */
const FIX_ALL_KIND = 'source.fixAll.policylint';

/** Counts of policylint's own diagnostics (other sources left out). */
export interface DiagnosticCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

function countDiagnostics(diagnostics: readonly vscode.Diagnostic[]): DiagnosticCounts {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'policylint') continue;
    if (diagnostic.severity === vscode.DiagnosticSeverity.Error) errors++;
    else if (diagnostic.severity === vscode.DiagnosticSeverity.Warning) warnings++;
    else infos++; // Information and Hint
  }
  return { errors, warnings, infos };
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The status bar item: the active file's policylint count; a click opens the Problems view. */
function createStatusItem(context: vscode.ExtensionContext): void {
  const item = vscode.window.createStatusBarItem('policylint.status', vscode.StatusBarAlignment.Left, 0);
  item.name = 'policylint';
  item.command = 'workbench.actions.view.problems';
  const update = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !LANGUAGES.includes(document.languageId)) {
      item.hide();
      return;
    }
    const { errors, warnings, infos } = countDiagnostics(vscode.languages.getDiagnostics(document.uri));
    const total = errors + warnings + infos;
    const icon = errors > 0 ? '$(error)' : warnings > 0 ? '$(warning)' : total > 0 ? '$(info)' : '$(check)';
    item.text = `${icon} ${total} policylint`;
    const detail = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}`;
    item.tooltip = `policylint: ${plural(total, 'problem')} in this file (${detail}). Click to open the Problems view.`;
    item.accessibilityInformation = { label: `policylint: ${plural(total, 'problem')} in this file (${detail})` };
    item.show();
  };
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (document === vscode.window.activeTextEditor?.document) update();
    }),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active !== undefined && event.uris.some((uri) => uri.toString() === active)) update();
    }),
  );
  update();
}

/** Applies the server's fix-all action to the active file (left unsaved, as VS Code's own fix-all does). */
async function fixAllInFile(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !LANGUAGES.includes(editor.document.languageId)) {
    void vscode.window.showInformationMessage('policylint: open a Markdown or plain-text file to fix.');
    return;
  }
  const document = editor.document;
  const fullRange = document.validateRange(new vscode.Range(0, 0, document.lineCount, 0));
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
      'vscode.executeCodeActionProvider',
      document.uri,
      fullRange,
      FIX_ALL_KIND,
    )) ?? [];
  const action = actions.find(
    (candidate): candidate is vscode.CodeAction =>
      'edit' in candidate && candidate.edit !== undefined && candidate.kind !== undefined && vscode.CodeActionKind.SourceFixAll.append('policylint').contains(candidate.kind),
  );
  if (!action?.edit) {
    void vscode.window.showInformationMessage('policylint: no safe fixes in this file.');
    return;
  }
  if (!(await vscode.workspace.applyEdit(action.edit))) {
    void vscode.window.showErrorMessage('policylint: the fixes could not be applied (has the file changed?).');
  }
}

function createClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    // The client adds `env` to the extension host's environment.
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS], env: { ...SERVER_ENV } } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'], env: { ...SERVER_ENV } } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    outputChannel,
    // No `synchronize.configurationSection`: the server pulls `policylint` settings per document.
    // The server offers "Show the earlier copy" as this extension's command instead of its own.
    // In restricted mode the server reads only rule severities from project files.
    initializationOptions: { clientCommands: [SHOW_LOCATION_COMMAND], trusted: vscode.workspace.isTrusted },
  };
  // The id makes the client honour the `policylint.trace.server` setting.
  return new LanguageClient('policylint', 'policylint', serverOptions, clientOptions);
}

/**
 * Wraps a command so that a failure is logged (`<what> failed: …`) and shown
 * to the user (`policylint: could not <action>: …`) instead of vanishing.
 */
function guarded<A extends unknown[]>(
  outputChannel: vscode.LogOutputChannel,
  what: string,
  action: string,
  run: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args) => {
    try {
      await run(...args);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outputChannel.error(`${what} failed: ${message}`);
      void vscode.window.showErrorMessage(`policylint: could not ${action}: ${message}`);
    }
  };
}

/** The client, for commands that need the server to answer. */
function runningClient(): LanguageClient {
  if (!client?.isRunning()) throw new Error('the server is not running (try "policylint: Restart server")');
  return client;
}

/** Restarts the server (or starts a new one if it had stopped). */
async function restartServer(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): Promise<void> {
  if (client?.isRunning()) {
    await client.dispose();
  } else {
    // A server that failed to start (or was stopped) cannot be restarted, only started anew.
    await client?.dispose().catch(() => undefined);
  }
  // A new client, so that initialization options (workspace trust) are read again.
  client = createClient(context, outputChannel);
  await client.start();
  outputChannel.info('server restarted');
}

/** Starts the language server when a Markdown or plain-text document opens. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // A log channel: the client writes server messages at their level and honours the user's log-level choice.
  const outputChannel = vscode.window.createOutputChannel('policylint', { log: true });
  context.subscriptions.push(outputChannel);
  client = createClient(context, outputChannel);
  createStatusItem(context);

  const restart = guarded(outputChannel, 'restart', 'restart the server', () => restartServer(context, outputChannel));
  context.subscriptions.push(
    vscode.commands.registerCommand(
      SHOW_LOCATION_COMMAND,
      guarded(outputChannel, 'show location', 'open the earlier copy', (uri: unknown, range: unknown) => showLocation(uri, range)),
    ),
    vscode.commands.registerCommand('policylint.fixAll', guarded(outputChannel, 'fix all', 'fix the file', fixAllInFile)),
    vscode.commands.registerCommand(
      'policylint.lintWorkspace',
      guarded(outputChannel, 'lint workspace', 'lint the workspace', async () => {
        // The server reports the scan as work-done progress, which VS Code shows; the answer comes when it is done.
        const result = await runningClient().sendRequest<{ files: number }>(LINT_WORKSPACE_REQUEST);
        void vscode.window.showInformationMessage(`policylint: linted ${plural(result.files, 'file')} in the workspace.`);
      }),
    ),
    vscode.commands.registerCommand(
      'policylint.showConsistencyReport',
      guarded(outputChannel, 'consistency report', 'build the consistency report', async () => {
        const server = runningClient();
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        // A real file, not an untitled one: the preview follows its relative links to each location (it refuses file: links).
        await vscode.workspace.fs.createDirectory(context.globalStorageUri);
        const report = vscode.Uri.joinPath(context.globalStorageUri, 'consistency-report.md');
        const result = await server.sendRequest<{ markdown: string; files: number }>(CONSISTENCY_REPORT_REQUEST, {
          uri: active,
          reportUri: report.toString(),
        });
        await vscode.workspace.fs.writeFile(report, new TextEncoder().encode(result.markdown));
        await vscode.commands.executeCommand('markdown.showPreview', report);
      }),
    ),
    vscode.commands.registerCommand('policylint.restartServer', restart),
    // Trust widens what the project file may set: start over with the full configuration.
    vscode.workspace.onDidGrantWorkspaceTrust(restart),
  );

  try {
    await client.start();
  } catch (error) {
    outputChannel.error(`server failed to start: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Stops the server so VS Code does not leave an orphaned process behind. */
export async function deactivate(): Promise<void> {
  await client?.stop().catch(() => undefined);
  client = undefined;
}
