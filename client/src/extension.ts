/**
 * The policylint VS Code extension: starts the bundled language server over
 * IPC, offers a restart command, and runs the "show location" command that
 * the server's "Show the earlier copy" code actions carry. All linting
 * happens in the server, so the editor and the CLI report exactly the same
 * findings.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

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

function createClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: ['markdown', 'plaintext'].flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    outputChannel,
    // No `synchronize.configurationSection`: the server pulls `policylint` settings per document.
    // The server offers "Show the earlier copy" as this extension's command instead of its own.
    initializationOptions: { clientCommands: [SHOW_LOCATION_COMMAND] },
  };
  // The id makes the client honour the `policylint.trace.server` setting.
  return new LanguageClient('policylint', 'policylint', serverOptions, clientOptions);
}

/** Starts the language server when a Markdown or plain-text document opens. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // A log channel: the client writes server messages at their level and honours the user's log-level choice.
  const outputChannel = vscode.window.createOutputChannel('policylint', { log: true });
  context.subscriptions.push(outputChannel);
  client = createClient(context, outputChannel);

  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_LOCATION_COMMAND, async (uri: unknown, range: unknown) => {
      try {
        await showLocation(uri, range);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        outputChannel.error(`show location failed: ${message}`);
        void vscode.window.showErrorMessage(`policylint: could not open the earlier copy: ${message}`);
      }
    }),
    vscode.commands.registerCommand('policylint.restartServer', async () => {
      try {
        if (client?.isRunning()) {
          await client.restart();
        } else {
          // A server that failed to start (or was stopped) cannot be restarted, only started anew.
          await client?.dispose().catch(() => undefined);
          client = createClient(context, outputChannel);
          await client.start();
        }
        outputChannel.info('server restarted');
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        outputChannel.error(`restart failed: ${message}`);
        void vscode.window.showErrorMessage(`policylint: could not restart the server: ${message}`);
      }
    }),
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
