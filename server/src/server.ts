/**
 * Entry point of the policylint language server. `createConnection` picks
 * the transport from argv (`--stdio`, `--node-ipc`, `--socket=`), so the
 * same bundle serves VS Code (IPC) and other editors (stdio).
 */
import { getHeapStatistics } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { clearContentCaches } from './engine';
import { createServer } from './lsp/connection';
import { idleCollectorForProcess } from './lsp/idleCollection';
import { EditWarmUp, WARM_UP_LINTS, WARM_UP_MAX_CHARS, WARM_UP_QUIET_MS } from './lsp/warmUp';

const connection = createConnection(ProposedFeatures.all);

// A bug in one request must not take the editor's linting down; log it and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`policylint: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`policylint: unhandled rejection: ${String(reason)}`));

const MB = 1024 * 1024;
// What a quiet server lets go: the engine's caches, then the diagnostics converted for the client (known once the
// server exists, which takes the collector).
let releaseDiagnostics = (): number => 0;
// Only under `--expose-gc` (the VS Code client passes it); see lsp/idleCollection.ts.
const idleCollector = idleCollectorForProcess(
  () => getHeapStatistics().used_heap_size,
  () => clearContentCaches() + releaseDiagnostics(),
  ({ before, after, ms, released }) =>
    connection.console.log(
      `policylint: quiet, ${released > 0 ? `released ${released} cached entries and ` : ''}collected garbage: heap ${Math.round(before / MB)} MB -> ${Math.round(after / MB)} MB in ${Math.round(ms)} ms`,
    ),
);

// `--no-warm-up` leaves the edit path cold until the writer's own edits warm it (for measuring it; see lsp/warmUp.ts).
const warmUp = process.argv.includes('--no-warm-up')
  ? undefined
  : new EditWarmUp({
      quietMs: WARM_UP_QUIET_MS,
      lints: WARM_UP_LINTS,
      maxChars: WARM_UP_MAX_CHARS,
      onDone: ({ lints, ms, stopped }) =>
        connection.console.log(`policylint: warmed up the edit path with ${lints} lints of a copy of the draft in ${Math.round(ms)} ms${stopped ? ' (stopped by an edit)' : ''}`),
    });

const server = createServer(connection, { ...(idleCollector ? { idleCollector } : {}), ...(warmUp ? { warmUp } : {}) });
releaseDiagnostics = () => server.releaseDiagnostics();
connection.listen();
