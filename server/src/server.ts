/**
 * Entry point of the policylint language server. `createConnection` picks
 * the transport from argv (`--stdio`, `--node-ipc`, `--socket=`), so the
 * same bundle serves VS Code (IPC) and other editors (stdio).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServer } from './lsp/connection';

const connection = createConnection(ProposedFeatures.all);

// A bug in one request must not take the editor's linting down; log it and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`policylint: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`policylint: unhandled rejection: ${String(reason)}`));

createServer(connection);
connection.listen();
