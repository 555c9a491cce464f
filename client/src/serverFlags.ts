/**
 * Node flags the extension starts the language server with: `--expose-gc`
 * lets the server give memory back once it is quiet after heavy work (see
 * server/src/lsp/idleCollection.ts). Kept apart from extension.ts, which
 * needs `vscode`, so that the benchmark starts the server the same way.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--expose-gc'];
