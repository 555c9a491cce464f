/**
 * The policylint VS Code extension: starts the bundled language server over
 * IPC and offers a restart command. All linting happens in the server, so
 * the editor and the CLI report exactly the same findings.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

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
