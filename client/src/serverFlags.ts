/**
 * How the extension starts the language server, kept apart from
 * extension.ts, which needs `vscode`, so that the benchmark and the tests
 * start the server the same way.
 */

/**
 * Node flags: `--expose-gc` lets the server give memory back once it is
 * quiet after heavy work (see server/src/lsp/idleCollection.ts).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--expose-gc'];

/**
 * Environment added to the server's: a fixed threshold above which glibc's
 * malloc maps memory on its own and unmaps it when freed (128 KiB, its
 * default starting value). Left to itself, glibc raises the threshold to
 * the size of each large block freed (up to 32 MiB), so the message buffers
 * of a burst of pulls (42 MB of JSON for 1,000 documents) then come from
 * its heap and stay with the process after they are freed: with 1,000
 * documents open and pulled, the RSS at rest was 423-434 MB with it
 * adjusting and 384-397 MB with it fixed, the V8 heap being the same.
 * Other C libraries ignore the variable.
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '131072' };
