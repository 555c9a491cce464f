// Bundles the extension client, the language server and the CLI (and its
// worker thread) with esbuild.
// Every runtime dependency is bundled so the .vsix ships no node_modules.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // ESM dependencies (fdir, via tinyglobby) call createRequire(import.meta.url)
  // at load time; in a CJS bundle import.meta is empty, so give it the bundle's URL.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' }),
  build({
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'server/out/cli.js',
    // The shebang must stay on the first line.
    banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
  }),
  // The CLI's worker threads (--concurrency) load this next to cli.js.
  build({ ...common, entryPoints: ['server/src/cli-worker.ts'], outfile: 'server/out/cli-worker.js' }),
]);
